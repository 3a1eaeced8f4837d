"""Inline inserts: chrome that interrupts the body, which continues after it (family ``insert``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from ..lexicon import hint_flag, line_hints, pattern
from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import Cut, rule
from ..segment import is_list_item
from .prose import is_paragraph_shaped
from .region_scores import big_enough
from .shapes import catalogue, ends_sentence, with_hint

#: Ad slot labels are short; a longer line that merely contains the words is prose.
AD_MARKER_MAX_CHARS: Final = 60
#: Newsletter calls to action are one short line; longer lines are never matched.
NEWSLETTER_MAX_CHARS: Final = 160
#: A newsletter promotion block ("Sign up to X" / blurb / "after newsletter promotion") spans at
#: most this many lines before its closing marker ...
NEWSLETTER_BLOCK_MAX_LINES: Final = 4
#: ... and each of them is a short line without a final full stop (the blurb, not the body).
NEWSLETTER_BLURB_MAX_CHARS: Final = 200
#: The hint bit of ``data/newsletter.hints``: substrings every pattern of ``newsletter.re``
#: contains (a cheap pre-filter; a catalogue test checks each pattern carries one).
_NEWSLETTER_HINT: Final = hint_flag("newsletter")
#: ... and of ``data/newsletter_end.hints``: substrings every entry of ``newsletter_end.txt`` contains.
_NEWSLETTER_END_HINT: Final = hint_flag("newsletter_end")


def _ad_marker_screen(lines: Sequence[Line]) -> list[Line]:
    labels = catalogue("ad_markers")
    return [line for line in lines if line.key in labels]


@rule("inline-ad-marker", family="insert", max_chars=AD_MARKER_MAX_CHARS, screen=_ad_marker_screen)
def inline_ad_marker(line: Line, ctx: Context) -> str | None:
    """Ad slot labels left inside the body ("STORY CONTINUES BELOW THIS AD", "Advertisement", "Anzeige")."""
    if line.n_chars <= AD_MARKER_MAX_CHARS and line.key in catalogue("ad_markers"):
        return "ad marker"
    return None


@rule("newsletter-insert", family="insert", stage="span")
def newsletter_insert(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Newsletter promotions: "Sign up to <newsletter>" ... "after newsletter promotion" blocks and
    standalone calls to action ("Sign up for our newsletter", "Newsletter abonnieren")."""
    lines = doc.lines
    # the lines that may open or close a promotion (the end markers carry a newsletter hint too)
    cands = with_hint(lines, _NEWSLETTER_HINT, NEWSLETTER_MAX_CHARS)
    if not cands:
        return
    ends = catalogue("newsletter_end")
    n = len(lines)
    done = 0  # lines before this one belong to a promotion already cut
    for i in cands:
        if i < done:
            continue
        line = lines[i]
        if pattern("newsletter").fullmatch(line.text) is not None:  # a sign-up call to action
            stop = i + 1
            # an opener: the block runs to its closing marker when one follows the blurb
            for k in range(i + 1, min(n, i + 1 + NEWSLETTER_BLOCK_MAX_LINES)):
                if _is_end(lines[k], ends):
                    stop = k + 1
                    break
                if not _is_blurb(lines[k]):
                    break
            yield Cut(i, stop, "newsletter promotion" if stop > i + 1 else "newsletter call to action")
            done = stop
            continue
        if _is_end(line, ends):
            start = i
            # a closing marker whose opener no pattern knows: take the blurb lines above it
            for j in range(i - 1, max(-1, i - 1 - NEWSLETTER_BLOCK_MAX_LINES), -1):
                if not _is_blurb(lines[j]):
                    break
                start = j
            yield Cut(start, i + 1, "newsletter promotion")


def _is_end(line: Line, ends: frozenset[str]) -> bool:
    return len(line.text) <= NEWSLETTER_MAX_CHARS and bool(line_hints(line) & _NEWSLETTER_END_HINT) and line.key in ends


def _is_blurb(line: Line) -> bool:
    """A newsletter's one-line pitch: short, no final sentence mark."""
    return line.n_chars <= NEWSLETTER_BLURB_MAX_CHARS and not ends_sentence(line.text)


#: A line the body printed already at most this many kept lines before is a copy: a gallery
#: prints each picture's caption once per slide (and once more as a bulleted thumbnail list), a
#: share bar sits under every item of a list. Farther apart, a repeated line is a refrain, an
#: interview's recurring question or a table's header row, which the body holds each time.
COPY_REACH: Final = 3
#: A copy has at least this many words, punctuation and markup left out (a one- or two-word line
#: repeated nearby is a label the other rules judge: "Reply", "Quote", a subheading printed over
#: its own list; a line of code such as "</ button >" repeats in any program).
COPY_MIN_WORDS: Final = 3
_NON_WORD: Final = re.compile(r"\W+")
#: What a copy may print around its words and still be the same line: a bullet before, a full
#: stop after ("* Caption." is "Caption").
_COPY_STRIP: Final = "*+•·▪◦‣●○■□►▸–—- .,;:!?…"


def _words_of(line: Line) -> int:
    """The number of word tokens of the line, punctuation and markup left out ("</ button >": 1)."""
    return len(_NON_WORD.sub(" ", line.lower).split())


@rule("near-copy", family="insert", stage="span", text_only=True)
def near_copy(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """A line printed again a few lines after itself: the copy goes, the first one stays (a
    gallery's caption under every slide, a share bar under every item). Shape only, no words.

    A line is a copy when one of the COPY_REACH lines before it prints the same words, or one of
    the COPY_REACH lines kept before it (the copies cut in between left out): a copy gone
    brings the lines around it closer (a question printed twice over its answer kept a "Show
    the answer" label out of reach of the next one), and a second clean() compares exactly
    those kept lines, so it finds no copy either. One pass, linear in the lines. Pages of fewer
    than :data:`~boilerstrip.rules.region_scores.MIN_LINES` lines are left alone, as by the
    region rules: a short text someone pasted repeats a paragraph on purpose."""
    if not big_enough(doc, ctx):
        return
    kept: list[str] = []  # the lines kept so far, as compared ("" for lines too short to compare)
    recent: list[str] = []  # every line so far, copies included
    for i, line in enumerate(doc.lines):
        key = _copy_key(line) if line.n_words >= COPY_MIN_WORDS else ""
        recent.append(key)
        if key and (key in recent[-COPY_REACH - 1 : -1] or key in kept[-COPY_REACH:]) and _words_of(line) >= COPY_MIN_WORDS:
            yield Cut(i, i + 1, "a copy of a line printed just before")
        else:
            kept.append(key)


#: A kept line whose text (as near-copy compares it) runs to at least this many characters and
#: that the body printed already, however far before, is a copy: a forum reply quoting an
#: earlier post, a signature under every post of its author, a disclaimer under every item.
#: Shorter repeats are labels, a name, a refrain or a table's header row, which the body may
#: hold each time (near-copy and the label rules judge them where they sit).
FAR_COPY_MIN_CHARS: Final = 40
#: ... unless the copies hold more than this share of the kept characters: a page printed twice
#: or three times (a print copy, a hidden copy) loses its copies, but a page that is one text
#: printed over and over between other lines is no thread of quotes; the rules after the
#: region judge what sits between its copies (a menu between every two copies is still a menu).
FAR_COPY_MAX_SHARE: Final = 0.8
#: A long line the body prints this many times or more, each time right over a paragraph the page
#: prints once, is a recurring heading, not a copy: the question an interview asks of every
#: guest, the label over every entry of a list-shaped article, the name and role over every
#: quoted expert. A quoted post is printed twice (the post, the quote); a signature stands under
#: its post, over the next post's name and date, not over a paragraph of its own.
RECURRING_HEADING_MIN: Final = 3
#: ... and only when the page has this many such headings or more: a questionnaire asks each
#: guest several questions, a list-shaped article prints several labels in every entry. One
#: line over a paragraph three times is as likely a credit under every table or a quoted line
#: (and a rule after far-copy that takes one of its prints with a table or a menu would leave
#: two, which a second clean() takes for a quote: clean(clean(x)) must equal clean(x)).
RECURRING_HEADING_KINDS: Final = 2


def _copy_key(line: Line) -> str:
    """The line's text as near-copy and far-copy compare it: case-folded, the bullets and
    punctuation around it left out."""
    return line.key.strip(_COPY_STRIP)


def _recurring_headings(lines: Sequence[Line], copied: set[str]) -> set[str]:
    """The keys of ``copied`` that the lines print RECURRING_HEADING_MIN times or more, each time
    right over a paragraph-shaped line printed only once (its own answer, entry or quote): the
    recurring headings of a questionnaire or a list-shaped article, which far-copy leaves; none
    unless there are RECURRING_HEADING_KINDS of them."""
    counts: dict[str, int] = {}
    for line in lines:
        key = _copy_key(line)
        counts[key] = counts.get(key, 0) + 1
    heads: dict[str, int] = {}  # copied key -> how many times it stands over a paragraph of its own
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if i == last:
            break
        key = _copy_key(line)
        if key in copied:
            after = lines[i + 1]
            if counts[_copy_key(after)] == 1 and is_paragraph_shaped(after):
                heads[key] = heads.get(key, 0) + 1
    found = {key for key, n in heads.items() if n >= RECURRING_HEADING_MIN and n == counts[key]}
    return found if len(found) >= RECURRING_HEADING_KINDS else set()


@rule("far-copy", family="insert", stage="span", text_only=True)
def far_copy(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """A long line the body printed already, anywhere before it: the copy goes, the first one
    stays (a forum reply quoting an earlier post, a signature under every post of its author, a
    disclaimer under every product). Shape only, no words.

    A line is a copy when its text as near-copy compares it (case-folded, the bullets and
    punctuation around it left out) runs to FAR_COPY_MIN_CHARS or more and equals a line kept
    before it more than COPY_REACH lines up (nearer copies are near-copy's, which runs later on
    what the rules between leave). A list item is never a copy: sibling lists print the same
    item on purpose (a plan's features in every pricing tier, the terms under every offer).
    Nor is a recurring heading (:func:`_recurring_headings`): a line printed RECURRING_HEADING_MIN
    times or more, each time over a paragraph of its own (an interview's question to every guest).
    It runs right after
    the main region is found, on what the region kept: a teaser of the post printed at the top
    of the page went with the chrome around it, so it cannot take the post's own line; and the
    rules after it (navigation runs, the region found again) see the body without the copies,
    as a second clean() does. Nothing goes when the copies would hold over FAR_COPY_MAX_SHARE
    of the kept text (one text printed over and over). Pages of fewer than
    :data:`~boilerstrip.rules.region_scores.MIN_LINES` lines are left alone, as by near-copy."""
    if not big_enough(doc, ctx):
        return
    last: dict[str, int] = {}  # line text as compared -> where it was last kept
    copies: list[int] = []
    for i, line in enumerate(doc.lines):
        key = _copy_key(line)
        if len(key) < FAR_COPY_MIN_CHARS or is_list_item(line.text):
            continue
        at = last.get(key)
        if at is not None and i - at > COPY_REACH:
            copies.append(i)
        else:
            last[key] = i  # the first one, or a copy near-copy takes (within its reach)
    if not copies:
        return
    headings = _recurring_headings(doc.lines, {_copy_key(doc.lines[i]) for i in copies})
    if headings:
        copies = [i for i in copies if _copy_key(doc.lines[i]) not in headings]
    if sum(doc.lines[i].n_chars for i in copies) <= FAR_COPY_MAX_SHARE * sum(line.n_chars for line in doc.lines):
        for i in copies:
            yield Cut(i, i + 1, "a copy of a long line printed before")
