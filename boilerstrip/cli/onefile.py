"""One file (or stdin) in, its result on stdout: what ``clean FILE``, ``clean -`` and ``explain``
share: reading the input, and reporting a file that cannot be decoded or needed repair."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, TypeVar

from .. import batch
from ..batch.planning import _has_suffix
from ..config import Config
from ..decode import InputError

T = TypeVar("T")


def read_file(path: str, input_format: str, cfg: Config, err: IO[str]) -> tuple[bytes, Config] | None:
    """A named file's bytes, and ``cfg`` set to HTML when ``--input-format auto`` and the name says
    HTML; None, after saying why on ``err``, when it cannot be read."""
    try:
        data = batch.read_input(path, cfg.max_bytes)
    except batch.FileFailure as exc:
        print(f"boilerstrip: {path}: {exc}", file=err)
        return None
    if input_format == "auto" and _has_suffix(path, batch.HTML_SUFFIXES):
        cfg = cfg.replace(input_format="html")
    return data, cfg


def read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read(max_bytes + 1).encode("utf-8")
    if len(data) > max_bytes:
        raise batch.UsageError(f"stdin is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def run_noting(call: Callable[[], T], name: str, err: IO[str]) -> T | None:
    """``call()`` (cleaning the input called ``name``), its decoding repairs printed as warnings on
    ``err``; None, after printing why, when the input cannot be decoded."""
    try:
        value, notes = batch.noting(call)
    except InputError as exc:
        print(f"boilerstrip: {name}: {exc}", file=err)
        return None
    for note in notes:
        print(f"boilerstrip: {name}: warning: {note}", file=err)
    return value
