"""The output folder of a run: one run at a time writes into it (:class:`OutputLock`), so the
temp files found there are leftovers of killed runs and can go (:func:`remove_stale_temps`).
"""

from __future__ import annotations

import os
import time

from ..fileio import TMP_SUFFIX
from .planning import UsageError

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
