#!/usr/bin/env python3
"""Speed of boilerstrip against trafilatura, measured in ONE run on the same pages.

    .venv/bin/python benchmarks/speed.py [DATA] [--dataset D] [--input flat-inscriptis]
        [--mode text|html] [--limit N] [--repeat R]

Every page is read and decoded into memory first (I/O and decoding are not timed). Then:

* boilerstrip: ``clean()`` on each page's flattened text (``--mode text``, the default, from
  ``--input``), or on the decoded HTML (``--mode html``, see :func:`boilerstrip_html`);
* trafilatura: ``trafilatura.extract()`` on the decoded HTML of the same pages.

Both get one untimed warm-up call. The first line says whether boilerstrip runs compiled (a
regular install) or as plain Python (an editable install), as that moves its speed by ~30%. The script prints pages/s for each and the ratio; the
project's bar is a ratio of at least 10 in text mode (see issue 3, "Must not regress").
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import DATASETS, TEXT_INPUTS, open_data, page_ids, read_page  # noqa: E402

#: The ratio issue 13 asks of the HTML path: at least twice the pages/s of trafilatura.extract
#: (issue 4 asked as many; see README, "Speed", for why 2x is out of reach while every page also
#: goes through trafilatura).
HTML_TARGET_RATIO = 2.0
#: The ratio the project promises in text mode.
TARGET_RATIO = 10.0


def boilerstrip_text(pages: Sequence[str]) -> Callable[[], None]:
    from boilerstrip import clean

    def go() -> None:
        for text in pages:
            clean(text, input_format="text")

    return go


def boilerstrip_html(pages: Sequence[str]) -> Callable[[], None]:
    """Hook for the HTML path: boilerstrip on the decoded HTML of each page."""
    from boilerstrip import clean

    def go() -> None:
        for html in pages:
            clean(html, input_format="html")

    return go


def trafilatura_html(pages: Sequence[str]) -> Callable[[], None]:
    import trafilatura

    def go() -> None:
        for html in pages:
            trafilatura.extract(html)

    return go


def timed(fns: Sequence[Callable[[], None]], repeat: int) -> list[tuple[float, float]]:
    """Best wall time and best CPU time of each of ``fns`` over ``repeat`` rounds. The functions
    take turns in every round, so a slow spell of the machine (a virtual machine's speed drifts by
    a third within minutes here) falls on both sides instead of on one; the best round of each is
    the least disturbed."""
    best = [(float("inf"), float("inf")) for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            best[k] = (min(best[k][0], wall), min(best[k][1], cpu))
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None)
    ap.add_argument("--dataset", action="append", choices=DATASETS, help="repeatable; default: both")
    ap.add_argument("--input", default="flat-inscriptis", choices=TEXT_INPUTS, help="flat text boilerstrip gets in text mode")
    ap.add_argument("--mode", default="text", choices=("text", "html"), help="what boilerstrip gets: the flat text or the HTML")
    ap.add_argument("--limit", type=int, help="first N pages of each dataset")
    ap.add_argument("--repeat", type=int, default=1, help="R rounds, the two sides taking turns; each keeps its best")
    args = ap.parse_args(argv)

    data, datasets = open_data(args.data, args.dataset)
    if not datasets:
        return 2
    flat: list[str] = []
    html: list[str] = []
    for ds in datasets:
        for doc_id in page_ids(data, ds)[: args.limit or None]:
            html.append(read_page(data, ds, "html", doc_id))
            flat.append(read_page(data, ds, args.input, doc_id))
    n = len(html)
    mine_input = flat if args.mode == "text" else html
    mine = boilerstrip_text(mine_input) if args.mode == "text" else boilerstrip_html(mine_input)
    theirs = trafilatura_html(html)
    # warm-up: imports, catalogues, stoplists, trafilatura's lxml setup
    boilerstrip_text(flat[:1])() if args.mode == "text" else boilerstrip_html(html[:1])()
    trafilatura_html(html[:1])()

    (t_mine, c_mine), (t_theirs, c_theirs) = timed([mine, theirs], args.repeat)
    mine_rate, theirs_rate = n / t_mine, n / t_theirs
    src = args.input if args.mode == "text" else "html"
    import boilerstrip

    build = "compiled (a regular install)" if boilerstrip.COMPILED else "plain Python (an editable install: `pip install .` compiles, see README)"
    print(f"pages {n} ({', '.join(datasets)}); boilerstrip {build} from {Path(boilerstrip.__file__).parent}")
    print(f"boilerstrip ({src:<15}) {mine_rate:9.1f} pages/s  {t_mine:7.2f} s wall  {n / c_mine:9.1f} pages/s CPU")
    print(f"trafilatura (html           ) {theirs_rate:9.1f} pages/s  {t_theirs:7.2f} s wall  {n / c_theirs:9.1f} pages/s CPU")
    print(f"CPU-time ratio {c_theirs / c_mine:.1f}x")
    ratio = mine_rate / theirs_rate
    target = TARGET_RATIO if args.mode == "text" else HTML_TARGET_RATIO
    verdict = "ok" if ratio >= target else f"BELOW the {target:g}x target"
    print(f"wall-time ratio {ratio:.1f}x  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
