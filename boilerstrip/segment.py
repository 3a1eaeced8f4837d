"""Text -> lines with positions, and lines -> body text.

``split_lines`` is the single definition of what an input line is (``str.splitlines``:
``\\n``, ``\\r\\n``, ``\\r``, ``\\u2028`` ...), so line numbers in the removal log, the CLI's
``explain`` view and :func:`join_body` always agree.

>>> [l.text for l in split_lines("  Hello \\u00a0 world \\r\\n\\r\\n• item")]
['Hello world', '', '• item']
>>> join_body([Line(0, "", "A para."), Line(1, "", "• one"), Line(2, "", "• two")])
'A para.\\n\\n• one\\n• two'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from .model import SOFT_HYPHEN, Line

# Whitespace runs (including NBSP and friends) fold to one space. Invisible characters vanish:
# zero-width spaces, word joiners, BOMs, bidi marks/embeddings/overrides/isolates (they would
# hide chrome from the catalogues and can reorder text) and C0/C1 controls other than tab.
# ZWJ/ZWNJ stay: they carry meaning in Persian, Indic scripts and emoji. Soft hyphens stay too:
# they are the page's own hyphenation points (German and Dutch text carries many), so the body
# keeps them; Line.lower and Line.key leave them out, so "Adver\u00adtisement" still matches
# the catalogues. Non-ASCII lines are put in NFC so decomposed accents (e\u0301) match them.
_INVISIBLE: Final = re.compile("[\u200b\u2060\ufeff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+")

#: A line that starts like a list item keeps its own line next to its siblings in the body.
LIST_ITEM: Final = re.compile(r"(?:[•·▪◦‣●○■□►▸–—*+-]|\d{1,3}[.)])\s")


#: Sentence-final characters (closing quotes and brackets are skipped first). A smaller set than
#: :data:`boilerstrip.features.SENTENCE_END` and ``features.CLOSERS`` (which the prose score reads):
#: the two are kept apart because unifying them changes output.
SENTENCE_END: Final = ".!?…。！？"
#: Closing quotes and brackets after a sentence mark.
SENTENCE_CLOSERS: Final = "\"'’”»)]"


def ends_sentence(text: str) -> bool:
    """Does ``text`` end with a sentence mark (SENTENCE_END), closing quotes and brackets aside?"""
    t = text.rstrip(SENTENCE_CLOSERS + " ")
    return bool(t) and t[-1] in SENTENCE_END


def normalize(raw: str) -> str:
    """Fold whitespace and drop invisible characters: the form rules and the output use."""
    if not raw.isascii():
        raw = _INVISIBLE.sub("", raw)
        if not unicodedata.is_normalized("NFC", raw):
            raw = unicodedata.normalize("NFC", raw)
    elif not raw.isprintable():  # C0 controls and DEL (tab too, harmlessly)
        raw = _INVISIBLE.sub("", raw)
    return " ".join(raw.split())


def split_lines(text: str) -> list[Line]:
    """Every input line, blank ones included, with its 0-based index and normalised text."""
    out: list[Line] = []
    append = out.append
    blank = False
    for i, raw in enumerate(text.splitlines()):
        if not raw:
            append(Line(i, raw, raw, blank, []))
            blank = True
            continue
        if raw.isascii() and raw.isprintable():  # the common case of normalize(), inlined: only whitespace to fold
            words = raw.split()
        else:  # normalize(), keeping its words
            clean = raw
            if not raw.isprintable():  # every invisible character is non-printable: a printable line has none
                clean = _INVISIBLE.sub("", raw)
            if not raw.isascii() and not unicodedata.is_normalized("NFC", clean):
                clean = unicodedata.normalize("NFC", clean)
            words = clean.split()
            if words and SOFT_HYPHEN in clean and not clean.replace(SOFT_HYPHEN, "").strip():  # nothing but soft hyphens: a blank line
                words = []
        norm = " ".join(words)
        append(Line(i, raw, norm, blank, words))
        blank = not norm
    return out


def is_list_item(text: str) -> bool:
    return LIST_ITEM.match(text) is not None


def join_body(kept: Iterable[Line]) -> str:
    """Each kept line is a paragraph, separated by one blank line; consecutive list items
    that were adjacent in the input stay on consecutive lines."""
    parts: list[str] = []
    prev: Line | None = None
    for line in kept:
        if prev is not None:
            adjacent = line.index == prev.index + 1
            parts.append("\n" if adjacent and is_list_item(prev.text) and is_list_item(line.text) else "\n\n")
        parts.append(line.text)
        prev = line
    return "".join(parts)


def body_from(lines: Sequence[Line], removed_indices: set[int]) -> str:
    return join_body(line for line in lines if line.text and line.index not in removed_indices)
