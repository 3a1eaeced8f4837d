"""What a batch run tells the user: the :class:`Summary` (files, bytes, rule firings, failures and
warnings; printed at the end and written by ``--summary-json``) and the :class:`Progress` line
drawn on a terminal while the run goes.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class Summary:
    total: int = 0
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    not_done: int = 0
    ignored: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    text_kept: int = 0
    text_removed: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, note): files cleaned after a repair
    interrupted: bool = False
    elapsed: float = 0.0

    def add(self, res: dict[str, Any]) -> None:
        self.ok += 1
        self.bytes_in += res["bytes_in"]
        self.bytes_out += res["bytes_out"]
        self.text_kept += res["text_kept"]
        self.text_removed += res["text_removed"]
        self.rules.update(res["rules"])

    def fail(self, src: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((src, reason))

    def warn(self, src: str, note: str) -> None:
        self.warnings.append((src, note))

    @property
    def removed_share(self) -> float:
        seen = self.text_kept + self.text_removed
        return self.text_removed / seen if seen else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": {"total": self.total, "ok": self.ok, "skipped_existing": self.skipped, "failed": self.failed, "not_done": self.not_done, "ignored": self.ignored},
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "removed_share": round(self.removed_share, 4),
            "rules": dict(sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))),
            "failures": [{"path": s, "reason": r} for s, r in sorted(self.failures)],
            "warnings": [{"path": s, "message": m} for s, m in sorted(self.warnings)],
            "interrupted": self.interrupted,
            "elapsed_seconds": round(self.elapsed, 3),
        }

    def render(self, max_failures: int = 20) -> str:
        rate = self.ok / self.elapsed if self.elapsed > 0 else 0.0
        lines = [
            f"boilerstrip: {self.ok} cleaned, {self.skipped} skipped (output exists), {self.failed} failed"
            + (f", {self.not_done} not done (interrupted)" if self.not_done else "")
            + f" of {self.total} files; {self.ignored} other files in folders ignored",
            f"  bytes in {self.bytes_in:,}, body out {self.bytes_out:,}; {self.removed_share:.1%} of the text removed; {self.elapsed:.2f} s ({rate:,.0f} files/s)",
        ]
        if self.rules:
            lines.append("  rule firings (spans removed or moved to metadata):")
            for rid, n in sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"    {n:>8}  {rid}")
        if self.failures:
            lines += _listing("failures:", self.failures, max_failures)
        if self.warnings:
            lines += _listing(f"warnings ({len(self.warnings)} file{'s' if len(self.warnings) != 1 else ''} cleaned after a repair):", self.warnings, max_failures)
        if self.interrupted:
            lines.append("  interrupted: the summary covers the files finished before the stop; rerun the same command with --skip-existing to resume")
        return "\n".join(lines)


def _listing(title: str, rows: list[tuple[str, str]], most: int) -> list[str]:
    """A summary section: ``path: message`` rows in path order, at most ``most`` of them."""
    lines = [f"  {title}"] + [f"    {src}: {msg}" for src, msg in sorted(rows)[:most]]
    if len(rows) > most:
        lines.append(f"    ... and {len(rows) - most} more (see --summary-json)")
    return lines


def format_eta(seconds: float) -> str:
    """Time left, as a progress line shows it.

    >>> format_eta(7.2), format_eta(185), format_eta(3 * 3600 + 125)
    ('8s', '3m05s', '3h02m')
    """
    s = int(seconds + 0.999)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30
    EVERY = 0.1  # seconds between redraws

    def __init__(self, total: int, stream: IO[str], enabled: bool):
        self.total, self.stream, self.enabled = total, stream, enabled
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, failed: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < self.EVERY:
            return
        self.last = now
        frac = done / self.total if self.total else 1.0
        bar = "#" * int(frac * self.WIDTH)
        rate = done / (now - self.start) if now > self.start else 0.0
        eta = f" ETA {format_eta((self.total - done) / rate)}" if rate > 0 and done < self.total else ""
        self.stream.write(f"\r[{bar:<{self.WIDTH}}] {done}/{self.total} files {rate:,.0f}/s {failed} failed{eta} ")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (self.WIDTH + 72) + "\r")
            self.stream.flush()


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
