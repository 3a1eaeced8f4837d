"""Entry guards for the HTML path: hostile markup gets a linear-time best effort, never a hang.

HTML parsers build a tree, and trees of absurd depth are where they go quadratic (Lexbor's
parse time grows with the square of the nesting depth: 20,000 nested ``<div>`` take a second,
100,000 take minutes) and where recursive walks overflow the stack. :func:`too_deep` measures
the nesting with one linear scan of the tags, before any parser runs; a page nested deeper than
:data:`HTML_MAX_DEPTH` is not a real article layout, and :func:`flatten` turns it into text with
a linear tokenizer (block tags become line breaks, script/style/comments vanish, entities are
decoded) so the text rules still see its words.

>>> too_deep("<div>" * 10 + "text" + "</div>" * 10)
False
>>> too_deep("<div><span>" * 5000)
True
>>> too_deep("<p>one<p>two<li>three" * 5000)  # optional end tags close themselves: not deep
False
>>> print(flatten("<div><p>Hello <b>world</b></p><script>x()</script><p>A &amp; B</p></div>"))
Hello world
A & B
"""

from __future__ import annotations

import html as _html
import re
from typing import Any

#: Tag nesting (counted by :func:`too_deep`) above which a page goes to :func:`flatten` instead of
#: the DOM path. Real pages stay well under 100; the DOM walk recurses once per level, so this also
#: keeps it far from Python's recursion limit (1,000).
HTML_MAX_DEPTH = 400
#: A tag longer than this (attributes included) is read as text, which bounds every regex step.
MAX_TAG_CHARS = 4096

# Elements without content, and elements whose end tag is optional (a new sibling closes them):
# neither adds lasting depth, so the counter skips them.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_OPTIONAL_END = frozenset("p li dt dd tr td th tbody thead tfoot option optgroup colgroup caption rt rp".split())
_BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table td th tr ul title".split()
)
_RAW_TEXT = ("script", "style", "noscript", "template", "textarea", "title")
_TAG = re.compile(rf"<(/?)([A-Za-z][A-Za-z0-9:-]{{0,40}})\b[^<>]{{0,{MAX_TAG_CHARS}}}?(/?)>")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})")
_SPACE_RUNS = re.compile(r"[ \t\f\v]+")


def too_deep(html: str, limit: int = HTML_MAX_DEPTH) -> bool:
    """True when tags nest deeper than ``limit`` (one pass over the tags, stops at the limit)."""
    if not _maybe_deep(html, limit):
        return False
    depth = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or name in _OPTIONAL_END:
            continue
        if m.group(1):
            if depth:
                depth -= 1
        elif not m.group(3):
            depth += 1
            if depth > limit:
                return True
    return False


def _maybe_deep(html: str, limit: int) -> bool:
    """A 10x cheaper upper bound of :func:`too_deep` (tag names only, ``<x/>`` counted as open):
    False means certainly not deep; True is checked with the exact scan."""
    depth = 0
    for slash, name in _TAG_NAME.findall(html):
        name = name.lower()
        if name in _VOID or name in _OPTIONAL_END:
            continue
        if slash:
            if depth:
                depth -= 1
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def flatten(html: str) -> str:
    """Text of ``html`` in linear time: block tags -> line breaks, inline tags dropped, script,
    style and comments removed, entities decoded. No tree is built, so depth costs nothing."""
    out: list[str] = []
    pos = 0
    n = len(html)
    lower = html.lower()
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        m = _TAG.match(html, lt)
        if m is None:
            out.append("<")
            pos = lt + 1
            continue
        closing, name = m.group(1), m.group(2).lower()
        pos = m.end()
        if name in _BLOCK:
            out.append("\n")
        if not closing and name in _RAW_TEXT and not m.group(3):
            end = lower.find(f"</{name}", pos)
            if name == "title" and end >= 0:
                out.append(html[pos:end])
            pos = n if end < 0 else end
    text = _html.unescape("".join(out))
    lines = (_SPACE_RUNS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


#: A ``<noscript>`` holding more than this share of the body's text is a broken one (left open,
#: it swallowed the page): the page is parsed again without noscript tags, keeping their content.
NOSCRIPT_MAX_SHARE = 0.5

_NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.I)


def body_in_noscript(tree: Any) -> bool:
    """Does a ``<noscript>`` of the parsed page ``tree`` hold most of its text (an unclosed one
    swallowed the body)?"""
    body = tree.body
    if body is None or tree.css_first("noscript") is None:
        return False
    total = len(body.text(deep=True))
    return any(len(n.text(deep=True)) > NOSCRIPT_MAX_SHARE * total for n in tree.css("noscript"))


def without_noscript(html: str) -> str:
    """``html`` with its noscript tags dropped and their content kept."""
    return _NOSCRIPT_TAG.sub("", html)
