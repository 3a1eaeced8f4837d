"""Hidden elements: a closed menu, a print-only copy or a tracking pixel is chrome; a closed tab or
accordion panel is content the reader opens with one click (an FAQ's answers, a product's
specifications tab, a docs page's code sample in another language).

An element is hidden by the ``hidden`` attribute, ``aria-hidden="true"`` or an inline style
``display: none`` / ``visibility: hidden``. It is a *disclosure panel*, and not chrome for being
hidden, when the page names the control that opens it: ``role="tabpanel"``, an
``aria-labelledby`` pointing at its tab or accordion button, or its ``id`` in some element's
``aria-controls``. Such a panel is still chrome by its tag, role or class/id vocabulary
(a mega-menu's tab panel classed "navigation" goes), and the main-content choice still decides
whether it is article. trafilatura prunes hidden elements, so a panel stays only where the own
region decides or the two agree without it (wcxb dev fold a 0.830 -> 0.832: service 0.726 ->
0.739, documentation 0.897 -> 0.902; fold b 0.831 -> 0.833, service 0.780 -> 0.796).
"""

from __future__ import annotations

import re
from typing import Any

HIDDEN = "hidden element"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def controlled_ids(tree: Any) -> frozenset[str]:
    """The ids that some element of the page names in ``aria-controls`` (tabs, accordion buttons)."""
    ids: set[str] = set()
    for node in tree.css("[aria-controls]"):
        value = node.attributes.get("aria-controls")
        if value:
            ids.update(value.split())
    return frozenset(ids)


def is_hidden(attrs: Any) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def is_panel(attrs: Any, controlled: frozenset[str]) -> bool:
    """A closed tab or accordion panel: the page names the control that opens it."""
    role = attrs.get("role")
    if role and role.lower() == "tabpanel":
        return True
    if attrs.get("aria-labelledby"):
        return True
    ident = attrs.get("id")
    return bool(ident and ident in controlled)


def hidden_reason(attrs: Any, controlled: frozenset[str]) -> str | None:
    """HIDDEN for a hidden element that is no disclosure panel, else None."""
    if is_hidden(attrs) and not is_panel(attrs, controlled):
        return HIDDEN
    return None
