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
from typing import Any

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


# --------------------------------------------------------------------------- wcxb


def wcxb_tokens(text: str) -> list[str]:
    """evaluate.py's tokenize: lowercase, then ``\\w+``."""
    return _TOKEN.findall(text.lower()) if text else []


@dataclass(frozen=True)
class WordBagScore:
    """One page under the wcxb metric (word-bag overlap), with its page type and snippet rates."""

    precision: float
    recall: float
    f1: float
    page_type: str = ""
    with_rate: float = 1.0
    without_rate: float = 1.0


def _snippet_rate(text: str, snippets: Sequence[str]) -> float:
    if not snippets:
        return 1.0
    low = text.lower()
    return sum(1 for s in snippets if s.lower() in low) / len(snippets)


def wcxb_score(gold: str, output: str, page_type: str = "", with_: Sequence[str] = (), without: Sequence[str] = ()) -> WordBagScore:
    pred, ref = wcxb_tokens(output), wcxb_tokens(gold)
    w, wo = _snippet_rate(output, with_), _snippet_rate(output, without)
    if not ref:
        v = 0.0 if pred else 1.0
        return WordBagScore(v, v, v, page_type, w, wo)
    if not pred:
        return WordBagScore(0.0, 0.0, 0.0, page_type, w, wo)
    overlap = sum((Counter(pred) & Counter(ref)).values())
    p, r = overlap / len(pred), overlap / len(ref)
    return WordBagScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, page_type, w, wo)


def _wcxb_means(pages: Sequence[WordBagScore]) -> dict[str, float]:
    n = len(pages)
    out = {k: (sum(getattr(p, k) for p in pages) / n if n else 0.0) for k in ("precision", "recall", "f1", "with_rate", "without_rate")}
    out["n"] = n
    return out


#: The page types in the order the evaluation README reports them.
WCXB_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def wcxb_aggregate(pages: Sequence[WordBagScore]) -> dict[str, Any]:
    """Means over pages, and the same means per page type under ``by_type``."""
    out: dict[str, Any] = _wcxb_means(pages)
    kinds = [t for t in WCXB_TYPES if any(p.page_type == t for p in pages)]
    kinds += sorted({p.page_type for p in pages} - set(kinds))
    out["by_type"] = {t: _wcxb_means([p for p in pages if p.page_type == t]) for t in kinds}
    return out


# --------------------------------------------------------------------------- kept share / lost pages

#: A page whose output keeps less than this share of its gold body's tokens is lost.
LOST_SHARE = 0.5
#: Scripts written without spaces between words (Han, kana, Hangul syllables, Thai, Lao, Khmer,
#: Myanmar): each character is a token of its own.
_CHAR_SCRIPTS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_KEPT_TOKEN = re.compile(f"[{_CHAR_SCRIPTS}]|[^\\W{_CHAR_SCRIPTS}]+")


def kept_tokens(text: str) -> list[str]:
    """Lowercased ``\\w+`` words, with every CJK / Thai (etc.) character a token of its own.

    >>> kept_tokens("Tokyo 東京都 は, ok")
    ['tokyo', '東', '京', '都', 'は', 'ok']
    """
    return _KEPT_TOKEN.findall(text.replace("\u00ad", "").lower()) if text else []  # a soft hyphen is invisible: no word break


def kept_share(gold: str, output: str) -> float | None:
    """Share of the gold's token bag found in the output's; None when the gold has no token."""
    ref = Counter(kept_tokens(gold))
    if not ref:
        return None
    return sum((ref & Counter(kept_tokens(output))).values()) / sum(ref.values())


def lost_rate(shares: Iterable[float | None]) -> tuple[int, int]:
    """(lost pages, pages with a gold body) over per-page kept shares."""
    got = [s for s in shares if s is not None]
    return sum(1 for s in got if s < LOST_SHARE), len(got)
