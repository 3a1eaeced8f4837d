"""Main-region detection for text mode: keep the densest run of prose, drop the chrome around it.

The article is the run of lines with the highest total prose score (a max-subarray over the
per-line scores of :mod:`boilerstrip.rules.prose`): prose lines add their length, short chrome
lines subtract a little, so headings, captions and datelines inside the article are tolerated
while a menu of forty items or a footer is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final, cast

from .. import features
from ..lexicon import hint_flag, line_hints, pattern, phrases
from ..model import Line
from ..pipeline import Context, Doc
from ..registry import Cut, rule
from . import prose
from .related import heading_kind, is_tail_heading
from .shapes import is_date_line

#: Pages with fewer surviving lines than this are left alone: a short clean text (a fixture, a
#: few paragraphs someone pasted) has no chrome worth guessing about.
MIN_LINES: Final = 12
#: The region must hold at least this much prose score, or the page is left alone (no article found).
MIN_REGION_SCORE: Final = 3.0
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
#: Prose scores decay along the page: a line at relative position x (0..1) counts
#: 1 / (1 + POSITION_DECAY * x). Articles come before the comments and teaser blocks that can
#: outweigh them.
POSITION_DECAY: Final = 0.0
#: A non-prose line printed this many times on the page ("Read more", a source name, a share
#: bar under every teaser) marks a repeated unit (teasers, comments) and scores REPEAT_PENALTY.
REPEAT_MIN: Final = 3
REPEAT_PENALTY: Final = -1.5
#: A printed date or time on its own line (comment and teaser timestamps) scores this ...
DATE_PENALTY: Final = -1.5
#: ... when the line is at most this long (the date parser is not cheap; dates are short).
DATE_MAX_CHARS: Final = 32
#: The region's last piece of prose after a chrome line must score at least this much, or the
#: region ends before that chrome (end-of-page boilerplate is prose-like but short).
END_MIN_SCORE: Final = 2.0
#: The line right above the region joins it when it has at least this many words and this share
#: of stopwords (a lead paragraph or standfirst; 0 switches this off).
LEAD_MIN_WORDS: Final = 12
LEAD_MIN_STOP: Final = 0.15
#: A line ending in a parenthesised group of at most this many words is a caption with its credit.
LEAD_CREDIT_MAX_WORDS: Final = 6
#: A block of prose before the region joins it as a second part (the lead, cut off from the body
#: by an insert) when it scores at least MERGE_MIN_SCORE and at most MERGE_MAX_GAP lines of
#: chrome, with no terminator heading, lie between them. The chrome between is dropped.
MERGE_MIN_SCORE: Final = 2.0
MERGE_MAX_GAP: Final = 100
#: How far before the gap the lead block may start.
MERGE_SEARCH: Final = 60
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


def _caption_or_meta(text: str) -> bool:
    """A caption with its credit ("... last year. (Jane Doe / Agency)", "... pasado. EFE") or a
    meta line ("January 13, 2020 | categories: Python"): not a lead paragraph."""
    if " | " in text:
        return True
    t = text.rstrip(" .")
    if t.endswith(")"):
        k = t.rfind("(")
        if k > 0 and len(t[k:].split()) <= LEAD_CREDIT_MAX_WORDS:
            return True
    k = t.rfind(". ")
    tail = t[k + 2 :].split() if k > 0 else []
    return 0 < len(tail) <= 3 and all(w[:1].isupper() for w in tail)


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


def is_comment_heading(line: Line) -> bool:
    """A heading over a comment thread with a count or qualifier ("[ 167 comments ]", "Top Rated
    Comments", "Kommentare (3)", "3 commentaires"; en, de, fr, es, pt, it, nl)."""
    return (
        line.n_words <= COMMENT_HEADING_MAX_WORDS
        and line_hints(line) & _COMMENT_HINT != 0
        and pattern("comment_headings").fullmatch(line.key) is not None
    )


def is_terminator(line: Line) -> bool:
    """A short heading that ends an article (related, comments, share, trailer families)."""
    return is_tail_heading(line) or is_comment_heading(line)


def is_cookie_notice(line: Line) -> bool:
    """A line about cookies that also talks about the website, consent or settings."""
    low = line.lower
    return "cookie" in low and any(w in low for w in phrases("cookie_context"))


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
        _fill_scores(base, [line for line in doc.lines if base[line.index] is None], features.of(doc.all, ctx), len(doc.all))
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


def _base_scores(doc: Doc, ctx: Context) -> list[float | None]:
    """Every input line's own score (None for lines removed before the first call), computed in
    one pass over the surviving lines on first use and cached per document."""
    state = ctx.state
    base = state.region_base
    if base is None:
        base = state.region_base = [None] * len(doc.all)
        _fill_scores(base, doc.lines, features.of(doc.all, ctx), len(doc.all))
    return base


def _fill_scores(base: list[float | None], lines: Sequence[Line], fs: Sequence[features.Features], n: int) -> None:
    """Each line's own score into ``base[line.index]``: its prose value, adjusted for list
    items, cookie notices, terminator headings, repeated lines and printed dates."""
    value = prose.value
    for line in lines:
        f = fs[line.index]
        v = value(f)
        if v > 0:
            if f.bullet:
                v *= LIST_PROSE_FACTOR
            if POSITION_DECAY:
                v /= 1.0 + POSITION_DECAY * line.index / max(n, 1)
            if is_cookie_notice(line):
                v = prose.CHROME
        elif f.repeats < TERMINATOR_MAX_REPEATS and is_terminator(line):
            v = BARRIER
        elif REPEAT_PENALTY and f.repeats >= REPEAT_MIN:
            v = REPEAT_PENALTY
        elif DATE_PENALTY and f.chars <= DATE_MAX_CHARS and features.has_digit(line.text) and is_date_line(line):
            v = DATE_PENALTY
        base[line.index] = v


def _ends_article(doc: Doc, ctx: Context, i: int) -> bool:
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


def _kadane(vals: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(score, start, stop) of the max-sum run of ``vals[lo:hi]``; score 0 when nothing is positive."""
    best = cur = 0.0
    span = (lo, lo)
    start = lo
    for i in range(lo, hi):
        v = vals[i]
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, span = cur, (start, i + 1)
    return best, span[0], span[1]


def _announced_list_end(doc: Doc, stop: int) -> int:
    """Where the list announced by the region's last line ("... dates:"), or by the line right
    after the region, ends; ``stop`` when neither ends in a colon or no adjacent list follows."""
    start = stop
    last = doc.lines[stop - 1]
    if not (last.text.endswith((":", "：")) and last.n_words >= COLON_INTRO_MIN_WORDS):
        intro = doc.lines[stop]
        if not intro.text.endswith((":", "：")) or not COLON_INTRO_MIN_WORDS <= intro.n_words <= COLON_LIST_MAX_WORDS or is_terminator(intro):
            return start
        stop += 1
        if stop == len(doc.lines) or doc.gap_before(stop):
            return start
    end = stop
    bullet = doc.lines[stop].text[:1] in features.BULLETS
    while end < len(doc.lines) and end - stop < COLON_LIST_MAX_LINES and not doc.gap_before(end):
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


def _templated(lines: Sequence[Line]) -> bool:
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


def _templated_run_end(doc: Doc, start: int) -> int:
    """End of the templated list (see TEMPLATE_MIN_LINES) starting at ``doc.lines[start]``, or
    ``start`` when none starts there."""
    end = start
    while end < len(doc.lines) and (end == start or not doc.gap_before(end)) and doc.lines[end].n_words <= TEMPLATE_MAX_WORDS:
        end += 1
    return end if _templated(doc.lines[start:end]) else start


#: A run of at most this many chrome lines between two prose lines (a heading, a label, a
#: meta line, a few list items: the skeleton of a list-shaped article, a forum post's header,
#: a product's spec lines) costs the region at most GAP_CAP, however much its lines score; a
#: longer run (a menu, a teaser block) costs its full score, and a terminator heading in it
#: keeps its barrier. Such a wider region is taken in place of the densest run when it holds at
#: least WIDEN_MIN_GAIN times that run's prose.
WIDEN_MIN_GAIN: Final = 1.5
GAP_CAP_LINES: Final = 12
GAP_CAP: Final = -1.0


def _capped_gaps(vals: list[float], own: list[float]) -> list[float]:
    """``vals`` with every short run of negative scores (see GAP_CAP_LINES) scaled down to cost
    GAP_CAP, unless a line of the run is a terminator heading or follows a removed one (its
    score is BARRIER, or differs from its ``own`` score without the removed barriers)."""
    out = list(vals)
    n = len(vals)
    i = 0
    while i < n:
        if vals[i] >= 0:
            i += 1
            continue
        j = i
        while j < n and vals[j] < 0:
            j += 1
        cost = sum(vals[i:j])
        if 0 < i and j < n and j - i <= GAP_CAP_LINES and cost < GAP_CAP and all(vals[k] == own[k] != BARRIER for k in range(i, j)):
            f = GAP_CAP / cost
            for k in range(i, j):
                out[k] = vals[k] * f
        i = j
    return out


def main_region(doc: Doc, ctx: Context) -> list[tuple[int, int]] | None:
    """The article's parts as (start, stop) spans of ``doc.lines``, cached per document; None
    when no region stands out. Usually one span; a lead separated from the body by an insert
    (a job slider, a gallery, a teaser box) is a second span before it."""
    memo = ctx.state.region_parts
    n = len(doc.lines)
    if n in memo:
        return memo[n]
    vals = scores(doc, ctx)
    best, start, stop = _kadane(vals, 0, len(vals))
    widened = False
    if GAP_CAP_LINES and best >= MIN_REGION_SCORE:
        own = scores(doc, ctx, removed_barriers=False)
        capped = _capped_gaps(vals, own)
        # the wider region grows from the first one up to the nearest barriers around it, and is
        # taken when it holds WIDEN_MIN_GAIN times the first one's prose (a test of the two
        # regions alone, not of the rest of the page: on the cleaned body it answers the same,
        # so clean() stays idempotent)
        lo = max((k + 1 for k in range(start) if vals[k] != own[k] or own[k] == BARRIER), default=0)
        hi = min((k for k in range(stop, len(vals)) if vals[k] != own[k] or own[k] == BARRIER), default=len(vals))
        best2, s2, e2 = _kadane(capped, lo, hi)
        if s2 <= start and e2 >= stop and sum(v for v in vals[s2:e2] if v > 0) >= WIDEN_MIN_GAIN * sum(v for v in vals[start:stop] if v > 0):
            vals, best, start, stop, widened = capped, best2, s2, e2, True
    parts: list[tuple[int, int]] | None = None
    if best >= MIN_REGION_SCORE:
        # a short piece of prose hanging after chrome at the end (a copyright or newsletter line,
        # an author bio) is not worth the chrome before it; in a region widened over short gaps
        # every item is such a piece, so only the last one can go
        peel = 1 if widened else len(vals)
        while END_MIN_SCORE and peel:
            peel -= 1
            k = stop - 1
            tail = 0.0
            while k > start and vals[k] >= 0:
                tail += vals[k]
                k -= 1
            if k <= start or tail >= END_MIN_SCORE:
                break
            while k > start and vals[k] < 0:
                k -= 1
            stop = k + 1
        # neutral lines touching the region (a short closing sentence: "With inputs from Reuters.") join it
        while start > 0 and vals[start - 1] == 0:
            start -= 1
        while stop < len(vals) and vals[stop] == 0:
            stop += 1
        if COLON_LIST_MAX_LINES and stop < len(vals):
            stop = _announced_list_end(doc, stop)
        if TEMPLATE_MIN_LINES:
            for k in range(stop, min(stop + TEMPLATE_MAX_LEAD + 1, len(vals))):
                if is_terminator(doc.lines[k]):
                    break
                end = _templated_run_end(doc, k)
                if end > k:
                    stop = end
                    break
        # the lead (standfirst) right above the body, cut off by a chrome line's score or a
        # share bar's barrier: one long sentence-like line joins the region
        if LEAD_MIN_WORDS and start > 0:
            prev = doc.lines[start - 1]
            f = features.of(doc.all, ctx)[prev.index]
            if f.words >= LEAD_MIN_WORDS and (f.cjk or f.stop >= LEAD_MIN_STOP) and not f.bullet and not _caption_or_meta(prev.text) and not is_terminator(prev):
                start -= 1
        parts = [(start, stop)]
        while MERGE_MAX_GAP and start > 0:
            lo = max(0, start - MERGE_MAX_GAP - MERGE_SEARCH)
            score2, s2, e2 = _kadane(vals, lo, start)
            # a terminator heading in the gap does not keep the lead out: inline "Related" boxes sit inside articles
            if score2 < MERGE_MIN_SCORE or start - e2 > MERGE_MAX_GAP:
                break
            parts.insert(0, (s2, e2))
            start = s2
    memo[n] = parts
    return parts


@rule("outside-main-region", family="region", stage="span", text_only=True)
def outside_main_region(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Lines before and after the article's main region (navigation, teasers, footers)."""
    if not big_enough(doc, ctx):
        return
    parts = main_region(doc, ctx)
    if not parts:
        return
    if parts[0][0] > 0:
        yield Cut(0, parts[0][0], "before the main region")
    for (_, stop), (start, _) in zip(parts, parts[1:], strict=False):
        if start > stop:
            yield Cut(stop, start, "insert between two parts of the main region")
    if parts[-1][1] < len(doc.lines):
        yield Cut(parts[-1][1], len(doc.lines), "after the main region")


#: Inside the region, this many consecutive non-prose lines (menu items, teaser headlines,
#: labels) form a navigation run and go; shorter runs are headings, datelines or captions.
NAV_RUN_MIN: Final = 4
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


def _is_content_list(doc: Doc, ctx: Context, start: int, stop: int) -> bool:
    """A run introduced by (or holding) a line ending in a colon ("Tour dates:"), made of long
    items, or of lines of running language (see NAV_VERSE_MIN_STOP)."""
    first = start - 1 if start > 0 else start
    if any(line.text.endswith((":", "：")) for line in doc.lines[first:stop]):
        return True
    if NAV_VERSE_MIN_STOP and stop - start <= NAV_VERSE_MAX_LINES and all(line.n_words >= NAV_VERSE_MIN_WORDS for line in doc.lines[start:stop]):
        fs = features.of(doc.all, ctx)
        if sum(fs[line.index].stop for line in doc.lines[start:stop]) >= NAV_VERSE_MIN_STOP * (stop - start):
            return True
    words = sum(line.n_words for line in doc.lines[start:stop])
    return words / (stop - start) > NAV_MAX_AVG_WORDS or (bool(TEMPLATE_MIN_LINES) and _templated(doc.lines[start:stop]))


@rule("navigation-run", family="region", stage="span", text_only=True)
def navigation_run(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Runs of short non-prose lines inside the article region (menus, link lists, tag clouds)."""
    if not NAV_RUN_MIN or not big_enough(doc, ctx):
        return
    # A prose line right after a removed comments/related label is a region boundary, not a menu
    # item: counting it into the run made the run (and its colon exemption) depend on lines that
    # a second pass no longer sees, so clean() was not idempotent.
    vals = scores(doc, ctx, removed_barriers=False)
    run_start = None
    for i, v in enumerate([*vals, 1.0]):
        if v < 0:
            if run_start is None:
                run_start = i
            continue
        if run_start is not None and i - run_start >= NAV_RUN_MIN and not _is_content_list(doc, ctx, run_start, i):
            yield Cut(run_start, i, f"{i - run_start} short non-prose lines in a row")
        run_start = None


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
#: and the tail does not start there (0 switches this off).
RESUME_LINES: Final = 2


@rule("terminator-tail", family="region", stage="span", text_only=True)
def terminator_tail(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Everything from a related / comments / share heading to the end of the article region,
    once most of the article's prose lies before it."""
    if not big_enough(doc, ctx):
        return
    vals = scores(doc, ctx)
    own = scores(doc, ctx, removed_barriers=False) if RESUME_LINES else vals
    total = sum(v for v in vals if v > 0)
    seen = 0.0
    for i, v in enumerate(vals):
        if v > 0:
            seen += v
        elif RESUME_LINES and own[i] > 0 and i + RESUME_LINES < len(own) and all(x > 0 for x in own[i + 1 : i + 1 + RESUME_LINES]) and _after_related_box(doc, i):
            # the article resumes right after a removed box: an inline "Related articles" list
            seen += own[i]
        elif i > 0 and seen >= TAIL_MIN_SHARE * total and _ends_article(doc, ctx, i):
            yield Cut(i, len(doc.lines), f"after the terminator heading {doc.lines[i].text[:40]!r}")
            return
        elif i > 0 and seen >= COMMENT_TAIL_MIN_PROSE and is_comment_heading(doc.lines[i]):
            yield Cut(i, len(doc.lines), f"after the comment-thread heading {doc.lines[i].text[:40]!r}")
            return
