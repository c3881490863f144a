"""Helpers for the per-topic knowledge-base tests: one consultation per rule."""

from __future__ import annotations

import pytest

from expert import Expert


@pytest.fixture(scope="session")
def expert() -> Expert:
    """One expert on the bundled knowledge base, shared by the whole session."""
    return Expert()


def assert_concludes(result, rule_id: str, attribute: str, value) -> None:
    """Assert that ``rule_id`` fired, concluded ``attribute = value`` and is cited for it."""
    fired = [firing for firing in result.firings if firing.rule == rule_id]
    assert fired, f"{rule_id} did not fire; fired: {sorted(result.fired_rules)}"
    assert any((attribute, value) in firing.conclusions for firing in fired), (
        f"{rule_id} fired but concluded {[f.conclusions for f in fired]}"
    )
    support = result.support(attribute, value)
    assert any(firing.rule == rule_id and firing.quote for firing in support), (
        f"{rule_id} is not among the reasons for {attribute} = {value}"
    )
