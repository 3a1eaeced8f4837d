"""Anchors: the ids docs and wiki generators make from a heading's text.

A section or heading whose id spells its heading (``respond-to-review-comments`` on the section
headed "Respond to review comments", ``Skip_package_from_being_upgraded`` on that ``h3``) carries
the heading's words, not a name its author gave it: :func:`.dom.attr_tokens` leaves such an id
out of the class/id vocabulary, so a chrome word among them ("comments", "skip") does not remove
a section of the page.
"""

from __future__ import annotations

import re
from typing import Any

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: An id that spells its element's heading ("respond-to-review-comments" on the section headed
#: "Respond to review comments", "Skip_package_from_being_upgraded" on that h3) is the anchor a
#: docs or wiki generator made from the heading, not a name the author gave the element: its words
#: are the heading's, so they are no class/id vocabulary. At least this many words: one or two
#: ("comments" over "Comments", "related-posts" over "Related posts") are how a theme names its
#: chrome boxes too (two gave the same as three on wcxb dev fold a). Derived on fold a: 0.85795 ->
#: 0.85804 (seven pages up, docs and articles, none down); fold b three article pages up by under
#: 0.001, none down; ScrapingHub and the trafilatura set unchanged. Fewer words do when the
#: heading holds a link to ``#id`` (the permalink "¶" or "#" a docs generator sets after each
#: heading: a section ``id="cookies"`` headed "Cookies ¶" in a web framework's guide); a theme's
#: box named for its heading does not link to itself (derived on wcxb dev fold a: 0.86032 ->
#: 0.86035, documentation 0.9323 -> 0.9327, one page up, none down; fold b and ScrapingHub and
#: the trafilatura set unchanged, lost unchanged).
ANCHOR_MIN_WORDS = 3
_TEXT_WORD = re.compile(r"[^\W_]+")
_HEADINGS = "h1, h2, h3, h4, h5, h6"


def is_anchor_id(node: Any, ident: str) -> bool:
    """Is ``ident`` the anchor made from ``node``'s heading (its own text when it is one, else its
    first heading's)? See ANCHOR_MIN_WORDS (fewer words when that heading links to ``#ident``)."""
    words = _TEXT_WORD.findall(ident.lower())
    if not words:
        return False
    head = node if node.tag in _HEADING_TAGS else node.css_first(_HEADINGS)
    if head is None:
        return False
    if len(words) < ANCHOR_MIN_WORDS and not _links_to(head, ident):
        return False
    text = _TEXT_WORD.findall(head.text(deep=True).lower())
    return text[-len(words) :] == words  # numbering before the words ("2.1 Editing units") is not in every anchor


def _links_to(head: Any, ident: str) -> bool:
    """Does the heading hold a link to ``#ident`` (the permalink a docs generator sets after it)?"""
    target = "#" + ident
    return any(a.attributes.get("href") == target for a in head.css("a[href]"))
