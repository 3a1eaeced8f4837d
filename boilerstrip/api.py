"""The public entry points: clean, extract, explain; and the pipeline they run, in
:func:`_extract`, top to bottom:

1. decode: :func:`boilerstrip.decode.as_text` (str or bytes in, checked str out);
2. lines: the HTML front end (:func:`boilerstrip.html.front_end`: the page's blocks as lines,
   and a context holding what the markup said) or, for text, :func:`boilerstrip.segment.split_lines`;
3. stages: the rules of :func:`pipeline_for` (the registry's order) run over the lines;
4. assemble: the :class:`~boilerstrip.model.Article` from what they kept and moved.

Steps 3 and 4 are :func:`boilerstrip.pipeline.extract_lines`, the same for text and HTML.

>>> text = "logo\\nA storm hit the coast on Monday, and thousands of homes lost power.\\nAdvertisement\\nCrews expect to restore service by the end of the week, officials said."
>>> print(clean(text))
A storm hit the coast on Monday, and thousands of homes lost power.
<BLANKLINE>
Crews expect to restore service by the end of the week, officials said.
>>> [(r.rule, r.start_line) for r in explain(text).removed]
[('decorative-leftover', 1), ('inline-ad-marker', 3)]
>>> print(clean(text, disable={"inline-ad-marker"}).splitlines()[2])
Advertisement
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import Config, resolve
from .decode import as_text
from .html import front_end, is_html
from .html import looks_like_html as _looks_like_html  # noqa: F401  (tests call api._looks_like_html)
from .html.guard import flatten
from .language import detect as _detect_language  # noqa: F401  (tests and benchmarks call api._detect_language)
from .model import Article, Line, Removal
from .pipeline import extract_lines
from .registry import Rule, all_rules, check_disable
from .segment import join_body, split_lines


@dataclass(frozen=True)
class Explanation:
    """What :func:`explain` returns: the article, the lines the rules saw, and the log."""

    article: Article
    lines: tuple[Line, ...]

    @property
    def removed(self) -> tuple[Removal, ...]:
        return self.article.removed

    def render(self, legend: bool = False) -> str:
        """Every input line, as ``boilerstrip explain`` shows it: removed ones ``- [rule-id] ``,
        moved ones ``> [field<-rule-id] ``, kept ones two spaces (see :func:`render_explanation`).

        >>> print(explain("Advertisement\\nThe council approved the budget on Tuesday after a long debate.").render())
        - [inline-ad-marker] Advertisement
          The council approved the budget on Tuesday after a long debate.
        """
        return render_explanation(self, legend=legend)

    def __str__(self) -> str:
        return self.render()


_COLOURS = {"removed": "\x1b[31m", "moved": "\x1b[36m", "tag": "\x1b[2m", "reset": "\x1b[0m"}


def render_explanation(ex: Explanation, colour: bool = False, legend: bool = True) -> str:
    """Every input line with a gutter: ``-`` removed, ``>`` moved to metadata, two spaces kept.

    Removed and moved lines carry ``[rule-id]`` (``[field<-rule-id]`` for moves); a legend of the
    rules that fired, with span and (non-blank) line counts, closes the listing (``legend=True``,
    ``boilerstrip explain``; :meth:`Explanation.render` leaves it out). ``colour``: ANSI colours.

    >>> print(render_explanation(explain("Advertisement\\nThe council approved the budget on Tuesday after a long debate.")))
    - [inline-ad-marker] Advertisement
      The council approved the budget on Tuesday after a long debate.
    <BLANKLINE>
    -- 1 span removed or moved, by 1 rule:
       inline-ad-marker (insert): 1 span, 1 line
    """
    c = _COLOURS if colour else dict.fromkeys(_COLOURS, "")
    mark: dict[int, tuple[str, str, str]] = {}  # 1-based line -> (gutter, label, rule id)
    spans: Counter[str] = Counter()
    nlines: Counter[str] = Counter()
    family: dict[str, str] = {}
    for r in ex.removed:
        spans[r.rule] += 1
        family[r.rule] = r.family
        tag = (">", f"[{r.field}<-{r.rule}]", r.rule) if r.field else ("-", f"[{r.rule}]", r.rule)
        for n in range(r.start_line, r.end_line + 1):
            mark.setdefault(n, tag)
    out: list[str] = []
    for line in ex.lines:
        m = mark.get(line.index + 1)
        if not line.text:  # blank lines carry no mark, inside a span or not
            out.append("")
        elif m is None:
            out.append(f"  {line.text}")
        else:
            gutter, label, rid = m
            nlines[rid] += 1
            col = c["removed"] if gutter == "-" else c["moved"]
            out.append(f"{col}{gutter} {c['tag']}{label}{c['reset']}{col} {line.text}{c['reset']}")
    if not legend:
        return "\n".join(out)
    total = sum(spans.values())
    out.append("")
    out.append(f"-- {total} span{'s' if total != 1 else ''} removed or moved, by {len(spans)} rule{'s' if len(spans) != 1 else ''}:")
    for rid, n in sorted(spans.items(), key=lambda kv: (-kv[1], kv[0])):
        k = nlines[rid]
        out.append(f"   {rid} ({family[rid]}): {n} span{'s' if n != 1 else ''}, {k} line{'s' if k != 1 else ''}")
    return "\n".join(out)


def clean(text: str | bytes, *, config: Config | None = None, **options: Any) -> str:
    """The article body of ``text`` (plain text or HTML, ``str`` or ``bytes``), nothing else;
    as Markdown with ``output="markdown"``, as JSON with its metadata with ``output="json"``."""
    cfg = resolve(config, options)
    article = _extract(text, cfg)[0]
    if cfg.output == "markdown":
        return article.to_markdown()
    if cfg.output == "json":
        import json

        return json.dumps(article.to_dict(removed=False), ensure_ascii=False)
    return article.body


def extract(text: str | bytes, *, config: Config | None = None, **options: Any) -> Article:
    """The article body and its metadata, with the log of everything removed."""
    return _extract(text, resolve(config, options))[0]


def explain(text: str | bytes, *, config: Config | None = None, **options: Any) -> Explanation:
    """Like :func:`extract`, keeping the lines the rules saw so the cuts can be shown."""
    article, lines = _extract(text, resolve(config, options))
    return Explanation(article, tuple(lines))


def replay(lines: str | Sequence[Line], removed: Iterable[Removal]) -> str:
    """Apply a removal log to the text it came from: the result equals the body."""
    if isinstance(lines, str):
        lines = split_lines(lines)
    gone: set[int] = set()
    for r in removed:
        gone.update(range(r.start_line - 1, r.end_line))
    return join_body(line for line in lines if line.text and line.index not in gone)


def _extract(data: str | bytes, cfg: Config) -> tuple[Article, list[Line]]:
    text = as_text(data, cfg)  # 1. decode
    rules = pipeline_for(cfg)
    html = is_html(text, cfg)
    page = front_end(text, cfg) if html else None  # 2. lines: the HTML front end ...
    if page is None:  # ... or the text split into lines (markup that cannot be walked as a DOM: its text)
        lines, ctx = split_lines(flatten(text) if html else text), None
    else:
        lines, ctx = page.lines, page.ctx
    article, lines = extract_lines(lines, cfg, rules, ctx)  # 3. stages, 4. assemble
    return (article if page is None else page.with_markdown(article)), lines


def pipeline_for(cfg: Config) -> tuple[Rule, ...]:
    """The rules to run for these options: user rules first, then built-ins, minus disabled."""
    user = _user_rules(str(cfg.rules), _mtime(cfg.rules)) if cfg.rules else ()
    return _pipeline(cfg.disable, user)


@lru_cache(maxsize=64)
def _pipeline(disable: frozenset[str], user: tuple[Rule, ...]) -> tuple[Rule, ...]:
    check_disable(disable, extra=(r.id for r in user))
    return tuple(r for r in (*user, *all_rules()) if r.id not in disable)


@lru_cache(maxsize=16)
def _user_rules(path: str, mtime: float) -> tuple[Rule, ...]:
    from . import userrules

    return tuple(userrules.load(Path(path), {r.id for r in all_rules()}))


def _mtime(path: Path) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError as exc:
        raise ValueError(f"cannot read rules file {path}: {exc.strerror}") from exc
