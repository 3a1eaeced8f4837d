"""Main-region and context heuristics (text mode): see registry.ORDER for where they run."""

from __future__ import annotations
