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
  :func:`hints` into a tuple; a rule tests the cheap hints before the expensive regex.

Each file is read once per process (``functools.cache``). Multilingual families keep every
language in the same file, grouped under ``# en``/``# de``/... comments.

>>> "advertisement" in phrases("ad_markers")
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

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
def pattern(name: str) -> regex.Pattern[str]:
    """The patterns of ``data/NAME.re`` as one case-insensitive alternation (use ``fullmatch``)."""
    alternatives = _entries(f"{name}.re")
    if not alternatives:
        raise ValueError(f"data/{name}.re has no patterns")
    return regex.compile("|".join(f"(?:{a})" for a in alternatives), regex.IGNORECASE | regex.V0)


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


def available(suffix: str = "") -> list[str]:
    """Names of the catalogue files shipped with the package (for docs and tests)."""
    return sorted(p.name for p in resources.files("boilerstrip.data").iterdir() if p.name.endswith(suffix) and not p.name.startswith("_"))
