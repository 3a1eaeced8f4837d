"""The speed screens of the span and header rules are pure gates: each must give the same answers
as the plain definition it stands for (see rules.shapes.with_hint, rules.related._may_be_heading
and is_tail_heading, credits.credit_shape).

Checked on every line of the rule fixtures, the negative fixtures and the seed pages, and, when
the evaluation data is there (``../shared/evaldata`` or ``$BOILERSTRIP_EVALDATA``), on every line
of a sample of its flattened pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from boilerstrip import dates
from boilerstrip.lexicon import _hint_names, hint_flag, line_hints
from boilerstrip.model import Line
from boilerstrip.rules.related import RELATED_HEADING_MAX_WORDS, _may_be_heading, _other_tail_labels, heading_kind, is_tail_heading
from boilerstrip.rules.shapes import fold, with_hint
from boilerstrip.segment import split_lines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality  # noqa: E402
from corpus import evaldata_texts, fixture_texts  # noqa: E402

#: Every this many-th flat page of the evaluation data is checked (all of them take a while).
EVAL_SAMPLE_STEP = 5


def _lines(texts: list[str]) -> list[Line]:
    return [line for text in texts for line in split_lines(text) if line.text]


def _check(lines: list[Line]) -> None:
    # with_hint: the plain comprehension over line_hints, whether the memo is filled or not
    # (every other line asked first, so both paths of the inline memo read are taken)
    for k, line in enumerate(lines):
        if k % 2:
            line_hints(line)
    for name in _hint_names():
        flag = hint_flag(name)
        for max_chars in (90, 160, 300):
            assert with_hint(lines, flag, max_chars) == [i for i, line in enumerate(lines) if line.n_chars <= max_chars and line_hints(line) & flag], name
    others = _other_tail_labels()
    for line in lines:
        # the related-heading screen never drops a line heading_kind knows
        kind = heading_kind(line)
        assert kind is None or _may_be_heading(line), line.text
        # is_tail_heading as it reads without the screen
        plain = line.n_words <= RELATED_HEADING_MAX_WORDS and (kind in ("phrase", "pattern") or line.key in others)
        assert is_tail_heading(line) == plain, line.text
        # Line.lower is fold(text) but for the apostrophes (rules compare it with catalogue keys)
        low = line.lower
        assert fold(line.text) == low.replace("’", "'").replace("‘", "'"), line.text
        # split_source_date scans a line for a shape only when the line ends in what the shape
        # ends in: a letter (relative dates) or a digit (absolute dates)
        for p in (dates.RELATIVE, *dates.ABSOLUTE):
            for m in p.finditer(line.text):
                last = line.text[m.end() - 1]
                assert last.isalpha() if p is dates.RELATIVE else last.isdigit(), (line.text, m.group(0))


#: Printed dates in every shape and language dates knows, upper and lower case.
DATES = [
    "2 days ago", "an hour ago", "ONE WEEK AGO", "vor 3 Stunden", "vor einem Tag", "il y a 2 jours",
    "hace 2 días", "hace un año", "2 giorni fa", "una settimana fa", "2019-11-18", "18.11.2019",
    "18. 11. 2019", "November 18, 2019", "Nov. 18th 2019", "18 novembre 2019", "1er mai 2020",
    "3 de enero de 2021", "18. MÄRZ 2019", "12 août 2018", "1º dicembre 2017",
]


def test_date_shapes_end_in_a_letter_or_a_digit():
    seen = 0
    for text in DATES:
        for p in (dates.RELATIVE, *dates.ABSOLUTE):
            for m in p.finditer(f"Source {text}"):
                seen += 1
                last = m.group(0)[-1]
                assert last.isalpha() if p is dates.RELATIVE else last.isdigit(), (text, m.group(0))
    assert seen >= len(DATES)  # every date is found by some shape


def test_span_screens_on_the_fixtures():
    _check(_lines(fixture_texts()))


def test_span_screens_on_the_evaluation_pages():
    if not (quality.default_data() / "scrapinghub").exists():
        pytest.skip(f"evaluation data not found in {quality.default_data()} (set BOILERSTRIP_EVALDATA)")
    _check(_lines(evaldata_texts(EVAL_SAMPLE_STEP)))
