"""Aggregator promos and decorative leftovers: lines that are page furniture, not text."""

from __future__ import annotations

from ..lexicon import phrases
from ..model import Line
from ..pipeline import Context
from ..registry import rule

#: Decorative leftovers are one or two words; anything longer is read as text.
DECORATIVE_MAX_WORDS = 3


@rule("decorative-leftover", family="promo")
def decorative_leftover(line: Line, ctx: Context) -> str | None:
    """Image alt texts and design labels printed as a line ("logo", "Orange background")."""
    if line.n_words <= DECORATIVE_MAX_WORDS and line.lower in phrases("decorative"):
        return "decorative label"
    return None
