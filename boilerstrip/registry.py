"""The rule registry: which rules exist, and the one list that orders them.

How a rule is written (its stages, what it returns, the ``@rule`` decorator) is
:mod:`boilerstrip.ruledef`; this module imports the built-in rule modules (the text families in
:mod:`boilerstrip.rules`, the HTML-only rules in :mod:`boilerstrip.html.rules`), which register
themselves with ``@rule``, and puts them in :data:`ORDER`.

:data:`ORDER` alone decides the order; a rule that is registered but not listed (or listed
but not registered) is an error at the first :func:`all_rules` call, so the two can never drift
apart.
"""

from __future__ import annotations

from collections.abc import Iterable

# What a rule is; the names are importable from here too, where they were defined before ruledef.py.
from .ruledef import _ID, _REGISTRY, FIELDS, STAGES, Cut, Move, Rule, docstring, rule  # noqa: F401

# The pipeline, in order. This tuple is the only place order is decided.
ORDER: tuple[str, ...] = (
    # 1. context-free line rules (consecutive line rules run as one pass) ---------------------
    "html-chrome-container",
    "html-main-content",
    "decorative-leftover",
    "url-fragment",
    "url-slug",
    "aggregator-promo",
    "comment-widget",
    "inline-ad-marker",
    "scraper-trailer",
    "share-widget",
    "video-duration-run",
    "related-inline-link",
    # 2. structure spans: tails (related, comments, share, app footers, trailers) and inserts --
    "newsletter-insert",
    "app-download-promo",
    "related-tail",
    # 3. metadata moves: title, duplicated title, source + date, caption + credit, byline ------
    "html-title",
    "image-credit",
    "source-date",
    "byline",
    "header-title",
    # 4. heuristic spans: main region, navigation runs, teaser lists, repeated lines ----------
    # the site's learned template first (after the header moves, so a headline the site also
    # prints as a teaser elsewhere is the title here; before the region, which it helps)
    "site-template",
    "outside-main-region",
    # a long line printed again anywhere after itself (a reply quoting a post, a signature under
    # every post): on what the region kept, before the rules that find runs or the region again
    "far-copy",
    "terminator-tail",
    "navigation-run",
    # 5. context smoothing: short lines judged by their neighbours ----------------------------
    # in-body chrome the region keeps (after the region rules, so the lines they take still
    # count as chrome for the region: labels, boilerplate sentences, credited captions)
    "chrome-label",
    "boilerplate-prose",
    "caption-credit",
    "author-bio",
    "author-box",
    # a line printed again right after itself (a gallery's captions, a share bar under each
    # item; before region-settle, which finds the region again without the copies)
    "near-copy",
    # 6. the main region found again on what is left (a line it took only for the prose a
    # later rule cut): last, so a second clean() finds nothing more to cut there
    "region-settle",
    # author-bio again on the body's end, when region-settle cut the lines that ended it
    "trailer-settle",
    # the header rules again, when the first paragraph they read was chrome a later rule cut
    "header-settle",
)


def all_rules() -> tuple[Rule, ...]:
    """Every built-in rule in pipeline order (imports the rule modules on first call)."""
    from .html import rules as _html_rules  # noqa: F401  (importing a rule module registers its rules)
    from .rules import boilerplate, header, header_byline, header_settle, header_title, inserts, promos, prose, region, region_inside, related, site, trailers  # noqa: F401

    listed = set(ORDER)
    if len(listed) != len(ORDER):
        raise RuntimeError("ORDER lists a rule twice")
    missing = sorted(set(_REGISTRY) - listed)
    unknown = sorted(listed - set(_REGISTRY))
    if missing or unknown:
        raise RuntimeError(f"registry and ORDER disagree: not ordered {missing}, not registered {unknown}")
    return tuple(_REGISTRY[i] for i in ORDER)


def check_disable(ids: Iterable[str], extra: Iterable[str] = ()) -> None:
    known = {r.id for r in all_rules()} | set(extra)
    unknown = sorted(set(ids) - known)
    if unknown:
        raise ValueError(f"unknown rule id(s) in disable: {', '.join(unknown)} (see `boilerstrip rules`)")
