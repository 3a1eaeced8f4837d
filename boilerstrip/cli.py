"""The ``boilerstrip`` command: ``clean`` (batch), ``explain`` (show every cut), ``rules`` (list them),
``learn`` (per-site templates, see :mod:`boilerstrip.templates`).

Exit status: 0 all went well; 1 some files failed (each reported, the rest done); 2 usage error
(bad option, unknown rule id, input and output folders that overlap...); 128+N when stopped by
signal N (130 for Ctrl-C), after printing the summary so far.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from . import __version__, batch
from .api import explain, extract, pipeline_for, render_explanation
from .batch.planning import _has_suffix
from .config import DEFAULT_MAX_BYTES, Config, parse_time
from .decode import InputError
from .registry import all_rules

EPILOG_CLEAN = """\
inputs: files and folders, and with -i FILE the paths listed in FILE (one a line); folders are
walked recursively (sorted, symlinked folders followed once) and only *.txt, *.html, *.htm,
*.txt.gz, *.html.gz, *.htm.gz are taken (other files are counted as ignored); files named on the
command line or in the list are always processed. "-" reads stdin and writes the result to
stdout, and so does one named file without -o. A path that does not exist is a usage error.

outputs mirror the input paths relative to each input folder (a named file lands at the top):
in/a/b.html -> OUTDIR/a/b.txt (.json with --format json). --format jsonl writes one record per
file, {"path": ..., **article}, in input order, to OUTDIR/articles.jsonl (each record appended as
soon as it is ready, so an interrupted run keeps the records it finished) or to stdout with -o -.
Every other output is written to a temp file, fsynced and renamed, so it is complete or absent
even after a crash. Rerun the same command with --skip-existing to resume a stopped run (jsonl
too: it appends the records still missing). A file that cannot be read or decoded, or whose
worker crashes or overruns --timeout, is reported and skipped; the others go on; an output folder
that cannot be created or written stops the run at once. One run at a time per OUTDIR (it holds
OUTDIR/.boilerstrip.lock). Input that needed repair (UTF-8 with stray bytes) is cleaned and
reported as a warning, per file and in the summary.

exit status: 0 ok, 1 some files failed, 2 usage error, 130 interrupted (Ctrl-C), 143 SIGTERM.
"""


def _options(p: argparse.ArgumentParser) -> None:
    """Options shared by clean and explain (they map onto :class:`boilerstrip.Config`)."""
    p.add_argument("--disable", metavar="ID[,ID]", action="append", default=[], help="switch off these rule ids (repeatable; see `boilerstrip rules`)")
    p.add_argument("--rules", metavar="FILE", help="extra user rules from a TOML file")
    p.add_argument("--input-format", choices=("auto", "text", "html"), default="auto", help="auto: *.html/*.htm are HTML, other files are sniffed (default)")
    p.add_argument("--reference-time", metavar="ISO", help="when the pages were fetched, e.g. 2025-08-16T12:00:00Z; resolves relative dates")
    p.add_argument("--language", metavar="CODE", help="ISO 639-1 language of all inputs instead of per-document detection")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=f"refuse inputs larger than N bytes after decompression (default {DEFAULT_MAX_BYTES:,})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="boilerstrip", description="Strip boilerplate from scraped articles (text or HTML); keep the body and its metadata.")
    parser.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    c = sub.add_parser("clean", help="clean files and folders into OUTDIR", epilog=EPILOG_CLEAN, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders, or - for stdin")
    c.add_argument("-i", "--input-list", metavar="FILE", help="also the input paths listed in FILE, one a line (- reads the list from stdin)")
    c.add_argument("-o", "--output", metavar="OUTDIR", help="output folder (required unless the input is one file or -, whose result goes to stdout); - for jsonl on stdout")
    c.add_argument("--format", choices=batch.FORMATS, default="txt", help="txt: the body; markdown: it as Markdown; json/jsonl: Article.to_dict() metadata (default txt)")
    c.add_argument("--explain", action="store_true", help="json/jsonl: include the removal log")
    c.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    c.add_argument("--timeout", type=float, default=batch.DEFAULT_TIMEOUT, metavar="SECONDS", help=f"give up on one file after this long (default {batch.DEFAULT_TIMEOUT:g})")
    c.add_argument("--skip-existing", action="store_true", help="skip inputs whose output already exists, or whose record is in articles.jsonl (resume a stopped run)")
    c.add_argument("--max-memory", type=int, default=None, metavar="MB", help="cap each worker's growth at MB megabytes; a file needing more fails alone (default: none)")
    c.add_argument("--no-fsync", dest="fsync", action="store_false", help="skip fsync per output: faster; renames stay atomic, but an OS crash may lose recent outputs")
    c.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON to FILE")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no per-file failure lines, no summary on stderr")
    tpl = c.add_mutually_exclusive_group()
    tpl.add_argument("--learn", action="store_true", help="learn the sites' templates from the inputs first (a pass that reads every file), then clean with them")
    tpl.add_argument("--templates", metavar="MODEL", help="clean with the site templates in MODEL (written by `boilerstrip learn`)")
    _options(c)

    lrn = sub.add_parser("learn", help="learn per-site templates (lines repeated across a site's pages) into a model file")
    lrn.add_argument("inputs", nargs="+", metavar="INPUT", help="files and folders, walked as clean walks them; a page's site: its canonical URL's host, else its first folder")
    lrn.add_argument("-o", "--output", required=True, metavar="MODEL", help="the model file to write (JSON)")
    lrn.add_argument("--input-format", choices=("auto", "text", "html"), default="auto", help="auto: *.html/*.htm are HTML, other files are sniffed (default)")
    lrn.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=f"skip inputs larger than N bytes (default {DEFAULT_MAX_BYTES:,})")
    lrn.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary on stderr")

    e = sub.add_parser("explain", help="show a file with every removed span marked by its rule id")
    e.add_argument("file", metavar="FILE", help="a text or HTML file (.gz ok), or - for stdin")
    e.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour removed lines (auto: on a terminal, unless NO_COLOR is set)")
    e.add_argument("--json", action="store_true", help="print the article and its removal log as JSON")
    e.add_argument("--templates", metavar="MODEL", help="apply the site templates in MODEL (from `boilerstrip learn`)")
    e.add_argument("--site", metavar="SITE", help="with --templates: the page's site (default: the host of the HTML page's canonical URL)")
    _options(e)

    r = sub.add_parser("rules", help="list the rules: id, family, stage, what each removes")
    r.add_argument("--json", action="store_true", help="as a JSON list")
    r.add_argument("--rules", metavar="FILE", help="also list the user rules in this TOML file")
    return parser


def make_config(args: argparse.Namespace) -> Config:
    """The :class:`Config` for these options; raises UsageError for bad values (unknown rule ids too)."""
    disable = [i for chunk in args.disable for i in chunk.replace(",", " ").split()]
    ref = None
    if args.reference_time:
        try:
            ref = parse_time(args.reference_time)
        except ValueError as exc:
            raise batch.UsageError(f"--reference-time: {exc}") from exc
    if args.max_bytes <= 0:
        raise batch.UsageError("--max-bytes must be positive")
    try:
        cfg = Config(disable=frozenset(disable), rules=args.rules, reference_time=ref, input_format=args.input_format, max_bytes=args.max_bytes, language=args.language)
        pipeline_for(cfg)  # validates --disable ids and the --rules file now, not once per file
    except (ValueError, TypeError) as exc:
        raise batch.UsageError(str(exc)) from exc
    return cfg


# --- clean ------------------------------------------------------------------------------------


def cmd_clean(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    cfg = make_config(args)
    if args.learn or args.templates:
        if "-" in args.inputs and args.learn:
            raise batch.UsageError("--learn reads the inputs twice; it cannot read stdin")
        cfg = cfg.replace(templates=_templates(args, err))
    if args.explain and args.format in ("txt", "markdown"):
        raise batch.UsageError("--explain adds the removal log to --format json or jsonl; for text use `boilerstrip explain FILE`")
    inputs = list(args.inputs) + (_read_input_list(args.input_list) if args.input_list else [])
    if not inputs:
        raise batch.UsageError("no inputs: name files or folders, - for stdin, or -i FILE with a list of paths")
    if "-" in inputs:
        if len(inputs) > 1 or args.input_list == "-":
            raise batch.UsageError("- (stdin) cannot be combined with other inputs")
        return _clean_to_stdout(_read_stdin(cfg.max_bytes), "-", args, cfg, out, err)
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
    try:
        data = batch.read_input(path, cfg.max_bytes)
    except batch.FileFailure as exc:
        print(f"boilerstrip: {path}: {exc}", file=err)
        return 1
    if args.input_format == "auto" and _has_suffix(path, batch.HTML_SUFFIXES):
        cfg = cfg.replace(input_format="html")
    return _clean_to_stdout(data, path, args, cfg, out, err)


def _clean_to_stdout(data: bytes, name: str, args: argparse.Namespace, cfg: Config, out: IO[str], err: IO[str]) -> int:
    try:
        article, notes = batch.noting(lambda: extract(data, config=cfg))
    except InputError as exc:
        print(f"boilerstrip: {name}: {exc}", file=err)
        return 1
    for note in notes:
        print(f"boilerstrip: {name}: warning: {note}", file=err)
    _write_bytes(out, batch.render(article, args.format, args.explain, name))
    return 0


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read(max_bytes + 1).encode("utf-8")
    if len(data) > max_bytes:
        raise batch.UsageError(f"stdin is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


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


# --- learn ------------------------------------------------------------------------------------


def _templates(args: argparse.Namespace, err: IO[str]) -> Any:
    """The site templates for ``clean --templates MODEL`` (loaded) or ``clean --learn`` (learned now)."""
    from . import templates

    if args.templates:
        try:
            return templates.Templates.load(args.templates)
        except ValueError as exc:
            raise batch.UsageError(str(exc)) from exc
    return _learn(args.inputs, args.input_format, args.max_bytes, args.quiet, err)[0]


def _learn(inputs: list[str], input_format: str, max_bytes: int, quiet: bool, err: IO[str]) -> Any:
    from .batch.learning import learn_files

    progress = batch.Progress(0, err, enabled=not quiet and batch.stderr_is_tty())

    def on_progress(done: int, total: int) -> None:
        progress.total = total
        progress.update(done, 0)

    model, report = learn_files(inputs, input_format, max_bytes, on_progress)
    progress.clear()
    if not quiet:
        print(report.render(model), file=err)
    return model, report


def cmd_learn(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if args.max_bytes <= 0:
        raise batch.UsageError("--max-bytes must be positive")
    model, report = _learn(args.inputs, args.input_format, args.max_bytes, args.quiet, err)
    try:
        model.save(args.output)
    except OSError as exc:
        print(f"boilerstrip learn: cannot write {args.output}: {exc.strerror or exc}", file=err)
        return 1
    return 1 if report.failures else 0


# --- explain ----------------------------------------------------------------------------------

def cmd_explain(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    cfg = make_config(args)
    if args.file == "-":
        data = _read_stdin(cfg.max_bytes)
    else:
        if os.path.isdir(args.file):
            raise batch.UsageError(f"{args.file} is a folder; explain takes one file")
        try:
            data = batch.read_input(args.file, cfg.max_bytes)
        except batch.FileFailure as exc:
            print(f"boilerstrip: {args.file}: {exc}", file=err)
            return 1
        if args.input_format == "auto" and _has_suffix(args.file, batch.HTML_SUFFIXES):
            cfg = cfg.replace(input_format="html")
    if args.templates:
        cfg = cfg.replace(templates=_templates(args, err), site=args.site)
    try:
        ex, notes = batch.noting(lambda: explain(data, config=cfg))
    except InputError as exc:
        print(f"boilerstrip: {args.file}: {exc}", file=err)
        return 1
    for note in notes:
        print(f"boilerstrip: {args.file}: warning: {note}", file=err)
    if args.json:
        print(json.dumps(ex.article.to_dict(removed=True), ensure_ascii=False, indent=2), file=out)
        return 0
    colour = args.color == "always" or (args.color == "auto" and not os.environ.get("NO_COLOR") and _isatty(out))
    print(render_explanation(ex, colour), file=out)
    return 0


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --- rules ------------------------------------------------------------------------------------


def cmd_rules(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    rules = list(all_rules())
    if args.rules:
        try:
            user = pipeline_for(Config(rules=args.rules))
        except ValueError as exc:
            raise batch.UsageError(str(exc)) from exc
        builtin = {r.id for r in rules}
        rules = [r for r in user if r.id not in builtin] + rules
    if args.json:
        rows = [{"id": r.id, "family": r.family, "stage": r.stage, "summary": r.summary} for r in rules]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return 0
    w_id = max([len(r.id) for r in rules] + [2])
    w_fam = max([len(r.family) for r in rules] + [6])
    print(f"{'id':<{w_id}}  {'family':<{w_fam}}  {'stage':<5}  removes", file=out)
    for r in rules:
        print(f"{r.id:<{w_id}}  {r.family:<{w_fam}}  {r.stage:<5}  {r.summary}", file=out)
    return 0


# --- entry point ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    commands = {"clean": cmd_clean, "explain": cmd_explain, "rules": cmd_rules, "learn": cmd_learn}
    try:
        return commands[args.command](args, out, err)
    except batch.UsageError as exc:
        print(f"boilerstrip {args.command}: error: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print("boilerstrip: interrupted", file=err)
        return 130
    except BrokenPipeError:  # e.g. `boilerstrip explain x | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 1


if __name__ == "__main__":
    sys.exit(main())
