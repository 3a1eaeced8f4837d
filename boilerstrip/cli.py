"""The ``boilerstrip`` command: ``clean`` (batch), ``explain`` (show every cut), ``rules`` (list them).

Exit status: 0 all went well; 1 some files failed (each reported, the rest done); 2 usage error
(bad option, unknown rule id, input and output folders that overlap...); 128+N when stopped by
signal N (130 for Ctrl-C), after printing the summary so far.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any

from . import __version__, batch
from .api import Explanation, explain, extract, pipeline_for
from .config import DEFAULT_MAX_BYTES, Config
from .decode import InputError
from .registry import all_rules

EPILOG_CLEAN = """\
inputs: files and folders; folders are walked recursively (sorted, symlinked folders followed
once) and only *.txt, *.html, *.htm, *.txt.gz, *.html.gz, *.htm.gz are taken (other files are
counted as ignored); files named on the command line are always processed. "-" reads stdin and
writes the result to stdout.

outputs mirror the input paths relative to each input folder (a named file lands at the top):
in/a/b.html -> OUTDIR/a/b.txt (.json with --format json). --format jsonl writes one record per
file, {"path": ..., **article}, in input order, to OUTDIR/articles.jsonl (renamed into place when
the run ends) or to stdout with -o -. Every file output is written to a temp file, fsynced and
renamed, so it is complete or absent even after a crash; --skip-existing resumes a killed run.
A file that cannot be read or decoded, or whose worker crashes or overruns --timeout, is reported
and skipped; the others go on. One run at a time per OUTDIR (it holds OUTDIR/.boilerstrip.lock).

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
    c.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for stdin")
    c.add_argument("-o", "--output", metavar="OUTDIR", help="output folder (required unless the input is -); - for jsonl on stdout")
    c.add_argument("--format", choices=batch.FORMATS, default="txt", help="txt: the body; markdown: it as Markdown; json/jsonl: Article.to_dict() metadata (default txt)")
    c.add_argument("--explain", action="store_true", help="json/jsonl: include the removal log")
    c.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    c.add_argument("--timeout", type=float, default=batch.DEFAULT_TIMEOUT, metavar="SECONDS", help=f"give up on one file after this long (default {batch.DEFAULT_TIMEOUT:g})")
    c.add_argument("--skip-existing", action="store_true", help="skip inputs whose output already exists (resume a killed run)")
    c.add_argument("--max-memory", type=int, default=None, metavar="MB", help="cap each worker's growth at MB megabytes; a file needing more fails alone (default: none)")
    c.add_argument("--no-fsync", dest="fsync", action="store_false", help="skip fsync per output: faster; renames stay atomic, but an OS crash may lose recent outputs")
    c.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON to FILE")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no per-file failure lines, no summary on stderr")
    _options(c)

    e = sub.add_parser("explain", help="show a file with every removed span marked by its rule id")
    e.add_argument("file", metavar="FILE", help="a text or HTML file (.gz ok), or - for stdin")
    e.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour removed lines (auto: on a terminal, unless NO_COLOR is set)")
    e.add_argument("--json", action="store_true", help="print the article and its removal log as JSON")
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
            ref = dt.datetime.fromisoformat(args.reference_time)
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
    if args.explain and args.format in ("txt", "markdown"):
        raise batch.UsageError("--explain adds the removal log to --format json or jsonl; for text use `boilerstrip explain FILE`")
    if "-" in args.inputs:
        if len(args.inputs) > 1:
            raise batch.UsageError("- (stdin) cannot be combined with other inputs")
        return _clean_stdin(args, cfg, out, err)
    if not args.output:
        raise batch.UsageError("-o OUTDIR is required (or give - to read stdin and write stdout)")
    to_stdout = args.output == "-"
    if to_stdout and args.format != "jsonl":
        raise batch.UsageError("-o - (stdout) works with --format jsonl only")
    if args.format == "jsonl" and args.skip_existing:
        raise batch.UsageError("--skip-existing needs one output per file; --format jsonl writes a single file")
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
        batch.check_overlap(args.inputs, outdir)

    p = batch.plan(args.inputs, args.format, outdir)
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
    lock = batch.OutputLock(outdir or ".")
    try:
        return _run_clean(args, cfg, p, summary, report, progress, lock, outdir, out, err)
    finally:
        lock.release()


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
    todo = p.tasks
    if outdir is not None:
        try:
            os.makedirs(outdir, exist_ok=True)
        except OSError as exc:
            print(f"boilerstrip: cannot create output folder {outdir}: {exc.strerror or exc}", file=err)
        if lock.acquire():
            batch.remove_stale_temps(outdir)
        if args.skip_existing:
            todo = [t for t in p.tasks if not os.path.exists(os.path.join(outdir, t.out))]
            summary.skipped = len(p.tasks) - len(todo)

    try:
        jsonl = _JsonlSink(args.format, outdir, out) if args.format == "jsonl" else None
    except OSError as exc:
        print(f"boilerstrip: cannot write {batch.JSONL_NAME} in {outdir}: {exc.strerror or exc}", file=err)
        return 1
    job = batch.Job(cfg, outdir if jsonl is None else None, args.format, args.explain, args.input_format, args.fsync, args.max_memory * 1024 * 1024 if args.max_memory else None)
    done: set[int] = set()

    def on_result(task: batch.Task, res: dict[str, Any]) -> None:
        done.add(task.n)
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
        summary.add(res)

    def on_progress() -> None:
        progress.update(summary.ok + summary.failed - len(p.failures), summary.failed)

    start = _now()
    code = 0
    try:
        batch.run_batch(todo, job, jobs=args.jobs or batch.default_jobs(), timeout=args.timeout, on_result=on_result, on_progress=on_progress)
    except batch.Interrupted as exc:
        summary.interrupted = True
        summary.not_done = len(todo) - len(done)
        code = exc.code
    except (OSError, RuntimeError) as exc:  # cannot start workers at all (fork refused, broken setup)
        progress.clear()
        print(f"boilerstrip: batch stopped: {exc}", file=err)
        summary.interrupted = True
        summary.not_done = len(todo) - len(done)
        code = 1
    if outdir is not None and jsonl is None and args.fsync:  # make the renames themselves durable
        for folder in sorted({os.path.dirname(os.path.join(outdir, t.out)) for t in todo}):
            batch.fsync_dir(folder)
    if jsonl:
        try:
            if summary.interrupted:
                jsonl.abandon()
            else:
                jsonl.finish()
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


class _JsonlSink:
    """jsonl records written in input order whatever order the workers finish in.

    To a file: a temp file in OUTDIR renamed to ``articles.jsonl`` when the run completes (an
    interrupted run leaves no articles.jsonl). To stdout: streamed as soon as order allows.
    """

    def __init__(self, fmt: str, outdir: str | None, out: IO[str]):
        self.held: dict[int, bytes | None] = {}
        self.order: list[int] | None = None
        self.next_pos = 0
        self.tmp: str | None = None
        if outdir is None:
            self.stream: Any = getattr(out, "buffer", None) or _BytesToText(out)
        else:
            import tempfile

            self.final = os.path.join(outdir, batch.JSONL_NAME)
            os.makedirs(outdir, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(dir=outdir, prefix=f".{batch.JSONL_NAME}.{os.getpid()}.", suffix=batch.TMP_SUFFIX)
            self.stream = os.fdopen(fd, "wb")

    def put(self, n: int, record: bytes | None) -> None:
        self.held[n] = record
        # tasks are numbered 0..len-1 in input order, and all of them are run (no skip with jsonl)
        while self.next_pos in self.held:
            rec = self.held.pop(self.next_pos)
            if rec is not None:
                self.stream.write(rec)
            self.next_pos += 1

    def finish(self) -> None:
        self.stream.flush()
        if self.tmp is not None:
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.tmp, self.final)
            batch.fsync_dir(os.path.dirname(self.final))

    def abandon(self) -> None:
        if self.tmp is not None:
            self.stream.close()
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
        else:
            self.stream.flush()


class _BytesToText:
    """Write bytes to a text stream (stdout replaced by a StringIO in tests)."""

    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, b: bytes) -> int:
        return self.out.write(b.decode("utf-8"))

    def flush(self) -> None:
        self.out.flush()


def _clean_stdin(args: argparse.Namespace, cfg: Config, out: IO[str], err: IO[str]) -> int:
    data = _read_stdin(cfg.max_bytes)
    try:
        article = extract(data, config=cfg)
    except InputError as exc:
        print(f"boilerstrip: -: cannot decode: {exc}", file=err)
        return 1
    rendered = batch.render(article, args.format, args.explain, "-")
    _write_bytes(out, rendered)
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


# --- explain ----------------------------------------------------------------------------------

_COLOURS = {"removed": "\x1b[31m", "moved": "\x1b[36m", "tag": "\x1b[2m", "reset": "\x1b[0m"}


def render_explanation(ex: Explanation, colour: bool = False) -> str:
    """Every input line with a gutter: ``-`` removed, ``>`` moved to metadata, two spaces kept.

    Removed and moved lines carry ``[rule-id]`` (``[field<-rule-id]`` for moves); a legend of the
    rules that fired, with span and (non-blank) line counts, closes the listing.

    >>> from boilerstrip import explain
    >>> print(render_explanation(explain("Advertisement\\nThe council approved the budget on Tuesday after a long debate.")))
    - [inline-ad-marker] Advertisement
      The council approved the budget on Tuesday after a long debate.
    <BLANKLINE>
    -- 1 span removed or moved, by 1 rule:
       inline-ad-marker (insert): 1 span, 1 line
    """
    c = _COLOURS if colour else dict.fromkeys(_COLOURS, "")
    mark: dict[int, tuple[str, str, str]] = {}  # 1-based line -> (gutter, label, rule id)
    spans: Counter[str] = Counter()
    nlines: Counter[str] = Counter()
    family: dict[str, str] = {}
    for r in ex.removed:
        spans[r.rule] += 1
        family[r.rule] = r.family
        tag = (">", f"[{r.field}<-{r.rule}]", r.rule) if r.field else ("-", f"[{r.rule}]", r.rule)
        for n in range(r.start_line, r.end_line + 1):
            mark.setdefault(n, tag)
    out: list[str] = []
    for line in ex.lines:
        m = mark.get(line.index + 1)
        if not line.text:  # blank lines carry no mark, inside a span or not
            out.append("")
        elif m is None:
            out.append(f"  {line.text}")
        else:
            gutter, label, rid = m
            nlines[rid] += 1
            col = c["removed"] if gutter == "-" else c["moved"]
            out.append(f"{col}{gutter} {c['tag']}{label}{c['reset']}{col} {line.text}{c['reset']}")
    total = sum(spans.values())
    out.append("")
    out.append(f"-- {total} span{'s' if total != 1 else ''} removed or moved, by {len(spans)} rule{'s' if len(spans) != 1 else ''}:")
    for rid, n in sorted(spans.items(), key=lambda kv: (-kv[1], kv[0])):
        k = nlines[rid]
        out.append(f"   {rid} ({family[rid]}): {n} span{'s' if n != 1 else ''}, {k} line{'s' if k != 1 else ''}")
    return "\n".join(out)


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
        if args.input_format == "auto" and batch._has_suffix(args.file, batch.HTML_SUFFIXES):
            cfg = cfg.replace(input_format="html")
    try:
        ex = explain(data, config=cfg)
    except InputError as exc:
        print(f"boilerstrip: {args.file}: cannot decode: {exc}", file=err)
        return 1
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
    commands = {"clean": cmd_clean, "explain": cmd_explain, "rules": cmd_rules}
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
