"""The batch runner behind ``boilerstrip clean``: plan, supervise workers, write atomically, summarise.

Planning walks the inputs (sorted, so runs are reproducible) and maps every input to one output
path. Work is done by worker processes that this module supervises itself: each worker holds at
most one file at a time, so when a worker dies (a segfault in a C extension, the OOM killer,
``os._exit``) or overruns ``--timeout``, exactly that file is reported failed and a fresh worker
takes its place. Every output is written to a temp file in its final directory, fsynced and
``os.replace``d into place, so a crash, SIGKILL or Ctrl-C leaves each output complete or absent.

Test-only hooks (environment variables read by the workers; never set them in production):

``BOILERSTRIP_TEST_CRASH_ON=<substring>``
    a worker handed a file whose path contains the substring kills itself with SIGSEGV (as a
    crashing C extension would); ``..._KILL_ON`` with SIGKILL (as the OOM killer does);
    ``..._EXIT_ON`` with ``os._exit(3)``.
``BOILERSTRIP_TEST_HANG_ON=<substring>``
    a worker handed such a file sleeps forever (exercises ``--timeout``).
``BOILERSTRIP_TEST_FAIL_WRITE=<substring>``
    writing the output for such a file fails with ENOSPC, as on a full disk.
``BOILERSTRIP_TEST_DELAY=<seconds>``
    a worker sleeps this long halfway through writing each output, or before handing back a
    jsonl record (a run slow enough to kill, with the kill likely to land in the middle of a write).
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import multiprocessing
import multiprocessing.connection as mpc
import os
import signal
import stat
import sys
import tempfile
import time
import warnings
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

from .api import extract
from .config import Config
from .decode import InputError

#: File name endings picked up when walking a folder (case-insensitive); other files are ignored.
#: Files named on the command line are processed whatever their name.
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".txt.gz", ".html.gz", ".htm.gz")
#: Suffixes stripped from an input name before the output suffix is added (``a.html.gz`` -> ``a.txt``).
STRIP_SUFFIXES = (".txt.gz", ".html.gz", ".htm.gz", ".txt", ".html", ".htm", ".gz")
#: Input suffixes that force the HTML path under ``--input-format auto``.
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
#: Default seconds one file may take before its worker is killed and the file reported failed.
DEFAULT_TIMEOUT = 60.0
#: Temp files end with this; a stale one (its writer's pid is gone) is removed by the next run.
TMP_SUFFIX = ".bstmp"
#: Read files in chunks of this many bytes so the size cap holds for gzip and odd files too.
READ_CHUNK = 1 << 20
#: Give up when workers die this many times (per job slot) without a file to blame (broken setup).
MAX_IDLE_DEATHS_PER_JOB = 3
#: Tasks handed to a worker ahead of time, so it never idles waiting for the supervisor.
PREFETCH = 2
#: Seconds a stopped run (Ctrl-C, SIGTERM) waits for workers to finish the files they hold; a
#: second Ctrl-C stops at once. Outputs stay whole either way (atomic writes).
STOP_GRACE = 5.0
#: Seconds the supervisor sleeps at most between checks (progress refresh, timeouts).
POLL_SECONDS = 0.2

FORMATS = ("txt", "markdown", "json", "jsonl")
JSONL_NAME = "articles.jsonl"

T = TypeVar("T")


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


# --- planning ---------------------------------------------------------------------------------


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


def read_reason(exc: OSError, path: str) -> str:
    """A short, specific reason for a failed read (broken symlink and symlink loop named as such)."""
    if exc.errno == errno.ELOOP:
        return "cannot read: symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"cannot read: broken symlink (target {os.readlink(path)} does not exist)"
    return f"cannot read: {exc.strerror or exc}"


# --- one file ---------------------------------------------------------------------------------


class FileFailure(Exception):
    """This file cannot be processed; the message is the reason shown to the user."""


def read_input(path: str, max_bytes: int) -> bytes:
    """The file's bytes (gunzipped for ``*.gz``), at most ``max_bytes`` of them."""
    try:
        with open(path, "rb") as raw:
            if path.lower().endswith(".gz"):
                try:
                    return _read_capped(gzip.GzipFile(fileobj=raw), max_bytes, "decompressed ")
                except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
                    raise FileFailure(f"cannot decompress: {exc or 'truncated gzip data'}") from exc
            return _read_capped(raw, max_bytes, "")
    except OSError as exc:
        raise FileFailure(read_reason(exc, path)) from exc


def _read_capped(f: Any, max_bytes: int, what: str) -> bytes:
    buf = io.BytesIO()
    while chunk := f.read(READ_CHUNK):
        buf.write(chunk)
        if buf.tell() > max_bytes:
            raise FileFailure(f"too large: {what}size is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return buf.getvalue()


def render(article: Any, fmt: str, explain: bool, src: str | None = None) -> bytes:
    """The output bytes for one article: the body for txt, ``Article.to_markdown()`` for
    markdown, ``Article.to_dict()`` for json/jsonl."""
    if fmt == "txt" or fmt == "markdown":
        body = article.body if fmt == "txt" else article.to_markdown()
        return (body + "\n").encode("utf-8") if body else b""
    d = article.to_dict(removed=explain)
    if fmt == "jsonl":
        d = {"path": src, **d}
        return (json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8")
    return (json.dumps(d, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def atomic_write(path: str, data: bytes, *, fail: bool = False, fsync: bool = True, pause: float = 0.0) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either the old state or complete, never partial.

    A temp file in the same folder is written, fsynced and renamed over ``path``; on any error the
    temp file is removed. ``fsync=False`` keeps the atomic rename (no partial file after a process
    crash) but not durability across an OS crash or power loss. ``fail`` and ``pause`` are
    test hooks: a full disk, and a sleep halfway through the data.
    """
    folder = os.path.dirname(path) or "."
    if folder not in _MADE:
        os.makedirs(folder, exist_ok=True)
        if len(_MADE) > 10_000:
            _MADE.clear()
        _MADE.add(folder)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.{os.getpid()}.", suffix=TMP_SUFFIX)
    try:
        os.fchmod(fd, 0o666 & ~umask())  # mkstemp makes 0600; outputs get the usual mode
        with os.fdopen(fd, "wb") as f:
            if fail:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if pause:
                f.write(data[: len(data) // 2])
                f.flush()
                time.sleep(pause)
                data = data[len(data) // 2 :]
            f.write(data)
            f.flush()
            if fsync:
                try:
                    os.fsync(f.fileno())
                except OSError as exc:  # a filesystem without fsync still gets the atomic rename
                    if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
                        raise
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_UMASK: list[int] = []
_MADE: set[str] = set()  # folders this process already created or found


def umask() -> int:
    """The process umask (read once: reading it means setting it)."""
    if not _UMASK:
        old = os.umask(0o022)
        os.umask(old)
        _UMASK.append(old)
    return _UMASK[0]


def jsonl_paths(path: str) -> set[str]:
    """The ``path`` of every whole record in a jsonl output (none when the file does not exist yet):
    the inputs ``--skip-existing`` skips. A last line without its newline is a record a kill cut off."""
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return set()
    have: set[str] = set()
    with f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                src = json.loads(line).get("path")
            except (ValueError, AttributeError):
                continue
            if isinstance(src, str):
                have.add(src)
    return have


def cut_partial_record(fd: int) -> None:
    """Truncate an append-mode jsonl file after its last whole line (a kill can cut a write short)."""
    size = os.fstat(fd).st_size
    end = size
    while end > 0:
        start = max(0, end - READ_CHUNK)
        chunk = os.pread(fd, end - start, start)
        nl = chunk.rfind(b"\n")
        if nl >= 0:
            end = start + nl + 1
            break
        end = start
    if end != size:
        os.ftruncate(fd, end)


def fsync_dir(folder: str) -> None:
    """Make renames in ``folder`` durable (best effort: some filesystems refuse)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass
class Hooks:
    """Test-only fault injection, read from the environment once per worker."""

    crash_on: str | None = None
    kill_on: str | None = None
    exit_on: str | None = None
    hang_on: str | None = None
    fail_write: str | None = None
    delay: float = 0.0

    @classmethod
    def from_env(cls) -> Hooks:
        env = os.environ
        try:
            delay = float(env.get("BOILERSTRIP_TEST_DELAY", "0") or 0)
        except ValueError:
            delay = 0.0
        return cls(
            crash_on=env.get("BOILERSTRIP_TEST_CRASH_ON") or None,
            kill_on=env.get("BOILERSTRIP_TEST_KILL_ON") or None,
            exit_on=env.get("BOILERSTRIP_TEST_EXIT_ON") or None,
            hang_on=env.get("BOILERSTRIP_TEST_HANG_ON") or None,
            fail_write=env.get("BOILERSTRIP_TEST_FAIL_WRITE") or None,
            delay=delay,
        )


@dataclass(frozen=True)
class Job:
    """What every worker needs to know besides the task."""

    config: Config
    outdir: str | None  # None: jsonl records go back to the supervisor
    fmt: str
    explain: bool
    input_format: str  # the user's --input-format
    fsync: bool = True
    max_memory: int | None = None  # bytes of address space a worker may add while cleaning


def process(task: Task, job: Job, hooks: Hooks) -> dict[str, Any]:
    """Clean one file and write its output; a result dict, with ``error`` set on failure."""
    if hooks.crash_on and hooks.crash_on in task.src:
        _no_core_dump()
        os.kill(os.getpid(), signal.SIGSEGV)
    if hooks.kill_on and hooks.kill_on in task.src:
        os.kill(os.getpid(), signal.SIGKILL)
    if hooks.exit_on and hooks.exit_on in task.src:
        os._exit(3)
    if hooks.hang_on and hooks.hang_on in task.src:
        while True:
            time.sleep(3600)
    res: dict[str, Any] = {"n": task.n}
    try:
        data = read_input(task.src, job.config.max_bytes)
        cfg = job.config
        if job.input_format == "auto" and task.html:
            cfg = cfg.replace(input_format="html")
        if cfg.templates is not None and cfg.site is None:  # clean --learn / --templates
            from .templates import page_site

            cfg = cfg.replace(site=page_site(task.rel, data))
        try:
            article, notes = noting(lambda: extract(data, config=cfg))
        except InputError as exc:  # says what the input is ("input is binary (PNG image), not text")
            raise FileFailure(str(exc)) from exc
        if notes:
            res["warnings"] = notes
        out = render(article, job.fmt, job.explain, task.src)
        if job.outdir is not None:
            try:
                atomic_write(os.path.join(job.outdir, task.out), out, fail=bool(hooks.fail_write and hooks.fail_write in task.src), fsync=job.fsync, pause=hooks.delay)
            except OSError as exc:
                raise FileFailure(f"cannot write {task.out}: {exc.strerror or exc}") from exc
        else:
            if hooks.delay:
                time.sleep(hooks.delay)
            res["record"] = out
    except FileFailure as exc:
        res["error"] = str(exc)
        return res
    except MemoryError:
        res["error"] = "out of memory: cleaning this file needs more than --max-memory allows" if job.max_memory else "out of memory (MemoryError)"
        return res
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch; the reason is reported
        res["error"] = f"internal error: {type(exc).__name__}: {exc}"
        return res
    removed_chars = sum(len(r.text) for r in article.removed)
    res.update(
        bytes_in=len(data),
        bytes_out=len(article.body.encode("utf-8")),  # the body, whatever the format wraps it in
        text_kept=len(article.body),
        text_removed=removed_chars,
        rules=dict(Counter(r.rule for r in article.removed)),
    )
    return res


def noting(call: Callable[[], T]) -> tuple[T, list[str]]:
    """``call()``, and the :class:`UnicodeWarning` messages it gave (decoding repairs, see
    :func:`boilerstrip.decode.decode_noting`), to be reported with the file instead of printed
    by the warnings machinery. Other warnings are passed on as usual."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = call()
    notes = []
    for w in caught:
        if issubclass(w.category, UnicodeWarning):
            notes.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return value, notes


def _no_core_dump() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


def _cap_memory(extra: int) -> None:
    """Let this process grow by at most ``extra`` bytes of address space (RLIMIT_AS), so a file
    that needs more raises MemoryError in its own worker instead of waking the OOM killer."""
    try:
        import resource

        with open("/proc/self/statm") as f:
            current = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + extra
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):  # pragma: no cover - not Linux: no cap
        pass


def _worker_main(conn: mpc.Connection, job: Job) -> None:
    """Worker loop: receive a task, send back its result; exit on EOF (supervisor gone)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    hooks = Hooks.from_env()
    if job.max_memory:
        _cap_memory(job.max_memory)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        res = process(task, job, hooks)
        try:
            conn.send(res)
        except (BrokenPipeError, OSError):
            return


# --- supervision ------------------------------------------------------------------------------


class Interrupted(Exception):
    """The run was stopped by a signal; ``code`` is the exit status (130 for SIGINT)."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


@dataclass
class Summary:
    total: int = 0
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    not_done: int = 0
    ignored: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    text_kept: int = 0
    text_removed: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, note): files cleaned after a repair
    interrupted: bool = False
    elapsed: float = 0.0

    def add(self, res: dict[str, Any]) -> None:
        self.ok += 1
        self.bytes_in += res["bytes_in"]
        self.bytes_out += res["bytes_out"]
        self.text_kept += res["text_kept"]
        self.text_removed += res["text_removed"]
        self.rules.update(res["rules"])

    def fail(self, src: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((src, reason))

    def warn(self, src: str, note: str) -> None:
        self.warnings.append((src, note))

    @property
    def removed_share(self) -> float:
        seen = self.text_kept + self.text_removed
        return self.text_removed / seen if seen else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": {"total": self.total, "ok": self.ok, "skipped_existing": self.skipped, "failed": self.failed, "not_done": self.not_done, "ignored": self.ignored},
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "removed_share": round(self.removed_share, 4),
            "rules": dict(sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))),
            "failures": [{"path": s, "reason": r} for s, r in sorted(self.failures)],
            "warnings": [{"path": s, "message": m} for s, m in sorted(self.warnings)],
            "interrupted": self.interrupted,
            "elapsed_seconds": round(self.elapsed, 3),
        }

    def render(self, max_failures: int = 20) -> str:
        rate = self.ok / self.elapsed if self.elapsed > 0 else 0.0
        lines = [
            f"boilerstrip: {self.ok} cleaned, {self.skipped} skipped (output exists), {self.failed} failed"
            + (f", {self.not_done} not done (interrupted)" if self.not_done else "")
            + f" of {self.total} files; {self.ignored} other files in folders ignored",
            f"  bytes in {self.bytes_in:,}, body out {self.bytes_out:,}; {self.removed_share:.1%} of the text removed; {self.elapsed:.2f} s ({rate:,.0f} files/s)",
        ]
        if self.rules:
            lines.append("  rule firings (spans removed or moved to metadata):")
            for rid, n in sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"    {n:>8}  {rid}")
        if self.failures:
            lines += _listing("failures:", self.failures, max_failures)
        if self.warnings:
            lines += _listing(f"warnings ({len(self.warnings)} file{'s' if len(self.warnings) != 1 else ''} cleaned after a repair):", self.warnings, max_failures)
        if self.interrupted:
            lines.append("  interrupted: the summary covers the files finished before the stop; rerun the same command with --skip-existing to resume")
        return "\n".join(lines)


def _listing(title: str, rows: list[tuple[str, str]], most: int) -> list[str]:
    """A summary section: ``path: message`` rows in path order, at most ``most`` of them."""
    lines = [f"  {title}"] + [f"    {src}: {msg}" for src, msg in sorted(rows)[:most]]
    if len(rows) > most:
        lines.append(f"    ... and {len(rows) - most} more (see --summary-json)")
    return lines


def format_eta(seconds: float) -> str:
    """Time left, as a progress line shows it.

    >>> format_eta(7.2), format_eta(185), format_eta(3 * 3600 + 125)
    ('8s', '3m05s', '3h02m')
    """
    s = int(seconds + 0.999)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30
    EVERY = 0.1  # seconds between redraws

    def __init__(self, total: int, stream: IO[str], enabled: bool):
        self.total, self.stream, self.enabled = total, stream, enabled
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, failed: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < self.EVERY:
            return
        self.last = now
        frac = done / self.total if self.total else 1.0
        bar = "#" * int(frac * self.WIDTH)
        rate = done / (now - self.start) if now > self.start else 0.0
        eta = f" ETA {format_eta((self.total - done) / rate)}" if rate > 0 and done < self.total else ""
        self.stream.write(f"\r[{bar:<{self.WIDTH}}] {done}/{self.total} files {rate:,.0f}/s {failed} failed{eta} ")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (self.WIDTH + 72) + "\r")
            self.stream.flush()


class _Slot:
    """One supervised worker process and the tasks sent to it, oldest (the one running) first."""

    def __init__(self, ctx: Any, job: Job):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, job), daemon=True)
        self.proc.start()
        child.close()
        self.queue: deque[Task] = deque()
        self.started = 0.0  # when the head of the queue started (its timeout clock)

    def give(self, task: Task) -> bool:
        """Send ``task``; False when the worker is gone (its death is handled by the main loop)."""
        try:
            self.conn.send(task)
        except OSError:
            return False
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append(task)
        return True

    def done(self) -> Task:
        task = self.queue.popleft()
        self.started = time.monotonic()
        return task

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def death_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (killed: out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"worker process died ({name}{hint}) while cleaning this file"
    return f"worker process exited with status {exitcode} while cleaning this file"


def warm_up(config: Config, html: bool) -> None:
    """Load catalogues, language data and parsers once in the supervisor, so forked (and
    re-forked) workers start warm instead of each paying the first-document cost."""
    sample = "Advertisement\nThe council approved the budget on Tuesday after a long debate about schools."
    try:
        extract(sample, config=config.replace(input_format="text"))
        if html:
            extract(f"<html><body><p>{sample}</p></body></html>", config=config.replace(input_format="html"))
    except Exception:  # noqa: BLE001 - only an optimisation; real errors show up per file
        pass


def _mp_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_batch(
    tasks: Iterable[Task],
    job: Job,
    *,
    jobs: int,
    timeout: float,
    on_result: Callable[[Task, dict[str, Any]], None],
    on_progress: Callable[[], None] = lambda: None,
) -> None:
    """Run ``tasks`` on ``jobs`` supervised workers; call ``on_result`` once per task (result or error).

    Each worker holds up to :data:`PREFETCH` tasks so it never waits for the supervisor; it works
    them in order, so when it dies or overruns ``timeout`` the oldest one is to blame: that task is
    reported failed and the others it held are handed out again. Raises :class:`Interrupted` on
    SIGINT/SIGTERM after stopping the workers; tasks not finished by then get no ``on_result``
    call. The signal handlers only set a flag, checked at least every :data:`POLL_SECONDS`, so a
    stop never lands in the middle of bookkeeping.
    """
    if isinstance(tasks, list | TaskStream):
        if not len(tasks):
            return
        jobs = max(1, min(jobs, len(tasks)))
    ctx = _mp_context()
    source = iter(tasks)  # read as workers need tasks: a TaskStream or a generator is never listed
    pending: deque[Task] = deque()  # tasks handed back by a worker that died (they go first)
    slots: list[_Slot] = []
    idle_deaths = 0
    stop_code: list[int] = []

    def on_signal(signum: int, frame: Any) -> None:
        stop_code.append(128 + signum)

    def more() -> bool:
        """Is there a task to hand out? (Pulls the next one from ``source`` into ``pending``.)"""
        if not pending:
            task = next(source, None)
            if task is not None:
                pending.append(task)
        return bool(pending)

    def feed(s: _Slot) -> None:
        while len(s.queue) < PREFETCH and not stop_code and more():
            task = pending.popleft()
            if not s.give(task):
                pending.appendleft(task)
                return

    if ctx.get_start_method() == "fork":
        warm_up(job.config, html=tasks.html if isinstance(tasks, TaskStream) else any(t.html for t in tasks) if isinstance(tasks, list) else True)
    old = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        slots = [_Slot(ctx, job) for _ in range(jobs)]
        for s in slots:
            feed(s)
        while not stop_code and (more() or any(s.queue for s in slots)):
            now = time.monotonic()
            busy = [s for s in slots if s.queue]
            wait_for = min([POLL_SECONDS] + [max(0.0, s.started + timeout - now) for s in busy])
            ready = set(mpc.wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=wait_for))
            for i, s in enumerate(slots):
                if not s.queue or stop_code:
                    continue
                reason = ""
                if s.conn in ready:
                    try:
                        while s.queue and s.conn.poll():  # drain every result already sent
                            res = s.conn.recv()  # before done(): EOF here blames the head task
                            on_result(s.done(), res)
                    except (EOFError, OSError):
                        s.proc.join(5)
                        reason = death_reason(s.proc.exitcode)
                    if not reason and s.queue and not s.proc.is_alive():
                        reason = death_reason(s.proc.exitcode)
                elif s.proc.sentinel in ready:
                    s.proc.join(5)
                    if s.conn.poll():  # results sent before dying still count
                        continue
                    reason = death_reason(s.proc.exitcode)
                elif time.monotonic() - s.started > timeout:
                    reason = f"timed out after {timeout:g} s (--timeout); worker killed"
                if reason:
                    s.kill()
                    task = s.queue.popleft()
                    pending.extendleft(reversed(s.queue))  # the ones it held but had not started
                    slots[i] = s = _Slot(ctx, job)
                    on_result(task, {"n": task.n, "error": reason})
                if s.proc.is_alive():
                    feed(s)
            for i, s in enumerate(slots):  # a worker that died while idle: replace it, up to a limit
                if not s.queue and more() and not stop_code and not s.proc.is_alive():
                    idle_deaths += 1
                    if idle_deaths > MAX_IDLE_DEATHS_PER_JOB * jobs:
                        raise RuntimeError(f"worker processes keep dying before taking work (last exit status {s.proc.exitcode})")
                    s.kill()
                    slots[i] = s = _Slot(ctx, job)
                    feed(s)
            on_progress()
        if stop_code:
            _wind_down(slots, on_result, stop_code)
            raise Interrupted(stop_code[0])
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        for s in slots:
            if s.proc.is_alive():
                s.stop()


def _wind_down(slots: list[_Slot], on_result: Callable[[Task, dict[str, Any]], None], stop_code: list[int]) -> None:
    """After a stop signal: let workers finish the files they hold (up to :data:`STOP_GRACE`
    seconds, or until a second signal), record those results, then kill whatever is left."""
    for s in slots:
        if s.proc.is_alive():
            try:
                s.conn.send(None)  # after the tasks it holds: exit
            except OSError:
                pass
    deadline = time.monotonic() + STOP_GRACE
    while len(stop_code) < 2 and time.monotonic() < deadline:
        busy = [s for s in slots if s.queue]
        if not busy:
            break
        ready = set(mpc.wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=POLL_SECONDS))
        for s in busy:
            try:
                while s.queue and s.conn.poll():
                    res = s.conn.recv()
                    on_result(s.done(), res)
            except (EOFError, OSError):
                s.queue.clear()  # the worker is gone; nothing more will come from it
            if s.proc.sentinel in ready and s.queue and not s.conn.poll():
                s.queue.clear()
    for s in slots:
        s.kill()


# --- housekeeping -----------------------------------------------------------------------------


LOCK_NAME = ".boilerstrip.lock"
#: Seconds to wait for the output folder's lock: a run killed a moment ago may still be exiting.
LOCK_WAIT = 2.0


class OutputLock:
    """An exclusive ``flock`` on ``OUTDIR/.boilerstrip.lock`` for the length of a run.

    Holding it proves no other run writes into the folder, so every temp file found there is the
    leftover of a killed run and can go. The kernel drops the lock when the holder dies, however
    it dies. A folder where the lock file cannot be created (read-only) is run without it.
    """

    def __init__(self, outdir: str):
        self.path = os.path.join(outdir, LOCK_NAME)
        self.fd: int | None = None

    def acquire(self) -> bool:
        """True when locked; False when the folder refuses a lock file. UsageError when another run holds it."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: run unlocked, leave temp files alone
            return False
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return False
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise UsageError(f"another boilerstrip run is writing into {os.path.dirname(self.path)} (it holds {LOCK_NAME})") from exc
                time.sleep(0.05)
        self.fd = fd
        return True

    def release(self) -> None:
        if self.fd is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None


def remove_stale_temps(outdir: str) -> int:
    """Remove temp files left by killed runs; call only while holding the :class:`OutputLock`."""
    n = 0
    for folder, _dirs, files in os.walk(outdir):
        for name in files:
            if name.startswith(".") and name.endswith(TMP_SUFFIX):
                try:
                    os.unlink(os.path.join(folder, name))
                    n += 1
                except OSError:
                    pass
    return n


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = ["Job", "Plan", "Progress", "Summary", "Task", "UsageError", "Interrupted", "plan", "run_batch", "check_overlap", "output_name", "atomic_write"]
