"""Files written whole or not at all: :func:`atomic_write` (a temp file in the same folder,
fsynced and renamed into place), the process :func:`umask` it applies, and :func:`fsync_dir`,
which makes the renames themselves durable.

The batch runner writes every output and the summary with it, and
:meth:`boilerstrip.templates.Templates.save` writes a model file with it. It imports nothing from
boilerstrip, so both can depend on it without depending on each other.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time

#: Temp files end with this; a stale one (its writer's pid is gone) is removed by the next run.
TMP_SUFFIX = ".bstmp"


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
