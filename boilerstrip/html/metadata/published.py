"""Publication dates: ISO and day.month.year values parsed (:func:`iso_date`, :func:`to_datetime`:
:func:`boilerstrip.dates.iso_day` and :func:`boilerstrip.dates.from_iso`),
the date printed in the article header or anywhere on the page (:func:`header_date`,
:func:`page_date`), and htmldate's search (:func:`htmldate_day`). :func:`boilerstrip.html.metadata.complete`
chooses between them."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Final

from ... import dates

#: A printed date counts as the article's dateline when its block is this close to the title
#: (``<h1>``): up to this many blocks before it (kicker, section, date above the headline)...
HEADER_DATE_BEFORE = 3
#: ... or this many after it (standfirst, byline, dateline, first paragraphs).
HEADER_DATE_AFTER = 10
#: ... and the block is at most this long (longer blocks are prose that merely mentions a date).
HEADER_DATE_MAX_CHARS = 80
#: A printed year before this is not a web page's publication date ("28.09.19" + "12:44" read as 1912).
DATE_MIN_YEAR = 1990
#: ``<time datetime>`` elements looked at for a timestamp of the chosen day.
TIME_MAX_NODES = 5
#: A printed header date this many days or more after the day of the publication-date markup is
#: the page's update ("Last updated", a forum's "last post"), not its publication; one day apart
#: is the same moment in another time zone (``…T23:00Z`` printed as the next day).
UPDATE_MIN_DAYS: Final = 2

#: ISO and day.month.year values -> ``YYYY-MM-DD`` and aware datetimes (their home is
#: :mod:`boilerstrip.dates`; the names here are the ones the HTML metadata and benchmarks use).
iso_date = dates.iso_day
to_datetime = dates.from_iso


def header_date(blocks: list[Any], title_line: int | None) -> tuple[str, _dt.datetime] | None:
    """The date printed in the article's header: the first short block just after the ``<h1>``
    (else just above it, not across a chrome block) that holds an absolute date (``5. November
    2021``, ``Stand: 28.04.2020``, ``By X | May 3, 2022``), as printed and as a day. The headline
    itself, chrome blocks and relative dates ("2 days ago") do not count."""
    if title_line is None:
        return None
    # after the headline first (dateline, byline); then above it, up to the nearest chrome block
    # (a date above the navigation is the site header's "today", not the article's)
    for b in blocks[title_line + 1 : title_line + HEADER_DATE_AFTER + 1]:
        found = _block_date(b)
        if found:
            return found
    for b in reversed(blocks[max(0, title_line - HEADER_DATE_BEFORE) : title_line]):
        if b.chrome:
            break
        found = _block_date(b)
        if found:
            return found
    return None


def _block_date(block: Any) -> tuple[str, _dt.datetime] | None:
    """The first absolute date printed in a short block outside chrome, from DATE_MIN_YEAR on."""
    if block.chrome or len(block.text) > HEADER_DATE_MAX_CHARS or not any(c.isdigit() for c in block.text):
        return None
    found = dates.absolute(block.text)
    return found if found and found[1].year >= DATE_MIN_YEAR else None


def is_update(printed: _dt.datetime, published_day: str | None) -> bool:
    """Whether a printed date is UPDATE_MIN_DAYS or more after the publication day of the markup
    (``YYYY-MM-DD``): the printed date is then the last update, and the markup the publication."""
    if not published_day:
        return False
    try:
        day = _dt.date.fromisoformat(published_day)
    except ValueError:
        return False
    return (printed.date() - day).days >= UPDATE_MIN_DAYS


def page_date(blocks: list[Any]) -> tuple[str, _dt.datetime] | None:
    """The first absolute date printed in a short block anywhere in the page (outside chrome):
    the last resort, in place of htmldate's extensive search (which took seconds on some
    pages and mostly dated pages that have no date)."""
    for b in blocks:
        found = _block_date(b)
        if found:
            return found
    return None


def htmldate_day(tree: Any, *, extensive: bool) -> str | None:
    """htmldate's publication day (``YYYY-MM-DD``, original date rather than the last update), or None."""
    if tree is None:
        return None
    try:
        from htmldate import find_date

        return find_date(tree, original_date=True, extensive_search=extensive)
    except Exception:  # noqa: BLE001 - a date is optional
        return None


def _stamp_for(day: str, stamps: list[str]) -> str | None:
    """The first markup timestamp that falls on ``day`` as written (its own offset, no UTC conversion)."""
    return next((v for v in stamps if iso_date(v) == day), None)
