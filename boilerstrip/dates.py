"""Printed dates: their shapes, and the datetimes they stand for.

Every date shape of the package lives here: the parser's shapes (:data:`RELATIVE`,
:data:`ABSOLUTE`) and :func:`resolve` / :func:`absolute`; the tests the text rules ask of a line or
a part of one: :func:`is_date_line_text` (lenient: a teaser's date line, label and media count
stripped, year optional), :func:`is_date_shape` (strict: the whole text is one parser shape),
:func:`has_named_date`, :data:`CLOCK_OR_NUMERIC_DATE`, :func:`may_hold_date`; and the labels
printed before a date (:data:`DATE_LABELS`, :data:`DATE_LINE_PREFIXES`).

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

import regex

from .lexicon import longest_first, ordered
from .model import KEY_STRIP

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
#: Month names and English abbreviations (en, de, fr, es, it), lower case -> month number
#: (``data/month_names.txt``: a language a line, the months in order).
MONTHS: Final = {m: i + 1 for names in ordered("month_names") for i, m in enumerate(names.split())}
_MONTH_RE: Final = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
#: The absolute shapes, in the order :func:`absolute` tries them: ISO y-m-d, d.m.y, "Mon d, y",
#: "d. Mon y" (the month-name ones case-insensitive).
ABSOLUTE: Final = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})"),
    re.compile(rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})\.?\s+(?:de\s+)?(?P<y>\d{{4}})", re.I),
)


#: A literal word every alternative of RELATIVE holds ("ago", "vor", "il y a", "hace", "fa").
_RELATIVE_WORDS: Final = ("ago", "vor", "il", "hace", "fa")
#: The first three letters of every month name: the month-name shapes of ABSOLUTE hold one.
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


#: ABSOLUTE[NAMED_SHAPES:] are the shapes with a month name.
NAMED_SHAPES: Final = 2


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
    for k, pat in enumerate(ABSOLUTE):
        if k >= NAMED_SHAPES and not named:
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


# -- tests of a line or a part of one (text mode) ------------------------------------------------

#: Printed dates and relative times are short: a text of more words is never a date.
DATE_MAX_WORDS: Final = 8
# Any fixed moment: relative dates need one to resolve at all; the value itself is not used.
_ANY_TIME: Final = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)
#: A 4-digit year: every absolute date shape of :data:`ABSOLUTE` prints one.
YEAR: Final = re.compile(r"\d{4}")


def may_hold_date(text: str, lower: str) -> bool:
    """The cheap gate before a date test: ``text`` holds a digit (``str.isdigit``) or ``lower``
    (its lower case) holds " ago". Every printed date but the non-English relative ones passes."""
    return any(map(str.isdigit, text)) or " ago" in lower


#: Prefixes that label a printed time on a date line (``data/date_line_prefixes.txt``; "time2 hours
#: ago" is how some flatteners print an icon). No entry is a prefix of another: the first that
#: starts the line is the one.
DATE_LINE_PREFIXES: Final = longest_first("date_line_prefixes")


#: Compact relative times of teaser lists: "14H ago", "32m ago", "2 hrs ago 08:51" (with a video duration).
_COMPACT_AGO: Final = re.compile(r"\d{1,3}\s?(?:s|m|h|d|w|mo|y|mins?|hrs?|wks?|mths?|yrs?)\.?\s+ago(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


#: What teaser lists print after a time: a gallery count (``data/media_count_nouns.txt``) or a video duration.
_MEDIA_NOUNS: Final = "|".join(re.escape(w) for w in longest_first("media_count_nouns"))
_MEDIA_SUFFIX: Final = re.compile(rf"(?:\s+(?:\d{{1,4}}\s+(?:{_MEDIA_NOUNS})|\d{{1,2}}:\d{{2}}(?::\d{{2}})?))+$")
#: A month as teaser lists print it: a name of :data:`MONTHS` (en, de, fr, es, it)
#: or its first MONTH_ABBREV_MIN letters or more ("sept", "févr", "janv", "dic", "ott").
MONTH_ABBREV_MIN: Final = 3
_MONTH_NAME: Final = "|".join(sorted({m[:k] for m in MONTHS for k in range(MONTH_ABBREV_MIN, len(m) + 1)}, key=len, reverse=True))
#: "Nov 18", "18. Nov", "Aug 14, 2025", "18 janv.", "3 de enero": a month and a day (the year may
#: be left out in teaser lists; with a year, :func:`resolve` knows the shape too). A looser sibling
#: of the month-name shapes of ABSOLUTE, for another job: it must not become a parser shape, or
#: :func:`resolve` would return dates without a year.
_MONTH_DAY: Final = re.compile(
    rf"(?:(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:er|º)?\.?\s+(?:de\s+)?(?:{_MONTH_NAME})\.?(?:\s+(?:de\s+)?\d{{4}})?)"
)


def is_date_line_text(text: str, lower: str, n_words: int) -> bool:
    """Is a line (its ``text``, its ``lower`` case and word count) a printed date or relative time:
    "19 minutes ago", "August 14, 2025", "Posted 12.03.2020 by admin", "Nov 18"? Lenient: a label
    (DATE_LINE_PREFIXES) and a media count are stripped first, a month and day need no year, and
    a date found by :func:`resolve`'s search (day validated) counts when few letters are around
    it. :func:`boilerstrip.rules.shapes.is_date_line` asks it, memoised on the line.

    >>> is_date_line_text("Posted 12.03.2020 by admin", "posted 12.03.2020 by admin", 4)
    True
    >>> is_date_line_text("2020-13-45", "2020-13-45", 1)
    False
    """
    if n_words > DATE_MAX_WORDS or not may_hold_date(text, lower):
        return False
    text = lower.strip(KEY_STRIP)
    if text.startswith(DATE_LINE_PREFIXES):
        for p in DATE_LINE_PREFIXES:
            if text.startswith(p):
                text = text[len(p) :].lstrip(" :")
                break
    text = _MEDIA_SUFFIX.sub("", text)  # "12H ago 34 photos", "Nov 7 23:05"
    if not text:
        return False
    if RELATIVE.fullmatch(text) or _COMPACT_AGO.fullmatch(text) or _MONTH_DAY.fullmatch(text):
        return True
    if relative_search(text) is None and YEAR.search(text) is None:
        return False  # resolve needs a relative date or a 4-digit year (every absolute shape has one)
    return resolve(text, _ANY_TIME) is not None and sum(c.isalpha() for c in text) <= 20


#: A label before a printed date ("Published on", "Aktualisiert am:", "Mis à jour le"), with its
#: connector and colon: what :func:`boilerstrip.rules.header_byline.split_source_date` cuts off.
#: (Not the same list as DATE_LINE_PREFIXES, nor the same mechanics: unifying them changes output.)
#: The labels are ``data/date_labels.txt``, the connectors ``data/date_label_connectors.txt``.
DATE_LABELS: Final = regex.compile(
    rf"(?:{'|'.join(regex.escape(w) for w in longest_first('date_labels'))})"
    rf"\b(?:\s+(?:{'|'.join(regex.escape(w) for w in longest_first('date_label_connectors'))})\b)?\s*:?\s*",
    regex.IGNORECASE,
)
#: Where the timestamps of one line part: a bar, a semicolon, a bullet, a spaced dash.
_STAMP_SPLIT: Final = regex.compile(r"\s*[|;•·]\s*|\s+[–—-]\s+")
#: A labelled timestamp's date holds at most this many letters (a weekday, a month, "PM", a zone).
STAMP_MAX_LETTERS: Final = 20


def labelled_stamps(text: str) -> str | None:
    """The first date of a line made only of labelled timestamps, each a DATE_LABELS label and a
    date or a clock time ("Published: 10:48, Tue, May 3, 2022 | Updated: 11:05, Tue, May 3, 2022",
    "Updated May 3, 9:41 AM; Posted May 2, 8:19 PM"); None for any other line.

    >>> labelled_stamps("Updated May 3, 9:41 AM; Posted May 2, 8:19 PM")
    'May 3, 9:41 AM'
    >>> labelled_stamps("Updated: three new chapters") is None
    True
    """
    first = None
    for part in _STAMP_SPLIT.split(text):
        m = DATE_LABELS.match(part)
        stamp = part[m.end() :].strip() if m else ""
        if not stamp or len(stamp.split()) > DATE_MAX_WORDS or sum(map(str.isalpha, stamp)) > STAMP_MAX_LETTERS:
            return None
        if not (CLOCK_OR_NUMERIC_DATE.search(stamp) or _MONTH_DAY.search(stamp.lower())):
            return None
        first = first or stamp
    return first


#: "time2 hours ago": an icon's alt text glued to the date it labels.
ICON_TIME_PREFIX: Final = regex.compile(r"time(?=\d|an? )", regex.IGNORECASE)


def is_date_shape(text: str) -> bool:
    """Is ``text`` (KEY_STRIP stripped, at most DATE_MAX_WORDS words) as a whole one of the parser's
    shapes, RELATIVE or one of ABSOLUTE? Strict about the shape (``fullmatch``), but the day is
    not validated.

    >>> is_date_shape("vor einer Stunde"), is_date_shape("2020-13-45"), is_date_shape("Posted 12.03.2020")
    (True, True, False)
    """
    t = text.strip(KEY_STRIP)
    if not t or len(t.split()) > DATE_MAX_WORDS:
        return False
    if RELATIVE.fullmatch(t):
        return True
    return any(p.fullmatch(t) for p in ABSOLUTE)


#: A clock time or a numeric date inside a line ("Di, 10:19 Uhr", "Sonntag, 02.11.2014 | Tags: ...",
#: "Travel Wellness 30/10/23"): a signal (two-digit years, "/"), not a parser shape.
CLOCK_OR_NUMERIC_DATE: Final = re.compile(r"(?<!\d)(?:\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?!\d)")


def has_named_date(text: str, lower: str) -> bool:
    """A date with a month name inside the text ("Anglertalk 7. Januar 2022", "Sa, 19. Okt 2019").
    (Every such shape has a 4-digit year and a month stem: both are checked before the slow search.)

    >>> has_named_date("Anglertalk 7. Januar 2022", "anglertalk 7. januar 2022")
    True
    """
    return YEAR.search(text) is not None and mentions_month(lower) and absolute(text) is not None


#: A month and its year, with the count of posts a blog's archive prints after it ("Februar
#: 2020 (3)", "October 2019").
_MONTH_YEAR: Final = re.compile(rf"(?<!\w)(?:{_MONTH_RE})\.?\s+(?:19|20)\d\d(?:\s*\(\d{{1,5}}\))?(?!\w)", re.I)
_YEAR_WORD: Final = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: A line printing at least MONTH_LIST_MIN months with their year, which make at least
#: MONTH_LIST_MIN_SHARE of its words, is a list of months run into one line (a blog's archive
#: menu or "Select Month" drop-down, flattened): a sentence that dates events prints a few
#: month-year pairs among many other words. Scored as prose, such a menu outweighed a short post
#: and took the main region (issue 12, lost pages: derived on the trafilatura set; on the flat
#: pages of all three sets no line of this shape is in a gold body, and the sentences with 4 or
#: more pairs have them cover at most 0.2 of their words).
MONTH_LIST_MIN: Final = 6
MONTH_LIST_MIN_SHARE: Final = 0.6


def is_month_list(text: str, n_words: int) -> bool:
    """Is ``text`` (of ``n_words`` words) a list of months with their years (see MONTH_LIST_MIN)?

    >>> is_month_list("Archives Select Month May 2020 (3) April 2020 (1) March 2020 (4) February 2020 (2) January 2020 (5) December 2019 (1)", 21)
    True
    >>> is_month_list("It opened in May 2005, closed in June 2006 and reopened in March 2008, April 2009, May 2010 and June 2011 after a long dispute.", 24)
    False
    """
    # every year starts "19" or "20": counting those (in C) first spares the regex on the prose
    # lines of every page, which all come through here (region_scores._fill_scores)
    if n_words < 2 * MONTH_LIST_MIN or text.count("19") + text.count("20") < MONTH_LIST_MIN:
        return False
    if len(_YEAR_WORD.findall(text)) < MONTH_LIST_MIN:
        return False
    pairs = _MONTH_YEAR.findall(text)
    return len(pairs) >= MONTH_LIST_MIN and sum(len(p.split()) for p in pairs) >= MONTH_LIST_MIN_SHARE * n_words


# -- date values of HTML metadata (ISO-8601 and day.month.year) ----------------------------------

#: ABSOLUTE[1] with word boundaries: a day.month.year value inside markup ("1.2.20201" is none).
_DMY_BOUNDED: Final = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")


def iso_day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO timestamp or a day.month.year date, else None. Unlike
    :func:`absolute`, an invalid ISO day is not passed over for a later day.month.year date.

    >>> iso_day("2021-11-05T10:00:00+01:00"), iso_day("Stand: 5.11.2021"), iso_day("2020-02-30 / 01.03.2020")
    ('2021-11-05', '2021-11-05', None)
    """
    if not value:
        return None
    m = ABSOLUTE[0].search(value)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _DMY_BOUNDED.search(value)
        if not m:
            return None
        d, mo, y = (int(x) for x in m.groups())
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def from_iso(value: str | None) -> _dt.datetime | None:
    """A timezone-aware datetime from an ISO-8601 value (date-only means midnight UTC), else the
    day :func:`iso_day` finds in it. Lenient, for page markup; ``config.parse_time`` is the strict
    parser of a user's ``--reference-time``."""
    if not value:
        return None
    v = value.strip().replace("Z", "+00:00")
    try:
        out = _dt.datetime.fromisoformat(v)
    except ValueError:
        day = iso_day(value)
        if day is None:
            return None
        out = _dt.datetime.fromisoformat(day)
    return out if out.tzinfo else out.replace(tzinfo=_dt.UTC)
