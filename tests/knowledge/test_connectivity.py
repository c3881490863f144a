"""Knowledge-base tests for rules/connectivity.toml: wireless, Bluetooth, jacks and ports."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "connectivity.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}

CASES = [
    ("connectivity.headphones-may-be-wireless", HEADPHONES, "device.features", "wireless"),
    (
        "connectivity.wireless-headphones-bluetooth-to-phone",
        {"device": {"mic": "none", "connection": "wireless"}},
        "device.features",
        "bluetooth",
    ),
    (
        "connectivity.headphones-connect-to-various-devices",
        HEADPHONES,
        "device.features",
        "multi-device",
    ),
    (
        "connectivity.headsets-frequently-wireless-bluetooth",
        HEADSET,
        "device.features",
        "multi-device",
    ),
    ("connectivity.not-all-headsets-bluetooth", HEADSET, "device.features", "bluetooth"),
    (
        "connectivity.wireless-headsets-professional-use",
        {"device": {"mic": "boom", "connection": "wireless"}},
        "device.suited_for",
        "professional-use",
    ),
    ("connectivity.headsets-console-compatible", HEADSET, "device.features", "console-compatible"),
    (
        "connectivity.phones-2-5mm-headset-jack",
        {"needs": {"platform": "phone"}},
        "recommendation.plug",
        "2.5mm",
    ),
    (
        "connectivity.iphone-3-5mm-jack",
        {"needs": {"platform": "iphone"}},
        "recommendation.plug",
        "3.5mm",
    ),
    (
        "connectivity.iphone-workaround",
        {"needs": {"platform": "iphone"}},
        "recommendation.advice",
        "iphone-workaround",
    ),
    (
        "connectivity.pc-gaming-headset-usb-a",
        {"needs": {"platform": "pc", "uses": ["gaming"]}},
        "recommendation.plug",
        "usb-a",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("connectivity", CASES)


def test_iphone_jack_disagrees_with_typical_phone_jack(expert):
    """For an iPhone the 2.5mm phone jack and the 3.5mm iPhone jack conflict; 3.5mm wins."""
    result = expert.consult(needs={"platform": "iphone"})
    assert "recommendation.plug" in [conflict.attribute for conflict in result.conflicts]
    assert result.verdict("recommendation.plug").value == "3.5mm"


def test_other_phones_take_the_2_5mm_jack_without_conflict(expert):
    """For a phone that is not an iPhone only the 2.5mm jack is concluded."""
    result = expert.consult(needs={"platform": "phone"})
    assert "recommendation.plug" not in [conflict.attribute for conflict in result.conflicts]
    assert result.verdict("recommendation.plug").value == "2.5mm"


def test_not_all_headsets_have_bluetooth_weakens_bluetooth(expert):
    """The 'not all' evidence keeps Bluetooth on headsets short of certain."""
    support = expert.consult(device={"mic": "boom"}).support("device.features", "bluetooth")
    against = [f for f in support if f.rule == "connectivity.not-all-headsets-bluetooth"]
    assert against and all(firing.certainty < 0 for firing in against)
