"""User rules from a TOML file (``Config.rules``): site-specific chrome without forking.

Each ``[[rule]]`` table becomes a line or tail rule that runs *before* the built-in rules and is
logged and switchable like them::

    [[rule]]
    id = "acme-footer"            # kebab-case, must not clash with a built-in id
    family = "trailer"            # free text; shown in the log and summaries
    action = "drop-line"          # drop each line that fully matches a pattern
    patterns = ["Copyright \\\\d{4} ACME.*", "Follow ACME on .*"]

    [[rule]]
    id = "acme-tail"
    family = "related"
    action = "cut-tail"           # drop the first matching line and everything after it
    patterns = ["More from ACME"]

Patterns use the ``regex`` module's syntax, match case-insensitively against the whole
whitespace-normalised line, and are run with a timeout so a bad pattern cannot hang a batch.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import regex

from .model import Line
from .pipeline import Context, Doc
from .registry import _ID, Cut, Rule

ACTIONS = ("drop-line", "cut-tail")
#: Seconds one user pattern may spend on one line before it counts as not matching.
PATTERN_TIMEOUT = 0.05


def load(path: Path, builtin_ids: set[str]) -> list[Rule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read rules file {path}: {exc}") from exc
    out: list[Rule] = []
    for n, spec in enumerate(data.get("rule", []), 1):
        where = f"{path}: rule #{n}"
        rid = spec.get("id", "")
        if not _ID.fullmatch(rid):
            raise ValueError(f"{where}: id {rid!r} is not kebab-case")
        if rid in builtin_ids or any(r.id == rid for r in out):
            raise ValueError(f"{where}: id {rid!r} is already taken")
        action = spec.get("action", "drop-line")
        if action not in ACTIONS:
            raise ValueError(f"{where}: action must be one of {ACTIONS}")
        pats = spec.get("patterns") or []
        if not pats or not all(isinstance(p, str) for p in pats):
            raise ValueError(f"{where}: patterns must be a non-empty list of strings")
        try:
            compiled = regex.compile("|".join(f"(?:{p})" for p in pats), regex.IGNORECASE)
        except regex.error as exc:
            raise ValueError(f"{where}: bad pattern: {exc}") from exc
        family = str(spec.get("family", "user"))
        summary = str(spec.get("description", f"user rule from {path.name}"))
        if action == "drop-line":
            out.append(Rule(rid, family, "line", partial(_drop_line, compiled), summary))
        else:
            out.append(Rule(rid, family, "span", partial(_cut_tail, compiled), summary))
    return out


def _matches(pat: regex.Pattern[str], text: str) -> bool:
    try:
        return pat.fullmatch(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return False


def _drop_line(pat: regex.Pattern[str], line: Line, ctx: Context) -> str | None:
    return "matches a user pattern" if _matches(pat, line.text) else None


def _cut_tail(pat: regex.Pattern[str], doc: Doc, ctx: Context) -> Iterator[Cut]:
    for i, line in enumerate(doc.lines):
        if _matches(pat, line.text):
            yield Cut(i, len(doc.lines), "tail after a user pattern")
            return
