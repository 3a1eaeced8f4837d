"""``boilerstrip rules``: the rules, built in and from a ``--rules`` file, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import IO

from .. import batch
from ..api import pipeline_for
from ..config import Config
from ..registry import all_rules


def cmd_rules(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    rules = list(all_rules())
    if args.rules:
        try:
            user = pipeline_for(Config(rules=args.rules))
        except ValueError as exc:
            raise batch.UsageError(str(exc)) from exc
        builtin = {r.id for r in rules}
        rules = [r for r in user if r.id not in builtin] + rules
    if args.json:
        rows = [{"id": r.id, "family": r.family, "stage": r.stage, "summary": r.summary} for r in rules]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return 0
    w_id = max([len(r.id) for r in rules] + [2])
    w_fam = max([len(r.family) for r in rules] + [6])
    print(f"{'id':<{w_id}}  {'family':<{w_fam}}  {'stage':<5}  removes", file=out)
    for r in rules:
        print(f"{r.id:<{w_id}}  {r.family:<{w_fam}}  {r.stage:<5}  {r.summary}", file=out)
    return 0
