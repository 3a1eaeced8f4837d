"""Line-rule screens are pure speed gates: a rule's ``screen`` must never leave out a line the rule
fires on, and must keep the lines it returns in order (see ``Rule.screen`` and
``pipeline._line_pass``).

Checked on every line of the rule fixtures, the negative fixtures and the seed pages, and, when
the evaluation data is there (``../shared/evaldata`` or ``$BOILERSTRIP_EVALDATA``), on every line
of its flattened pages: a screen that dropped a firing line would change an output there.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from boilerstrip.config import Config
from boilerstrip.pipeline import Context
from boilerstrip.registry import all_rules
from boilerstrip.segment import split_lines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality  # noqa: E402
from corpus import evaldata_texts, fixture_texts  # noqa: E402

SCREENED = [r for r in all_rules() if r.stage == "line" and r.screen is not None]


def _check(texts: list[str]) -> int:
    ctx = Context(Config())
    lines = [line for text in texts for line in split_lines(text) if line.text]
    fired = 0
    for r in SCREENED:
        kept = list(r.screen(lines))
        positions = {id(line): k for k, line in enumerate(lines)}
        order = [positions[id(line)] for line in kept]
        assert order == sorted(set(order)), f"{r.id}: screen reordered or repeated lines"
        passed = {id(line) for line in kept}
        for line in lines:
            if r.fn(line, ctx):
                fired += 1
                assert id(line) in passed, f"{r.id}: screen drops {line.text!r}, which the rule fires on"
    return fired


def test_every_screened_rule_is_a_line_rule_with_positive_fixtures():
    assert SCREENED, "no line rule has a screen"
    for r in SCREENED:
        assert (ROOT / "fixtures" / "rules" / f"{r.id}.json").exists()


def test_screens_keep_every_firing_line_of_the_fixtures():
    assert _check(fixture_texts()) > 0  # the fixtures do make the rules fire


def test_screens_keep_every_firing_line_of_the_evaluation_pages():
    if not (quality.default_data() / "scrapinghub").exists():
        pytest.skip(f"evaluation data not found in {quality.default_data()} (set BOILERSTRIP_EVALDATA)")
    assert _check(evaldata_texts()) > 0


def test_a_screen_that_drops_a_firing_line_is_caught():
    """The check itself: a screen that keeps nothing fails on the fixtures."""
    r = SCREENED[0]
    broken = dataclasses.replace(r, screen=lambda lines: [])
    SCREENED.insert(0, broken)
    try:
        with pytest.raises(AssertionError, match="screen drops"):
            _check(fixture_texts())
    finally:
        SCREENED.remove(broken)
