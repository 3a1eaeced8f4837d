"""The benchmark metrics in benchmarks/metrics.py: wcxb's word-bag F1 and the kept share behind the
lost-page rate, on hand-worked examples, and agreement with the shared scorer's replica of WCXB's
evaluate.py (``../shared/tools/metrics.py``) when it is there."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import metrics  # noqa: E402
import quality  # noqa: E402

SHARED_METRICS = ROOT / ".." / "shared" / "tools" / "metrics.py"


def test_wcxb_word_bag_by_hand() -> None:
    # gold: the(2) cat sat on mat = 6 tokens; output: The cat sat(2) = 4 tokens; overlap the, cat, sat = 3
    sc = metrics.wcxb_score("The cat sat on the mat.", "The cat SAT sat", "article")
    assert (sc.precision, sc.recall) == (3 / 4, 3 / 6)
    assert sc.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert sc.page_type == "article"


def test_wcxb_empty_cases() -> None:
    assert metrics.wcxb_score("some gold", "").f1 == 0.0  # an empty output lowers precision too
    assert metrics.wcxb_score("some gold", "").precision == 0.0
    assert metrics.wcxb_score("", "").f1 == 1.0
    assert metrics.wcxb_score("", "text").f1 == 0.0


def test_wcxb_snippet_rates_and_types() -> None:
    sc = metrics.wcxb_score("a b", "Hello World and more", "forum", with_=["hello world", "absent"], without=["MORE"])
    assert (sc.with_rate, sc.without_rate) == (0.5, 1.0)
    agg = metrics.wcxb_aggregate([sc, metrics.wcxb_score("x y", "x y", "article"), metrics.wcxb_score("x y", "x", "article")])
    assert list(agg["by_type"]) == ["article", "forum"]
    assert agg["by_type"]["article"]["f1"] == pytest.approx((1.0 + 2 / 3) / 2)
    assert agg["n"] == 3


def test_kept_tokens_count_cjk_and_thai_by_character() -> None:
    assert metrics.kept_tokens("東京都 Tokyo") == ["東", "京", "都", "tokyo"]
    assert metrics.kept_tokens("ภาษา") == ["ภ", "า", "ษ", "า"]
    # a Japanese clause is one \w+ token for wcxb, but three kept-share tokens: half of them kept is not all
    assert metrics.kept_share("今日は", "今日") == pytest.approx(2 / 3)


def test_kept_share_and_lost_rate() -> None:
    assert metrics.kept_share("one two three four", "two four five") == 0.5
    assert metrics.kept_share("", "anything") is None
    assert metrics.kept_share("Donaudampfschiff fährt", "Donau\u00addampf\u00adschiff fährt") == 1.0
    assert metrics.lost_rate([0.49, 0.5, None, 1.0, 0.0]) == (2, 4)


def test_trafilatura_gold_body_is_the_with_snippets() -> None:
    g = {"with": ["first kept part", "second"], "without": ["menu"]}
    assert quality.gold_body("trafilatura", g) == "first kept part\nsecond"
    page = quality.score_page("trafilatura", "x", g, "first kept part and menu")
    assert page.kept == 0.75 and not page.lost


def test_folds_keep_a_site_on_one_side() -> None:
    assert quality.host_of("https://www.Example.com/a") == quality.host_of("http://example.com/b?x=1") == "example.com"
    assert quality.fold_of(quality.host_of("https://www.example.com/a")) == quality.fold_of("example.com")


@pytest.mark.skipif(not SHARED_METRICS.exists(), reason="../shared/tools/metrics.py not found")
def test_wcxb_agrees_with_the_shared_replica() -> None:
    spec = importlib.util.spec_from_file_location("shared_metrics", SHARED_METRICS)
    assert spec and spec.loader
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    cases = [
        ("The cat sat on the mat.", "the cat sat sat"),
        ("Ünïcode Straße 東京都は晴れ", "straße 東京都は晴れ extra"),
        ("gold", ""),
        ("", ""),
        ("", "out"),
        ("a a a b", "a b b"),
    ]
    for gold, out in cases:
        mine = metrics.wcxb_score(gold, out, with_=["Cat Sat", "zz"], without=["mat"])
        theirs = ref.wcxb_doc({"body": gold, "with": ["Cat Sat", "zz"], "without": ["mat"]}, out)
        assert (mine.precision, mine.recall, mine.f1, mine.with_rate, mine.without_rate) == (
            theirs["precision"], theirs["recall"], theirs["f1"], theirs["with_rate"], theirs["without_rate"]), (gold, out)


def test_snippet_places_by_hand() -> None:
    """benchmarks/snippets.py: where the kept ``without`` snippets sit against the kept ``with`` ones."""
    import snippets

    text = (
        "The council approved the new budget on Tuesday after a long and heated debate in the chamber.\n\n"
        "Officials said most of the money would go to schools, roads and public transport next year.\n\n"
        "Residents will be able to comment on the plans at a public meeting in the town hall in March."
    )
    gold = {
        "with": ["approved the new budget", "public meeting in the town hall"],
        "without": ["most of the money would go", "not on the page at all", "approved the new"],
    }
    rows = snippets.place(text, gold)
    assert [(r["where"], r["line"], r["lines"]) for r in rows] == [("between", 1, 3), ("between", 0, 3)]
    assert snippets.place(text, {"with": ["not kept anywhere"], "without": ["heated debate"]})[0]["where"] == "no-with"
    after = snippets.place(text, {"with": ["approved the new budget"], "without": ["public meeting"]})
    assert (after[0]["where"], after[0]["from_last_with"], after[0]["left_after"]) == ("after", 2, 0)
