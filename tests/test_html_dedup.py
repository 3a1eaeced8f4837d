"""Block de-duplication in HTML mode (``blocks._drop_repeats``): what counts as a repeat, and that
its work grows linearly with the page (it used to search the whole earlier text again for every
block: 7 s at 8,000 blocks)."""

from __future__ import annotations

import random

import ahocorasick
import pytest
from counting import CountingAutomaton

from boilerstrip.html import blocks as B
from boilerstrip.html.dom import Block


def _blocks(texts: list[str]) -> list[Block]:
    return [Block(t, "p", 1, 0, (0,)) for t in texts]


def _reference(texts: list[str], out: list[str | None]) -> list[str | None]:
    """The definition, written the direct (quadratic) way: a kept block repeats when it equals an
    earlier kept one (>= REPEAT_MIN_CHARS), or is long and its head and tail both occur in the
    earlier kept text joined by spaces."""
    out = list(out)
    seen: set[str] = set()
    joined = ""
    for i, t in enumerate(texts):
        if out[i] is not None:
            continue
        if (len(t) >= B.REPEAT_MIN_CHARS and t in seen) or (
            len(t) >= B.REPEAT_LONG_CHARS and t[: B.MATCH_PIECE] in joined and t[-B.MATCH_PIECE :] in joined
        ):
            out[i] = B.REPEAT
            continue
        seen.add(t)
        joined += " " + t
    return out


WORDS = "the council approved budget on tuesday evening after debate that lasted four hours road fund".split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_a_printed_twice_article_loses_its_second_copy_only():
    a = "The council approved the new budget on Tuesday evening after a debate that lasted almost four hours. " * 3
    b = "Spending on schools rises by three percent, while the road maintenance fund is cut for the second year. " * 3
    texts = [a.strip(), b.strip(), "Short line kept twice", "Short line kept twice", a.strip(), "x" * 10, "x" * 10]
    out: list[str | None] = [None] * len(texts)
    B._drop_repeats(_blocks(texts), out)
    assert out == [None, None, None, B.REPEAT, B.REPEAT, None, None]  # under REPEAT_MIN_CHARS: not a repeat


def test_a_long_block_whose_head_and_tail_straddle_earlier_blocks_is_a_repeat():
    # the earlier copy was split into other blocks: the head spans the boundary of two of them
    first = "Opening words of the story that the page printed in two separate paragraphs"
    second = "and then it went on for a good while with more words than anyone needed to read in full " * 3
    copy = (first + " " + second).strip()
    out: list[str | None] = [None, None, None]
    B._drop_repeats(_blocks([first, second.strip(), copy]), out)
    assert out == [None, None, B.REPEAT]


def test_dropped_blocks_and_repeats_are_not_earlier_text():
    long = "The mayor replied that the city had no choice, given the fall in tax revenue since the factory closed. " * 3
    texts = [long.strip(), long.strip() + " Extra.", long.strip()]
    out: list[str | None] = ["outside", None, None]  # the first copy was dropped by another decision
    B._drop_repeats(_blocks(texts), out)
    assert out == ["outside", None, B.REPEAT]


@pytest.mark.parametrize("seed", range(40))
def test_same_verdicts_as_the_direct_definition(seed):
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(rng.randint(1, 40)):
        r = rng.random()
        if texts and r < 0.25:
            texts.append(rng.choice(texts))  # an exact repeat
        elif len(texts) > 1 and r < 0.45:  # a re-flowed copy of two earlier blocks
            j = rng.randrange(len(texts) - 1)
            texts.append(texts[j] + " " + texts[j + 1])
        else:
            texts.append(_text(rng, rng.choice((2, 5, 30, 60))))
    out: list[str | None] = [("dropped" if rng.random() < 0.15 else None) for _ in texts]
    expected = _reference(texts, out)
    B._drop_repeats(_blocks(texts), out)
    assert out == expected


def _scan_work(n: int, monkeypatch) -> tuple[int, int, int]:
    rng = random.Random(n)
    texts = [_text(rng, 45) for _ in range(n)]
    monkeypatch.setattr(ahocorasick, "Automaton", CountingAutomaton)
    CountingAutomaton.reset()
    out: list[str | None] = [None] * n
    B._drop_repeats(_blocks(texts), out)
    return CountingAutomaton.scanned, CountingAutomaton.built, sum(len(t) + 1 for t in texts)


def test_the_scan_reads_each_kept_character_once(monkeypatch):
    for n in (1000, 8000):
        scanned, built, total = _scan_work(n, monkeypatch)
        assert built == 1  # one automaton per page, not one search per block
        # every kept character once, plus the carried end of the text before each block (so a
        # piece spanning two blocks is found): linear in the page (quadratic would be ~n/2 x total)
        assert total <= scanned <= total + (B.MATCH_PIECE - 1) * n
