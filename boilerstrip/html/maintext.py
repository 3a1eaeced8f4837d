"""trafilatura's main text, indexed for matching the page's blocks against it (:class:`MainText`).

:func:`boilerstrip.html.blocks.decide` asks, for every block, whether trafilatura kept it
(:meth:`MainText.found`): as one of its lines, or inside its text, whole or by head and tail.
Self-contained: it reads blocks and trafilatura's text; :mod:`.blocks` and :mod:`boilerstrip.html`
import it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model import SOFT_HYPHEN
from ..segment import normalize
from .model import Block

#: Blocks longer than this are matched to trafilatura's text by their head and tail (trafilatura
#: may re-flow a long paragraph around inline elements).
MATCH_EDGE_CHARS = 120
#: A block shorter than this must equal a whole line of trafilatura's output to match it (a
#: menu entry such as "Sport" occurs inside any article that mentions sport).
MATCH_MIN_CHARS = 40
#: ... and one shorter than this must always equal a line.
MATCH_SHORT_CHARS = 12
#: Length of the head/tail pieces used for matching long blocks.
MATCH_PIECE = 50

#: Blocks that are not a line of the main text are looked for inside it one by one (``in``, each a
#: scan of the text) while that costs at most this many chars scanned (blocks x text length): on
#: any real page. Past it (tens of thousands of blocks trafilatura leaves out) they are looked for
#: all together in one Aho-Corasick pass over the text, so the work stays linear in the page
#: (one scan per block was quadratic: 1.4 s for 16,000 blocks, 4x per doubling).
SCAN_BUDGET_CHARS = 5_000_000

#: trafilatura prints a table row as "| cell | cell |" and a list item as "- item": its cells and
#: items count as lines, so short cells and items ("Weight", "2 kg") match their blocks.
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


class MainText:
    """trafilatura's output, indexed for matching blocks: its lines and its whole text."""

    def __init__(self, text: str):
        # soft hyphens are left out on both sides: the page's blocks keep them, trafilatura's
        # text may not
        text = text.replace(SOFT_HYPHEN, "")
        self.lines = {normalize(t) for t in text.splitlines()}
        self.lines.discard("")
        for t in list(self.lines):  # table cells and list items are lines too (see _CELL_SPLIT)
            if t.startswith("|") and t.endswith("|"):
                self.lines.update(c for c in (normalize(c.replace("\\|", "|")) for c in _CELL_SPLIT.split(t[1:-1])) if c)
            elif t.startswith("- "):
                self.lines.add(t[2:])
        self.text = " ".join(normalize(t) for t in text.splitlines())
        # matched without spaces: trafilatura puts spaces around inline elements ("„ Geeignete
        # Konzepte “") where the page has none, and drops some the page has
        self.squashed = "".join(self.text.split())

    def __len__(self) -> int:
        return len(self.text)

    def has(self, b: Block) -> bool:
        """A block is in the main text as one of its lines, or (unless it is a short link, which
        could be a menu entry such as "Sport" that any article mentions) inside it, whole or by
        its head and tail (trafilatura re-flows text around inline tags)."""
        block = b.text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in b.text else b.text
        if block in self.lines:
            return True
        if len(block) < MATCH_MIN_CHARS and (b.link_chars or len(block) < MATCH_SHORT_CHARS):
            return False
        block = "".join(block.split())
        if block in self.squashed:
            return True
        return len(block) > MATCH_EDGE_CHARS and block[:MATCH_PIECE] in self.squashed and block[-MATCH_PIECE:] in self.squashed

    def found(self, blocks: list[Block]) -> list[bool]:
        """:meth:`has` of every block (chrome blocks: False), in time linear in the page."""
        out = [False] * len(blocks)
        wanted: dict[str, list[int]] = {}  # a block's text without spaces -> the blocks that have it
        for i, b in enumerate(blocks):
            if b.chrome:
                continue
            block = b.text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in b.text else b.text
            if block in self.lines:
                out[i] = True
            elif len(block) >= MATCH_MIN_CHARS or (not b.link_chars and len(block) >= MATCH_SHORT_CHARS):
                wanted.setdefault("".join(block.split()), []).append(i)
        inside: Callable[[str], bool] = self.squashed.__contains__
        if len(wanted) * len(self.squashed) > SCAN_BUDGET_CHARS:
            inside = _occurring((p for w in wanted for p in _searched(w)), self.squashed)
        for w, idx in wanted.items():
            if inside(w) or (len(w) > MATCH_EDGE_CHARS and inside(w[:MATCH_PIECE]) and inside(w[-MATCH_PIECE:])):
                for i in idx:
                    out[i] = True
        return out


def _searched(w: str) -> tuple[str, ...]:
    """What :meth:`MainText.found` may look for of a block: the whole, and a long one's head and tail."""
    return (w, w[:MATCH_PIECE], w[-MATCH_PIECE:]) if len(w) > MATCH_EDGE_CHARS else (w,)


def _occurring(patterns: Iterable[str], text: str) -> Callable[[str], bool]:
    """Which of ``patterns`` occur in ``text``, found in one Aho-Corasick pass: a test for any of
    them (the empty string occurs in every text)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for p in set(patterns):
        if p:
            automaton.add_word(p, p)
    seen: set[str] = {""}
    if len(automaton):
        automaton.make_automaton()
        seen.update(p for _, p in automaton.iter(text))
    return seen.__contains__
