"""batch.stream_plan: one input folder walked as the run goes (batch.TaskStream), not listed, so
the supervisor's memory does not grow with the number of files (benchmarks/scale.py measures it).
It must plan exactly what batch.plan plans: the same files, order, numbers, outputs, failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from boilerstrip import batch


def _tree(root: Path) -> None:
    for rel in ["b/2.txt", "b/1.html", "a.txt", "a.html", "c/d/e.htm.gz", "c/x.md", "z.txt", "b/sub/1.txt", "b/1.txt"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"text")
    os.symlink(root / "b", root / "c" / "loop-free-link")  # a symlinked folder: walked once more, under its own name
    os.symlink(root, root / "c" / "d" / "up")  # a loop: reported, not followed


@pytest.mark.parametrize("fmt", ["txt", "json", "jsonl"])
def test_stream_plan_plans_what_plan_plans(tmp_path, fmt):
    _tree(tmp_path / "in")
    listed = batch.plan([str(tmp_path / "in")], fmt, str(tmp_path / "out"))
    streamed = batch.stream_plan([str(tmp_path / "in")], fmt, str(tmp_path / "out"))
    assert isinstance(streamed.tasks, batch.TaskStream) and isinstance(listed.tasks, list)
    assert list(streamed.tasks) == listed.tasks
    assert list(streamed.tasks) == listed.tasks  # every iteration walks again, the same
    # 8 inputs and the 4 of b again under the link; a.html/a.txt, b/1.html/1.txt and the link's 1.html/1.txt collide
    assert len(streamed.tasks) == len(listed.tasks) == 12 - (3 if fmt != "jsonl" else 0)
    assert sorted(streamed.failures) == sorted(listed.failures)
    assert any("symlink loop" in r for _, r in streamed.failures)
    assert sum("would also be written" in r for _, r in streamed.failures) == (0 if fmt == "jsonl" else 3)
    assert streamed.ignored == listed.ignored == 1
    assert streamed.tasks.html and [t.n for t in streamed.tasks] == list(range(len(listed.tasks)))


def test_stream_plan_lists_anything_but_one_folder(tmp_path):
    _tree(tmp_path / "in")
    assert isinstance(batch.stream_plan([str(tmp_path / "in" / "a.txt")], "txt").tasks, list)
    assert isinstance(batch.stream_plan([str(tmp_path / "in" / "b"), str(tmp_path / "in" / "c")], "txt").tasks, list)
