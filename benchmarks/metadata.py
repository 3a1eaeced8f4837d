#!/usr/bin/env python3
"""Metadata accuracy on the gold ``meta`` of the trafilatura set and of wcxb, beside trafilatura.

    .venv/bin/python benchmarks/metadata.py [DATA] [--dataset trafilatura|wcxb] [--limit N]
        [--misses FIELD] [--no-trafilatura] [--json OUT] [--input html|flat-inscriptis|flat-html_text]

Runs ``boilerstrip.extract`` on each page's HTML (or, with ``--input flat-inscriptis`` /
``flat-html_text``, on its flattened text: the metadata text mode finds) and, side by side on the
same pages, ``trafilatura.extract_metadata`` on the HTML (the baseline of issues 4 and 13). Both
sets by default; ``--dataset`` picks one.

Fields with gold: title, author, date on both sets; sitename on the trafilatura set (12 pages
carry the key, 10 of them a name; boilerstrip's ``source``). The trafilatura set's description,
categories, tags and license have no boilerstrip field. Language, URL and image have no gold on
either set: for them the run reports **coverage** only (share of pages where a value is found),
which says nothing about whether the value is right.

Two accuracies per field:

* **headline** (issue 4's definition, the one the baseline figures use): over the pages whose
  gold value for the field is NON-EMPTY; a page counts as right when the prediction matches it.
* **incl. empty gold**: over every page whose gold ``meta`` has the key, an empty gold value
  meaning "the page has none" (then an empty prediction is right and any value is wrong). wcxb
  writes ``null`` for "none" (650 pages for author and for date, mostly non-article page types):
  it counts as empty here, as ``""`` does on the trafilatura set.

Comparison after case folding, whitespace folding and typographic folding (curly quotes to
straight ones, en/em dashes to ``-``, ``…`` to ``...``), the same rules for both extractors and
both sets. The typographic folding came with wcxb: its gold titles were drafted by a language
model that wrote "America's" for the page's "America’s" and "–" for its "-" (30 of boilerstrip's
340 title misses there differed only so, 20 of trafilatura's 704); a title is the same title in
either glyph. On the trafilatura set it turned 7 of trafilatura's title misses right (0.612 ->
0.626) and none of boilerstrip's.

* title, sitename: the whole string;
* author: the names, split on ``;``, ``,``, ``&``, and/und/et/y, compared as sets (so
  "A und B" equals "A; B", which is how trafilatura joins several authors);
* date: ``YYYY-MM-DD`` of the prediction (boilerstrip's ``published_at``, else its ``published``
  parsed) against the gold date.

DATA defaults to ``../shared/evaldata`` (or ``$BOILERSTRIP_EVALDATA``). ``--misses author``
prints the pages where boilerstrip is wrong on that field (non-empty gold only); ``--json OUT``
writes every page's gold and predictions for page-by-page comparison (one file per set:
``OUT`` with the set's name before the suffix when both sets run).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from quality import TEXT_INPUTS, default_data, page_ids, read_page  # noqa: E402  (benchmarks/ is on the path)

from boilerstrip.html.metadata import iso_date  # noqa: E402

#: The fields scored on both sets (the quality gate pins these).
FIELDS = ("title", "author", "date")
#: The fields with gold on each set.
SET_FIELDS = {"trafilatura": (*FIELDS, "sitename"), "wcxb": FIELDS}
DATASETS = tuple(SET_FIELDS)
#: Fields without gold on either set: only the share of pages where a value is found.
COVERAGE = ("language", "url", "image")
_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_WS = re.compile(r"\s+")
#: Glyph variants of the same title folded before comparing (see the docstring).
_GLYPHS = str.maketrans({"’": "'", "‘": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "–": "-", "—": "-", "‒": "-", "−": "-", "…": "..."})

Prediction = dict[str, str | None]


def as_str(v: object) -> str | None:
    """Gold values are strings, sometimes lists of strings (several authors)."""
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return v if v is None or isinstance(v, str) else str(v)


def fold(s: str | None) -> str:
    return _WS.sub(" ", (s or "").translate(_GLYPHS)).strip().casefold()


def names(s: str | None) -> frozenset[str]:
    return frozenset(n for n in (fold(x) for x in _SPLIT.split(s or "")) if n)


def same(field: str, gold: object, pred: object) -> bool:
    gold, pred = as_str(gold) or "", as_str(pred)
    if field == "author":
        return names(gold) == names(pred)
    if field == "date":
        return (iso_date(gold) or "") == (iso_date(pred) or "")
    return fold(gold) == fold(pred)


def ours(html: str, input_format: str = "html") -> Prediction:
    from boilerstrip import extract

    a = extract(html, input_format=input_format)
    date = a.published_at.date().isoformat() if a.published_at else iso_date(a.published)
    image = next((i.url for i in a.images if i.url), None)
    return {
        "title": a.title, "author": "; ".join(a.authors) or None, "date": date, "sitename": a.source,
        "language": a.language, "url": a.url, "image": image,
    }  # fmt: skip


def theirs(html: str) -> Prediction:
    from trafilatura import extract_metadata

    m = extract_metadata(html)
    if m is None:
        return dict.fromkeys((*SET_FIELDS["trafilatura"], *COVERAGE))
    return {
        "title": m.title, "author": m.author, "date": m.date, "sitename": m.sitename,
        "language": m.language, "url": m.url, "image": m.image,
    }  # fmt: skip


@dataclass
class Result:
    """Counts per system and field: ``[0]`` over pages with a non-empty gold value (issue 4's
    definition), ``[1]`` over every page whose gold has the key; ``found`` counts the pages where
    a system gives a value, per field (coverage)."""

    ids: list[str]
    fields: tuple[str, ...]
    right: dict[str, dict[str, list[int]]]
    total: dict[str, list[int]]
    secs: dict[str, float]
    found: dict[str, dict[str, int]] = field(default_factory=dict)
    dump: list[dict[str, Any]] = field(default_factory=list)

    def accuracy(self, system: str, fld: str, k: int = 0) -> float:
        return self.right[system][fld][k] / max(1, self.total[fld][k])

    def coverage(self, system: str, fld: str) -> float:
        return self.found[system][fld] / max(1, len(self.ids))


def evaluate(
    data: Path,
    systems: dict[str, Callable[[str], Prediction]],
    limit: int | None = None,
    misses: str | None = None,
    inputs: dict[str, str] | None = None,
) -> Result:
    """Run every system on the dev pages of the set folder ``data`` (``.../trafilatura`` or
    ``.../wcxb``) and count hits. ``inputs`` names what a system reads (``html``, the default, or a
    flattened text folder)."""
    inputs = inputs or {}
    fields = SET_FIELDS.get(data.name, FIELDS)
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    ids = page_ids(data.parent, data.name)[: limit or None]
    right = {s: {f: [0, 0] for f in fields} for s in systems}
    total = {f: [0, 0] for f in fields}
    found = {s: dict.fromkeys((*fields, *COVERAGE), 0) for s in systems}
    secs = dict.fromkeys(systems, 0.0)
    dump = []
    for doc_id in ids:
        meta = gold[doc_id].get("meta") or {}
        pages = {kind: read_page(data.parent, data.name, kind, doc_id) for kind in {inputs.get(name, "html") for name in systems}}
        preds = {}
        for name, fn in systems.items():
            page = pages[inputs.get(name, "html")]
            t0 = time.perf_counter()
            preds[name] = fn(page)
            secs[name] += time.perf_counter() - t0
            for f in found[name]:
                found[name][f] += bool(preds[name].get(f))
        dump.append({"id": doc_id, "gold": {f: as_str(meta.get(f)) for f in fields}, **preds})
        for f in fields:
            if f not in meta:  # not annotated (None is wcxb's "none": an empty gold value)
                continue
            filled = bool(as_str(meta[f]))
            total[f][1] += 1
            total[f][0] += filled
            for name in systems:
                ok = same(f, meta[f], preds[name].get(f))
                right[name][f][1] += ok
                right[name][f][0] += ok and filled
                if name == "boilerstrip" and not ok and filled and misses == f:
                    other = preds.get("trafilatura", {}).get(f)
                    print(f"{doc_id[:40]:40}  gold={meta[f]!r}  ours={preds[name].get(f)!r}  trafilatura={other!r}")
    return Result(ids, fields, right, total, secs, found, dump)


def report(res: Result, dataset: str, input_kind: str) -> None:
    fields, systems = res.fields, list(res.right)
    print(f"pages {len(res.ids)} ({dataset} set, dev; boilerstrip reads {input_kind})")
    for k, label in ((0, "non-empty gold (issue 4's definition)"), (1, "incl. empty gold ('page has none')")):
        print(f"{label}: " + ", ".join(f"{f} {res.total[f][k]}" for f in fields) + " pages")
        for name in systems:
            acc = "  ".join(f"{f} {res.accuracy(name, f, k):.3f} ({res.right[name][f][k]}/{res.total[f][k]})" for f in fields)
            speed = f"   ({len(res.ids) / max(res.secs[name], 1e-9):.0f} pages/s{' incl. body extraction' if name == 'boilerstrip' else ''})"
            print(f"  {name:12} {acc}{speed if k == 0 else ''}")
    print("coverage (share of pages with a value; no gold, right or wrong): " + ", ".join(COVERAGE))
    for name in systems:
        print(f"  {name:12} " + "  ".join(f"{f} {res.coverage(name, f):.3f}" for f in COVERAGE))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None)
    ap.add_argument("--dataset", choices=DATASETS, help="one set (default: both)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--misses", choices=SET_FIELDS["trafilatura"])
    ap.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura baseline")
    ap.add_argument("--json", type=Path, help="write per-page gold and predictions here")
    ap.add_argument("--input", default="html", choices=("html", *TEXT_INPUTS), help="what boilerstrip reads (trafilatura always reads the HTML)")
    args = ap.parse_args(argv)
    root = (args.data or default_data()).resolve()
    mine = ours if args.input == "html" else functools.partial(ours, input_format="text")
    systems = {"boilerstrip": mine} if args.no_trafilatura else {"boilerstrip": mine, "trafilatura": theirs}
    sets = (args.dataset,) if args.dataset else DATASETS
    for n, dataset in enumerate(sets):
        data = root / dataset
        if not (data / "gold.json").exists():
            print(f"no {dataset} set in {data}", file=sys.stderr)
            return 2
        res = evaluate(data, systems, args.limit, misses=args.misses, inputs={"boilerstrip": args.input})
        if args.json:
            out = args.json if len(sets) == 1 else args.json.with_name(f"{args.json.stem}-{dataset}{args.json.suffix}")
            out.write_text(json.dumps(res.dump, ensure_ascii=False, indent=1), encoding="utf-8")
        print() if n else None
        report(res, dataset, args.input)
    return 0


if __name__ == "__main__":
    sys.exit(main())
