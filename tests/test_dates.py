"""dates.relative_search and dates.absolute skip their slow regexes on ASCII texts that lack the
words the shapes need: the answers must be exactly those of the plain regex searches."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import dates

TOKENS = [
    "2 days ago", "an hour ago", "vor 3 Stunden", "il y a 2 jours", "hace 2 días", "2 giorni fa",
    "August 14, 2025", "Aug. 14 2025", "14 August 2025", "3 de enero de 2024", "1er mai 2023",
    "5 ott 2024", "14.08.2025", "2025-08-14", "März", "Sept", "Published", "by", "|", ",", ".",
    "Updated", "FA", "AGO", "Il", "Vor", "Hace", "ſeptember 3, 2020", "İl y a 2 jours", "12", "2019",
    "Jane Doe", "Jan", "mayo", "décembre", "The", "fair", "agog",
]


def _absolute_plain(text):
    for pat in dates.ABSOLUTE:
        m = pat.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else dates.MONTHS.get(g["mon"].lower().rstrip("."), 0)
        try:
            return m.group(0), dates._dt.datetime(int(g["y"]), month, int(g["d"]), tzinfo=dates._dt.UTC)
        except ValueError:
            continue
    return None


def _same_match(a: re.Match | None, b: re.Match | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span() and a.groupdict() == b.groupdict())


@settings(max_examples=600, derandomize=True)
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=6).map(" ".join))
def test_fast_paths_answer_as_the_plain_searches(text):
    assert _same_match(dates.relative_search(text), dates.RELATIVE.search(text))
    assert dates.absolute(text) == _absolute_plain(text)


def test_texts_the_fast_paths_skip_and_keep():
    assert dates.relative_search("Published on Monday") is None
    assert dates.relative_search("2 DAYS AGO")["u1"] == "DAY"  # the plural s is outside the group
    assert dates.absolute("Jane Doe 2025") is None
    assert dates.absolute("JANUARY 5, 2024")[0] == "JANUARY 5, 2024"
    # non-ASCII texts always reach the regex (its case-insensitive matching is not str.lower's)
    assert dates.absolute("ſeptember 3, 2020") == _absolute_plain("ſeptember 3, 2020")
