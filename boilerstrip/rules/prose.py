"""Prose scoring for text mode: how much a line looks like article prose, from its features.

:func:`value` turns a line's :class:`~boilerstrip.features.Features` into a signed score: prose
lines (long, with sentence marks and the stopwords of the page's language) are positive in
proportion to their length; menu items, teaser headlines, datelines and other chrome are negative.
The main-region rule (:mod:`boilerstrip.rules.region`) runs a max-subarray over these scores.
Language-aware through the stopword lists (see :mod:`boilerstrip.language`); CJK pages are
judged by length and CJK sentence marks instead of stopwords.
"""

from __future__ import annotations

from typing import Final

from ..features import Features

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


def is_prose(f: Features) -> bool:
    if f.words < PROSE_WORDS:
        return False
    if f.cjk:
        return f.end_mark or f.marks > 0
    if f.end_mark:
        return f.stop >= PROSE_STOP
    return f.words >= LONG_WORDS and f.stop >= PROSE_STOP_STRONG


def value(f: Features) -> float:
    """Signed prose score of one line (see the module docstring)."""
    if is_prose(f):
        return min(f.chars / CHAR_UNIT, MAX_UNITS)
    if f.end_mark and f.words >= 4:
        return DOUBTFUL
    if f.quantity:
        return QUANTITY
    return CHROME
