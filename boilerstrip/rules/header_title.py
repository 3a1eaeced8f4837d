"""The title (family ``header``, rule ``header-title``): the headline above the body moves
into ``title``, its duplicated copies with it.

Read in the header zone (:func:`boilerstrip.rules.header.header_zone`); the lines the earlier
header rules moved out of it (``ctx.state.header_moved``: image credits, publisher and date,
bylines) are evidence for the headline right above them. Headline-shaped chrome (pager links,
breadcrumbs, ad disclosures, datelines, counters, credited captions) is never a candidate
(:func:`_title_like`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

import regex

from .. import dates
from ..bylines import AUTHOR_SEPARATOR
from ..credits import credited_caption
from ..features import has_digit
from ..lexicon import pattern, phrases
from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import Move, rule
from ..segment import is_list_item
from .header import header_zone
from .related import heading_kind
from .shapes import KEY_STRIP, catalogue, fold, is_date_line, is_headline

#: A title has this many words at least and at most.
TITLE_MIN_WORDS: Final = 3
TITLE_MAX_WORDS: Final = 30
#: Without other evidence, the first line is taken as the title only when the body starts
#: within this many lines of the top.
TITLE_MAX_LEADING: Final = 2
#: Without a repeat, a line of this many capitalised words or fewer reads as a name, not a title.
NAME_MAX_WORDS: Final = 4

_BULLETS: Final = frozenset("-+*•·o▪◦‣●○■□►▸–—>»|")

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


#: A repeated line is a label of a block the page prints twice when it sits in a run of this many
#: lines printed twice in the same order (a menu for the desktop and again for the phone).
BLOCK_COPY_MIN_LINES: Final = 3


def _block_copy(lines: Sequence[Line], first: int, again: int) -> bool:
    """Is line ``again`` a copy of line ``first`` inside a block the page prints twice (a menu
    printed for the desktop and again for the phone: "Career Services" / "Free resume review" /
    "Automate your search" twice over)? Then it sits in a run of BLOCK_COPY_MIN_LINES lines that
    are copies in the same order. A title printed twice stands between different lines (a kicker
    and a byline the first time, a breadcrumb and the body the second)."""
    span = BLOCK_COPY_MIN_LINES
    for start in range(-(span - 1), 1):
        lo_a, lo_b = first + start, again + start
        if lo_a < 0 or lo_b + span > len(lines) or lo_a + span > again:
            continue
        if all(fold(lines[lo_a + i].text) == fold(lines[lo_b + i].text) for i in range(span)):
            return True
    return False


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
    if has_digit(text) and (_numeric(line) or dates.CLOCK_OR_NUMERIC_DATE.search(text) or dates.has_named_date(text, line.lower)):
        return False
    return not credited_caption(text) and not _disclosure(line) and pattern("pager_links").fullmatch(k) is None


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


def _chrome_around(doc: Doc, body: int) -> bool:
    """Did earlier rules remove a non-blank input line above input line ``body`` (the first body
    line; the caller's title candidate is the first surviving line, so that is above it or
    between it and the body)?"""
    alive = {line.index for line in doc.lines[:TITLE_MAX_LEADING + 1]}
    return any(doc.all[k].text and k not in alive for k in range(0, body))


@rule("header-title", family="header", stage="meta", text_only=True)
def header_title(doc: Doc, ctx: Context) -> Iterator[Move]:
    """The headline above the body -> title; its duplicated copies go with it.

    Taken when it is printed twice (not as one label of a block printed twice, see
    :func:`_block_copy`); when it is the first line right above the body and rules
    removed chrome around it (a logo, a URL slug, a caption); or when a byline / date / caption
    moved out from just below it (at most MOVED_MAX_GAP lines apart) before the body. Headline-
    shaped chrome is never a candidate (see :func:`_title_like`). A clean text that starts with a
    heading keeps it, so cleaning the output again changes nothing (idempotence)."""
    lines = doc.lines
    zone = header_zone(doc, ctx)
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
            if _block_copy(lines, seen[f], k):
                continue  # a menu printed twice: its labels repeat, no title does
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
    if pick is None and b <= TITLE_MAX_LEADING and cands[0] == 0 and not _name_like(lines[0]) and _chrome_around(doc, lines[b].index):
        pick = 0
    if pick is None:
        return
    title = lines[pick].text
    f = fold(title)
    for k in range(pick, b):
        if k == pick or fold(lines[k].text) == f:
            yield Move(k, k + 1, "title", title, "title" if k == pick else "duplicated title")
