"""``boilerstrip clean``: the options checked, the inputs planned, the batch run on the workers
(:mod:`boilerstrip.batch`) with each result reported as it comes, and the summary; or one file
(or stdin) cleaned straight to stdout."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .. import batch
from ..api import extract
from ..config import Config
from .learn import site_templates
from .onefile import read_file, read_stdin, run_noting
from .parser import make_config


def cmd_clean(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    cfg = make_config(args)
    if args.learn or args.templates:
        if "-" in args.inputs and args.learn:
            raise batch.UsageError("--learn reads the inputs twice; it cannot read stdin")
        cfg = cfg.replace(templates=site_templates(args, err))
    if args.explain and args.format in ("txt", "markdown"):
        raise batch.UsageError("--explain adds the removal log to --format json or jsonl; for text use `boilerstrip explain FILE`")
    inputs = list(args.inputs) + (_read_input_list(args.input_list) if args.input_list else [])
    if not inputs:
        raise batch.UsageError("no inputs: name files or folders, - for stdin, or -i FILE with a list of paths")
    if "-" in inputs:
        if len(inputs) > 1 or args.input_list == "-":
            raise batch.UsageError("- (stdin) cannot be combined with other inputs")
        return _clean_to_stdout(read_stdin(cfg.max_bytes), "-", args, cfg, out, err)
    missing = [src for src in inputs if not os.path.lexists(src)]
    if missing:
        raise batch.UsageError(f"input not found: {', '.join(missing[:5])}" + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""))
    if not args.output:
        if len(inputs) == 1 and not os.path.isdir(inputs[0]):  # one file: its result on stdout
            return _clean_file_to_stdout(inputs[0], args, cfg, out, err)
        raise batch.UsageError("-o OUTDIR is required for folders and several files (one file, or -, goes to stdout)")
    to_stdout = args.output == "-"
    if to_stdout and args.format != "jsonl":
        raise batch.UsageError("-o - (stdout) works with --format jsonl only")
    if to_stdout and args.skip_existing:
        raise batch.UsageError("--skip-existing resumes a run into an output folder; -o - has none")
    if args.jobs is not None and args.jobs < 1:
        raise batch.UsageError("--jobs must be at least 1")
    if args.timeout <= 0:
        raise batch.UsageError("--timeout must be positive")
    if args.max_memory is not None and args.max_memory < 1:
        raise batch.UsageError("--max-memory must be at least 1 (MB)")
    outdir = None if to_stdout else args.output
    if outdir is not None:
        if os.path.exists(outdir) and not os.path.isdir(outdir):
            raise batch.UsageError(f"output {outdir} exists and is not a folder")
        batch.check_overlap(inputs, outdir)

    # one folder: walked as the run goes, not listed; jsonl keeps its records in input order and
    # resumes from the paths in the file, so it takes the listed plan
    p = batch.plan(inputs, args.format, outdir) if args.format == "jsonl" else batch.stream_plan(inputs, args.format, outdir)
    summary = batch.Summary(total=len(p.tasks) + len(p.failures), ignored=p.ignored)
    quiet = args.quiet
    progress = batch.Progress(len(p.tasks), err, enabled=not quiet and batch.stderr_is_tty())

    def report(src: str, reason: str) -> None:
        summary.fail(src, reason)
        if not quiet:
            progress.clear()
            print(f"boilerstrip: {src}: {reason}", file=err)

    for src, reason in p.failures:
        report(src, reason)
    if not p.tasks and not p.failures and not quiet:
        ignored = f" ({p.ignored} other files ignored: folders give only {', '.join(batch.INPUT_SUFFIXES)})" if p.ignored else ""
        print(f"boilerstrip: warning: no input files found in {', '.join(inputs)}{ignored}", file=err)
    lock = batch.OutputLock(outdir or ".")
    try:
        return _run_clean(args, cfg, p, summary, report, progress, lock, outdir, out, err)
    finally:
        lock.release()


def _read_input_list(path: str) -> list[str]:
    """``-i FILE``: input paths one a line (blank lines skipped); ``-`` reads them from stdin."""
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
    except OSError as exc:
        raise batch.UsageError(f"-i {path}: cannot read the list of inputs: {exc.strerror or exc}") from exc
    return [line for line in text.splitlines() if line.strip()]


def _prepare_outdir(outdir: str) -> None:
    """Create the output folder and prove it takes files, or stop the run before any work."""
    try:
        os.makedirs(outdir, exist_ok=True)
        import tempfile

        fd, probe = tempfile.mkstemp(dir=outdir, prefix=".boilerstrip-probe.", suffix=batch.TMP_SUFFIX)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise batch.UsageError(f"cannot write into output folder {outdir}: {exc.strerror or exc}") from exc


def _run_clean(
    args: argparse.Namespace,
    cfg: Config,
    p: batch.Plan,
    summary: batch.Summary,
    report: Any,
    progress: batch.Progress,
    lock: batch.OutputLock,
    outdir: str | None,
    out: IO[str],
    err: IO[str],
) -> int:
    quiet = args.quiet
    todo: Iterable[batch.Task] = p.tasks
    jsonl_path = os.path.join(outdir, batch.JSONL_NAME) if outdir is not None and args.format == "jsonl" else None
    if outdir is not None:
        _prepare_outdir(outdir)
        if lock.acquire():
            batch.remove_stale_temps(outdir)
        if args.skip_existing:
            if jsonl_path is not None:
                try:
                    have = batch.jsonl_paths(jsonl_path)
                except OSError as exc:
                    raise batch.UsageError(f"--skip-existing: cannot read {jsonl_path}: {exc.strerror or exc}") from exc
                todo = [t for t in p.tasks if t.src not in have]
                summary.skipped = len(p.tasks) - len(todo)
            else:
                todo = _not_done(p.tasks, outdir, summary)

    try:
        jsonl = batch.JsonlSink(jsonl_path, out, [t.n for t in todo], resume=args.skip_existing) if args.format == "jsonl" else None
    except OSError as exc:
        print(f"boilerstrip: cannot write {batch.JSONL_NAME} in {outdir}: {exc.strerror or exc}", file=err)
        return 1
    job = batch.Job(cfg, outdir if jsonl is None else None, args.format, args.explain, args.input_format, args.fsync, args.max_memory * 1024 * 1024 if args.max_memory else None)
    finished = 0
    folders: set[str] = set()  # the output folders written into (fsynced at the end)

    def on_result(task: batch.Task, res: dict[str, Any]) -> None:
        nonlocal finished
        finished += 1
        folders.add(os.path.dirname(task.out))
        if "error" in res:
            report(task.src, res["error"])
            if jsonl:
                jsonl.put(task.n, None)
            return
        if jsonl:
            try:
                jsonl.put(task.n, res.pop("record"))
            except OSError as exc:
                report(task.src, f"cannot write {batch.JSONL_NAME}: {exc.strerror or exc}")
                return
        for note in res.get("warnings", ()):
            summary.warn(task.src, note)
            if not quiet:
                progress.clear()
                print(f"boilerstrip: {task.src}: warning: {note}", file=err)
        summary.add(res)

    def on_progress() -> None:
        progress.update(summary.skipped + summary.ok + summary.failed - len(p.failures), summary.failed)  # a resumed run starts at what it skips

    start = _now()
    code = 0
    try:
        batch.run_batch(todo, job, jobs=args.jobs or batch.default_jobs(), timeout=args.timeout, on_result=on_result, on_progress=on_progress)
    except batch.Interrupted as exc:
        summary.interrupted = True
        summary.not_done = len(p.tasks) - summary.skipped - finished
        code = exc.code
    except (OSError, RuntimeError) as exc:  # cannot start workers at all (fork refused, broken setup)
        progress.clear()
        print(f"boilerstrip: batch stopped: {exc}", file=err)
        summary.interrupted = True
        summary.not_done = len(p.tasks) - summary.skipped - finished
        code = 1
    if outdir is not None and jsonl is None and args.fsync:  # make the renames themselves durable
        for folder in sorted(folders):
            batch.fsync_dir(os.path.join(outdir, folder))
    if jsonl:
        try:
            jsonl.close(args.fsync)
        except OSError as exc:
            print(f"boilerstrip: cannot write {batch.JSONL_NAME}: {exc.strerror or exc}", file=err)
            code = code or 1
    summary.elapsed = _now() - start
    progress.clear()
    if not quiet:
        print(summary.render(), file=err)
    if args.summary_json:
        try:
            batch.atomic_write(args.summary_json, (json.dumps(summary.to_dict(), indent=2) + "\n").encode())
        except OSError as exc:
            print(f"boilerstrip: cannot write summary {args.summary_json}: {exc.strerror or exc}", file=err)
            code = code or 1
    if code:
        return code
    return 1 if summary.failed else 0


def _not_done(tasks: Iterable[batch.Task], outdir: str, summary: batch.Summary) -> Iterator[batch.Task]:
    """``--skip-existing``: the tasks whose output is not there yet, checked as the run reaches
    them (so nothing is listed up front); the others are counted in ``summary.skipped``."""
    for t in tasks:
        if os.path.exists(os.path.join(outdir, t.out)):
            summary.skipped += 1
        else:
            yield t



def _clean_file_to_stdout(path: str, args: argparse.Namespace, cfg: Config, out: IO[str], err: IO[str]) -> int:
    """``boilerstrip clean FILE``: one named file, its result on stdout."""
    if os.path.isdir(path):
        raise batch.UsageError(f"{path} is a folder; give -o OUTDIR")
    read = read_file(path, args.input_format, cfg, err)
    if read is None:
        return 1
    data, cfg = read
    return _clean_to_stdout(data, path, args, cfg, out, err)


def _clean_to_stdout(data: bytes, name: str, args: argparse.Namespace, cfg: Config, out: IO[str], err: IO[str]) -> int:
    article = run_noting(lambda: extract(data, config=cfg), name, err)
    if article is None:
        return 1
    _write_bytes(out, batch.render(article, args.format, args.explain, name))
    return 0


def _write_bytes(out: IO[str], data: bytes) -> None:
    buf = getattr(out, "buffer", None)
    if buf is not None:
        out.flush()
        buf.write(data)
        buf.flush()
    else:
        out.write(data.decode("utf-8"))


def _now() -> float:
    import time

    return time.monotonic()
