"""Cheap per-document language detection from stopword hits (jusText's stoplists).

Placeholder until the text-mode heuristics land: returns None (unknown)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Line


def detect(lines: Sequence[Line]) -> str | None:
    return None
