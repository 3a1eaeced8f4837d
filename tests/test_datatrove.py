"""boilerstrip.datatrove.BoilerstripExtractor in a real datatrove pipeline: LocalPipelineExecutor,
2 tasks, JSONL in and out. datatrove is in the ``test`` extra, so CI (a fresh install of
``.[test]``) always runs this; the skip only helps a checkout installed without it."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
import sitegen

import boilerstrip
from boilerstrip.templates import learn

pytest.importorskip("datatrove", reason="datatrove is in the test extra: pip install -e '.[test]'")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from boilerstrip.datatrove import RULES_KEY, BoilerstripExtractor  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_HTML = sorted((FIXTURES / "html").glob("*.html"))[:2]


def _docs() -> list[dict]:
    """Text pages of two invented sites (with a URL), two HTML fixture pages, a chrome-only page."""
    docs = []
    for p in sitegen.site_pages("herald.example")[:8] + sitegen.site_pages("tagblatt.example")[:8]:
        docs.append({"id": p.name, "text": p.text, "metadata": {"url": f"https://www.{p.name}.html"}})
    for path in SEED_HTML:
        docs.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "metadata": {}})
    docs.append({"id": "chrome-only", "text": "Advertisement\nShare this:", "metadata": {}})
    return docs


def _write_inputs(folder: Path, docs: list[dict]) -> None:
    folder.mkdir(parents=True)
    half = len(docs) // 2
    for k, part in enumerate((docs[:half], docs[half:])):  # two files: one per task
        with gzip.open(folder / f"part{k}.jsonl.gz", "wt", encoding="utf-8") as f:
            for d in part:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")


def _read_outputs(folder: Path) -> dict[str, dict]:
    out = {}
    files = sorted(folder.glob("*.jsonl.gz"))
    assert len(files) == 2, files  # one output file per task
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


def _stats(logs: Path) -> dict[str, int]:
    """{stat name: total} of the boilerstrip step in the merged stats.json."""
    steps = json.loads((logs / "stats.json").read_text())
    step = next(s for s in steps if "boilerstrip" in s["name"])
    return {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}


def _run(tmp_path: Path, step: BoilerstripExtractor, docs: list[dict]) -> tuple[dict[str, dict], dict[str, int]]:
    _write_inputs(tmp_path / "in", docs)
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), step, JsonlWriter(str(tmp_path / "out"))],
        tasks=2,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    return _read_outputs(tmp_path / "out"), _stats(tmp_path / "logs")


def test_local_executor_two_tasks_jsonl_in_and_out(tmp_path):
    docs = _docs()
    out, stats = _run(tmp_path, BoilerstripExtractor(), docs)
    assert "chrome-only" not in out  # nothing left: dropped, and counted
    assert set(out) == {d["id"] for d in docs} - {"chrome-only"}
    expected_rules: dict[str, int] = {}
    for d in docs:
        art = boilerstrip.extract(d["text"])
        for r in art.removed:
            expected_rules[r.rule] = expected_rules.get(r.rule, 0) + 1
        if d["id"] == "chrome-only":
            assert art.body == ""
            continue
        rec = out[d["id"]]
        assert rec["text"] == art.body  # the same body as the library gives
        meta = rec["metadata"]
        assert meta[RULES_KEY] == {r: sum(1 for x in art.removed if x.rule == r) for r in sorted({x.rule for x in art.removed})}
        assert meta.get("title") == art.title and meta.get("authors") == (list(art.authors) or None)
        assert meta.get("published") == art.published
        if d["metadata"].get("url"):
            assert meta["url"] == d["metadata"]["url"]  # kept, not overwritten
    html_meta = [out[p.stem]["metadata"] for p in SEED_HTML]
    assert all(m.get("title") for m in html_meta)  # the HTML pages' titles reached the metadata
    assert stats["total"] == len(docs) and stats["forwarded"] == len(docs) - 1 and stats["dropped"] == 1
    assert {k: v for k, v in stats.items() if k.startswith("removed/")} == {f"removed/{r}": n for r, n in expected_rules.items()}


def test_templates_apply_by_the_documents_url(tmp_path):
    pages = sitegen.site_pages("herald.example") + sitegen.site_pages("tagblatt.example")
    model = learn((p.site, p.text) for p in pages)
    model.save(tmp_path / "model.json")
    out, stats = _run(tmp_path, BoilerstripExtractor(templates=str(tmp_path / "model.json")), _docs())
    assert stats["removed/site-template"] >= 16 * 2  # the menu and the footer of every page, at least
    page = sitegen.site_pages("tagblatt.example")[0]
    assert out[page.name]["text"] == boilerstrip.clean(page.text, templates=model, site="tagblatt.example")
    assert "Leserservice" not in out[page.name]["text"]


def test_importing_boilerstrip_does_not_import_datatrove():
    code = "import sys, boilerstrip; boilerstrip.clean('x'); assert 'datatrove' not in sys.modules, sorted(m for m in sys.modules if 'datatrove' in m)"
    subprocess.run([sys.executable, "-c", code], check=True)
