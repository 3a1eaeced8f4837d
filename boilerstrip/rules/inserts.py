"""Inline inserts: chrome that interrupts the body, which continues after it."""

from __future__ import annotations

from ..lexicon import phrases
from ..model import Line
from ..pipeline import Context
from ..registry import rule

#: Ad slot labels are short; a longer line that merely contains the words is prose.
AD_MARKER_MAX_CHARS = 60


@rule("inline-ad-marker", family="insert")
def inline_ad_marker(line: Line, ctx: Context) -> str | None:
    """Ad slot labels left inside the body ("STORY CONTINUES BELOW THIS AD", "Advertisement")."""
    if line.n_chars <= AD_MARKER_MAX_CHARS and line.lower.strip(" -–—:·•|[]()") in phrases("ad_markers"):
        return "ad marker"
    return None
