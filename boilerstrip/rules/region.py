"""Main-region detection for text mode (rule outside-main-region): keep the densest run of prose,
drop the chrome around it.

The article is the run of lines with the highest total prose score (a max-subarray over the
per-line scores of :mod:`boilerstrip.rules.region_scores`): prose lines add their length, short
chrome lines subtract a little, so headings, captions and datelines inside the article are
tolerated while a menu of forty items or a footer is not. The cuts inside the region are in
:mod:`boilerstrip.rules.region_inside`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from .. import features
from ..pipeline import Context, Doc
from ..ruledef import Cut, rule
from . import prose
from .region_lists import TEMPLATE_MAX_LEAD, announced_list_end, kept_body, templated_run_end
from .region_scores import BARRIER, REPEAT_MIN, REPEAT_PENALTY, big_enough, figure_test, is_printed_date, is_terminator, line_span, removed_before, scores, with_removed

#: The region must hold at least this much prose score, or the page is left alone (no article found).
MIN_REGION_SCORE: Final = 3.0
#: On a page where no rule has cut or moved a line yet, a region that holds under
#: PLAIN_MIN_WORD_SHARE of the page's words must hold at least this much prose score: two or
#: three paragraphs a little above MIN_REGION_SCORE, standing out of a page made mostly of short
#: lines with no chrome found among them, sit in what the page holds (a listing's entries, a
#: product's specs, a collection's items) or in what an earlier clean() kept. That is what made
#: a second clean() of a listing cut nine tenths of it, where the first found no region because
#: the chrome between the paragraphs kept them apart (issue 12: idempotence, lost pages).
PLAIN_MIN_REGION_SCORE: Final = 10.0
PLAIN_MIN_WORD_SHARE: Final = 0.25
#: The same holds on a page where rules found chrome, when at least UNITS_MIN_REPEATED of its
#: lines are printed REPEAT_MIN times or more (region_scores.REPEAT_MIN: the label, button or
#: price under every unit): a page built of repeated units (a collection's or a listing's
#: cards, a product's variants, a thread's posts) keeps its content in its short lines, and the
#: small region is one blurb among them (an intro, a promotion, a footer's notice). An
#: article's page repeats its menus once or twice (desktop and mobile), not every few lines.
#: (issue 12, lost pages: derived on wcxb fold a)
UNITS_MIN_REPEATED: Final = 0.2
#: The region's last piece of prose after a chrome line must score at least this much, or the
#: region ends before that chrome (end-of-page boilerplate is prose-like but short).
END_MIN_SCORE: Final = 2.0
#: The pieces trimmed that way (a newsletter blurb, a copyright line, an author bio) hold at
#: most this share of the region's prose together; when they hold more, the region ends in
#: many short pieces of prose each under its heading (a service page's feature blocks, a
#: product's FAQ answers, a list article's items): content, of which trimming one piece after
#: another took most (issue 12, lost pages). Then only the last piece goes, as in a widened
#: region. Pieces of which a line is printed again elsewhere on the page (a teaser blurb that
#: a second teaser box repeats) are trimmed whatever their share.
PEEL_MAX_SHARE: Final = 0.3
#: The line right above the region joins it when it has at least this many words and this share
#: of stopwords (a lead paragraph or standfirst).
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


#: A run of at most this many chrome lines between two prose lines (a heading, a label, a
#: meta line, a few list items: the skeleton of a list-shaped article, a forum post's header,
#: a product's spec lines) costs the region at most GAP_CAP, however much its lines score; a
#: longer run (a menu, a teaser block; but see SPREAD_GAP_MAX_LINES) costs its full score, and a terminator heading in it
#: keeps its barrier. Lines that are phrases (:func:`~boilerstrip.rules.prose.is_phrase`: a spec
#: sheet's or a pros-and-cons list's items, not a menu's labels) are not counted in the run's
#: length: a comparison article prints a dozen of them between two paragraphs. Such a wider
#: region is taken in place of the densest run when it holds at least WIDEN_MIN_GAIN times that
#: run's prose.
WIDEN_MIN_GAIN: Final = 1.5
GAP_CAP_LINES: Final = 12
GAP_CAP: Final = -1.0
#: An entry list (a listing, a collection, a forum thread, a service page's feature blocks)
#: prints one short description per entry between a few short lines (title, byline, date,
#: price): no run of it is dense, so the densest run is elsewhere (a cookie text, a footer
#: blurb). For that case the gaps are capped more softly: a gap costs at most ENTRY_GAP_COST per
#: line (and never more than GAP_CAP), so a run of entries adds up. The entry run replaces the
#: densest run when it lies apart from it and holds ENTRY_MIN_GAIN times its prose:
#: the largest block of the page is the content when no prose region stands out. (A softer run
#: that holds the densest run is not taken, unless that run is short, see ENTRY_TINY: around an
#: article it only gathers the chrome.)
#: An entry run that is the whole body (what a first pass kept) is taken whatever its gain, so a
#: second pass cuts nothing; and no last piece is trimmed from an entry run (each is small).
ENTRY_GAP_COST: Final = -0.15
ENTRY_MIN_GAIN: Final = 2.0
#: An entry run that holds the densest run replaces it too, when the densest run holds less
#: prose than this (one paragraph of about 500 characters: a listing's introduction above its
#: entries, a service page's one paragraph among its offers) and the entry run
#: ENTRY_MIN_GAIN times as much (issue 12, lost pages). Around an article the densest run
#: holds more, and the rule above keeps the entry run out.
ENTRY_TINY: Final = 5.0
#: Entries that each print a block of short lines (a spec sheet of label and value lines, pros
#: and cons, a price box) between their paragraphs leave gaps longer than GAP_CAP_LINES: a
#: product roundup, a collection with specs, a docs page of parameter tables. Such a gap of up
#: to SPREAD_GAP_MAX_LINES lines that holds a label every entry prints (a line scored as
#: repeated, see region_scores.REPEAT_PENALTY: "Specifications", "Pros", "Reply") is capped
#: like a short one, in the wider region too; a menu's one-off labels (a footer between an
#: article and a publisher's blurb) are not. (issue 12, lost pages)
SPREAD_GAP_MAX_LINES: Final = 30
#: A gap of any length in which at least TABLE_FIGURE_SHARE of the lines print a figure
#: (region_scores.prints_figure: a table of results, prices over time or stats, flattened one
#: row a line, a spec sheet) is capped like a short one: the article goes on after its table.
#: Menus and teaser boxes rarely print figures (their dates, prices and counts are not
#: figures). Only a gap between two prose lines is capped, so a table at the page's end (a
#: footer's stock ticker) stays out. (issue 12, lost pages: derived on wcxb fold a)
TABLE_FIGURE_SHARE: Final = 0.5
#: A spread entry run caps those gaps, and long gaps whose lines hold at least
#: SPREAD_GAP_MIN_WORDS words on average (a forum post's own list of items), the soft entry
#: way (ENTRY_GAP_COST). It is tried before the entry run above, under the same terms (apart
#: from the densest run, or around a tiny one); it also replaces a densest run it holds, grown
#: only up to the nearest barriers around that run (as the wider region: a comment thread past
#: a terminator heading stays out), when it holds SPREAD_HOLD_GAIN times that run's prose: then
#: the densest run is one entry's paragraphs or a closing FAQ of a page made of entries.
SPREAD_GAP_MIN_WORDS: Final = 4.0
SPREAD_HOLD_GAIN: Final = 4.0
#: A spread entry run that holds the densest run but under SPREAD_HOLD_GAIN times its prose
#: still replaces it, as a wider region (only its last piece may be trimmed), when it holds
#: SPREAD_WIDEN_GAIN times that prose once gaps that print a date are left uncapped, and it
#: stops before the page's last prose line when it goes on past the densest run. A page of
#: entries (a service page's offers, a product's feature blocks, a docs page's sections under
#: their headings) splits its prose into pieces of a few lines between blocks of short lines:
#: the densest run is one of them, and the rest was cut (issue 12, lost pages). Dated units
#: are teasers and comments, whose gaps print a timestamp; a run that reaches the page's last
#: prose has taken the footer's blurb.
SPREAD_WIDEN_GAIN: Final = 1.2


def _capped_gaps(
    vals: list[float],
    own: list[float],
    phrase: list[bool],
    table: Callable[[int], bool],
    per_line: float | None = None,
    labelled: bool = False,
    words: list[float] | None = None,
    dated: Callable[[int], bool] | None = None,
) -> list[float]:
    """``vals`` with every short run of negative scores (see GAP_CAP_LINES; the lines flagged in
    ``phrase`` are not counted in its length; with ``labelled``, also a run of up to
    SPREAD_GAP_MAX_LINES lines that holds a repeated label; given ``words``, the lines' word
    counts, also such a run of wordy lines, see SPREAD_GAP_MIN_WORDS) scaled down to cost
    GAP_CAP (with ``per_line``: at most ``per_line`` times its length, see ENTRY_GAP_COST),
    unless a line of the run is a terminator heading or follows a removed one (its score is
    BARRIER, or differs from its ``own`` score without the removed barriers), or, given
    ``dated``, it says so of a position of the run (see SPREAD_WIDEN_GAIN)."""
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
        if 0 < i and j < n:
            cost = sum(vals[i:j])
            cap = GAP_CAP if per_line is None else max(GAP_CAP, per_line * (j - i))
            if cost < cap and _fits(own, phrase, table, i, j, labelled, words) and (dated is None or not any(dated(k) for k in range(i, j))):
                gap_own = own[i:j]
                if vals[i:j] == gap_own and BARRIER not in gap_own:
                    f = cap / cost
                    for k in range(i, j):
                        out[k] = vals[k] * f
        i = j
    return out


def _fits(own: list[float], phrase: list[bool], table: Callable[[int], bool], i: int, j: int, labelled: bool, words: list[float] | None) -> bool:
    """Is the gap ``[i, j)`` short enough to cap (see :func:`_capped_gaps`), or a table (see
    TABLE_FIGURE_SHARE)?"""
    length = (j - i) - sum(phrase[i:j])
    if length <= GAP_CAP_LINES or sum(1 for k in range(i, j) if table(k)) >= TABLE_FIGURE_SHARE * (j - i):
        return True
    if length > SPREAD_GAP_MAX_LINES:
        return False
    return (labelled and REPEAT_PENALTY in own[i:j]) or (words is not None and sum(words[i:j]) >= SPREAD_GAP_MIN_WORDS * (j - i))


def _spread_widened(
    doc: Doc,
    vals: list[float],
    own: list[float],
    phrase: list[bool],
    table: Callable[[int], bool],
    words: list[float],
    at: list[int],
    span: tuple[int, int],
    run: tuple[int, int],
    first: float,
) -> tuple[list[float], float, int, int] | None:
    """The spread entry run that replaces the densest run ``run`` (of ``first`` prose) as a
    wider region, searched between the barriers ``span`` around it: its gaps capped as a
    spread run's, but for those that print a date (see SPREAD_WIDEN_GAIN). None when it does not
    hold the densest run, holds under SPREAD_WIDEN_GAIN times its prose, or goes on past it up
    to the page's last prose line. Returns the capped scores, the run's score, start and stop."""
    lines = doc.lines

    def dated(x: int) -> bool:
        return at[x] >= 0 and is_printed_date(lines[at[x]])

    capped = _capped_gaps(vals, own, phrase, table, ENTRY_GAP_COST, labelled=True, words=words, dated=dated)
    best, s, e = _kadane(capped, *span)
    if best < MIN_REGION_SCORE or s > run[0] or e < run[1]:
        return None
    if e > run[1] and not any(v > 0 for v in vals[e:]):
        return None
    if sum(v for v in vals[s:e] if v > 0) < SPREAD_WIDEN_GAIN * first:
        return None
    return capped, best, s, e


def _word_share(doc: Doc, ctx: Context, parts: list[tuple[int, int]]) -> float:
    """The share of the words of ``doc.lines`` in the region's ``parts`` (CJK text counted by
    characters, see :data:`~boilerstrip.features.CJK_CHARS_PER_WORD`)."""
    fs = features.of(doc.all, ctx)
    total = sum(fs[line.index].words for line in doc.lines)
    return sum(fs[line.index].words for a, b in parts for line in doc.lines[a:b]) / total if total else 1.0


def _repeated_share(doc: Doc, ctx: Context) -> float:
    """The share of ``doc.lines`` printed REPEAT_MIN times or more on the page (see UNITS_MIN_REPEATED)."""
    fs = features.of(doc.all, ctx)
    return sum(1 for line in doc.lines if fs[line.index].repeats >= REPEAT_MIN) / len(doc.lines) if doc.lines else 0.0


def _no_region(doc: Doc, ctx: Context, best: float, parts: list[tuple[int, int]]) -> bool:
    """Is a region of score ``best`` and these ``parts`` no region (see PLAIN_MIN_REGION_SCORE,
    UNITS_MIN_REPEATED, region_lists.kept_body)? The cheap tests first: most pages have chrome
    and a region over PLAIN_MIN_REGION_SCORE."""
    chrome = bool(ctx.state.removed_by)
    if chrome and best >= PLAIN_MIN_REGION_SCORE:
        return False
    if kept_body(doc, ctx):
        return True  # what a first pass kept
    share = _word_share(doc, ctx, parts)
    if best >= PLAIN_MIN_REGION_SCORE or share >= PLAIN_MIN_WORD_SHARE:
        return False
    return not chrome or _repeated_share(doc, ctx) >= UNITS_MIN_REPEATED


def _is_lead(doc: Doc, ctx: Context, k: int) -> bool:
    """Is ``doc.lines[k]`` one long sentence-like line (a lead, a standfirst) that joins the
    region right below it (see LEAD_MIN_WORDS)?"""
    line = doc.lines[k]
    f = features.of(doc.all, ctx)[line.index]
    return f.words >= LEAD_MIN_WORDS and (f.cjk or f.stop >= LEAD_MIN_STOP) and not f.bullet and not _caption_or_meta(line.text) and not is_terminator(line)


def _whole_body(doc: Doc, ctx: Context, vals: list[float], start: int, stop: int) -> bool:
    """Does the run ``[start, stop)`` hold the whole body once the lines the region takes in
    anyway are added (neutral lines touching it, the lead right above it)? Then nothing is
    left to cut: the body is what a first pass kept."""
    while start > 0 and vals[start - 1] == 0:
        start -= 1
    if start == 1 and _is_lead(doc, ctx, 0):
        start = 0
    while stop < len(vals) and vals[stop] == 0:
        stop += 1
    return start == 0 and stop == len(vals)


def main_region(doc: Doc, ctx: Context) -> list[tuple[int, int]] | None:
    """The article's parts as (start, stop) spans of ``doc.lines``, cached per document; None
    when no region stands out. Usually one span; a lead separated from the body by an insert
    (a job slider, a gallery, a teaser box) is a second span before it."""
    memo = ctx.state.region_parts
    n = len(doc.lines)
    if n in memo:
        return memo[n]
    # the scores with the lines the rules before the region removed put back as chrome (see
    # region_scores.REMOVED_CHROME); ``at[x]`` is the surviving line at position x, -1 for a removed one
    line_vals = scores(doc, ctx)
    line_own = scores(doc, ctx, removed_barriers=False)
    fs = features.of(doc.all, ctx)
    line_phrase = [prose.is_phrase(fs[line.index]) for line in doc.lines]
    vals, own, phrase, at = with_removed(line_vals, line_own, line_phrase, removed_before(doc, ctx))
    best, start, stop = _kadane(vals, 0, len(vals))
    widened = entry = False
    if best >= MIN_REGION_SCORE:
        table = figure_test(doc, at)
        capped = _capped_gaps(vals, own, phrase, table, labelled=True)
        # the wider region grows from the first one up to the nearest barriers around it, and is
        # taken when it holds WIDEN_MIN_GAIN times the first one's prose (a test of the two
        # regions alone, not of the rest of the page: on the cleaned body it answers the same,
        # so clean() stays idempotent)
        lo = max((k + 1 for k in range(start) if vals[k] != own[k] or own[k] == BARRIER), default=0)
        hi = min((k for k in range(stop, len(vals)) if vals[k] != own[k] or own[k] == BARRIER), default=len(vals))
        best2, s2, e2 = _kadane(capped, lo, hi)
        first = sum(v for v in vals[start:stop] if v > 0)
        # an entry list elsewhere on the page (see ENTRY_GAP_COST)
        entries = _capped_gaps(vals, own, phrase, table, ENTRY_GAP_COST)
        best3, s3, e3 = _kadane(entries, 0, len(vals))
        # the same with longer gaps (see SPREAD_GAP_MAX_LINES), over the page and between the
        # barriers around the densest run (a removed line counts SPREAD_GAP_MIN_WORDS words: it
        # neither makes a gap wordy nor keeps it from being so)
        fw = float(SPREAD_GAP_MIN_WORDS)
        words = [float(doc.lines[k].n_words) if k >= 0 else fw for k in at]
        spread = _capped_gaps(vals, own, phrase, table, ENTRY_GAP_COST, labelled=True, words=words)
        best4, s4, e4 = _kadane(spread, 0, len(vals))
        best5, s5, e5 = _kadane(spread, lo, hi)
        if best3 >= MIN_REGION_SCORE and _whole_body(doc, ctx, line_vals, *line_span(at, s3, e3)):
            # the entry list is the whole body (what a first pass kept from an entry list or
            # from an article): nothing to cut, and no last piece to trim either
            vals, best, start, stop, entry = entries, best3, s3, e3, True
        elif best4 >= MIN_REGION_SCORE and _whole_body(doc, ctx, line_vals, *line_span(at, s4, e4)):
            # the same for a spread entry run (so a second pass cuts nothing either)
            vals, best, start, stop, entry = spread, best4, s4, e4, True
        elif s2 <= start and e2 >= stop and sum(v for v in vals[s2:e2] if v > 0) >= WIDEN_MIN_GAIN * first:
            vals, best, start, stop, widened = capped, best2, s2, e2, True
        elif best4 >= MIN_REGION_SCORE and (e4 <= start or s4 >= stop or first < ENTRY_TINY) and sum(v for v in vals[s4:e4] if v > 0) >= ENTRY_MIN_GAIN * first:
            # a spread entry list elsewhere on the page, or around a tiny densest run
            vals, best, start, stop, entry = spread, best4, s4, e4, True
        elif best5 >= MIN_REGION_SCORE and s5 <= start and e5 >= stop and sum(v for v in vals[s5:e5] if v > 0) >= SPREAD_HOLD_GAIN * first:
            # a spread entry list around the densest run, up to the barriers around it
            vals, best, start, stop, entry = spread, best5, s5, e5, True
        elif (
            best5 >= MIN_REGION_SCORE
            and s5 <= start
            and e5 >= stop
            and (grown := _spread_widened(doc, vals, own, phrase, table, words, at, (lo, hi), (start, stop), first)) is not None
        ):
            # a spread entry run around the densest run with less gain, as a wider region
            vals, best, start, stop = grown
            widened = True
        elif (e3 <= start or s3 >= stop or first < ENTRY_TINY) and best3 >= MIN_REGION_SCORE and sum(v for v in vals[s3:e3] if v > 0) >= ENTRY_MIN_GAIN * first:
            # no wider region around the densest run, but an entry list elsewhere on the page
            # (or around a densest run of one short paragraph, see ENTRY_TINY)
            vals, best, start, stop, entry = entries, best3, s3, e3, True
    parts: list[tuple[int, int]] | None = None
    if best >= MIN_REGION_SCORE:
        # a short piece of prose hanging after chrome at the end (a copyright or newsletter line,
        # an author bio) is not worth the chrome before it; in a region widened over short gaps
        # every item is such a piece, so only the last one can go
        # (an entry list is all such pieces: none goes, or every pass would take one more);
        # pieces that hold over PEEL_MAX_SHARE of the region's prose are content: only the
        # last one goes then
        peel = 0 if entry else 1 if widened else len(vals)
        total = sum(v for v in vals[start:stop] if v > 0)
        peeled = 0.0
        teaser = False
        end = stop
        last_only = -1  # where the region ends once only its last piece is trimmed
        while peel:
            peel -= 1
            k = end - 1
            tail = 0.0
            while k > start and vals[k] >= 0:
                tail += vals[k]
                k -= 1
            if k <= start or tail >= END_MIN_SCORE:
                break
            peeled += tail
            teaser = teaser or any(fs[doc.lines[at[j]].index].repeats > 1 for j in range(k + 1, end) if at[j] >= 0)
            while k > start and vals[k] < 0:
                k -= 1
            end = k + 1
            if last_only < 0:
                last_only = end
        if peeled <= PEEL_MAX_SHARE * total or teaser:
            stop = end
        elif last_only >= 0:
            stop = last_only
        # back to the surviving lines
        start, stop = line_span(at, start, stop)
        vals = [v for v, k in zip(vals, at, strict=True) if k >= 0]
        # neutral lines touching the region (a short closing sentence: "With inputs from Reuters.") join it
        while start > 0 and vals[start - 1] == 0:
            start -= 1
        while stop < len(vals) and vals[stop] == 0:
            stop += 1
        if stop < len(vals):
            stop = announced_list_end(doc, ctx, stop)
        for k in range(stop, min(stop + TEMPLATE_MAX_LEAD + 1, len(vals))):
            if is_terminator(doc.lines[k]):
                break
            end = templated_run_end(doc, ctx, k)
            if end > k:
                stop = end
                break
        # the lead (standfirst) right above the body, cut off by a chrome line's score or a
        # share bar's barrier: one long sentence-like line joins the region
        if start > 0 and _is_lead(doc, ctx, start - 1):
            start -= 1
        parts = [(start, stop)]
        while start > 0:
            lo = max(0, start - MERGE_MAX_GAP - MERGE_SEARCH)
            score2, s2, e2 = _kadane(vals, lo, start)
            # a terminator heading in the gap does not keep the lead out: inline "Related" boxes sit inside articles
            if score2 < MERGE_MIN_SCORE or start - e2 > MERGE_MAX_GAP:
                break
            parts.insert(0, (s2, e2))
            start = s2
        if _no_region(doc, ctx, best, parts):
            parts = None  # a small region, no chrome found on the page or a page of units: nothing stands out
    memo[n] = parts
    return parts


def cuts_around(doc: Doc, ctx: Context, parts: list[tuple[int, int]], of: str = "the main region") -> Iterator[Cut]:
    """The lines before, between and after the region's ``parts`` (``of`` names the region in the
    reasons). Lines between two parts that are half phrases are a list the article prints (quoted
    verse, a spec list), not an insert (see prose.PHRASE_LIST_SHARE)."""
    if parts[0][0] > 0:
        yield Cut(0, parts[0][0], f"before {of}")
    fs = features.of(doc.all, ctx)
    for (_, stop), (start, _) in zip(parts, parts[1:], strict=False):
        if start > stop and not prose.is_phrase_list(fs, doc.lines[stop:start]):
            yield Cut(stop, start, f"insert between two parts of {of}")
    if parts[-1][1] < len(doc.lines):
        yield Cut(parts[-1][1], len(doc.lines), f"after {of}")


@rule("outside-main-region", family="region", stage="span", text_only=True)
def outside_main_region(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Lines before and after the article's main region (navigation, teasers, footers)."""
    if not big_enough(doc, ctx):
        return
    parts = main_region(doc, ctx)
    if parts:
        yield from cuts_around(doc, ctx, parts)
