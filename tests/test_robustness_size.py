"""Big and deep inputs (issue 5): each finishes, in memory proportional to its size, or is refused
with a clear InputError. Inputs are generated here, never committed.

Each heavy case runs in a child process that reports its own peak RSS, so memory is measured per
case. The two heaviest (a 50 MB file processed with a raised limit, one million lines) are marked
``slow``: ``pytest -m "not slow"`` skips them for a quick run; CI runs them all.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from textwrap import dedent

import pytest

import boilerstrip
from boilerstrip import InputError
from boilerstrip.config import DEFAULT_MAX_BYTES

#: Peak memory allowed for a case: the interpreter and libraries, plus this many bytes per input
#: byte. Measured: ~20x for paragraph text, ~70x for very short lines (a Line object each); a
#: quadratic or copy-happy change goes far past it.
BASE_RSS_MB = 250
RSS_PER_INPUT_BYTE = 100

PARA = "The council approved the new budget on Tuesday after a long debate about schools, roads and the harbour. "


def run_case(make_input: str, call: str = "boilerstrip.clean(data)") -> dict:
    """Build the input and clean it in a fresh interpreter; returns output stats and peak RSS."""
    code = dedent(
        f"""
        import json, resource, time
        import boilerstrip

        def peak_kb():
            # VmHWM: this program's own peak. ru_maxrss is not: Linux carries it across exec, so a
            # child of a large pytest process reports the parent's peak
            try:
                with open("/proc/self/status") as f:
                    return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
            except (OSError, StopIteration):
                return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        boilerstrip.clean("warm up the imports. " * 3)
        data = {make_input}
        start = time.perf_counter()
        out = {call}
        seconds = time.perf_counter() - start
        lines = out.split("\\n")
        print(json.dumps({{"input_len": len(data), "seconds": seconds, "out_len": len(out), "out_lines": len(lines),
                          "out_nonblank": sum(1 for l in lines if l), "first": lines[0][:200], "last": lines[-1][:200], "distinct": len(set(lines)),
                          "rss_mb": peak_kb() / 1024}}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    limit = BASE_RSS_MB + RSS_PER_INPUT_BYTE * stats["input_len"] / 2**20
    assert stats["rss_mb"] < limit, f"peak RSS {stats['rss_mb']:.0f} MB for {stats['input_len']:,} input units (limit {limit:.0f} MB)"
    return stats


# --- over the limit --------------------------------------------------------------------


def test_default_limit_is_32_mib_and_a_50_mb_file_is_refused_at_once(monkeypatch):
    assert DEFAULT_MAX_BYTES == 32 * 2**20
    data = (PARA * 500 + "\n\n").encode() * (50_000_000 // (len(PARA) * 500 + 2))
    assert len(data) > 49_000_000

    def untouched(*_args, **_kwargs):
        raise AssertionError("refusing must not process the input first")

    for name in ("decode", "split_lines", "flatten"):  # the first work an accepted input gets
        if hasattr(boilerstrip.api, name):
            monkeypatch.setattr(boilerstrip.api, name, untouched)
    with pytest.raises(InputError, match=r"over the max_bytes limit of 33,554,432"):
        boilerstrip.clean(data)
    with pytest.raises(InputError, match="max_bytes"):
        boilerstrip.clean(data.decode())


@pytest.mark.slow
def test_a_50_mb_file_is_cleaned_when_the_limit_is_raised():
    stats = run_case(
        f"(({PARA!r} * 8 + '\\n\\n') * (50_000_000 // ({len(PARA)} * 8 + 2))).encode()",
        "boilerstrip.clean(data, max_bytes=64 * 2**20)",
    )
    assert stats["input_len"] > 49_000_000
    assert stats["first"] == (PARA * 8).strip()[:200] and stats["distinct"] <= 2


# --- long and many lines -------------------------------------------------------------------


def test_a_single_10_mb_line():
    stats = run_case(f"{PARA!r} * (10_000_000 // {len(PARA)})")
    assert stats["out_lines"] == 1 and stats["out_len"] > 9_900_000, "one long line of prose is the body"


@pytest.mark.slow
def test_one_million_short_lines():
    stats = run_case("''.join(f'Item {i} in the list\\n' for i in range(1_000_000))")
    assert stats["input_len"] > 20_000_000
    # whatever stays is input lines (a page that is only the list keeps it: it is the page's
    # content, printed as paragraphs with blank lines between), and it finishes
    assert stats["out_nonblank"] <= 1_000_000


@pytest.mark.slow
def test_many_short_runs_between_paragraphs_stay_linear():
    """120,000 menu runs, each between two paragraphs: navigation-run judges every run, and must
    not read the whole page for each one (it did: quadratic, well past the 600 s timeout here)."""
    stats = run_case(f"('Home\\nNews\\nSport\\nWeather\\n' + {PARA!r} + '\\n') * 120_000")
    assert stats["input_len"] > 15_000_000
    assert stats["distinct"] <= 2  # the paragraph (and the blank between paragraphs): every menu went


def test_a_hundred_thousand_identical_lines():
    stats = run_case(f"({PARA!r} + '\\n') * 100_000")
    assert stats["distinct"] <= 2  # the same paragraph (and the blank between paragraphs), or nothing


def test_a_line_of_one_million_separators_and_no_words():
    for ch in " .-|=_*•":
        out = boilerstrip.clean(f"{PARA}\n{ch * 1_000_000}\n{PARA}")
        assert out.startswith(PARA.strip()) and out.endswith(PARA.strip())


# --- hostile HTML ----------------------------------------------------------------------------


def test_html_nested_100000_levels_deep():
    stats = run_case(f"'<html><body>' + '<div>' * 100_000 + {PARA!r} + '</div>' * 100_000 + '</body></html>'")
    assert stats["first"] == PARA.strip()


def test_html_with_100000_unclosed_tags():
    stats = run_case(f"'<html><body>' + '<div><span><b>' * 100_000 + {PARA!r}")
    assert stats["first"] == PARA.strip()


def test_html_nesting_just_under_the_guard_takes_the_dom_path():
    from boilerstrip.html.guard import HTML_MAX_DEPTH, too_deep

    page = "<html><body>" + "<div>" * (HTML_MAX_DEPTH - 20) + f"<p>{PARA}</p>" + "</div>" * (HTML_MAX_DEPTH - 20) + "</body></html>"
    assert not too_deep(page)
    assert boilerstrip.clean(page) == PARA.strip()


def test_one_giant_table():
    """A page that is one table of 3,000 rows (~400 KB): finishes, keeps text, memory bounded."""
    rows = f"''.join('<tr><td>Row ' + str(i) + '</td><td>' + {PARA!r} + '</td></tr>' for i in range(3000))"
    stats = run_case(f"'<html><body><h1>Results</h1><table>' + {rows} + '</table></body></html>'")
    assert stats["input_len"] > 300_000 and stats["out_len"] > 0


def _seconds(page: str, repeats: int = 2) -> float:
    """CPU seconds of this process (the best of ``repeats``), so other jobs on the machine do not
    count: the ratio below is about the work done, not about the load."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        boilerstrip.clean(page)
        best = min(best, time.process_time() - start)
    return best


#: A table 4x bigger may take at most this many times longer (linear: ~4; quadratic: ~16).
TABLE_SCALING_MAX_RATIO = 8


def test_giant_table_time_grows_linearly_with_rows():
    """Ratio, not absolute time: 4x the rows must cost well under 16x (what quadratic would)."""

    def table(n: int) -> str:
        return "<html><body><table>" + "".join(f"<tr><td>cell {i}</td><td>value {i} is here</td></tr>" for i in range(n)) + "</table></body></html>"

    boilerstrip.clean(table(10))
    small, big = _seconds(table(1000)), _seconds(table(4000))
    assert big / small < TABLE_SCALING_MAX_RATIO, f"1000 rows {small:.2f}s, 4000 rows {big:.2f}s"
