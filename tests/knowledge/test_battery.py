"""Knowledge-base tests for rules/battery.toml: ANC drain and wireless headset runtime."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from support import assert_concludes

RULES = Path(__file__).resolve().parents[2] / "rules" / "battery.toml"

CASES = [
    ("battery.anc-halves-battery", {"device": {"anc": True}}, "device.battery_life", "halved"),
    (
        "battery.wireless-headset-runtime",
        {"device": {"mic": "boom", "connection": "wireless"}},
        "device.battery_runtime",
        "several-hours-to-a-day",
    ),
]


@pytest.mark.parametrize(
    ("rule_id", "facts", "attribute", "value"), CASES, ids=[c[0] for c in CASES]
)
def test_rule_fires(expert, rule_id, facts, attribute, value):
    """Each rule fires on facts that meet its conditions and is cited for its conclusion."""
    assert_concludes(expert.consult(**facts), rule_id, attribute, value)


def test_every_rule_has_a_case():
    """Every rule in battery.toml has at least one case above."""
    ids = {rule["id"] for rule in tomllib.loads(RULES.read_text(encoding="utf-8"))["rules"]}
    assert ids <= {case[0] for case in CASES}


def test_no_anc_no_halving(expert):
    """Without ANC the battery is not said to be halved."""
    result = expert.consult(device={"anc": False})
    assert "battery.anc-halves-battery" not in result.fired_rules
