"""The lists the main region takes in after its end (family ``region``, text mode): a list the
article announces with a colon line ("... on the following dates:") and a run of short lines that
print one punctuation skeleton ("June 9 -- Arena, Tampa, FL"). Both look like a menu line by line;
their shape says the article printed them. Read by :func:`boilerstrip.rules.region.main_region`.
Also the runs of short lines that make a shop's grid of priced cards (:func:`grid_runs`), which
navigation-run keeps and :func:`boilerstrip.rules.region.main_region` reads on a re-read body.
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
from .shapes import is_price_line

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


def kept_body(doc: Doc, ctx: Context) -> bool:
    """Is the page what a first ``clean()`` kept: printed as clean() prints its body (see
    :func:`double_spaced`; and every line as its normalised text, no indentation, no doubled
    spaces: what :func:`~boilerstrip.segment.join_body` writes, where a flattener indents its list
    items and keeps the page's spacing), with no line any rule has removed or moved so far? Then
    it has no main region and no navigation run: its chrome is gone, so a run that stands out now
    (the prose of one entry among a listing's short lines once the menus and labels between them
    went; a few list items that stood apart until the labels between them were cut) is not what
    the first pass would have cut, and cutting it made a second clean() cut what the first kept
    (issue 12).

    Before, only a region holding under half the page's words (or a page holding a shop's grid
    of priced cards) was dropped on a double-spaced page with no chrome found: idempotence
    failures 46 -> 41 with region.UNITS_MIN_REPEATED, which alone made them 69. Now every region
    and navigation run there: idempotence failures 39 -> 5 (outside-main-region's second-pass
    cuts 27 -> 0, navigation-run's 7 -> 0). Without the test of the lines' print, 11 flat dev
    pages that a flattener printed double-spaced lost their region (the trafilatura set -0.0011
    F1 with inscriptis). The price: text someone else already cleaned to paragraphs, in which no
    rule finds chrome, keeps the menu lines it still holds."""
    if ctx.state.removed_by or not double_spaced(doc, ctx):
        return False
    state = ctx.state
    if state.printed_body is None:
        state.printed_body = all(line.raw == line.text for line in doc.all)
    return state.printed_body


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


#: This many consecutive non-prose lines (menu items, teaser headlines, labels) form a run, the
#: navigation run that navigation-run cuts inside the region; shorter runs are headings,
#: datelines or captions.
NAV_RUN_MIN: Final = 4
#: A run that prints a price (:func:`~boilerstrip.rules.shapes.is_price_line`) in at least this
#: many units (price lines apart from each other: a card's name, colours or sizes, then its price)
#: is a piece of a shop's grid of cards (a collection's products, a product's variants), not a
#: menu ...
GRID_MIN_UNITS: Final = 3
#: ... on a page where such runs hold at least this share of the words left: a grid split into
#: runs by the lines between its cards (a blurb, a swatch label) is still the page's content. A
#: product page's "frequently bought together" or "featured products" box is a small share beside
#: the product's own text. The share is taken over the runs kept, so a second clean() finds the
#: same grid. (issue 12, lost pages: derived on wcxb fold a)
GRID_MIN_SHARE: Final = 0.2


def short_runs(vals: Sequence[float]) -> list[tuple[int, int]]:
    """The runs of at least NAV_RUN_MIN lines in a row scored below zero (non-prose), as
    (start, stop) positions in ``vals``."""
    runs = []
    run_start = -1
    for i, v in enumerate([*vals, 1.0]):
        if v < 0:
            if run_start < 0:
                run_start = i
            continue
        if run_start >= 0 and i - run_start >= NAV_RUN_MIN:
            runs.append((run_start, i))
        run_start = -1
    return runs


def _price_units(lines: Sequence[Line]) -> int:
    """How many price lines of ``lines`` do not follow another price line (see GRID_MIN_UNITS)."""
    units = 0
    prev = False
    for line in lines:
        price = is_price_line(line.text)
        if price and not prev:
            units += 1
        prev = price
    return units


def grid_runs(doc: Doc, runs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The ``runs`` (positions in ``doc.lines``) that make a shop's grid of priced cards (see
    GRID_MIN_UNITS, GRID_MIN_SHARE); empty when the page has none."""
    grid = {(a, b) for a, b in runs if _price_units(doc.lines[a:b]) >= GRID_MIN_UNITS}
    if not grid:
        return grid
    words = sum(line.n_words for a, b in grid for line in doc.lines[a:b])
    return grid if words >= GRID_MIN_SHARE * sum(line.n_words for line in doc.lines) else set()
