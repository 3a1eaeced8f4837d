"""The two benchmark metrics, implemented from the evaluation data's README.

scrapinghub (the ScrapingHub article-extraction benchmark's own metric)
    Text is split into ``\\w+`` tokens; the multisets of word 4-grams of output and gold are
    compared. Per page, the shared / extra / missing shingle counts are normalised so the three
    sum to 1. Precision is the mean over pages that produced any output, recall the mean over
    pages with any gold; F1 = 2PR / (P + R) of those two means. An empty output therefore costs
    recall only. "accuracy" is the share of pages whose token sequence equals the gold's.

trafilatura (trafilatura's evaluation metric)
    Output and snippets are whitespace-normalised. A ``with`` snippet found in the output is a
    true positive (missing: false negative); a ``without`` snippet found is a false positive
    (missing: true negative). Counts are summed over all pages; F1 = 2tp / (2tp + fp + fn).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

#: Shingle length of the scrapinghub metric.
SHINGLE = 4

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- scrapinghub


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a text of at most n tokens is a single (short) shingle."""
    toks = tokens(text)
    if len(toks) <= n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class ShingleScore:
    """One page under the scrapinghub metric: shares of shared, extra and missing shingles."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def has_output(self) -> bool:
        return self.tp + self.fp > 0

    @property
    def has_gold(self) -> bool:
        return self.tp + self.fn > 0

    @property
    def precision(self) -> float:
        return _share(self.tp, self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _share(self.tp, self.fn, self.fp)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _share(hit: float, miss: float, other: float) -> float:
    """hit / (hit + miss); a page with no error at all scores 1."""
    if miss == 0 and other == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def shingle_score(gold: str, output: str) -> ShingleScore:
    g, o = shingles(gold), shingles(output)
    tp = sum((g & o).values())
    fp = sum((o - g).values())
    fn = sum((g - o).values())
    total = tp + fp + fn
    exact = tokens(gold) == tokens(output)
    if not total:
        return ShingleScore(0.0, 0.0, 0.0, exact)
    return ShingleScore(tp / total, fp / total, fn / total, exact)


def shingle_aggregate(pages: Sequence[ShingleScore]) -> dict[str, float]:
    ps = [p.precision for p in pages if p.has_output]
    rs = [p.recall for p in pages if p.has_gold]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy, "n": len(pages)}


# --------------------------------------------------------------------------- trafilatura


def squash(text: str) -> str:
    """Whitespace-normalise: runs of whitespace become one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class SnippetScore:
    """One page under the trafilatura metric, with the snippets that went wrong."""

    tp: int
    fn: int
    fp: int
    tn: int
    missed: tuple[str, ...] = field(default=())  # `with` snippets not found
    leaked: tuple[str, ...] = field(default=())  # `without` snippets found

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0


def snippet_score(with_: Iterable[str], without: Iterable[str], output: str | None) -> SnippetScore:
    out = squash(output) if output else None
    missed, leaked = [], []
    tp = tn = 0
    for s in with_:
        if out is not None and squash(s) in out:
            tp += 1
        else:
            missed.append(s)
    for s in without:
        if out is not None and squash(s) in out:
            leaked.append(s)
        else:
            tn += 1
    return SnippetScore(tp, len(missed), len(leaked), tn, tuple(missed), tuple(leaked))


def snippet_aggregate(pages: Sequence[SnippetScore]) -> dict[str, float]:
    tp = sum(p.tp for p in pages)
    fn = sum(p.fn for p in pages)
    fp = sum(p.fp for p in pages)
    tn = sum(p.tn for p in pages)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    total = tp + fn + fp + tn
    accuracy = (tp + tn) / total if total else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy, "n": len(pages)}
