"""The HTML path's data: a :class:`Block` is one flattened paragraph-like run of text with its
DOM features. :mod:`.dom` makes the blocks and :mod:`.blocks` weighs them to pick the main
region; both import the type from here, so neither needs the other to know what a block is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Block:
    """One flattened block and its DOM features."""

    text: str
    tag: str  # the block element's tag (p, h2, li, td, div...)
    depth: int
    container: int  # mem_id of the nearest block-level ancestor
    ancestors: tuple[int, ...]  # mem_ids of the block-level ancestors, nearest first
    heading: int = 0  # 1..6 for h1..h6
    in_list: bool = False
    link_chars: int = 0
    in_quote: bool = False
    in_table: bool = False
    in_figure: bool = False
    main_hint: bool = False  # inside <article>, <main> or an articleBody-like element
    in_embed: bool = False  # inside an embedded social post (blockquote "twitter-tweet"...) the article quotes
    folded: bool = False  # inside an aria-hidden element shown as content (a closed slide or answer)
    chrome: str | None = None  # set for a whole chrome element flattened to one block: why
    card_text: bool = False  # the heading or a sentence of a card linked whole: text, not link text (see .cards)
    # structure for Markdown output (boilerstrip.markdown): mem_ids of the nearest list, table row,
    # table and <pre> around the block (0: none), the list's kind and nesting, a header cell
    list_id: int = 0
    ordered: bool = False
    list_depth: int = 0
    row: int = 0
    table: int = 0
    th: bool = False
    pre: int = 0

    @property
    def link_density(self) -> float:
        """Linked share of the text; a card's heading and sentences read as text (see .cards)."""
        return 0.0 if self.card_text else self.link_chars / max(1, len(self.text))


def kept_text(blocks: list[Block], out: list[str | None]) -> list[int]:
    """Positions of the kept blocks that are text, not headings (``out[i] is None``: kept). The
    first and last of them bound what lies "between the text kept", which several steps of
    :func:`boilerstrip.html.blocks.decide` read (inner prose, linked titles and lines)."""
    return [i for i, r in enumerate(out) if r is None and not blocks[i].heading]
