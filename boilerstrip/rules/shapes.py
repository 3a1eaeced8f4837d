"""Line shapes shared by the chrome-family rules (no rules here).

Cheap, length-capped predicates: what a catalogue key looks like, whether a line ends a sentence,
a headline-shaped line, a printed date or relative time, a truncated teaser summary.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from .. import dates
from ..lexicon import catalogue as catalogue  # re-exported: its home is lexicon.py
from ..lexicon import line_hints, phrases
from ..model import KEY_STRIP as _KEY_STRIP
from ..model import Line, line_memo
from ..model import fold as fold  # re-exported: its home is model.py, beside Line.lower

#: Characters stripped from both ends of a line before looking it up in a phrase catalogue
#: (defined next to :class:`~boilerstrip.model.Line`, which computes its ``key`` once).
KEY_STRIP: Final = _KEY_STRIP

#: Sentence-final characters (closing quotes and brackets are skipped first). A smaller set than
#: :data:`boilerstrip.features.SENTENCE_END` and ``features.CLOSERS`` (which the prose score reads):
#: the two are kept apart because unifying them changes output.
SENTENCE_END: Final = ".!?…。！？"
_CLOSERS: Final = "\"'’”»)]"

#: A headline-shaped line has at most this many words and no sentence-final full stop.
HEADLINE_MAX_WORDS: Final = 30

#: Printed dates and relative times are short lines; longer lines are never tested.
DATE_MAX_WORDS: Final = 8
# Any fixed moment: relative dates need one to resolve at all; the value itself is not used.
_ANY_TIME: Final = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)


#: What separates two names in a byline or an author value: a comma, "&", "and" / "und" / "et" /
#: "y" / "e" (en, de, fr, es, it and pt).
AUTHOR_SEPARATOR: Final = r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*"


#: A comma part of a byline with at most this many words, one of them a job title
#: (``data/author_roles.txt``), is the author's role, not a second author ("AP Auto Writer").
ROLE_MAX_WORDS: Final = 5
_ROLE_WORD_STRIP: Final = ".,;:()[]"


def is_role(part: str) -> bool:
    """The job title after a name ("AP Auto Writer", "Staff Reporter", "correspondante à Bruxelles").

    >>> is_role("AP Auto Writer"), is_role("Associated Press"), is_role("John Roe")
    (True, False, False)
    """
    words = part.casefold().replace("-", " ").split()
    if not words or len(words) > ROLE_MAX_WORDS:
        return False
    roles = phrases("author_roles")
    return any(w.strip(_ROLE_WORD_STRIP) in roles for w in words)


@cache
def hint_regex(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all hints, shaped as a trie (shared prefixes matched once: ~40% faster)."""
    trie: dict = {}
    for h in hints:
        node = trie
        for c in h:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(trie))


def with_hint(lines: Sequence[Line], flag: int, max_chars: int) -> list[int]:
    """Positions of the lines of at most ``max_chars`` characters whose hint mask has ``flag``
    (``line_hints(line) & flag``, :mod:`boilerstrip.lexicon`): the candidates of a span rule whose
    catalogue has a ``.hints`` pre-filter."""
    return [i for i, line in enumerate(lines) if line.n_chars <= max_chars and line_hints(line) & flag]


def ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in SENTENCE_END


def is_headline(line: Line, min_words: int = 3) -> bool:
    """A headline-shaped line: a few words, letters in it, no final full stop."""
    n = line.n_words
    if not (min_words <= n <= HEADLINE_MAX_WORDS):
        return False
    t = line.text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] not in ".;,:" and any(c.isalpha() for c in t)


def is_truncated(line: Line) -> bool:
    """A teaser summary cut short with an ellipsis ("... Dafyyd Townley,…")."""
    t = line.text.rstrip()
    return line.n_words >= 5 and (t.endswith("…") or t.endswith("..."))


#: Prefixes that label a printed time ("time2 hours ago" is how some flatteners print an icon).
_TIME_PREFIXES: Final = ("time", "updated", "published", "posted", "aktualisiert", "publié", "mis à jour", "publicado", "actualizado", "pubblicato", "aggiornato")


#: Compact relative times of teaser lists: "14H ago", "32m ago", "2 hrs ago 08:51" (with a video duration).
_COMPACT_AGO: Final = re.compile(r"\d{1,3}\s?(?:s|m|h|d|w|mo|y|mins?|hrs?|wks?|mths?|yrs?)\.?\s+ago(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


#: What teaser lists print after a time: a gallery count or a video duration.
_MEDIA_SUFFIX: Final = re.compile(r"(?:\s+(?:\d{1,4}\s+(?:photos?|videos?|images?|pictures?|bilder|fotos?|images)|\d{1,2}:\d{2}(?::\d{2})?))+$")
#: A month as teaser lists print it: a name of :data:`boilerstrip.dates.MONTHS` (en, de, fr, es, it)
#: or its first MONTH_ABBREV_MIN letters or more ("sept", "févr", "janv", "dic", "ott").
MONTH_ABBREV_MIN: Final = 3
_MONTH_NAME: Final = "|".join(sorted({m[:k] for m in dates.MONTHS for k in range(MONTH_ABBREV_MIN, len(m) + 1)}, key=len, reverse=True))
#: "Nov 18", "18. Nov", "Aug 14, 2025", "18 janv.", "3 de enero": a month and a day (the year may
#: be left out in teaser lists; with a year, dates.resolve knows the shape too).
_MONTH_DAY: Final = re.compile(
    rf"(?:(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:er|º)?\.?\s+(?:de\s+)?(?:{_MONTH_NAME})\.?(?:\s+(?:de\s+)?\d{{4}})?)"
)


@line_memo("_date")
def is_date_line(line: Line) -> bool:
    """A short line that is a printed date or relative time ("19 minutes ago", "August 14, 2025").
    (Memoised on the line: the region, related and header rules ask it of the same lines.)"""
    if line.n_words > DATE_MAX_WORDS or not any(map(str.isdigit, line.text)) and " ago" not in line.lower:
        return False
    text = line.lower.strip(KEY_STRIP)
    if text.startswith(_TIME_PREFIXES):
        for p in _TIME_PREFIXES:
            if text.startswith(p):
                text = text[len(p) :].lstrip(" :")
                break
    text = _MEDIA_SUFFIX.sub("", text)  # "12H ago 34 photos", "Nov 7 23:05"
    if not text:
        return False
    if dates.RELATIVE.fullmatch(text) or _COMPACT_AGO.fullmatch(text) or _MONTH_DAY.fullmatch(text):
        return True
    if dates.relative_search(text) is None and YEAR.search(text) is None:
        return False  # dates.resolve needs a relative date or a 4-digit year (every absolute shape has one)
    return dates.resolve(text, _ANY_TIME) is not None and sum(c.isalpha() for c in text) <= 20


#: A 4-digit year: every absolute date shape of :mod:`boilerstrip.dates` prints one.
YEAR: Final = re.compile(r"\d{4}")
