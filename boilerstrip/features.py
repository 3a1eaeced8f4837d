"""Per-line features for the text-mode heuristics, computed once per document.

:func:`of` returns one :class:`Features` per input line (indexed by ``Line.index``) and caches the
list in ``ctx.cache`` so every heuristic rule reads the same numbers. Everything here is cheap
string work (no regex on long lines), so a 200-line page costs well under a millisecond.

>>> from boilerstrip.segment import split_lines
>>> fs = compute(split_lines("Home | News | Sport\\nThe council voted on Monday to close the old bridge for repairs.\\n• Item"), "en")
>>> (fs[0].seps, fs[0].end_mark, fs[1].end_mark, fs[1].words, fs[2].bullet)
(2, False, True, 12, True)
>>> round(fs[1].stop, 2)
0.73
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .language import any_stopwords, stoplist
from .model import Line

#: Characters that end a sentence (Latin, typographic, CJK, Arabic/Urdu, Devanagari, Armenian).
SENTENCE_END = frozenset(".!?…。！？؟।։")
#: Closing characters allowed after the sentence mark (`He said "yes."` ends a sentence).
CLOSERS = "\"'”’»«)]}›*"
#: Characters that separate menu items, breadcrumbs and bylines when they appear inside a line.
SEPARATORS = frozenset("|»›•·/>←→▸►")
#: Bullet markers at the start of the raw line (list items, flattened menus).
BULLETS = frozenset("*•·▪◦‣●○■□►▸–—-+")
#: Lines with fewer words than this get no stopword density (too noisy to mean anything).
STOP_MIN_WORDS = 3
#: Characters of a long line looked at for stopword and capital shares (a paragraph's start is enough).
STOP_SAMPLE_CHARS = 160
#: A CJK character counts as this many "words" (a Chinese word is ~1.5-2 characters).
CJK_CHARS_PER_WORD = 2
#: Capital, digit and separator shares are only computed for lines up to this long: they tell
#: menus, datelines and breadcrumbs from headings; a longer line is judged by its prose features.
SHAPE_MAX_CHARS = 120
_CJK_LANGS = frozenset({"zh", "ja", "ko"})
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Features:
    chars: int = 0  # normalised length
    words: int = 0  # whitespace words (CJK: characters / CJK_CHARS_PER_WORD)
    end_mark: bool = False  # ends with a sentence mark (closing quotes/brackets allowed after it)
    marks: int = 0  # sentence marks followed by a space or at the end (a rough sentence count)
    stop: float = 0.0  # share of words that are stopwords of the document's language
    digits: float = 0.0  # share of characters that are digits (lines <= SHAPE_MAX_CHARS)
    caps: float = 0.0  # share of title-case words (lines <= SHAPE_MAX_CHARS)
    seps: int = 0  # separator characters (| » › • ...) inside the line (lines <= SHAPE_MAX_CHARS)
    bullet: bool = False  # raw line starts with a bullet marker
    indent: int = 0  # leading whitespace of the raw line
    repeats: int = 1  # how many lines of the page have exactly this text
    cjk: bool = False  # the document is Chinese, Japanese or Korean


EMPTY = Features()


def of(lines: Sequence[Line], ctx: Any) -> list[Features]:
    """The features of every input line (cached per document in ``ctx.cache``)."""
    cached = ctx.cache.get("features")
    if cached is None:
        cached = ctx.cache["features"] = compute(lines, ctx.language)
    return cached


def compute(lines: Sequence[Line], language: str | None) -> list[Features]:
    cjk = language in _CJK_LANGS
    stops = _with_punctuation(language)
    counts = Counter(line.text for line in lines if line.text)
    out: list[Features] = []
    for line in lines:
        text = line.text
        if not text:
            out.append(EMPTY)
            continue
        n = text.count(" ") + 1
        raw = line.raw
        if n <= 2 and not cjk and len(text) <= SHAPE_MAX_CHARS:  # fast path: menu items, labels
            tail = text.rstrip(CLOSERS)
            stripped = raw.lstrip()
            out.append(
                Features(
                    chars=len(text),
                    words=n,
                    end_mark=bool(tail) and tail[-1] in SENTENCE_END,
                    digits=len(_DIGIT.findall(text)) / len(text),
                    bullet=stripped[0] in BULLETS and (len(stripped) == 1 or stripped[1] == " "),
                    indent=len(raw) - len(stripped),
                    repeats=counts[text],
                )
            )
            continue
        f = Features(chars=len(text), repeats=counts[text], cjk=cjk)
        f.words = max(n, len(text) // CJK_CHARS_PER_WORD) if cjk else n
        tail = text.rstrip(CLOSERS)
        f.end_mark = bool(tail) and tail[-1] in SENTENCE_END
        if cjk:
            f.marks = text.count("。") + text.count("！") + text.count("？") + text.count(". ") + f.end_mark
        else:
            f.marks = text.count(". ") + text.count("? ") + text.count("! ") + f.end_mark
        if n >= STOP_MIN_WORDS and not cjk:
            sample = text[:STOP_SAMPLE_CHARS].split()
            if len(sample) > 3:
                sample.pop()  # may be cut in the middle
            if len(text) <= SHAPE_MAX_CHARS:
                f.caps = sum(map(str.istitle, sample)) / len(sample)
            f.stop = sum(map(stops.__contains__, " ".join(sample).lower().split())) / len(sample)
        if len(text) <= SHAPE_MAX_CHARS:
            f.digits = len(_DIGIT.findall(text)) / len(text)
            f.seps = sum(text.count(c) for c in SEPARATORS) if not SEPARATORS.isdisjoint(text) else 0
        stripped = raw.lstrip()
        f.indent = len(raw) - len(stripped)
        f.bullet = bool(stripped) and stripped[0] in BULLETS and (len(stripped) == 1 or stripped[1] == " ")
        out.append(f)
    return out


@cache
def _with_punctuation(language: str | None) -> frozenset[str]:
    """The language's stopwords, also with the punctuation that follows words in running text,
    so a lookup needs no stripping ("the," and "und." count)."""
    base = (stoplist(language) if language else frozenset()) or any_stopwords()
    return base | frozenset(w + p for w in base for p in ",.;:!?)\"”»")
