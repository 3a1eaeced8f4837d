"""The command line's options: :func:`build_parser` (every command and its options, the help
texts) and :func:`make_config` (the options as a :class:`boilerstrip.Config`)."""

from __future__ import annotations

import argparse

from .. import __version__, batch
from ..api import pipeline_for
from ..config import DEFAULT_MAX_BYTES, Config, parse_time

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
