"""The header read again on what the other rules left (family ``header``, rule ``header-settle``).

The header rules (``image-credit``, ``source-date``, ``byline``, ``header-title``) read the few
lines above the first body paragraph. On a raw page that paragraph may be chrome that reads like
prose (a login prompt inside the menu, a cookie notice), so the zone they read is in the menu and
the real header (the headline, its copy, the publisher and date) stays in the body. The region
rules later cut the menu; cleaning the body again would then find the header and move it, so
``clean(clean(x)) != clean(x)`` (issue 12). This rule runs last: when the first body paragraph of
the lines left is not the one the header rules read, or a later rule cut lines out of the zone
above it (so the zone now reaches lines they did not read), it runs them again there, on the page
as a second ``clean()`` would see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import _REGISTRY, Move, rule
from .header import HEADER_LOOKBACK, first_body

#: The header rules run again, in pipeline order.
HEADER_RULES: Final = ("image-credit", "source-date", "byline", "header-title")


@rule("header-settle", family="header", stage="meta", text_only=True)
def header_settle(doc: Doc, ctx: Context) -> Iterator[Move]:
    """The header rules again, on the lines every other rule left, when the first body paragraph
    they read is gone (it was chrome the region cut): the headline, publisher and date, byline
    and lead-image credit right above the article's first paragraph move into metadata."""
    got = ctx.state.header_body
    if got is None:
        return
    then, at = got
    lines = doc.lines
    b = first_body(lines)
    if at is None or b is None:
        return
    kept = {line.index for line in lines}
    if lines[b] is then[at]:
        # the same first paragraph: run again only when a later rule cut lines out of the zone
        # above it (a menu run), so that the zone now reaches lines the header rules did not read
        read = [line.index for line in then[max(0, at - HEADER_LOOKBACK) : at] if line.index in kept]
        if read == [line.index for line in lines[max(0, b - HEADER_LOOKBACK) : b]]:
            return
    alive: list[Line] = list(lines)
    # the page as a second clean() sees it: the lines other rules cut are blank, so
    # header-title's "chrome was removed around the first line" reads this pass's cuts as none
    blank = Line(-1, "", "")
    page = [line if line.index in kept else blank for line in doc.all]
    pos = {line.index: k for k, line in enumerate(lines)}
    for rule_id in HEADER_RULES:
        if rule_id in ctx.config.disable:
            continue
        sub = Doc(page, alive, doc.meta)
        moves = list(_REGISTRY[rule_id].fn(sub, ctx) or ())
        gone: set[int] = set()
        for m in moves:
            taken = alive[m.start : m.stop]  # (a rule may move one line into two fields)
            gone.update(line.index for line in taken)
            # one Move per run of lines that are consecutive in doc.lines
            run: list[int] = []
            for k in sorted(pos[line.index] for line in taken):
                if run and k != run[-1] + 1:
                    yield Move(run[0], run[-1] + 1, m.field, m.value, f"{rule_id}: {m.reason}")
                    run = []
                run.append(k)
            if run:
                yield Move(run[0], run[-1] + 1, m.field, m.value, f"{rule_id}: {m.reason}")
        if gone:
            alive = [line for line in alive if line.index not in gone]
