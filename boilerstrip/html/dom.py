"""Parse HTML with selectolax (Lexbor), drop what is never article, flatten the rest into blocks.

A *block* is one paragraph-like run of text (a ``<p>``, a heading, a list item, a table cell, or
the direct text of a ``<div>``) with the DOM signals text mode lacks: tag, heading level, list
membership, depth, link density, and the element that holds it (so a main container can be
chosen by summing its paragraphs). Blocks become :class:`~boilerstrip.model.Line` objects one to
one; the features live in :class:`Block` keyed by line index (``ctx.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Final

from ..lexicon import phrases
from ..segment import normalize
from .anchors import is_anchor_id
from .blocks import weight
from .cards import is_card_link, is_card_text
from .guard import body_in_noscript, without_noscript
from .hero import is_hero
from .hidden import HIDDEN, hidden_reason, is_accordion_body, is_folded
from .model import Block

#: Elements whose content is never article text; removed before anything else.
NEVER_TEXT = ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select", "button", "input", "textarea"]
#: Elements that are page chrome by definition (HTML5 sectioning for navigation and asides).
CHROME_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "dialog", "menu"})
#: ARIA roles that mark chrome.
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "tooltip"})
#: Tags that end the current block when they open or close.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figure", "figcaption",
        "address", "hr", "br", "center", "details", "summary", "fieldset", "legend", "body", "html", "header", "footer",
        "nav", "aside", "form", "hgroup", "picture", "video", "audio",
    }
)  # fmt: skip
#: Elements checked for chrome (tag, role, class/id); inline elements (a, span, b...) are not,
#: which keeps the check off the most numerous nodes.
CONTAINER_TAGS = CHROME_TAGS | BLOCK_TAGS - {"br", "hr", "body", "html"}
#: A chrome-named container holding more than this share of the page's text is kept anyway
#: (a theme that calls its whole content column "sidebar-wrapper" must not lose the article).
CHROME_MAX_TEXT_SHARE = 0.35
#: ... except a dialog (``<dialog>``, role ``dialog`` or ``alertdialog``: a consent or preferences
#: centre, a sign-up or "choose your region" popup): on a page of short entries (a listing, a shop
#: grid) its text can outweigh the page's own, yet it is never the page's content; one that holds
#: an ``article``, ``main`` or articleBody element is still kept (see _Flattener._chrome).
DIALOG_ROLES: Final = frozenset({"dialog", "alertdialog"})
#: A ``header`` holding more than this share of the page's text (some themes wrap the article in
#: one) is kept.
HEADER_MAX_TEXT_SHARE = 0.25
#: A caption-classed element ("media", "image"...) holding more text than this (chars), or the
#: title (``h1``), is a container for the article's head or whole text, not a figure.
FIGURE_MAX_CHARS = 600
#: An element named only by a widget token (data/html_widget.txt: "print") with more text than this
#: (chars) is the content that widget acts on, not the widget.
WIDGET_MAX_CHARS = 200
#: A chrome class/id token never removes the article: an element so named whose own blocks hold
#: at least this share of the page's prose weight (blocks.weight, positive part) is flattened as
#: content ("ad-wrapper", "paywall", "print-area" around the page's text) ...
PROSE_GUARD_SHARE = 0.5
#: ... for the chrome named by class/id vocabulary (chrome_reason's "class/id ..."): nav, aside,
#: footer and ARIA roles are chrome by definition, and on pages with little prose (shops,
#: listings) a footer's legal notes outweigh the rest; hidden elements (collapsed FAQ answers,
#: closed tabs on guides) freed this way took the own region away from the page's entries (wcxb
#: dev sample of 140: -0.42 / -0.37 / -0.25 on three pages, no gain).
_GUARDED = ("class/id",)
#: ... checked for elements with at least this much text (chars): smaller ones cannot hold the prose
#: of a page worth guarding and stay one block without being flattened.
PROSE_GUARD_MIN_CHARS = 200
#: The guard also holds for a run of sections: at least this many such elements of one class
#: attribute (the whole value) at one depth, which together hold PROSE_GUARD_SHARE of the page's
#: prose, are the page's sections named by its theme (a service page's location cards classed
#: "overlay", a landing page's "banner" blocks), not one box of chrome each. Comment boxes
#: (data/html_thread.txt) are not: a thread of same-named replies beside an article is what
#: comments look like (freed, a shop's buyer feedback took a product page). Derived on wcxb dev
#: fold a: 0.8561 -> 0.8579 (service 0.816 -> 0.823, listing 0.699 -> 0.714, no page worse);
#: fold b 0.8543 -> 0.8559 (article 0.941 -> 0.944), lost 40 -> 39; ScrapingHub and the
#: trafilatura set unchanged.
SECTION_RUN_MIN = 2
#: Class/id strings longer than this are not tokenised (generated utility-class soups).
ATTR_MAX_CHARS = 300

#: The words of a class/id: letter runs, with a trailing number ("sidebar2" -> sidebar). A run that
#: mixes letters and digits otherwise is a generated hash ("jXK9ad", "cta-8d75ad3b"), not a word
#: ('ad' in them removed the whole text of two service pages; wcxb dev fold a 0.832 -> 0.835, see
#: attr_tokens).
_WORD = re.compile(r"(?<![a-z0-9])(?:([a-z]+)[0-9]*|[a-z0-9]+)(?![a-z0-9])")
#: A class holding ':', '[', '(', '=' or '/' is a utility expression ("lg:first:pt-[var(--banner-h)]",
#: "data-[state=open]:bg-accent/50"): the CSS it applies, not the element's name.
_EXPRESSION = re.compile(r"[:\[(=/]")
#: BEM-style modifiers ("o-section--has-ads", "with-sidebar", "has_comments") describe what a
#: container holds, not what it is: they and the word they qualify are no class/id vocabulary.
_MODIFIER = re.compile(r"(?<![a-z])(?:has|with)[-_]+[a-z]+")


@dataclass
class Page:
    """The flattened page: blocks in document order, plus what the head and scripts said."""

    blocks: list[Block]
    tree: Any = None
    title: str | None = None
    html_lang: str | None = None
    jsonld: list[str] = field(default_factory=list)  # raw application/ld+json script bodies
    noscript_unwrapped: bool = False  # parsed again without <noscript> tags (see .guard.NOSCRIPT_MAX_SHARE)
    elements: dict[int, Any] = field(default_factory=dict)
    heroes: list[Any] = field(default_factory=list)  # chrome-named elements read as the page's head (see .hero)

    def shape(self, mem_id: int) -> str:
        """An element's kind: its tag and first class ("div.card"; "" when unknown). Only the first
        class: a blog theme adds each post's own to its entries ("post post-1234 category-news")."""
        node = self.elements.get(mem_id)
        if node is None:
            return ""
        cls = (node.attributes.get("class") or "").split()
        return f"{node.tag}.{cls[0] if cls else ''}"


@cache
def _chrome_tokens() -> frozenset[str]:
    return phrases("html_chrome")


@cache
def _caption_tokens() -> frozenset[str]:
    return phrases("html_caption")


def _embed_tokens() -> frozenset[str]:
    return phrases("html_embed")


@cache
def _linkbox_tokens() -> frozenset[str]:
    return phrases("html_linkbox")


def _widget_tokens() -> frozenset[str]:
    return phrases("html_widget")


@cache
def _keep_tokens() -> frozenset[str]:
    return phrases("html_content")


@cache
def _thread_tokens() -> frozenset[str]:
    return phrases("html_thread")


_NO_TOKENS: frozenset[str] = frozenset()


def attr_tokens(node: Any, attrs: Any = None) -> frozenset[str]:
    """Lower-case words of an element's class and id ("share-bar_top" -> share, bar, top); generated
    hashes and utility expressions are no words (see _WORD, _EXPRESSION: wcxb dev fold a 0.832 ->
    0.835, service 0.739 -> 0.764; fold b 0.8325 -> 0.8328). ``attrs``: the node's attributes when
    the caller has them already (selectolax builds the dict anew on every access)."""
    if attrs is None:
        attrs = node.attributes
    cls, ident = attrs.get("class"), attrs.get("id")
    if ident and _tokens(ident) & _chrome_tokens() and is_anchor_id(node, ident):
        ident = None  # (the heading is looked up only for an id that would make the element chrome)
    if not cls and not ident:
        return _NO_TOKENS
    return _tokens(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=8192)
def _tokens(s: str) -> frozenset[str]:
    """attr_tokens of one class + id string, memoised: a page repeats a few class strings on most
    of its elements."""
    if len(s) > ATTR_MAX_CHARS:
        s = s[:ATTR_MAX_CHARS]
    s = s.lower()
    if "has" in s or "with" in s:
        s = _MODIFIER.sub(" ", s)
    if _EXPRESSION.search(s):
        s = " ".join(c for c in s.split() if not _EXPRESSION.search(c))
    return frozenset(m.group(1) for m in _WORD.finditer(s) if m.group(1))


def _is_dialog(node: Any, attrs: Any) -> bool:
    """Whether ``node`` is a dialog (see DIALOG_ROLES)."""
    return node.tag == "dialog" or (attrs.get("role") or "").lower() in DIALOG_ROLES


def chrome_reason(node: Any, attrs: Any = None) -> str | None:
    """Why ``node`` is chrome by its tag, role, hidden state or class/id vocabulary (else None).
    ``attrs``: as for :func:`attr_tokens`."""
    tag = node.tag
    if tag in CHROME_TAGS:
        return f"<{tag}> element"
    if attrs is None:
        attrs = node.attributes
    role = attrs.get("role")
    if role and role.lower() in CHROME_ROLES:
        return f'role="{role.lower()}"'
    if hidden := hidden_reason(attrs):  # a closed tab or accordion panel is not (see .hidden)
        return hidden
    toks = attr_tokens(node, attrs)
    if not toks:
        return None
    if toks & _embed_tokens() and (tag == "blockquote" or any(attr_tokens(q) & _embed_tokens() for q in node.css("blockquote"))):
        return None  # an embedded social post the article quotes ("twitter-tweet"), or its wrapper: content
    hit = toks & _chrome_tokens()
    if hit and not toks & _keep_tokens():
        if hit <= _linkbox_tokens() and node.css_first("a") is None:
            return None  # a "teaser" without a link is the article's own lead
        if hit <= _widget_tokens() and len(node.text(deep=True)) > WIDGET_MAX_CHARS:
            return None  # a "print" button is short; a long "print-step" is the printable text
        return f"class/id {sorted(hit)[0]!r}"
    return None


def parse(html: str) -> Page:
    """Parse, keep what metadata needs (title, lang, JSON-LD), strip non-text, flatten."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    unwrapped = body_in_noscript(tree)
    if unwrapped:
        tree = LexborHTMLParser(without_noscript(html))
    title_node = tree.css_first("title")
    title = normalize(title_node.text()) if title_node is not None else None
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") if html_node is not None else None
    jsonld = [n.text() for n in tree.css('script[type="application/ld+json"]')]
    page = Page([], tree=tree, title=title or None, html_lang=lang, jsonld=jsonld, noscript_unwrapped=unwrapped)
    # ids a control (a button, removed next, or a link) opens: closed panels (see .hidden)
    controlled = frozenset(c for n in tree.css("[aria-controls]") for c in (n.attributes.get("aria-controls") or "").split())
    tree.strip_tags(NEVER_TEXT)
    body = tree.body
    if body is None:
        return page
    fl = _Flattener(page, max(1, len(body.text(deep=True))))
    fl.controlled = controlled
    fl.run(body)
    return page


_MAIN_TAGS = frozenset({"article", "main"})
#: A ``<header>`` inside one of these and holding a heading is the header of that article or
#: section (its heading and intro), not the page's banner: HTML maps only a header outside them to
#: the banner role. (Without a heading it is a post's or teaser's attribution line: a date, a
#: permalink, an author.)
_SECTIONING_TAGS = frozenset({"article", "section", "main"})


class _Flattener:
    """Walks the DOM once; text accumulates until a block boundary; chrome elements become one block."""

    def __init__(self, page: Page, total: int):
        self.page = page
        self.total = total
        self.buf: list[str] = []
        self.link_chars = 0
        self.stack: list[int] = []  # mem_ids of open block elements
        self.tags: list[str] = []
        self.fig = 0  # depth of caption-classed elements we are inside
        self.embed = 0  # depth of embedded-post elements we are inside
        self.folded = 0  # depth of aria-hidden elements we are inside
        self.links: list[Any] = []  # the <a> elements we are inside (a block ending in one may be a card's, see .cards)
        self.controlled: frozenset[str] = frozenset()  # ids named by a control's aria-controls (see .hidden)
        self.candidates: list[tuple[int, int, Block]] = []  # chrome elements flattened as content: blocks [start, end) and their chrome block

    def _enter(self, child: Any, tag: str, depth: int, main: bool, in_link: int, attrs: Any = None) -> None:
        """Flatten a block-level element's content into blocks of their own (``attrs``: its
        attributes, when the caller has them)."""
        if attrs is None:
            attrs = child.attributes
        sub_main = main or tag in _MAIN_TAGS or attrs.get("itemprop") == "articleBody"
        toks = attr_tokens(child, attrs)
        cap = bool(toks & _caption_tokens()) and len(child.text(deep=True)) <= FIGURE_MAX_CHARS and child.css_first("h1") is None
        self.fig += cap
        emb = tag == "blockquote" and bool(toks & _embed_tokens())
        self.embed += emb
        fold = is_folded(attrs) or (hidden_reason(attrs) is not None and self._opened(child, attrs))
        self.folded += fold
        self.stack.append(child.mem_id)
        self.tags.append(tag)
        self.page.elements[child.mem_id] = child
        self._walk(child, depth + 1, sub_main, in_link)
        self._flush(depth + 1, sub_main)
        self.stack.pop()
        self.tags.pop()
        self.fig -= cap
        self.embed -= emb
        self.folded -= fold

    def _resolve(self) -> None:
        """Each chrome element flattened as content stays content when its blocks hold at least
        PROSE_GUARD_SHARE of the page's prose weight; the others (and all inside them) become their
        one chrome block again. Outer elements are decided first."""
        if not self.candidates:
            return
        blocks = self.page.blocks
        prefix = [0.0]
        for b in blocks:
            prefix.append(prefix[-1] + (0.0 if b.chrome else max(0.0, weight(b))))
        total = prefix[-1]
        candidates = sorted(self.candidates, key=lambda c: (c[0], -c[1]))
        sections = self._section_runs(candidates, prefix, total)
        collapsed: list[tuple[int, int, Block]] = []
        for start, end, block in candidates:
            if collapsed and (start < collapsed[-1][1] or start == collapsed[-1][0]):
                continue  # inside an element that is chrome already
            if total > 0 and prefix[end] - prefix[start] >= PROSE_GUARD_SHARE * total:
                continue  # it holds most of the page's prose: the article, whatever its class says
            if block.container in sections:
                continue  # one of a run of same-named sections holding most of the prose
            collapsed.append((start, end, block))
        out: list[Block] = []
        i = 0
        for start, end, block in collapsed:
            out.extend(blocks[i:start])
            out.append(block)
            i = end
        out.extend(blocks[i:])
        self.page.blocks = out

    def _run_key(self, block: Block) -> tuple[str, int] | None:
        """What a chrome-named element shares with the other sections of its run (its class value
        and depth), or None when it cannot be one (no class, or a comment box: see SECTION_RUN_MIN)."""
        node = self.page.elements.get(block.container)
        if node is None:
            return None
        attrs = node.attributes
        cls = attrs.get("class")
        if not cls or attr_tokens(node, attrs) & _thread_tokens():
            return None
        return cls, block.depth

    def _section_runs(self, candidates: list[tuple[int, int, Block]], prefix: list[float], total: float) -> set[int]:
        """The chrome-named elements (mem_ids) of runs of SECTION_RUN_MIN or more of one class and
        depth, outermost candidates only, that together hold PROSE_GUARD_SHARE of the prose weight."""
        if total <= 0 or len(candidates) < SECTION_RUN_MIN:
            return set()
        runs: dict[tuple[str, int], list[int]] = {}
        prose: dict[tuple[str, int], float] = {}
        end_outer = -1
        for start, end, block in candidates:
            if start < end_outer:
                continue  # inside a candidate already counted
            end_outer = end
            key = self._run_key(block)
            if key is not None:
                runs.setdefault(key, []).append(block.container)
                prose[key] = prose.get(key, 0.0) + prefix[end] - prefix[start]
        return {m for key, members in runs.items() if len(members) >= SECTION_RUN_MIN and prose[key] >= PROSE_GUARD_SHARE * total for m in members}

    def run(self, body: Any) -> None:
        self.stack.append(body.mem_id)
        self.tags.append("body")
        self.page.elements[body.mem_id] = body
        self._walk(body, 0, False, 0)
        self._flush(0, False)
        self._resolve()

    def _flush(self, depth: int, main: bool) -> None:
        if not self.buf:
            return
        text = normalize("".join(self.buf))
        self.buf = []
        links = self.link_chars
        self.link_chars = 0
        if not text:
            return
        tags = self.tags
        tag = tags[-1]
        heading = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 0
        in_list = "li" in tags or "dd" in tags
        in_table = "td" in tags or "th" in tags
        block = Block(
            text=text,
            tag=tag,
            depth=depth,
            container=self.stack[-1],
            ancestors=tuple(reversed(self.stack)),
            heading=heading,
            in_list=in_list,
            link_chars=min(links, len(text)),
            in_quote="blockquote" in tags,
            in_table=in_table,
            in_figure=self.fig > 0 or "figure" in tags or "figcaption" in tags,
            main_hint=main,
            in_embed=self.embed > 0,
            folded=self.folded > 0,
            card_text=bool(self.links) and (heading > 0 or is_card_text(text)) and is_card_link(self.links[-1]),
        )
        if in_list or in_table or "pre" in tags:
            self._structure(block)
        self.page.blocks.append(block)

    def _structure(self, block: Block) -> None:
        """The list, table row and <pre> around the block (for Markdown output)."""
        tags, stack = self.tags, self.stack
        for k in range(len(tags) - 1, -1, -1):
            t = tags[k]
            if t in ("ul", "ol"):
                block.list_depth += 1
                if not block.list_id:
                    block.list_id, block.ordered = stack[k], t == "ol"
            elif t == "tr" and not block.row:
                block.row = stack[k]
            elif t == "table" and not block.table:
                block.table = stack[k]
            elif t in ("td", "th") and not block.row:
                block.th = t == "th"
            elif t == "pre" and not block.pre:
                block.pre = stack[k]

    def _opened(self, node: Any, attrs: Any) -> bool:
        """Does a control open ``node`` (its id in a control's ``aria-controls``), or is ``node`` the
        collapse wrapper of such a panel (the panel its only child element: the wrapper carries the
        closed state, ``display: none``, and the panel inside it names the button)? See .hidden."""
        if attrs.get("id") in self.controlled or is_accordion_body(node):
            return True  # a control names it, or an accordion item's hidden body (see .hidden)
        if not self.controlled:
            return False
        kids = list(node.iter(include_text=False))
        return len(kids) == 1 and kids[0].attributes.get("id") in self.controlled

    def _chrome(self, node: Any, attrs: Any) -> str | None:
        reason = chrome_reason(node, attrs)
        if reason is None:
            return None
        if reason == HIDDEN and self._opened(node, attrs):
            # a panel a button opens (aria-controls): folded content unless its name is chrome
            shown = {k: v for k, v in attrs.items() if k not in ("hidden", "style")}
            reason = chrome_reason(node, shown)
            if reason is None:
                return None
        if node.tag == "header":
            if not _SECTIONING_TAGS.isdisjoint(self.tags) and node.css_first("h2, h3, h4, h5, h6") is not None:
                return None  # the header of an article or section: its heading and intro (see _SECTIONING_TAGS)
            if node.css_first("h1") is not None or len(node.text(deep=True)) / self.total > HEADER_MAX_TEXT_SHARE:
                return None  # an article's own header (title, lead, byline) or a theme wrapping the page
        elif len(node.text(deep=True)) / self.total > CHROME_MAX_TEXT_SHARE and not _is_dialog(node, attrs):
            return None
        elif reason.startswith(_GUARDED) and is_hero(node):
            self.page.heroes.append(node)  # the page's head under a chrome name (see .hero)
            return None
        if node.css_first("article, main, [itemprop=articleBody]") is not None:
            return None
        return reason

    def _walk(self, node: Any, depth: int, main: bool, in_link: int) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                t = child.text_content
                # whitespace opening a block is dropped by normalize() anyway: not buffering it
                # saves a join and a normalize per empty block boundary (most of them)
                if t and (self.buf or not t.isspace()):
                    self.buf.append(t)
                    if in_link:
                        self.link_chars += len(t.strip())
            elif tag == "-comment" or tag is None:
                pass
            # (a container's attributes are read once: ``attrs`` goes on to _enter below)
            elif tag in CONTAINER_TAGS and (chrome := self._chrome(child, attrs := child.attributes)) is not None:
                self._flush(depth, main)
                text = normalize(child.text(deep=True, separator=" "))
                if text:
                    self.page.elements[child.mem_id] = child
                    block = Block(text, tag, depth + 1, child.mem_id, (child.mem_id, *reversed(self.stack)), chrome=chrome)
                    if len(text) >= PROSE_GUARD_MIN_CHARS and chrome.startswith(_GUARDED):
                        # flattened as content for now; collapsed into ``block`` at the end unless
                        # it holds most of the page's prose (see _resolve)
                        start = len(self.page.blocks)
                        self._enter(child, tag, depth, main, in_link, attrs)
                        self.candidates.append((start, len(self.page.blocks), block))
                    else:
                        self.page.blocks.append(block)
            elif tag in BLOCK_TAGS:
                self._flush(depth, main)
                if tag == "br" or tag == "hr":
                    child = child.next
                    continue
                self._enter(child, tag, depth, main, in_link, attrs if tag in CONTAINER_TAGS else None)
            elif tag == "a":
                # only a link that goes somewhere is link text: a named anchor (<a name=...>), or the
                # href-less <a> a stray '<a/>' opens, can run on unclosed over the paragraphs after it
                self.links.append(child)  # (asked whether it wraps a card only when a block ends inside it)
                self._walk(child, depth, main, in_link + ("href" in child.attrs))
                self.links.pop()
            elif tag != "img":
                self._walk(child, depth, main, in_link)
            child = child.next
