#!/usr/bin/env python3
"""Fit the learned-chrome model (boilerstrip/rules/learned.py) and measure it out of fold.

    .venv/bin/python benchmarks/fit_chrome.py [DATA] [--oof] [--write] [--limit N]

DATA defaults to ``../shared/evaldata`` (or ``$BOILERSTRIP_EVALDATA``). Fit-time only: needs
numpy (``pip install numpy``); boilerstrip itself reads the weights without it.

1. *Lines.* Every dev page of scrapinghub, trafilatura and wcxb, in both flattenings
   (flat-inscriptis, flat-html_text), runs through the pipeline without ``learned-chrome``; the
   lines it keeps are what the rule sees (it runs last). Candidates are the kept lines the rule
   scores (``learned.candidates``), featurised with ``learned.line_features``.
2. *Labels* (1 = chrome, 0 = content, None = not labelled, left out):
   - scrapinghub and wcxb (gold ``body``): a monotone multiset alignment of word 3-grams
     (``\\w+`` tokens, lower case). The kept lines are taken in page order; each gold 3-gram
     can account for one occurrence only (a copy of a body sentence in a teaser after the body
     finds its 3-grams used up). A line of 3+ tokens is content when at least LABEL_CONTENT of
     its 3-grams are matched, chrome when at most LABEL_CHROME are, else not labelled. A line
     of 1-2 tokens is chrome when its tokens do not occur (contiguously) in the gold, content
     when they do and a long neighbour within two kept lines is content, else not labelled.
   - trafilatura (``with`` / ``without`` snippets, whitespace-normalised): a line holding a
     ``with`` snippet is content, one holding a ``without`` snippet chrome, both or neither:
     not labelled (partial labels).
3. *Fit*: L2-regularised logistic regression, full-batch Adam, a fixed number of steps,
   seeded; each training set carries the same total weight; features seen on fewer than
   MIN_COUNT training lines are dropped (no site-specific words).
4. *Out of fold* (``--oof``): leave one set out: fit on the other two, then score the third
   with the dataset's own metric (../shared/tools/metrics.py, the exact published scorers),
   the pipeline without the model against the pipeline with it, per flattener, at several
   cut probabilities. The shipped cut probability is chosen from these tables (README).
5. ``--write``: fit on all three sets and write ``boilerstrip/data/learned_chrome.bin``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

try:
    import numpy as np
except ImportError:  # the labelling functions (and their tests) need no numpy; fitting does
    np = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from boilerstrip import api  # noqa: E402
from boilerstrip.config import Config  # noqa: E402
from boilerstrip.model import Line  # noqa: E402
from boilerstrip.pipeline import Context, Doc, run  # noqa: E402
from boilerstrip.rules import learned  # noqa: E402
from boilerstrip.segment import join_body, split_lines  # noqa: E402

DATASETS = ("scrapinghub", "trafilatura", "wcxb")
FLATS = ("flat-inscriptis", "flat-html_text")
SEED = 12
#: A line of 3+ tokens is content from this share of matched gold 3-grams on ...
LABEL_CONTENT = 0.5
#: ... chrome up to this share.
LABEL_CHROME = 0.2
#: Short lines (1-2 tokens) look this many kept lines either way for a long content neighbour.
SHORT_REACH = 2
#: Features seen on fewer training lines than this are dropped.
MIN_COUNT = 3
#: ... and so are features seen on pages of fewer sites (URL hosts) than this: a word one site
#: prints under every article is that site's chrome, not chrome's shape.
MIN_SITES = int(os.environ.get("FIT_MIN_SITES", "3"))
#: A content line weighs this many chrome lines in the loss (a body line lost costs more).
CONTENT_WEIGHT = float(os.environ.get("FIT_CONTENT_WEIGHT", "1"))
L2 = 1e-4
STEPS = 300
LEARNING_RATE = 0.05
#: Cut probabilities scored out of fold.
#: The page guard (learned.MAX_CUT_SHARE unless --max-cut-share says otherwise).
MAX_CUT_SHARE = learned.MAX_CUT_SHARE
GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
WORD = re.compile(r"\w+")


def default_data() -> Path:
    env = os.environ.get("BOILERSTRIP_EVALDATA")
    return Path(env) if env else (ROOT / ".." / "shared" / "evaldata").resolve()


def _metrics() -> Any:
    sys.path.insert(0, str(ROOT / ".." / "shared" / "tools"))
    import metrics  # type: ignore[import-not-found]

    return metrics


@dataclass
class Page:
    dataset: str
    flat: str
    doc_id: str
    kept: list[Line]
    cand: list[int]  # positions in kept
    rows: list[np.ndarray]  # bucket ids per candidate
    labels: list[float | None]  # per candidate
    chars: int  # kept characters
    host: str = ""  # the page's URL host (site)


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def label_body(kept: list[Line], body: str) -> list[float | None]:
    gold_toks = [t.lower() for t in WORD.findall(body)]
    grams = Counter(zip(gold_toks, gold_toks[1:], gold_toks[2:], strict=False))
    joined = " " + " ".join(gold_toks) + " "
    out: list[float | None] = []
    short: list[int] = []
    for k, line in enumerate(kept):
        toks = [t.lower() for t in WORD.findall(line.text)]
        if not toks:
            out.append(None)
            continue
        if len(toks) < 3:
            out.append(None)
            short.append(k)
            continue
        lg = list(zip(toks, toks[1:], toks[2:], strict=False))
        hit = 0
        for g in lg:
            if grams[g] > 0:
                grams[g] -= 1
                hit += 1
        share = hit / len(lg)
        out.append(0.0 if share >= LABEL_CONTENT else 1.0 if share <= LABEL_CHROME else None)
    for k in short:
        toks = [t.lower() for t in WORD.findall(kept[k].text)]
        if " " + " ".join(toks) + " " not in joined:
            out[k] = 1.0
            continue
        near = [out[j] for j in range(max(0, k - SHORT_REACH), min(len(kept), k + SHORT_REACH + 1)) if j != k and j not in short]
        if any(v == 0.0 for v in near):
            out[k] = 0.0
    return out


def label_snippets(kept: list[Line], with_: list[str], without: list[str]) -> list[float | None]:
    w = [" ".join(s.split()) for s in with_ if s.strip()]
    wo = [" ".join(s.split()) for s in without if s.strip()]
    out: list[float | None] = []
    for line in kept:
        t = line.text
        c = any(s in t for s in w)
        b = any(s in t for s in wo)
        out.append(0.0 if c and not b else 1.0 if b and not c else None)
    return out


def collect(data: Path, limit: int | None, disable: frozenset[str] = frozenset()) -> list[Page]:
    cfg = Config(disable=disable)
    rules = api.pipeline_for(cfg)  # the default pipeline (learned-chrome is not in it), less ``disable``
    pages: list[Page] = []
    for ds in DATASETS:
        gold = json.loads((data / ds / "gold.json").read_text(encoding="utf-8"))
        ids = list(json.loads((data / ds / "split.json").read_text(encoding="utf-8"))["dev"])[: limit or None]
        for flat in FLATS:
            t0 = time.time()
            for doc_id in ids:
                text = (data / ds / flat / f"{doc_id}.txt").read_text(encoding="utf-8")
                lines = split_lines(api.as_text(text, cfg))
                ctx = Context(cfg)
                ctx.language = api._detect_language(lines)
                res = run(lines, rules, ctx)
                kept = res.kept
                doc = Doc(lines, kept, ctx.meta)
                g = gold[doc_id]
                labels_all = label_snippets(kept, g["with"], g["without"]) if ds == "trafilatura" else label_body(kept, g.get("body") or "")
                cand: list[int] = []
                rows: list[np.ndarray] = []
                if learned.big_enough(doc, ctx) and kept:
                    fs, shapes, after, page = learned.page_context(doc, ctx)
                    cand = learned.candidates(doc)
                    rows = [np.array(sorted({learned.bucket(n) for n in learned.line_features(doc, i, fs, shapes, after, page)}), dtype=np.int32) for i in cand]
                pages.append(Page(ds, flat, doc_id, kept, cand, rows, [labels_all[i] for i in cand], sum(x.n_chars for x in kept), host_of(g.get("url") or doc_id)))
            print(f"  {ds} {flat}: {len(ids)} pages, {time.time() - t0:.0f}s", file=sys.stderr)
    return pages


def fit(pages: list[Page]) -> tuple[np.ndarray, float]:
    rows: list[np.ndarray] = []
    ys: list[float] = []
    ws: list[float] = []
    size = 1 << learned.HASH_BITS
    # a feature counts once per site (URL host): those of fewer than MIN_SITES sites are dropped
    hosts: dict[str, int] = {}
    pairs = []
    for p in pages:
        if p.rows:
            h = hosts.setdefault(p.host, len(hosts))
            pairs.append(np.unique(np.concatenate(p.rows)).astype(np.int64) * 1_000_003 + h)
    sites = np.bincount((np.unique(np.concatenate(pairs)) // 1_000_003).astype(np.int64), minlength=size)
    per_set = Counter(p.dataset for p in pages for v in p.labels if v is not None)
    for p in pages:
        for r, v in zip(p.rows, p.labels, strict=True):
            if v is not None:
                rows.append(r)
                ys.append(v)
                ws.append((CONTENT_WEIGHT if v == 0.0 else 1.0) / per_set[p.dataset])

    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    idx = np.concatenate(rows)
    counts = np.bincount(idx, minlength=size)
    keep = (counts[idx] >= MIN_COUNT) & (sites[idx] >= MIN_SITES)
    rowid = np.repeat(np.arange(len(rows)), np.diff(indptr))
    idx, rowid = idx[keep], rowid[keep]
    y = np.array(ys)
    sw = np.array(ws)
    sw = sw / sw.sum()
    rng = np.random.default_rng(SEED)
    w = rng.normal(0.0, 1e-3, size) * ((counts >= MIN_COUNT) & (sites >= MIN_SITES))
    b = 0.0
    m = np.zeros(size)
    v2 = np.zeros(size)
    mb = vb = 0.0
    b1, b2, eps = 0.9, 0.999, 1e-8
    n = len(rows)
    for step in range(1, STEPS + 1):
        z = np.bincount(rowid, weights=w[idx], minlength=n) + b
        pr = 1.0 / (1.0 + np.exp(-z))
        g = (pr - y) * sw
        gw = np.bincount(idx, weights=g[rowid], minlength=size) + L2 * w
        gb = g.sum()
        m = b1 * m + (1 - b1) * gw
        v2 = b2 * v2 + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        lr = LEARNING_RATE * np.sqrt(1 - b2**step) / (1 - b1**step)
        w -= lr * m / (np.sqrt(v2) + eps)
        b -= lr * mb / (np.sqrt(vb) + eps)
        if step % 100 == 0:
            loss = -np.sum(sw * (y * np.log(pr + 1e-12) + (1 - y) * np.log(1 - pr + 1e-12)))
            print(f"    step {step}: loss {loss:.4f}", file=sys.stderr)
    return w, float(b)


def quantised(w: np.ndarray, b: float) -> tuple[list[float], float]:
    """The weights as the package reads them back (int8-quantised), so evaluation scores what ships."""
    return learned.decode(learned.encode(w.tolist(), b))


def cuts(p: Page, weights: list[float], bias: float, prob: float) -> set[int]:
    zcut = float(np.log(prob / (1 - prob)))
    hits = [i for i, r in zip(p.cand, p.rows, strict=True) if bias + sum(weights[k] for k in r.tolist()) >= zcut]
    if sum(p.kept[i].n_chars for i in hits) > MAX_CUT_SHARE * p.chars:
        return set()
    return set(hits)


def score(pages: list[Page], data: Path, model: tuple[list[float], float] | None, prob: float) -> dict[tuple[str, str], dict]:
    M = _metrics()
    golds = {ds: json.loads((data / ds / "gold.json").read_text(encoding="utf-8")) for ds in {p.dataset for p in pages}}
    docs: dict[tuple[str, str], list[dict]] = {}
    for p in pages:
        gone = cuts(p, model[0], model[1], prob) if model else set()
        body = join_body(line for k, line in enumerate(p.kept) if k not in gone)
        g = golds[p.dataset][p.doc_id]
        if p.dataset == "scrapinghub":
            d = M.scrapinghub_doc(g["body"], body)
        elif p.dataset == "trafilatura":
            d = M.trafilatura_doc(g, body)
        else:
            d = M.wcxb_doc(g, body)
            d["page_type"] = g.get("page_type")
        docs.setdefault((p.dataset, p.flat), []).append(d)
    out = {}
    for (ds, flat), ds_docs in docs.items():
        if ds == "scrapinghub":
            agg = M.scrapinghub_aggregate(ds_docs, n_bootstrap=0)
        elif ds == "trafilatura":
            agg = M.trafilatura_aggregate(ds_docs)
        else:
            agg = M.wcxb_aggregate(ds_docs)
        out[(ds, flat)] = agg
    return out


def _fmt(a: dict) -> str:
    return f"{a['f1']:.3f} ({a['precision']:.3f}/{a['recall']:.3f})"


def oof(pages: list[Page], data: Path) -> None:
    base = score(pages, data, None, 0.5)
    print("| set | flattener | without model | " + " | ".join(f"p>={g}" for g in GRID) + " |")
    print("|---|---|---|" + "---|" * len(GRID))
    for held in DATASETS:
        train = [p for p in pages if p.dataset != held]
        test = [p for p in pages if p.dataset == held]
        if not test:
            continue
        print(f"fit without {held} ({sum(v is not None for p in train for v in p.labels)} labelled lines)", file=sys.stderr)
        model = quantised(*fit(train))
        per_prob = {g: score(test, data, model, g) for g in GRID}
        for flat in FLATS:
            key = (held, flat)
            print(f"| {held} | {flat} | {_fmt(base[key])} | " + " | ".join(_fmt(per_prob[g][key]) for g in GRID) + " |", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=default_data())
    ap.add_argument("--oof", action="store_true", help="leave-one-set-out figures")
    ap.add_argument("--write", action="store_true", help="fit on all sets and write the package's weights")
    ap.add_argument("--limit", type=int, default=None, help="first N dev pages of each set (quick runs)")
    ap.add_argument("--disable", default="", help="rule ids left out of the pipeline the model runs after (experiments)")
    ap.add_argument("--max-cut-share", type=float, default=None, help="page guard for the experiments (default: the rule's)")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the collected lines: read if present, else written (feature work must delete it)")
    args = ap.parse_args(argv)
    if np is None:
        print("fit_chrome.py needs numpy: pip install -e '.[fit]'", file=sys.stderr)
        return 2
    if not (args.data / "scrapinghub" / "gold.json").exists():
        print(f"no evaluation data at {args.data}", file=sys.stderr)
        return 2
    if args.max_cut_share is not None:
        global MAX_CUT_SHARE
        MAX_CUT_SHARE = args.max_cut_share
    t0 = time.time()
    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = collect(args.data, args.limit, frozenset(x for x in args.disable.split(",") if x))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    labelled = Counter((p.dataset, v) for p in pages for v in p.labels if v is not None)
    print(f"collected in {time.time() - t0:.0f}s; labelled candidates (set, 1=chrome): {dict(sorted(labelled.items()))}", file=sys.stderr)
    if args.oof:
        oof(pages, args.data)
    if args.write:
        w, b = fit(pages)
        blob = learned.encode(w.tolist(), b)
        out = ROOT / "boilerstrip" / "data" / learned.WEIGHTS_FILE
        out.write_bytes(blob)
        print(f"wrote {out} ({len(blob):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
