"""The site-template rule: lines a site prints on most of its pages (learned, see
:mod:`boilerstrip.templates`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..pipeline import Context, Doc
from ..ruledef import Cut, rule
from ..templates import MIN_PAGES, MIN_SHARE, PROSE_SHARE, SiteTemplate, Templates, line_key, site_of_url
from .prose import is_paragraph_shaped


def site_model(ctx: Context) -> SiteTemplate | None:
    """The learned template of this page's site: ``Config.site``, else the host of the page's URL."""
    model = ctx.config.templates
    if model is None:
        return None
    if isinstance(model, SiteTemplate):
        return model
    if not isinstance(model, Templates):
        raise TypeError(f"templates must be a boilerstrip.templates.Templates, not {type(model).__name__}")
    site = ctx.config.site if ctx.config.site is not None else site_of_url(ctx.meta.get("url"))
    return model.site(site)


@rule("site-template", family="template", stage="span")
def site_template(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Lines the page's site prints on many of its pages (menus, promos, footers), learned by
    ``boilerstrip learn`` / ``clean --learn`` and passed as ``Config.templates``; nothing without them.

    A line goes when it occurs on at least MIN_PAGES pages and MIN_SHARE of its site's pages; a
    line of prose (``prose.is_paragraph_shaped``: a sentence of ten words or more) only at PROSE_SHARE, and never at the top of
    the body (body prose after it, none before): an article's own lead, quoted as a teaser on
    other pages of the site, sits there. The page's prose is never taken all."""
    model = site_model(ctx)
    if model is None or not model.lines or model.pages < MIN_PAGES:
        return
    lines = doc.lines
    need = max(MIN_PAGES, MIN_SHARE * model.pages)
    counts = [model.lines.get(line_key(line.key), 0) for line in lines]
    cand = [c >= need for c in counts]
    n = len(lines)

    def body_prose(k: int) -> bool:
        return 0 <= k < n and not cand[k] and is_paragraph_shaped(lines[k])

    drop = list(cand)
    for i, line in enumerate(lines):
        if drop[i] and is_paragraph_shaped(line):
            # prose-shaped: only when (nearly) every page has it, and not where a lead sits
            # (at the top of the body: body prose after it, none before it)
            drop[i] = counts[i] >= PROSE_SHARE * model.pages and not (body_prose(i + 1) and not body_prose(i - 1))
    if not any(not d and is_paragraph_shaped(line) for d, line in zip(drop, lines, strict=True)):
        # every prose line of the page is in the template (a site of near-identical pages):
        # keep the prose, never the whole page
        drop = [d and not is_paragraph_shaped(line) for d, line in zip(drop, lines, strict=True)]
    why = f"a template line of this site (on {MIN_SHARE:.0%}+ of its {model.pages} pages learned)"
    start = -1
    for i in range(n):
        if drop[i] and start < 0:
            start = i
        elif not drop[i] and start >= 0:
            yield Cut(start, i, why)
            start = -1
    if start >= 0:
        yield Cut(start, n, why)
