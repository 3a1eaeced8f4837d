"""Header lines moved into metadata (family ``header``): the header zone they look in, and
image caption + credit.

The family's rules look only at the *header zone*: the few lines right above the first body
paragraph (a prose line; see :func:`first_body`). On a page where nothing above the first
paragraph looks like a header, nothing moves. Image credits are also recognised further down,
where the credit line alone moves (its caption may be a body paragraph, so it stays).

The family's modules, in the order its rules run (registry.ORDER):

* here: the zone and ``image-credit`` (finding the zone skips a lead image's caption above its
  credit, so the two go together; the credit shapes are :mod:`boilerstrip.credits`);
* :mod:`boilerstrip.rules.header_byline`: ``source-date`` (a publisher glued to a date, a date
  line) and ``byline``;
* :mod:`boilerstrip.rules.header_title`: ``header-title``, the title and its duplicate, which
  takes the lines the rules before it moved (``ctx.state.header_moved``) as evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from ..bylines import match_dated_byline
from ..credits import CREDIT_HINT, CREDIT_LINE_MAX_CHARS, credit_shape, is_credit
from ..model import Image, Line
from ..pipeline import Context, Doc
from ..ruledef import Move, rule
from .prose import is_paragraph_shaped
from .shapes import with_hint

#: How many lines above the first body paragraph may hold header lines (title, byline, date).
HEADER_LOOKBACK: Final = 8
#: A caption is at most this many words (longer lines above a credit are body paragraphs).
CAPTION_MAX_WORDS: Final = 25
#: Below a standfirst (a lead sentence printed above the byline and the date) the header goes on:
#: header-settle reads the lines between the first body paragraph and the next one, when at most
#: this many lines sit between them (a byline, a date line, a share bar, a caption).
STANDFIRST_TAIL: Final = 3
#: Credits closer together than this many lines are a gallery: their captions are content and stay.
GALLERY_GAP: Final = 12


# -- the header zone ----------------------------------------------------------------------------


def first_body(lines: Sequence[Line]) -> int | None:
    """Index of the first body paragraph: a prose line, skipping one lead-image caption (a prose
    line followed by a credit) and bylines printed with their date and time."""
    n = len(lines)
    skipped = False
    for i, line in enumerate(lines):
        if is_paragraph_shaped(line):
            if not skipped and i + 1 < n and is_credit(lines[i + 1]):
                skipped = True
                continue
            if match_dated_byline(line.text):
                continue  # "By Jane Doe on Monday, <date> at 11:04 a.m.": a byline, long as a sentence
            return i
    return None


def _body_start(doc: Doc, ctx: Context) -> int | None:
    """``first_body(doc.lines)``, computed once for the same surviving lines: the four header
    rules ask it in turn and most of them move nothing, so they see the same list (holding the
    list in ``ctx.state.header_body`` keeps its id from being reused)."""
    state = ctx.state
    got = state.header_body
    if got is not None and got[0] is doc.lines:
        return got[1]
    b = first_body(doc.lines)
    state.header_body = (doc.lines, b)
    return b


def header_zone(doc: Doc, ctx: Context) -> tuple[int, int] | None:
    """The header zone as a (start, stop) span of ``doc.lines``: up to HEADER_LOOKBACK lines above
    the first body paragraph; None when the page has no body paragraph."""
    b = _body_start(doc, ctx)
    if b is None:
        return None
    return max(0, b - HEADER_LOOKBACK), b


def standfirst_tail(lines: Sequence[Line], b: int) -> range:
    """The lines between the first body paragraph ``lines[b]`` and the next paragraph, when there
    are at most STANDFIRST_TAIL of them: where a standfirst is followed by its byline and date
    ("A lead sentence ..." / "By Jane Doe" / "3 May 2022" / the article). Empty otherwise."""
    stop = min(len(lines), b + STANDFIRST_TAIL + 2)
    for j in range(b + 1, stop):
        if is_paragraph_shaped(lines[j]):
            return range(b + 1, j)
    return range(0)


def header_lines(doc: Doc, ctx: Context) -> Iterator[tuple[int, Line]]:
    """(position, line) for each line of the header zone: up to HEADER_LOOKBACK lines above the
    body; while header-settle reads a paragraph's tail (``ctx.state.header_tail``), the lines of
    :func:`standfirst_tail` below that paragraph instead."""
    lines = doc.lines
    at = ctx.state.header_tail
    if at is not None:
        for i in standfirst_tail(lines, at):
            yield i, lines[i]
        return
    zone = header_zone(doc, ctx)
    if zone is not None:
        for i in range(*zone):
            yield i, lines[i]


# -- image caption + credit -------------------------------------------------------------------


@rule("image-credit", family="header", stage="meta")
def image_credit(doc: Doc, ctx: Context) -> Iterator[Move]:
    """Image credits ("Alexander Nemenov | AFP | Getty Images", "Foto: dpa") and, in the header, the caption above them."""
    lines = doc.lines
    credits = [i for i in with_hint(lines, CREDIT_HINT, CREDIT_LINE_MAX_CHARS) if credit_shape(lines[i])]
    if not credits:
        return
    b = _body_start(doc, ctx)
    top = b if b is not None else -1
    for n, i in enumerate(credits):
        line = lines[i]
        cap = i - 1
        caption = None
        # only the lead image's caption, in the header, and not in a gallery of credited pictures
        lead = n == 0 and (len(credits) == 1 or credits[1] - i > GALLERY_GAP)
        # a caption sits under something (the title): a first line followed by a credit is the
        # article's first paragraph with a picture after it, and stays
        ok_cap = lead and 0 < cap <= top + 1
        if ok_cap and not is_credit(lines[cap]) and lines[cap].n_words <= CAPTION_MAX_WORDS:
            caption = lines[cap].text
        start = cap if caption is not None else i
        yield Move(start, i + 1, "images", Image(caption=caption, credit=line.text), "image caption and credit" if caption else "image credit")
        ctx.state.header_moved.update(ln.index for ln in lines[start : i + 1])
