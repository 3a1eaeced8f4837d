"""Header lines moved into metadata (family ``header``): image caption + credit, publisher glued
to a date, bylines, the title and its duplicate.

All of them look only at the *header zone*: the few lines right above the first body paragraph
(a prose line; see :func:`first_body`). On a page where nothing above the first paragraph looks
like a header, nothing moves. Image credits are also recognised further down, where the credit
line alone moves (its caption may be a body paragraph, so it stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

import regex

from .. import dates
from ..features import has_digit
from ..lexicon import hint_flag, line_hints, pattern, phrases
from ..model import Image, Line
from ..pipeline import Context, Doc
from ..registry import Move, rule
from ..segment import is_list_item
from .related import heading_kind
from .shapes import AUTHOR_SEPARATOR, KEY_STRIP, YEAR, catalogue, ends_sentence, fold, is_date_line, is_headline, is_prose, is_role, with_hint

#: How many lines above the first body paragraph may hold header lines (title, byline, date).
HEADER_LOOKBACK: Final = 8
#: A caption is at most this many words (longer lines above a credit are body paragraphs).
CAPTION_MAX_WORDS: Final = 25
#: Credits closer together than this many lines are a gallery: their captions are content and stay.
GALLERY_GAP: Final = 12
#: Credit lines are short ("Alexander Nemenov | AFP | Getty Images", "Foto: dpa").
CREDIT_MAX_CHARS: Final = 120
#: Each part of a "Name | Agency | Desk" credit has at most this many words.
CREDIT_PART_MAX_WORDS: Final = 5
#: A labelled credit ("Photo: ...") names at most this many words after the label.
CREDIT_LABELLED_MAX_WORDS: Final = 12
#: A publisher name glued to a date has at most this many words.
SOURCE_MAX_WORDS: Final = 5
#: Bylines are short ("By Jane Doe and John Roe | Reuters").
BYLINE_MAX_WORDS: Final = 14
#: A title has this many words at least and at most.
TITLE_MIN_WORDS: Final = 3
TITLE_MAX_WORDS: Final = 30
#: Without other evidence, the first line is taken as the title only when the body starts
#: within this many lines of the top.
TITLE_MAX_LEADING: Final = 2
#: Without a repeat, a line of this many capitalised words or fewer reads as a name, not a title.
NAME_MAX_WORDS: Final = 4

_SEPARATORS: Final = " |·•,–—-/"
_BULLETS: Final = frozenset("-+*•·o▪◦‣●○■□►▸–—>»|")
_DATE_LABELS: Final = regex.compile(
    r"(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)"
    r"\b(?:\s+(?:on|at|am|le|el|il)\b)?\s*:?\s*",
    regex.IGNORECASE,
)
_TIME_PREFIX: Final = regex.compile(r"time(?=\d|an? )", regex.IGNORECASE)  # "time2 hours ago": an icon's alt text


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
    list in ``ctx.state.header_body`` keeps its id from being reused)."""
    state = ctx.state
    got = state.header_body
    if got is not None and got[0] is doc.lines:
        return got[1]
    b = first_body(doc.lines)
    state.header_body = (doc.lines, b)
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


_PART_SPLIT: Final = regex.compile(r"\s*[|/]\s*|\s+via\s+")
#: The hint bit of ``data/image_credit.hints``: substrings one of which every credit line contains
#: (a cheap pre-filter).
_CREDIT_HINT: Final = hint_flag("image_credit")


def is_credit(line: Line) -> bool:
    """An image credit: "Name | AFP | Getty Images", "Photo: Jane Doe", "(Reuters)", "© Jane Doe"."""
    if line.n_chars > CREDIT_MAX_CHARS or not line_hints(line) & _CREDIT_HINT:
        return False
    return _credit_shape(line)


def _credit_shape(line: Line) -> bool:
    """:func:`is_credit` once its cheap gates (length, hint substring) have passed."""
    text = line.text
    low = fold(text)
    # every shape below opens with "(" or "©", a credit label or a stock name, or holds a
    # separator _PART_SPLIT cuts at; most lines with a credit hint (a headline with a colon) do not
    if not ("|" in low or "/" in low or "via" in low or low.startswith(("(", "©")) or low in catalogue("photo_stock") or _may_start_with_label(low)):
        return False
    if ends_sentence(text) and not text.endswith(")"):
        return False
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
        ctx.state.header_moved.update(ln.index for ln in lines[start : i + 1])


# -- publisher + date ---------------------------------------------------------------------------


def split_source_date(text: str) -> tuple[str | None, str] | None:
    """``("Al Jazeera", "2 days ago")`` for "Al Jazeera2 days ago"; ``(None, date)`` for a bare or labelled date."""
    m = _DATE_LABELS.match(text)
    if m and m.end() < len(text) and _is_date(text[m.end() :].strip()):
        return None, text[m.end() :].strip()
    t = _TIME_PREFIX.sub("", text, count=1) if text[:4].casefold() == "time" else text
    if _is_date(t):
        return None, t
    # only a date that ends the line can follow a source: the relative shapes end in a letter
    # ("ago", a unit), the absolute ones in a digit (the year or day), so a line ending otherwise
    # is not scanned for that kind (the scans were most of what source-date cost)
    last = t[-1:]
    for p in (dates.RELATIVE, *dates._ABSOLUTE):  # the printed-date shapes dates.resolve knows
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
        ctx.state.header_moved.add(line.index)
        return


# -- byline -------------------------------------------------------------------------------------

_NAME: Final = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:van|von|der|den|de|da|del|della|di|du|le|la|ter|bin)\s+)?\p{Lu}[\p{L}'’.\-]*){0,3}"


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
        for k, name in enumerate(regex.split(AUTHOR_SEPARATOR, m["names"])):
            if k and is_role(name):  # "By TOM KRISHER, AP Auto Writer": the role ends the names
                break
            if name.strip():
                yield Move(i, i + 1, "authors", name.strip(), "byline")
        rest = (m["rest"] or "").strip(_SEPARATORS)
        if rest and _is_date(rest):
            yield Move(i, i + 1, "published", rest, "byline date")
        ctx.state.header_moved.add(line.index)


# -- title --------------------------------------------------------------------------------------

#: Arrows a pager link ends with ("Nachdenken über das Nachrufen →"); a title never does. (Those it
#: starts with, "← Das F-Wort – Teil 2", "↓ Zu den Kommentaren", fail the _TITLE_OPENERS test.)
_PAGER_END: Final = "→⇒⟶↑↓>"
#: A title does not end with a separator ("ET Online |", "Erschienen in Ausgabe 12 |").
_SEPARATOR_END: Final = "|/\\·•–—-"
#: Quotation marks that double as pager arrows: "« Older post" and "Newer post »" are links, but
#: «Titre» and »Titel« are quoted titles (the line holds the other mark of the pair).
_QUOTE_ARROWS: Final = {"«": "»", "»": "«", "‹": "›", "›": "‹"}
#: Besides a letter or a digit, what a title may start with: quotes, brackets, a hash tag, ¿ ¡, a
#: currency sign. Dashes, bullets, colons, pipes and arrows start chrome ("‐ Konzepte ‐", ":: Leben").
_TITLE_OPENERS: Final = frozenset("\"'„“”‚‘’«»‹›([#¿¡@$€£¥")
#: A three-word line joined by one of these is a section label ("Beauty & Lifestyle", "Presse + Medien").
_SECTION_JOINERS: Final = frozenset("&+")
#: Separators of a breadcrumb trail ("Home › Technik › Freizeit › News", "home / InfoStream / ...").
_CRUMB_SEPARATORS: Final = ("»", "›", ">", " / ", " | ", "\\")
#: A line holding this many of one breadcrumb separator is a trail, not a title.
BREADCRUMB_MIN_SEPARATORS: Final = 2
#: The first part of a line, up to its first separator: "Anzeige" in "Anzeige, enthält Affiliate Links".
_HEAD_SPLIT: Final = re.compile(r"\s*[,:|–—(/·•]\s*|\s+-\s+")
#: A disclosure label before the separator is this many words at most ("Sponsored content: ...").
AD_HEAD_MAX_WORDS: Final = 3
#: A clock time or a numeric date inside a line ("Di, 10:19 Uhr", "Sonntag, 02.11.2014 | Tags: ...",
#: "Travel Wellness 30/10/23"): a dateline or a teaser's meta line, not a title.
_CLOCK_OR_NUMERIC_DATE: Final = re.compile(r"(?<!\d)(?:\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?!\d)")
#: A line whose words are numbers for more than this share is a counter, price or rating line
#: ("0 0 0 0 30 Views", "5343 mal gelesen | 32 Kommentare", "Versandkosten* 5,95€ Preis** 2,80€").
NUMERIC_MAX_SHARE: Final = 1 / 3
#: "Title over standfirst": the moved-line evidence takes the headline right above the one it
#: found only when that one is this long (a standfirst). A shorter line under a short one is the
#: title under its kicker ("Unternehmen & Märkte" / "Hafen Göteborg: Umschlag auf Rekordniveau").
STANDFIRST_MIN_WORDS: Final = 12
#: The moved byline / date / caption counts as evidence for the headline above it only when at most
#: this many lines sit between them, not counting share buttons, decorations and dates
#: (_header_filler); farther up is a menu item or a teaser. On the dev split this trades 1 right
#: title for 3-4 wrong ones per flattener, against no limit.
MOVED_MAX_GAP: Final = 2


def _pager_or_crumb(text: str) -> bool:
    """A previous/next link by its arrow ("« Title", "Title →"), a line ending in a separator, or a
    breadcrumb trail ("Startseite > News & Analysen > Topthemen > ...")."""
    first, last = text[0], text[-1]
    if last in _PAGER_END or last in _SEPARATOR_END:
        return True
    if first in _QUOTE_ARROWS and _QUOTE_ARROWS[first] not in text:
        return True
    if last in _QUOTE_ARROWS and _QUOTE_ARROWS[last] not in text:
        return True
    if not any(c in text for c in "»›>/|\\"):
        return False
    return any(text.count(sep) >= BREADCRUMB_MIN_SEPARATORS for sep in _CRUMB_SEPARATORS) and "«" not in text and "‹" not in text


@cache
def _crumb_labels() -> tuple[str, ...]:
    return tuple(fold(x) for x in phrases("breadcrumb_labels"))


def _disclosure(line: Line) -> bool:
    """An ad / affiliate / sponsorship disclosure ("Anzeige, enthält Affiliate Links", "Sponsored by Acme")."""
    k = line.key
    head = _HEAD_SPLIT.split(k, maxsplit=1)[0]
    if head != k and len(head.split()) <= AD_HEAD_MAX_WORDS and head.strip(KEY_STRIP) in catalogue("ad_markers"):
        return True
    return pattern("ad_disclosures").fullmatch(k) is not None


def _numeric(line: Line) -> bool:
    """Mostly numbers: a counter, a price or a rating line (separators like "|" not counted as words)."""
    words = [w for w in line.words if w[0].isalnum() or w[-1].isalnum() or len(w) > 2]
    return sum(w[0].isdigit() for w in words) > NUMERIC_MAX_SHARE * len(words)


def _printed_date(line: Line) -> bool:
    """A date with a month name inside the line ("Anglertalk 7. Januar 2022", "Sa, 19. Okt 2019").
    (Every such shape has a 4-digit year and a month stem: both are checked before the slow search.)"""
    return YEAR.search(line.text) is not None and dates.mentions_month(line.lower) and dates.absolute(line.text) is not None


def _credited_caption(text: str) -> bool:
    """A caption ending in its credit: "Birgit Kelle (Bild: Facebook)"."""
    if not text.endswith(")") or "(" not in text:
        return False
    inner = fold(text[text.rfind("(") + 1 : -1]).strip()
    return inner in _agencies() or (_may_start_with_label(inner) and _credit_label().fullmatch(inner) is not None)


def _title_like(line: Line) -> bool:
    """A headline-shaped header line that is not one of the families of headline-shaped chrome:
    pager links, breadcrumbs, ad disclosures, datelines, counters, credited captions, catalogued
    labels, and lines that start like no title does (a bullet, a dash, a lower-case word)."""
    text = line.text
    if (text[:1] in _BULLETS and not (text[0] == "»" and "«" in text)) or is_list_item(text):
        return False  # a bullet, but »Titel« is a German quotation
    if not (TITLE_MIN_WORDS <= line.n_words <= TITLE_MAX_WORDS) or not is_headline(line, TITLE_MIN_WORDS):
        return False
    first = text[0]
    if not (first.isalnum() or first in _TITLE_OPENERS):
        return False
    if line.n_words == 3 and line.words[1] in _SECTION_JOINERS:
        return False  # "Unternehmen & Märkte", "Presse + Medien": a section label
    if first.islower() and line.words[0][1:2].islower():
        return False  # "durch Yirou Chen", "yes we camp ...": a title starts with a capital ("iPhone" aside)
    k = line.key
    if any(k in catalogue(c) for c in ("comment_widget", "share", "trailers", "ad_markers", "decorative")):
        return False
    if heading_kind(line) or is_date_line(line) or _pager_or_crumb(text) or k.startswith(_crumb_labels()):
        return False
    if has_digit(text) and (_numeric(line) or _CLOCK_OR_NUMERIC_DATE.search(text) or _printed_date(line)):
        return False
    return not _credited_caption(text) and not _disclosure(line) and pattern("pager_links").fullmatch(k) is None


def _name_like(line: Line) -> bool:
    """"Leah C. Stokes": a few capitalised words, more likely an author than a headline; or a list
    of them ("Isabel Caro, Rocío Latorre y José Miguel Wilson", "Jane Doe, Staff Attorney")."""
    if line.n_words <= NAME_MAX_WORDS and all(w[:1].isupper() for w in line.words):
        return True
    if "," not in line.text:
        return False
    parts = [p.split() for p in regex.split(AUTHOR_SEPARATOR, line.text)]
    return len(parts) >= 2 and all(0 < len(p) <= NAME_MAX_WORDS and all(w[:1].isupper() for w in p) for p in parts)


def _header_filler(line: Line) -> bool:
    """A line that sits between a headline and its byline without separating them: a share button,
    a bare decoration ("--", "|"), a date."""
    k = line.key
    return not any(c.isalnum() for c in k) or k in catalogue("share") or k in catalogue("social_networks") or is_date_line(line)


def _glued(lines: Sequence[Line], cands: list[int]) -> set[int]:
    """Candidates that end with another candidate's text: the headline with chrome glued in front
    ("Accueil à la une Parité hommes-femmes ...", "Läuft gerade Der Landwirtschafts-Simulator ...")."""
    folded = {k: fold(lines[k].text) for k in cands}
    return {k for k, f in folded.items() if any(j != k and len(g) < len(f) and f.endswith(" " + g) for j, g in folded.items())}


def _chrome_around(doc: Doc, first: int, body: int) -> bool:
    """Did earlier rules remove a non-blank input line above ``first`` or between it and ``body``?"""
    alive = {line.index for line in doc.lines[:TITLE_MAX_LEADING + 1]}
    return any(doc.all[k].text and k not in alive for k in range(0, body))


@rule("header-title", family="header", stage="meta", text_only=True)
def header_title(doc: Doc, ctx: Context) -> Iterator[Move]:
    """The headline above the body -> title; its duplicated copies go with it.

    Taken when it is printed twice; when it is the first line right above the body and rules
    removed chrome around it (a logo, a URL slug, a caption); or when a byline / date / caption
    moved out from just below it (at most MOVED_MAX_GAP lines apart) before the body. Headline-
    shaped chrome is never a candidate (see :func:`_title_like`). A clean text that starts with a
    heading keeps it, so cleaning the output again changes nothing (idempotence)."""
    lines = doc.lines
    zone = _zone(doc, ctx)
    if zone is None:
        return
    lo, b = zone
    moved = ctx.state.header_moved
    body_at = lines[b].index
    if b > TITLE_MAX_LEADING and not any(lines[lo].index < m < body_at for m in moved):
        folds = {fold(lines[k].text) for k in range(lo, b)}
        if len(folds) == b - lo:
            return  # no repeat, no moved line, not at the top: no evidence for any line
    cands = [k for k in range(lo, b) if _title_like(lines[k])]
    if len(cands) > 1:
        glued = _glued(lines, cands)
        cands = [k for k in cands if k not in glued]
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
    if pick is None:
        for k in reversed(cands):
            if _name_like(lines[k]):
                continue
            below = [m for m in moved if lines[k].index < m < body_at]
            if below:
                first_moved = min(below)
                if sum(1 for j in range(k + 1, b) if lines[j].index < first_moved and not _header_filler(lines[j])) > MOVED_MAX_GAP:
                    break  # a menu or a teaser between them: the evidence is not about this line
                # a headline directly above a longer one (title over standfirst): the upper one is the title
                if k - 1 in cands and lines[k].n_words >= STANDFIRST_MIN_WORDS:
                    k -= 1
                pick = k
                break
    if pick is None and b <= TITLE_MAX_LEADING and cands[0] == 0 and not _name_like(lines[0]) and _chrome_around(doc, lines[0].index, lines[b].index):
        pick = 0
    if pick is None:
        return
    title = lines[pick].text
    f = fold(title)
    for k in range(pick, b):
        if k == pick or fold(lines[k].text) == f:
            yield Move(k, k + 1, "title", title, "title" if k == pick else "duplicated title")
