"""Picture credits: every credit shape of the package (image credits, captions that end in a
credit, credits printed at the end of an HTML figure's caption).

Three jobs, three shapes, each with its own thresholds and label list (unifying them changes
output):

* a whole line that is a credit (:func:`is_credit`): "Name | AFP | Getty Images", "Foto: dpa",
  "(Reuters)", "© Jane Doe", a stock library alone; the ``image-credit`` rule
  (:mod:`boilerstrip.rules.header`) and the header zone ask it;
* a caption line that ends in its credit (:func:`caption_credit`): "Puerto de Montevideo. Foto:
  Archivo", "... pasado. EFE", or a numbered figure caption; the ``caption-credit`` rule
  (:mod:`boilerstrip.rules.boilerplate`) asks it; :func:`credited_caption` is the header title's
  "Birgit Kelle (Bild: Facebook)";
* the credit at the end of an HTML ``<figcaption>`` (:func:`split_credit`,
  :func:`strip_credit_label`), for :mod:`boilerstrip.html.metadata.images` (``re``, not ``regex``).

Label lists: ``data/credit_labels.txt``, ``data/photo_agencies.txt``, ``data/photo_stock.txt``;
the pre-filter ``data/image_credit.hints``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import regex

from .lexicon import catalogue, hint_flag, hint_regex, line_hints, longest_first, phrases
from .model import Line, fold
from .segment import ends_sentence, normalize

# -- a whole line that is a credit (image-credit) ------------------------------------------------

#: Credit lines are short ("Alexander Nemenov | AFP | Getty Images", "Foto: dpa").
CREDIT_LINE_MAX_CHARS: Final = 120
#: Each part of a "Name | Agency | Desk" credit has at most this many words.
CREDIT_PART_MAX_WORDS: Final = 5
#: A labelled credit ("Photo: ...") names at most this many words after the label.
CREDIT_LABELLED_MAX_WORDS: Final = 12


@cache
def agencies() -> frozenset[str]:
    """``data/photo_agencies.txt``, folded."""
    return frozenset(fold(a) for a in phrases("photo_agencies"))


@cache
def label_starts() -> tuple[str, ...]:
    """``data/credit_labels.txt``, folded (for ``str.startswith``)."""
    return tuple(fold(x) for x in phrases("credit_labels"))


def may_start_with_label(low: str) -> bool:
    """A cheap necessary condition for ``credit_label_re().fullmatch(low)`` on folded text: it starts
    with a label (a dotless ı, which case-insensitive matching may pair with i, always passes)."""
    return low.startswith(label_starts()) or "ı" in low


#: The words between a credit label and the name (``data/credit_connectors.txt``: "by", "von", ...).
_CONNECTORS: Final = "|".join(rf"\b{regex.escape(w)}\b" for w in longest_first("credit_connectors"))


@cache
def credit_label_re() -> regex.Pattern[str]:
    """A labelled credit, the label from ``data/credit_labels.txt`` ("foto: dpa", "photo by jane
    doe", "bild von x"), on folded text; ``who`` is the credited name (use ``fullmatch``)."""
    labels = sorted((regex.escape(fold(x)) for x in phrases("credit_labels")), key=len, reverse=True)
    return regex.compile(
        rf"(?:{'|'.join(labels)})(?:\s+(?:copyright|credit|©))?\s*(?::|©|{_CONNECTORS}|(?<=copyright|credit)\s)\s*(?P<who>\S.*)",
        regex.IGNORECASE,
    )


#: A copyright notice is not a credit (``data/rights_reserved.txt``: "rights reserved", ...).
RIGHTS_RESERVED: Final = longest_first("rights_reserved")
#: Where a "Name | Agency | Desk" credit splits into its parts.
PART_SPLIT: Final = regex.compile(r"\s*[|/]\s*|\s+via\s+")
#: The hint bit of ``data/image_credit.hints``: substrings one of which every credit line contains
#: (a cheap pre-filter).
CREDIT_HINT: Final = hint_flag("image_credit")


def is_credit(line: Line) -> bool:
    """An image credit: "Name | AFP | Getty Images", "Photo: Jane Doe", "(Reuters)", "© Jane Doe"."""
    if line.n_chars > CREDIT_LINE_MAX_CHARS or not line_hints(line) & CREDIT_HINT:
        return False
    return credit_shape(line)


def credit_shape(line: Line) -> bool:
    """:func:`is_credit` once its cheap gates (length, hint substring) have passed (the
    ``image-credit`` rule applies them in bulk, :func:`boilerstrip.rules.shapes.with_hint`)."""
    text = line.text
    low = fold(text)
    # every shape below opens with "(" or "©", a credit label or a stock name, or holds a
    # separator PART_SPLIT cuts at; most lines with a credit hint (a headline with a colon) do not
    if not ("|" in low or "/" in low or "via" in low or low.startswith(("(", "©")) or low in catalogue("photo_stock") or may_start_with_label(low)):
        return False
    if ends_sentence(text) and not text.endswith(")"):
        return False
    if low.startswith("(") and low.endswith(")") and is_bracketed_credit(low[1:-1].strip()):
        return True
    if low in catalogue("photo_stock"):
        return True  # "Getty Images", "Thinkstock" alone under a picture
    if any(r in low for r in RIGHTS_RESERVED):
        return False
    if low.startswith("©") or low.startswith("(c) "):
        rest = low.lstrip("©(c) ")
        return bool(rest) and not rest[:4].isdigit() and len(rest.split()) <= CREDIT_LABELLED_MAX_WORDS
    m = credit_label_re().fullmatch(low) if may_start_with_label(low) else None
    if m and len(m["who"].split()) <= CREDIT_LABELLED_MAX_WORDS:
        return True
    known = agencies()
    if "|" not in low and "/" not in low and "via" not in low:
        return False  # none of the separators PART_SPLIT cuts at: one part
    parts = [p.strip() for p in PART_SPLIT.split(low) if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) <= CREDIT_PART_MAX_WORDS for p in parts):
        return any(p in known for p in parts)
    return False


def is_bracketed_credit(inner: str) -> bool:
    """Is ``inner`` (folded, the text between a credit's brackets) an agency ("reuters") or a
    labelled credit ("bild: facebook")? The "(Reuters)" line and the credit closing a caption."""
    return inner in agencies() or (may_start_with_label(inner) and credit_label_re().fullmatch(inner) is not None)


def credited_caption(text: str) -> bool:
    """A caption ending in its credit: "Birgit Kelle (Bild: Facebook)"."""
    if not text.endswith(")") or "(" not in text:
        return False
    return is_bracketed_credit(fold(text[text.rfind("(") + 1 : -1]).strip())


# -- a caption that ends in its credit (caption-credit) ------------------------------------------

#: A caption that ends in a credit is at most this long (caption and credit together) ...
CAPTION_LINE_MAX_CHARS: Final = 360
#: ... its credit (after "©" or "Foto:") has at most this many characters and words ...
CAPTION_CREDIT_MAX_CHARS: Final = 60
CAPTION_CREDIT_MAX_WORDS: Final = 8
#: ... and the caption before the credit at least this many words (a bare credit line is
#: ``image-credit``'s).
CAPTION_MIN_WORDS: Final = 2
#: An unlabelled credit after a caption's last sentence ("EFE", "DCV / Oppitz") has at most
#: this many words.
UNMARKED_CREDIT_MAX_WORDS: Final = 5
#: ... and a caption with a credit in capitals only ("EFE") is at most this long.
UNMARKED_CAPS_MAX_CHARS: Final = 200
#: ... and the slash of a "Name / Agency" credit lies in the last this many characters.
UNMARKED_TAIL_CHARS: Final = 80
#: A photographer and an agency joined by a slash without spaces, in brackets or not: "(Jane
#: Doe/AP)", "(AP Photo/Jane Doe)", "AGENCY/Jane Doe", "(JANE DOE/SCIENCE PHOTO LIBRARY)": every
#: part capitalised words, and a space somewhere (a name; "(AFP/Reuters)" closes news paragraphs).
_CAP_WORDS: Final = r"\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*"
SLASH_CREDIT: Final = regex.compile(rf"(?=[^ ]* )(?:{_CAP_WORDS})(?:/(?:{_CAP_WORDS}))+", regex.V0)
#: A caption credit holds one of these in its last characters (a cheap pre-filter;
#: ``data/caption_credit_markers.txt``).
CREDIT_MARKERS: Final = longest_first("caption_credit_markers")
CREDIT_MARKER_HINT: Final = hint_regex(CREDIT_MARKERS).search
#: The credit at the end of a caption: "© Name", "Foto: Name", "(Photo: Agency)", "| © Getty Images".
#: "©" may follow any word; a word marker ("Foto:") follows the start, a sentence end (a closing
#: quote too: "... movement.’ Photograph: Agency"), a separator or a comma, never a plain word ("Here is the image: ..." is prose). The word markers
#: are ``data/caption_credit_labels.txt`` and the Polish "fot." (no colon).
_CAPTION_LABELS: Final = "|".join(regex.escape(w) for w in longest_first("caption_credit_labels"))
CAPTION_CREDIT: Final = regex.compile(
    r"(?:(?<= )©|(?:^|(?<=[.!?)\"”»’]) |(?<=[|–—-]) |(?<=,) |\()"
    rf"(?:©|\(c\)|(?:{_CAPTION_LABELS})\s?:|fot\.))"
    rf"\s?([^©:()]{{2,{CAPTION_CREDIT_MAX_CHARS}}}?)\)?\.?$",
    regex.IGNORECASE,
)
#: Numbered figure captions: "Abbildung 4: ...", "Figure 2: ...", "Abb. 3: ..." (``data/figure_labels.txt``).
FIGURE: Final = regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in longest_first('figure_labels'))})(?: ?\d{{1,3}})? ?: \S", regex.IGNORECASE)


def caption_credit(line: Line) -> tuple[str, str | None] | None:
    """(caption, credit) when the line is a picture caption ending in a credit, or a numbered
    figure caption (credit None); None otherwise."""
    text = line.text
    if len(text) > CAPTION_LINE_MAX_CHARS:
        return None
    low = line.lower
    if low[:1] in "afgi" and FIGURE.match(text):
        return text, None
    if CREDIT_MARKER_HINT(low, max(0, len(low) - CAPTION_CREDIT_MAX_CHARS - 14)) is None:
        return unmarked_credit(text)
    m = CAPTION_CREDIT.search(text, max(0, len(text) - CAPTION_CREDIT_MAX_CHARS - 14))
    if m is None:
        return unmarked_credit(text)
    credit = m.group(1).strip()
    caption = text[: m.start()].rstrip(" |–—-,(")
    if not credit or len(credit.split()) > CAPTION_CREDIT_MAX_WORDS or len(caption.split()) < CAPTION_MIN_WORDS:
        return None
    return caption, credit


def unmarked_credit(text: str) -> tuple[str, str] | None:
    """A caption whose credit follows its last sentence without a label: "... pasado. EFE",
    "... Mitzscherlich. DCV / Oppitz", "... last year. (Jane Doe / Agency)", "... in 2019. (Jane
    Doe/AP)": a few words that are all capitals or hold a spaced slash or a SLASH_CREDIT (no link, handle or number: "pic.twitter.com/x" ends a
    quoted tweet)."""
    t = text.rstrip()
    # cheap gate first: the credit ends the line in capitals or holds a slash
    if not t or not (t[-1].isupper() or "/" in t[-UNMARKED_TAIL_CHARS:]):
        return None
    k = t.rfind(". ")
    if k <= 0:
        return None
    credit = t[k + 2 :].strip(" ()")
    words = credit.split()
    if not 0 < len(words) <= UNMARKED_CREDIT_MAX_WORDS or credit[-1:] in ".!?:" or len(t[:k].split()) < CAPTION_MIN_WORDS + 2:
        return None
    if "http" in credit or "@" in credit or any(c.isdigit() for c in credit):
        return None
    if " / " in credit or SLASH_CREDIT.fullmatch(credit):
        return t[: k + 1], credit
    # "... pasado. EFE": capitals only, not in brackets (a news paragraph ends with "(dpa)", "(NM)")
    if len(t) <= UNMARKED_CAPS_MAX_CHARS and not t.endswith(")") and all(w.isupper() and len(w) > 1 for w in words):
        return t[: k + 1], credit
    return None


# -- the credit at the end of an HTML figure caption ----------------------------------------------

#: A caption longer than this is not searched for a credit at its end.
FIGCAPTION_MAX_CHARS: Final = 600
#: A picture credit ("Foto: dpa / Jane Doe") has at most this many characters.
CREDIT_TAIL_MAX_CHARS: Final = 60


@cache
def credit_tail_re() -> re.Pattern[str]:
    """A credit at the end of a caption: ``© Name``, ``(c) Name``, ``Foto: Name``, ``(Photo: Agency)``,
    ``| Bild: X``; labels from ``data/credit_labels.txt``."""
    labels = sorted(phrases("credit_labels"), key=len, reverse=True)
    label = "|".join(re.escape(w.rstrip(": ")) for w in labels if w.rstrip(": "))
    return re.compile(rf"(?:^|[\s(|/–—-])\(?(?:©|\(c\)|copyright\b|(?:{label})\s?:)\s*(?P<credit>[^()|:]{{2,{CREDIT_TAIL_MAX_CHARS}}}?)\)?\s*$", re.I)


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """A caption and the credit printed at its end: ``"Cars in the tunnel. Foto: dpa"`` ->
    ``("Cars in the tunnel.", "dpa")``; a caption without one keeps it whole (credit None)."""
    text = normalize(caption)
    if len(text) > FIGCAPTION_MAX_CHARS:
        return text, None
    m = credit_tail_re().search(text)
    if not m:
        return text or None, None
    return text[: m.start()].strip(" |/–—-(") or None, m["credit"].strip() or None


def strip_credit_label(text: str) -> str | None:
    """A credit element's text without its label ("Foto: dpa" -> "dpa", "© Reuters" -> "Reuters")."""
    text = normalize(text)
    m = credit_tail_re().search(text)
    out = m["credit"] if m and m.start() <= 1 else text
    return out.strip(" ©()|") or None
