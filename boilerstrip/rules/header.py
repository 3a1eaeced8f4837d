"""Header lines moved into metadata (family ``header``): image caption + credit, publisher glued
to a date, bylines, the title and its duplicate.

All of them look only at the *header zone*: the few lines right above the first body paragraph
(a prose line; see :func:`first_body`). On a page where nothing above the first paragraph looks
like a header, nothing moves. Image credits are also recognised further down, where the credit
line alone moves (its caption may be a body paragraph, so it stays).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import cast

import regex

from .. import dates
from ..lexicon import hint_flag, line_hints, phrases
from ..model import Image, Line
from ..pipeline import Context, Doc
from ..registry import Move, rule
from ..segment import is_list_item
from .related import heading_kind
from .shapes import AUTHOR_SEPARATOR, KEY_STRIP, catalogue, ends_sentence, fold, is_date_line, is_headline, is_prose, with_hint

#: How many lines above the first body paragraph may hold header lines (title, byline, date).
HEADER_LOOKBACK = 8
#: A caption is at most this many words (longer lines above a credit are body paragraphs).
CAPTION_MAX_WORDS = 25
#: Credits closer together than this many lines are a gallery: their captions are content and stay.
GALLERY_GAP = 12
#: Credit lines are short ("Alexander Nemenov | AFP | Getty Images", "Foto: dpa").
CREDIT_MAX_CHARS = 120
#: Each part of a "Name | Agency | Desk" credit has at most this many words.
CREDIT_PART_MAX_WORDS = 5
#: A labelled credit ("Photo: ...") names at most this many words after the label.
CREDIT_LABELLED_MAX_WORDS = 12
#: A publisher name glued to a date has at most this many words.
SOURCE_MAX_WORDS = 5
#: Bylines are short ("By Jane Doe and John Roe | Reuters").
BYLINE_MAX_WORDS = 14
#: A title has this many words at least and at most.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
#: Without other evidence, the first line is taken as the title only when the body starts
#: within this many lines of the top.
TITLE_MAX_LEADING = 2
#: Without a repeat, a line of this many capitalised words or fewer reads as a name, not a title.
NAME_MAX_WORDS = 4

_SEPARATORS = " |·•,–—-/"
_BULLETS = frozenset("-+*•·o▪◦‣●○■□►▸–—>»|")
_DATE_LABELS = regex.compile(
    r"(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)"
    r"\b(?:\s+(?:on|at|am|le|el|il)\b)?\s*:?\s*",
    regex.IGNORECASE,
)
_TIME_PREFIX = regex.compile(r"time(?=\d|an? )", regex.IGNORECASE)  # "time2 hours ago": an icon's alt text


def first_body(lines: Sequence[Line]) -> int | None:
    """Index of the first body paragraph: a prose line, skipping one lead-image caption (a prose
    line followed by a credit)."""
    n = len(lines)
    skipped = False
    for i, line in enumerate(lines):
        if is_prose(line):
            if not skipped and i + 1 < n and is_credit(lines[i + 1]):
                skipped = True
                continue
            return i
    return None


def _body_start(doc: Doc, ctx: Context) -> int | None:
    """``first_body(doc.lines)``, computed once for the same surviving lines: the four header
    rules ask it in turn and most of them move nothing, so they see the same list (holding the
    list in the cache keeps its id from being reused)."""
    got = ctx.cache.get("header-body")
    if got is not None and got[0] is doc.lines:
        return cast("int | None", got[1])
    b = first_body(doc.lines)
    ctx.cache["header-body"] = (doc.lines, b)
    return b


# -- image caption + credit -------------------------------------------------------------------


@cache
def _agencies() -> frozenset[str]:
    return frozenset(fold(a) for a in phrases("photo_agencies"))


@cache
def _label_starts() -> tuple[str, ...]:
    return tuple(fold(x) for x in phrases("credit_labels"))


def _may_start_with_label(low: str) -> bool:
    """A cheap necessary condition for ``_credit_label().fullmatch(low)`` on folded text: it starts
    with a label (a dotless ı, which case-insensitive matching may pair with i, always passes)."""
    return low.startswith(_label_starts()) or "ı" in low


@cache
def _credit_label() -> regex.Pattern[str]:
    labels = sorted((regex.escape(fold(x)) for x in phrases("credit_labels")), key=len, reverse=True)
    return regex.compile(
        rf"(?:{'|'.join(labels)})(?:\s+(?:copyright|credit|©))?\s*(?::|©|\bby\b|\bvon\b|\bpar\b|\bde\b|\bdi\b|(?<=copyright|credit)\s)\s*(?P<who>\S.*)",
        regex.IGNORECASE,
    )


_PART_SPLIT = regex.compile(r"\s*[|/]\s*|\s+via\s+")
#: The hint bit of ``data/image_credit.hints``: substrings one of which every credit line contains
#: (a cheap pre-filter).
_CREDIT_HINT = hint_flag("image_credit")


def is_credit(line: Line) -> bool:
    """An image credit: "Name | AFP | Getty Images", "Photo: Jane Doe", "(Reuters)", "© Jane Doe"."""
    if line.n_chars > CREDIT_MAX_CHARS or not line_hints(line) & _CREDIT_HINT:
        return False
    return _credit_shape(line)


def _credit_shape(line: Line) -> bool:
    """:func:`is_credit` once its cheap gates (length, hint substring) have passed."""
    text = line.text
    if ends_sentence(text) and not text.endswith(")"):
        return False
    low = fold(text)
    if low.startswith("(") and low.endswith(")"):
        inner = low[1:-1].strip()
        if inner in _agencies() or (_may_start_with_label(inner) and _credit_label().fullmatch(inner)):
            return True
    if low in catalogue("photo_stock"):
        return True  # "Getty Images", "Thinkstock" alone under a picture
    if "rights reserved" in low or "rechte vorbehalten" in low or "droits réservés" in low:
        return False
    if low.startswith("©") or low.startswith("(c) "):
        rest = low.lstrip("©(c) ")
        return bool(rest) and not rest[:4].isdigit() and len(rest.split()) <= CREDIT_LABELLED_MAX_WORDS
    m = _credit_label().fullmatch(low) if _may_start_with_label(low) else None
    if m and len(m["who"].split()) <= CREDIT_LABELLED_MAX_WORDS:
        return True
    agencies = _agencies()
    if low.startswith("(") and low.endswith(")") and low[1:-1].strip() in agencies:
        return True
    if "|" not in low and "/" not in low and "via" not in low:
        return False  # none of the separators _PART_SPLIT cuts at: one part
    parts = [p.strip() for p in _PART_SPLIT.split(low) if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) <= CREDIT_PART_MAX_WORDS for p in parts):
        return any(p in agencies for p in parts)
    return False


@rule("image-credit", family="header", stage="meta")
def image_credit(doc: Doc, ctx: Context) -> Iterator[Move]:
    """Image credits ("Alexander Nemenov | AFP | Getty Images", "Foto: dpa") and, in the header, the caption above them."""
    lines = doc.lines
    credits = [i for i in with_hint(lines, _CREDIT_HINT, CREDIT_MAX_CHARS) if _credit_shape(lines[i])]
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
        ctx.cache.setdefault("header-moved", set()).update(ln.index for ln in lines[start : i + 1])


# -- publisher + date ---------------------------------------------------------------------------


def split_source_date(text: str) -> tuple[str | None, str] | None:
    """``("Al Jazeera", "2 days ago")`` for "Al Jazeera2 days ago"; ``(None, date)`` for a bare or labelled date."""
    m = _DATE_LABELS.match(text)
    if m and m.end() < len(text) and _is_date(text[m.end() :].strip()):
        return None, text[m.end() :].strip()
    t = _TIME_PREFIX.sub("", text, count=1) if text[:4].casefold() == "time" else text
    if _is_date(t):
        return None, t
    for p in (dates.RELATIVE, *dates._ABSOLUTE):  # the printed-date shapes dates.resolve knows
        for m in p.finditer(t):
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


def _is_date(text: str) -> bool:
    t = text.strip(KEY_STRIP)
    if not t or len(t.split()) > 8:
        return False
    if dates.RELATIVE.fullmatch(t):
        return True
    return any(p.fullmatch(t) for p in dates._ABSOLUTE)


def _is_source(src: str) -> bool:
    words = src.split()
    if not (1 <= len(words) <= SOURCE_MAX_WORDS) or not (src[0].isupper() or src[0].isdigit()) or ends_sentence(src):
        return False
    # "Posted by Jane", "By Jane Doe": a byline, not a publisher
    return "by" not in (w.casefold() for w in words) and not _byline(src)


def _zone(doc: Doc, ctx: Context) -> tuple[int, int] | None:
    b = _body_start(doc, ctx)
    if b is None:
        return None
    return max(0, b - HEADER_LOOKBACK), b


def _header_lines(doc: Doc, ctx: Context) -> Iterator[tuple[int, Line]]:
    """(position, line) for each line of the header zone: up to HEADER_LOOKBACK lines above the body."""
    zone = _zone(doc, ctx)
    if zone is not None:
        lines = doc.lines
        for i in range(*zone):
            yield i, lines[i]


@rule("source-date", family="header", stage="meta")
def source_date(doc: Doc, ctx: Context) -> Iterator[Move]:
    """A publisher glued to a date above the body ("The Guardian2 days ago"), or a bare date line -> source, published."""
    for i, line in _header_lines(doc, ctx):
        if line.n_words > SOURCE_MAX_WORDS + 8 or not any(map(str.isdigit, line.text)) and " ago" not in line.lower:
            continue
        found = split_source_date(line.text)
        if found is None:
            continue
        src, date = found
        if src:
            yield Move(i, i + 1, "source", src, "publisher and date")
        yield Move(i, i + 1, "published", date, "publisher and date" if src else "date line")
        ctx.cache.setdefault("header-moved", set()).add(line.index)
        return


# -- byline -------------------------------------------------------------------------------------

_NAME = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:van|von|der|den|de|da|del|della|di|du|le|la|ter|bin)\s+)?\p{Lu}[\p{L}'’.\-]*){0,3}"


@cache
def _byline_re() -> regex.Pattern[str]:
    prefixes = sorted((regex.escape(p.rstrip(" :")) for p in phrases("byline_prefixes")), key=len, reverse=True)
    return regex.compile(
        rf"(?i:{'|'.join(prefixes)})\s*:?\s+(?P<names>{_NAME}(?:{AUTHOR_SEPARATOR}{_NAME}){{0,5}})(?P<rest>\s*[|,·•–—/-]\s*.{{0,80}})?",
        regex.V0,
    )


def _byline(text: str) -> regex.Match[str] | None:
    if len(text.split()) > BYLINE_MAX_WORDS:
        return None
    return _byline_re().fullmatch(text)


@rule("byline", family="header", stage="meta")
def byline(doc: Doc, ctx: Context) -> Iterator[Move]:
    """A byline above the body ("By Jane Doe", "Von Max Muster", "Par ...", "Por ...", "Di ...") -> authors."""
    for i, line in _header_lines(doc, ctx):
        m = _byline(line.text)
        if not m:
            continue
        for name in regex.split(AUTHOR_SEPARATOR, m["names"]):
            if name.strip():
                yield Move(i, i + 1, "authors", name.strip(), "byline")
        rest = (m["rest"] or "").strip(_SEPARATORS)
        if rest and _is_date(rest):
            yield Move(i, i + 1, "published", rest, "byline date")
        ctx.cache.setdefault("header-moved", set()).add(line.index)


# -- title --------------------------------------------------------------------------------------


def _title_like(line: Line) -> bool:
    if line.text[:1] in _BULLETS or is_list_item(line.text):
        return False
    if not (TITLE_MIN_WORDS <= line.n_words <= TITLE_MAX_WORDS) or not is_headline(line, TITLE_MIN_WORDS):
        return False
    k = line.key
    if heading_kind(line) or is_date_line(line):
        return False
    return not any(k in catalogue(c) for c in ("comment_widget", "share", "trailers", "ad_markers", "decorative"))


def _name_like(line: Line) -> bool:
    """"Leah C. Stokes": a few capitalised words, more likely an author than a headline."""
    return line.n_words <= NAME_MAX_WORDS and all(w[:1].isupper() for w in line.words)


def _chrome_around(doc: Doc, first: int, body: int) -> bool:
    """Did earlier rules remove a non-blank input line above ``first`` or between it and ``body``?"""
    alive = {line.index for line in doc.lines[:TITLE_MAX_LEADING + 1]}
    return any(doc.all[k].text and k not in alive for k in range(0, body))


@rule("header-title", family="header", stage="meta", text_only=True)
def header_title(doc: Doc, ctx: Context) -> Iterator[Move]:
    """The headline above the body -> title; its duplicated copies go with it.

    Taken when it is printed twice; when it is the first line right above the body and rules
    removed chrome around it (a logo, a URL slug, a caption); or when a byline / date / caption
    moved out from between it and the body. A clean text that starts with a heading keeps it, so
    cleaning the output again changes nothing (idempotence)."""
    lines = doc.lines
    zone = _zone(doc, ctx)
    if zone is None:
        return
    lo, b = zone
    cands = [k for k in range(lo, b) if _title_like(lines[k])]
    if not cands:
        return
    seen: dict[str, int] = {}
    pick = None
    for k in cands:
        f = fold(lines[k].text)
        if f in seen:
            pick = seen[f]
            break
        seen[f] = k
    if pick is None and b <= TITLE_MAX_LEADING and cands[0] == 0 and not _name_like(lines[0]) and _chrome_around(doc, lines[0].index, lines[b].index):
        pick = 0
    if pick is None:
        moved = ctx.cache.get("header-moved", set())
        body_at = lines[b].index
        for k in reversed(cands):
            if _name_like(lines[k]):
                continue
            if any(lines[k].index < m < body_at for m in moved):
                # a headline directly above another (title over standfirst): the upper one is the title
                while k - 1 >= lo and k - 1 in cands:
                    k -= 1
                pick = k
                break
    if pick is None:
        return
    title = lines[pick].text
    f = fold(title)
    for k in range(pick, b):
        if k == pick or fold(lines[k].text) == f:
            yield Move(k, k + 1, "title", title, "title" if k == pick else "duplicated title")
