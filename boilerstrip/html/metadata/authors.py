"""Authors: values from the structured sources cleaned up (:func:`_author`,
:func:`plausible_authors`), and the visible byline: its markup (:func:`byline_authors`) or a
printed line near the headline (:func:`header_byline`, :func:`byline_names`)."""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from ... import dates
from ...lexicon import phrases
from ...rules.shapes import AUTHOR_SEPARATOR, is_role
from ...segment import normalize
from .published import HEADER_DATE_AFTER, HEADER_DATE_BEFORE, HEADER_DATE_MAX_CHARS
from .titles import _TITLE_SEP, _names_site, _site_key

#: Author strings longer than this are not names (a bio, a sentence).
AUTHOR_MAX_CHARS = 80
#: Nodes looked at per byline selector.
BYLINE_MAX_NODES = 3
#: A printed byline names at most this many words.
BYLINE_MAX_WORDS = 5
#: Ancestors checked for a comment/widget container above a byline candidate.
BYLINE_MAX_ANCESTORS = 6

_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
#: Byline prefixes that also start surnames (see :func:`_author`).
SURNAME_PARTICLES = frozenset({"di", "von"})
#: Characters trimmed from both ends of an author value (separators left by the markup).
AUTHOR_STRIP = " \t'\"-–—|,;:·•/→»«()"
#: Where a printed byline's names end: a bar, a spaced dash, an opening bracket (commas: see
#: :func:`byline_names`).
_BYLINE_END = re.compile(r"\s[|–—-]\s|\s\(")
_BYLINE_SPLIT = re.compile(AUTHOR_SEPARATOR)
_LABEL_TAIL = re.compile(r"(?:^|\s+)\w+\s*:$")


@functools.cache
def _author_prefix() -> re.Pattern[str]:
    """A byline prefix word (``data/byline_prefixes.txt``) with an optional colon, at the start."""
    words = sorted(phrases("byline_prefixes"), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\s*:?\s+|^(?:" + "|".join(re.escape(w) for w in words) + r")\s*:\s*", re.I)


def _author(v: str | None) -> str | None:
    """One author value cleaned up: byline prefix ("By", "Erstellt von", "Autor:"), a trailing
    date or label ("Jane Doe, 01.12.2021", "Jane Doe Stand: 5. Februar 2020"), a role after a
    comma ("Jane Doe, Staff Writer", :func:`~boilerstrip.rules.shapes.is_role`) and separator
    punctuation cut; None when what is left is not a name (a URL, an e-mail, a domain, a
    placeholder like "admin", a widget label like "Reply", a count like "257 Artikel")."""
    if not v:
        return None
    if "&" in v and ";" in v:  # entities escaped twice in the markup
        v = html.unescape(v)
    v = normalize(v).strip(AUTHOR_STRIP)
    m = _author_prefix().match(v)
    if m and m.end() < len(v):
        word = m.group(0).strip(" :")
        rest = v[m.end() :]
        # "Di Maio", "Von Trier": a capitalised surname particle before one word is the name itself
        if not (word.casefold() in SURNAME_PARTICLES and word[0].isupper() and len(rest.split()) == 1):
            v = rest
    if len(v) <= AUTHOR_MAX_CHARS * 2 and any(c.isdigit() for c in v):
        found = dates.absolute(v)
        if found and v.find(found[0]) >= 0:
            v = _LABEL_TAIL.sub("", v[: v.find(found[0])].rstrip())
            head, _, last = v.rpartition(" ")
            if head and last.casefold() in phrases("meta_date_connectors"):
                v = head
    v = v.strip(AUTHOR_STRIP)
    if "," in v:  # "TOM KRISHER, AP Auto Writer": a role ends the name
        parts = v.split(",")
        keep = next((k for k in range(1, len(parts)) if is_role(parts[k])), len(parts))
        v = ",".join(parts[:keep]).strip(AUTHOR_STRIP)
    if not v or v.startswith("http") or len(v) > AUTHOR_MAX_CHARS or "@" in v or _DOMAIN.fullmatch(v):
        return None
    if v[0].isdigit() or "*" in v or ":" in v or not any(c.isalpha() for c in v):
        return None  # a count, a form label, a labelled value ("Foto: X", "En kiosques : juillet")
    folded = v.casefold()
    if folded in phrases("author_placeholders") or folded in phrases("meta_author_labels") or folded in phrases("social_networks") or folded in phrases("byline_prefixes"):
        return None
    return v


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
        a = _author(v)
        if a and not (site and a.casefold() == site.casefold()):
            out.append(a)
    return list(dict.fromkeys(out))


def byline_names(text: str) -> str:
    """The names part of a printed byline: up to a bar, spaced dash or bracket, and past a comma
    only while what follows is another person's name ("Von A B, C D" keeps both; "Von A B, dpa"
    and "By A B, Staff Writer" keep A B)."""
    head = _BYLINE_END.split(normalize(text), maxsplit=1)[0]
    parts = head.split(",")
    out = [parts[0]]
    for part in parts[1:]:
        words = part.split()
        if not (2 <= len(words) <= BYLINE_MAX_WORDS and all(w[0].isupper() for w in words)) or is_role(part):
            break
        out.append(part)
    return ",".join(out)


def header_byline(blocks: list[Any], title_line: int | None) -> list[str]:
    """The author named by a printed byline near the ``<h1>``: a short block that opens with a
    byline word ("Von R. R. am 24. Juli 2017", "Posted by Jane", "Autor: X (Redaktion)"), the
    names cut by :func:`byline_names`."""
    if title_line is None:
        return []
    start = max(0, title_line - HEADER_DATE_BEFORE)
    for b in blocks[start : title_line + HEADER_DATE_AFTER + 1]:
        if b.chrome or len(b.text) > HEADER_DATE_MAX_CHARS or not _author_prefix().match(b.text):
            continue
        names = byline_names(b.text)
        name = _author(names)
        # the byline word must have been cut: "Von Sprachregeln und ..." is a heading, not a byline
        if name and not b.text.startswith(name) and len(name.split()) <= BYLINE_MAX_WORDS * 2:
            # one value per person, as the text-mode byline rule gives them (so the two agree)
            return [n for n in (_author(x) for x in _BYLINE_SPLIT.split(name)) if n]
    return []


#: Elements whose text is a byline, most specific first (visible markup, after the metadata).
BYLINE_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]', '[rel="author"]', '[itemprop="author"]', '[class*="author-name"]',
    '[class*="authorName"]', '[class*="byline"] a', '[class*="byline"]', '[class*="author"] a', '[class*="author"]',
    "byline", '[class*="auteur"]', '[class*="autor"]', '[class*="contributor"]', '[class*="writer"]', '[class*="verfasser"]',
    '[class*="submitted"] .username',
)  # fmt: skip


def _in_skipped_container(node: Any) -> bool:
    """Whether the node or one of its nearest ancestors is a comment thread, form or widget."""
    skip = phrases("meta_byline_skip")
    for _ in range(BYLINE_MAX_ANCESTORS + 1):
        if node is None or node.tag in ("body", "html"):
            return False
        attrs = node.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".casefold()
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
            if not text.strip():  # an author photo: its alt/title text is the name
                img = node.css_first("img")
                text = (img.attributes.get("alt") or img.attributes.get("title") or "") if img is not None else ""
            if _author_prefix().match(normalize(text)):  # a printed byline: "Von X, dpa" names X
                text = byline_names(text)
            found = plausible_authors([text], site)
            if found:
                return found
    return []
