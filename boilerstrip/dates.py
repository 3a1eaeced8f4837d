"""Printed dates -> timezone-aware datetimes.

Absolute dates resolve on their own (``August 14, 2025``, ``14.08.2025``, ``2025-08-14``);
relative ones (``2 days ago``, ``vor 3 Stunden``) resolve only against the ``reference_time``
the caller passes, because the moment the page was fetched is not in the text. A date without a
timezone is taken in the reference time's zone, or UTC.

>>> import datetime as dt
>>> ref = dt.datetime(2025, 8, 16, 12, 0, tzinfo=dt.timezone.utc)
>>> resolve("2 days ago", ref).isoformat()
'2025-08-14T12:00:00+00:00'
>>> resolve("2 days ago", None) is None
True
>>> resolve("August 14, 2025", None).date().isoformat()
'2025-08-14'
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

_UNITS: Final = {
    "second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400,
    "week": 7 * 86400, "month": 30 * 86400, "year": 365 * 86400,
    # de / fr / es / it
    "sekunde": 1, "stunde": 3600, "tag": 86400, "woche": 7 * 86400, "monat": 30 * 86400, "jahr": 365 * 86400,
    "seconde": 1, "heure": 3600, "jour": 86400, "semaine": 7 * 86400, "mois": 30 * 86400, "an": 365 * 86400,
    "segundo": 1, "minuto": 60, "hora": 3600, "día": 86400, "dia": 86400, "semana": 7 * 86400, "mes": 30 * 86400, "año": 365 * 86400,
    "secondo": 1, "ora": 3600, "ore": 3600, "giorno": 86400, "giorni": 86400, "settimana": 7 * 86400, "mese": 30 * 86400, "anno": 365 * 86400,
}
_NUM_WORDS: Final = {"a": 1, "an": 1, "one": 1, "ein": 1, "eine": 1, "einer": 1, "einem": 1, "un": 1, "une": 1, "una": 1, "uno": 1}
_UNIT_RE: Final = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
#: "2 days ago", "an hour ago", "vor 3 Stunden", "il y a 2 jours", "hace 2 días", "2 giorni fa".
RELATIVE: Final = re.compile(
    rf"(?:(?P<n1>\d{{1,4}}|an?|one)\s+(?P<u1>{_UNIT_RE})s?\s+ago"
    rf"|vor\s+(?P<n2>\d{{1,4}}|einer?m?|einer)\s+(?P<u2>{_UNIT_RE})(?:e|en|n)?"
    rf"|il\s+y\s+a\s+(?P<n3>\d{{1,4}}|une?)\s+(?P<u3>{_UNIT_RE})s?"
    rf"|hace\s+(?P<n4>\d{{1,4}}|una?)\s+(?P<u4>{_UNIT_RE})s?"
    rf"|(?P<n5>\d{{1,4}}|una?)\s+(?P<u5>{_UNIT_RE})i?\s+fa)",
    re.IGNORECASE,
)
#: Month names and English abbreviations (en, de, fr, es, it), lower case -> month number.
MONTHS: Final = {
    m: i + 1
    for names in (
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    )
    for i, m in enumerate(names.split())
}
_MONTH_RE: Final = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_ABSOLUTE: Final = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})"),
    re.compile(rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})\.?\s+(?:de\s+)?(?P<y>\d{{4}})", re.I),
)


#: A literal word every alternative of RELATIVE holds ("ago", "vor", "il y a", "hace", "fa").
_RELATIVE_WORDS: Final = ("ago", "vor", "il", "hace", "fa")
#: The first three letters of every month name: the month-name shapes of _ABSOLUTE hold one.
_MONTH_STEMS: Final = tuple(sorted({m[:3] for m in MONTHS}))


def mentions_month(lower: str) -> bool:
    """Does ``lower`` (lower-cased text) hold the first three letters of a month name of
    :data:`MONTHS`? Every month-name date shape needs one (a cheap test before their slow search)."""
    return any(s in lower for s in _MONTH_STEMS)


def relative_search(text: str) -> re.Match[str] | None:
    """``RELATIVE.search(text)``, skipped when it cannot match: an ASCII text without any of the
    words the shapes are built on (case-insensitive matching of ASCII text is matching its
    lower case; other texts always go to the regex, which scans slowly: no literal prefix)."""
    if text.isascii():
        low = text.lower()
        if not any(w in low for w in _RELATIVE_WORDS):
            return None
    return RELATIVE.search(text)


#: _ABSOLUTE[_NAMED_SHAPES:] are the shapes with a month name.
_NAMED_SHAPES: Final = 2


def resolve(printed: str | None, reference_time: _dt.datetime | None) -> _dt.datetime | None:
    """The datetime a printed date stands for, or None when it cannot be known."""
    if not printed:
        return None
    tz = reference_time.tzinfo if reference_time and reference_time.tzinfo else _dt.UTC
    m = relative_search(printed)
    if m:
        if reference_time is None:
            return None
        n_text = next(g for g in (m["n1"], m["n2"], m["n3"], m["n4"], m["n5"]) if g)
        unit = next(g for g in (m["u1"], m["u2"], m["u3"], m["u4"], m["u5"]) if g).lower()
        n = int(n_text) if n_text.isdigit() else _NUM_WORDS.get(n_text.lower(), 1)
        return reference_time - _dt.timedelta(seconds=n * _UNITS.get(unit, 0))
    found = absolute(printed, tz)
    return found[1] if found else None


def absolute(printed: str, tz: _dt.tzinfo = _dt.UTC) -> tuple[str, _dt.datetime] | None:
    """The first absolute date printed in ``printed`` (shapes tried in order): the matched text
    and the day it names (midnight in ``tz``), or None.

    >>> absolute("Von Deutscher Tennis Bund 4. 2. 2022.")[0]
    '4. 2. 2022'
    """
    # the month-name shapes scan slowly (case-insensitive alternation): an ASCII text without a
    # month's first three letters is not searched for them (see relative_search)
    named = not printed.isascii() or mentions_month(printed.lower())
    for k, pat in enumerate(_ABSOLUTE):
        if k >= _NAMED_SHAPES and not named:
            break
        m = pat.search(printed)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else MONTHS.get(groups["mon"].lower().rstrip("."), 0)
        try:
            return m.group(0), _dt.datetime(int(groups["y"]), month, int(groups["d"]), tzinfo=tz)
        except ValueError:
            continue
    return None
