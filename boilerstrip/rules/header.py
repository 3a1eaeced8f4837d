"""header rules (see registry.ORDER for where they run)."""

from __future__ import annotations
