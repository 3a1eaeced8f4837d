"""Shape tests several rules share (rules/shapes.py), on hand-written lines."""

import pytest

from boilerstrip.model import Line
from boilerstrip.rules.shapes import is_date_line


@pytest.mark.parametrize(
    "text",
    [
        "Nov 18",  # en, teaser lists leave the year out
        "August 14, 2025",
        "18. Nov",  # de
        "3. März 2024",
        "18 janv.",  # fr abbreviation
        "1er mai",
        "3 de enero",  # es
        "12 dic",
        "5 ott 2024",  # it
        "19 minutes ago",
        "vor 3 Stunden",
        "il y a 2 jours",
        "Updated: Sept. 3",
    ],
)
def test_printed_dates_in_five_languages(text):
    assert is_date_line(Line(0, text, text))


@pytest.mark.parametrize(
    "text",
    [
        "Marathon 5",  # starts like "mar" but is no month
        "Chapter 12",
        "Top 10 stories",
        "The council met in March to discuss the budget.",
        "Juni",  # a month without a day
    ],
)
def test_words_and_numbers_that_are_not_dates(text):
    assert not is_date_line(Line(0, text, text))
