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

from collections.abc import Generator, Iterator, Sequence
from typing import Final

from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import _REGISTRY, Move, rule
from .header import HEADER_LOOKBACK, first_body, standfirst_tail

#: The header rules run again, in pipeline order.
HEADER_RULES: Final = ("image-credit", "source-date", "byline", "header-title")


#: Read in the standfirst's tail (:func:`~boilerstrip.rules.header.standfirst_tail`), last.
TAIL_RULES: Final = ("source-date", "byline")


@rule("header-settle", family="header", stage="meta", text_only=True)
def header_settle(doc: Doc, ctx: Context) -> Iterator[Move]:
    """The header rules again, on the lines every other rule left, when the first body paragraph
    they read is gone (it was chrome the region cut): the headline, publisher and date, byline
    and lead-image credit right above the article's first paragraph move into metadata. Then the
    byline and date lines right below the first paragraph, when it is a standfirst printed above
    them (:func:`_standfirst`): read only here, after the region, because moving them earlier
    takes their weight out of the region's scores (the region then grows over the menu)."""
    got = ctx.state.header_body
    if got is None:
        return
    then, at = got
    lines = doc.lines
    b = first_body(lines)
    if at is None or b is None:
        return
    kept = {line.index for line in lines}
    # the page as a second clean() sees it: the lines other rules cut are blank, so
    # header-title's "chrome was removed around the first line" reads this pass's cuts as none
    blank = Line(-1, "", "")
    page = [line if line.index in kept else blank for line in doc.all]
    pos = {line.index: k for k, line in enumerate(lines)}
    alive: list[Line] = list(lines)
    if lines[b] is not then[at] or _zone_grew(then, at, lines, b, kept):
        alive = yield from _run(HEADER_RULES, page, alive, pos, doc, ctx)
    yield from _standfirst(page, alive, pos, doc, ctx)


def _standfirst(page: list[Line], alive: list[Line], pos: dict[int, int], doc: Doc, ctx: Context) -> Iterator[Move]:
    """The byline and date lines right below the first body paragraph (its tail,
    :func:`~boilerstrip.rules.header.standfirst_tail`) when something was printed above it (a
    headline; a text that starts with the paragraph keeps the date under it), unless the next
    paragraph's tail holds one too: then the page is a list of entries (a teaser's sentence, its
    byline and date), not a standfirst over its byline."""
    b = first_body(alive)
    if b is None or not any(line.text.strip() for line in doc.all[: alive[b].index]):
        return  # the page starts with it: its first paragraph, not a standfirst under a headline
    tail = standfirst_tail(alive, b)
    if not tail:
        return
    state = ctx.state
    try:
        nxt = standfirst_tail(alive, tail.stop)
        if nxt:
            moved = set(state.header_moved)
            state.header_tail = tail.stop
            sub = Doc(page, alive, doc.meta)
            entries = any(any(_REGISTRY[r].fn(sub, ctx) or ()) for r in TAIL_RULES if r not in ctx.config.disable)
            state.header_moved = moved
            if entries:
                return
        state.header_tail = b
        yield from _run(TAIL_RULES, page, alive, pos, doc, ctx)
    finally:
        state.header_tail = None


def _zone_grew(then: Sequence[Line], at: int, lines: Sequence[Line], b: int, kept: set[int]) -> bool:
    """The same first paragraph: did a later rule cut lines out of the zone above it (a menu run),
    so that the zone now reaches lines the header rules did not read?"""
    read = [line.index for line in then[max(0, at - HEADER_LOOKBACK) : at] if line.index in kept]
    return read != [line.index for line in lines[max(0, b - HEADER_LOOKBACK) : b]]


def _run(rule_ids: Sequence[str], page: list[Line], alive: list[Line], pos: dict[int, int], doc: Doc, ctx: Context) -> Generator[Move, None, list[Line]]:
    """Run the rules ``rule_ids`` in turn on ``alive`` (the lines left), each on what the ones
    before it left; yield their moves in ``doc.lines`` positions and return the lines left."""
    for rule_id in rule_ids:
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
    return alive
