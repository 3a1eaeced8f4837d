"""The five seed pages: exact body, metadata, which rules fired, and the log replays to the body.

The expected files in ``fixtures/seeds/`` were written by reading each input line by line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip.api import replay

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CASES = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _load(name: str) -> tuple[str, dict, boilerstrip.Article]:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    want = json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))
    ref = dt.datetime.fromisoformat(want["reference_time"]) if want["reference_time"] else None
    return text, want, boilerstrip.extract(text, reference_time=ref)


def test_there_are_five_seeds_each_with_an_expected_file():
    assert len(CASES) == 5
    assert all((SEEDS / f"{c}.expected.json").is_file() for c in CASES)


@pytest.mark.parametrize("name", CASES)
def test_seed_body_is_exact(name):
    _, want, art = _load(name)
    assert art.body == want["body"]


@pytest.mark.parametrize("name", CASES)
def test_seed_metadata(name):
    _, want, art = _load(name)
    assert art.title == want["title"]
    assert art.source == want["source"]
    assert art.published == want["published"]
    assert (art.published_at.isoformat() if art.published_at else None) == want["published_at"]
    assert list(art.authors) == want["authors"]
    assert [{"caption": i.caption, "credit": i.credit} for i in art.images] == want["images"]


@pytest.mark.parametrize("name", CASES)
def test_seed_rules_fired(name):
    _, want, art = _load(name)
    assert sorted({r.rule for r in art.removed}) == want["removed_by"]


@pytest.mark.parametrize("name", CASES)
def test_seed_log_replays_to_the_body_and_moves_name_their_field(name):
    text, _, art = _load(name)
    assert replay(text, art.removed) == art.body
    header = {r.rule for r in art.removed if r.family == "header"}
    assert all(r.field for r in art.removed if r.rule in header)
    # nothing in the log overlaps: each input line left the body once
    spans = sorted((r.start_line, r.end_line) for r in art.removed)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_clean_seed_003_keeps_every_line_but_the_slug_and_the_title():
    text, _, art = _load("003_90d0f9c44a687009")
    kept = {line.strip() for line in art.body.splitlines() if line.strip()}
    src = [line.strip() for line in text.splitlines() if line.strip()]
    assert [line for line in src if line not in kept] == [src[0], src[1]]  # the title and the slug
