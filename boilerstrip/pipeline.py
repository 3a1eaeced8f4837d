"""Stages and assembly: the part of the pipeline that text and HTML input share.

:func:`extract_lines` is steps 3 and 4 of :mod:`boilerstrip.api`'s pipeline (decode -> lines ->
stages -> assemble): :func:`run` applies the registry's rules to the lines in order and keeps
the removal log, :func:`assemble` makes the :class:`~boilerstrip.model.Article` from what they
kept and moved. The lines come from :func:`boilerstrip.segment.split_lines` (text) or from the
HTML front end (:func:`boilerstrip.html.front_end`, which also fills the :class:`Context`).

Rules only *say* what to drop; this module drops it, so every line that leaves the body has
exactly one :class:`~boilerstrip.model.Removal` naming the rule that took it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from . import dates
from .config import Config
from .features import Features
from .language import detect
from .model import Article, Image, Line, Removal
from .ruledef import Cut, Move, Rule
from .segment import join_body

#: Metadata fields that collect several values; the others keep the first value they get.
LIST_FIELDS: Final = ("authors", "images")


@dataclass
class DocState:
    """What the rules compute once per document and share, or leave for a later rule to read.

    One field per piece of state, each owned by the module named in its comment; a rule that needs
    a new one adds a field here. The memos must give the same answer as computing afresh: a rule
    never edits what it reads from them. A new :class:`Context` (one per document) starts empty.
    """

    #: features.of: every input line's :class:`~boilerstrip.features.Features` (indexed by
    #: ``Line.index``), computed on first use.
    features: list[Features] | None = None
    #: html/__init__.py -> html/rules.py: the page's title from its metadata (JSON-LD headline,
    #: og:title, <title>), which html-title prefers to the <h1>'s text. None on plain text.
    html_title: str | None = None
    #: rules/region_scores.big_enough: does the input page have MIN_LINES non-blank lines? (Decided
    #: on the first ask, so the rules after the region cut still run on the shortened body.)
    region_big: bool | None = None
    #: rules/region_scores: every input line's own prose score (None for lines removed before the
    #: first ask, filled in when a later ask sees them).
    region_base: list[float | None] | None = None
    #: rules/region_scores: input line index -> is it a terminator heading (the gaps between
    #: surviving lines, scanned by several rules).
    region_terminators: dict[int, bool] = field(default_factory=dict)
    #: rules/region_scores.scores: ``removed_barriers`` -> (the ``doc.lines`` they were computed
    #: for, their scores). Valid while ``doc.lines`` is that very list (compared by identity;
    #: holding the list keeps its id from being reused).
    region_scores: dict[bool, tuple[Sequence[Line], list[float]]] = field(default_factory=dict)
    #: rules/region_scores.removed_before: (the ``doc.lines`` they were computed for, how many
    #: lines the rules before the region removed right before each); valid while ``doc.lines``
    #: is that very list.
    region_gaps: tuple[Sequence[Line], list[int]] | None = None
    #: rules/region.main_region: number of surviving lines -> the article's parts as (start, stop)
    #: spans of ``doc.lines`` (None: no region stands out).
    region_parts: dict[int, list[tuple[int, int]] | None] = field(default_factory=dict)
    #: rules/header._body_start: (the ``doc.lines`` it was computed for, the first body paragraph's
    #: position in them); valid while ``doc.lines`` is that very list (compared by identity).
    header_body: tuple[Sequence[Line], int | None] | None = None
    #: the header rules (image-credit, source-date, byline) -> header-title: input line indexes
    #: they moved into metadata, the evidence for the headline above them.
    header_moved: set[int] = field(default_factory=set)
    #: rules/header_settle -> rules/header.header_lines: while header-settle reads a paragraph's
    #: tail (the few lines right below it) instead of the zone above the body, that paragraph's
    #: position in ``doc.lines``; None otherwise.
    header_tail: int | None = None
    #: pipeline.run: input line index -> the family of the rule that removed it (cut or moved
    #: into metadata), for the lines removed so far. rules/region.main_region reads it too: no
    #: line removed yet means no chrome found on the page.
    removed_by: dict[int, str] = field(default_factory=dict)
    #: rules/region_lists.double_spaced: is every two input lines (but list items) apart by a blank line?
    double_spaced: bool | None = None
    #: rules/region_lists.kept_body: is the input printed as clean() prints a body (double-spaced,
    #: every line as its normalised text)?
    printed_body: bool | None = None
    #: rules/boilerplate.author_bio: the input index of the body's last line when it read the page
    #: (rules/boilerplate.trailer_settle reads the end again when a later rule cut that line).
    bio_last: int | None = None


@dataclass
class Context:
    """What a rule may read about the document besides its lines: options, language, metadata so
    far, the HTML path's block features, and :class:`DocState`.

    ``state`` is the only mutable thing a rule may touch (besides the metadata the runner stores
    from its moves); one Context serves one document, so nothing carries over to the next.
    """

    config: Config
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    state: DocState = field(default_factory=DocState)
    html: Any = None  # set by the HTML path: per-line block features from the DOM


class Doc:
    """The lines still in the body (non-blank, in input order) and their neighbourhood."""

    __slots__ = ("all", "lines", "meta")

    def __init__(self, all_lines: Sequence[Line], alive: Sequence[Line], meta: dict[str, Any]):
        self.all = all_lines
        self.lines = alive
        self.meta = meta

    def __len__(self) -> int:
        return len(self.lines)

    def gap_before(self, i: int) -> bool:
        """True when a blank or removed input line separates ``lines[i]`` from ``lines[i-1]``."""
        if i <= 0:
            return True
        return self.lines[i].index != self.lines[i - 1].index + 1 or self.lines[i].blank_before

    def prev(self, i: int) -> Line | None:
        return self.lines[i - 1] if i > 0 else None

    def next(self, i: int) -> Line | None:
        return self.lines[i + 1] if i + 1 < len(self.lines) else None


@dataclass
class Result:
    lines: list[Line]
    kept: list[Line]
    removed: list[Removal]
    meta: dict[str, Any]


def extract_lines(lines: list[Line], cfg: Config, rules: Sequence[Rule], ctx: Context | None = None) -> tuple[Article, list[Line]]:
    """Run the rules over ``lines`` and assemble the Article (``ctx``: what a front end found, the
    HTML one; None for plain text). The language is detected here unless it is known already."""
    ctx = ctx or Context(cfg)
    if ctx.language is None:
        ctx.language = cfg.language or detect(lines)
    return assemble(run(lines, rules, ctx), ctx), lines


def assemble(result: Result, ctx: Context) -> Article:
    """The Article: the kept lines as the body, the metadata the rules and the front end found."""
    meta = result.meta
    published = meta.get("published")
    return Article(
        body=join_body(result.kept),
        title=meta.get("title"),
        source=meta.get("source"),
        published=published,
        published_at=meta.get("published_at") or dates.resolve(published, ctx.config.reference_time),
        authors=tuple(meta.get("authors", ())),
        images=as_images(meta.get("images", [])),
        url=meta.get("url"),
        language=ctx.language,
        removed=tuple(result.removed),
    )


def run(lines: list[Line], rules: Sequence[Rule], ctx: Context) -> Result:
    alive = [line for line in lines if line.text]
    log: list[tuple[int, Removal]] = []  # (pipeline position, removal) for a stable sort
    position = 0
    for group in _schedule(rules, ctx.html is not None):
        if not alive:
            break
        head = group[0]
        if head.stage == "line":
            picked_by = _line_pass(group, alive, ctx)
            if picked_by:
                pos = {line.index: k for k, line in enumerate(alive)}
                gone_lines: set[int] = set()
                for k, r in enumerate(group):
                    picked = picked_by.get(k)
                    if picked:
                        log.extend((position + k + 1, rem) for rem in _runs(r, [(pos[line.index], line, why) for line, why in picked]))
                        gone_lines.update(line.index for line, _ in picked)
                        ctx.state.removed_by.update(dict.fromkeys((line.index for line, _ in picked), r.family))
                alive = [line for line in alive if line.index not in gone_lines]
            position += len(group)
            continue
        position += 1
        doc = Doc(lines, alive, ctx.meta)
        gone: set[int] = set()
        if head.stage == "span":
            for cut in head.fn(doc, ctx) or ():
                _check(cut, alive, head)
                taken = [(k, line, cut.reason) for k, line in enumerate(alive[cut.start : cut.stop], cut.start) if line.index not in gone]
                gone.update(line.index for _, line, _ in taken)
                log.extend((position, rem) for rem in _runs(head, taken))
        else:  # meta
            for move in head.fn(doc, ctx) or ():
                _check(move, alive, head)
                _store(ctx.meta, move.field, move.value)
                taken = [(k, line, move.reason) for k, line in enumerate(alive[move.start : move.stop], move.start) if line.index not in gone]
                gone.update(line.index for _, line, _ in taken)
                log.extend((position, rem) for rem in _runs(head, taken, field=move.field))
        if gone:
            alive = [line for line in alive if line.index not in gone]
            ctx.state.removed_by.update(dict.fromkeys(gone, head.family))
    log.sort(key=lambda pr: (pr[1].start_line, pr[0]))
    return Result(lines, alive, [rem for _, rem in log], ctx.meta)


def _line_pass(group: Sequence[Rule], alive: list[Line], ctx: Context) -> dict[int, list[tuple[Line, str]]]:
    """One pass of consecutive line rules: ``{position in group: [(line, reason), ...]}``, each
    line taken by the first rule (in pipeline order) that fires on it.

    Rule by rule rather than line by line (the same calls, as line rules are pure): each rule
    sees the lines no earlier rule took, cut down by its ``max_chars`` / ``max_words`` gates and
    its ``screen`` in bulk, so ``fn`` is called only on the few candidates.
    """
    picked_by: dict[int, list[tuple[Line, str]]] = {}
    remaining = alive
    for k, r in enumerate(group):
        gated: Sequence[Line] = remaining
        mc, mw = r.max_chars, r.max_words
        if mc is not None:
            gated = [line for line in remaining if line.n_chars <= mc and line.n_words <= mw] if mw is not None else [line for line in remaining if line.n_chars <= mc]
        elif mw is not None:
            gated = [line for line in remaining if line.n_words <= mw]
        cands: Iterable[Line] = gated if r.screen is None else r.screen(gated)
        fn = r.fn
        picked = []
        for line in cands:
            reason = fn(line, ctx)
            if reason:
                picked.append((line, reason))
        if picked:
            picked_by[k] = picked
            taken = {line.index for line, _ in picked}
            remaining = [line for line in remaining if line.index not in taken]
    return picked_by


#: (rules, html) -> their groups; keyed by identity (hashing every Rule per page costs more than
#: the grouping), holding the rules so an id cannot be reused while its entry lives.
_SCHEDULES: Final[dict[tuple[int, bool], tuple[Sequence[Rule], list[list[Rule]]]]] = {}
_SCHEDULES_MAX: Final = 128


def _schedule(rules: Sequence[Rule], html: bool) -> list[list[Rule]]:
    """The groups :func:`run` walks: on plain text (``html`` False) without the rules that only
    act on HTML input, on HTML without the text heuristics the page structure replaces (see
    Rule.html_only, Rule.text_only). Computed once per pipeline tuple."""
    key = (id(rules), html)
    found = _SCHEDULES.get(key)
    if found is not None and found[0] is rules:
        return found[1]
    groups = list(_groups([r for r in rules if not r.text_only] if html else [r for r in rules if not r.html_only]))
    if isinstance(rules, tuple):  # the pipelines api.pipeline_for caches; a list may change
        if len(_SCHEDULES) >= _SCHEDULES_MAX:
            _SCHEDULES.clear()
        _SCHEDULES[key] = (rules, groups)
    return groups


def _groups(rules: Sequence[Rule]) -> Iterator[list[Rule]]:
    """Consecutive line rules form one pass; every other rule runs alone."""
    batch: list[Rule] = []
    for r in rules:
        if r.stage == "line":
            batch.append(r)
            continue
        if batch:
            yield batch
            batch = []
        yield [r]
    if batch:
        yield batch


def _check(item: Cut | Move, alive: Sequence[Line], r: Rule) -> None:
    if not (0 <= item.start <= item.stop <= len(alive)):
        raise IndexError(f"rule {r.id} returned span {item.start}:{item.stop} outside 0:{len(alive)}")


def _store(meta: dict[str, Any], name: str, value: Any) -> None:
    if name in LIST_FIELDS:
        if value not in meta.setdefault(name, []):
            meta[name].append(value)
    elif meta.get(name) is None:
        meta[name] = value


def _runs(r: Rule, picked: list[tuple[int, Line, str]], field: str | None = None) -> Iterator[Removal]:
    """Group dropped lines, given as (position among the surviving lines, line, reason), into
    runs that are contiguous among the surviving lines."""
    if not picked:
        return
    run: list[Line] = []
    reason = picked[0][2]
    last = -2
    for k, line, why in picked:
        if run and (k != last + 1 or why != reason):
            yield _removal(r, run, reason, field)
            run = []
        if not run:
            reason = why
        run.append(line)
        last = k
    yield _removal(r, run, reason, field)


def _removal(r: Rule, run: list[Line], reason: str, field: str | None) -> Removal:
    return Removal(
        rule=r.id,
        family=r.family,
        start_line=run[0].index + 1,
        end_line=run[-1].index + 1,
        text="\n".join(line.text for line in run),
        reason=reason,
        field=field,
    )


def as_images(values: list[Any]) -> tuple[Image, ...]:
    """The images in order. One picture found twice, once in the markup (with its URL) and once
    as a caption line a caption rule moved (without), is kept once with the URL; two captions
    that merely read the same ("Photo: Reuters" under two pictures) stay two images."""
    out: list[Image] = []
    for v in values:
        img = v if isinstance(v, Image) else Image(caption=str(v))
        key = (img.caption.casefold() if img.caption else None, img.credit.casefold() if img.credit else None)
        for k, seen in enumerate(out):
            if (seen.url is None) != (img.url is None) and (seen.caption.casefold() if seen.caption else None, seen.credit.casefold() if seen.credit else None) == key:
                out[k] = Image(caption=seen.caption, credit=seen.credit, url=seen.url or img.url)
                break
        else:
            out.append(img)
    return tuple(out)
