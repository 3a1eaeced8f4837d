"""split_lines inlines normalize() and hands Line its words (a speed path): every slot must equal
what the public constructor ``Line(index, raw, normalize(raw), blank_before)`` gives for the same line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip.model import LINE_FIELDS, MEMO_SLOTS, Line
from boilerstrip.segment import normalize, split_lines

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BOILERSTRIP_EVALDATA", ROOT.parent / "shared" / "evaldata"))

# one line per path through split_lines: ASCII fast path, spaces to fold, tabs and controls,
# NBSP and other Unicode spaces, invisible characters, decomposed accents, curly apostrophes
# (Line.key unifies them), case folding that is not lower() (ß, final sigma), key decorations
TRICKY = (
    "Plain ASCII line.",
    "   Leading, trailing   and  double  spaces   ",
    "tab\tseparated\t\tcolumns",
    "bell\x07 and\x1f unit separator, DEL\x7f",
    "NBSP\u00a0between\u2009thin\u3000ideographic spaces",
    "Adver\u00adtisement \u200bzero\u2060width\ufeff bom",
    "bidi \u202aembedded\u202c \u2066isolate\u2069 \u200emark\u200f",
    "C1 \x85 next-line and \x9b csi",
    "Cafe\u0301 cre\u0300me bru\u0302le\u0301e",
    "It’s the ‘best’ — isn’t it?",
    "STRASSE Straße ΟΔΟΣ ΣΊΣΥΦΟΣ İstanbul ǅemal ﬁne",
    "• Related Posts »",
    "Share this: …",
    "[ Menu ]",
    "   ",
    "",
    "\u00a0\u200b",
    "ＦＵＬＬＷＩＤＴＨ ａｓｃｉｉ",
    "Привет, мир — «Новости»",
    "北京时间昨天晚上，中国队获得了冠军。",
)
SEPARATORS = ("\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
SLOTS = LINE_FIELDS
MEMOS = (*MEMO_SLOTS, "_hints")  # memos, and lexicon.line_hints' mask


def test_the_slot_lists_cover_every_slot_of_line():
    if not hasattr(Line, "__slots__"):  # compiled with mypyc (setup.py): no __slots__ at run time
        pytest.skip("Line is compiled; the plain-Python run of this test checks the slots")
    assert sorted(Line.__slots__) == sorted(SLOTS + MEMOS)


def assert_same_as_constructor(text: str) -> None:
    lines = split_lines(text)
    raws = text.splitlines()
    assert len(lines) == len(raws)
    for i, (line, raw) in enumerate(zip(lines, raws, strict=True)):
        blank_before = i > 0 and not normalize(raws[i - 1])
        ref = Line(i, raw, normalize(raw), blank_before)
        for slot in SLOTS:
            assert getattr(line, slot) == getattr(ref, slot), (slot, raw)
            assert type(getattr(line, slot)) is type(getattr(ref, slot)), (slot, raw)
        for slot in MEMOS:  # memo slots start empty (rules fill them on first use)
            assert getattr(line, slot) is None, (slot, raw)


def test_every_slot_is_set_on_every_path() -> None:
    assert_same_as_constructor("\n".join(TRICKY))


@pytest.mark.parametrize("sep", SEPARATORS)
def test_line_separators(sep: str) -> None:
    assert_same_as_constructor(sep.join(TRICKY) + sep + sep + "last")


def test_words_are_own_lists() -> None:
    """Each line owns its ``words`` list (blank lines too), as Line() gives it."""
    lines = split_lines("\n\nA b\n\n")
    assert len({id(line.words) for line in lines}) == len(lines)


def test_seed_fixtures() -> None:
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        assert_same_as_constructor(path.read_text(encoding="utf-8"))


def test_dev_pages() -> None:
    pages = sorted(DATA.glob("*/flat-*/*.txt"))[::7]
    if not pages:
        pytest.skip(f"no evaluation data in {DATA} (set BOILERSTRIP_EVALDATA)")
    for path in pages:
        assert_same_as_constructor(path.read_text(encoding="utf-8"))


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(TRICKY + SEPARATORS + (" ", "x", "É", "’")), max_size=30).map("".join))
def test_any_mix(text: str) -> None:
    assert_same_as_constructor(text)
