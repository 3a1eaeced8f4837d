"""One input read, one output made: an input file's bytes (gunzipped, capped at ``--max-bytes``),
an article rendered in the output format, and the jsonl output: one file of records written in
input order, which ``--skip-existing`` resumes after a kill. The other formats are written one
file per input with :func:`boilerstrip.fileio.atomic_write`.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import zlib
from typing import IO, Any

from ..fileio import umask

#: Read files in chunks of this many bytes so the size cap holds for gzip and odd files too.
READ_CHUNK = 1 << 20
JSONL_NAME = "articles.jsonl"


def read_reason(exc: OSError, path: str) -> str:
    """A short, specific reason for a failed read (broken symlink and symlink loop named as such)."""
    if exc.errno == errno.ELOOP:
        return "cannot read: symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"cannot read: broken symlink (target {os.readlink(path)} does not exist)"
    return f"cannot read: {exc.strerror or exc}"


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


class JsonlSink:
    """jsonl records written in input order whatever order the workers finish in.

    To ``OUTDIR/articles.jsonl``: each record is appended and handed to the kernel as soon as
    order allows, so the records finished before a Ctrl-C, SIGTERM or SIGKILL stay in the file,
    and ``--skip-existing`` (``resume``) appends the rest after cutting off a record a kill left
    half-written. The file gets the mode other outputs get (0666 minus the umask). To stdout:
    streamed the same way.
    """

    def __init__(self, path: str | None, out: IO[str], order: list[int], resume: bool):
        self.held: dict[int, bytes | None] = {}
        self.order = order  # the task numbers run, in input order
        self.next_pos = 0
        self.fd: int | None = None
        if path is None:
            self.stream: Any = getattr(out, "buffer", None) or _BytesToText(out)
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | (0 if resume else os.O_TRUNC), 0o666)
        try:
            os.fchmod(fd, 0o666 & ~umask())  # also a file an older version made 0600
            if resume:
                cut_partial_record(fd)
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def put(self, n: int, record: bytes | None) -> None:
        self.held[n] = record
        while self.next_pos < len(self.order) and self.order[self.next_pos] in self.held:
            rec = self.held.pop(self.order[self.next_pos])
            if rec is not None:
                self._write(rec)
            self.next_pos += 1

    def _write(self, rec: bytes) -> None:
        if self.fd is None:
            self.stream.write(rec)
            self.stream.flush()
            return
        view = memoryview(rec)
        while view:
            view = view[os.write(self.fd, view) :]

    def close(self, fsync: bool) -> None:
        if self.fd is None:
            self.stream.flush()
            return
        fd, self.fd = self.fd, None
        try:
            if fsync:
                os.fsync(fd)
        finally:
            os.close(fd)


class _BytesToText:
    """Write bytes to a text stream (stdout replaced by a StringIO in tests)."""

    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, b: bytes) -> int:
        return self.out.write(b.decode("utf-8"))

    def flush(self) -> None:
        self.out.flush()
