"""The body as Markdown: :meth:`boilerstrip.Article.to_markdown`, ``clean(..., output="markdown")``.

Markdown keeps the structure the article had, over the same paragraphs as the plain body (it
never keeps or drops anything the body does not):

* **HTML input**: from the DOM of each kept block: ``<h2>``-``<h6>`` become ``##``-``######``
  headings, list items ``-`` (``1.`` in ``<ol>``, indented two spaces per nesting level), a
  ``<blockquote>`` ``>``, a ``<pre>`` a fenced code block with its line breaks and indentation,
  and a data table a pipe table (its first row as the header). A layout table (one cell a row, or
  cells holding long prose) is rendered as the paragraphs it holds.
* **Text input**: the structure the text shows, nothing more: list items (lines starting with a
  bullet or ``1.``) become ``-`` / ``1.`` items, and a short headline-shaped line (no sentence end)
  followed by more body becomes a ``##`` heading.

The title is not part of the body, so it is not repeated here (it is ``Article.title``). Links are
not kept: the body is the text as read. Only line starts are escaped (a paragraph that begins with
``#``, ``>``, ``-``, ``+``, ``*`` or ``1.`` is not turned into structure); ``|`` is escaped in cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

#: A table is rendered as a pipe table only when some row has at least this many cells ...
TABLE_MIN_COLUMNS = 2
#: ... and no cell holds more than this many characters (longer: a layout table holding prose).
TABLE_CELL_MAX_CHARS = 400
#: Text input: a heading has at most this many words.
TEXT_HEADING_MAX_WORDS = 12

_NEEDS_ESCAPE = re.compile(r"(?:[#>+*=-]|\d{1,9}[.)](?:\s|$))")
_BULLET = re.compile(r"([•·▪◦‣●○■□►▸–—*+-])\s+(.*)")
_NUMBERED = re.compile(r"(\d{1,3})[.)]\s+(.*)")
_SENTENCE_END = ".!?;:,…。！？"
_CLOSERS = "\"'”’»)]"


def escape(text: str) -> str:
    """A paragraph whose first characters would read as Markdown structure, escaped."""
    return "\\" + text if _NEEDS_ESCAPE.match(text) else text


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _fence(code: str) -> str:
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}\n{code}\n{fence}"


def from_blocks(items: Sequence[tuple[Any, str]], elements: dict[int, Any]) -> str:
    """Markdown of the kept blocks, in order: ``items`` are (Block, text) pairs (the Block from
    :mod:`boilerstrip.html.dom`, None for text without a DOM such as a JSON-LD articleBody);
    ``elements`` maps mem_ids to DOM nodes (the raw text of a ``<pre>``)."""
    units: list[tuple[str, bool]] = []  # (rendered unit, joins the previous unit with one newline)
    numbers: dict[int, int] = {}
    n = len(items)
    i = 0
    while i < n:
        b, text = items[i]
        if b is None:
            units.append((escape(text), False))
            i += 1
        elif b.pre:
            j = i
            while j < n and items[j][0] is not None and items[j][0].pre == b.pre:
                j += 1
            units.append((_fence(_code(items[i:j], elements.get(b.pre))), False))
            i = j
        elif b.table and b.row:
            j = i
            while j < n and items[j][0] is not None and items[j][0].table == b.table and items[j][0].row:
                j += 1
            table = _table(items[i:j])
            if table is None:  # a layout table: its paragraphs
                units.extend((escape(t), False) for _, t in items[i:j])
            else:
                units.append((table, False))
            i = j
        elif b.heading:
            units.append(("#" * b.heading + " " + text, False))
            i += 1
        elif b.list_id:
            indent = "  " * (b.list_depth - 1)
            if b.ordered:
                numbers[b.list_id] = numbers.get(b.list_id, 0) + 1
                marker = f"{numbers[b.list_id]}."
            else:
                marker = "-"
            prev = items[i - 1][0] if i > 0 else None
            # items of one list (and the lists nested in it) on adjacent lines; a new list apart
            tight = prev is not None and bool(prev.list_id) and (prev.list_id in b.ancestors or b.list_id in prev.ancestors)
            units.append((f"{indent}{marker} {text}", tight))
            i += 1
        elif b.in_quote:
            units.append(("> " + text, False))
            i += 1
        else:
            units.append((escape(text), False))
            i += 1
    return _join(units)


def _join(units: list[tuple[str, bool]]) -> str:
    parts: list[str] = []
    for k, (u, tight) in enumerate(units):
        if k:
            parts.append("\n" if tight else "\n\n")
        parts.append(u)
    return "".join(parts)


def _code(items: Sequence[tuple[Any, str]], node: Any) -> str:
    """The code of a ``<pre>``: its raw text (line breaks and indentation) when it is one block,
    else its kept blocks one a line (a ``<br>`` split it)."""
    if len(items) == 1 and node is not None:
        raw = node.text(deep=True)
        if "".join(raw.split()) == "".join(items[0][1].split()):
            return raw.strip("\n")
    return "\n".join(t for _, t in items)


def _table(items: Sequence[tuple[Any, str]]) -> str | None:
    """A pipe table of the kept cells of one table (None when it is a layout table)."""
    rows: dict[int, dict[int, list[str]]] = {}
    header: dict[int, bool] = {}
    for b, text in items:
        if len(text) > TABLE_CELL_MAX_CHARS:
            return None
        anc = b.ancestors
        k = anc.index(b.row) if b.row in anc else 0
        cell = anc[k - 1] if k > 0 else b.container
        rows.setdefault(b.row, {}).setdefault(cell, []).append(text)
        header[b.row] = header.get(b.row, True) and b.th
    cols = max(len(r) for r in rows.values())
    if cols < TABLE_MIN_COLUMNS:
        return None
    lines: list[str] = []
    for k, cells in enumerate(rows.values()):
        vals = [_cell(" ".join(c)) for c in cells.values()]
        vals += [""] * (cols - len(vals))
        lines.append("| " + " | ".join(vals) + " |")
        if k == 0:
            lines.append("|" + " --- |" * cols)
    return "\n".join(lines)


def from_text(body: str) -> str:
    """Markdown of a body that came from plain text: its list items and headings, by shape."""
    paras = body.split("\n\n") if body else []
    out: list[str] = []
    for k, para in enumerate(paras):
        lines = para.split("\n")
        rendered = [_text_line(line) for line in lines]
        if len(lines) == 1 and k + 1 < len(paras) and _is_heading(lines[0]) and not _is_heading(paras[k + 1].split("\n")[0]):
            rendered = ["## " + lines[0]]
        out.append("\n".join(rendered))
    return "\n\n".join(out)


def _text_line(line: str) -> str:
    m = _NUMBERED.match(line)
    if m:
        return f"{m.group(1)}. {m.group(2)}"
    m = _BULLET.match(line)
    if m:
        return "- " + m.group(2)
    return escape(line)


def _is_heading(line: str) -> bool:
    """A headline-shaped line: a few words with a letter, no sentence end, not a list item."""
    words = line.split()
    if not 1 <= len(words) <= TEXT_HEADING_MAX_WORDS or _BULLET.match(line) or _NUMBERED.match(line):
        return False
    t = line.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] not in _SENTENCE_END and any(c.isalpha() for c in t)
