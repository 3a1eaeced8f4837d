"""``boilerstrip explain``: one file cleaned with every removed span shown and marked by its
rule id (:func:`boilerstrip.api.render_explanation`), or as JSON."""

from __future__ import annotations

import argparse
import json
import os
from typing import IO

from .. import batch
from ..api import explain, render_explanation
from .learn import site_templates
from .onefile import read_file, read_stdin, run_noting
from .parser import make_config


def cmd_explain(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    cfg = make_config(args)
    if args.file == "-":
        data = read_stdin(cfg.max_bytes)
    else:
        if os.path.isdir(args.file):
            raise batch.UsageError(f"{args.file} is a folder; explain takes one file")
        read = read_file(args.file, args.input_format, cfg, err)
        if read is None:
            return 1
        data, cfg = read
    if args.templates:
        cfg = cfg.replace(templates=site_templates(args, err), site=args.site)
    ex = run_noting(lambda: explain(data, config=cfg), args.file, err)
    if ex is None:
        return 1
    if args.json:
        print(json.dumps(ex.article.to_dict(removed=True), ensure_ascii=False, indent=2), file=out)
        return 0
    colour = args.color == "always" or (args.color == "auto" and not os.environ.get("NO_COLOR") and _isatty(out))
    print(render_explanation(ex, colour), file=out)
    return 0


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
