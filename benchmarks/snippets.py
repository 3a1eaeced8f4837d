#!/usr/bin/env python3
"""Where the chrome that survives sits: every kept ``without`` snippet, placed against the kept ``with`` ones.

    .venv/bin/python benchmarks/snippets.py [DATA] [--dataset trafilatura|wcxb] [--input I]
        [--fold a|b] [--limit N] [--json out.json]

For each page of a set with snippet gold (the trafilatura set; wcxb has snippets too) the page is
cleaned in text mode and every ``without`` snippet found in the output (whitespace-normalised, as
the metric finds it) is placed by the body line that holds it: ``before`` the first kept ``with``
snippet, ``between`` two of them, ``after`` the last one, or on a page that keeps ``no-with``.
``after`` rows also give the distance in body lines from the last kept ``with`` line and the lines
left after them.

The output names page ids and prints body lines for the person reading it: nothing of it belongs in
the project (fixtures are written by hand, see the README).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from metrics import squash  # noqa: E402
from quality import open_data, page_ids, read_page  # noqa: E402

#: Characters of a body line printed per row.
WIDTH = 100


def _line_of(snippet: str, lines: list[str], body: str) -> int | None:
    """The index of the body line holding ``snippet`` (whitespace-normalised), None when the output
    does not hold it; a snippet spanning lines is placed on the line where it starts."""
    s = squash(snippet)
    if not s or s not in body:
        return None
    for i, line in enumerate(lines):
        if s in line:
            return i
    offset, acc = body.find(s), 0
    for i, line in enumerate(lines):
        acc += len(line) + 1
        if acc > offset:
            return i
    return len(lines) - 1


def place(text: str, gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The kept ``without`` snippets of one page, each with its place (see the module docstring)."""
    import boilerstrip

    body_text = boilerstrip.clean(text, input_format="text")
    lines = [squash(line) for line in body_text.split("\n") if line.strip()]
    body = squash(body_text)
    kept = [p for p in (_line_of(s, lines, body) for s in gold.get("with") or []) if p is not None]
    first, last = (min(kept), max(kept)) if kept else (None, None)
    rows: list[dict[str, Any]] = []
    for snippet in gold.get("without") or []:
        p = _line_of(snippet, lines, body)
        if p is None:
            continue
        if first is None or last is None:
            where = "no-with"
        elif p > last:
            where = "after"
        elif p < first:
            where = "before"
        else:
            where = "between"
        rows.append(
            {
                "where": where,
                "line": p,
                "lines": len(lines),
                "from_last_with": p - last if last is not None else None,
                "left_after": len(lines) - 1 - p,
                "text": lines[p],
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None)
    ap.add_argument("--dataset", choices=("trafilatura", "wcxb"), default="trafilatura")
    ap.add_argument("--input", choices=("flat-inscriptis", "flat-html_text"), default="flat-inscriptis")
    ap.add_argument("--fold", choices=("a", "b"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", type=Path, help="write every row here")
    args = ap.parse_args(argv)
    data, _ = open_data(args.data, [args.dataset])
    gold = json.loads((data / args.dataset / "gold.json").read_text(encoding="utf-8"))
    ids = page_ids(data, args.dataset, "dev", args.fold)[: args.limit or None]
    every: list[dict[str, Any]] = []
    for doc_id in ids:
        for row in place(read_page(data, args.dataset, args.input, doc_id), gold[doc_id]):
            row["id"] = doc_id
            every.append(row)
            dist = f"+{row['from_last_with']} ({row['left_after']} left)" if row["where"] == "after" else ""
            print(f"{row['where']:8} {doc_id[:28]:28} {dist:14} {row['text'][:WIDTH]}")
    counts = Counter(row["where"] for row in every)
    pages = len({row["id"] for row in every if row["where"] == "after"})
    print(f"\n{len(every)} kept without snippets on {len(ids)} pages: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()) + f" ('after' on {pages} pages)")
    if args.json:
        args.json.write_text(json.dumps(every, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
