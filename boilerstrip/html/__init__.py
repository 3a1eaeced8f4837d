"""The HTML front end: a page in, the lines and context the shared pipeline runs on out.

:mod:`boilerstrip.api` sends HTML here instead of to :func:`boilerstrip.segment.split_lines`;
:func:`front_end` turns the page into lines, and the stages and assembly that follow are the
same as for text (:func:`boilerstrip.pipeline.extract_lines`):

1. :mod:`.dom` parses with selectolax (Lexbor), strips what never holds text, and flattens the
   body into blocks (one :class:`~boilerstrip.model.Line` each) with their DOM features; whole
   chrome elements (nav, aside, footer, ARIA roles, share/ad/related containers by class/id
   vocabulary) become one block each, so their removal is logged like any other.
2. :mod:`.blocks` picks the main region (the element holding the most prose) and, when
   trafilatura is available, combines that choice with trafilatura's main text (see
   :func:`.blocks.decide`).
3. :mod:`.metadata` reads JSON-LD, OpenGraph and ``<meta>`` tags.
4. The block decisions and the metadata go into the :class:`~boilerstrip.pipeline.Context`
   (``ctx.html``, ``ctx.meta``); they act as registered rules (``html-chrome-container``,
   ``html-main-content``, ``html-title``, in :mod:`.rules`) that run with every text rule on
   the blocks: one pipeline, one removal log, line numbers counting the flattened blocks that
   :func:`boilerstrip.explain` shows. :meth:`HtmlInput.with_markdown` then renders the kept
   blocks as Markdown from their DOM structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..config import Config
from ..language import detect
from ..model import Article, Line
from ..pipeline import Context

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|\?xml)", re.I | re.S)
_TAGS = re.compile(r"<(?:p|div|span|a|br|table|li|h[1-6])\b[^>]*>", re.I)
#: A fragment (no ``<html>``): text that opens with an element and closes it, with tags on at least
#: FRAGMENT_TAG_LINE_SHARE of its first lines, is markup however few tags it has ("<p>Hello
#: <b>world</b></p>" must not come out with its tags; a text page titled "<table>: The Table
#: element" is not markup).
_FRAGMENT_START = re.compile(
    r"\s*<(p|div|section|article|main|header|footer|nav|aside|span|a|b|i|em|strong|table|ul|ol|dl|li|h[1-6]|blockquote|pre|figure)\b[^<>]*>",
    re.I,
)
#: Tags per kilobyte of the head of a document above which we treat it as HTML.
HTML_TAG_DENSITY = 3
FRAGMENT_TAG_LINE_SHARE = 0.5


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    if _HTML_START.match(head[:1024]):
        return True
    m = _FRAGMENT_START.match(head)
    if m and re.search(f"</{m.group(1)}\\s*>", text, re.I):
        lines = [x for x in head.splitlines() if x.strip()]
        if sum("<" in x for x in lines) >= FRAGMENT_TAG_LINE_SHARE * len(lines):
            return True
    return len(_TAGS.findall(head)) >= HTML_TAG_DENSITY * max(1, len(head) // 1024)


def is_html(text: str, cfg: Config) -> bool:
    """Whether ``text`` goes to the HTML front end: ``input_format="html"``, or ``"auto"`` and it
    looks like HTML."""
    return cfg.input_format == "html" or (cfg.input_format == "auto" and looks_like_html(text))


@dataclass
class HtmlInfo:
    """What the HTML path hands the rules in ``ctx.html``: per-line block features and verdicts."""

    blocks: list[Any]
    drop: list[str | None]  # per line: why the block is not article text (None keeps it)
    title_line: int | None = None  # index of the block that is the article's title (h1)


def lxml_tree(html: str) -> Any:
    """The page parsed the way trafilatura and htmldate want it (parsed once, shared by both)."""
    try:
        from trafilatura.utils import load_html

        return load_html(html)
    except Exception:  # noqa: BLE001 - an unparsable page: own blocks alone decide
        return None


def trafilatura_text(tree: Any) -> Any:
    """trafilatura's main text (fast mode, no comments) as a :class:`.maintext.MainText`, or None.
    ``tree`` is :func:`lxml_tree`'s result (trafilatura edits it: call htmldate first)."""
    if tree is None:
        return None
    try:
        import trafilatura

        out = trafilatura.extract(tree, fast=True, include_comments=False, with_metadata=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - a crash in the helper must not cost the page: own blocks decide
        return None
    from .maintext import MainText

    return MainText(out) if out and out.strip() else None


def _without_chrome(page: Any) -> str:
    """The page's HTML without the elements the flattener found to be chrome (their blocks can
    never be article text, whatever trafilatura says of them), nor the chrome-named elements it read
    as the page's head (``page.heroes``, see .hero: trafilatura decides on the page as before).
    Only the outermost of them are removed (a head can hold a chrome element, or sit in one)."""
    nodes = [n for n in (page.elements.get(b.container) for b in page.blocks if b.chrome) if n is not None]
    nodes += page.heroes
    ids = {n.mem_id for n in nodes}
    outer = [n for n in nodes if not _inside(n, ids)]  # (decided before any removal)
    for node in outer:
        node.decompose()
    return str(page.tree.html)


def _inside(node: Any, ids: set[int]) -> bool:
    """Whether an ancestor of ``node`` is one of the elements ``ids``."""
    up = node.parent
    while up is not None:
        if up.mem_id in ids:
            return True
        up = up.parent
    return False


#: The JSON-LD ``articleBody`` of an article-typed object is used when the visible page holds only
#: a fragment of it (a teaser, a paywalled or script-rendered page): its paragraphs replace what
#: was kept, except the title line (:func:`jsonld_body`) ...
#: ... when the articleBody is at least this long (chars) ...
JSONLD_BODY_MIN_CHARS = 1000
#: ... and the text kept from the visible page is less than this share of it.
JSONLD_BODY_SHARE = 0.3
BY_JSONLD = "the page shows a fragment of its JSON-LD articleBody, which is used instead"


def jsonld_paragraphs(body: str) -> list[str]:
    """The paragraphs of a JSON-LD ``articleBody``: entities decoded, any markup dropped, one
    paragraph per line of the value."""
    from html import unescape

    from ..segment import normalize
    from .guard import flatten

    if "&lt;" in body:  # markup escaped inside the JSON string: "&lt;p&gt;Hello&lt;/p&gt;"
        body = unescape(body)
    # the linear tag stripper of the deep-page guard (it decodes entities too)
    text = flatten(body) if "<" in body else unescape(body)
    return [t for t in (normalize(x) for x in text.splitlines()) if t]


def jsonld_body(page_blocks: list[Any], drop: list[str | None], body: str, title_line: int | None) -> None:
    """Append the articleBody's paragraphs as blocks (kept) and drop the visible kept blocks but
    the title, when the visible text kept is a small fragment of the articleBody; else leave
    ``drop`` alone."""
    from .dom import Block

    paras = jsonld_paragraphs(body)
    total = sum(len(p) for p in paras)
    kept = sum(len(b.text) for i, (b, d) in enumerate(zip(page_blocks, drop, strict=True)) if d is None and i != title_line)
    if total < JSONLD_BODY_MIN_CHARS or kept >= JSONLD_BODY_SHARE * total:
        return
    for i, d in enumerate(drop):
        if d is None and i != title_line:
            drop[i] = BY_JSONLD
    for p in paras:
        page_blocks.append(Block(p, "p", 0, 0, ()))
        drop.append(None)


@dataclass
class HtmlInput:
    """What the HTML front end hands the pipeline: the page's blocks as lines, the context the
    rules read (``ctx.html``, the metadata found in the markup), and the parsed page."""

    lines: list[Line]
    ctx: Context
    page: Any  # dom.Page

    def with_markdown(self, article: Article) -> Article:
        """``article`` with its Markdown: the blocks the log does not remove, from their DOM structure."""
        return replace(article, markdown=_markdown(article, self.lines, self.page))


def front_end(html: str, cfg: Config) -> HtmlInput | None:
    """The page as lines and context for :func:`boilerstrip.pipeline.extract_lines`; None when it
    cannot be walked as a DOM (nesting deeper than :func:`.guard.too_deep` allows, or misnested
    formatting tags the depth scan could not see): the caller then reads it as text
    (:func:`.guard.flatten`)."""
    from .guard import too_deep

    if too_deep(html):
        return None
    try:
        return _front_end(html, cfg)
    except RecursionError:
        return None


def _front_end(html: str, cfg: Config) -> HtmlInput:
    from . import blocks, dom, metadata

    page = dom.parse(html)
    own = blocks.select(page.blocks)
    title_line = next((i for i, b in enumerate(page.blocks) if b.heading == 1 and not b.chrome), None)
    h1 = page.blocks[title_line].text if title_line is not None else None
    meta = metadata.extract(page, h1)
    title_line = meta.pop("title_line", title_line)  # a later h1 when the first one is the site's name
    # htmldate and trafilatura get the page with scripts, styles and other non-text elements
    # already stripped by selectolax (less to parse and clean twice), rather than the raw HTML;
    # except a page whose body sits in a <noscript> (the crawler view of a script app such as
    # Discourse): it is flattened with its noscript tags unwrapped, but trafilatura gets the page
    # as it came: the unwrapped markup, app shell and crawler view together, led it to one post of
    # a thread (three Discourse threads of wcxb dev: recall 0.16 / 0.16 / 0.37 -> 0.99 / 0.90 / 0.96).
    raw = page.noscript_unwrapped
    # htmldate's tree is parsed only when htmldate runs (about half the pages print their date in
    # the article header, which wins): a parse saved on those
    dated: list[Any] = []

    def date_tree() -> Any:
        dated.append(lxml_tree(html if raw else page.tree.html))
        return dated[0]

    metadata.complete(meta, page, date_tree, title_line)  # byline authors, the date (htmldate runs before trafilatura edits its tree)
    image = metadata.lead_image(page, meta)  # caption and credit split, image URL (before chrome is pruned)
    if raw:
        tree = lxml_tree(html)  # a fresh tree: trafilatura edits the one htmldate read
    elif not dated or dated[0] is not None:
        # without the chrome elements (nav, footer, share/related/ad boxes...): after the metadata
        # is read, trafilatura only needs to decide on the rest. About 15% less CPU per page; dev
        # split body F1 unchanged on scrapinghub, -0.0008 on the trafilatura set (one page).
        tree = lxml_tree(_without_chrome(page))
    else:
        tree = None  # the page did not parse for htmldate: trafilatura is not asked either
    drop, _ = blocks.decide(page.blocks, own, trafilatura_text(tree), page.shape)  # (and which side decided: not needed here)
    body = meta.pop("article_body", None)
    if body:
        jsonld_body(page.blocks, drop, body, title_line)
    lines = [Line(i, b.text, b.text, blank_before=True) for i, b in enumerate(page.blocks)]
    ctx = Context(cfg)
    ctx.html = HtmlInfo(page.blocks, drop, title_line)
    kept = [line for line, d in zip(lines, drop, strict=True) if d is None]
    ctx.language = cfg.language or detect(kept) or meta.get("language")
    for key in ("source", "published", "published_at", "url"):
        if meta.get(key):
            ctx.meta[key] = meta[key]
    if meta.get("authors"):
        ctx.meta["authors"] = list(meta["authors"])
    if image is not None:
        ctx.meta["images"] = [image]
    if meta.get("title") and title_line is None:
        ctx.meta["title"] = meta["title"]
    ctx.state.html_title = meta.get("title")
    return HtmlInput(lines, ctx, page)


def _markdown(article: Article, lines: list[Line], page: Any) -> str:
    """The kept blocks (the lines the log does not remove) as Markdown, from their DOM structure."""
    from ..markdown import from_blocks

    gone: set[int] = set()
    for r in article.removed:
        gone.update(range(r.start_line - 1, r.end_line))
    items = [(page.blocks[line.index], line.text) for line in lines if line.text and line.index not in gone]
    return from_blocks(items, page.elements)
