"""Phrase catalogues: package data files, one entry a line, ``#`` starts a comment.

Two kinds of file live in ``boilerstrip/data/``:

* ``NAME.txt``: literal phrases. Loaded by :func:`phrases` into a ``frozenset`` of
  case-folded, whitespace-normalised strings (compare against ``Line.lower``).
* ``NAME.re``: regular expressions (``regex`` module syntax). Loaded by :func:`pattern` into
  one compiled, case-insensitive alternation that must match a *whole* normalised line
  (``fullmatch``). Patterns must not nest unbounded quantifiers; the robustness tests time
  them on adversarial input.
* ``NAME.hints``: pre-filter substrings for a catalogue, lower case, one of which every entry it
  guards contains; a hint wrapped in double quotes keeps its leading/trailing spaces. Loaded by
  :func:`hints` into a tuple; a rule tests the cheap hints before the expensive regex, with
  :func:`line_hints`: every hint of every file is looked for in one Aho-Corasick pass
  (pyahocorasick) over the line, once per line.

Each file is read once per process (``functools.cache``). Multilingual families keep every
language in the same file, grouped under ``# en``/``# de``/... comments.

>>> "advertisement" in phrases("ad_markers")
True
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick
import regex

from .model import KEY_STRIP, Line, fold
from .segment import normalize


def _entries(filename: str) -> list[str]:
    text = resources.files("boilerstrip.data").joinpath(filename).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        entry = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if entry:
            out.append(entry)
    return out


@cache
def phrases(name: str) -> frozenset[str]:
    """The literal phrases of ``data/NAME.txt``, case-folded and whitespace-normalised."""
    return frozenset(normalize(e).casefold() for e in _entries(f"{name}.txt"))


@cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``data/NAME.txt`` cleaned as :func:`phrases` cleans them, in file order (for
    the few catalogues whose order means something, such as the months of a year)."""
    return tuple(normalize(e).casefold() for e in _entries(f"{name}.txt"))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """:func:`phrases` sorted longest first (ties alphabetically), the order to join them in a
    regex alternation: an entry is tried before its own prefixes."""
    return tuple(sorted(phrases(name), key=lambda p: (-len(p), p)))


@cache
def pattern(name: str) -> regex.Pattern[str]:
    """The patterns of ``data/NAME.re`` as one case-insensitive alternation (use ``fullmatch``)."""
    alternatives = _entries(f"{name}.re")
    if not alternatives:
        raise ValueError(f"data/{name}.re has no patterns")
    return regex.compile("|".join(f"(?:{a})" for a in alternatives), regex.IGNORECASE | regex.V0)


@cache
def catalogue(name: str) -> frozenset[str]:
    """``phrases(name)`` folded (:func:`~boilerstrip.model.fold`) and stripped the way
    ``Line.key`` strips lines: compare against ``line.key``."""
    return frozenset(k for k in (fold(p).strip(KEY_STRIP) for p in phrases(name)) if k)


@cache
def hints(name: str) -> tuple[str, ...]:
    """The pre-filter substrings of ``data/NAME.hints`` (quotes around an entry keep its spaces).

    >>> " read" in hints("chrome_labels")
    True
    """
    out = tuple(e[1:-1] if len(e) > 1 and e[0] == e[-1] == '"' else e for e in _entries(f"{name}.hints"))
    if not out:
        raise ValueError(f"data/{name}.hints has no entries")
    return out


@cache
def hint_flag(name: str) -> int:
    """The bit of ``data/NAME.hints`` in :func:`line_hints` masks.

    >>> line_hints_of("see our affiliate links") & hint_flag("boilerplate_prose") != 0
    True
    """
    return 1 << _hint_names().index(name)


@cache
def _hint_names() -> tuple[str, ...]:
    return tuple(n[: -len(".hints")] for n in available(".hints"))


@cache
def _automaton() -> Any:
    """One Aho-Corasick automaton over the hints of every ``.hints`` file; a hint's value is the
    mask of the files that list it."""
    masks: dict[str, int] = {}
    for name in _hint_names():
        for h in hints(name):
            masks[h] = masks.get(h, 0) | hint_flag(name)
    a = ahocorasick.Automaton()
    for h, mask in masks.items():
        a.add_word(h, mask)
    a.make_automaton()
    return a


def line_hints_of(lower: str) -> int:
    """The mask of the hint files one of whose hints occurs in ``lower`` (a casefolded line)."""
    mask = 0
    for _, m in _automaton().iter(lower):
        mask |= m
    return mask


def line_hints(line: Line) -> int:
    """``line_hints_of(line.lower)``, memoised on the line (``Line._hints``)."""
    mask = line._hints
    if mask is None:
        mask = line._hints = line_hints_of(line.lower)
    return mask


@cache
def hint_regex(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for all hints, shaped as a trie (shared prefixes matched once: ~40% faster)."""
    trie: dict = {}
    for h in hints:
        node = trie
        for c in h:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(trie))


def available(suffix: str = "") -> list[str]:
    """Names of the catalogue files shipped with the package (for docs and tests)."""
    return sorted(p.name for p in resources.files("boilerstrip.data").iterdir() if p.name.endswith(suffix) and not p.name.startswith("_"))
