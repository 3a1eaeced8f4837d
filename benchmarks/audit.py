#!/usr/bin/env python3
"""What each rule earns or costs: F1 with the rule on minus F1 with it switched off, per set x input.

    .venv/bin/python benchmarks/audit.py [DATA] [--dataset D] [--input I] [--limit N]
        [--fold a|b] [--rules ID,...] [--json out.json]

For every dataset x input (default: the three sets x both flatteners; ``--input html`` adds the
HTML path) the pages are cleaned once with every rule on, keeping the removal log. Then, for each
rule, the pages it fired on are cleaned again with that rule disabled and the set is re-scored
with those pages' new outputs (a rule that did not fire on a page left the page's state as it
was, so its output with the rule off is the same and need not be recomputed). The table shows,
per rule, ``earn`` = F1(on) - F1(off) in thousandths (negative: the rule costs F1) and how many
lost pages (kept share < 0.5, see metrics.py) it causes, then the pages it fired on.

Judge a rule on the sets it was not derived from: the phrase catalogues and thresholds were drawn
from the scrapinghub and trafilatura dev pages, so wcxb (added later, never used to fit a rule)
is the out-of-sample column. A rule that costs more than it earns there is a candidate for
removal, not for a catalogue entry.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import DATASETS, INPUTS, TEXT_INPUTS, Page, aggregate, open_data, page_ids, read_page, score_page  # noqa: E402


@dataclass
class RuleEffect:
    rule: str
    fired: int = 0  # pages the rule fired on
    earn: float = 0.0  # F1 with the rule on minus F1 with it off
    lost: int = 0  # lost pages with the rule on minus lost pages with it off
    pages: list[tuple[str, float]] = field(default_factory=list)  # (id, page F1 on - off), worst first


def audit(data: Path, dataset: str, input_kind: str, *, limit: int | None = None, fold: str | None = None, only: Sequence[str] = ()) -> tuple[dict[str, Any], list[RuleEffect]]:
    """(figures with every rule on, one RuleEffect per rule that fired on some page)."""
    from boilerstrip import extract
    from boilerstrip.registry import ORDER

    fmt = "html" if input_kind == "html" else "text"
    gold = json.loads((data / dataset / "gold.json").read_text(encoding="utf-8"))
    ids = page_ids(data, dataset, fold=fold)[: limit or None]
    texts = {i: read_page(data, dataset, input_kind, i) for i in ids}
    base: dict[str, Page] = {}
    fired: dict[str, list[str]] = {}
    for i in ids:
        art = extract(texts[i], input_format=fmt)
        base[i] = score_page(dataset, i, gold[i], art.body)
        for rid in {r.rule for r in art.removed}:
            fired.setdefault(rid, []).append(i)
    on = aggregate(dataset, list(base.values()))
    lost_on = sum(p.lost for p in base.values())
    effects: list[RuleEffect] = []
    for rid in ORDER:
        if rid not in fired or (only and rid not in only):
            continue
        changed = dict(base)
        for i in fired[rid]:
            changed[i] = score_page(dataset, i, gold[i], extract(texts[i], input_format=fmt, disable={rid}).body)
        off = aggregate(dataset, list(changed.values()))
        per_page = sorted(((i, base[i].f1 - changed[i].f1) for i in fired[rid]), key=lambda t: t[1])
        effects.append(RuleEffect(rid, len(fired[rid]), on["f1"] - off["f1"], lost_on - sum(p.lost for p in changed.values()), per_page))
    return on, effects


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None, help="evaluation data folder (default ../shared/evaldata)")
    ap.add_argument("--dataset", action="append", choices=DATASETS, help="repeatable; default: all")
    ap.add_argument("--input", action="append", choices=INPUTS, help="repeatable; default: the two flat inputs")
    ap.add_argument("--limit", type=int, help="first N pages of each set only")
    ap.add_argument("--fold", choices=("a", "b"), help="one half of the pages (hash of the URL host)")
    ap.add_argument("--rules", default="", help="comma-separated rule ids to audit (default: every rule that fires)")
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages each rule hurts most")
    ap.add_argument("--json", type=Path, help="write the table here")
    args = ap.parse_args(argv)

    data, datasets = open_data(args.data, args.dataset)
    if not datasets:
        return 2
    inputs = args.input or list(TEXT_INPUTS)
    only = [r for r in args.rules.split(",") if r]
    columns: list[str] = []
    table: dict[str, dict[str, RuleEffect]] = {}
    report: dict[str, Any] = {}
    for ds in datasets:
        for inp in inputs:
            col = f"{ds}/{inp}"
            on, effects = audit(data, ds, inp, limit=args.limit, fold=args.fold, only=only)
            columns.append(col)
            print(f"{col}: F1 {on['f1']:.4f} with every rule on ({int(on['n'])} pages)", flush=True)
            for e in effects:
                table.setdefault(e.rule, {})[col] = e
                if args.worst:
                    worst = ", ".join(f"{i} {d:+.3f}" for i, d in e.pages[: args.worst] if d < 0)
                    if worst:
                        print(f"    {e.rule:<24} hurts {worst}")
            report[col] = {"f1": on["f1"], "rules": {e.rule: {"fired": e.fired, "earn": e.earn, "lost": e.lost} for e in effects}}
    print()
    print("earn = F1(rule on) - F1(rule off), in thousandths; lost = lost pages the rule causes; n = pages it fired on")
    print(f"{'rule':<24}" + "".join(f"{c.replace('flat-', ''):>28}" for c in columns))
    for rid, cells in table.items():
        row = f"{rid:<24}"
        for c in columns:
            e = cells.get(c)
            row += f"{'':>28}" if e is None else f"{1000 * e.earn:+9.2f}  lost {e.lost:+3d}  n {e.fired:>5}"
        print(row)
    costly = sorted({rid for rid, cells in table.items() for e in cells.values() if e.earn < 0})
    print()
    costs = [f"{rid} ({', '.join(f'{c} {1000 * e.earn:+.2f}' for c, e in table[rid].items() if e.earn < 0)})" for rid in costly]
    print("rules that cost F1 somewhere: " + (", ".join(costs) or "none"))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
