"""Hidden elements: a closed menu, a print-only copy or a tracking pixel is chrome; a closed tab or
accordion panel is content the reader opens with one click (an FAQ's answers, a product's
specifications tab, a docs page's code sample in another language).

An element is hidden by the ``hidden`` attribute or an inline style ``display: none`` /
``visibility: hidden``. ``aria-hidden="true"`` alone hides it from screen readers, not from the
eye: a carousel's other slides, a closed FAQ answer, a shop's folded buying guide. Such an element
is *folded* (:func:`is_folded`): its text is content like any other (chrome still by its tag, role
or class/id words: an aria-hidden mobile menu goes), but it weighs nothing in the main-content
choice (``blocks.weight``), so a folded guide never outweighs the product grid beside it. wcxb
dev fold a 0.8471 -> 0.8487 (lost 48 -> 46; service 0.790 -> 0.797, listing 0.657 -> 0.671), fold b
0.8428 -> 0.8461 (lost 49 -> 46; collection 0.650 -> 0.700); ScrapingHub and the trafilatura set
unchanged. Freeing aria-hidden text with its full weight gained less (fold b 0.8438, lost 50: the
folded guides took the region from five shops' grids).

A hidden element is a *disclosure panel*, and not chrome for being hidden, when it names itself as one: ``role="tabpanel"``, or an ``aria-labelledby`` pointing at
the tab or accordion button that opens it. Such a panel is still chrome by its tag, role or
class/id vocabulary (a mega-menu's tab panel classed "navigation" goes), and the main-content
choice still decides whether it is article. trafilatura prunes hidden elements, so a panel stays
only where the own region decides or the two agree without it (wcxb dev fold a 0.830 -> 0.832:
service 0.726 -> 0.739, documentation 0.897 -> 0.902; fold b 0.831 -> 0.832, service 0.780 ->
0.795, lost 67 -> 65).

A panel named only from outside, by its id in a control's ``aria-controls`` (a button's, a
link's), is freed as folded content too (the flattener collects those ids before buttons are
stripped), unless its tag, role or class/id words are chrome (a hamburger's menu panel). Freed
with full weight, such panels were the closed buying-guide accordions under shops' product grids
whose prose then outweighed the grid (nine collection and product pages of wcxb fold b, -0.3 to
-0.5 each); folded, they weigh nothing: fold a unchanged (0.8487, no page moves), fold b 0.8461 ->
0.8465 (lost 46 -> 45: a product page's closed details, a service page's closed sections),
ScrapingHub and the trafilatura set unchanged.

The hidden state may sit one level up, on a collapse wrapper around the panel (an accordion
library's ``<div style="display:none">`` whose only child element is the ``role="region"`` panel
a button's ``aria-controls`` names): such a wrapper is the panel's and is freed the same way
(``dom._Flattener._opened``), folded, its panel still chrome by its own name. A hidden wrapper of
an element no control names stays chrome. wcxb dev fold a 0.8512 -> 0.8524 (product 0.600 ->
0.604: a shop's description, specifications and FAQ in such panels); fold b, ScrapingHub and the
trafilatura set unchanged (no such wrapper on them).

An accordion may name nothing at all: styled ``div``s, a click handler, no button and no ARIA.
Its shape still says what it is (:func:`is_accordion_body`): a run of ACCORDION_MIN_ITEMS or more
adjacent sibling items of one tag and class, each two children, a short visible toggle (the question, the
section title) and then one hidden body of prose (the answer). Such a body is freed as folded
content like a panel a button names; its own chrome name still removes it, and a body mostly of
links (a menu label's closed submenu) stays chrome. wcxb dev fold a 0.8592 -> 0.8592 (+0.0001;
service 0.8228 -> 0.8233: a service page's FAQ answers), fold b 0.8583 -> 0.8588 (lost 39 -> 38;
a listing's folded entry texts, a product's closed description); ScrapingHub and the trafilatura
set unchanged.
"""

from __future__ import annotations

import re
from typing import Any, Final

HIDDEN = "hidden element"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_hidden(attrs: Any) -> bool:
    """Hidden by the ``hidden`` attribute or an inline style; ``aria-hidden`` alone is not (see
    :func:`is_folded`)."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def is_folded(attrs: Any) -> bool:
    """``aria-hidden="true"``: hidden from screen readers only (a carousel's other slides, a closed
    answer), shown as content but weighed as none (see :attr:`.model.Block.folded`)."""
    return attrs.get("aria-hidden") == "true"


def is_panel(attrs: Any) -> bool:
    """A closed tab or accordion panel: it names the control that opens it."""
    role = attrs.get("role")
    return bool(role and role.lower() == "tabpanel") or bool(attrs.get("aria-labelledby"))


def hidden_reason(attrs: Any) -> str | None:
    """HIDDEN for a hidden element that is no disclosure panel, else None."""
    if is_hidden(attrs) and not is_panel(attrs):
        return HIDDEN
    return None


#: An accordion item's toggle (the visible first child: an FAQ's question, a section's title) holds
#: at most this many words; a longer first child is a teaser or a section, not a button's label.
TOGGLE_MAX_WORDS: Final = 25
#: An accordion is a run: at least this many adjacent sibling items of one tag and class, each a
#: toggle followed by one hidden body. One hidden box after one heading is a closed menu or a
#: consent notice as often as an answer.
ACCORDION_MIN_ITEMS: Final = 2
#: An accordion body is prose: one whose linked text is more than this share of its text is a
#: closed drop-down of links (a menu item's submenu), chrome as before.
BODY_MAX_LINK_SHARE: Final = 0.5


def _item_shape(item: Any) -> bool:
    """Is ``item`` an accordion item: two child elements, a short visible toggle, then a hidden body
    of prose (see BODY_MAX_LINK_SHARE)?"""
    kids = list(item.iter(include_text=False))
    if len(kids) != 2 or is_hidden(kids[0].attributes) or not is_hidden(kids[1].attributes):
        return False
    words = len(kids[0].text(deep=True).split())
    if not 0 < words <= TOGGLE_MAX_WORDS:
        return False
    text = len(kids[1].text(deep=True).strip())
    linked = sum(len(a.text(deep=True).strip()) for a in kids[1].css("a"))
    return text > 0 and linked <= BODY_MAX_LINK_SHARE * text


def is_accordion_body(node: Any) -> bool:
    """A closed accordion body that names no control (no ARIA): ``node`` is hidden and the second of
    its item's two children, after a short visible toggle, and the item is one of a run of
    ACCORDION_MIN_ITEMS or more adjacent siblings of one tag and class shaped alike (an FAQ built from
    styled ``div``s: question, then the answer at ``visibility: hidden``). Freed as folded content
    like an ARIA panel (``dom._Flattener._opened``): its own chrome name still removes it."""
    item = node.parent
    if item is None:
        return False
    kids = list(item.iter(include_text=False))
    if len(kids) != 2 or kids[1].mem_id != node.mem_id or not _item_shape(item):
        return False
    # a run: the item and a sibling next to it of its tag and class (neighbours only, so a page of
    # thousands of items stays linear)
    key = (item.tag, item.attributes.get("class"))
    run = 1
    for step in ("prev", "next"):
        sib = getattr(item, step)
        while sib is not None and run < ACCORDION_MIN_ITEMS:
            if sib.tag.startswith("-"):  # a text or comment node between the items
                sib = getattr(sib, step)
                continue
            if (sib.tag, sib.attributes.get("class")) != key or not _item_shape(sib):
                break
            run += 1
            sib = getattr(sib, step)
    return run >= ACCORDION_MIN_ITEMS
