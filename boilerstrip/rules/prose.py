"""What reads as prose: the two tests, and the prose score of text mode.

Two tests, for two jobs, that are not the same shape (their thresholds and sentence marks differ;
merging them changes output):

* :func:`is_paragraph_shaped` (a :class:`~boilerstrip.model.Line`): by length and a sentence
  mark, in any language: ten words and a mark, or 26 words. The chrome rules (header, related,
  promos, site templates) ask it to tell a paragraph from a headline or a teaser; memoised on the
  line.
* :func:`is_stopword_prose` (a line's :class:`~boilerstrip.features.Features`): by words, a
  sentence mark and the share of the page language's stopwords. The main-region score and the
  learned model read it.

:func:`line_class` sorts a line by its features into prose, doubtful, quantity or chrome;
:func:`value` turns a line's :class:`~boilerstrip.features.Features` into a signed score: prose
lines (long, with sentence marks and the stopwords of the page's language) are positive in
proportion to their length; menu items, teaser headlines, datelines and other chrome are negative.
The main-region rule (:mod:`boilerstrip.rules.region`) runs a max-subarray over these scores.
Language-aware through the stopword lists (see :mod:`boilerstrip.language`); CJK pages are
judged by length and CJK sentence marks instead of stopwords.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..features import Features
from ..model import Line, line_memo
from .shapes import ends_sentence

#: A paragraph-shaped line (a body paragraph, or a teaser summary that reads like one) has at least
#: this many words and ends with a sentence mark ...
PROSE_MIN_WORDS: Final = 10
#: ... or is simply this long, punctuation or not (teaser summaries are often cut mid-word).
PROSE_ANY_WORDS: Final = 26
#: In a script without spaces, a sentence of this many characters is prose ...
SPACELESS_PROSE_CHARS: Final = 20
#: ... where a "word" (a run between spaces) is this long on average or longer.
SPACELESS_CHARS_PER_WORD: Final = 15

#: A prose line has at least this many words (CJK: characters / 2) ...
PROSE_WORDS: Final = 7
#: ... and at least this share of stopwords (pages in a language with a stoplist).
PROSE_STOP: Final = 0.18
#: A line without a final sentence mark still counts as prose from this many words on, when its
#: stopword share is at least PROSE_STOP_STRONG (paragraphs ending in ":" or cut by the flattener).
LONG_WORDS: Final = 20
PROSE_STOP_STRONG: Final = 0.25
#: Prose lines score their length in units of this many characters ...
CHAR_UNIT: Final = 100.0
#: ... up to this many units (a very long paragraph should not buy a whole comment thread).
MAX_UNITS: Final = 6.0
#: Score of a line that is not prose (menu item, headline, dateline, label).
CHROME: Final = -0.5
#: Score of a medium line that ends like a sentence but is too short or stopword-poor to be
#: sure about (captions, teaser blurbs, short paragraphs): neither helps nor hurts much.
DOUBTFUL: Final = 0.3
#: A line that starts with an amount ("250 g Mehl", "2 tablespoons oil"): an ingredient or a
#: parts list, content that looks like navigation; scored like a doubtful line, so such lists
#: do not break the region.
QUANTITY: Final = 0.3


@line_memo("_prose")
def is_paragraph_shaped(line: Line) -> bool:
    """A line that reads like a paragraph, by length and a sentence mark, any language: several
    words and a sentence mark (:func:`~boilerstrip.rules.shapes.ends_sentence`), or just long.

    Scripts written without spaces (Chinese, Japanese) have few "words": there a line of
    SPACELESS_PROSE_CHARS characters or more that ends with a sentence mark is prose.
    (Memoised on the line: the header, related and promo rules ask it of the same lines.)"""
    n = line.n_words
    if n >= PROSE_ANY_WORDS or (n >= PROSE_MIN_WORDS and ends_sentence(line.text)):
        return True
    chars = len(line.text)
    return chars >= SPACELESS_PROSE_CHARS and chars > SPACELESS_CHARS_PER_WORD * n and ends_sentence(line.text)


def is_stopword_prose(f: Features) -> bool:
    """Prose by a line's features: PROSE_WORDS words or more, a sentence mark and the page
    language's stopwords (PROSE_STOP), or LONG_WORDS words and more stopwords without the mark;
    CJK lines by length and CJK sentence marks."""
    if f.words < PROSE_WORDS:
        return False
    if f.cjk:
        return f.end_mark or f.marks > 0
    if f.end_mark:
        return f.stop >= PROSE_STOP
    return f.words >= LONG_WORDS and f.stop >= PROSE_STOP_STRONG


#: A line of at least this many words with the stopword share of prose (PROSE_STOP) but too short
#: or unpunctuated to be prose is a phrase (:func:`is_phrase`).
PHRASE_MIN_WORDS: Final = 5


def is_phrase(f: Features) -> bool:
    """A line that says something without being a sentence: PHRASE_MIN_WORDS words or more and
    the stopwords of running text ("Servers: AMD EPYC processors with up to 128 cores", "Fewer
    global locations than competitors", "Bake for 20 minutes at 180 degrees"). The items of a
    spec sheet, a pros-and-cons list or a recipe's steps are phrases; menu labels ("Privacy
    Policy", "Cloud Computing") and most section links are not. Not decided for CJK pages
    (their stopword share is not measured the same way).

    >>> from boilerstrip.features import Features
    >>> is_phrase(Features(words=9, stop=0.33)), is_phrase(Features(words=3, stop=0.33)), is_phrase(Features(words=6, stop=0.0))
    (True, False, False)
    """
    return f.words >= PHRASE_MIN_WORDS and f.stop >= PROSE_STOP and not f.cjk


#: A run of short lines in which at least this share are phrases is a list that says something
#: (a spec sheet, pros and cons, a recipe's steps under their labels, verse), not a menu or a
#: teaser box: menu labels and tag links are rarely phrases (:func:`is_phrase_list`).
PHRASE_LIST_SHARE: Final = 0.5


def is_phrase_list(fs: Sequence[Features], lines: Sequence[Line]) -> bool:
    """Are at least PHRASE_LIST_SHARE of ``lines`` phrases (:func:`is_phrase`)? ``fs`` are the
    page's features, indexed by ``Line.index``."""
    return sum(1 for line in lines if is_phrase(fs[line.index])) >= PHRASE_LIST_SHARE * len(lines)


def line_class(f: Features) -> str:
    """``"P"`` prose (:func:`is_stopword_prose`), ``"D"`` doubtful (a sentence mark and 4 words or
    more), ``"Q"`` quantity (starts with an amount), else ``"C"`` chrome. (The letters are part of
    the learned model's feature names, ``pc:P``: they hash into ``data/learned_chrome.bin``.)"""
    if is_stopword_prose(f):
        return "P"
    if f.end_mark and f.words >= 4:
        return "D"
    if f.quantity:
        return "Q"
    return "C"


def value(f: Features) -> float:
    """Signed prose score of one line (see the module docstring): by its :func:`line_class`."""
    c = line_class(f)
    if c == "P":
        return min(f.chars / CHAR_UNIT, MAX_UNITS)
    if c == "D":
        return DOUBTFUL
    if c == "Q":
        return QUANTITY
    return CHROME
