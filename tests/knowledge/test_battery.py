"""Knowledge-base tests for rules/battery.toml: ANC drain, wireless headset runtime, and
what to avoid when battery life matters."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "battery.toml"

BATTERY_FIRST = {"needs": {"priorities": ["battery-life"]}}

CASES = [
    ("battery.anc-halves-battery", {"device": {"anc": True}}, "device.battery_life", "halved"),
    (
        "battery.longevity-depends-on-settings",
        {"device": {"anc": True}},
        "audio_devices.longevity",
        "depends-on-settings",
    ),
    (
        "battery.wireless-headset-runtime",
        {"device": {"mic": "boom", "connection": "wireless"}},
        "headsets.battery_runtime",
        "several-hours-to-a-day",
    ),
    (
        "battery.battery-seekers-headset-runtime",
        BATTERY_FIRST,
        "headsets.battery_runtime",
        "several-hours-to-a-day",
    ),
    ("battery.battery-seekers-avoid-anc", BATTERY_FIRST, "recommendation.avoid", "anc"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("battery", CASES)


def test_no_anc_no_halving(expert):
    """Without ANC the battery is not said to be halved."""
    result = expert.consult(device={"anc": False})
    assert "battery.anc-halves-battery" not in result.fired_rules


def test_a_wireless_headset_runtime_is_a_note(expert):
    """'Battery life varies, but many can last' says nothing of this headset's runtime."""
    result = expert.consult(device={"mic": "boom", "connection": "wireless"})
    assert not [v for v in result.verdicts if "battery" in v.attribute]
    assert any(note.attribute == "headsets.battery_runtime" for note in result.notes)
