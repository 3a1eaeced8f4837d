"""``boilerstrip learn``, and the site templates of ``clean --learn`` / ``--templates`` and
``explain --templates``: loaded from a model file, or learned from the inputs first
(:func:`boilerstrip.batch.learning.learn_files`)."""

from __future__ import annotations

import argparse
from typing import IO, Any

from .. import batch
from ..batch.learning import learn_files
from ..templates import Templates


def site_templates(args: argparse.Namespace, err: IO[str]) -> Any:
    """The site templates for ``clean --templates MODEL`` (loaded) or ``clean --learn`` (learned now)."""
    if args.templates:
        try:
            return Templates.load(args.templates)
        except ValueError as exc:
            raise batch.UsageError(str(exc)) from exc
    return _learn(args.inputs, args.input_format, args.max_bytes, args.quiet, err)[0]


def _learn(inputs: list[str], input_format: str, max_bytes: int, quiet: bool, err: IO[str]) -> Any:
    progress = batch.Progress(0, err, enabled=not quiet and batch.stderr_is_tty())

    def on_progress(done: int, total: int) -> None:
        progress.total = total
        progress.update(done, 0)

    model, report = learn_files(inputs, input_format, max_bytes, on_progress)
    progress.clear()
    if not quiet:
        print(report.render(model), file=err)
    return model, report


def cmd_learn(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if args.max_bytes <= 0:
        raise batch.UsageError("--max-bytes must be positive")
    model, report = _learn(args.inputs, args.input_format, args.max_bytes, args.quiet, err)
    try:
        model.save(args.output)
    except OSError as exc:
        print(f"boilerstrip learn: cannot write {args.output}: {exc.strerror or exc}", file=err)
        return 1
    return 1 if report.failures else 0
