#!/usr/bin/env python3
"""One sha1 over every output: the check that a speed or refactoring change leaves every result
byte-identical.

    .venv/bin/python benchmarks/fingerprint.py [DATA] [--html N]

Runs ``extract(text).to_dict()`` (body, metadata and the removal log) on every flattened page of
the development data (``DATA/*/flat-*/*.txt``, DATA defaulting to ``../shared/evaldata``) and on
the seed fixtures, plus ``--html N`` pages of HTML per dataset, and prints the page count and the
sha1. Run it before and after the change (``git worktree add /tmp/base HEAD`` and
``PYTHONPATH=/tmp/base`` give the before); the two lines must be equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import DATASETS, default_data, page_ids, read_page  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=None)
    ap.add_argument("--html", type=int, default=0, metavar="N", help="also N HTML pages per dataset")
    args = ap.parse_args(argv)
    import boilerstrip

    data = (args.data or default_data()).resolve()
    texts = sorted(data.glob("*/flat-*/*.txt")) + sorted((HERE.parent / "fixtures" / "seeds").glob("*.txt"))
    h = hashlib.sha1()
    for path in texts:
        art = boilerstrip.extract(path.read_text(encoding="utf-8"))
        h.update(json.dumps(art.to_dict(), sort_keys=True, default=str).encode())
    n = len(texts)
    for ds in DATASETS if args.html else ():
        if not (data / ds / "gold.json").exists():
            continue
        for doc_id in page_ids(data, ds)[: args.html]:
            art = boilerstrip.extract(read_page(data, ds, "html", doc_id), input_format="html")
            h.update(json.dumps(art.to_dict(), sort_keys=True, default=str).encode())
            n += 1
    print(f"{n} pages  sha1 {h.hexdigest()}  ({Path(boilerstrip.__file__).parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
