#!/usr/bin/env python3
"""Score boilerstrip on the evaluation pages: P/R/F1 for every dataset x input.

    .venv/bin/python benchmarks/quality.py [DATA] [--dataset scrapinghub] [--input flat-inscriptis]
        [--pages N] [--lost] [--fold a|b] [--json out.json] [--disable RULE,...]

DATA defaults to ``../shared/evaldata`` relative to the project root (or ``$BOILERSTRIP_EVALDATA``).
Each dataset folder holds ``gold.json``, ``split.json``, ``<id>.html.gz`` and
``flat-inscriptis/<id>.txt`` / ``flat-html_text/<id>.txt``. ``--input html`` decodes the page
bytes with :func:`boilerstrip.decode.decode` and runs boilerstrip's HTML path.

``--pages N`` prints the N worst pages of each run with what was missed and what was kept wrongly;
``--lost`` lists the lost pages (output keeps less than half of the gold body, see below).
``--fold a|b`` scores one half of the pages, split by a hash of the page's URL host, so that one
site's pages always fall in the same half (derive a change on one fold, judge it on the other).

Every run prints P / R / F1 under the dataset's own metric (scrapinghub: shingles; trafilatura:
snippets; wcxb: word-bag F1 as a mean over pages, then the same per wcxb page type) and the
lost-page rate: pages whose output keeps less than half of the tokens of their gold body (the
``with`` snippets on the trafilatura set; CJK and Thai counted by characters).
Metrics are implemented in ``benchmarks/metrics.py`` (see its docstring). Other scripts and the
quality gate import :func:`score` from here.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from metrics import (  # noqa: E402
    LOST_SHARE,
    ShingleScore,
    SnippetScore,
    WordBagScore,
    kept_share,
    lost_rate,
    shingle_aggregate,
    shingle_score,
    snippet_aggregate,
    snippet_score,
    squash,
    wcxb_aggregate,
    wcxb_score,
)

DATASETS = ("scrapinghub", "trafilatura", "wcxb")
INPUTS = ("html", "flat-inscriptis", "flat-html_text")
TEXT_INPUTS = ("flat-inscriptis", "flat-html_text")


def default_data() -> Path:
    env = os.environ.get("BOILERSTRIP_EVALDATA")
    return Path(env) if env else (ROOT / ".." / "shared" / "evaldata").resolve()


def host_of(url: str) -> str:
    """The site a URL belongs to: its host, lowercased, without a leading ``www.``.

    >>> host_of("https://WWW.Example.com:8080/a/b?c"), host_of("blog.example.com/x"), host_of("")
    ('example.com', 'blog.example.com', '')
    """
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.removeprefix("www.")


def fold_of(key: str) -> str:
    """'a' or 'b': a stable half, by a hash of ``key`` (a page's host, see :func:`page_ids`)."""
    return "a" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "b"


def datasets_in(data: Path, chosen: Sequence[str] | None = None) -> list[str]:
    """The datasets asked for, or else every one of DATASETS that ``data`` holds."""
    return list(chosen) if chosen else [d for d in DATASETS if (data / d / "gold.json").exists()]


def open_data(data: Path | None, chosen: Sequence[str] | None = None) -> tuple[Path, list[str]]:
    """The data folder (default: :func:`default_data`) and the datasets to run (see
    :func:`datasets_in`); says so on stderr when there are none."""
    data = (data or default_data()).resolve()
    datasets = datasets_in(data, chosen)
    if not datasets:
        print(f"no evaluation data in {data}", file=sys.stderr)
    return data, datasets


def page_ids(data: Path, dataset: str, split: str = "dev", fold: str | None = None) -> list[str]:
    """The ids of a split, optionally one fold of it. Folds go by URL host (the page id when a
    page has no URL), so no site has pages on both sides."""
    ddir = data / dataset
    gold = json.loads((ddir / "gold.json").read_text(encoding="utf-8"))
    split_file = ddir / "split.json"
    if split == "all" or not split_file.exists():
        ids = sorted(gold)
    else:
        ids = list(json.loads(split_file.read_text(encoding="utf-8"))[split])
    return [i for i in ids if fold is None or fold_of(host_of(gold[i].get("url") or "") or i) == fold]


def gold_body(dataset: str, gold: dict[str, Any]) -> str:
    """The text a page's output should keep: its body, or its ``with`` snippets on the trafilatura set."""
    if dataset == "trafilatura":
        return "\n".join(gold.get("with", []))
    return gold.get("body") or ""


def read_page(data: Path, dataset: str, input_kind: str, doc_id: str) -> str:
    if input_kind == "html":
        from boilerstrip.decode import decode

        path = data / dataset / f"{doc_id}.html"
        raw = path.read_bytes() if path.exists() else gzip.decompress(path.with_name(path.name + ".gz").read_bytes())
        return decode(raw)
    return (data / dataset / input_kind / f"{doc_id}.txt").read_text(encoding="utf-8")


def boilerstrip_cleaner(input_kind: str, **options: Any) -> Callable[[str], str]:
    """boilerstrip.clean with the input format pinned (html for --input html, text otherwise)."""
    from boilerstrip import clean

    fmt = "html" if input_kind == "html" else "text"

    def run(text: str) -> str:
        return clean(text, input_format=fmt, **options)

    return run


@dataclass
class Page:
    id: str
    output: str
    score: ShingleScore | SnippetScore | WordBagScore
    gold: dict[str, Any]
    error: str | None = None
    kept: float | None = None  # share of the gold body's tokens the output keeps (None: no gold)

    @property
    def lost(self) -> bool:
        return self.kept is not None and self.kept < LOST_SHARE

    @property
    def f1(self) -> float:
        return self.score.f1


@dataclass
class Run:
    dataset: str
    input: str
    metrics: dict[str, Any]
    pages: list[Page] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0

    @property
    def lost(self) -> tuple[int, int]:
        """(lost pages, pages with a gold body)."""
        return lost_rate(p.kept for p in self.pages)

    @property
    def lost_rate(self) -> float:
        lost, n = self.lost
        return lost / n if n else 0.0


def score(
    data: Path,
    dataset: str,
    input_kind: str,
    cleaner: Callable[[str], str] | None = None,
    *,
    split: str = "dev",
    fold: str | None = None,
    limit: int | None = None,
) -> Run:
    """Run ``cleaner`` (default: boilerstrip) over one dataset x input and score it."""
    cleaner = cleaner or boilerstrip_cleaner(input_kind)
    gold = json.loads((data / dataset / "gold.json").read_text(encoding="utf-8"))
    ids = page_ids(data, dataset, split, fold)[: limit or None]
    pages: list[Page] = []
    spent = 0.0
    errors = 0
    for doc_id in ids:
        text = read_page(data, dataset, input_kind, doc_id)
        err = None
        t0 = time.perf_counter()
        try:
            out = cleaner(text) or ""
        except Exception as exc:  # noqa: BLE001  (a crash counts as an empty output, and is reported)
            out, err = "", f"{type(exc).__name__}: {exc}"
            errors += 1
        spent += time.perf_counter() - t0
        pages.append(score_page(dataset, doc_id, gold[doc_id], out, err))
    return Run(dataset, input_kind, aggregate(dataset, pages), pages, spent, errors)


def score_page(dataset: str, doc_id: str, g: dict[str, Any], out: str, err: str | None = None) -> Page:
    """One page's output under the dataset's metric, with its kept share."""
    sc: ShingleScore | SnippetScore | WordBagScore
    if dataset == "scrapinghub":
        sc = shingle_score(g.get("body") or "", out)
    elif dataset == "wcxb":
        sc = wcxb_score(g.get("body") or "", out, g.get("page_type") or "", g.get("with") or [], g.get("without") or [])
    else:
        sc = snippet_score(g.get("with", []), g.get("without", []), out if err is None else None)
    return Page(doc_id, out, sc, g, err, kept_share(gold_body(dataset, g), out))


def aggregate(dataset: str, pages: Sequence[Page]) -> dict[str, Any]:
    """The dataset's figures over ``pages`` (P, R, F1, n; wcxb also ``by_type``)."""
    if dataset == "scrapinghub":
        return shingle_aggregate([p.score for p in pages])  # type: ignore[misc]
    if dataset == "wcxb":
        return wcxb_aggregate([p.score for p in pages])  # type: ignore[misc]
    return snippet_aggregate([p.score for p in pages])  # type: ignore[misc]


# --------------------------------------------------------------------------- page diffs


def _short(text: str, width: int = 110) -> str:
    text = squash(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def page_view(page: Page, dataset: str, width: int = 110, max_lines: int = 8) -> Iterator[str]:
    """What the page lost and what it kept wrongly, a few lines each."""
    if page.error:
        yield f"    ERROR {page.error}"
    if dataset == "trafilatura":
        sc = page.score
        assert isinstance(sc, SnippetScore)
        for s in sc.missed[:max_lines]:
            yield f"    - missed  {_short(s, width)}"
        for s in sc.leaked[:max_lines]:
            yield f"    + leaked  {_short(s, width)}"
        return
    gold_lines = [squash(x) for x in (page.gold.get("body") or "").splitlines() if x.strip()]
    out_lines = [squash(x) for x in page.output.splitlines() if x.strip()]
    out_text = squash(page.output)
    gold_text = squash(page.gold.get("body") or "")
    missed = [g for g in gold_lines if g not in out_text]
    extra = [o for o in out_lines if o not in gold_text]
    for g in missed[:max_lines]:
        yield f"    - missed  {_short(g, width)}"
    if len(missed) > max_lines:
        yield f"    - … {len(missed) - max_lines} more missed lines"
    for o in extra[:max_lines]:
        yield f"    + extra   {_short(o, width)}"
    if len(extra) > max_lines:
        yield f"    + … {len(extra) - max_lines} more extra lines"


# --------------------------------------------------------------------------- CLI


def _fmt(run: Run) -> str:
    m = run.metrics
    rate = len(run.pages) / run.seconds if run.seconds else float("inf")
    err = f"  errors {run.errors}" if run.errors else ""
    lost, n = run.lost
    line = (
        f"{run.dataset:<12} {run.input:<16} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
        f"  n {int(m['n']):>4}  lost {lost:>3}/{n:<4} ({100 * lost / max(n, 1):4.1f}%)  {rate:>5.0f} pages/s{err}"
    )
    for kind, t in m.get("by_type", {}).items():
        k_lost = sum(1 for p in run.pages if p.lost and p.gold.get("page_type") == kind)
        line += f"\n    {kind:<14} P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  n {int(t['n']):>4}  lost {k_lost:>3}"
    return line


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None, help="evaluation data folder (default ../shared/evaldata)")
    ap.add_argument("--dataset", action="append", choices=DATASETS, help="repeatable; default: all")
    ap.add_argument("--input", action="append", choices=INPUTS, help="repeatable; default: the two flat inputs and html")
    ap.add_argument("--split", default="dev", choices=("dev", "heldout", "all"))
    ap.add_argument("--fold", choices=("a", "b"), help="score one half of the pages (hash of the URL host)")
    ap.add_argument("--limit", type=int, help="first N pages only")
    ap.add_argument("--pages", type=int, default=0, help="show the N worst pages of each run")
    ap.add_argument("--lost", action="store_true", help="list the lost pages of each run (kept share < 0.5)")
    ap.add_argument("--disable", default="", help="comma-separated rule ids to switch off")
    ap.add_argument("--json", type=Path, help="write figures and per-page scores here")
    args = ap.parse_args(argv)

    data = (args.data or default_data()).resolve()
    if not any((data / d).is_dir() for d in DATASETS):
        print(f"no evaluation data in {data}", file=sys.stderr)
        return 2
    datasets = datasets_in(data, args.dataset)
    inputs = args.input or list(INPUTS)
    options: dict[str, Any] = {"disable": args.disable} if args.disable else {}
    report: list[dict[str, Any]] = []
    for ds in datasets:
        for inp in inputs:
            run = score(data, ds, inp, boilerstrip_cleaner(inp, **options), split=args.split, fold=args.fold, limit=args.limit)
            print(_fmt(run), flush=True)
            if args.pages:
                worst = sorted(run.pages, key=lambda p: p.f1)[: args.pages]
                for p in worst:
                    print(f"  {p.f1:.3f}  {p.id}  {p.gold.get('url', '')}")
                    for row in page_view(p, ds):
                        print(row)
            if args.lost:
                for p in run.pages:
                    if p.lost:
                        print(f"  lost {p.kept:.2f}  {p.id}  {p.gold.get('page_type', '')}  {p.gold.get('url', '')}")
            report.append(
                {
                    "dataset": ds,
                    "input": inp,
                    **run.metrics,
                    "lost": run.lost[0],
                    "lost_of": run.lost[1],
                    "pages_per_s": len(run.pages) / run.seconds if run.seconds else None,
                    "errors": run.errors,
                    "pages": {p.id: round(p.f1, 4) for p in run.pages},
                    "kept": {p.id: None if p.kept is None else round(p.kept, 4) for p in run.pages},
                }
            )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
