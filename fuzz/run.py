"""Long fuzz run of ``fuzz/target.py`` (not part of CI; CI runs tests/test_fuzz_smoke.py).

    .venv/bin/python fuzz/run.py --minutes 30              # atheris if installed, else hypothesis
    .venv/bin/python fuzz/run.py --minutes 30 --engine hypothesis

atheris (``pip install atheris``) is coverage-guided; the hypothesis engine generates structured
inputs (articles with injected chrome, HTML fragments, raw bytes) and shrinks what it finds.
Crashing inputs are written to ``fuzz/findings/`` (git-ignored) and the run exits non-zero.
Seeds come from ``fuzz/corpus/``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
FINDINGS = HERE / "findings"
CORPUS = HERE / "corpus"


def save(data: bytes, exc: BaseException) -> Path:
    FINDINGS.mkdir(exist_ok=True)
    path = FINDINGS / f"crash-{hashlib.sha1(data).hexdigest()[:16]}"
    path.write_bytes(data)
    path.with_suffix(".txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return path


def run_atheris(seconds: int, skip: list[str]) -> int:
    import atheris

    with atheris.instrument_imports():
        import target

        import boilerstrip

        boilerstrip.clean("warm up\nAdvertisement")  # import the lazily loaded modules (rules, html) under instrumentation
        boilerstrip.clean("<html><body><p>warm up</p></body></html>")
    target.INVARIANTS.difference_update(skip)

    def one(data: bytes) -> None:
        try:
            target.check(data)
        except Exception as exc:
            print(f"finding saved to {save(data, exc)}", file=sys.stderr)
            raise

    CORPUS.mkdir(exist_ok=True)
    work = HERE / "findings" / "atheris-corpus"
    work.mkdir(parents=True, exist_ok=True)
    args = [sys.argv[0], f"-max_total_time={seconds}", "-max_len=16384", "-rss_limit_mb=4096", "-timeout=30", f"-artifact_prefix={FINDINGS}/"]
    args += [str(work), str(CORPUS)]
    atheris.Setup(args, one)
    atheris.Fuzz()
    return 0


def run_hypothesis(seconds: float, skip: list[str], seed: int | None = None) -> int:
    """Generate inputs until ``seconds`` are spent; returns the number of findings."""
    import strategies
    import target
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed

    target.INVARIANTS.difference_update(skip)

    deadline = time.monotonic() + seconds
    found: list[bytes] = []
    runs = 0

    for path in sorted(CORPUS.glob("*")):
        runs += 1
        try:
            target.check(path.read_bytes())
        except Exception as exc:  # noqa: BLE001 - every exception is a finding to save
            found.append(path.read_bytes())
            print(f"corpus {path.name}: {type(exc).__name__}: {exc}; saved to {save(path.read_bytes(), exc)}", file=sys.stderr)

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=False)
    @given(strategies.fuzz_inputs())
    def body(data: bytes) -> None:
        nonlocal runs
        runs += 1
        if time.monotonic() > deadline:
            raise _TimeUp
        target.check(data)

    class _TimeUp(Exception):
        pass

    while time.monotonic() < deadline:
        try:
            test = hseed(seed)(body) if seed is not None else body
            test()
        except _TimeUp:
            break
        except Exception as exc:  # noqa: BLE001 - hypothesis re-raises the shrunk failing example
            data = getattr(exc, "__fuzz_input__", b"")
            print(f"finding: {type(exc).__name__}: {str(exc)[:300]}", file=sys.stderr)
            traceback.print_exception(exc)
            found.append(data)
            FINDINGS.mkdir(exist_ok=True)
            (FINDINGS / f"hypothesis-{int(time.time())}.txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
            seed = None if seed is None else seed + 1
    print(f"hypothesis engine: {runs} inputs in {seconds:.0f}s, {len(found)} finding(s)")
    return len(found)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--seconds", type=float, default=None, help="overrides --minutes (for smoke runs)")
    ap.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    ap.add_argument("--seed", type=int, default=None, help="hypothesis engine: fixed seed for a reproducible run")
    ap.add_argument("--skip", action="append", default=[], choices=("replay", "source-lines", "idempotence"), help="an invariant not to check (repeatable)")
    opts = ap.parse_args(argv)
    seconds = opts.seconds if opts.seconds is not None else opts.minutes * 60
    engine = opts.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    if engine == "atheris":
        return run_atheris(int(seconds), opts.skip)
    return 1 if run_hypothesis(seconds, opts.skip, opts.seed) else 0


if __name__ == "__main__":
    sys.exit(main())
