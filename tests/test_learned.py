"""The learned-chrome rule (boilerstrip/rules/learned.py) and its fit script's labelling."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import api
from boilerstrip.config import Config
from boilerstrip.model import Article
from boilerstrip.rules import learned
from boilerstrip.segment import split_lines

ROOT = Path(__file__).resolve().parent.parent

BODY = [
    "The city council approved the new budget on Tuesday after a long and heated debate that lasted well into the night.",
    "Officials said most of the money would go to schools, roads and public transport over the next three years.",
    "The mayor called the vote a turning point for the city and thanked the members who had worked on the plan.",
    "Opponents argued that the plan raised taxes for small businesses without asking them first, and promised to fight it.",
    "A public hearing on the details is planned for next month, when residents will be able to ask questions.",
    "The budget also sets aside money for a new library in the north of the city, which has waited for one for decades.",
    "Construction is expected to start next spring, if the state approves its share of the funding in time.",
    "The council will meet again in two weeks to discuss the schedule for the road repairs on the ring road.",
    "Several members said they hoped the debate would be shorter then, as the night session had exhausted everyone.",
    "The vote was eleven to four, with two members absent because of illness and one seat still vacant.",
    "A recording of the full session can be requested from the city clerk's office during opening hours.",
]


@pytest.fixture
def model():
    """Restores the shipped weights after a test that replaced them."""
    yield
    learned._MODEL.clear()


def _page(extra: list[str]) -> str:
    return "\n".join([*BODY[:5], *extra, *BODY[5:]])


def _extract(text: str, *, model_on: bool = True, **options) -> Article:
    """The default pipeline, plus learned-chrome at its end when ``model_on``."""
    cfg = Config(**options)
    rules = (*api.pipeline_for(cfg), learned.RULE) if model_on else api.pipeline_for(cfg)
    return api.extract_lines(split_lines(text), cfg, rules)[0]


def test_not_in_the_default_pipeline():
    """Out of fold it changed F1 by at most 0.001 either way (README): opt-in, not default."""
    assert "learned-chrome" not in {r.id for r in api.pipeline_for(Config())}
    assert learned.RULE.id == "learned-chrome" and learned.RULE.family == "learned" and learned.RULE.text_only
    assert learned.RULE.summary.startswith("Short lines a linear model")


def _voting(*names: str) -> list[float]:
    """Weights under which only the features ``names`` count (strongly for chrome)."""
    weights = [0.0] * (1 << learned.HASH_BITS)
    for name in names:
        weights[learned.bucket(name)] = 20.0
    return weights


def _probability(text: str, line: str) -> float:
    """The shipped model's chrome probability of ``line`` on page ``text`` (after the default pipeline)."""
    from boilerstrip.pipeline import Context, Doc, run

    cfg = Config()
    lines = split_lines(text)
    ctx = Context(cfg)
    ctx.language = api._detect_language(lines)
    doc = Doc(lines, run(lines, api.pipeline_for(cfg), ctx).kept, ctx.meta)
    fs, shapes, after, page = learned.page_context(doc, ctx)
    (i,) = [k for k, x in enumerate(doc.lines) if x.text == line]
    weights, bias = learned._load()
    return 1.0 / (1.0 + math.exp(-learned.score(learned.line_features(doc, i, fs, shapes, after, page), weights, bias)))


def test_shipped_model_ranks_chrome_above_body_headings():
    """Inside the body (hand-written lines, judged by a person): footer links and a photo credit
    score above body subheadings and an ingredient. The shipped model is weak on single lines
    inside the body (none of these reaches CUT_PROBABILITY): that is what the README reports."""
    chrome = ["Terms of use · Privacy policy", "Impressum | Datenschutz | Kontakt", "Photo courtesy of the city council"]
    content = ["What the budget means for you", "Schools and roads", "2 cups of flour"]
    p_chrome = [_probability(_page([x]), x) for x in chrome]
    p_content = [_probability(_page([x]), x) for x in content]
    assert min(p_chrome) > 0.4 > 0.3 > max(p_content), (p_chrome, p_content)
    for x in content:
        assert _extract(_page([x])).body == _extract(_page([x]), model_on=False).body


def test_bucket_is_crc32_and_stable_across_processes():
    """Python's hash() of a str changes with PYTHONHASHSEED; the buckets must not."""
    assert learned.bucket("w:subscribe") == 241661  # zlib.crc32(b"w:subscribe") & (2**18 - 1), fixed with the file format
    code = "from boilerstrip.rules import learned; print(learned.bucket('w:subscribe'), learned.bucket('s:kommen'))"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout for seed in ("1", "2")}
    assert len(outs) == 1
    assert outs.pop().split() == [str(learned.bucket("w:subscribe")), str(learned.bucket("s:kommen"))]


def test_weights_round_trip_through_the_file_format():
    weights = [0.0] * (1 << learned.HASH_BITS)
    weights[3], weights[70000], weights[-1] = 1.5, -0.75, 0.005
    back, bias = learned.decode(learned.encode(weights, -2.25))
    assert bias == pytest.approx(-2.25)
    step = 1.5 / 127
    assert back[3] == pytest.approx(1.5) and back[70000] == pytest.approx(-0.75, abs=step / 2)
    assert back[-1] == 0.0  # below half a quantisation step: pruned
    assert sum(1 for w in back if w) == 2
    with pytest.raises(ValueError, match="not a boilerstrip"):
        learned.decode(b"nonsense" + bytes(20))


def test_shipped_weights_load_and_are_compact():
    path = ROOT / "boilerstrip" / "data" / learned.WEIGHTS_FILE
    assert path.stat().st_size < 1_000_000
    weights, _bias = learned.decode(path.read_bytes())
    assert len(weights) == 1 << learned.HASH_BITS
    assert 1000 < sum(1 for w in weights if w) < len(weights)


def test_cuts_only_short_lines_and_names_its_features(model):
    """Lines holding "zebra" or "quartz" vote chrome: the short ones go, a long one is never scored."""
    learned.use_weights(_voting("w:zebra", "w:quartz"), -5.0)
    short = ["Zebra kiosk", "Quartz lantern"]
    text = _page([short[0], "zebra word " * (learned.CANDIDATE_MAX_WORDS // 2) + "end.", short[1]])
    art = _extract(text)
    gone = [r for r in art.removed if r.rule == "learned-chrome"]
    assert [r.text for r in gone] == short
    assert all(r.family == "learned" and r.reason.startswith("chrome p=1.00 (") for r in gone)
    assert "zebra word zebra" in art.body


def test_leaves_the_page_when_it_would_take_too_much(model):
    """Past MAX_CUT_SHARE of the kept characters the model is not trusted with the page."""
    learned.use_weights(_voting("w:zebra"), -5.0)
    lines = [f"Zebra line number {k}" for k in range(40)]
    text = "\n".join([BODY[0], *lines, BODY[1]])
    art = _extract(text, disable=frozenset({"outside-main-region", "navigation-run"}))
    assert not [r for r in art.removed if r.rule == "learned-chrome"]


def test_short_pages_are_left_alone(model):
    learned.use_weights(_voting("w:zebra"), -5.0)
    short_page = "\n".join([BODY[0], "Zebra kiosk", BODY[1]])
    assert _extract(short_page).body == "\n\n".join([BODY[0], "Zebra kiosk", BODY[1]])
    assert "Zebra kiosk" not in _extract(_page(["Zebra kiosk"])).body
    assert "Zebra kiosk" in boilerstrip.clean(_page(["Zebra kiosk"]))  # the default pipeline has no model


def _fit_module():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import fit_chrome
    finally:
        sys.path.pop(0)
    return fit_chrome


def test_body_labels_align_in_order():
    """Each gold 3-gram accounts for one line: a teaser repeating a body sentence after the body
    is chrome; a short heading is content beside content and chrome when its words are not in
    the gold."""
    from boilerstrip.segment import split_lines

    fc = _fit_module()
    gold = "Storm hits the coast\nThe storm reached the coast on Monday night and cut power to thousands of homes."
    text = "\n".join(
        [
            "Menu",
            "Storm hits the coast",
            "The storm reached the coast on Monday night and cut power to thousands of homes.",
            "Share on Facebook",
            "The storm reached the coast on Monday night and cut power to thousands of homes.",
            "coast",
        ]
    )
    lines = [x for x in split_lines(text) if x.text]
    assert fc.label_body(lines, gold) == [1.0, 0.0, 0.0, 1.0, 1.0, None]


def test_snippet_labels_are_partial():
    from boilerstrip.segment import split_lines

    fc = _fit_module()
    lines = [x for x in split_lines("Kommentare (3)\nDer Rat hat am Dienstag den Haushalt beschlossen.\nImpressum\nMehr lesen und Kommentare") if x.text]
    assert fc.label_snippets(lines, ["den Haushalt"], ["Kommentare"]) == [1.0, 0.0, None, 1.0]
