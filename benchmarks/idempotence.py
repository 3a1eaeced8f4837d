#!/usr/bin/env python3
"""Find the pages where clean(clean(x)) != clean(x), over every set x flattener.

    .venv/bin/python benchmarks/idempotence.py [DATA] [--dataset D] [--input I] [--limit N] [--json out.json]

For each failing page it prints the rules the second pass fired (what it removed from the first
pass's output), so the failures can be grouped by family. ``tests/test_idempotence_pages.py``
(marked slow) runs the same check and holds the pages that still fail as strict known failures
(ids only, in ``fixtures/known-idempotence.json``: the pages themselves stay in the data folder).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import DATASETS, TEXT_INPUTS, open_data, page_ids, read_page  # noqa: E402


def second_pass_rules(text: str) -> list[str] | None:
    """None when cleaning the body again leaves it as it is; else the rules the second pass fired."""
    from boilerstrip import clean, extract

    body = clean(text, input_format="text")
    again = extract(body, input_format="text")
    if again.body == body:
        return None
    return sorted({r.rule for r in again.removed}) or ["(no removal: a line re-joined or re-split)"]


def failures(data: Path, datasets: Sequence[str], inputs: Sequence[str], limit: int | None = None) -> Iterator[tuple[str, str, str, list[str]]]:
    """(dataset, input, page id, second-pass rules) for every page that is not idempotent."""
    for ds in datasets:
        for inp in inputs:
            for doc_id in page_ids(data, ds)[: limit or None]:
                rules = second_pass_rules(read_page(data, ds, inp, doc_id))
                if rules is not None:
                    yield ds, inp, doc_id, rules


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None)
    ap.add_argument("--dataset", action="append", choices=DATASETS)
    ap.add_argument("--input", action="append", choices=TEXT_INPUTS)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", type=Path, help="write the failing pages here")
    args = ap.parse_args(argv)
    data, datasets = open_data(args.data, args.dataset)
    if not datasets:
        return 2
    found = list(failures(data, datasets, args.input or list(TEXT_INPUTS), args.limit))
    by_rule: Counter[str] = Counter(r for *_, rules in found for r in rules)
    for ds, inp, doc_id, rules in found:
        print(f"{ds:<12} {inp:<16} {doc_id:<40} second pass: {', '.join(rules)}")
    print(f"{len(found)} pages not idempotent; second-pass rules: {dict(by_rule.most_common())}")
    if args.json:
        args.json.write_text(json.dumps([{"dataset": d, "input": i, "id": p, "rules": r} for d, i, p, r in found], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
