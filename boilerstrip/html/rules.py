"""The HTML path's decisions as registered rules, so they are logged, ordered and can be disabled.

They act only on input that came in as HTML (``ctx.html`` is set by
:func:`boilerstrip.html.front_end`); on plain text they never fire. The verdicts themselves
are computed once per page by :mod:`boilerstrip.html.blocks` from the DOM.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import Move, rule


@rule("html-chrome-container", family="html", html_only=True)
def html_chrome_container(line: Line, ctx: Context) -> str | None:
    """HTML only: a whole chrome element (nav, aside, footer, form, ARIA navigation/banner/complementary, share/ad/related/comment containers by class or id)."""
    info = ctx.html
    if info is None:
        return None
    block = info.blocks[line.index]
    return block.chrome


@rule("html-main-content", family="html", html_only=True)
def html_main_content(line: Line, ctx: Context) -> str | None:
    """HTML only: blocks outside the page's main text (own prose region combined with trafilatura), and link lists inside it."""
    info = ctx.html
    if info is None or info.blocks[line.index].chrome:
        return None
    return info.drop[line.index]


@rule("html-title", family="html", stage="meta", html_only=True)
def html_title(doc: Doc, ctx: Context) -> Iterator[Move]:
    """HTML only: the article's ``<h1>`` moves into ``title`` (JSON-LD ``headline`` when the page has one)."""
    info = ctx.html
    if info is None or info.title_line is None:
        return
    for k, line in enumerate(doc.lines):
        if line.index == info.title_line:
            yield Move(k, k + 1, "title", ctx.state.html_title or line.text, "the page's <h1>")
            return
        if line.index > info.title_line:
            break
    title = ctx.state.html_title
    if title:  # the h1 was already outside the main text: set the field without moving a line
        yield Move(0, 0, "title", title, "page metadata")
