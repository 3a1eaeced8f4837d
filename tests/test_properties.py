"""Properties over generated articles with injected chrome (issue 5), plus "never crashes" on
arbitrary text. The article strategy (fuzz/strategies.py) draws prose from a word pool and chrome
lines from the package catalogues at run time, inserted at random places.

Run longer with the env var ``BOILERSTRIP_PROPERTY_EXAMPLES=500``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip.api import replay
from boilerstrip.segment import normalize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
import strategies  # noqa: E402

# derandomize: CI replays the same examples every run, so a red build always means a change in
# the code, never a lucky draw; fuzz/run.py explores at random for as long as you let it (and
# BOILERSTRIP_PROPERTY_RANDOM=1 does here).
PROPS = settings(
    max_examples=int(os.environ.get("BOILERSTRIP_PROPERTY_EXAMPLES", "30")),
    derandomize=not os.environ.get("BOILERSTRIP_PROPERTY_RANDOM"),
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _source_lines(text: str) -> set[str]:
    return {normalize(raw) for raw in text.splitlines()}


@PROPS
@given(strategies.articles())
def test_every_output_line_comes_from_the_input(text):
    body = boilerstrip.clean(text, input_format="text")
    source = _source_lines(text)
    for line in body.split("\n"):
        assert line == "" or line in source, line


@PROPS
@given(strategies.articles())
def test_the_removal_log_replays_to_the_output(text):
    art = boilerstrip.extract(text, input_format="text")
    assert replay(text, art.removed) == art.body


@PROPS
@given(strategies.articles())
def test_removals_are_in_input_order_and_name_input_lines(text):
    """(A span may enclose lines an earlier rule took: ranges are counted among surviving lines.)"""
    art = boilerstrip.extract(text, input_format="text")
    starts = [r.start_line for r in art.removed]
    assert starts == sorted(starts)
    raw = text.splitlines()
    for r in art.removed:
        assert 1 <= r.start_line <= r.end_line <= len(raw)
        assert normalize(raw[r.start_line - 1]) == r.text.split("\n")[0]


@PROPS
@given(strategies.articles())
def test_output_is_deterministic(text):
    assert boilerstrip.clean(text) == boilerstrip.clean(text)


@PROPS
@given(strategies.articles())
def test_clean_is_idempotent(text):
    body = boilerstrip.clean(text, input_format="text")
    assert boilerstrip.clean(body, input_format="text") == body


# Found by hypothesis: a prose line right after a removed comments label used to join a bullet
# run in the first pass (and a later "auteur :" line then exempted the whole run as a colon list).
IDEMPOTENCE_REGRESSION = (
    "0 comentarios\n  The the the the the the\t\n  The the the the the the.\t\n  The the the the the the.\t\n"
    "  • the the\n• the the\n• the the\n• the the\t\n  0 comentarios\t\n  The the the the the the.\t\n  auteur :\t\n"
    "  0 comentarios\t\n  0 comentarios\t\n  The the the the the the.\t\n  The the the the the the.\t\n  The the the the the the.\t"
)


@PROPS
@given(strategies.articles())
@example(IDEMPOTENCE_REGRESSION)
def test_clean_is_idempotent_without_header_title(text):
    """Every other rule is idempotent: the second pass removes nothing."""
    body = boilerstrip.clean(text, input_format="text", disable={"header-title"})
    assert boilerstrip.clean(body, input_format="text", disable={"header-title"}) == body


@PROPS
@given(strategies.articles(), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_bytes_and_str_agree(text, encoding):
    assert boilerstrip.clean(text.encode(encoding), input_format="text") == boilerstrip.clean(text, input_format="text")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text):
    art = boilerstrip.extract(text)
    assert isinstance(art.body, str)
    if not boilerstrip.api._looks_like_html(text):
        assert replay(text, art.removed) == art.body


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_text_or_input_error(data):
    try:
        assert isinstance(boilerstrip.clean(data), str)
    except boilerstrip.InputError as exc:
        assert str(exc)


@PROPS
@given(strategies.html_pages())
def test_html_pages_never_crash_and_keep_only_page_text(page):
    body = boilerstrip.clean(page, input_format="html")
    tags = re.findall(r"</?[a-zA-Z][^<>]*>", body)
    assert not tags, tags[:3]  # markup never leaks into the text


def test_same_output_in_a_fresh_process():
    """Determinism across processes (no hash-seed or import-order dependence)."""
    text = _FIXED
    code = "import sys, boilerstrip; sys.stdout.write(boilerstrip.clean(sys.stdin.read()))"
    outs = {
        subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("0", "1", "12345")
    }
    assert outs == {boilerstrip.clean(text)}


_FIXED = (
    "Council approves new budget\nBy Anna Keller\nAdvertisement\n"
    "The council approved the new budget on Tuesday after a long debate about schools and roads.\n\n"
    "Share this article\nSign up to our newsletter\n"
    "Crews expect to restore power to most homes by the end of the week, officials said.\n"
    "Related Articles\nAnother story about the weather this weekend\nSource link\n"
)
