"""The per-rule fixtures, the negative fixtures and the known failures, run through ``clean``.

``fixtures/rules/<rule-id>.json`` holds cases for one rule; each case says the exact output and
the set of rule ids that must appear in the removal log. ``"expect": "fail"`` marks a known
failure: it runs as a strict xfail, so the day it passes the suite says so.
``fixtures/negative/*.json`` holds clean prose that must come out unchanged with nothing removed.
A case may carry ``"learn": {"site": ..., "pages": [...]}``: the pages a site template is learned
from (``boilerstrip.templates.learn``) before the input is cleaned with it, as a page of that site
(or of the case's ``"site"``, when it names another).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip.registry import all_rules
from boilerstrip.templates import learn

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RULE_FILES = sorted((FIXTURES / "rules").glob("*.json"))
NEGATIVE_FILES = sorted((FIXTURES / "negative").glob("*.json"))
KNOWN_FAILURES = FIXTURES / "known-failures.json"
CASE_KEYS = {"label", "comment", "input", "expected", "removed_by", "expect"}


def _cases(files: list[Path]) -> list:
    out = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for c in data["cases"]:
            marks = [pytest.mark.xfail(strict=True, reason=c["comment"])] if c.get("expect", "pass") == "fail" else []
            out.append(pytest.param(c, id=f"{f.stem}:{c['label']}", marks=marks))
    return out


def _check(case: dict) -> None:
    options = {}
    if "learn" in case:
        site = case["learn"]["site"]
        options = {"templates": learn((site, page) for page in case["learn"]["pages"]), "site": case.get("site", site)}
    art = boilerstrip.extract(case["input"], **options)
    assert art.body == case["expected"]
    assert {r.rule for r in art.removed} == set(case["removed_by"])


@pytest.mark.parametrize("case", _cases(RULE_FILES))
def test_rule_fixture(case):
    _check(case)


@pytest.mark.parametrize("case", _cases(NEGATIVE_FILES))
def test_negative_fixture_comes_out_unchanged(case):
    assert case["expected"] == case["input"], "a negative fixture's input is already in output form"
    assert case["removed_by"] == []
    _check(case)


@pytest.mark.parametrize("case", _cases([KNOWN_FAILURES]))
def test_known_failure(case):
    _check(case)


def test_fixture_files_are_well_formed():
    for f in [*RULE_FILES, *NEGATIVE_FILES, KNOWN_FAILURES]:
        data = json.loads(f.read_text(encoding="utf-8"))
        assert data["cases"], f"{f.name} has no cases"
        for c in data["cases"]:
            assert CASE_KEYS <= set(c), f"{f.name}:{c.get('label')} lacks {sorted(CASE_KEYS - set(c))}"
            assert c["expect"] in ("pass", "fail")
    for f in RULE_FILES:
        data = json.loads(f.read_text(encoding="utf-8"))
        assert data["rule"] == f.stem, f"{f.name} names rule {data['rule']!r}"
    assert all(c["expect"] == "fail" for c in json.loads(KNOWN_FAILURES.read_text(encoding="utf-8"))["cases"])


def test_every_registered_rule_has_a_positive_and_a_negative_case():
    """A positive case lists the rule in removed_by; a negative one (a near miss) does not."""
    by_file = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in RULE_FILES}
    problems = []
    for r in all_rules():
        data = by_file.get(r.id)
        if data is None:
            problems.append(f"{r.id}: no fixtures/rules/{r.id}.json")
            continue
        if data.get("family") != r.family:
            problems.append(f"{r.id}: fixture family {data.get('family')!r} != registry family {r.family!r}")
        passing = [c for c in data["cases"] if c.get("expect", "pass") == "pass"]
        if not any(r.id in c["removed_by"] for c in passing):
            problems.append(f"{r.id}: no positive case")
        if not any(r.id not in c["removed_by"] for c in passing):
            problems.append(f"{r.id}: no negative case")
    assert not problems, "\n".join(problems)
