"""Texts the speed-screen tests run over: every fixture and seed input, and the flat dev pages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import quality  # noqa: E402


def fixture_texts() -> list[str]:
    """The seed pages and the input of every rule, negative and known-failure case."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    for f in sorted((ROOT / "fixtures" / "rules").glob("*.json")) + sorted((ROOT / "fixtures" / "negative").glob("*.json")):
        texts += [c["input"] for c in json.loads(f.read_text(encoding="utf-8"))["cases"]]
    return texts


def evaldata_texts(step: int = 1) -> list[str]:
    """Every ``step``-th flattened page of the evaluation data (none when it is absent)."""
    data = quality.default_data()
    pages = [p for ds in quality.DATASETS for p in sorted((data / ds).glob("flat-*/*.txt"))]
    return [p.read_text(encoding="utf-8") for p in pages[::step]]

