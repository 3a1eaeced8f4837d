"""A test double for ``ahocorasick.Automaton`` that counts the automata built and the characters
handed to them to scan, so the HTML path's linear-time tests count work instead of timing it
(tests/test_html_dedup.py, tests/test_html_maintext.py). Install it with
``monkeypatch.setattr(ahocorasick, "Automaton", CountingAutomaton)`` and call :meth:`reset`."""

from __future__ import annotations

from typing import Any

import ahocorasick

_REAL_AUTOMATON = ahocorasick.Automaton


class CountingAutomaton:
    """Wraps the real automaton; class-level counters of automata built and characters scanned."""

    built = 0
    scanned = 0

    @classmethod
    def reset(cls) -> None:
        cls.built = cls.scanned = 0

    def __init__(self, *args: Any) -> None:
        self._a = _REAL_AUTOMATON(*args)

    def __len__(self) -> int:
        return len(self._a)

    def add_word(self, key: str, value: Any) -> Any:
        return self._a.add_word(key, value)

    def make_automaton(self) -> Any:
        type(self).built += 1
        return self._a.make_automaton()

    def iter(self, text: str, *args: Any) -> Any:
        type(self).scanned += len(text)
        return self._a.iter(text, *args)
