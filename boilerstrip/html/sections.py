"""The page's tail and the labels of dropped sections: what the front end kept past the article.

Two shapes of the same family (chrome around the article that the main-text choice let through):

* :func:`drop_orphan_headings`: a heading (h2..h6) opens a section that runs to the next heading
  of its level or above. When the front end dropped every block of that section and they are
  chrome elements or links (a related-links box, a teaser run, a "further information" list), the
  heading is that box's label left between two kept paragraphs. Headings after the last kept
  paragraph are :func:`boilerstrip.html.blocks.decide`'s trailing headings; this is the same
  label in the middle of the page.
* :func:`drop_after_end`: a whole chrome element (share bar, comment form, sidebar) after most of
  the kept text ends the article; kept blocks after it outside the article's box are the page's
  tail (related teasers, a sign-up or contact box, a "more from this series" box).
"""

from __future__ import annotations

from typing import Final

from .model import Block

#: The reason logged for a heading whose section was dropped.
ORPHAN_HEADING: Final = "heading whose section was dropped"
#: A section needs at least this many blocks (all dropped) for its heading to go: a heading
#: directly followed by a subheading or by one dropped image caption is not a dropped section.
ORPHAN_MIN_BLOCKS: Final = 2
#: ... and every block of it is a chrome element or a link (at least this share of its text
#: linked): a section of teasers or links, not article text the front end missed.
LINKED_SHARE: Final = 0.5


def drop_orphan_headings(blocks: list[Block], out: list[str | None]) -> None:
    """Drop each kept heading (h2..h6) whose section (the blocks up to the next heading of its
    level or above) holds at least ORPHAN_MIN_BLOCKS blocks, all dropped, each a chrome element or
    a link (LINKED_SHARE). A section that runs to the end of the page is left to the trailing
    headings of :func:`boilerstrip.html.blocks.decide`."""
    n = len(blocks)
    for i, b in enumerate(blocks):
        if out[i] is not None or b.heading < 2:
            continue
        j = i + 1
        kept = False
        while j < n and not (blocks[j].heading and blocks[j].heading <= b.heading):
            if out[j] is None or not (blocks[j].chrome or blocks[j].link_density >= LINKED_SHARE):
                kept = True
                break
            j += 1
        if not kept and j < n and j - i - 1 >= ORPHAN_MIN_BLOCKS:
            out[i] = ORPHAN_HEADING


#: The reason logged for a kept block after the article's end.
AFTER_END: Final = "after a chrome element that ends the article"
#: A whole chrome element (share bar, comment form, sidebar...) that follows at least this share
#: of the kept text ends the article ...
END_SHARE: Final = 0.8
#: ... and the kept blocks after it that lie outside the element holding the kept text before it
#: (the article's box, see BOX_SHARE: entries of a listing or posts of a thread after a reply form
#: share it and stay) are the page's tail (related teasers, a sign-up box), as long as they hold at
#: most this share of the kept text (never the article's second half after an inline ad box).
TAIL_MAX_SHARE: Final = 0.2
#: The article's box: the deepest element around the longest kept block before the end that holds
#: this share of the kept text before it (the title or a lead outside it do not widen it to the
#: whole page).
BOX_SHARE: Final = 0.8


def drop_after_end(blocks: list[Block], out: list[str | None]) -> None:
    """Drop the page's tail: kept blocks after a chrome element that closes the article text
    (END_SHARE of it before the element), outside the box that holds the text before it."""
    kept = [i for i, r in enumerate(out) if r is None]
    total = sum(len(blocks[i].text) for i in kept)
    if not total:
        return
    seen = 0
    end = None
    for i, b in enumerate(blocks):
        if out[i] is None:
            seen += len(b.text)
        elif b.chrome and seen >= END_SHARE * total:
            end = i
            break
    if end is None:
        return
    box = _article_box([blocks[i] for i in kept if i < end])
    if box is None:
        return
    tail = [i for i in kept if i > end and box not in blocks[i].ancestors]
    if tail and sum(len(blocks[i].text) for i in tail) <= TAIL_MAX_SHARE * total:
        for i in tail:
            out[i] = AFTER_END


def _article_box(found: list[Block]) -> int | None:
    """The deepest block-level ancestor (mem_id) of the longest of ``found`` that holds BOX_SHARE
    of their text; None short of the root (the text spreads over the whole page)."""
    if not found:
        return None
    chars: dict[int, int] = {}
    for b in found:
        for a in b.ancestors:
            chars[a] = chars.get(a, 0) + len(b.text)
    total = sum(len(b.text) for b in found)
    longest = max(found, key=lambda b: len(b.text))
    # nearest first; the outermost two (body, html) are no box
    return next((a for a in longest.ancestors[:-2] if chars[a] >= BOX_SHARE * total), None)
