"""Line scores for the region rules (family ``region``): each surviving line's signed prose
score, the terminator headings that act as the region's barriers, and the page-size gate.

A line's own score is its prose value (:mod:`boilerstrip.rules.prose`), adjusted for list items,
cookie notices, terminator headings, repeated lines and printed dates. A line right after a
terminator heading that an earlier rule removed carries the BARRIER too. The scores are
computed once per document and kept in :class:`~boilerstrip.pipeline.DocState`. Also the
scores with the lines removed before the region put back as chrome (:func:`with_removed`) and
the line test of tables (:func:`prints_figure`). The rules that read them: :mod:`boilerstrip.rules.region` (outside-main-region) and
:mod:`boilerstrip.rules.region_inside` (navigation-run, terminator-tail).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final, cast

from .. import dates, features
from ..lexicon import hint_flag, line_hints, pattern, phrases
from ..model import Line
from ..pipeline import Context, Doc
from . import prose
from .boilerplate import is_boilerplate_sentence
from .related import is_tail_heading
from .shapes import is_code_line, is_date_line, is_price_line

#: Pages with fewer surviving lines than this are left alone: a short clean text (a fixture, a
#: few paragraphs someone pasted) has no chrome worth guessing about.
MIN_LINES: Final = 12
#: Prose in a bulleted list item counts this fraction of its score: lists of prose are usually
#: teaser blurbs; a real list inside an article is carried by the paragraphs around it.
LIST_PROSE_FACTOR: Final = 0.3
#: Score of a terminator heading (related, comments, share): the region crosses one only when
#: a lot of prose lies beyond it.
BARRIER: Final = -4.0
#: A terminator heading printed this many times on the page is a label of every unit of a
#: repeated list (a "Reply" under each forum post, "Comments" under each teaser), not the end of
#: the article: it is scored as a repeated line instead of a barrier.
TERMINATOR_MAX_REPEATS: Final = 5
#: Removed lines scanned for a terminator heading before each surviving line (the nearest ones).
GAP_SCAN: Final = 8
#: A non-prose line printed this many times on the page ("Read more", a source name, a share
#: bar under every teaser) marks a repeated unit (teasers, comments) and scores REPEAT_PENALTY.
REPEAT_MIN: Final = 3
REPEAT_PENALTY: Final = -1.5
#: A line of source code or markup (:func:`~boilerstrip.rules.shapes.is_code_line`: "return (",
#: "}", "< div >") scores like a doubtful line: a code sample inside a tutorial or a docs page
#: neither makes nor breaks the region (its lines are short and repeat, which scored them as a
#: menu and cut the page's code and the prose after it).
CODE: Final = 0.3
#: A printed date or time on its own line (comment and teaser timestamps) scores this ...
DATE_PENALTY: Final = -1.5
#: ... when the line is at most this long (the date parser is not cheap; dates are short).
DATE_MAX_CHARS: Final = 32


def big_enough(doc: Doc, ctx: Context) -> bool:
    """True when the input page has at least MIN_LINES non-blank lines (decided once per page,
    so the rules after the region cut still run on the shortened body)."""
    state = ctx.state
    big = state.region_big
    if big is None:
        big = state.region_big = sum(1 for line in doc.all if line.text) >= MIN_LINES
    return big


#: A comment-thread heading with a count or qualifier ("167 comments", "Kommentare (3)", "Top
#: Rated Comments") has at most this many words ...
COMMENT_HEADING_MAX_WORDS: Final = 5
#: ... and holds one of the stems of ``comment_headings.hints`` (a cheap pre-filter before ``comment_headings.re``).
_COMMENT_HINT: Final = hint_flag("comment_headings")


#: A comment-thread heading that names the post ("25 thoughts on “Title”") has at most this many words.
COMMENT_TITLED_MAX_WORDS: Final = 40


def is_comment_heading(line: Line) -> bool:
    """A heading over a comment thread with a count or qualifier ("[ 167 comments ]", "Top Rated
    Comments", "Kommentare (3)", "3 commentaires"), or a count and the post's title ("25 thoughts
    on “Title”", "3 Gedanken zu „Titel“"; en, de, fr, es, pt, it, nl), the count of one also
    spelled out ("One thought on “Title”", "Ein Gedanke zu „Titel“"; also sv, da, nb, pl, ru)."""
    n = line.n_words
    if n > COMMENT_TITLED_MAX_WORDS or line_hints(line) & _COMMENT_HINT == 0:
        return False
    if n <= COMMENT_HEADING_MAX_WORDS and pattern("comment_headings").fullmatch(line.key) is not None:
        return True
    return pattern("comment_titled_headings").fullmatch(line.key) is not None


def is_terminator(line: Line) -> bool:
    """A short heading that ends an article (related, comments, share, trailer families)."""
    return is_tail_heading(line) or is_comment_heading(line)


def is_cookie_notice(line: Line) -> bool:
    """A line about cookies that also talks about the website, consent or settings."""
    low = line.lower
    return "cookie" in low and any(w in low for w in phrases("cookie_context"))


#: A prose line holding this many different terms of ``data/legal_notice.txt`` ("Privacy
#: Policy", "Terms of Use", "personal information", "all rights reserved", "consent") is a
#: site's legal or consent notice and scores as chrome: on a page with little prose (a product,
#: a collection, a listing) the notice in the footer or a pop-up was the densest run and took
#: the main region.
LEGAL_NOTICE_MIN_TERMS: Final = 2


#: ... and holds one of the stems of ``legal_notice.hints`` (a cheap pre-filter before counting).
_LEGAL_HINT: Final = hint_flag("legal_notice")


def is_legal_notice(line: Line) -> bool:
    """A line naming LEGAL_NOTICE_MIN_TERMS different terms of a legal or consent notice."""
    if not line_hints(line) & _LEGAL_HINT:
        return False
    low = line.lower
    return sum(1 for w in phrases("legal_notice") if w in low) >= LEGAL_NOTICE_MIN_TERMS


def scores(doc: Doc, ctx: Context, removed_barriers: bool = True) -> list[float]:
    """Signed prose score of every surviving line (see :mod:`boilerstrip.rules.prose`).

    A line that follows a terminator heading which an earlier rule already removed (a related
    heading taken by ``related-tail``, a comments label by ``comment-widget``) carries the
    BARRIER too, so the region still stops there (``removed_barriers=False`` leaves that out:
    it marks a boundary, it says nothing about the line itself). Line scores are cached per
    input line; the list for the same surviving lines and flag is computed once (callers must
    not modify it)."""
    memo = ctx.state.region_scores
    last = memo.get(removed_barriers)
    if last is not None and last[0] is doc.lines:  # holding the list: its id cannot be reused
        return last[1]
    base = _base_scores(doc, ctx)
    got = [base[line.index] for line in doc.lines]
    if None in got:  # lines no earlier call saw
        _fill_scores(base, [line for line in doc.lines if base[line.index] is None], features.of(doc.all, ctx))
        got = [base[line.index] for line in doc.lines]
    out = cast("list[float]", got)  # no None left
    if removed_barriers:
        every = doc.all
        prev = -1
        for k, line in enumerate(doc.lines):
            i = line.index
            # a gap of one blank line (the usual paragraph break) holds no terminator: no scan
            if i > prev + 1 and (i > prev + 2 or every[prev + 1].text) and out[k] != BARRIER and _removed_terminator(doc, ctx, prev + 1, i):
                out[k] += BARRIER
            prev = i
    memo[removed_barriers] = (doc.lines, out)
    return out


#: Lines removed by rules of these families do not count in :func:`removed_before`: the related
#: family's lines are links to other pages ("Read more", "Learn more" under each block of a
#: service page or listing, "READ MORE: headline" inside an article) that sit inside the content
#: as often as after it, and a related box's heading is a barrier already (counting them too cost
#: 0.001 F1 on wcxb fold a, the related-tail cuts on service pages).
REMOVED_UNCOUNTED_FAMILIES: Final = frozenset({"related"})


def removed_before(doc: Doc, ctx: Context) -> list[int]:
    """For every surviving line, how many lines were removed right before it (after the
    surviving line above it) by the rules that ran before the region rules first scored the
    page (a comment form's "Reply", a newsletter insert, a share label, a byline moved into
    metadata): they were chrome there, and the region counts them as such (see
    region.REMOVED_CHROME), but for the related family's (see REMOVED_UNCOUNTED_FAMILIES). 0 where the gap held
    a terminator heading: the line after it carries the BARRIER already (an inline related box
    the article goes on after must cost no more than its heading did). Computed once per
    ``doc.lines`` list (callers must not modify it)."""
    memo = ctx.state.region_gaps
    if memo is not None and memo[0] is doc.lines:
        return memo[1]
    vals = scores(doc, ctx)
    own = scores(doc, ctx, removed_barriers=False)
    base = _base_scores(doc, ctx)
    every = doc.all
    by = ctx.state.removed_by
    out = [0] * len(doc.lines)
    prev = -1
    for k, line in enumerate(doc.lines):
        i = line.index
        if i > prev + 1 and vals[k] == own[k]:
            out[k] = sum(1 for j in range(prev + 1, i) if every[j].text and base[j] is None and by.get(j) not in REMOVED_UNCOUNTED_FAMILIES)
        prev = i
    ctx.state.region_gaps = (doc.lines, out)
    return out


def _base_scores(doc: Doc, ctx: Context) -> list[float | None]:
    """Every input line's own score (None for lines removed before the first call), computed in
    one pass over the surviving lines on first use and cached per document."""
    state = ctx.state
    base = state.region_base
    if base is None:
        base = state.region_base = [None] * len(doc.all)
        _fill_scores(base, doc.lines, features.of(doc.all, ctx))
    return base


def _fill_scores(base: list[float | None], lines: Sequence[Line], fs: Sequence[features.Features]) -> None:
    """Each line's own score into ``base[line.index]``: its prose value, adjusted for list
    items, cookie and legal notices, boilerplate sentences (the lines ``boilerplate-prose``
    removes later: they must not draw or stretch the region), terminator headings, repeated
    lines and printed dates."""
    value = prose.value
    for line in lines:
        f = fs[line.index]
        v = value(f)
        if v > 0 and f.repeats < TERMINATOR_MAX_REPEATS and is_comment_heading(line):
            v = BARRIER  # "25 thoughts on “Title”", "One thought on “Title”": long enough to read as prose
        elif v > 0:
            if f.bullet:
                v *= LIST_PROSE_FACTOR
            if is_cookie_notice(line) or is_legal_notice(line) or is_boilerplate_sentence(line) or dates.is_month_list(line.text, line.n_words):
                v = prose.CHROME
        elif is_code_line(line.text):
            v = CODE
        elif f.repeats < TERMINATOR_MAX_REPEATS and is_terminator(line):
            v = BARRIER
        elif f.repeats >= REPEAT_MIN:
            v = REPEAT_PENALTY
        elif is_printed_date(line):
            v = DATE_PENALTY
        base[line.index] = v


def is_printed_date(line: Line) -> bool:
    """A printed date or time on its own line (scored DATE_PENALTY; at most DATE_MAX_CHARS long)."""
    return line.n_chars <= DATE_MAX_CHARS and features.has_digit(line.text) and is_date_line(line)


def ends_article(doc: Doc, ctx: Context, i: int) -> bool:
    """Is ``doc.lines[i]`` a terminator heading, or right after one an earlier rule removed?"""
    line = doc.lines[i]
    if is_terminator(line):
        return True
    lo = doc.lines[i - 1].index + 1 if i > 0 else 0
    return line.index > lo and _removed_terminator(doc, ctx, lo, line.index)


def _removed_terminator(doc: Doc, ctx: Context, lo: int, hi: int) -> bool:
    """Is there a terminator heading among the (removed or blank) input lines ``lo:hi``?
    (Per-line answers are cached: the same gaps are scanned by several rules.)"""
    seen = ctx.state.region_terminators
    fs = features.of(doc.all, ctx)
    for k in range(max(lo, hi - GAP_SCAN), hi):
        hit = seen.get(k)
        if hit is None:
            line = doc.all[k]
            # a removed comment count is left out: the meta line under a headline holds one
            # ("12. November 2021 / Kommentare 0"), and the header rules take it; so is a label
            # the page repeats (a "Reply" under every forum post, "Share" under every item): it
            # closes a unit of a repeated list, not the article
            hit = seen[k] = bool(line.text) and fs[k].repeats < TERMINATOR_MAX_REPEATS and is_tail_heading(line)
        if hit:
            return True
    return False


#: A figure: a number that does not start a word ("C3", "TR6" are names) and is not an item's
#: number ("1. Home" in a breadcrumb); a line ending in a count in brackets is a menu item with
#: its count ("December (4)"), not a fact (see :func:`prints_figure`).
_FIGURE: Final = re.compile(r"(?<!\w)(?<!^)\d|^\d+(?![.)\d])")
_COUNT_END: Final = re.compile(r"\(\d{1,3}\)\W*$")


def prints_figure(line: Line) -> bool:
    """Does ``line`` print a figure (a spec sheet's "Weight 372 g", a table's row of results or
    stats), not as a printed date (teaser and comment timestamps), a price (a shop's cards) or a
    menu item's count?

    >>> from boilerstrip.model import Line
    >>> [prints_figure(Line(0, t, t)) for t in ("Weight 372g", "12 cm", "C3 Login", "1. Home", "TR6", "May (4)")]
    [True, True, False, False, False, False]
    """
    t = line.text
    return features.has_digit(t) and _FIGURE.search(t) is not None and not _COUNT_END.search(t) and not is_price_line(t) and not is_printed_date(line)


#: A line an earlier rule removed before the region rules first scored the page (see
#: :func:`removed_before`) still counts in the region's
#: scores, as a chrome line where it stood. The run of chrome between an article and a comment
#: thread or a teaser block is the region's evidence to stop there; once a line rule took that
#: run ("Reply" under each comment, a newsletter insert), the prose on both sides joined
#: (issue 12: line rules that cost F1 through the region).
REMOVED_CHROME: Final = prose.CHROME


def with_removed(vals: list[float], own: list[float], phrase: list[bool], removed: list[int]) -> tuple[list[float], list[float], list[bool], list[int]]:
    """``vals``, ``own`` and ``phrase`` with REMOVED_CHROME put in for each of the ``removed[k]``
    lines removed right before line ``k``, and for each position the line it is (-1: removed).
    A removed line is flagged as a phrase: it costs in a short gap but does not lengthen it
    (see region.GAP_CAP_LINES: a "Share" label or an "Add a comment" link under each forum post must
    not make the gap between two posts a menu)."""
    if not any(removed):
        return vals, own, phrase, list(range(len(vals)))
    xv: list[float] = []
    xo: list[float] = []
    xp: list[bool] = []
    at: list[int] = []
    for k, n in enumerate(removed):
        if n:
            xv.extend([REMOVED_CHROME] * n)
            xo.extend([REMOVED_CHROME] * n)
            xp.extend([True] * n)
            at.extend([-1] * n)
        xv.append(vals[k])
        xo.append(own[k])
        xp.append(phrase[k])
        at.append(k)
    return xv, xo, xp, at


def line_span(at: list[int], start: int, stop: int) -> tuple[int, int]:
    """The positions ``[start, stop)`` of :func:`with_removed`'s list as a span of the surviving lines."""
    first = next((at[x] for x in range(start, stop) if at[x] >= 0), None)
    if first is None:  # only removed lines: an empty span where they stood
        k = next((at[x] for x in range(stop, len(at)) if at[x] >= 0), max(at) + 1 if at else 0)
        return k, k
    last = next(at[x] for x in range(stop - 1, start - 1, -1) if at[x] >= 0)
    return first, last + 1


def figure_test(doc: Doc, at: list[int]) -> Callable[[int], bool]:
    """Does the line at a position of :func:`with_removed`'s list print a figure (see
    region.TABLE_FIGURE_SHARE; a removed line does not)? Asked only of gaps too long for
    region.GAP_CAP_LINES, so it is memoised per position rather than run over the page."""
    memo: dict[int, bool] = {}

    def test(x: int) -> bool:
        got = memo.get(x)
        if got is None:
            k = at[x]
            got = memo[x] = k >= 0 and prints_figure(doc.lines[k])
        return got

    return test
