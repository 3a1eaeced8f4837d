"""Matching the page's blocks to trafilatura's text (``maintext.MainText.found``): the same answer
as asking block by block (``has``), and work linear in the page (one scan of trafilatura's text per
block was quadratic: 1.4 s for 16,000 blocks, 4x per doubling)."""

from __future__ import annotations

import random

import ahocorasick
import pytest
from counting import CountingAutomaton

from boilerstrip.html import maintext as M
from boilerstrip.html.model import Block
from boilerstrip.model import SOFT_HYPHEN

WORDS = "the council approved budget on tuesday evening after debate that lasted four hours road fund".split()


def _page(seed: int, n: int) -> tuple[M.MainText, list[Block]]:
    """Blocks of every kind ``has`` tells apart (lines, short links, long re-flowed paragraphs,
    soft hyphens, chrome, blocks that are not there), and a main text holding some of them."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    lines: list[str] = []
    for _ in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.choice((1, 2, 4, 8, 30, 40))))
        if rng.random() < 0.1:
            text = text.replace(" ", f"{SOFT_HYPHEN} ", 2)
        block = Block(text, "p", 1, 0, (0,), link_chars=len(text) if rng.random() < 0.3 else 0, chrome="nav" if rng.random() < 0.05 else None)
        blocks.append(block)
        kind = rng.random()
        if kind < 0.3:
            lines.append(text)  # one of its lines
        elif kind < 0.5:
            lines.append(f"before {text.replace(' ', '  ')} after")  # inside a line, spaced differently
        elif kind < 0.6 and len(text) > M.MATCH_EDGE_CHARS:
            lines.append(text[: M.MATCH_PIECE + 5] + " [inline] " + text[-M.MATCH_PIECE - 5 :])  # re-flowed: head and tail
    return M.MainText("\n".join(lines)), blocks


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("budget", [M.SCAN_BUDGET_CHARS, -1])  # per-block scans, and the one-pass automaton
def test_found_answers_as_has_does_block_by_block(monkeypatch, seed, budget):
    monkeypatch.setattr(M, "SCAN_BUDGET_CHARS", budget)
    traf, blocks = _page(seed, 600)
    found = traf.found(blocks)
    assert found == [not b.chrome and traf.has(b) for b in blocks]
    assert any(found) and not all(found)


def test_a_block_of_soft_hyphens_and_spaces_is_in_any_text(monkeypatch):
    # it squashes to "", which occurs in every text (as ``has`` says): the automaton cannot hold it
    monkeypatch.setattr(M, "SCAN_BUDGET_CHARS", -1)
    block = Block(f"{SOFT_HYPHEN} " * 13 + SOFT_HYPHEN, "p", 1, 0, (0,))
    traf = M.MainText("Some other text of the page that trafilatura kept.")
    assert traf.found([block]) == [traf.has(block)] == [True]


def test_many_blocks_left_out_cost_one_pass_over_the_text(monkeypatch):
    monkeypatch.setattr(ahocorasick, "Automaton", CountingAutomaton)
    for n in (2_000, 16_000):
        CountingAutomaton.reset()
        traf, blocks = _page(n, n)
        traf.found(blocks)
        assert len(blocks) * len(traf.squashed) > M.SCAN_BUDGET_CHARS  # past the budget ...
        assert (CountingAutomaton.built, CountingAutomaton.scanned) == (1, len(traf.squashed))  # ... one automaton, the text read once
