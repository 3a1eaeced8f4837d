"""Per-line features for the text-mode heuristics, computed once per document.

:func:`of` returns one :class:`Features` per input line (indexed by ``Line.index``) and caches the
list in ``ctx.state.features`` so every heuristic rule reads the same numbers. Everything here is cheap
string work (no regex on long lines), so a 200-line page costs well under a millisecond.

>>> from boilerstrip.segment import split_lines
>>> fs = compute(split_lines("Home | News | Sport\\nThe council voted on Monday to close the old bridge for repairs.\\n• One more item"), "en")
>>> (fs[0].end_mark, fs[1].end_mark, fs[1].words, fs[2].bullet)
(False, True, 12, True)
>>> [f.quantity for f in compute(split_lines("250 g Mehl\\n* 1 ½ cups milk\\n1. Startseite\\n22"), "de")]
[True, True, False, False]
>>> round(fs[1].stop, 2)
0.73
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from .language import any_stopwords, stoplist
from .model import Line

#: Characters that end a sentence (Latin, typographic, CJK, Arabic/Urdu, Devanagari, Armenian).
SENTENCE_END: Final = frozenset(".!?…。！？؟।։")
#: Closing characters allowed after the sentence mark (`He said "yes."` ends a sentence).
CLOSERS: Final = "\"'”’»«)]}›*"
#: Bullet markers at the start of the raw line (list items, flattened menus).
BULLETS: Final = frozenset("*•·▪◦‣●○■□►▸–—-+")
#: Lines with fewer words than this get no stopword density (too noisy to mean anything, and
#: the prose score does not look at it below its PROSE_WORDS anyway).
STOP_MIN_WORDS: Final = 5
#: Characters of a long line looked at for stopword and capital shares (a paragraph's start is enough).
STOP_SAMPLE_CHARS: Final = 160
#: A CJK character counts as this many "words" (a Chinese word is ~1.5-2 characters).
CJK_CHARS_PER_WORD: Final = 2
#: Lines starting with an amount (recipe ingredients, parts lists) are at most this long.
QUANTITY_MAX_CHARS: Final = 100
_AMOUNT_START: Final = frozenset("0123456789½¼¾⅓⅔⅛")
#: An amount (not a list number "1." or "2)") followed by a word: "250 g", "1 ½ cups", "2-3 Eier".
_QUANTITY: Final = re.compile(r"(?:[*•·▪◦‣●○■□►▸+-] )?(?:\d++(?:[.,/]\d++)?(?:\s?[-–]\s?\d++)?\s?[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛])\s++[^\W\d_]")
_CJK_LANGS: Final = frozenset({"zh", "ja", "ko"})
_DIGIT: Final = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Does ``text`` hold a digit (any script)? Asked of short lines only (dates, scores, prices):
    the search runs over the whole text."""
    return _DIGIT.search(text) is not None


@dataclass(slots=True)
class Features:
    chars: int = 0  # normalised length
    words: int = 0  # whitespace words (CJK: characters / CJK_CHARS_PER_WORD)
    end_mark: bool = False  # ends with a sentence mark (closing quotes/brackets allowed after it)
    marks: int = 0  # CJK pages: sentence marks followed by a space or at the end (a rough sentence count); elsewhere not counted (0), as the prose score reads it only on CJK pages
    stop: float = 0.0  # share of words that are stopwords of the document's language
    bullet: bool = False  # raw line starts with a bullet marker (lines of 3+ words)
    quantity: bool = False  # starts with an amount: "250 g flour", "1 ½ cups milk", "2 Eier (Größe M)"
    repeats: int = 1  # how many lines of the page have exactly this text
    cjk: bool = False  # the document is Chinese, Japanese or Korean


EMPTY: Final = Features()


def of(lines: Sequence[Line], ctx: Any) -> list[Features]:
    """The features of every input line, computed once per document (``ctx`` is the
    :class:`~boilerstrip.pipeline.Context`; they are kept in ``ctx.state.features``)."""
    state = ctx.state
    cached: list[Features] | None = state.features
    if cached is None:
        cached = state.features = compute(lines, ctx.language)
    return cached


def compute(lines: Sequence[Line], language: str | None) -> list[Features]:
    cjk = language in _CJK_LANGS
    stops = _with_punctuation(language)
    counts = Counter([line.text for line in lines])  # counts[""] is never read
    out: list[Features] = []
    append = out.append
    is_stop = stops.__contains__
    quantity_match = _QUANTITY.match
    # fast-path lines (menu items, labels, single words) with equal values share one (never
    # mutated) Features object, like blank lines share EMPTY
    short: dict[tuple[int, int, bool, int], Features] = {}
    short_get = short.get
    for line in lines:
        text = line.text
        if not text:
            append(EMPTY)
            continue
        # ``text`` is the line's words joined by single spaces (segment.split_lines), so
        # n_words == text.count(" ") + 1 and n_chars == len(text), both computed once by Line
        n = line.n_words
        chars = line.n_chars
        tail = text.rstrip(CLOSERS)
        end = bool(tail) and tail[-1] in SENTENCE_END
        if n <= 2 and not cjk:  # fast path: menu items, labels, single words
            k = (chars, n, end, counts[text])
            f = short_get(k)
            if f is None:
                f = short[k] = Features(chars, n, end, 0, 0.0, False, False, k[3], False)
            append(f)
            continue
        marks = 0
        stop = 0.0
        if cjk:
            marks = text.count("。") + text.count("！") + text.count("？") + text.count(". ") + end
        elif n >= STOP_MIN_WORDS:
            sample = text[:STOP_SAMPLE_CHARS].lower().split()
            if len(sample) > 3:
                sample.pop()  # may be cut in the middle
            stop = sum(map(is_stop, sample)) / len(sample)
        raw = line.raw
        stripped = raw.lstrip() if raw[0].isspace() else raw  # lstrip() copies: only when there is something to strip
        bullet = bool(stripped) and stripped[0] in BULLETS and (len(stripped) == 1 or stripped[1] == " ")
        quantity = chars <= QUANTITY_MAX_CHARS and (text[0] in _AMOUNT_START or bullet) and quantity_match(text) is not None
        append(Features(chars, max(n, chars // CJK_CHARS_PER_WORD) if cjk else n, end, marks, stop, bullet, quantity, counts[text], cjk))
    return out


@cache
def _with_punctuation(language: str | None) -> frozenset[str]:
    """The language's stopwords, also with the punctuation that follows words in running text,
    so a lookup needs no stripping ("the," and "und." count)."""
    base = (stoplist(language) if language else frozenset()) or any_stopwords()
    return base | frozenset(w + p for w in base for p in ",.;:!?)\"”»")
