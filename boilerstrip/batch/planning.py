"""Planning a batch run: the input files, in a stable order, and the output path of each.

:func:`plan` walks the inputs (sorted, so runs are reproducible) into a list of :class:`Task`;
:func:`stream_plan` walks one input folder as the run goes (:class:`TaskStream`), so the
supervisor's memory stays flat however many files it holds. Both refuse outputs that would
collide and an output folder that overlaps the inputs (:func:`check_overlap`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field

from .files import read_reason

#: Files named on the command line are processed whatever their name.
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".txt.gz", ".html.gz", ".htm.gz")
#: Suffixes stripped from an input name before the output suffix is added (``a.html.gz`` -> ``a.txt``).
STRIP_SUFFIXES = (".txt.gz", ".html.gz", ".htm.gz", ".txt", ".html", ".htm", ".gz")
#: Input suffixes that force the HTML path under ``--input-format auto``.
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

FORMATS = ("txt", "markdown", "json", "jsonl")


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


@dataclass(frozen=True)
class Task:
    """One input file and where its output goes (``out`` is relative to the output folder)."""

    n: int  # position in the plan (input order); jsonl records are written in this order
    src: str  # path as the user can find it
    rel: str  # input path relative to its input folder (or the file name for named files)
    out: str  # output path relative to OUTDIR
    html: bool  # the name says HTML


@dataclass
class Plan:
    tasks: list[Task] | TaskStream = field(default_factory=list)  # TaskStream: see stream_plan
    failures: list[tuple[str, str]] = field(default_factory=list)  # found while walking
    ignored: int = 0  # files in folders without an input suffix


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    low = name.lower()
    return any(low.endswith(s) for s in suffixes)


def output_name(rel: str, fmt: str) -> str:
    """``a/b.html`` -> ``a/b.txt`` (or ``.json``, ``.md``); unknown suffixes are kept: ``notes.md`` -> ``notes.md.txt``.

    >>> output_name("a/b.html.gz", "json")
    'a/b.json'
    >>> output_name("notes.md", "txt")
    'notes.md.txt'
    >>> output_name("a/b.html", "markdown")
    'a/b.md'
    """
    low = rel.lower()
    for s in STRIP_SUFFIXES:
        if low.endswith(s) and len(rel) > len(s) and not rel[: -len(s)].endswith("/"):
            rel = rel[: -len(s)]
            break
    return rel + "." + {"json": "json", "markdown": "md"}.get(fmt, "txt")


def _real(path: str) -> str:
    return os.path.realpath(path)


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def check_overlap(inputs: list[str], outdir: str) -> None:
    """Refuse an output folder that is, contains or sits inside an input folder (either way)."""
    out = _real(outdir)
    for src in inputs:
        real = _real(src)
        if os.path.isdir(src):
            if _inside(out, real) or _inside(real, out):
                raise UsageError(f"output folder {outdir} overlaps input folder {src}; choose a folder outside the inputs")
        else:
            if real == out or os.path.dirname(real) == out:
                raise UsageError(f"output folder {outdir} is the folder of input file {src}; outputs would land next to (or on) the inputs")


def plan(inputs: list[str], fmt: str, outdir: str | None = None) -> Plan:
    """Walk the inputs in a stable order and give each input file its output name.

    A symlinked folder that leads into ``outdir`` is not walked (the run would read its own outputs).
    """
    p = Plan()
    skip = _skip_keys(outdir)
    found: list[tuple[str, str, bool]] = []  # (src, rel, html)
    for src in inputs:
        try:
            st = os.stat(src)
        except OSError as exc:
            p.failures.append((src, read_reason(exc, src)))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(src, (st.st_dev, st.st_ino), skip, found, p)
        else:
            found.append((src, os.path.basename(src.rstrip(os.sep)) or src, _has_suffix(src, HTML_SUFFIXES)))
    owner: dict[str, str] = {}
    tasks: list[Task] = []
    for src, rel, html in found:
        out = output_name(rel, fmt)
        key = out if fmt != "jsonl" else src
        if key in owner:
            p.failures.append((src, f"output {out} would also be written for {owner[key]}; skipped"))
            continue
        owner[key] = src
        tasks.append(Task(len(tasks), src, rel, out, html))
    p.tasks = tasks
    return p


def _walk(root: str, root_key: tuple[int, int], skip: set[tuple[int, int]], found: list[tuple[str, str, bool]], p: Plan) -> None:
    found.extend((path, rel, html) for path, rel, html, _ in _walk_iter(root, root_key, skip, p))


def _walk_iter(root: str, root_key: tuple[int, int], skip: set[tuple[int, int]], p: Plan) -> Iterator[tuple[str, str, bool, dict[str, str]]]:
    """Depth-first in name order (a folder's entries sorted, subfolders walked where they sort),
    symlinked folders followed unless they lead back up (a loop) or into a folder in ``skip`` (the
    output folder). Iterative, so deep trees do not hit the recursion limit. Yields (path, rel,
    html, a dict owned by the file's folder, for :class:`TaskStream` to find outputs that collide)."""
    stack: list[tuple[Iterator[os.DirEntry[str]], str, frozenset[tuple[int, int]], dict[str, str]]] = []

    def enter(folder: str, prefix: str, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            p.failures.append((folder, f"cannot list folder: {exc.strerror or exc}"))
            return
        stack.append((iter(entries), prefix, ancestors, {}))

    enter(root, "", frozenset({root_key}))
    while stack:
        entries, prefix, ancestors, owner = stack[-1]
        e = next(entries, None)
        if e is None:
            stack.pop()
            continue
        path = e.path
        rel = prefix + e.name
        try:
            st = os.stat(path)  # follows symlinks
        except OSError as exc:
            if _has_suffix(e.name, INPUT_SUFFIXES) or e.is_symlink():
                p.failures.append((path, read_reason(exc, path)))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                p.failures.append((path, "symlink loop: this folder links back to a folder above it; not followed"))
            elif key not in skip:
                enter(path, rel + "/", ancestors | {key})
        elif _has_suffix(e.name, INPUT_SUFFIXES):
            if stat.S_ISREG(st.st_mode):
                yield path, rel, _has_suffix(e.name, HTML_SUFFIXES), owner
            else:
                p.failures.append((path, "not a regular file (fifo, socket or device); skipped"))
        else:
            p.ignored += 1


class TaskStream:
    """The tasks of one input folder, walked again on each iteration instead of held in a list, so
    the supervisor's memory stays flat however many files the folder holds (a list of Tasks costs
    ~470 bytes a file: 47 MB for 100,000 files, see benchmarks/scale.py). ``len()`` and ``html``
    come from a first, counting walk, which also records the folder's failures and ignored files in
    the Plan; later walks see the same files in the same order with the same numbers (a file added
    or removed while the run goes is seen or not). Outputs that collide (``a.txt`` and ``a.html``)
    can only be siblings in one folder, so they are found per folder, as :func:`plan` finds them."""

    def __init__(self, root: str, root_key: tuple[int, int], skip: set[tuple[int, int]], fmt: str, p: Plan):
        self.root, self.root_key, self.skip, self.fmt = root, root_key, skip, fmt
        self.count = 0
        self.html = False
        for task in self._tasks(p):
            self.count += 1
            self.html = self.html or task.html

    def _tasks(self, p: Plan) -> Iterator[Task]:
        n = 0
        for path, rel, html, owner in _walk_iter(self.root, self.root_key, self.skip, p):
            out = output_name(rel, self.fmt)
            if self.fmt != "jsonl":
                if out in owner:
                    p.failures.append((path, f"output {out} would also be written for {owner[out]}; skipped"))
                    continue
                owner[out] = path
            yield Task(n, path, rel, out, html)
            n += 1

    def __iter__(self) -> Iterator[Task]:
        return self._tasks(Plan())  # failures were recorded by the counting walk

    def __len__(self) -> int:
        return self.count


def stream_plan(inputs: list[str], fmt: str, outdir: str | None = None) -> Plan:
    """:func:`plan` for one input folder, with ``tasks`` a :class:`TaskStream` (flat memory);
    any other inputs get :func:`plan`'s list."""
    if len(inputs) != 1 or not os.path.isdir(inputs[0]):
        return plan(inputs, fmt, outdir)
    p = Plan()
    st = os.stat(inputs[0])
    p.tasks = TaskStream(inputs[0], (st.st_dev, st.st_ino), _skip_keys(outdir), fmt, p)
    return p


def _skip_keys(outdir: str | None) -> set[tuple[int, int]]:
    """The folders a walk must not enter: the output folder (its device and inode)."""
    skip: set[tuple[int, int]] = set()
    if outdir is not None:
        try:
            ost = os.stat(outdir)
            skip.add((ost.st_dev, ost.st_ino))
        except OSError:
            pass
    return skip
