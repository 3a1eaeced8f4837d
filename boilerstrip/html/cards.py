"""Cards linked whole: one ``<a>`` around a card's heading and its description (a service page's
offering or feature cards, a platform's solution tiles, a resource card's title and summary).

Inside such a link every character is link text, so the card's description reads as a menu entry
(link density 1): it weighs against its region and is dropped as a link list, though it is a
sentence the page wrote as its text. A menu entry or a teaser's linked title is a phrase; a link
that holds a heading (``h2``-``h6``) wraps a card, and its heading and its sentences are the card's
text. :mod:`.dom` marks such blocks (``Block.card_text``) and :attr:`.model.Block.link_density`
reads them as plain text, so they weigh as prose in the choice of the region and are no link list.
A link without a heading (a menu entry, a teaser's title and line set in ``div``s) stays link text:
read as text too, such teasers took a listing's region (derived on wcxb dev fold a: 0.8600 ->
0.8607, service 0.823 -> 0.828; fold b 0.8594 -> 0.8606, service 0.829 -> 0.831, listing 0.646 ->
0.660, lost 38 -> 37; ScrapingHub unchanged, the trafilatura set 0.9525 -> 0.9523). Its price: a
tail of blog teasers linked whole after a page's text, which trafilatura keeps, is no longer
dropped as a link list.
"""

from __future__ import annotations

from typing import Any, Final

#: A block inside a card link is the card's text when it is its heading, or at least this long
#: (chars: the length at which a block counts as prose, blocks.PROSE_MIN_CHARS) ...
CARD_TEXT_MIN_CHARS: Final = 60
#: ... and ends as a sentence does (a label or a "Learn more" does not).
_SENTENCE_END: Final = (".", "!", "?", "。", "！", "？", "…")
#: The headings a card's title is set in (an ``h1`` is the page's title, not a card's).
_CARD_HEADINGS: Final = "h2, h3, h4, h5, h6"


def is_card_link(node: Any) -> bool:
    """Whether the ``<a>`` ``node`` wraps a card: it goes somewhere and holds a heading (the card's
    title; its description follows inside the same link)."""
    return "href" in node.attrs and node.css_first(_CARD_HEADINGS) is not None


def is_card_text(text: str) -> bool:
    """Whether a block of a card link reads as the card's description (a sentence), not a label."""
    return len(text) >= CARD_TEXT_MIN_CHARS and text.endswith(_SENTENCE_END) and " " in text
