"""Own main-content choice: the DOM element whose blocks add up to the most prose.

Each block gets a weight (positive for prose: long, punctuated, few links; negative for
link lists and short fragments); every element sums the weights of the blocks inside it, and
the element with the largest sum is the main region (a maximum-subtree version of the
readability idea, which copes with articles split over several paragraphs' containers).
Blocks outside it, and link-heavy blocks inside it, are dropped with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .entries import keep_entries
from .maintext import MATCH_PIECE, MainText
from .model import Block, kept_text
from .sections import drop_after_end, drop_orphan_headings
from .structure import grid_boxes, keep_announced_lists, keep_headed_text, keep_linked_lines, keep_repeated_steps, keep_structure, keep_terms

#: A block at least this long (chars) with few links counts as prose.
PROSE_MIN_CHARS = 60
#: Link density above which a block is a link (list item, menu entry, teaser title).
LINK_DENSITY_MAX = 0.5
#: Weight of a link-heavy block per char (negative), relative to prose weight 1 per char.
LINK_PENALTY = 1.0
#: Weight of a short non-prose, non-link block per char.
SHORT_WEIGHT = -0.2
#: A prose block without sentence punctuation weighs this fraction of a punctuated one.
UNPUNCTUATED_FACTOR = 0.5
#: An unpunctuated block holding this separator is a line of fields (a dateline "PUBLISHED: 10:48,
#: Tue, Nov 19, 2019 | UPDATED: ...", "Last Updated : ... | Source: ..."), not prose: it weighs as
#: a short block (its date commas must not make it count as a sentence).
FIELD_SEPARATOR = " | "
#: Inside the main region, a block with link density above this is dropped as a link list.
REGION_LINK_DENSITY_MAX = 0.6
#: Prose blocks right next to the region (in page order) are added while they are this long.
EXTEND_MIN_CHARS = 100
#: ... and have at most this link density.
EXTEND_LINK_DENSITY_MAX = 0.2

#: A block inside the main region that is one printed address ("http://amzn.to/2iJFhRj", a
#: source's URL under a paragraph) is text the author wrote out, not a menu entry: not a link list.
_URL = re.compile(r"(?:https?://|www\.)\S+")

LINK_LIST = "link list in the main region"
OUTSIDE = "outside the main region"
NO_REGION = "no prose region on the page"
_END = (".", "!", "?", "。", "！", "？", ":", "»", '"', "”", "…", ")")


def weight(b: Block) -> float:
    if b.folded:
        return 0.0  # text a screen reader skips does not pick the region (see .hidden)
    n = len(b.text)
    ld = b.link_density
    if ld > LINK_DENSITY_MAX:
        return -LINK_PENALTY * n * ld
    if b.heading:
        return 0.0
    if n >= PROSE_MIN_CHARS and not (FIELD_SEPARATOR in b.text and not b.text.endswith(_END)):
        w = n * (1.0 - ld)
        return w if b.text.endswith(_END) or "," in b.text else w * UNPUNCTUATED_FACTOR
    return SHORT_WEIGHT * n


def main_region(blocks: list[Block], weigh: Callable[[Block], float] = weight) -> tuple[int | None, dict[int, float]]:
    """The mem_id of the element holding the most prose weight (or ``weigh``'s), and every element's sum."""
    sums: dict[int, float] = {}
    for b in blocks:
        if b.chrome:
            continue
        w = weigh(b)
        for a in b.ancestors:
            sums[a] = sums.get(a, 0.0) + w
    if not sums:
        return None, sums
    best = max(sums, key=sums.__getitem__)
    return best, sums


def select(blocks: list[Block]) -> list[str | None]:
    """Per block: None to keep, or the reason it is not article (outside region, link list)."""
    best, sums = main_region(blocks)
    if best is None or sums[best] <= 0:
        return [b.chrome or NO_REGION for b in blocks]
    inside = [best in b.ancestors and not b.chrome for b in blocks]
    idx = [i for i, v in enumerate(inside) if v]
    if idx:
        lo, hi = idx[0], idx[-1]
        while lo > 0 and _extends(blocks[lo - 1]):
            lo -= 1
            inside[lo] = True
        while hi + 1 < len(blocks) and _extends(blocks[hi + 1]):
            hi += 1
            inside[hi] = True
    out: list[str | None] = []
    for b, ok in zip(blocks, inside, strict=True):
        if b.chrome:
            out.append(b.chrome)
        elif not ok:
            out.append(OUTSIDE)
        elif b.link_density > REGION_LINK_DENSITY_MAX and not b.heading and not _URL.fullmatch(b.text):
            out.append(LINK_LIST)
        else:
            out.append(None)
    return out


def _extends(b: Block) -> bool:
    return not b.chrome and len(b.text) >= EXTEND_MIN_CHARS and b.link_density <= EXTEND_LINK_DENSITY_MAX and b.text.endswith(_END)


# --------------------------------------------------------------------------- combining with trafilatura

#: An own region with less prose than this (chars) is not trusted; trafilatura's choice wins.
OWN_MIN_CHARS = 200
#: When at least this share of the own region's text is also in trafilatura's output, the two
#: agree on the region and only blocks both keep survive (each one's extra chrome goes).
AGREE_SHARE = 0.5
#: ... and that shared text covers at least this share of trafilatura's text; below, the own region is one part
#: of a longer main text (a section of a multi-part page) and trafilatura's whole choice is used.
COVER_SHARE = 0.7
#: ... provided that what trafilatura adds is mostly prose (at least this share of its chars).
BEYOND_PROSE_SHARE = 0.5
#: On disagreement, trafilatura's output shorter than this (chars) is a fragment: keep own region.
TRAF_MIN_CHARS = 500
#: A kept block this long that equals an earlier kept block is a repeat.
REPEAT_MIN_CHARS = 20
#: A kept block this long whose head and tail both occur in the earlier kept text is a repeat.
REPEAT_LONG_CHARS = 200
REPEAT = "repeats text kept earlier on the page"
#: A paragraph above the agreed main text is kept as the lead when it is this long ...
LEAD_MIN_CHARS = 80
#: ... and has at most this link density.
LEAD_LINK_DENSITY_MAX = 0.1
#: How many blocks above the first kept paragraph are scanned for a lead.
LEAD_SCAN_BLOCKS = 6
BY_TRAFILATURA = "not in the main text (own region and trafilatura agree)"
TRAF_ONLY = "not in trafilatura's main text (own region too weak)"


def _prose_beyond(blocks: list[Block], own: list[str | None], found: list[bool]) -> bool:
    """Does trafilatura keep mostly text outside the own region (not a menu of links it swept up)?"""
    extra = [blocks[i] for i, r in enumerate(own) if r is not None and found[i]]
    total = sum(len(b.text) for b in extra)
    prose = sum(len(b.text) for b in extra if b.link_density <= LINK_DENSITY_MAX)
    return total > 0 and prose >= BEYOND_PROSE_SHARE * total


def _keep_lead(blocks: list[Block], own: list[str | None], found: list[bool], out: list[str | None]) -> None:
    """Prose paragraphs of the own region just above the first kept paragraph stay (a lead or
    standfirst that trafilatura skips); captions, short lines and links in between are passed
    over, and the scan stops at the title (``h1``).

    A paragraph just outside the own region that trafilatura keeps can be the lead as well. The
    scan also ends (keeping what it found) at a block outside the own region (chrome, captions
    and link lines such as bylines are passed over) or at the top of the page, not only at the
    title: on pages whose ``h1`` is chrome or far above, the standfirst tops the region."""
    first = next((i for i, r in enumerate(out) if r is None and not blocks[i].heading and not blocks[i].in_figure), None)
    if first is None:
        return
    leads: list[int] = []
    for i in range(first - 1, max(-1, first - 1 - LEAD_SCAN_BLOCKS), -1):
        b = blocks[i]
        agreed = found[i] and own[i] == OUTSIDE
        edge = i == 0 or (own[i] == OUTSIDE and not b.in_figure and not agreed)
        if b.heading == 1 or edge:
            for k in leads:  # only between the title (or the own region's top) and the body: above sit kickers and teasers
                out[k] = None
            return
        if (own[i] is None or agreed) and not b.in_figure and len(b.text) >= LEAD_MIN_CHARS and b.link_density <= LEAD_LINK_DENSITY_MAX and b.text.endswith(_END):
            leads.append(i)


#: An article split in two by an inline teaser or ad box: the own region holds the larger part;
#: paragraphs above it that trafilatura keeps too, of a tag the kept ones have (p, li...; the
#: parts may sit at different depths), not link text, are the first part, up to the title
#: (``h1``); short ones only below a punctuated prose paragraph of it (a byline or dateline
#: alone above the body is not a part) ...
#: ... across at most this many other blocks in a row (the teaser's title, label and text).
PART_GAP_BLOCKS = 4


def _rejoin_parts(blocks: list[Block], found: list[bool], out: list[str | None]) -> None:
    kept = kept_text(blocks, out)
    if not kept:
        return
    kinds = {blocks[i].tag for i in kept}
    gap = 0
    pending: list[int] = []  # short blocks waiting for a prose paragraph above them (a byline or dateline alone is not a part)
    for i in range(kept[0] - 1, -1, -1):
        b = blocks[i]
        if b.heading == 1:
            return
        if out[i] is not None and found[i] and b.tag in kinds and b.link_density <= LINK_DENSITY_MAX:
            pending.append(i)
            if len(b.text) >= PROSE_MIN_CHARS and b.text.endswith(_END):
                for k in pending:
                    out[k] = None
                pending = []
            gap = 0
        elif out[i] is None:
            gap = 0
        else:
            gap += 1
            if gap > PART_GAP_BLOCKS:
                return


def _complete_lists(blocks: list[Block], own: list[str | None], out: list[str | None]) -> None:
    """A list item or table cell of the own region that trafilatura leaves out stays when another
    item of the same list (or row of the same table) is kept: lists are kept whole."""
    parents = {b.ancestors[1] for b, r in zip(blocks, out, strict=True) if r is None and (b.in_list or b.in_table) and len(b.ancestors) > 1}
    for i, b in enumerate(blocks):
        if out[i] is not None and own[i] is None and (b.in_list or b.in_table) and len(b.ancestors) > 1 and b.ancestors[1] in parents:
            out[i] = None


#: Prose that trafilatura leaves out in the middle of the text both keep (a paragraph between two
#: kept ones: a docs page's text between code samples, a service page's section text) is article
#: text: an own-region block at least PROSE_MIN_CHARS long ...
INNER_PROSE_MIN_CHARS = PROSE_MIN_CHARS
#: ... with at most this link density, ending like a sentence, not a caption nor a heading, a list
#: item or of a tag the kept paragraphs have (a newsletter box set in a ``div`` between ``p``
#: paragraphs is not one of them), lying between the first and last block both keep, stays (wcxb dev fold a 0.8487 ->
#: 0.8505, service 0.798 -> 0.808, documentation 0.917 -> 0.920; fold b 0.8465 -> 0.8486, service
#: 0.817 -> 0.822; ScrapingHub unchanged, trafilatura set 0.9505 -> 0.9506; without the tag test
#: fold a gained 0.001 more but ScrapingHub lost 0.0002 to such a box). List items of any tag: fold
#: a 0.85047 -> 0.85067, fold b 0.84864 -> 0.84890, ScrapingHub and the trafilatura set unchanged.
#: Boxes of a grid of any tag (structure.grid_boxes: a docs page's notes, a service page's cards).
INNER_PROSE_LINK_DENSITY_MAX = 0.3


def _inner_prose(blocks: list[Block], out: list[str | None], dropped: str = BY_TRAFILATURA) -> list[int]:
    """The own-region prose blocks trafilatura dropped between the first and last block both keep
    (see INNER_PROSE_MIN_CHARS); ``out`` is the verdict of both, before leads, lists and structure
    are added (``dropped``: the verdict such a block has, see _keep_skipped_prose)."""
    kept = kept_text(blocks, out)
    if len(kept) < 2:
        return []
    kinds = {blocks[i].tag for i in kept}
    boxes = grid_boxes(blocks) if any(out[i] == dropped and blocks[i].tag not in kinds for i in range(kept[0] + 1, kept[-1])) else set()
    return [
        i
        for i in range(kept[0] + 1, kept[-1])
        if out[i] == dropped
        and (blocks[i].tag in kinds or blocks[i].in_list or i in boxes)
        and not blocks[i].heading
        and not blocks[i].in_figure
        and len(blocks[i].text) >= INNER_PROSE_MIN_CHARS
        and blocks[i].link_density <= INNER_PROSE_LINK_DENSITY_MAX
        and blocks[i].text.endswith(_END)
    ]


def _keep_skipped_prose(blocks: list[Block], out: list[str | None]) -> None:
    """Where trafilatura's text decides (the two picked different regions, or it trims the own
    one), the prose it skips between its kept paragraphs (_inner_prose's test, any region) stays
    when it has the tag and depth of a kept paragraph: a service page's section text between the
    sections it kept. Prose of another depth (a card's line in a product grid) still goes (that
    test: wcxb dev fold a 0.85446 -> 0.85460, service 0.8120 -> 0.8127, no page worse; fold b
    0.85271 -> 0.85331; ScrapingHub and the trafilatura set unchanged; without it fold a gained
    0.0001 and fold b 0.0004, but product grids kept their cards' lines and the trafilatura set lost 0.0003)."""
    kinds = {(b.tag, b.depth) for b, r in zip(blocks, out, strict=True) if r is None and not b.heading}
    for i in _inner_prose(blocks, out, TRAF_ONLY):
        if (blocks[i].tag, blocks[i].depth) in kinds:
            out[i] = None


def _both(own: str | None, found: bool, embed: bool = False) -> str | None:
    """The verdict on a block when the own region and trafilatura agree: kept when both keep it.
    A quoted social post (``blockquote`` classed "twitter-tweet", "instagram-media"...: ``embed``)
    inside the own region stays though trafilatura leaves embeds out: the article quotes it."""
    if own is None:
        return None if found or embed else BY_TRAFILATURA
    return own


def decide(
    blocks: list[Block], own: list[str | None], traf: MainText | None, shape: Callable[[int], str] | None = None
) -> tuple[list[str | None], str]:
    """Per block the reason to drop it (None keeps), and which source decided; repeats dropped.
    ``shape`` names an element's kind (tag and class: entry cards, see :mod:`.entries`)."""
    out, source = _decide(blocks, own, traf)
    keep_terms(blocks, out, LINK_LIST)
    keep_entries(blocks, out, frozenset({TRAF_ONLY, BY_TRAFILATURA}), shape)
    if source == "trafilatura":
        _keep_skipped_prose(blocks, out)
    _drop_repeats(blocks, out)
    keep_repeated_steps(blocks, out, REPEAT)
    _drop_trailing_headings(blocks, out)
    drop_orphan_headings(blocks, out)
    drop_after_end(blocks, out)
    return out, source


#: Headings after the last kept paragraph head nothing of the article (a related-links or
#: comments section whose items were dropped): they go.
TRAILING_HEADING = "heading with no article text after it"


def _drop_trailing_headings(blocks: list[Block], out: list[str | None]) -> None:
    last = max(kept_text(blocks, out), default=None)
    if last is None:
        return  # a page set in headings only: nothing to tell
    for i in range(last + 1, len(blocks)):
        if out[i] is None and blocks[i].heading > 1:
            out[i] = TRAILING_HEADING


def _drop_repeats(blocks: list[Block], out: list[str | None]) -> None:
    """A kept block that repeats earlier kept text (pages that print the article twice, once in
    a hidden or print-only copy) goes.

    "Earlier kept text" is the kept blocks before it, joined by spaces, minus the repeats already
    dropped. Whether a long block's head and tail occur in it is answered in linear time: the heads
    and tails of every long kept block go into one Aho-Corasick automaton, and the earlier text is
    fed to it once, block by block, as it grows (see :class:`_PieceScan`). Searching the joined
    text again for every block was quadratic (7 s at 8,000 blocks).
    """
    kept = [i for i, r in enumerate(out) if r is None]
    pieces = {p for i in kept if len(t := blocks[i].text) >= REPEAT_LONG_CHARS for p in (t[:MATCH_PIECE], t[-MATCH_PIECE:])}
    seen: set[str] = set()
    found = _PieceScan(pieces)
    for i in kept:
        t = blocks[i].text
        if len(t) >= REPEAT_MIN_CHARS and t in seen:
            out[i] = REPEAT
            continue
        if len(t) >= REPEAT_LONG_CHARS and t[:MATCH_PIECE] in found.seen and t[-MATCH_PIECE:] in found.seen:
            out[i] = REPEAT
            continue
        seen.add(t)
        found.feed(" " + t)


class _PieceScan:
    """Which of a fixed set of equally long strings occur in a text fed piece by piece: each piece
    is scanned once by one Aho-Corasick automaton, together with the end of the text before it
    (one char short of the pieces' length), so a string spanning two pieces is found too."""

    def __init__(self, pieces: set[str]):
        self.seen: set[str] = set()
        self._tail = ""
        self._automaton: Any = None
        self._keep = max((len(p) for p in pieces), default=1) - 1
        if pieces:
            import ahocorasick

            a = ahocorasick.Automaton()
            for p in pieces:
                a.add_word(p, p)
            a.make_automaton()
            self._automaton = a

    def feed(self, text: str) -> None:
        if self._automaton is None:
            return
        scan = self._tail + text
        self.seen.update(p for _, p in self._automaton.iter(scan))
        self._tail = scan[-self._keep :] if self._keep else ""


def _decide(blocks: list[Block], own: list[str | None], traf: MainText | None) -> tuple[list[str | None], str]:
    """Per block the reason to drop it (None keeps), and which source decided.

    ``own`` is :func:`select`'s verdict, ``traf`` trafilatura's main text (None when it was not
    run or found nothing).
    """
    region = [i for i, r in enumerate(own) if r is None]
    region_chars = sum(len(blocks[i].text) for i in region)
    if not traf:
        return own, "own"
    found = traf.found(blocks)
    if region_chars < OWN_MIN_CHARS:
        # a page of links and no prose at all (a collection, an index of entries) used to come out
        # empty here; what trafilatura and the item region keep are its entries (wcxb dev sample:
        # collections 0.608 -> 0.648; no page of ScrapingHub or the trafilatura set changes)
        out = [None if found[i] else (b.chrome or TRAF_ONLY) for i, b in enumerate(blocks)]
        _keep_item_region(blocks, out)
        return out, "trafilatura"
    shared = sum(len(blocks[i].text) for i in region if found[i])
    if shared >= AGREE_SHARE * region_chars and (shared >= COVER_SHARE * len(traf) or not _prose_beyond(blocks, own, found)):
        out = [_both(r, found[i], blocks[i].in_embed) for i, r in enumerate(own)]
        inner = _inner_prose(blocks, out)
        keep_linked_lines(blocks, found, out, LINK_LIST)
        keep_announced_lists(blocks, out, frozenset({LINK_LIST, BY_TRAFILATURA}))
        _keep_lead(blocks, own, found, out)
        _rejoin_parts(blocks, found, out)
        _complete_lists(blocks, own, out)
        keep_structure(blocks, own, out, BY_TRAFILATURA)
        keep_headed_text(blocks, own, out, BY_TRAFILATURA)
        for i in inner:
            out[i] = None
        return out, "both"
    if len(traf) < TRAF_MIN_CHARS:
        return own, "own"
    inside = sum(len(b.text) for b, r, f in zip(blocks, own, found, strict=True) if f and r is None)
    outside = sum(len(b.text) for b, r, f in zip(blocks, own, found, strict=True) if f and r is not None)
    if inside < FRAGMENT_SHARE * region_chars and (outside <= TRUNCATED_OUTSIDE_SHARE * (inside + outside) or len(traf) < SHORT_TRAF_SHARE * region_chars):
        return own, "own"
    if outside <= TRUNCATED_OUTSIDE_SHARE * (inside + outside) and _skipped_inside(blocks, own, found) >= SKIPPED_SHARE * (region_chars - inside):
        return own, "own"
    # trafilatura's text lies partly outside the own region: the two picked different regions, and
    # both are kept (see TRUNCATED_OUTSIDE_SHARE); inside it only, it trims the region (a comment
    # thread or teaser run around the article goes), and the siblings it stopped short of are added
    both = outside > TRUNCATED_OUTSIDE_SHARE * (inside + outside)
    out = [None if found[i] or (both and own[i] is None) else (b.chrome or TRAF_ONLY) for i, b in enumerate(blocks)]
    _add_siblings(blocks, own, found, out)
    return out, "trafilatura"


#: A page without a prose region (a listing, a forum index, a product grid: short entries, each a
#: linked title and a few lines of details) keeps, besides trafilatura's text, the element holding
#: the most text by mass: every block counts its plain characters and loses ITEM_LINK_PENALTY per
#: linked character, so a menu (all links) weighs against and a list of entries (a link and its
#: details each) for. Its blocks are the page's entries.
ITEM_LINK_PENALTY = 0.5
#: ... when that element holds at least this many plain characters.
ITEM_REGION_MIN_CHARS = 200


def mass(b: Block) -> float:
    n = len(b.text)
    return n - (1.0 + ITEM_LINK_PENALTY) * min(b.link_chars, n)


def _keep_item_region(blocks: list[Block], out: list[str | None]) -> None:
    best, sums = main_region(blocks, mass)
    if best is None or sums[best] < ITEM_REGION_MIN_CHARS:
        return
    for i, b in enumerate(blocks):
        if out[i] is not None and not b.chrome and best in b.ancestors:
            out[i] = None


#: trafilatura's text lying inside the own region and covering less than this share of it is a
#: fragment (it lost its way in the markup): the own region decides.
FRAGMENT_SHARE = 0.15
#: trafilatura's whole text shorter than this share of the own region, and mostly not in it, is a
#: stray pick (a pull quote, a subheading and a footer line next to a long article): the own
#: region decides.
SHORT_TRAF_SHARE = 0.15
#: When trafilatura's text lies inside the own region but covers only part of it (it stopped
#: early: a broken tag, an inline widget), the own-region blocks that follow its paragraphs and
#: are of the same kind (same tag at the same depth; captions and subheadings in between) are
#: article too, up to the first block of another kind ...
#: ... "inside": at most this share of trafilatura's text comes from outside the own region.
#: More from outside, and the two picked different regions (a service page's sections and its
#: intro, a product's description and its specifications, a thread's first post and its replies):
#: the own region is kept beside trafilatura's text (wcxb dev fold a 0.835 -> 0.839, fold b 0.833
#: -> 0.836, lost 77 -> 66 / 65 -> 57; no page of ScrapingHub or the trafilatura set changes).
TRUNCATED_OUTSIDE_SHARE = 0.1


#: trafilatura's text inside the own region, with most of the region's text it leaves out (at
#: least this share) lying between its first and last paragraphs: it skipped parts in the middle
#: (a service page's sections under their headings, a docs page's text between code samples, a
#: thread's replies), not a tail (comments, teasers after an article: those it rightly trims), and
#: the own region decides.
SKIPPED_SHARE = 0.5


def _skipped_inside(blocks: list[Block], own: list[str | None], found: list[bool]) -> int:
    """Chars of the own region's blocks that trafilatura leaves out between its first and last
    block inside the own region."""
    ins = [i for i, (r, f) in enumerate(zip(own, found, strict=True)) if r is None and f]
    if not ins:
        return 0
    return sum(len(blocks[i].text) for i in range(ins[0] + 1, ins[-1]) if own[i] is None and not found[i])


def _add_siblings(blocks: list[Block], own: list[str | None], found: list[bool], out: list[str | None]) -> None:
    outside = sum(len(b.text) for b, r, f in zip(blocks, own, found, strict=True) if f and r is not None)
    inside = sum(len(b.text) for b, r, f in zip(blocks, own, found, strict=True) if f and r is None)
    if inside == 0 or outside > TRUNCATED_OUTSIDE_SHARE * (inside + outside):
        return
    kinds = {(b.tag, b.depth) for b, r, f in zip(blocks, own, found, strict=True) if f and r is None and not b.heading}
    run: list[int] = []  # headings waiting for the paragraph that confirms them
    going = False
    for i, b in enumerate(blocks):
        if found[i]:
            going, run = own[i] is None, []
            continue
        if not going or b.chrome:
            continue
        if own[i] is not None:
            going = False
        elif b.in_figure:
            pass
        elif b.heading:
            run.append(i)
        elif (b.tag, b.depth) in kinds:
            for k in (*run, i):
                out[k] = None
            run = []
        else:
            going = False
