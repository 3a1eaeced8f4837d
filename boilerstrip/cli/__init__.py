"""The ``boilerstrip`` command: ``clean`` (batch), ``explain`` (show every cut), ``rules`` (list them),
``learn`` (per-site templates, see :mod:`boilerstrip.templates`).

Exit status: 0 all went well; 1 some files failed (each reported, the rest done); 2 usage error
(bad option, unknown rule id, input and output folders that overlap...); 128+N when stopped by
signal N (130 for Ctrl-C), after printing the summary so far.

One module per command: :mod:`~boilerstrip.cli.clean`, :mod:`~boilerstrip.cli.explain`,
:mod:`~boilerstrip.cli.learn`, :mod:`~boilerstrip.cli.rules`; their options are in
:mod:`~boilerstrip.cli.parser`, what ``clean FILE`` and ``explain`` share (one file or stdin in,
the result on stdout) in :mod:`~boilerstrip.cli.onefile`, and :func:`main` here runs the command
named.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import IO

from .. import batch
from ..api import render_explanation
from .clean import cmd_clean
from .explain import cmd_explain
from .learn import cmd_learn
from .parser import build_parser, make_config
from .rules import cmd_rules

__all__ = ["build_parser", "cmd_clean", "cmd_explain", "cmd_learn", "cmd_rules", "main", "make_config", "render_explanation"]


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    commands = {"clean": cmd_clean, "explain": cmd_explain, "rules": cmd_rules, "learn": cmd_learn}
    try:
        return commands[args.command](args, out, err)
    except batch.UsageError as exc:
        print(f"boilerstrip {args.command}: error: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print("boilerstrip: interrupted", file=err)
        return 130
    except BrokenPipeError:  # e.g. `boilerstrip explain x | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 1

