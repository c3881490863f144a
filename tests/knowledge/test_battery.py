"""Knowledge-base tests for rules/battery.toml: ANC drain and wireless headset runtime."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

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

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("battery", CASES)


def test_no_anc_no_halving(expert):
    """Without ANC the battery is not said to be halved."""
    result = expert.consult(device={"anc": False})
    assert "battery.anc-halves-battery" not in result.fired_rules
