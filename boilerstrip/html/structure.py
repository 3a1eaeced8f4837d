"""Structure of the agreed main region that trafilatura leaves out whole: lists, subheadings,
``<pre>`` blocks (and a code listing's caption), grids of short items under a subheading, linked
entry titles over kept text, linked terms of kept definitions (:func:`keep_terms`) and grids of
prose boxes (:func:`grid_boxes`), linked lines trafilatura keeps (:func:`keep_linked_lines`), and
the steps of a numbered procedure that repeat an earlier step (:func:`keep_repeated_steps`).
:func:`keep_structure` is one step of :func:`boilerstrip.html.blocks.decide` (where the own region
and trafilatura agree) or of its helpers; it reads blocks and verdicts only."""

from __future__ import annotations

from .model import Block, kept_text

#: A grid cell shorter than this (chars) is a short item, not prose (blocks.PROSE_MIN_CHARS).
GRID_ITEM_MAX_CHARS = 60

#: Structure the own region holds and trafilatura leaves out whole (it drops lists none of whose
#: items it keeps, subheadings, code): when the two agree on the region, these stay. A list item
#: (direct text of an ``li``, not a paragraph of a comment thread's ``li``) at least this long
#: (chars; dates, "5 min read" are shorter) ...
STRUCTURE_ITEM_MIN_CHARS = 20
#: ... of a list with at least this many such items (a lone item is a byline or meta line) ...
STRUCTURE_LIST_MIN_ITEMS = 2
#: ... and subheadings (h2-h6) and ``<pre>`` blocks, none holding a link.
#: A grid of short items set in nested divs, not list markup (a service page's "all features"
#: table under its subheading): at least this many short blocks (under GRID_ITEM_MAX_CHARS, not ``p``
#: nor ``li``, no link) of the own region that trafilatura drops, each alone in its cell (the
#: element holding it and no other block, up to the first ancestor holding more: the grid), stay
#: when the block right above the first of them is a kept subheading (h2-h6). A box of facts, a
#: gallery's counters or a run of metadata fields after a paragraph is no such grid (without the
#: subheading test ScrapingHub HTML lost 0.0004 to one; with it wcxb dev fold a 0.85067 ->
#: 0.85093, service 0.808 -> 0.810; fold b 0.84890 -> 0.84895, service 0.8227 -> 0.8232;
#: ScrapingHub and the trafilatura set unchanged).
STRUCTURE_GRID_MIN_ITEMS = 4


def keep_structure(blocks: list[Block], own: list[str | None], out: list[str | None], dropped: str) -> None:
    """Own-region blocks without links that trafilatura drops as a whole list, a subheading, a
    ``<pre>`` or a grid of short items under a subheading (STRUCTURE_GRID_MIN_ITEMS) stay (wcxb
    dev fold a: service 0.712 -> 0.726, documentation 0.891 -> 0.897); so do linked subheadings
    that title kept text (:func:`_keep_linked_titles`). Only blocks whose verdict in ``out`` is
    ``dropped`` (left out by trafilatura where the two agree) come back."""
    cand = [i for i, b in enumerate(blocks) if out[i] == dropped and own[i] is None and not b.link_chars and (not b.in_figure or b.pre)]
    items: dict[int, list[int]] = {}
    grid: dict[int, list[int]] = {}  # the element holding the cells -> the cells' blocks
    held: dict[int, int] = {}  # element -> blocks under it (counted only when a cell may be found)
    if any(blocks[i].tag not in ("li", "p") and len(blocks[i].text) < GRID_ITEM_MAX_CHARS for i in cand):
        for b in blocks:
            if not b.chrome:
                for a in b.ancestors:
                    held[a] = held.get(a, 0) + 1
    for i in cand:
        b = blocks[i]
        if b.tag == "li" and len(b.text) >= STRUCTURE_ITEM_MIN_CHARS and len(b.ancestors) > 1:
            items.setdefault(b.ancestors[1], []).append(i)
        elif b.heading > 1 or b.pre:
            out[i] = None
        elif b.tag not in ("li", "p") and not b.heading and len(b.text) < GRID_ITEM_MAX_CHARS:
            cell = next((a for a in b.ancestors if held[a] > 1), None)  # the grid around its cell
            if cell is not None:
                grid.setdefault(cell, []).append(i)
    _keep_listing_captions(blocks, own, out, dropped)
    _keep_linked_titles(blocks, own, out, dropped)
    for found in items.values():
        if len(found) >= STRUCTURE_LIST_MIN_ITEMS:
            for i in found:
                out[i] = None
    for found in grid.values():
        head = found[0] - 1  # (subheadings of the region were restored above)
        if len(found) >= STRUCTURE_GRID_MIN_ITEMS and head >= 0 and blocks[head].heading > 1 and out[head] is None:
            for i in found:
                out[i] = None


def _keep_listing_captions(blocks: list[Block], own: list[str | None], out: list[str | None], dropped: str) -> None:
    """A code listing set as a figure (a ``<pre>`` in a ``<figure>``, as docs generators print
    "Listing 4-1: ..."): its ``<pre>`` stays with the region's other code (keep_structure), and so
    does the figure's caption right under it (an image's caption still goes: it has no ``<pre>``).
    wcxb dev fold a 0.85122 -> 0.85135, documentation 0.9198 -> 0.9215; fold b 0.84954 -> 0.84964,
    documentation 0.9188 -> 0.9206; ScrapingHub and the trafilatura set unchanged."""
    for i in range(1, len(blocks)):
        b, code = blocks[i], blocks[i - 1]
        if out[i] != dropped or own[i] is not None or b.tag != "figcaption" or len(b.ancestors) < 2:
            continue
        if code.pre and code.in_figure and out[i - 1] is None and b.ancestors[1] in code.ancestors:
            out[i] = None


def _keep_linked_titles(blocks: list[Block], own: list[str | None], out: list[str | None], dropped: str) -> None:
    """A linked subheading (h2-h6) of the own region that trafilatura drops, between the first
    and last block both keep, stays when the block right after it is kept text (not a heading):
    an entry's title over its kept description (a listing's or a collection's entries). A run of
    linked headings (a box of related headlines inside an article, a post title over its linked
    category line) is no such title: a linked heading next to another linked heading, or over
    no kept text, still goes (without that test ScrapingHub HTML lost 0.0005 and the trafilatura
    set 0.0003; with it wcxb dev fold a 0.85093 -> 0.85122, collection 0.625 -> 0.629, listing
    0.674 -> 0.676; fold b 0.84895 -> 0.84954, collection 0.707 -> 0.711, listing 0.596 -> 0.598;
    both other sets unchanged)."""
    body = kept_text(blocks, out)
    if not body:
        return
    titles = []
    for i in range(body[0] + 1, body[-1]):
        b, nxt, prv = blocks[i], blocks[i + 1], blocks[i - 1]
        if out[i] != dropped or own[i] is not None or b.heading < 2 or not b.link_chars or b.in_figure:
            continue
        if out[i + 1] is None and not nxt.heading and not (prv.heading and prv.link_chars):
            titles.append(i)
    for i in titles:
        out[i] = None


#: The kept text that defines a linked term (:func:`keep_terms`) has at most this link density.
TERM_DEFINITION_LINK_DENSITY_MAX = 0.5


def keep_terms(blocks: list[Block], out: list[str | None], link_list: str) -> None:
    """A linked term whose definition is kept belongs to it: a ``dt`` dropped as a link list
    (``link_list``: an API member's name linking to its own page, a glossary term) right above
    kept definition text (a ``dd``), and a table cell that is one link alone in its cell (a
    scenario's or parameter's name) in a row whose other cell's text is kept. A link line inside
    the kept cell itself (a post's "see also" link in a forum table) is no term (without that test
    the trafilatura set lost 0.0003 to one). wcxb dev fold a 0.85122 -> 0.85134, documentation
    0.9198 -> 0.9213; fold b 0.84954 -> 0.84957, documentation 0.9188 -> 0.9190; ScrapingHub and
    the trafilatura set unchanged."""
    rows: dict[int, set[int]] = {}  # table row -> the elements holding its kept text
    cells: dict[int, int] = {}  # element -> blocks directly in it
    for b, r in zip(blocks, out, strict=True):
        cells[b.container] = cells.get(b.container, 0) + 1
        if r is None and b.row and b.link_density <= TERM_DEFINITION_LINK_DENSITY_MAX:
            rows.setdefault(b.row, set()).add(b.container)
    terms = []
    for i, b in enumerate(blocks):
        if out[i] != link_list:
            continue
        if b.tag == "dt":
            if i + 1 < len(blocks) and out[i + 1] is None and blocks[i + 1].in_list and not blocks[i + 1].heading:
                if blocks[i + 1].link_density <= TERM_DEFINITION_LINK_DENSITY_MAX:
                    terms.append(i)
        elif b.row and b.tag in ("td", "th") and cells[b.container] == 1 and rows.get(b.row, set()) - {b.container}:
            terms.append(i)
    for i in terms:
        out[i] = None


#: A box of prose among the region's text (a card of a service page's feature grid, a quote of a
#: row of testimonials): a block alone in its element, one of at least this many such boxes of
#: the same tag side by side (their elements share a parent) ...
BOX_GRID_MIN = 3


def grid_boxes(blocks: list[Block]) -> set[int]:
    """The blocks that are boxes of a grid (BOX_GRID_MIN): each the only block inside its own
    element (``container``), with at least BOX_GRID_MIN - 1 more of the same tag whose elements
    have the same element two levels up (``ancestors[2]``). For a card holding one ``<p>`` that is
    the cards' shared parent (p -> card -> grid); for text set directly in a card ``div`` it is the
    grid's parent (card -> grid -> section), so the boxes of sibling grids count together. Measured
    as it is; a test on the box element itself (the outermost element holding only this block,
    boxes sharing its parent) gave wcxb fold a +0.0001 and fold b -0.0001, so it stays as it is.
    A lone box between paragraphs (a newsletter sign-up, an author's note) is none: taking every
    box alone in its element gained 0.0009 on both wcxb folds but cost ScrapingHub 0.0002 (a
    sign-up box) and kept an author's bio on wcxb. As it is (blocks._inner_prose takes these boxes
    in besides blocks of the kept paragraphs' tags): wcxb dev fold a 0.85135 -> 0.85199,
    documentation 0.9215 -> 0.9245, service 0.8100 -> 0.8115; fold b 0.84964 -> 0.84979,
    documentation 0.9206 -> 0.9208, service 0.8234 -> 0.8241; ScrapingHub 0.9837 -> 0.9838, the
    trafilatura set unchanged."""
    inside: dict[int, int] = {}
    for b in blocks:
        for a in b.ancestors:
            inside[a] = inside.get(a, 0) + 1
    alone = [i for i, b in enumerate(blocks) if not b.chrome and len(b.ancestors) > 2 and inside[b.container] == 1]
    grid: dict[tuple[int, str], int] = {}
    for i in alone:
        key = (blocks[i].ancestors[2], blocks[i].tag)
        grid[key] = grid.get(key, 0) + 1
    return {i for i in alone if grid[(blocks[i].ancestors[2], blocks[i].tag)] >= BOX_GRID_MIN}


#: A linked line trafilatura keeps between the text both keep (:func:`keep_linked_lines`) is at
#: least this long (chars): shorter linked items ("home page", "Docs") are labels of a link
#: column, and with them a run of short kept links read as a related-links block to the text rules
#: (STRUCTURE_ITEM_MIN_CHARS, the length of a list item that is text).
LINKED_LINE_MIN_CHARS = STRUCTURE_ITEM_MIN_CHARS
#: A paragraph (``p``, not a list item) taken back as a linked line ends like a sentence or leads
#: into what follows: "Install the client.", "See Configuring the gauge.", "For example:".
LINKED_SENTENCE_END = (".", "!", "?", ":")


def keep_linked_lines(blocks: list[Block], found: list[bool], out: list[str | None], link_list: str) -> None:
    """Linked lines of the agreed text: an own-region block dropped as link text (``link_list``:
    above blocks.REGION_LINK_DENSITY_MAX) that trafilatura keeps, lying between the first and last
    block both keep, stays when it is a list item or a sentence-shaped ``p`` (LINKED_SENTENCE_END),
    at least LINKED_LINE_MIN_CHARS long. A docs page's steps and references ("Install the gauge
    client.", "See Reading a gauge."), its list of the page's sections or an API's members, a
    guide's list of linked entries: text made of links, which the link density alone takes for a
    menu. A menu or a box of links outside the text both keep is not between them and still goes;
    so does a list trafilatura leaves out. Run before the lead, list and structure steps (its items
    count as kept for them: the rest of their list comes back with :func:`blocks._complete_lists`).
    wcxb dev fold a 0.85389 -> 0.85446, documentation 0.9245 -> 0.9270, article 0.9595 -> 0.9600;
    fold b 0.85165 -> 0.85271, service 0.8243 -> 0.8262, listing 0.6166 -> 0.6186; ScrapingHub
    0.98384 -> 0.98452; the trafilatura set 0.95055 -> 0.95031 (lost pages 3 -> 2; two linked lists
    inside articles that its gold leaves out, a box of related headlines among them, are kept now).
    Items shorter than LINKED_LINE_MIN_CHARS taken too: fold a +0.0001 and fold b +0.0001 more, but
    the trafilatura set -0.0006 more (a run of "home page" links then read as a related-links
    block, and the page's text after it cut with it). List items alone (no ``p``): fold a -0.0001,
    fold b -0.0002, ScrapingHub -0.0001."""
    kept = kept_text(blocks, out)
    if len(kept) < 2:
        return
    for i in range(kept[0] + 1, kept[-1]):
        b = blocks[i]
        if out[i] != link_list or not found[i] or len(b.text) < LINKED_LINE_MIN_CHARS:
            continue
        if b.in_list or (b.tag == "p" and b.text.endswith(LINKED_SENTENCE_END)):
            out[i] = None


#: A kept paragraph that announces a list ("The following settings are available:", "These
#: pages describe the client in more detail:" under a guide's last paragraph) ends with a colon and
#: is at least this long (chars): the list it leads into is its text, links or not
#: (:func:`keep_announced_lists`); a short label ("Related:", "See also:") can head a box of links.
ANNOUNCE_MIN_CHARS = 30


def keep_announced_lists(blocks: list[Block], out: list[str | None], dropped: frozenset[str]) -> None:
    """The list a kept paragraph announces: own-region list items dropped as link text or left out
    by trafilatura (``dropped``: those verdicts) right after a kept non-list block of
    ANNOUNCE_MIN_CHARS or more that ends with a colon stay, the whole list with its nested items.
    A docs page's settings or API members ("The following middleware is enabled by default:"), a
    guide's references after its last paragraph: items made of links, which the link density
    takes for a menu; a tutorial's short steps ("Use layers."), which trafilatura leaves out. What
    announces them is the text itself, so it holds after the last paragraph both keep as well. A
    list with no such line above it (a related-links box, a menu) still goes. Items trafilatura
    left out as well as link text: fold a 0.85815 -> 0.85817 (documentation 0.9283 -> 0.9285, one
    article page down by under 0.001), fold b 0.85611 -> 0.85626 (documentation 0.9265 ->
    0.9270), ScrapingHub and the trafilatura set unchanged. Link text alone, derived on wcxb dev fold a:
    0.85803 -> 0.85815 (documentation 0.9273 -> 0.9283; 29 pages up, 7 down by under 0.008: an
    article's closing offer "... a full range of services:" over a list of them); fold b 0.85587
    -> 0.85611 (documentation 0.9234 -> 0.9265, service -0.0001), lost unchanged; ScrapingHub
    and the trafilatura set unchanged."""
    n = len(blocks)
    for i, b in enumerate(blocks):
        if out[i] is not None or b.in_list or b.heading or len(b.text) < ANNOUNCE_MIN_CHARS or not b.text.endswith(":"):
            continue
        j = i + 1
        if j >= n or not blocks[j].in_list:
            continue
        first = blocks[j]
        while j < n and blocks[j].in_list and (blocks[j].list_id == first.list_id or blocks[j].list_depth > first.list_depth):
            if out[j] in dropped:
                out[j] = None
            j += 1


def keep_headed_text(blocks: list[Block], own: list[str | None], out: list[str | None], dropped: str) -> None:
    """The text of a kept subheading: an own-region block without links that trafilatura drops
    (verdict ``dropped``), lying right under a kept subheading (h2-h6) between the first and last
    block both keep, stays, and so do the blocks of its tag and depth that follow it up to the next
    kept block, heading or linked block. A service page's feature cards ("Track rankings" over
    "Get a complete picture of your ranking performance."), a review's verdict under each product's
    heading, a listing's detail line under each entry's title: text short or unpunctuated, which
    the inner-prose test (blocks.INNER_PROSE_MIN_CHARS) passes over, under a heading both sources
    call article (kept by both, or taken back as the region's structure by :func:`keep_structure`,
    which runs first). A linked line under the heading, a caption, or a heading and its line
    outside the text both keep (a sign-up box after the article) still go. wcxb dev fold a 0.85460 -> 0.85537
    (service 0.8127 -> 0.8170), fold b 0.85331 -> 0.85360 (service 0.8265 -> 0.8292);
    the trafilatura set 0.95031 -> 0.95063; ScrapingHub 0.98452 -> 0.98447 (photo-credit labels
    under the headings of a picture story). The first block alone, without the run after it: fold
    a 0.85518."""
    kept = kept_text(blocks, out)
    if len(kept) < 2:
        return
    for i in range(max(1, kept[0] + 1), kept[-1]):
        b = blocks[i]
        if out[i] != dropped or out[i - 1] is not None or blocks[i - 1].heading < 2 or not _section_text(b, own[i]):
            continue
        j = i
        while j < kept[-1] and out[j] == dropped and _section_text(blocks[j], own[j]) and (blocks[j].tag, blocks[j].depth) == (b.tag, b.depth):
            out[j] = None
            j += 1


def _section_text(b: Block, own: str | None) -> bool:
    """An own-region block (``own`` None) that is text: not a heading, no link, not a caption."""
    return own is None and not b.heading and not b.link_chars and not b.in_figure


def keep_repeated_steps(blocks: list[Block], out: list[str | None], repeat: str) -> None:
    """A step of a numbered procedure that repeats an earlier one stays: a block of an ordered
    list dropped as a repeat (``repeat``: blocks._drop_repeats) when its list also holds kept text
    that is no repeat. Procedures print the same step again among new ones ("Install and set up
    the tunnel.", "Press Enter.", one set of steps per language or platform), while a copy of
    the page's text (a print-only copy, a second rendering of a list) copies whole lists: a list
    all of whose items repeat still goes, and so does a repeat inside a quotation (a post quoted
    in a reply: a thread's posts can be the items of an ordered list). Derived on wcxb dev fold a
    (0.86002 -> 0.86032, documentation 0.9284 -> 0.9323, no other page type moved); the quotation
    test was added after fold b had lost a thread's page (0.85943 -> 0.85933 without it, 0.85944
    with it: forum 0.7793 -> 0.7790, listing 0.6459 -> 0.6464, documentation unchanged);
    ScrapingHub and the trafilatura set unchanged."""
    fresh = {b.list_id for b, r in zip(blocks, out, strict=True) if r is None and b.in_list and b.ordered}
    for i, b in enumerate(blocks):
        if out[i] == repeat and b.in_list and b.ordered and not b.in_quote and b.list_id in fresh:
            out[i] = None
