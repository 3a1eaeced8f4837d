"""The page's tail and the labels of dropped sections (boilerstrip/html/sections.py): synthetic
blocks, as the flattener makes them, with the verdicts the front end reached before these steps."""

from __future__ import annotations

from boilerstrip.html.model import Block
from boilerstrip.html.sections import AFTER_END, ORPHAN_HEADING, drop_after_end, drop_orphan_headings

PROSE = "The council approved the new budget on Tuesday evening after a debate that lasted almost four hours. "
# block-level ancestors, nearest first, ending in body (1) and html (0)
ARTICLE = (10, 5, 1, 0)
BODY = (1, 0)


def _p(text: str, anc: tuple[int, ...] = ARTICLE, **kw: object) -> Block:
    return Block(text, "p", len(anc), anc[0], anc, **kw)  # type: ignore[arg-type]


def _h(text: str, level: int, anc: tuple[int, ...] = ARTICLE) -> Block:
    return Block(text, f"h{level}", len(anc), anc[0], anc, heading=level)


def _link(text: str, anc: tuple[int, ...] = ARTICLE) -> Block:
    return Block(text, "li", len(anc), anc[0], anc, in_list=True, link_chars=len(text))


def test_label_of_a_dropped_link_section_goes():
    blocks = [_p(PROSE * 3), _h("Further reading", 2), _link("A first linked title"), _link("A second linked title"), _h("Next part", 2), _p(PROSE * 2)]
    out: list[str | None] = [None, None, "link list", "link list", None, None]
    drop_orphan_headings(blocks, out)
    assert out[1] == ORPHAN_HEADING
    assert out[4] is None and out[0] is None and out[5] is None


def test_heading_over_dropped_prose_stays():
    # the front end dropped a paragraph the heading introduces: that is a missed article section,
    # not a box of links; the heading is kept (it may be all that is left of the section)
    blocks = [_p(PROSE * 3), _h("What the vote means", 2), _p(PROSE), _p(PROSE), _h("Next part", 2), _p(PROSE * 2)]
    out: list[str | None] = [None, None, "outside", "outside", None, None]
    drop_orphan_headings(blocks, out)
    assert out[1] is None


def test_heading_over_one_dropped_button_stays():
    blocks = [_p(PROSE * 3), _h("Join thousands of readers", 2), _link("Sign up"), _h("Next part", 2), _p(PROSE)]
    out: list[str | None] = [None, None, "link list", None, None]
    drop_orphan_headings(blocks, out)
    assert out[1] is None


def _page_with_tail(tail_anc: tuple[int, ...]) -> tuple[list[Block], list[str | None]]:
    blocks = [
        _h("Council approves budget", 1, BODY),
        *[_p(PROSE) for _ in range(8)],
        Block("Share Tweet Mail", "div", 3, 1, (20, 1, 0), chrome="class/id 'share'"),
        _h("Related posts", 2, tail_anc),
        _p("A teaser about the bridges that stay unrepaired this winter.", tail_anc),
    ]
    return blocks, [None] * len(blocks)


def test_kept_box_after_the_share_bar_outside_the_article_goes():
    blocks, out = _page_with_tail((30, 1, 0))
    out[9] = "share"
    drop_after_end(blocks, out)
    assert out[10] == AFTER_END and out[11] == AFTER_END
    assert all(r is None for r in out[:9])


def test_text_after_the_share_bar_inside_the_article_box_stays():
    # an inline chrome box (ad, share bar) inside the article: what follows in the article's own
    # box is still the article
    blocks, out = _page_with_tail(ARTICLE)
    out[9] = "share"
    drop_after_end(blocks, out)
    assert out[10] is None and out[11] is None


def test_a_large_tail_is_never_cut():
    # more than TAIL_MAX_SHARE of the kept text after the chrome element: the page's second
    # article half or its entries, not a teaser box
    blocks, out = _page_with_tail((30, 1, 0))
    blocks[11] = _p(PROSE * 4, (30, 1, 0))
    out[9] = "share"
    drop_after_end(blocks, out)
    assert out[10] is None and out[11] is None


def test_chrome_before_most_of_the_text_ends_nothing():
    blocks, out = _page_with_tail((30, 1, 0))
    blocks.insert(2, Block("Share Tweet Mail", "div", 3, 1, (21, 1, 0), chrome="class/id 'share'"))
    out.insert(2, "share")
    blocks[10] = _p(PROSE, (30, 1, 0))  # the only chrome element comes before most of the text
    drop_after_end(blocks, out)
    assert all(r is None for i, r in enumerate(out) if i != 2)
