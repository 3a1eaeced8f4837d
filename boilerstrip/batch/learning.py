"""The learning pass over files of ``boilerstrip learn`` and ``clean --learn``: the inputs walked
as ``clean`` walks them, each page read and counted by :class:`boilerstrip.templates.Learner`
under its site (:func:`boilerstrip.templates.page_site`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ..decode import InputError
from ..templates import Learner, Templates, page_site
from .files import FileFailure, read_input
from .planning import stream_plan


@dataclass
class LearnReport:
    """What a learning pass over files did: pages counted, files that failed, time taken."""

    pages: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    elapsed: float = 0.0

    def render(self, model: Templates) -> str:
        lines = sum(len(s.lines) for s in model.sites.values())
        learned = sum(1 for s in model.sites.values() if s.lines)
        rate = self.pages / self.elapsed if self.elapsed > 0 else 0.0
        out = [
            f"boilerstrip learn: {self.pages} pages of {len(model.sites)} sites ({learned} with a template, {lines} template lines); "
            f"{len(self.failures)} failed; {self.elapsed:.2f} s ({rate:,.0f} pages/s)"
        ]
        out += [f"    {src}: {reason}" for src, reason in sorted(self.failures)[:20]]
        return "\n".join(out)


def learn_files(inputs: list[str], input_format: str = "auto", max_bytes: int | None = None, on_progress: Any = None) -> tuple[Templates, LearnReport]:
    """The learning pass of ``boilerstrip learn`` / ``clean --learn``: walks ``inputs`` as
    ``clean`` does (same files, same order), groups the pages by :func:`page_site` and learns.
    One page is in memory at a time; ``on_progress(done, total)`` is called after each."""
    start = time.monotonic()
    p = stream_plan(inputs, "txt")  # one folder: walked, not listed
    report = LearnReport(failures=list(p.failures))
    learner = Learner(input_format, max_bytes)
    cap = learner.config.max_bytes
    for k, task in enumerate(p.tasks):
        try:
            data = read_input(task.src, cap)
            learner.add(data, page_site(task.rel, data), html=True if input_format == "auto" and task.html else None)
            report.pages += 1
        except FileFailure as exc:
            report.failures.append((task.src, str(exc)))
        except InputError as exc:
            report.failures.append((task.src, f"cannot decode: {exc}"))
        if on_progress is not None:
            on_progress(k + 1, len(p.tasks))
    report.elapsed = time.monotonic() - start
    return learner.result(), report
