"""The ``boilerstrip`` command: clean (outputs, formats, naming, summary, usage errors), explain, rules.

Batch runs go through a real subprocess (``python -m boilerstrip``); faults live in
test_batch_faults.py.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import cli
from boilerstrip.registry import all_rules

BODY1 = "The council approved the new budget on Tuesday after a long debate about school funding."
BODY2 = "Members said the plan would be reviewed again in the spring, once the first figures are in."
ARTICLE = f"Advertisement\n{BODY1}\n\n{BODY2}\n"
EXPECTED_TXT = f"{BODY1}\n\n{BODY2}\n"  # written by hand: the ad marker goes, both paragraphs stay
HTML = f"<!doctype html><html><body><article><p>{BODY1}</p><p>Advertisement</p><p>{BODY2}</p></article></body></html>"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args], input=stdin, capture_output=True, timeout=120, env={**os.environ, **(env or {})}, cwd=cwd
    )


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "a" / "b").mkdir(parents=True)
    (src / "one.txt").write_text(ARTICLE)
    (src / "a" / "two.html").write_text(HTML)
    (src / "a" / "b" / "three.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (src / "a" / "b" / "four.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (src / "notes.md").write_text(ARTICLE)  # not an input suffix: ignored inside a folder
    return src


def test_clean_folder_mirrors_relative_paths_and_writes_the_body(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run("clean", str(inputs), "-o", str(out), "--jobs", "2")
    assert r.returncode == 0, r.stderr.decode()
    got = tree(out)
    assert sorted(got) == ["a/b/four.txt", "a/b/three.txt", "a/two.txt", "one.txt"]
    assert got["one.txt"].decode() == EXPECTED_TXT
    assert got["a/b/three.txt"] == got["one.txt"]  # gzip decompressed, same text
    assert got["a/two.txt"].decode() == boilerstrip.clean(HTML, input_format="html") + "\n"
    assert BODY1 in got["a/two.txt"].decode() and "Advertisement" not in got["a/two.txt"].decode()
    assert got["a/b/four.txt"] == got["a/two.txt"]
    err = r.stderr.decode()
    assert "4 cleaned" in err and "0 failed" in err and "1 other files in folders ignored" in err
    assert "inline-ad-marker" in err  # rule firings are counted in the summary


def test_named_file_is_processed_whatever_its_suffix(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run("clean", str(inputs / "notes.md"), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert tree(out) == {"notes.md.txt": EXPECTED_TXT.encode()}


def test_json_carries_metadata_and_the_log_only_with_explain(inputs: Path, tmp_path: Path) -> None:
    run("clean", str(inputs / "one.txt"), "-o", str(tmp_path / "plain"), "--format", "json")
    run("clean", str(inputs / "one.txt"), "-o", str(tmp_path / "log"), "--format", "json", "--explain")
    plain = json.loads((tmp_path / "plain" / "one.json").read_text())
    logged = json.loads((tmp_path / "log" / "one.json").read_text())
    assert plain["body"] == EXPECTED_TXT.rstrip("\n")
    assert {"title", "source", "published", "published_at", "authors", "images"} <= set(plain)
    assert "removed" not in plain
    assert [(r["rule"], r["start_line"], r["text"]) for r in logged["removed"]] == [("inline-ad-marker", 1, "Advertisement")]


def test_jsonl_is_one_file_in_input_order_and_can_go_to_stdout(inputs: Path, tmp_path: Path) -> None:
    r = run("clean", str(inputs), "-o", str(tmp_path / "out"), "--format", "jsonl", "--jobs", "3")
    assert r.returncode == 0, r.stderr.decode()
    assert tree(tmp_path / "out").keys() == {"articles.jsonl"}
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    paths = [json.loads(x)["path"] for x in lines]
    assert paths == [str(inputs / p) for p in ("a/b/four.html.gz", "a/b/three.txt.gz", "a/two.html", "one.txt")]  # sorted walk
    assert json.loads(lines[3])["body"] == EXPECTED_TXT.rstrip("\n")
    streamed = run("clean", str(inputs), "-o", "-", "--format", "jsonl")
    assert streamed.returncode == 0
    assert streamed.stdout.decode().splitlines() == lines


def test_stdin_to_stdout() -> None:
    r = run("clean", "-", stdin=ARTICLE.encode())
    assert r.returncode == 0
    assert r.stdout.decode() == EXPECTED_TXT
    j = run("clean", "-", "--format", "json", "--explain", stdin=ARTICLE.encode())
    assert json.loads(j.stdout)["removed"][0]["rule"] == "inline-ad-marker"


def test_disable_and_summary_json(inputs: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    r = run("clean", str(inputs / "one.txt"), "-o", str(tmp_path / "out"), "--disable", "inline-ad-marker", "--summary-json", str(summary))
    assert r.returncode == 0
    assert (tmp_path / "out" / "one.txt").read_text().startswith("Advertisement\n\n")
    s = json.loads(summary.read_text())
    assert s["files"] == {"total": 1, "ok": 1, "skipped_existing": 0, "failed": 0, "not_done": 0, "ignored": 0}
    assert s["bytes_in"] == len(ARTICLE.encode()) and s["bytes_out"] == len(f"Advertisement\n\n{BODY1}\n\n{BODY2}".encode())  # the body
    assert s["rules"] == {} and s["removed_share"] == 0.0 and s["failures"] == [] and s["interrupted"] is False


def test_skip_existing_keeps_existing_outputs(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "one.txt").write_text("kept from an earlier run\n")
    r = run("clean", str(inputs), "-o", str(out), "--skip-existing", "--summary-json", str(tmp_path / "s.json"))
    assert r.returncode == 0
    assert (out / "one.txt").read_text() == "kept from an earlier run\n"
    assert (out / "a" / "two.txt").exists()
    s = json.loads((tmp_path / "s.json").read_text())
    assert s["files"]["skipped_existing"] == 1 and s["files"]["ok"] == 3


def test_same_output_name_twice_is_reported_not_overwritten(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.html").write_text(HTML)
    (src / "x.txt").write_text(ARTICLE)
    r = run("clean", str(src), "-o", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "output x.txt would also be written for" in r.stderr.decode()
    assert (tmp_path / "out" / "x.txt").read_text() == boilerstrip.clean(HTML, input_format="html") + "\n"  # x.html comes first


def _varied_docs(n: int) -> list[str]:
    chrome = ["Advertisement", "logo", "Related Articles", "Sign up to our newsletter", "Comments", "Source link", "Read more"]
    docs = []
    for i in range(n):
        paras = [f"Paragraph {k} of story {i} explains what the committee decided and why it matters to residents." for k in range(1 + i % 5)]
        paras.insert(i % len(paras), chrome[i % len(chrome)])
        if i % 3 == 0:
            paras.append(chrome[(i + 2) % len(chrome)])
        docs.append("\n".join(paras) + "\n")
    return docs


def test_outputs_are_byte_identical_for_any_jobs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for i, doc in enumerate(_varied_docs(24)):
        sub = src / f"d{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:02d}.txt").write_text(doc)
    seeds = sorted((Path(__file__).parent.parent / "fixtures" / "seeds").glob("*.txt"))
    for seed in seeds:  # real pages with every chrome family
        (src / "seeds").mkdir(exist_ok=True)
        shutil.copy(seed, src / "seeds" / seed.name)
    for jobs in ("1", "4"):  # json with the removal log: body, metadata and every cut must agree
        r = run("clean", str(src), "-o", str(tmp_path / f"out-{jobs}"), "--jobs", jobs, "--format", "json", "--explain")
        assert r.returncode == 0, r.stderr.decode()
    one, four = tree(tmp_path / "out-1"), tree(tmp_path / "out-4")
    assert len(one) == 24 + len(seeds) and one == four
    assert sum(len(json.loads(v)["removed"]) for v in one.values()) >= 24  # every doc had chrome cut


@pytest.mark.parametrize(
    "args, message",
    [
        (["clean", "IN"], "-o OUTDIR is required"),
        (["clean", "IN", "-o", "IN"], "overlaps input folder"),
        (["clean", "IN", "-o", "IN/sub"], "overlaps input folder"),
        (["clean", "IN/x", "-o", "IN"], "overlaps input folder"),  # the output would hold the input
        (["clean", "IN/x/one.txt", "-o", "IN/x"], "is the folder of input file"),
        (["clean", "IN", "-o", "OUT", "--disable", "no-such-rule"], "unknown rule id"),
        (["clean", "IN", "-o", "OUT", "--reference-time", "yesterday"], "--reference-time"),
        (["clean", "IN", "-o", "-", "--format", "jsonl", "--skip-existing"], "-o - has none"),
        (["clean", "IN", "IN/x/one.txt"], "-o OUTDIR is required"),
        (["clean", "IN/nope.txt", "IN", "-o", "OUT"], "input not found:"),
        (["clean", "-i", "IN/no-list.txt", "-o", "OUT"], "cannot read the list of inputs"),
        (["clean", "-o", "OUT"], "no inputs"),
        (["clean", "IN", "-o", "OUT", "--jobs", "0"], "--jobs"),
        (["clean", "IN", "-o", "OUT", "--explain"], "--format json or jsonl"),
        (["clean", "IN", "-o", "-"], "jsonl only"),
        (["clean", "-", "IN", "-o", "OUT"], "cannot be combined"),
        (["clean", "IN", "-o", "IN/x/one.txt"], "not a folder"),
        (["clean", "IN", "-o", "OUT", "--rules", "IN/missing.toml"], "cannot read rules file"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "in" / "x").mkdir(parents=True)
    (tmp_path / "in" / "x" / "one.txt").write_text(ARTICLE)
    argv = [a.replace("IN", str(tmp_path / "in")).replace("OUT", str(tmp_path / "out")) for a in args]
    err = io.StringIO()
    assert cli.main(argv, io.StringIO(), err) == 2
    assert message in err.getvalue()
    assert not (tmp_path / "out").exists()


def test_bad_option_exits_2_as_a_subprocess(tmp_path: Path) -> None:
    r = run("clean", str(tmp_path), "-o", str(tmp_path / "o"), "--no-such-option")
    assert r.returncode == 2 and b"unrecognized arguments" in r.stderr
    r = run("clean", str(tmp_path), "-o", str(tmp_path / "sub"))
    assert r.returncode == 2 and b"overlaps" in r.stderr


def test_explain_marks_each_removed_line_and_ends_with_a_legend(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    out = io.StringIO()
    assert cli.main(["explain", str(f)], out, io.StringIO()) == 0
    assert out.getvalue().splitlines() == [
        "- [inline-ad-marker] Advertisement",
        f"  {BODY1}",
        "",
        f"  {BODY2}",
        "",
        "-- 1 span removed or moved, by 1 rule:",
        "   inline-ad-marker (insert): 1 span, 1 line",
    ]
    coloured = io.StringIO()
    cli.main(["explain", str(f), "--color", "always"], coloured, io.StringIO())
    assert "\x1b[31m- " in coloured.getvalue()
    as_json = io.StringIO()
    cli.main(["explain", str(f), "--json"], as_json, io.StringIO())
    assert json.loads(as_json.getvalue())["removed"][0]["text"] == "Advertisement"


def test_explain_reports_an_unreadable_file(tmp_path: Path) -> None:
    err = io.StringIO()
    assert cli.main(["explain", str(tmp_path / "missing.txt")], io.StringIO(), err) == 1
    assert "cannot read" in err.getvalue()


def test_rules_lists_every_registered_rule() -> None:
    out = io.StringIO()
    assert cli.main(["rules", "--json"], out, io.StringIO()) == 0
    rows = json.loads(out.getvalue())
    assert [r["id"] for r in rows] == [r.id for r in all_rules()]
    assert all(r["family"] and r["stage"] in ("line", "span", "meta") and r["summary"] for r in rows)
    text = run("rules").stdout.decode().splitlines()
    assert text[0].split() == ["id", "family", "stage", "removes"]
    assert [line.split()[0] for line in text[1:]] == [r.id for r in all_rules()]


def test_rules_includes_user_rules(tmp_path: Path) -> None:
    toml = tmp_path / "mine.toml"
    toml.write_text('[[rule]]\nid = "acme-footer"\nfamily = "trailer"\npatterns = ["Copyright ACME.*"]\ndescription = "ACME copyright lines"\n')
    out = io.StringIO()
    assert cli.main(["rules", "--json", "--rules", str(toml)], out, io.StringIO()) == 0
    assert json.loads(out.getvalue())[0] == {"id": "acme-footer", "family": "trailer", "stage": "line", "summary": "ACME copyright lines"}


def test_explain_marks_exactly_the_logged_lines_on_a_real_page() -> None:
    seeds = sorted((Path(__file__).parent.parent / "fixtures" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("fixtures/seeds not present")
    ex = boilerstrip.explain(seeds[0].read_text())
    gutter = {}
    for r in ex.removed:
        for n in range(r.start_line, r.end_line + 1):
            gutter.setdefault(n, (">", f"[{r.field}<-{r.rule}] ") if r.field else ("-", f"[{r.rule}] "))
    rendered = cli.render_explanation(ex).split("\n")
    body = list(ex.lines)
    assert len(rendered) > len(body) and rendered[len(body)] == ""
    for line, shown in zip(body, rendered, strict=False):
        if not line.text:
            assert shown == ""
        elif line.index + 1 in gutter:
            sign, label = gutter[line.index + 1]
            assert shown == f"{sign} {label}{line.text}"
        else:
            assert shown == f"  {line.text}"
    assert any(s.startswith(">") for s in rendered) and any(s.startswith("-") for s in rendered)  # the seed has both
    legend = rendered[len(body) + 1 :]
    assert legend[0].startswith(f"-- {len(ex.removed)} span")
    assert {row.split()[0] for row in legend[1:]} == {r.rule for r in ex.removed}


def test_progress_bar_only_on_a_terminal(inputs: Path, tmp_path: Path) -> None:
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "boilerstrip", "clean", str(inputs), "-o", str(tmp_path / "tty")], stderr=slave, stdout=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    on_tty = b"".join(chunks).decode()
    assert "\r[" in on_tty and "/4 files" in on_tty and "4 cleaned" in on_tty
    piped = run("clean", str(inputs), "-o", str(tmp_path / "pipe"))
    assert b"\r" not in piped.stderr and b"4 cleaned" in piped.stderr


def test_user_rules_file_reaches_the_workers(tmp_path: Path) -> None:
    toml = tmp_path / "acme.toml"
    toml.write_text('[[rule]]\nid = "acme-footer"\nfamily = "trailer"\npatterns = ["Copyright ACME.*"]\n')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"{BODY1}\nCopyright ACME 2024\n")
    r = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--rules", str(toml), "--summary-json", str(tmp_path / "s.json"))
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "out" / "a.txt").read_text() == BODY1 + "\n"
    assert json.loads((tmp_path / "s.json").read_text())["rules"] == {"acme-footer": 1}


# --- issue 16: what a new user hit ----------------------------------------------------------

#: UTF-8 with curly quotes and one appended Latin-1 line (read whole as Mac Roman before).
SPLICED = ("The firm’s chief said it’s “fine”. " + BODY1 + "\n\n" + BODY2 + "\n").encode() + b"Caf\xe9 \xe9t\xe9 \xe0 la plage, a dit le maire.\n"
REPAIR_NOTE = "not valid UTF-8: 4 stray bytes read as cp1252, the rest as UTF-8"


def test_a_file_with_stray_bytes_is_cleaned_and_warned_about_in_the_log_and_the_summary(tmp_path: Path) -> None:
    src, out, summary = tmp_path / "in", tmp_path / "out", tmp_path / "s.json"
    src.mkdir()
    (src / "spliced.txt").write_bytes(SPLICED)
    (src / "clean.txt").write_text(ARTICLE)
    r = run("clean", str(src), "-o", str(out), "--summary-json", str(summary))
    assert r.returncode == 0, r.stderr.decode()
    body = (out / "spliced.txt").read_text()
    assert body.startswith("The firm’s chief said it’s “fine”.") and "Café été à la plage" in body
    err = r.stderr.decode()
    assert f"{src / 'spliced.txt'}: warning: {REPAIR_NOTE}" in err  # as it happens
    assert "warnings (1 file cleaned after a repair):" in err  # and in the summary
    assert json.loads(summary.read_text())["warnings"] == [{"path": str(src / "spliced.txt"), "message": REPAIR_NOTE}]
    one = run("clean", str(src / "spliced.txt"))  # the single-file and explain paths say it too
    assert one.stdout.decode() == body and REPAIR_NOTE in one.stderr.decode()
    assert REPAIR_NOTE in run("explain", str(src / "spliced.txt")).stderr.decode()


def test_bytes_out_counts_the_body_not_the_json_around_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    for fmt in ("txt", "json", "jsonl"):
        summary = tmp_path / f"{fmt}.json"
        r = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / f"out-{fmt}"), "--format", fmt, "--summary-json", str(summary))
        assert r.returncode == 0, r.stderr.decode()
        assert json.loads(summary.read_text())["bytes_out"] == len(f"{BODY1}\n\n{BODY2}".encode()), fmt  # the ad line went
    assert b"body out 181;" in r.stderr


def test_binary_input_is_reported_in_one_plain_sentence(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    summary = tmp_path / "s.json"
    r = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--summary-json", str(summary))
    assert r.returncode == 1
    assert json.loads(summary.read_text())["failures"] == [{"path": str(tmp_path / "in" / "img.txt"), "reason": "input is binary (PNG image), not text"}]
    one = run("clean", str(tmp_path / "in" / "img.txt"))
    assert one.returncode == 1 and one.stderr.decode() == f"boilerstrip: {tmp_path / 'in' / 'img.txt'}: input is binary (PNG image), not text\n"


def test_an_empty_input_folder_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.md").write_text(ARTICLE)
    r = run("clean", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0 and f"warning: no input files found in {tmp_path / 'empty'}\n".encode() in r.stderr
    r = run("clean", str(tmp_path / "other"), "-o", str(tmp_path / "out"))
    assert b"warning: no input files found" in r.stderr and b"1 other files ignored" in r.stderr


def test_an_output_folder_that_cannot_be_created_stops_the_run_at_once(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(5):
        (tmp_path / "in" / f"{i}.txt").write_text(ARTICLE)
    (tmp_path / "file").write_text("")  # a folder cannot be made inside a file, not even by root
    r = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "file" / "out"))
    assert r.returncode == 2
    assert r.stderr.decode() == f"boilerstrip clean: error: cannot write into output folder {tmp_path / 'file' / 'out'}: Not a directory\n"


def test_a_nonexistent_input_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    r = run("clean", str(tmp_path / "in"), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and r.stderr.decode() == f"boilerstrip clean: error: input not found: {tmp_path / 'nope.txt'}\n"
    assert not (tmp_path / "out").exists()


def test_input_list_file_and_stdin(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE)
    (src / "sub" / "b.html").write_text(HTML)
    (src / "skipped.txt").write_text(ARTICLE)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{src / 'a.txt'}\n\n{src / 'sub'}\n")  # files and folders, blank lines skipped
    r = run("clean", "-i", str(listing), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr.decode()
    assert tree(tmp_path / "out") == {"a.txt": EXPECTED_TXT.encode(), "b.txt": EXPECTED_TXT.encode()}
    r = run("clean", "-i", "-", "-o", str(tmp_path / "out2"), "--format", "jsonl", stdin=f"{src / 'sub' / 'b.html'}\n{src / 'a.txt'}\n".encode())
    assert r.returncode == 0, r.stderr.decode()
    records = [json.loads(line) for line in (tmp_path / "out2" / "articles.jsonl").read_text().splitlines()]
    assert [rec["path"] for rec in records] == [str(src / "sub" / "b.html"), str(src / "a.txt")]


def test_one_file_without_o_goes_to_stdout(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML)
    r = run("clean", str(tmp_path / "a.html"), cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.decode() == EXPECTED_TXT and r.stderr == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]  # nothing written beside it
    r = run("clean", str(tmp_path / "a.html"), "--format", "json")
    assert json.loads(r.stdout)["body"] == EXPECTED_TXT.rstrip("\n")


def test_the_progress_line_shows_the_time_left() -> None:
    from boilerstrip.batch import Progress

    buf = io.StringIO()
    p = Progress(100, buf, enabled=True)
    p.start -= 10.0  # 25 files in 10 s: 75 more take 30 s
    p.update(25, 0, force=True)
    assert buf.getvalue().endswith(" 25/100 files 2/s 0 failed ETA 30s ")
