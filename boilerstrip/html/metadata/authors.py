"""Authors: values from the structured sources cleaned up (:func:`boilerstrip.bylines.clean_author`,
:func:`plausible_authors`), and the visible byline: its markup (:func:`byline_authors`) or a
printed line near the headline (:func:`header_byline`, :func:`byline_names`)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ...bylines import AUTHOR_SEPARATOR, NAME_PART_MAX_WORDS, author_prefix_re, byline_names, clean_author
from ...lexicon import longest_first, phrases
from ...segment import normalize
from .published import HEADER_DATE_AFTER, HEADER_DATE_BEFORE, HEADER_DATE_MAX_CHARS
from .titles import _TITLE_SEP, _names_site, _site_key

#: Nodes looked at per byline selector.
BYLINE_MAX_NODES = 3
#: Ancestors checked for a comment/widget container above a byline candidate.
BYLINE_MAX_ANCESTORS = 6

_BYLINE_SPLIT = re.compile(AUTHOR_SEPARATOR)


def plausible_authors(values: list[str], site: str | None) -> list[str]:
    """Author names minus placeholders, domains and the site/publisher's own name (also as a
    part of the value: "Site - Jane Doe", "Jane Doe | Site")."""
    out = []
    for v in values:
        if site and v and _TITLE_SEP.search(v):
            parts = _TITLE_SEP.split(v)
            rest = [p for p in parts if not _names_site(p, [_site_key(site)])]
            if rest and len(rest) < len(parts):
                v = ", ".join(rest)
        a = clean_author(v)
        if a and not (site and a.casefold() == site.casefold()):
            out.append(a)
    return list(dict.fromkeys(out))


def header_byline(blocks: list[Any], title_line: int | None) -> list[str]:
    """The author named by a printed byline near the ``<h1>``: a short block that opens with a
    byline word ("Von R. R. am 24. Juli 2017", "Posted by Jane", "Autor: X (Redaktion)"), the
    names cut by :func:`byline_names`."""
    if title_line is None:
        return []
    start = max(0, title_line - HEADER_DATE_BEFORE)
    for b in blocks[start : title_line + HEADER_DATE_AFTER + 1]:
        if b.chrome or len(b.text) > HEADER_DATE_MAX_CHARS or not author_prefix_re().match(b.text):
            continue
        names = byline_names(b.text)
        name = clean_author(names)
        # the byline word must have been cut: "Von Sprachregeln und ..." is a heading, not a byline
        if name and not b.text.startswith(name) and len(name.split()) <= NAME_PART_MAX_WORDS * 2:
            # one value per person, as the text-mode byline rule gives them (so the two agree)
            return [n for n in (clean_author(x) for x in _BYLINE_SPLIT.split(name)) if n]
    return []


#: Elements whose text is a byline, most specific first (visible markup, after the metadata).
BYLINE_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]', '[rel="author"]', '[itemprop="author"]', '[class*="author-name"]',
    '[class*="authorName"]', '[class*="byline"] a', '[class*="byline"]', '[class*="author"] a', '[class*="author"]',
    "byline", '[class*="auteur"]', '[class*="autor"]', '[class*="contributor"]', '[class*="writer"]', '[class*="verfasser"]',
    '[class*="submitted"] .username',
)  # fmt: skip


@cache
def _photo_label_re() -> re.Pattern[str]:
    """A photo label after the name in an author photo's alt text (``data/author_photo_labels.txt``)."""
    words = "|".join(re.escape(w) for w in longest_first("author_photo_labels"))
    return re.compile(rf"(?:['’]s)?\s+(?:{words})$", re.I)


def _in_skipped_container(node: Any) -> bool:
    """Whether the node or one of its nearest ancestors is a comment thread, form or widget."""
    skip = phrases("meta_byline_skip")
    builders = tuple(phrases("builder_class_prefixes"))
    for _ in range(BYLINE_MAX_ANCESTORS + 1):
        if node is None or node.tag in ("body", "html"):
            return False
        attrs = node.attributes
        # a page builder's generic class ("elementor-widget") says nothing of what the element holds
        marks = " ".join(t for t in f"{attrs.get('class') or ''} {attrs.get('id') or ''}".casefold().split() if not t.startswith(builders))
        if marks.strip() and any(s in marks for s in skip):
            return True
        node = node.parent
    return False


def byline_authors(tree: Any, site: str | None) -> list[str]:
    """Authors named in the page's visible byline markup (rel=author, itemprop, author/byline
    classes), outside comment threads, comment forms and widgets."""
    for sel in BYLINE_SELECTORS:
        for node in tree.css(sel)[:BYLINE_MAX_NODES]:
            if _in_skipped_container(node):
                continue
            text = node.text(deep=True, separator=" ")
            if not text.strip():  # an author photo: its alt/title text is the name ("Jane Doe's avatar")
                img = node.css_first("img")
                text = (img.attributes.get("alt") or img.attributes.get("title") or "") if img is not None else ""
                text = _photo_label_re().sub("", normalize(text))
            if author_prefix_re().match(normalize(text)):  # a printed byline: "Von X, dpa" names X
                text = byline_names(text)
            found = plausible_authors([text], site)
            if found:
                return found
    return []
