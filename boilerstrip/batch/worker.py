"""A worker process of a batch run: it takes one task at a time from the supervisor
(:func:`worker_main`), cleans the file and writes its output (:func:`process`), and sends back a
result dict (counts, warnings, or the error that failed the file). The test-only fault hooks it
reads from the environment are listed in :mod:`boilerstrip.batch`.
"""

from __future__ import annotations

import multiprocessing.connection as mpc
import os
import signal
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..api import extract
from ..config import Config
from ..decode import InputError
from ..fileio import atomic_write
from ..templates import page_site
from .files import FileFailure, read_input, render
from .planning import Task

T = TypeVar("T")


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


def worker_main(conn: mpc.Connection, job: Job) -> None:
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
