"""Entry lists: a listing, a forum thread, a product grid, whose content is a run of repeated
sibling entries that neither the own prose region nor trafilatura keeps whole.

:func:`entry_list` finds the element whose children hold the most text as such entries (by shape:
several blocks each, not link-only, none dominant); :func:`keep_entries` keeps it when it
outweighs what the main-content choice of :mod:`boilerstrip.html.blocks` kept (a list of link
cards only when it outweighs it by far, see ENTRY_LINKED_OVER_KEPT). Self-contained:
it reads blocks, and :mod:`~boilerstrip.html.blocks` calls it as its last step.
"""

from __future__ import annotations

from collections.abc import Callable

from .model import Block

#: A listing, a forum thread, a product grid: the page's content is a run of repeated sibling
#: entries (a linked title and its details, a post and its author line), which neither the prose
#: region nor trafilatura keeps whole. An element is an entry list when at least ENTRY_MIN_COUNT
#: of its child elements are entries: each holds at least ENTRY_MIN_BLOCKS blocks (one block per
#: child is a menu or a link column) ...
ENTRY_MIN_COUNT = 5
ENTRY_MIN_BLOCKS = 2
#: ... of on average at least this many chars (a menu's one- or two-word links are shorter) ...
ENTRY_BLOCK_CHARS = 15
#: ... and at most this link density (a table of contents or a link tree is all links) ...
ENTRY_LD_MAX = 0.8
#: ... the entries holding at least this share of the element's text ...
ENTRY_SHARE = 0.7
#: ... and none of them more than this share of the entries' text (a page wrapper whose children
#: are the header, the article and the footer is no list).
ENTRY_DOMINANT = 0.5
#: The entry list with the most text is kept whole when it holds at least ENTRY_MIN_CHARS and at
#: least ENTRY_OVER_KEPT times the text kept so far: then it, not the kept blurb, is what the page
#: holds. A teaser grid beside an article (related posts, more quotes) is smaller than that (at
#: 1x / 2x ScrapingHub HTML fell 0.984 -> 0.975 / 0.979: two short articles took in their
#: teaser grids; at 1x wcxb fold a gained more, 0.826 -> 0.838, mostly services and forums).
ENTRY_MIN_CHARS = 400
ENTRY_OVER_KEPT = 4.0
#: A list of link cards (each entry one link around its title, date, place and tags: a job board, a
#: recipe grid, a feed of posts), whose entries are over ENTRY_LD_MAX links, is an entry list too,
#: but so are the "more like this" grids of a shop or an article: it is the page's content only
#: when it holds at least ENTRY_LINKED_OVER_KEPT times the text kept so far.
ENTRY_LINKED_OVER_KEPT = 10.0


def entry_list(blocks: list[Block]) -> tuple[int | None, int]:
    """The element whose child elements hold the most text as repeated entries (see
    ENTRY_MIN_COUNT), and that text (chars)."""
    return entry_lists(blocks)[0]


def _tree(blocks: list[Block]) -> tuple[dict[int, list[int]], dict[int, dict[int, list[int]]]]:
    """Each element's [blocks, chars, link chars] (chrome left out), and each parent's children.

    Each element's figures are summed once, from its children up, rather than once per block
    below it (the blocks of one container share the chain of elements above it)."""
    held: dict[int, list[int]] = {}  # element -> [blocks, chars, link chars] of the blocks under it
    kids: dict[int, dict[int, list[int]]] = {}  # parent -> child -> held[child], in document order
    edges: list[tuple[int, int]] = []  # (child, parent), each parent's own edge before its children's
    for b in blocks:
        anc = b.ancestors
        if b.chrome or not anc:
            continue
        st = held.get(anc[0])
        if st is None:
            held[anc[0]] = [1, len(b.text), b.link_chars]
        else:
            st[0] += 1
            st[1] += len(b.text)
            st[2] += b.link_chars
        new: list[tuple[int, int]] = []
        for k in range(len(anc) - 1):
            ch = kids.get(anc[k + 1])
            if ch is None:
                ch = kids[anc[k + 1]] = {}
            elif anc[k] in ch:
                break  # an element's chain is the same for every block under it: the rest is known
            ch[anc[k]] = held.setdefault(anc[k], [0, 0, 0])
            new.append((anc[k], anc[k + 1]))
        edges.extend(reversed(new))
    for child, parent in reversed(edges):  # children before their parents
        c, p = held[child], held.setdefault(parent, [0, 0, 0])
        p[0] += c[0]
        p[1] += c[1]
        p[2] += c[2]
    return held, kids


def entry_lists(
    blocks: list[Block], tree: tuple[dict[int, list[int]], dict[int, dict[int, list[int]]]] | None = None
) -> tuple[tuple[int | None, int], tuple[int | None, int]]:
    """:func:`entry_list`, and the same for lists of link cards (entries over ENTRY_LD_MAX links,
    see ENTRY_LINKED_OVER_KEPT). ``tree``: :func:`_tree` of the blocks, when the caller has it."""
    held, kids = tree or _tree(blocks)
    best, best_chars = None, 0
    card, card_chars = None, 0
    for parent, ch in kids.items():
        if len(ch) < ENTRY_MIN_COUNT:
            continue
        entries = [v for v in ch.values() if v[0] >= ENTRY_MIN_BLOCKS and v[1] >= ENTRY_BLOCK_CHARS * v[0]]
        if len(entries) < ENTRY_MIN_COUNT:
            continue
        chars = sum(v[1] for v in entries)
        if chars < ENTRY_SHARE * held[parent][1] or max(v[1] for v in entries) > ENTRY_DOMINANT * chars:
            continue
        if chars > card_chars:
            card, card_chars = parent, chars
        plain = [v[1] for v in entries if v[2] <= ENTRY_LD_MAX * v[1]]
        if len(plain) < ENTRY_MIN_COUNT:
            continue
        chars = sum(plain)
        if chars < ENTRY_SHARE * held[parent][1] or max(plain) > ENTRY_DOMINANT * chars:
            continue
        if chars > best_chars:
            best, best_chars = parent, chars
    return (best, best_chars), (card, card_chars)


def keep_entries(
    blocks: list[Block],
    out: list[str | None],
    reopen: frozenset[str] = frozenset(),
    shape: Callable[[int], str] | None = None,
) -> None:
    """Keep the page's entry list whole when it outweighs what was kept (wcxb dev fold a
    0.826 -> 0.830: listing 0.604 -> 0.639, collection 0.566 -> 0.585, product 0.600 -> 0.610).
    ``shape`` names an element's kind (tag and class): with it, the linked titles of entry cards
    whose teasers were kept come back too (:func:`_complete_cards`), and so do sections of link
    cards under a kept subheading (:func:`_keep_headed_cards`)."""
    tree = _tree(blocks)
    if reopen:
        _complete_entries(blocks, out, tree, reopen)
    (best, chars), (card, card_chars) = entry_lists(blocks, tree)
    kept = sum(len(b.text) for b, r in zip(blocks, out, strict=True) if r is None)
    if best is None or chars < ENTRY_MIN_CHARS or chars < ENTRY_OVER_KEPT * kept:
        best = None
    if card is not None and card_chars > chars and card_chars >= ENTRY_MIN_CHARS and card_chars >= ENTRY_LINKED_OVER_KEPT * kept:
        best = card  # a larger list of link cards outweighs the kept text by far
    if shape is not None and reopen:
        _complete_cards(blocks, out, tree, reopen, shape)
        _keep_headed_cards(blocks, out, tree, reopen, shape)
    if best is None:
        return
    for i, b in enumerate(blocks):
        if out[i] is not None and not b.chrome and best in b.ancestors:
            out[i] = None


#: A grid whose entries trafilatura keeps one piece of each (a shop's product cards: the price line
#: kept, the linked name and the colour swatches not): when at least ENTRY_MIN_COUNT children of
#: one element hold kept text, each of them an entry of at least ENTRY_MIN_BLOCKS blocks of which
#: the kept text is at most this share, the entries are kept whole.
ENTRY_PIECE_SHARE = 0.5
#: ... (at least this share of the children holding kept text must be such entries).
ENTRY_PIECE_MOST = 0.8


def _complete_entries(
    blocks: list[Block], out: list[str | None], tree: tuple[dict[int, list[int]], dict[int, dict[int, list[int]]]], reopen: frozenset[str]
) -> None:
    """Keep the rest of each entry of a grid of which one piece each was kept (see
    ENTRY_PIECE_SHARE); only blocks dropped for a reason in ``reopen`` come back."""
    held, _ = tree
    pieces: dict[int, dict[int, int]] = {}  # parent -> child holding kept text -> its kept chars
    for b, r in zip(blocks, out, strict=True):
        if r is None and not b.chrome:
            anc = b.ancestors
            for k in range(len(anc) - 1):
                ch = pieces.setdefault(anc[k + 1], {})
                ch[anc[k]] = ch.get(anc[k], 0) + len(b.text)
    whole: set[int] = set()
    for ch in pieces.values():
        if len(ch) < ENTRY_MIN_COUNT:
            continue
        entries = [c for c, kept in ch.items() if held[c][0] >= ENTRY_MIN_BLOCKS and kept <= ENTRY_PIECE_SHARE * held[c][1]]
        if len(entries) >= ENTRY_MIN_COUNT and len(entries) >= ENTRY_PIECE_MOST * len(ch):
            whole.update(entries)
    if not whole:
        return
    for i, b in enumerate(blocks):
        if out[i] in reopen and not b.chrome and not whole.isdisjoint(b.ancestors):
            out[i] = None


#: A listing's entry cards of which the main-content choice kept a piece each (the teasers kept,
#: their linked titles not): CARD_MIN_COUNT or more sibling elements of one kind (same tag and
#: first class: see :meth:`.dom.Page.shape`), each holding at least ENTRY_MIN_BLOCKS blocks, a link and at most
#: CARD_MAX_CHARS (a card, not a page column) ...
CARD_MIN_COUNT = 4
CARD_MAX_CHARS = 2000
#: ... at least this share of them holding kept text ...
CARD_KEPT_SHARE = 0.6
#: ... and that kept text at least this share of all the page keeps (the cards are the page's
#: content, not a box of related stories beside an article whose teasers trafilatura kept) ...
CARD_TEXT_SHARE = 0.5
#: ... get their titles back: a block of at least CARD_TITLE_MIN_CHARS, over half link text,
#: dropped as not in trafilatura's text: every linked heading of a card, and its first linked
#: block when that is no heading ("Read more" is shorter). wcxb dev HTML fold a 0.8512 -> 0.8525
#: (listing 0.676 -> 0.683, collection 0.629 -> 0.641), fold b 0.8495 -> 0.8505 (listing 0.598 ->
#: 0.606, collection 0.711 -> 0.714, lost 43 -> 42); ScrapingHub and the trafilatura set unchanged
#: (without CARD_MAX_CHARS and CARD_TEXT_SHARE a page's columns and a related box came back: -0.0003).
#: Kinds by first class rather than the whole class attribute (blog entries carrying their own
#: post and category classes): fold a 0.8525 -> 0.8527 (listing 0.683 -> 0.686), fold b 0.8505 ->
#: 0.8514 (listing 0.606 -> 0.617, lost 42 -> 41), both other sets unchanged.
CARD_TITLE_MIN_CHARS = 15


def _card_kinds(
    ch: dict[int, list[int]], shape: Callable[[int], str], links: Callable[[int, int], bool]
) -> list[list[int]]:
    """The children of one element that can be cards (at least ENTRY_MIN_BLOCKS blocks, at most
    CARD_MAX_CHARS, their link text passing ``links(chars, linked)``), grouped by kind."""
    kinds: dict[str, list[int]] = {}
    for c, (n, chars, linked) in ch.items():
        if n >= ENTRY_MIN_BLOCKS and chars <= CARD_MAX_CHARS and links(chars, linked):
            kinds.setdefault(shape(c), []).append(c)
    return list(kinds.values())


def _complete_cards(
    blocks: list[Block],
    out: list[str | None],
    tree: tuple[dict[int, list[int]], dict[int, dict[int, list[int]]]],
    reopen: frozenset[str],
    shape: Callable[[int], str],
) -> None:
    """Keep the linked titles of entry cards whose teasers were kept (see CARD_MIN_COUNT); only
    blocks dropped for a reason in ``reopen`` come back."""
    _, kids = tree
    kept: dict[int, int] = {}  # element -> kept chars under it
    total = 0
    for b, r in zip(blocks, out, strict=True):
        if r is None and not b.chrome:
            total += len(b.text)
            for a in b.ancestors:
                kept[a] = kept.get(a, 0) + len(b.text)
    cards: set[int] = set()
    for parent, ch in kids.items():
        if len(ch) < CARD_MIN_COUNT or parent not in kept:
            continue
        for members in _card_kinds(ch, shape, lambda chars, linked: linked > 0):
            if len(members) < CARD_MIN_COUNT or sum(c in kept for c in members) < CARD_KEPT_SHARE * len(members):
                continue
            if sum(kept.get(c, 0) for c in members) >= CARD_TEXT_SHARE * total:
                cards.update(members)
    if not cards:
        return
    titled: set[int] = set()
    for i, b in enumerate(blocks):
        if b.chrome or 2 * b.link_chars <= len(b.text) or len(b.text) < CARD_TITLE_MIN_CHARS:
            continue
        card = next((a for a in b.ancestors if a in cards), None)
        if card is None or (card in titled and not b.heading):
            continue
        titled.add(card)
        if out[i] in reopen:
            out[i] = None


#: A section of link cards under a kept subheading (a listing's "Top rated recipes" or "Latest
#: jobs": each card one or more links around its title, rating, company, place): CARD_MIN_COUNT or
#: more children of one element, of one kind, each holding at least ENTRY_MIN_BLOCKS blocks and at
#: most CARD_MAX_CHARS, over HEADED_CARD_LINK_SHARE of it link text, and making up at least
#: HEADED_CARDS_SHARE of the element's children; the element's first block comes right after a kept
#: subheading (h2-h6) that lies between the first and last kept text (not a related grid under the
#: article). Cards with unlinked text (a team's bios, teasers) are no link cards: trafilatura's
#: choice of their text stands. wcxb dev HTML fold a 0.85537 -> 0.85591 (listing 0.6878 ->
#: 0.6986, lost 41 -> 39), fold b 0.85360 -> 0.85421 (listing 0.6185 -> 0.6257, lost 41 -> 40);
#: ScrapingHub and the trafilatura set unchanged. Cards of any link share: fold a 0.85580
#: (collections, products and services lost their teaser grids' text); sections after the last kept
#: text too: fold a 0.85600, not taken (a related grid under an article has that shape); their
#: blocks dropped as a link list inside the agreed region reopened too: fold a +0.00003, fold b
#: -0.00005, not taken.
HEADED_CARD_LINK_SHARE = ENTRY_LD_MAX
HEADED_CARDS_SHARE = 0.8


def _keep_headed_cards(
    blocks: list[Block],
    out: list[str | None],
    tree: tuple[dict[int, list[int]], dict[int, dict[int, list[int]]]],
    reopen: frozenset[str],
    shape: Callable[[int], str],
) -> None:
    """Keep the sections of link cards right under a kept subheading (see HEADED_CARD_LINK_SHARE);
    only blocks dropped for a reason in ``reopen`` come back."""
    text = [i for i, r in enumerate(out) if r is None and not blocks[i].heading]
    if not text:
        return
    _, kids = tree
    first: dict[int, int] = {}  # element -> its first block
    for i, b in enumerate(blocks):
        for a in b.ancestors:
            first.setdefault(a, i)
    cards: set[int] = set()
    for parent, ch in kids.items():
        h = first.get(parent, 0) - 1
        if len(ch) < CARD_MIN_COUNT or not text[0] < h < text[-1] or out[h] is not None or blocks[h].heading < 2:
            continue
        for members in _card_kinds(ch, shape, lambda chars, linked: linked > HEADED_CARD_LINK_SHARE * chars):
            if len(members) >= CARD_MIN_COUNT and len(members) >= HEADED_CARDS_SHARE * len(ch):
                cards.update(members)
    if not cards:
        return
    for i, b in enumerate(blocks):
        if out[i] in reopen and not b.chrome and not cards.isdisjoint(b.ancestors):
            out[i] = None
