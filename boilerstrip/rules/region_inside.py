"""Cuts inside the article region (family ``region``, text mode): navigation runs inside it
(navigation-run), everything from a related / comments / share heading to its end
(terminator-tail), and the region and its navigation runs found again on what the later rules
left (region-settle).
They read the line scores of :mod:`boilerstrip.rules.region_scores`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .. import features
from ..pipeline import Context, Doc
from ..ruledef import Cut, rule
from . import prose
from .region import cuts_around, main_region
from .region_lists import grid_runs, kept_body, short_runs, templated
from .region_scores import GAP_SCAN, big_enough, ends_article, is_comment_heading, prints_figure, scores
from .related import heading_kind

#: A run whose lines average more words than this reads like a list of facts (dates and venues,
#: names and places, ingredients), not a menu.
NAV_MAX_AVG_WORDS: Final = 99.0


#: A run whose lines have at least NAV_VERSE_MIN_WORDS words each and on average this share of
#: stopwords is running language cut into lines (verse, lyrics, a flattener's broken paragraph),
#: not a menu: menu items and teaser headlines hold few stopwords.
NAV_VERSE_MIN_STOP: Final = 0.3
NAV_VERSE_MIN_WORDS: Final = 5
#: ... in runs of at most this many lines (a stanza; a generated list of a thousand "Item 7 in
#: the list" lines is not verse).
NAV_VERSE_MAX_LINES: Final = 24


#: A run that holds at least this share of the words left on the page is the page's content
#: (a product's spec lines, a collection's item names, a listing without descriptions, a page
#: of links), not a menu inside an article: a menu inside the region is small beside the prose
#: around it.
NAV_CONTENT_SHARE: Final = 0.3

#: A run in which at least this share of the lines print a figure is a table of facts (a
#: product's spec sheet: "Weight 372 g", "Dimensions 6 x 4 cm"; a table of results or stats; a
#: collection's entries with their sizes), not a menu: menu items and teaser headlines rarely
#: print figures. A figure is a number that does not start a word ("C3", "TR6" are names) and
#: is not an item's number ("1. Home" in a breadcrumb), on a line that is not a printed date
#: (teaser and comment timestamps), a price (a shop's cards: see region_lists.grid_runs) or a
#: menu item with its count ("December (4)"). (issue 12: derived on wcxb fold a; wcxb fold b
#: +0.0013 / +0.0017 F1, lost pages 50 -> 47 / 43 -> 40)
NAV_FIGURE_SHARE: Final = 0.5


def _figures(doc: Doc, start: int, stop: int) -> bool:
    """Do NAV_FIGURE_SHARE of ``doc.lines[start:stop]`` print a figure
    (:func:`~boilerstrip.rules.region_scores.prints_figure`)?"""
    return sum(1 for line in doc.lines[start:stop] if prints_figure(line)) >= NAV_FIGURE_SHARE * (stop - start)


def _is_content_list(doc: Doc, ctx: Context, start: int, stop: int, page_words: int) -> bool:
    """A run introduced by (or holding) a line ending in a colon ("Tour dates:"), made of long
    items, of lines of running language (see NAV_VERSE_MIN_STOP), of figures (see
    NAV_FIGURE_SHARE), half of phrases (see
    :data:`~boilerstrip.rules.prose.PHRASE_LIST_SHARE`), or holding a large share of the
    ``page_words`` words left on the page (see NAV_CONTENT_SHARE)."""
    first = start - 1 if start > 0 else start
    if any(line.text.endswith((":", "：")) for line in doc.lines[first:stop]):
        return True
    fs = features.of(doc.all, ctx)
    if stop - start <= NAV_VERSE_MAX_LINES and all(line.n_words >= NAV_VERSE_MIN_WORDS for line in doc.lines[start:stop]):
        if sum(fs[line.index].stop for line in doc.lines[start:stop]) >= NAV_VERSE_MIN_STOP * (stop - start):
            return True
    if prose.is_phrase_list(fs, doc.lines[start:stop]) or _figures(doc, start, stop):
        return True
    words = sum(line.n_words for line in doc.lines[start:stop])
    if words >= NAV_CONTENT_SHARE * page_words:
        return True
    return words / (stop - start) > NAV_MAX_AVG_WORDS or templated(doc.lines[start:stop])


@rule("navigation-run", family="region", stage="span", text_only=True)
def navigation_run(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Runs of short non-prose lines inside the article region (menus, link lists, tag clouds)."""
    if not big_enough(doc, ctx) or kept_body(doc, ctx):  # what a first pass kept: see region_lists.kept_body
        return
    # A prose line right after a removed comments/related label is a region boundary, not a menu
    # item: counting it into the run made the run (and its colon exemption) depend on lines that
    # a second pass no longer sees, so clean() was not idempotent.
    vals = scores(doc, ctx, removed_barriers=False)
    page_words = sum(line.n_words for line in doc.lines)  # once: a page can hold many runs
    runs = short_runs(vals)
    grid = grid_runs(doc, runs)  # a shop's grid of priced cards is the page, not a menu
    for a, b in runs:
        if (a, b) not in grid and not _is_content_list(doc, ctx, a, b, page_words):
            yield Cut(a, b, f"{b - a} short non-prose lines in a row")


#: A terminator heading inside the region ends the article once at least this share of the
#: region's prose score lies before it.
TAIL_MIN_SHARE: Final = 0.8
#: A comment-thread heading with a count or qualifier ("167 comments", "Top Rated Comments") is
#: a surer end: it ends the article once this much prose score (about six paragraphs) lies
#: before it, whatever the share (a long thread can hold four times the article's prose; the
#: count in a headline's meta line comes before any prose).
COMMENT_TAIL_MIN_PROSE: Final = 6.0


def _after_related_box(doc: Doc, i: int) -> bool:
    """Is the removed gap right before ``doc.lines[i]`` headed by a related heading (not a
    comments or share label: comments are prose in a row too)?"""
    lo = doc.lines[i - 1].index + 1 if i > 0 else 0
    hi = doc.lines[i].index
    return any(doc.all[k].text and heading_kind(doc.all[k]) in ("phrase", "pattern") for k in range(max(lo, hi - GAP_SCAN), hi))


#: A removed terminator (a related box taken by ``related-tail``) followed by this many more
#: prose lines in a row, the line after it prose too, was an inline box: the article resumes
#: and the tail does not start there.
RESUME_LINES: Final = 2


@rule("terminator-tail", family="region", stage="span", text_only=True)
def terminator_tail(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Everything from a related / comments / share heading to the end of the article region,
    once most of the article's prose lies before it."""
    if not big_enough(doc, ctx):
        return
    vals = scores(doc, ctx)
    own = scores(doc, ctx, removed_barriers=False)
    total = sum(v for v in vals if v > 0)
    seen = 0.0
    for i, v in enumerate(vals):
        if v > 0:
            seen += v
        elif own[i] > 0 and i + RESUME_LINES < len(own) and all(x > 0 for x in own[i + 1 : i + 1 + RESUME_LINES]) and _after_related_box(doc, i):
            # the article resumes right after a removed box: an inline "Related articles" list
            seen += own[i]
        elif i > 0 and seen >= TAIL_MIN_SHARE * total and ends_article(doc, ctx, i):
            yield Cut(i, len(doc.lines), f"after the terminator heading {doc.lines[i].text[:40]!r}")
            return
        elif i > 0 and seen >= COMMENT_TAIL_MIN_PROSE and is_comment_heading(doc.lines[i]):
            yield Cut(i, len(doc.lines), f"after the comment-thread heading {doc.lines[i].text[:40]!r}")
            return


@rule("region-settle", family="region", stage="span", text_only=True)
def region_settle(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Lines that were in the main region only for what a later rule cut: the main region
    found again on the lines every other rule left, on a page where outside-main-region found
    one, and the navigation runs inside it.

    The region spans a line that is chrome by itself (an author's name, an "Updated" line, a
    label) when prose follows it; a later rule may take that prose (author-bio takes the bio
    under the name, terminator-tail a tail, navigation-run a menu between two paragraphs), and
    the line is left on an edge of the body or between two parts. Short lines apart from each
    other (a "Vollbild" under each image, a label under each item) become a navigation run once
    the lines between them are cut. Cleaning the body again would cut them, so they are cut
    now: ``clean(clean(x)) == clean(x)`` on more pages (issue 12). A page where the first pass found no region is left alone: a region found only once the
    chrome is gone cut article text on wcxb (lost pages 92 -> 101 on fold a)."""
    if not big_enough(doc, ctx) or not any(ctx.state.region_parts.values()):
        return
    parts = main_region(doc, ctx)
    if not parts:
        return
    # navigation-run again inside it: short lines that were apart ("Vollbild" under each image)
    # are a run once the lines between them are cut
    keep = [k for a, b in parts for k in range(a, b)]
    gone: set[int] = set()
    for cut in navigation_run(Doc(doc.all, [doc.lines[k] for k in keep], doc.meta), ctx):
        gone.update(keep[cut.start : cut.stop])
    k = 0
    while k < len(doc.lines):
        if k not in gone:
            k += 1
            continue
        e = k
        while e < len(doc.lines) and e in gone:
            e += 1
        yield Cut(k, e, f"{e - k} short non-prose lines in a row once the lines between them were cut")
        k = e
    yield from cuts_around(doc, ctx, parts, "the main region of what the other rules left")
