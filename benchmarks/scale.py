"""Batch at corpus scale: N small files, memory, progress, SIGKILL and resume (issue #14, item 4).

    nice .venv/bin/python benchmarks/scale.py --files 100000 --jobs 2

1. writes N small text files into a temp folder: the invented site pages of tests/sitegen.py
   (P distinct pages in five sites' chrome, cut from the fixtures), page ``i % P`` as ``in/<site>/<i // 1000>/<i>.txt``;
2. runs ``boilerstrip clean in -o out --skip-existing`` on a pseudo-terminal (so the progress bar
   is drawn, and read back to know how far it got), sampling every SAMPLE_SECONDS the resident
   memory (VmRSS) of the supervisor and of each worker;
3. SIGKILLs the whole process group (supervisor and workers) when the progress bar passes
   ``--kill-at`` of the files, counts what is in ``out`` (outputs, temp files);
4. reruns the same command (``--skip-existing`` resumes), sampling again, to the end;
5. checks that every one of the N outputs exists and equals the reference output of its page
   (so nothing was lost or half-written) and that no temp file is left, and prints the figures.

Memory is flat in corpus size when the supervisor's and the workers' RSS at the end of a run of
100,000 files is that of a run of 10,000 (run both: ``--files 10000``).
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import sitegen  # noqa: E402

import boilerstrip  # noqa: E402

#: Seconds between two memory samples.
SAMPLE_SECONDS = 0.5
_PROGRESS = re.compile(rb"\] (\d+)/(\d+) files")


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def generate(folder: Path, n: int) -> list[str]:
    """Write the N inputs; returns the P distinct page texts (file i holds page i % P)."""
    pages = [p.text for p in sitegen.corpus()]
    sites = [p.site for p in sitegen.corpus()]
    for i in range(n):
        k = i % len(pages)
        d = folder / sites[k] / f"{i // 1000:03d}"
        if i % 1000 == 0 or not d.exists():
            d.mkdir(parents=True, exist_ok=True)
        (d / f"{i:06d}.txt").write_text(pages[k], encoding="utf-8")
    return pages


def run(cmd: list[str], kill_at: int | None) -> dict:
    """Run ``cmd`` on a pty; sample RSS; SIGKILL its process group once ``kill_at`` files are done."""
    master, slave = pty.openpty()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    out = bytearray()
    samples: list[tuple[float, int, int, int]] = []  # (seconds, files done, supervisor KB, max worker KB)
    done = 0
    killed = False
    next_sample = 0.0
    while True:
        ready, _, _ = select.select([master], [], [], SAMPLE_SECONDS)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk and proc.poll() is not None:
                break
            out += chunk
            found = _PROGRESS.findall(out[-4096:])
            if found:
                done = int(found[-1][0])
            if len(out) > 1 << 20:
                del out[: len(out) - 65536]
        now = time.monotonic() - start
        if now >= next_sample and proc.poll() is None:
            workers = children(proc.pid)
            samples.append((now, done, rss_kb(proc.pid), max((rss_kb(w) for w in workers), default=0)))
            next_sample = now + SAMPLE_SECONDS
        if kill_at is not None and not killed and done >= kill_at:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        if proc.poll() is not None and not ready:
            break
    proc.wait()
    os.close(master)
    return {"code": proc.returncode, "elapsed": time.monotonic() - start, "samples": samples, "tail": out[-3000:].decode("utf-8", "replace"), "killed": killed, "done": done}


def scan(outdir: Path) -> tuple[int, int]:
    outputs = temps = 0
    for _folder, _dirs, files in os.walk(outdir):
        for name in files:
            if name.endswith(".bstmp"):
                temps += 1
            elif name.endswith(".txt"):
                outputs += 1
    return outputs, temps


def verify(outdir: Path, n: int, references: list[str], sites: list[str]) -> list[str]:
    """Every output exists and equals its page's reference body (returns the problems)."""
    bad = []
    for i in range(n):
        k = i % len(references)
        path = outdir / sites[k] / f"{i // 1000:03d}" / f"{i:06d}.txt"
        try:
            got = path.read_text(encoding="utf-8")
        except OSError as exc:
            bad.append(f"{path}: {exc.strerror}")
            continue
        if got != references[k]:
            bad.append(f"{path}: differs from the reference ({len(got)} vs {len(references[k])} chars)")
    return bad


def at(samples: list[tuple[float, int, int, int]], frac: float, n: int) -> str:
    pick = next((s for s in samples if s[1] >= frac * n), samples[-1] if samples else None)
    return f"{pick[2] / 1024:.1f}/{pick[3] / 1024:.1f}" if pick else "-"


def report(name: str, r: dict, n: int) -> None:
    s = r["samples"]
    peak_sup = max((x[2] for x in s), default=0) / 1024
    peak_w = max((x[3] for x in s), default=0) / 1024
    print(f"{name}: exit {r['code']}, {r['elapsed']:.1f} s, progress bar last showed {r['done']:,}/{n:,}; "
          f"peak RSS supervisor {peak_sup:.1f} MB, largest worker {peak_w:.1f} MB; "
          f"RSS (supervisor/worker MB) at 10% {at(s, 0.1, n)}, 50% {at(s, 0.5, n)}, 90% {at(s, 0.9, n)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kill-at", type=float, default=0.4, help="SIGKILL the run when this share of the files is done (0: no kill)")
    ap.add_argument("--no-fsync", action="store_true", help="pass --no-fsync to clean")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR (kept) instead of a temp folder")
    args = ap.parse_args()
    n = args.files
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="boilerstrip-scale-"))
    try:
        t = time.monotonic()
        pages = generate(work / "in", n)
        sites = [p.site for p in sitegen.corpus()]
        print(f"generated {n:,} files in {time.monotonic() - t:.1f} s ({sum(len(p.encode()) for p in pages) / len(pages):.0f} bytes each on average)")
        references = [(b + "\n" if b else "") for b in (boilerstrip.clean(p) for p in pages)]  # as batch.render writes txt
        cmd = [sys.executable, "-m", "boilerstrip", "clean", str(work / "in"), "-o", str(work / "out"), "--skip-existing", "-j", str(args.jobs),
               "--summary-json", str(work / "summary.json")] + (["--no-fsync"] if args.no_fsync else [])
        first = run(cmd, int(args.kill_at * n) if args.kill_at else None)
        report("first run", first, n)
        if first["killed"]:
            outputs, temps = scan(work / "out")
            print(f"  SIGKILLed (process group) with {outputs:,} outputs written, {temps} temp files left")
            partial = [b for b in verify(work / "out", n, references, sites) if "differs" in b]
            print(f"  outputs present and not equal to the reference (half-written): {len(partial)}")
            second = run(cmd, None)
            report("resumed run", second, n)
            print("  " + "\n  ".join(line for line in second["tail"].replace("\r", "\n").splitlines() if line.startswith(("boilerstrip:", "  bytes"))))
        outputs, temps = scan(work / "out")
        bad = verify(work / "out", n, references, sites)
        print(f"at the end: {outputs:,} outputs, {temps} temp files, {len(bad)} missing or wrong")
        for b in bad[:10]:
            print("   ", b)
        return 1 if bad or temps else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
