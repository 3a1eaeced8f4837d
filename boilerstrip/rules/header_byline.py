"""Header rules (family ``header``) for who and when: a publisher glued to a date or a bare date
line (``source-date``) and bylines (``byline``), looked for in the header zone
(:func:`boilerstrip.rules.header.header_lines`). Every line they move is noted in
``ctx.state.header_moved`` for ``header-title``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import regex

from .. import dates
from ..bylines import AUTHOR_SEPARATOR, is_role, match_byline, match_dated_byline
from ..pipeline import Context, Doc
from ..ruledef import Move, rule
from .header import header_lines
from .shapes import ends_sentence

#: A publisher name glued to a date has at most this many words.
SOURCE_MAX_WORDS: Final = 5
_SEPARATORS: Final = " |·•,–—-/"

def split_source_date(text: str) -> tuple[str | None, str] | None:
    """``("Al Jazeera", "2 days ago")`` for "Al Jazeera2 days ago"; ``(None, date)`` for a bare or labelled date."""
    m = dates.DATE_LABELS.match(text)
    if m and m.end() < len(text) and dates.is_date_shape(text[m.end() :].strip()):
        return None, text[m.end() :].strip()
    t = dates.ICON_TIME_PREFIX.sub("", text, count=1) if text[:4].casefold() == "time" else text
    if dates.is_date_shape(t):
        return None, t
    # only a date that ends the line can follow a source: the relative shapes end in a letter
    # ("ago", a unit), the absolute ones in a digit (the year or day), so a line ending otherwise
    # is not scanned for that kind (the scans were most of what source-date cost)
    last = t[-1:]
    for p in (dates.RELATIVE, *dates.ABSOLUTE):  # the printed-date shapes dates.resolve knows
        for m in p.finditer(t) if (last.isalpha() if p is dates.RELATIVE else last.isdigit()) else ():
            if m.end() != len(t) or m.start() == 0:
                continue
            src = t[: m.start()].strip(_SEPARATORS)
            if src and _is_source(src):
                return src, t[m.start() :]
        # the other way round: "08.12.2022 Bundesverband WindEnergie", "2 days ago · Reuters"
        m = p.match(t)
        if m and m.end() < len(t):
            src = t[m.end() :].strip(_SEPARATORS)
            if src and _is_source(src):
                return src, t[: m.end()].strip()
    return None


def _is_source(src: str) -> bool:
    words = src.split()
    if not (1 <= len(words) <= SOURCE_MAX_WORDS) or not (src[0].isupper() or src[0].isdigit()) or ends_sentence(src):
        return False
    # a handle or a colon: an embedded post's author ("— Jane Doe (@jdoe) May 3, 2022") or a
    # quoted post's header ("14 hours ago, Jane Doe said:"), not a publisher
    if "@" in src or src.endswith(":"):
        return False
    # "Posted by Jane", "By Jane Doe": a byline, not a publisher
    return "by" not in (w.casefold() for w in words) and not match_byline(src)


@rule("source-date", family="header", stage="meta")
def source_date(doc: Doc, ctx: Context) -> Iterator[Move]:
    """A publisher glued to a date above the body ("The Guardian2 days ago"), a bare date line or a
    line of labelled timestamps ("Published: ... | Updated: ...") -> source, published."""
    for i, line in header_lines(doc, ctx):
        if line.n_words > SOURCE_MAX_WORDS + dates.DATE_MAX_WORDS or not dates.may_hold_date(line.text, line.lower):
            continue
        found = split_source_date(line.text)
        if found is None:
            stamp = dates.labelled_stamps(line.text)
            if stamp is None:
                continue
            found = None, stamp
        src, date = found
        if src:
            yield Move(i, i + 1, "source", src, "publisher and date")
        yield Move(i, i + 1, "published", date, "publisher and date" if src else "date line")
        ctx.state.header_moved.add(line.index)
        return


# -- byline -------------------------------------------------------------------------------------

@rule("byline", family="header", stage="meta")
def byline(doc: Doc, ctx: Context) -> Iterator[Move]:
    """A byline above the body ("By Jane Doe", "Von Max Muster", "Par ...", "Por ...", "Di ...") -> authors."""
    for i, line in header_lines(doc, ctx):
        m = match_byline(line.text)
        dated = None
        if not m:
            found = match_dated_byline(line.text)
            if not found:
                continue
            m, dated = found
        for k, name in enumerate(regex.split(AUTHOR_SEPARATOR, m["names"])):
            if k and is_role(name):  # "By TOM KRISHER, AP Auto Writer": the role ends the names
                break
            if name.strip():
                yield Move(i, i + 1, "authors", name.strip(), "byline")
        rest = dated or (m["rest"] or "").strip(_SEPARATORS)
        if rest and (dated or dates.is_date_shape(rest)):
            yield Move(i, i + 1, "published", rest, "byline date")
        ctx.state.header_moved.add(line.index)
