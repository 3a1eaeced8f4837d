"""The batch runner behind ``boilerstrip clean``: plan, supervise workers, write atomically, summarise.

Planning walks the inputs (sorted, so runs are reproducible) and maps every input to one output
path. Work is done by worker processes that this module supervises itself: each worker holds at
most one file at a time, so when a worker dies (a segfault in a C extension, the OOM killer,
``os._exit``) or overruns ``--timeout``, exactly that file is reported failed and a fresh worker
takes its place. Every output is written to a temp file in its final directory, fsynced and
``os.replace``d into place, so a crash, SIGKILL or Ctrl-C leaves each output complete or absent.

A run, in the order it happens, and the module that does each step:

* :mod:`~boilerstrip.batch.planning`: the input files and each one's output path (:func:`plan`,
  :func:`stream_plan`); the output folder must not overlap the inputs (:func:`check_overlap`);
* :mod:`~boilerstrip.batch.outdir`: one run at a time per output folder (:class:`OutputLock`),
  temp files of killed runs removed;
* :mod:`~boilerstrip.batch.pool`: the supervisor (:func:`run_batch`) starts the workers, hands
  them tasks, replaces the ones that die or hang, stops on Ctrl-C/SIGTERM;
* :mod:`~boilerstrip.batch.worker`: a worker cleans one file at a time (:func:`process`);
* :mod:`~boilerstrip.batch.files`: reading an input (:func:`read_input`), rendering its output
  (:func:`render`), the jsonl output and its resume (:class:`JsonlSink`); the other outputs are
  written with :func:`boilerstrip.fileio.atomic_write`;
* :mod:`~boilerstrip.batch.report`: the progress line and the :class:`Summary`;
* :mod:`~boilerstrip.batch.learning`: the learning pass of ``learn`` and ``clean --learn``.

The command line itself (options, messages, exit status) is :mod:`boilerstrip.cli`.

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

from ..fileio import TMP_SUFFIX, atomic_write, fsync_dir, umask
from .files import JSONL_NAME, READ_CHUNK, FileFailure, JsonlSink, cut_partial_record, jsonl_paths, read_input, read_reason, render
from .outdir import LOCK_NAME, LOCK_WAIT, OutputLock, remove_stale_temps
from .planning import FORMATS, HTML_SUFFIXES, INPUT_SUFFIXES, STRIP_SUFFIXES, Plan, Task, TaskStream, UsageError, check_overlap, output_name, plan, stream_plan
from .pool import DEFAULT_TIMEOUT, MAX_IDLE_DEATHS_PER_JOB, POLL_SECONDS, PREFETCH, STOP_GRACE, Interrupted, death_reason, default_jobs, run_batch, warm_up
from .report import Progress, Summary, format_eta, stderr_is_tty
from .worker import Hooks, Job, noting, process

__all__ = [
    "Job", "Plan", "Progress", "Summary", "Task", "UsageError", "Interrupted", "plan", "run_batch", "check_overlap", "output_name", "atomic_write",
    # the rest of what the modules above offer the command line and the tests
    "DEFAULT_TIMEOUT", "FORMATS", "HTML_SUFFIXES", "INPUT_SUFFIXES", "JSONL_NAME", "LOCK_NAME", "LOCK_WAIT", "MAX_IDLE_DEATHS_PER_JOB",
    "POLL_SECONDS", "PREFETCH", "READ_CHUNK", "STOP_GRACE", "STRIP_SUFFIXES", "TMP_SUFFIX",
    "FileFailure", "Hooks", "JsonlSink", "OutputLock", "TaskStream",
    "cut_partial_record", "death_reason", "default_jobs", "format_eta", "fsync_dir", "jsonl_paths", "noting", "process", "read_input",
    "read_reason", "remove_stale_temps", "render", "stderr_is_tty", "stream_plan", "umask", "warm_up",
]  # fmt: skip
