"""Quality gate: F1 on the evaluation pages must not fall below the floors in
fixtures/quality-floors.json (the spirit of trafilatura's eval gate).

The data lives outside the project (``../shared/evaldata`` or ``$BOILERSTRIP_EVALDATA``); without
it the gate skips with a message. Inputs other than the flattened texts (``html``) are checked
when their floors are present in the file. The same run of each dataset x input also checks the
lost-page rate (pages whose output keeps less than half of their gold body, benchmarks/metrics.py)
against its ceiling in the file's ``lost`` section.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import metadata  # noqa: E402
import quality  # noqa: E402

FLOORS = json.loads((ROOT / "fixtures" / "quality-floors.json").read_text(encoding="utf-8"))
DATA = quality.default_data()
CASES = [(ds, inp) for ds in quality.DATASETS for inp in quality.INPUTS if isinstance(FLOORS.get(ds), dict) and inp in FLOORS[ds]]
LOST = FLOORS.get("lost", {})
LOST_CASES = [(ds, inp) for ds in quality.DATASETS for inp in quality.INPUTS if inp in LOST.get(ds, {})]


@dataclass(frozen=True)
class _Summary:
    """What the gate reads of a run (the run itself holds every output: kept for all the runs,
    they grew the test process by ~150 MB, which the memory tests' child processes inherit as
    their peak RSS)."""

    metrics: dict[str, Any]
    errors: list[str]
    lost: tuple[int, int]
    lost_pages: list[tuple[str, float]]


@functools.cache
def _run(dataset: str, input_kind: str) -> _Summary:
    """One scored run per dataset x input, shared by the F1 floor and the lost-page ceiling."""
    if not (DATA / dataset / "gold.json").exists():
        pytest.skip(f"evaluation data not found in {DATA} (set BOILERSTRIP_EVALDATA to run the quality gate)")
    run = quality.score(DATA, dataset, input_kind)
    return _Summary(run.metrics, [p.error for p in run.pages if p.error], run.lost, [(p.id, round(p.kept or 0.0, 2)) for p in run.pages if p.lost][:5])


@pytest.mark.parametrize(("dataset", "input_kind"), CASES)
def test_f1_not_below_floor(dataset: str, input_kind: str) -> None:
    run = _run(dataset, input_kind)
    floor = FLOORS[dataset][input_kind]
    assert not run.errors, f"{len(run.errors)} pages raised: {run.errors[:3]}"
    f1 = run.metrics["f1"]
    assert f1 >= floor, f"{dataset}/{input_kind}: F1 {f1:.4f} fell below its floor {floor:.3f} (P {run.metrics['precision']:.3f}, R {run.metrics['recall']:.3f})"


@pytest.mark.parametrize(("dataset", "input_kind"), LOST_CASES)
def test_lost_page_rate_not_above_ceiling(dataset: str, input_kind: str) -> None:
    run = _run(dataset, input_kind)
    lost, n = run.lost
    ceiling = LOST[dataset][input_kind]
    assert lost <= ceiling * n, f"{dataset}/{input_kind}: {lost} of {n} pages lost ({lost / n:.3f}) above the ceiling {ceiling:.3f}; e.g. {run.lost_pages}"


def test_floors_cover_both_flatteners_on_every_dataset() -> None:
    for ds in quality.DATASETS:
        for inp in quality.TEXT_INPUTS:
            assert 0.0 < FLOORS[ds][inp] <= 1.0, (ds, inp)
            assert 0.0 <= LOST[ds][inp] < 1.0, (ds, inp)


META_FLOORS = FLOORS.get("metadata", {})
META_SETS = [ds for ds in metadata.DATASETS if isinstance(META_FLOORS.get(ds), dict)]


@pytest.mark.parametrize("dataset", [pytest.param(ds, marks=[pytest.mark.slow] if ds == "wcxb" else []) for ds in META_SETS])
def test_metadata_accuracy_not_below_floor(dataset: str) -> None:
    """Every field with gold on the set (trafilatura set: title, author, date, sitename; wcxb:
    title, author, date) from HTML, issue 4's definition (pages with a non-empty gold value), one
    run per set. wcxb takes ~100 s (the whole extraction on 1,358 pages): marked slow."""
    data = DATA / dataset
    if not (data / "gold.json").exists():
        pytest.skip(f"evaluation data not found in {DATA} (set BOILERSTRIP_EVALDATA to run the metadata gate)")
    floors = META_FLOORS[dataset]
    assert set(floors) == set(metadata.SET_FIELDS[dataset]), f"floors for {dataset} must cover {metadata.SET_FIELDS[dataset]}"
    res = metadata.evaluate(data, {"boilerstrip": metadata.ours})
    low = {f: round(res.accuracy("boilerstrip", f), 4) for f in floors if res.accuracy("boilerstrip", f) < floors[f]}
    assert not low, f"{dataset} metadata accuracy fell below its floor: {low} (floors {floors})"


def test_metadata_floors_cover_both_sets() -> None:
    assert set(META_SETS) == set(metadata.DATASETS), META_SETS


@pytest.mark.parametrize("input_kind", quality.TEXT_INPUTS)
def test_text_mode_metadata_accuracy_not_below_floor(input_kind: str) -> None:
    """Title, author and date that text mode moves out of the flattened pages (the header rules),
    on the same annotations."""
    data = DATA / "trafilatura"
    if not (data / "gold.json").exists():
        pytest.skip(f"evaluation data not found in {DATA} (set BOILERSTRIP_EVALDATA to run the metadata gate)")
    floors = FLOORS["metadata-text"][input_kind]
    res = metadata.evaluate(data, {"boilerstrip": functools.partial(metadata.ours, input_format="text")}, inputs={"boilerstrip": input_kind})
    low = {f: round(res.accuracy("boilerstrip", f), 4) for f in metadata.FIELDS if res.accuracy("boilerstrip", f) < floors[f]}
    assert not low, f"text-mode metadata accuracy ({input_kind}) fell below its floor: {low} (floors {floors})"
