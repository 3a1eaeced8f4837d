"""The supervisor of a batch run: :func:`run_batch` hands tasks to worker processes it starts and
watches itself, so a worker that dies (a segfault in a C extension, the OOM killer, ``os._exit``)
or overruns ``--timeout`` fails exactly the file it held and is replaced; Ctrl-C and SIGTERM stop
the run after the files in hand are finished (:class:`Interrupted`).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection as mpc
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from ..api import extract
from ..config import Config
from .planning import Task, TaskStream
from .worker import Job, worker_main

#: Default seconds one file may take before its worker is killed and the file reported failed.
DEFAULT_TIMEOUT = 60.0
#: Give up when workers die this many times (per job slot) without a file to blame (broken setup).
MAX_IDLE_DEATHS_PER_JOB = 3
#: Tasks handed to a worker ahead of time, so it never idles waiting for the supervisor.
PREFETCH = 2
#: Seconds a stopped run (Ctrl-C, SIGTERM) waits for workers to finish the files they hold; a
#: second Ctrl-C stops at once. Outputs stay whole either way (atomic writes).
STOP_GRACE = 5.0
#: Seconds the supervisor sleeps at most between checks (progress refresh, timeouts).
POLL_SECONDS = 0.2


class Interrupted(Exception):
    """The run was stopped by a signal; ``code`` is the exit status (130 for SIGINT)."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class _Slot:
    """One supervised worker process and the tasks sent to it, oldest (the one running) first."""

    def __init__(self, ctx: Any, job: Job):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=worker_main, args=(child, job), daemon=True)
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


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
