"""The lists the main region takes in after its end (family ``region``, text mode): a list the
article announces with a colon line ("... on the following dates:") and a run of short lines that
print one punctuation skeleton ("June 9 -- Arena, Tampa, FL"). Both look like a menu line by line;
their shape says the article printed them. Read by :func:`boilerstrip.rules.region.main_region`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .. import features
from ..model import Line
from ..pipeline import Context, Doc
from ..segment import is_list_item
from .region_scores import is_terminator

#: When the region ends in a line ending with a colon ("Tour dates:", "Qualified teams:"), the
#: list printed right under it (its lines adjacent, no blank line between) joins the region, up
#: to this many lines: dates and venues, names and places look like a menu but the article
#: announced them. The list ends at the first blank line, bullet change or terminator heading.
COLON_LIST_MAX_LINES: Final = 80
#: List items are short: a line longer than this ends the list.
COLON_LIST_MAX_WORDS: Final = 30
#: The announcing line has at least this many words ("Von:", "Schlagworte:", "Meist gesucht:"
#: are labels of a byline, tags or a menu) and the list at least COLON_LIST_MIN_LINES lines.
COLON_INTRO_MIN_WORDS: Final = 3
COLON_LIST_MIN_LINES: Final = 2


def double_spaced(doc: Doc, ctx: Context) -> bool:
    """Is the input printed with a blank line between every two lines, except list items
    (what :func:`~boilerstrip.segment.join_body` writes, so what a second ``clean()`` reads;
    some flatteners print it too)? Then a blank line does not end a list. Decided once per page."""
    state = ctx.state
    if state.double_spaced is None:
        lines = doc.all
        state.double_spaced = not any(
            lines[k].text and lines[k + 1].text and not (is_list_item(lines[k].text) and is_list_item(lines[k + 1].text))
            for k in range(len(lines) - 1)
        )
    return state.double_spaced


def _adjacent(doc: Doc, i: int, spaced: bool) -> bool:
    """Is ``doc.lines[i]`` printed right under ``doc.lines[i - 1]``: no line between them, or on a
    double-spaced page (see :func:`double_spaced`) only blank ones?"""
    if not spaced:
        return not doc.gap_before(i)
    if i <= 0:
        return False
    return not any(line.text for line in doc.all[doc.lines[i - 1].index + 1 : doc.lines[i].index])


def announced_list_end(doc: Doc, ctx: Context, stop: int) -> int:
    """Where the list announced by the region's last line ("... dates:"), or by the line right
    after the region, ends; ``stop`` when neither ends in a colon or no adjacent list follows."""
    start = stop
    spaced = double_spaced(doc, ctx)
    last = doc.lines[stop - 1]
    if not (last.text.endswith((":", "：")) and last.n_words >= COLON_INTRO_MIN_WORDS):
        intro = doc.lines[stop]
        if not intro.text.endswith((":", "：")) or not COLON_INTRO_MIN_WORDS <= intro.n_words <= COLON_LIST_MAX_WORDS or is_terminator(intro):
            return start
        stop += 1
        if stop == len(doc.lines) or not _adjacent(doc, stop, spaced):
            return start
    end = stop
    bullet = doc.lines[stop].text[:1] in features.BULLETS
    while end < len(doc.lines) and end - stop < COLON_LIST_MAX_LINES and _adjacent(doc, end, spaced):
        line = doc.lines[end]
        if line.n_words > COLON_LIST_MAX_WORDS or (line.text[:1] in features.BULLETS) != bullet or is_terminator(line):
            break
        end += 1
    return end if end - stop >= COLON_LIST_MIN_LINES else start


#: A run of at least this many adjacent short lines that print the same punctuation skeleton
#: ("England (Group A): 10th appearance", "Blue Origin, Kent, Washington", "June 9 -- Arena,
#: Tampa, FL") is a list of facts, not a menu (menu items print no punctuation; teaser
#: headlines vary) ...
TEMPLATE_MIN_LINES: Final = 3
#: ... when this share of its lines has the most common skeleton ...
TEMPLATE_MIN_SHARE: Final = 0.8
#: ... and its lines have at most this many words; the skeleton has at least this many marks
#: (one ':' is any teaser headline's "Topic: headline").
TEMPLATE_MAX_WORDS: Final = 15
TEMPLATE_MIN_MARKS: Final = 2
#: A templated list starts at most this many lines after the region (a heading between:
#: "Qualified teams").
TEMPLATE_MAX_LEAD: Final = 1
#: Lines ending in a count ("December (1)", archive and category menus) or a year ("Post title -
#: October 24, 2020", recent-post lists) have no skeleton: such lists are chrome. (A fullmatch
#: from the start: one call, where a search would retry at every position.)
_COUNT_OR_YEAR_END: Final = re.compile(r"(?s:.*)(?:\(\d{1,5}\)|\b(?:19|20)\d\d)\W*")
#: The marks a skeleton keeps; a run of one repeated mark ("--", "::") counts once. Dashes
#: ("–", "—") are read as "-" first.
_SKELETON_MARK: Final = re.compile(r"([,:;()-])\1*")
_SKELETON_LEAD: Final = "".join(features.BULLETS) + " "


def _skeleton(text: str) -> str:
    """The punctuation a line prints, in order, repeated marks collapsed ("June 9 -- Arena, Tampa" -> "-,").

    >>> [_skeleton(t) for t in ("June 9 -- Arena, Tampa", "a, ,b", "England (Group A): 10th", "• Blue Origin, Kent — Washington")]
    ['-,', ',,', '():', ',-']
    >>> [_skeleton(t) for t in ("December (1)", "Post title - October 24, 2020.", "Vote 2020: results, maps")]
    ['', '', ':,']
    """
    if _COUNT_OR_YEAR_END.fullmatch(text):
        return ""
    return "".join(_SKELETON_MARK.findall(text.lstrip(_SKELETON_LEAD).replace("–", "-").replace("—", "-")))


def templated(lines: Sequence[Line]) -> bool:
    """Do TEMPLATE_MIN_SHARE of ``lines`` (TEMPLATE_MIN_LINES or more, each short) print the same
    skeleton of at least TEMPLATE_MIN_MARKS marks?"""
    if len(lines) < TEMPLATE_MIN_LINES or any(line.n_words > TEMPLATE_MAX_WORDS for line in lines):
        return False
    counts: dict[str, int] = {}
    for line in lines:
        k = _skeleton(line.text)
        counts[k] = counts.get(k, 0) + 1
    top, n = max(counts.items(), key=lambda kv: kv[1])
    return len(top) >= TEMPLATE_MIN_MARKS and n >= TEMPLATE_MIN_SHARE * len(lines)


def templated_run_end(doc: Doc, ctx: Context, start: int) -> int:
    """End of the templated list (see TEMPLATE_MIN_LINES) starting at ``doc.lines[start]``, or
    ``start`` when none starts there."""
    end = start
    spaced = double_spaced(doc, ctx)
    while end < len(doc.lines) and (end == start or _adjacent(doc, end, spaced)) and doc.lines[end].n_words <= TEMPLATE_MAX_WORDS:
        end += 1
    return end if templated(doc.lines[start:end]) else start
