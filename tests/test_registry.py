"""The registry is the single source of rule order and identity."""

from __future__ import annotations

import pytest

from boilerstrip import registry
from boilerstrip.registry import ORDER, all_rules, rule


def test_order_lists_every_registered_rule_once():
    ids = [r.id for r in all_rules()]
    assert ids == list(ORDER)
    assert len(set(ids)) == len(ids)


def test_every_rule_has_family_stage_and_a_docstring():
    for r in all_rules():
        assert r.family and r.stage in registry.STAGES
        assert r.summary, f"{r.id} has no docstring"


def test_duplicate_and_malformed_ids_are_rejected():
    with pytest.raises(ValueError, match="duplicate"):
        rule(ORDER[0], family="x")(lambda line, ctx: None)
    with pytest.raises(ValueError, match="kebab-case"):
        rule("Not_Kebab", family="x")
