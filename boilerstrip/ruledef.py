"""What a rule is: the :class:`Rule` record, the :class:`Cut` and :class:`Move` a rule returns,
and the :func:`rule` decorator that records it.

A rule is a pure function registered with :func:`rule`. It never edits the text: it says what
should go (and why), and the runner in :mod:`boilerstrip.pipeline` removes the lines and writes
the :class:`~boilerstrip.model.Removal`. Three stages exist:

``line``
    ``fn(line, ctx) -> str | None``: context-free; returns the reason the line is chrome.
    Consecutive ``line`` rules run in one pass over the lines.
``span``
    ``fn(doc, ctx) -> Iterable[Cut]``: sees the surviving lines and their neighbours and
    returns slices of ``doc.lines`` to drop (tails, inserts, regions, context smoothing).
``meta``
    ``fn(doc, ctx) -> Iterable[Move]``: moves lines out of the body into an
    :class:`~boilerstrip.model.Article` field (title, source, published, authors, images).

This module is the bottom layer of the rules: the rule modules, the runner and
:mod:`boilerstrip.userrules` import it, and it imports none of them. Which rules exist and the
order they run in is :mod:`boilerstrip.registry`'s business (it imports the rule modules).
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

STAGES = ("line", "span", "meta")
FIELDS = ("title", "source", "published", "authors", "images", "url")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Cut:
    """Drop ``doc.lines[start:stop]`` because of ``reason``."""

    start: int
    stop: int
    reason: str


@dataclass(frozen=True)
class Move:
    """Move ``doc.lines[start:stop]`` into metadata field ``field`` with value ``value``."""

    start: int
    stop: int
    field: str
    value: Any
    reason: str


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    stage: str
    fn: Callable[..., Any]
    summary: str
    #: line rules only: the runner skips lines longer than this (a cheap gate; most chrome is short)
    max_chars: int | None = None
    #: line rules only: the runner skips lines with more words than this (same kind of gate)
    max_words: int | None = None
    #: the rule only acts on HTML input (``ctx.html`` set); the runner skips it on plain text
    html_only: bool = False
    #: the rule is a text-mode heuristic that the page structure replaces in HTML mode; the runner
    #: leaves it out when ``ctx.html`` is set (the region rules and header-title: run on HTML,
    #: they cost 0.01-0.02 F1 on the dev split by cutting body paragraphs)
    text_only: bool = False
    #: line rules only: ``screen(lines) -> the lines fn may fire on`` (a subsequence, in order).
    #: A cheap bulk pre-filter, so fn is called only on candidates; it must never leave out a
    #: line fn would fire on (tests/test_screens.py checks that on every fixture and seed line).
    screen: Callable[[Sequence[Any]], Iterable[Any]] | None = None

    @property
    def doc(self) -> str:
        return docstring(self.fn)


def docstring(fn: Callable[..., Any]) -> str:
    """``fn``'s docstring, cleaned as :func:`inspect.cleandoc` does ("" when it has none).

    A function compiled with mypyc (a regular install compiles the rule modules, see setup.py)
    has no ``__doc__`` at run time; its docstring is then read from the module's ``.py`` source,
    which every install ships beside the compiled module.
    """
    if fn.__doc__ is not None:
        return inspect.cleandoc(fn.__doc__)
    module = sys.modules.get(getattr(fn, "__module__", None) or "")
    source = getattr(module, "__file__", None)
    if not source:
        return ""
    return _source_docstrings(str(Path(source).with_name(Path(source).name.split(".", 1)[0] + ".py"))).get(getattr(fn, "__name__", ""), "")


@cache
def _source_docstrings(path: str) -> dict[str, str]:
    """The docstrings of the top-level functions defined in the Python file ``path``."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    return {node.name: ast.get_docstring(node) or "" for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}


_REGISTRY: dict[str, Rule] = {}


def rule(
    rule_id: str,
    *,
    family: str,
    stage: str = "line",
    max_chars: int | None = None,
    max_words: int | None = None,
    html_only: bool = False,
    text_only: bool = False,
    screen: Callable[[Sequence[Any]], Iterable[Any]] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``fn`` as rule ``rule_id``. The first docstring line is what ``boilerstrip rules`` prints.

    ``max_chars`` / ``max_words`` (line rules) promise the rule never fires on a line with more
    characters / words, so the runner can skip the call: a speed gate, not a behaviour change.
    ``html_only`` promises the rule never does anything when ``ctx.html`` is None (plain-text
    input), so the runner leaves it out of text-mode runs altogether; ``text_only`` is the
    reverse: a text heuristic the runner leaves out of HTML runs.
    ``screen`` (line rules) returns, from a list of lines, those the rule may fire on: the
    runner calls ``fn`` only on them (a speed gate, not a behaviour change).
    """
    if not _ID.fullmatch(rule_id):
        raise ValueError(f"rule id {rule_id!r} is not kebab-case")
    if stage not in STAGES:
        raise ValueError(f"rule {rule_id!r}: unknown stage {stage!r}")

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if rule_id in _REGISTRY:
            raise ValueError(f"duplicate rule id {rule_id!r}")
        doc = docstring(fn)
        summary = doc.splitlines()[0] if doc else ""
        _REGISTRY[rule_id] = Rule(rule_id, family, stage, fn, summary, max_chars, max_words, html_only=html_only, text_only=text_only, screen=screen)
        return fn

    return register
