"""Related-content blocks: a heading of the related family ("Related Articles", "Mehr zum Thema",
"Lire aussi") and the teasers after it, which may be long prose summaries (family ``related``).

A heading alone is not proof: a body paragraph can start with "Related" and sites print "Read
more" buttons inside the article. The tail rule therefore only fires on a short standalone
heading, and only cuts prose after it when the lines around that prose are teaser-shaped:
duplicated headlines, source names repeated in the block, printed times ("time2 hours ago"),
summaries cut off with an ellipsis. Without such signals it cuts the heading and the short
lines right after it, and stops at the first prose line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Final

from ..lexicon import hint_flag, line_hints, pattern
from ..model import Line, line_memo
from ..pipeline import Context, Doc
from ..ruledef import Cut, rule
from ..segment import SENTENCE_CLOSERS, SENTENCE_END
from .prose import is_paragraph_shaped
from .shapes import KEY_STRIP, catalogue, fold, is_date_line, is_headline, is_truncated

#: A related heading is a short standalone line.
RELATED_HEADING_MAX_WORDS: Final = 8
#: ... and at most this many characters (checked first: it is cheaper than counting words).
RELATED_HEADING_MAX_CHARS: Final = 90
#: Teaser signals are counted in this many lines after the heading ...
TEASER_WINDOW: Final = 10
#: ... and this many of them make the block a teaser list, whose prose summaries go too.
TEASER_MIN_SIGNALS: Final = 2
#: Inside a teaser list, at most this many short lines may follow one another without a teaser signal ...
TEASER_MAX_GAP: Final = 8
#: ... and without signals a block is a short list of links: at most this many lines.
LIST_MAX_LINES: Final = 6
#: After a teaser summary, the next teaser's signals come within this many lines; prose there
#: instead means the article (re)starts.
SUMMARY_LOOKAHEAD: Final = 4
#: A teaser block that stops before the end of the page (the article resumes after it) must
#: have had at least this many teaser summaries; one is the article's own header.
MIN_SUMMARIES_MID_PAGE: Final = 2
#: A teaser's time/source line may also come right after its summary, within this many lines.
SIGNAL_AFTER_LINES: Final = 2
#: Lines longer than this are never compared for duplicates (teaser headlines and source names are short).
DUPLICATE_MAX_CHARS: Final = 200
#: "Read also: <headline>" one-liners: the whole line stays under this length ...
INLINE_MAX_CHARS: Final = 250
#: ... and the headline after the label has at least this many words.
INLINE_MIN_WORDS: Final = 3

#: A related heading the page prints this many times (the alive lines when related-tail runs) is
#: a label every card of a list carries ("See also" under each course, "Related" under
#: each answer): the cards are the page, not a tail after it. Only the label goes, and the block
#: after it only when it is a short list of links (at most LIST_MAX_LINES lines: an inline box
#: the site prints under the same heading several times). Every copy goes, so a second pass,
#: which no longer sees them, decides the same. (Issue 12: related-tail cost wcxb -3.0 / -3.4
#: thousandths, listing and service pages whose cards were taken for a related tail.)
CARD_LABEL_MIN_REPEATS: Final = 3

_INLINE_SEPARATORS: Final = ":：»›>|–—-"
_INLINE_SEP_RE: Final = re.compile(f"[{re.escape(_INLINE_SEPARATORS)}]")
#: "Read also:" labels sit at the start of the line: the separator comes within this many characters.
INLINE_LABEL_MAX_CHARS: Final = 45
#: The hint bit of ``data/related_headings.hints``: substrings every pattern of
#: ``related_headings.re`` contains (a cheap pre-filter; a catalogue test checks each pattern carries one).
_RELATED_HINT: Final = hint_flag("related_headings")


@line_memo("_kind")
def heading_kind(line: Line) -> str | None:
    """``"phrase"`` for a catalogue heading ("Related Articles"), ``"pattern"`` for a variable one
    ("More from Al Jazeera"), ``"button"`` for a "Read more" link, else None. (Memoised on the
    line: the related, region and header rules ask it of the same lines.)"""
    if line.n_chars > RELATED_HEADING_MAX_CHARS or line.n_words > RELATED_HEADING_MAX_WORDS:
        return None
    k = line.key
    if k in catalogue("related_headings"):
        return "phrase"
    if k in catalogue("read_more"):
        return "button"
    if line_hints(line) & _RELATED_HINT and pattern("related_headings").fullmatch(k):
        return "pattern"
    return None



@cache
def _heading_keys() -> frozenset[str]:
    """The keys :func:`heading_kind` knows without its pattern: catalogue headings and read-more buttons."""
    return catalogue("related_headings") | catalogue("read_more")


def _may_be_heading(line: Line) -> bool:
    """A cheap necessary condition for ``heading_kind(line) is not None`` (its gates, a catalogue
    key or the pattern's hint)."""
    return (
        line.n_chars <= RELATED_HEADING_MAX_CHARS
        and line.n_words <= RELATED_HEADING_MAX_WORDS
        and (line.key in _heading_keys() or bool(line_hints(line) & _RELATED_HINT))
    )


@cache
def _other_tail_labels() -> frozenset[str]:
    """Comment-widget, share and trailer labels: the tail headings that are not related headings."""
    return catalogue("comment_widget") | catalogue("share") | catalogue("trailers")


def is_tail_heading(line: Line) -> bool:
    """A short line that ends an article when it is chrome: a related heading, a comment-widget
    or share label, a scraper trailer ("Leave a Reply"). For the region heuristics: such a line
    stays a barrier even after the rule of its family removed it."""
    if line.n_words > RELATED_HEADING_MAX_WORDS:
        return False
    if _may_be_heading(line):
        kind = heading_kind(line)  # memoised: related-tail asked it first
        if kind == "phrase" or kind == "pattern":
            return True
    return line.key in _other_tail_labels()



def _teaser_key(line: Line) -> str:
    return line.key  # fold(line.text).strip(KEY_STRIP), computed once by Line


@rule("related-tail", family="related", stage="span")
def related_tail(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """A related-content block: its heading ("Related Articles", "You may also like", "Lire aussi")
    and the teasers after it, down to the end of the page or to where the article resumes."""
    lines = doc.lines
    counts: Counter[str] | None = None
    marked: frozenset[int] | None = None
    done = 0  # lines before this one are in a block already cut
    heads = [i for i, line in enumerate(lines) if _may_be_heading(line)]
    printed = Counter(lines[i].key for i in heads)
    for i in heads:
        if i < done:
            continue
        kind = heading_kind(lines[i])
        if kind is None or (kind == "pattern" and i > 0 and _continues_line(lines[i - 1], lines[i])):
            continue
        if kind != "button" and counts is None:
            # repeated short lines after the first heading (duplicated headlines, source names),
            # counted once per page so a page of headings stays linear
            counts = Counter([ln.key for ln in lines[i + 1 :] if ln.n_chars <= DUPLICATE_MAX_CHARS])  # _teaser_key
        if kind != "button" and marked is None:
            marked = _after_removed_repeats(doc, ctx)
        stop = i + 1 if kind == "button" else _block_end(lines, i, kind, counts or Counter(), marked or frozenset())
        if kind != "button" and printed[lines[i].key] >= CARD_LABEL_MIN_REPEATS and not i + 1 < stop <= i + 1 + LIST_MAX_LINES:
            yield Cut(i, i + 1, "card label")
            done = i + 1
        elif stop > i:
            yield Cut(i, stop, "read-more button" if kind == "button" else "related-content block")
            done = stop


#: Lines ending so are complete (a sentence mark, a closing quote or bracket, a colon or
#: semicolon): a lower-case line after one of them may be a heading.
_LINE_END_PUNCT: Final = tuple(SENTENCE_END + SENTENCE_CLOSERS + ":;")


def _continues_line(prev: Line, line: Line) -> bool:
    """``line`` is no heading but the rest of ``prev``: it starts in lower case after a line
    that does not end a sentence ("Tell us a little" / "more about yourself"). Asked of pattern
    headings only: a whole line that is a catalogue heading ("también le puede interesar") is one
    wherever it stands, and the line above it may go later (moved as the title, cut as a chrome
    label), after which a second pass would read the heading (idempotence). (Blank lines between
    do not matter: the cleaned output separates its lines with them, and a second pass must
    decide the same.)"""
    first = line.text[:1]
    return first.islower() and not prev.text.rstrip().endswith(_LINE_END_PUNCT)


#: Lines an earlier rule of these families removed still count as repeated short lines where
#: they stood (a "Reply" under each comment, a share row under each teaser: scraper-trailer and
#: share-widget take them before related-tail sees the block).
REPEAT_REMOVED_FAMILIES: Final = frozenset({"trailer"})


def _after_removed_repeats(doc: Doc, ctx: Context) -> frozenset[int]:
    """Input indexes of the surviving lines that come right after a line removed by a rule of
    REPEAT_REMOVED_FAMILIES whose text the page repeats: the teaser signal that line was."""
    by = ctx.state.removed_by
    gone = [k for k, fam in by.items() if fam in REPEAT_REMOVED_FAMILIES]
    if not gone:
        return frozenset()
    every = doc.all
    keys = Counter(every[k].key for k in gone)
    alive = [ln.index for ln in doc.lines]
    out = set()
    for k in gone:
        if keys[every[k].key] >= 2:
            p = bisect_right(alive, k)
            if p < len(alive):
                out.add(alive[p])
    return frozenset(out)


def _block_end(lines: Sequence[Line], i: int, kind: str, counts: Counter[str], marked: frozenset[int] = frozenset()) -> int:
    """Where the related block that starts with heading ``lines[i]`` ends (exclusive), or ``i``
    when the heading should stay. ``counts``: how often each short line occurs after the first
    heading; ``marked``: input indexes of lines right after a removed repeated line (see
    :func:`_after_removed_repeats`)."""
    n = len(lines)

    def signal(ln: Line) -> bool:
        if ln.n_chars <= DUPLICATE_MAX_CHARS and counts[_teaser_key(ln)] >= 2:
            return True
        if ln.index in marked:
            return True
        return is_date_line(ln) or is_truncated(ln)

    window = lines[i + 1 : i + 1 + TEASER_WINDOW]
    teasers = sum(1 for ln in window if signal(ln)) >= TEASER_MIN_SIGNALS
    if kind == "pattern" and not teasers and sum(1 for ln in window[:2] if is_headline(ln)) < 2:
        # "More on the economy" followed by prose may be a body subheading: keep it
        return i
    end = i + 1  # the block surely runs to here
    summaries = 0
    seen_signal = False
    short = 0  # short lines since the last sure line: part of the block only if it goes on
    j = i + 1
    while j < n:
        ln = lines[j]
        if signal(ln):
            seen_signal, short, end = True, 0, j + 1
        elif not is_paragraph_shaped(ln):
            short += 1
            if short > (TEASER_MAX_GAP if teasers else LIST_MAX_LINES):
                break
        elif teasers and (seen_signal or is_truncated(ln) or _signal_follows(lines, j, signal)) and not _article_resumes(lines, j, signal):
            # a teaser's summary: prose, but announced (or followed) by source / time lines, and
            # followed by the next teaser (not by more prose: that is an article)
            seen_signal, short, end = False, 0, j + 1
            summaries += 1
        else:
            break
        j += 1
    if j == n:
        return n  # the block runs to the end of the page
    if teasers and summaries < MIN_SUMMARIES_MID_PAGE:
        # one "teaser" and then the article: that was the article's own header (headline,
        # standfirst, date) under a box heading; keep it and treat the heading as a link list
        teasers, j = False, i + 1
        while j < n and not is_paragraph_shaped(lines[j]) and j - i - 1 <= LIST_MAX_LINES:
            j += 1
        short = j - i - 1
        end = i + 1
    if not teasers and j < n and short <= LIST_MAX_LINES and is_paragraph_shaped(lines[j]):
        return j  # a short list of links, then the article resumes
    return end


def _signal_follows(lines: Sequence[Line], j: int, signal: Callable[[Line], bool]) -> bool:
    """A teaser whose time or source line comes after its summary ("... summary" / "2H ago")."""
    return any(signal(ln) for ln in lines[j + 1 : j + 1 + SIGNAL_AFTER_LINES])


def _article_resumes(lines: Sequence[Line], j: int, signal: Callable[[Line], bool]) -> bool:
    """True when more prose follows the prose line ``lines[j]`` before any teaser signal: a
    teaser has one summary, an article goes on."""
    for ln in lines[j + 1 : j + 1 + SUMMARY_LOOKAHEAD]:
        if signal(ln):
            return False
        if is_paragraph_shaped(ln):
            return True
    return False


def _inline_link_screen(lines: Sequence[Line]) -> list[Line]:
    """Lines of enough words with a separator where a label would end, whose first word starts a
    related heading (on a firing line the headline follows, so ``key`` keeps the label's first word)."""
    sep = _INLINE_SEP_RE.search
    firsts = _label_first_words()
    strip = _INLINE_SEPARATORS + " "
    return [
        line
        for line in lines
        if line.n_words > INLINE_MIN_WORDS
        and sep(line.text, 0, INLINE_LABEL_MAX_CHARS) is not None
        and ((w := line.key.split(" ", 1)[0]) in firsts or w.rstrip(strip) in firsts)
    ]


@cache
def _label_first_words() -> frozenset[str]:
    """The first word of every related heading: a label a line starts with begins with one."""
    return frozenset(label.split(" ", 1)[0] for label in _inline_labels())


@cache
def _inline_labels() -> frozenset[str]:
    """Labels an inline link may start with: related headings and the inline-only labels
    ("READ MORE: <headline>"; alone, "Read more" is a button, not a heading)."""
    return catalogue("related_headings") | catalogue("related_inline")


@rule("related-inline-link", family="related", max_chars=INLINE_MAX_CHARS, screen=_inline_link_screen)
def related_inline_link(line: Line, ctx: Context) -> str | None:
    """A one-line link to another article inside the body ("Read also: <headline>", "Lire aussi : ...")."""
    if line.n_chars > INLINE_MAX_CHARS or line.n_words < INLINE_MIN_WORDS + 1:
        return None
    if _INLINE_SEP_RE.search(line.text, 0, INLINE_LABEL_MAX_CHARS) is None:
        return None
    low = fold(line.text).lstrip(KEY_STRIP)
    # find the label: the longest catalogue heading the line starts with, then a separator
    for cut in _label_ends(low):
        rest = low[cut:].lstrip()
        if not rest or rest[0] not in _INLINE_SEPARATORS:
            continue
        headline = rest.lstrip(_INLINE_SEPARATORS + " ")
        words = headline.split()
        if len(words) >= INLINE_MIN_WORDS and is_headline(Line(line.index, "", headline), INLINE_MIN_WORDS):
            return "link to another article"
    return None


def _label_ends(low: str) -> Iterator[int]:
    """End offsets of related-heading labels that ``low`` starts with (longest first)."""
    words = low.split(" ", RELATED_HEADING_MAX_WORDS)
    labels = _inline_labels()
    prefix = ""
    ends = []
    for w in words[:RELATED_HEADING_MAX_WORDS]:
        prefix = f"{prefix} {w}" if prefix else w
        for cand in (prefix, prefix.rstrip(_INLINE_SEPARATORS + " ")):
            if cand in labels:
                ends.append(len(cand))
                break
    return iter(sorted(set(ends), reverse=True))

