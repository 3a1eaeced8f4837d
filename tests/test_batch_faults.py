"""``boilerstrip clean`` under faults: kills, Ctrl-C, bad files, dying workers, unwritable outputs.

Every run is a real subprocess. Faults that cannot be made for real in a test (a segfaulting C
extension, a hung input, a full disk, a slow write to kill in the middle of) use the test-only
hooks documented in :mod:`boilerstrip.batch`. Permission faults are real: as root (where chmod
does not stop anyone) the command runs as user ``nobody``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import boilerstrip
from boilerstrip.batch import OutputLock

PARA = "Paragraph {k} of story {i} explains what the committee decided on Tuesday and why it matters to residents."


def doc(i: int, paras: int = 12) -> str:
    return "Advertisement\n" + "\n\n".join(PARA.format(k=k, i=i) for k in range(paras)) + "\n"


def expected(text: str) -> bytes:
    """The reference output for one input: the library's body (the batch must deliver it whole)."""
    return (boilerstrip.clean(text) + "\n").encode()


def cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "boilerstrip", "clean", *args]


def run(*args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(cmd(*args), capture_output=True, timeout=120, env={**os.environ, **(env or {})}, **kw)


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A run in its own process group, so a signal can reach it and all its workers at once."""
    with open(log, "wb") as f:
        return subprocess.Popen(cmd(*args), stdout=f, stderr=subprocess.STDOUT, env={**os.environ, **env}, start_new_session=True)


def kill_group(proc: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
    """Kill the run and its workers, and wait until every one of them is gone."""
    os.killpg(proc.pid, sig)
    proc.wait(timeout=30)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


def wait_for_outputs(out: Path, n: int, proc: subprocess.Popen[bytes], deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end and proc.poll() is None:
        if out.exists() and len(finals(out)) >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"run ended or stalled before {n} outputs appeared (exit {proc.poll()})")


def finals(out: Path) -> dict[str, bytes]:
    """Output files by relative path, leaving out temp files of an interrupted write."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.txt") if p.is_file() and not p.name.startswith(".")}


def temps(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".bstmp")]


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, str]:
    """40 inputs in two folders; returns relative output path -> input text."""
    texts = {}
    for i in range(40):
        rel = f"part{i % 2}/story{i:02d}.txt"
        (tmp_path / "in" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / rel).write_text(doc(i))
        texts[rel] = doc(i)
    return texts


def test_sigkill_mid_run_then_skip_existing_finishes_with_every_output_whole(tmp_path: Path, corpus: dict[str, str]) -> None:
    out = tmp_path / "out"
    # each write sleeps halfway through its data, so the kill very likely lands inside a write
    proc = start([str(tmp_path / "in"), "-o", str(out), "--jobs", "2"], {"BOILERSTRIP_TEST_DELAY": "0.1"}, tmp_path / "log")
    wait_for_outputs(out, 6, proc)
    kill_group(proc)
    first = finals(out)
    assert 6 <= len(first) < len(corpus)
    for rel, data in first.items():  # complete or absent: never a prefix
        assert data == expected(corpus[rel]), rel
    leftovers = temps(out)
    print(f"killed with {len(first)} outputs written and {len(leftovers)} writes in progress")

    summary = tmp_path / "summary.json"
    r = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--skip-existing", "--summary-json", str(summary))
    assert r.returncode == 0, r.stderr.decode()
    assert finals(out) == {rel: expected(text) for rel, text in corpus.items()}
    assert temps(out) == []  # stale temp files of the killed run are cleared
    s = json.loads(summary.read_text())
    assert s["files"]["skipped_existing"] == len(first)
    assert s["files"]["ok"] == len(corpus) - len(first)
    assert all(p.name.startswith(".") for p in leftovers)


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_stops_with_the_summary_so_far_and_exit_130(tmp_path: Path, corpus: dict[str, str], sig: int, status: int) -> None:
    out, summary = tmp_path / "out", tmp_path / "summary.json"
    proc = start([str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--summary-json", str(summary)], {"BOILERSTRIP_TEST_DELAY": "0.1"}, tmp_path / "log")
    wait_for_outputs(out, 4, proc)
    os.killpg(proc.pid, sig)  # Ctrl-C in a terminal signals the whole group, workers included
    assert proc.wait(timeout=30) == status
    log = (tmp_path / "log").read_text()
    assert "interrupted" in log and "not done (interrupted)" in log and "Traceback" not in log
    s = json.loads(summary.read_text())
    done = finals(out)
    assert s["interrupted"] is True
    assert s["files"]["ok"] == len(done) and s["files"]["not_done"] == len(corpus) - len(done) > 0
    for rel, data in done.items():
        assert data == expected(corpus[rel]), rel


def jsonl_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def wait_for_records(path: Path, n: int, proc: subprocess.Popen[bytes], deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"run ended or stalled before {n} records appeared (exit {proc.poll()})")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_jsonl_keeps_finished_records_when_stopped_and_the_named_command_resumes_it(tmp_path: Path, corpus: dict[str, str], sig: int) -> None:
    """Issue 16: Ctrl-C during --format jsonl lost every finished record (no articles.jsonl at all),
    and the message advised --skip-existing, which jsonl refused."""
    src, out = tmp_path / "in", tmp_path / "out"
    reference = tmp_path / "reference"
    assert run(str(src), "-o", str(reference), "--format", "jsonl", "--jobs", "2").returncode == 0
    whole = (reference / "articles.jsonl").read_bytes()
    assert len(jsonl_records(reference / "articles.jsonl")) == len(corpus)

    args = [str(src), "-o", str(out), "--format", "jsonl", "--jobs", "2"]
    proc = start(args, {"BOILERSTRIP_TEST_DELAY": "0.1"}, tmp_path / "log")
    wait_for_records(out / "articles.jsonl", 5, proc)
    if sig == signal.SIGKILL:
        kill_group(proc)
    else:
        os.killpg(proc.pid, sig)
        assert proc.wait(timeout=30) == 130
        assert "rerun the same command with --skip-existing to resume" in (tmp_path / "log").read_text()
    kept = (out / "articles.jsonl").read_bytes()
    assert 5 <= kept.count(b"\n") < len(corpus)
    assert whole.startswith(kept)  # whole records, in input order: a prefix of the full run's file

    r = run(*args, "--skip-existing")
    assert r.returncode == 0, r.stderr.decode()
    assert (out / "articles.jsonl").read_bytes() == whole
    done = kept.count(b"\n")
    assert f"{done} skipped (output exists)" in r.stderr.decode()


def test_a_record_cut_off_by_a_kill_is_dropped_and_redone_on_resume(tmp_path: Path, corpus: dict[str, str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    assert run(str(src), "-o", str(out), "--format", "jsonl").returncode == 0
    whole = (out / "articles.jsonl").read_bytes()
    lines = whole.splitlines(keepends=True)
    (out / "articles.jsonl").write_bytes(b"".join(lines[:7]) + lines[7][:50])  # killed in the middle of record 8
    r = run(str(src), "-o", str(out), "--format", "jsonl", "--skip-existing")
    assert r.returncode == 0, r.stderr.decode()
    assert (out / "articles.jsonl").read_bytes() == whole


def test_jsonl_gets_the_mode_other_outputs_get(tmp_path: Path, corpus: dict[str, str]) -> None:
    src = tmp_path / "in"
    for fmt in ("jsonl", "txt"):
        r = subprocess.run(["sh", "-c", 'umask 022 && exec "$@"', "sh", *cmd(str(src), "-o", str(tmp_path / fmt), "--format", fmt)], capture_output=True, timeout=120)
        assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "jsonl" / "articles.jsonl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "txt" / "part0" / "story00.txt").stat().st_mode & 0o777 == 0o644


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i in range(6):
        (src / "sub" / f"good{i}.txt").write_text(doc(i, paras=3))
    (src / "crashme.txt").write_text(doc(10, paras=3))
    (src / "oomkilled.txt").write_text(doc(15, paras=3))
    (src / "exits.txt").write_text(doc(16, paras=3))
    (src / "hangme.txt").write_text(doc(11, paras=3))
    (src / "diskfull.txt").write_text(doc(12, paras=3))
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (src / "corrupt.txt.gz").write_bytes(gzip.compress(doc(13).encode())[:40])
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    (src / "loop-a.txt").symlink_to(src / "loop-b.txt")
    (src / "loop-b.txt").symlink_to(src / "loop-a.txt")
    (src / "sub" / "back-up").symlink_to(src)
    (tmp_path / "out").mkdir()
    (src / "sub" / "to-out").symlink_to(tmp_path / "out")  # must not be walked: the run would read its own outputs
    (src / "huge.txt").write_text(doc(14, paras=100))  # over --max-bytes
    (src / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * 10_000_000))  # 10 MB from a few KB
    return src


HOSTILE_REASONS = {
    "crashme.txt": "worker process died (SIGSEGV)",
    "oomkilled.txt": "worker process died (SIGKILL (killed: out of memory?))",
    "exits.txt": "worker process exited with status 3",
    "hangme.txt": "timed out after 1.5 s",
    "diskfull.txt": "cannot write diskfull.txt: No space left on device",
    "image.txt": "input is binary (PNG image), not text",
    "corrupt.txt.gz": "cannot decompress",
    "dangling.txt": "broken symlink",
    "loop-a.txt": "symlink loop",
    "loop-b.txt": "symlink loop",
    "sub/back-up": "symlink loop",
    "huge.txt": "too large: size is over the limit of 5,000 bytes",
    "bomb.txt.gz": "too large: decompressed size is over the limit of 5,000 bytes",
}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_bad_file_is_reported_and_the_others_succeed(tmp_path: Path, hostile: Path, jobs: str) -> None:
    out, summary = tmp_path / "out", tmp_path / "summary.json"
    hooks = {
        "BOILERSTRIP_TEST_CRASH_ON": "crashme",
        "BOILERSTRIP_TEST_KILL_ON": "oomkilled",
        "BOILERSTRIP_TEST_EXIT_ON": "exits",
        "BOILERSTRIP_TEST_HANG_ON": "hangme",
        "BOILERSTRIP_TEST_FAIL_WRITE": "diskfull",
    }
    r = run(str(hostile), "-o", str(out), "--jobs", jobs, "--timeout", "1.5", "--max-bytes", "5000", "--summary-json", str(summary), env=hooks)
    assert r.returncode == 1
    s = json.loads(summary.read_text())
    got = {Path(f["path"]).relative_to(hostile).as_posix(): f["reason"] for f in s["failures"]}
    assert got.keys() == HOSTILE_REASONS.keys()
    for rel, reason in HOSTILE_REASONS.items():
        assert reason in got[rel], (rel, got[rel])
        assert f"{rel}: " in r.stderr.decode()  # reported as it happens and in the summary
    assert finals(out) == {f"sub/good{i}.txt": expected(doc(i, paras=3)) for i in range(6)}
    assert temps(out) == []
    assert s["files"] == {"total": 19, "ok": 6, "skipped_existing": 0, "failed": 13, "not_done": 0, "ignored": 0}


# --- permission faults: real ones, with permission bits that count --------------------------


def unprivileged() -> list[str]:
    """A command prefix under which permission bits count: as root, drop the capabilities that ignore them."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):  # pragma: no cover - depends on the machine
        pytest.skip("running as root without setpriv: chmod cannot make a file unreadable here")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def run_unprivileged(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*unprivileged(), *cmd(*args)], capture_output=True, timeout=120)


@pytest.fixture
def restore_modes(tmp_path: Path) -> Iterator[None]:
    yield
    for p in tmp_path.rglob("*"):
        if not p.is_symlink():
            p.chmod(0o755)


def test_unreadable_file_is_reported_and_the_rest_go_on(tmp_path: Path, restore_modes: None) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, i in (("a.txt", 1), ("secret.txt", 2), ("z.txt", 3)):
        (src / name).write_text(doc(i, paras=3))
    (src / "secret.txt").chmod(0o000)
    r = run_unprivileged(str(src), "-o", str(out), "--jobs", "2")
    assert r.returncode == 1, r.stderr.decode()
    assert f"{src / 'secret.txt'}: cannot read: Permission denied" in r.stderr.decode()
    assert finals(out) == {"a.txt": expected(doc(1, paras=3)), "z.txt": expected(doc(3, paras=3))}


def test_read_only_output_folder_is_reported_per_file_and_writable_ones_still_written(tmp_path: Path, restore_modes: None) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    for sub in ("locked", "open"):
        (src / sub).mkdir(parents=True)
        (out / sub).mkdir(parents=True)
        for i in range(2):
            (src / sub / f"{sub}{i}.txt").write_text(doc(i, paras=3))
    (out / "locked").chmod(0o555)
    summary = tmp_path / "summary.json"
    r = run_unprivileged(str(src), "-o", str(out), "--summary-json", str(summary))
    assert r.returncode == 1, r.stderr.decode()
    s = json.loads(summary.read_text())
    assert [(Path(f["path"]).name, f["reason"]) for f in s["failures"]] == [
        ("locked0.txt", "cannot write locked/locked0.txt: Permission denied"),
        ("locked1.txt", "cannot write locked/locked1.txt: Permission denied"),
    ]
    assert finals(out) == {f"open/open{i}.txt": expected(doc(i, paras=3)) for i in range(2)}


def test_an_output_folder_that_cannot_be_written_stops_the_run_at_once(tmp_path: Path, restore_modes: None) -> None:
    """Issue 16: the run went through every file and failed each one."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for i in range(5):
        (src / f"{i}.txt").write_text(doc(i, paras=3))
    out.chmod(0o555)
    r = run_unprivileged(str(src), "-o", str(out))
    assert r.returncode == 2
    assert r.stderr.decode() == f"boilerstrip clean: error: cannot write into output folder {out}: Permission denied\n"


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path, corpus: dict[str, str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    held = OutputLock(str(out))  # as a run in progress holds it
    assert held.acquire()
    try:
        r = run(str(tmp_path / "in"), "-o", str(out))
    finally:
        held.release()
    assert r.returncode == 2 and b"another boilerstrip run is writing into" in r.stderr
    assert finals(out) == {}


def test_a_really_full_disk_is_reported_per_file_and_no_output_is_partial(tmp_path: Path) -> None:
    """A 64 KiB tmpfs as OUTDIR, mounted in a private mount namespace (root only; the hook test
    above covers the same path everywhere)."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare to mount a tiny private filesystem")
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    texts = {f"story{i:02d}.txt": doc(i, paras=60) for i in range(30)}  # ~6.6 KB each: ~200 KB into 64 KiB
    for name, text in texts.items():
        (src / name).write_text(text)
    summary = tmp_path / "summary.json"
    script = (
        f'mount -t tmpfs -o size=64k tmpfs "{out}" || exit 99; '
        f'"{sys.executable}" -m boilerstrip clean "{src}" -o "{out}" --jobs 2 --summary-json "{summary}" -q; status=$?; '
        f'tar -C "{out}" -cf - . ; exit $status'
    )
    r = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script], capture_output=True, timeout=120)
    if r.returncode == 99:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.decode().strip()}")
    assert r.returncode == 1, r.stderr.decode()
    with tarfile.open(fileobj=io.BytesIO(r.stdout)) as tar:
        written = {m.name.removeprefix("./"): tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}  # type: ignore[union-attr]
    outputs = {k: v for k, v in written.items() if not k.startswith(".")}
    assert 0 < len(outputs) < len(texts)
    for name, data in outputs.items():
        assert data == expected(texts[name]), name  # complete, never cut short by the full disk
    assert [k for k in written if k.endswith(".bstmp")] == []  # failed writes leave no temp behind
    s = json.loads(summary.read_text())
    assert s["files"]["ok"] == len(outputs) and s["files"]["failed"] == len(texts) - len(outputs)
    assert all("No space left on device" in f["reason"] for f in s["failures"])


def test_a_file_that_needs_too_much_memory_fails_alone_under_max_memory(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a-huge.txt").write_text("\n".join(f"line {i:07d} of noise" for i in range(500_000)))  # 11 MB in 500k lines
    for i in range(3):
        (src / f"b-good{i}.txt").write_text(doc(i, paras=3))
    r = run(str(src), "-o", str(out), "--jobs", "1", "--max-memory", "40")
    assert r.returncode == 1, r.stderr.decode()
    assert f"{src / 'a-huge.txt'}: out of memory" in r.stderr.decode()
    # the same worker goes on after the MemoryError
    assert finals(out) == {f"b-good{i}.txt": expected(doc(i, paras=3)) for i in range(3)}
