"""Knowledge-base tests for rules/comfort.toml: comfort, padding, bulk and weight."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "comfort.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}
COMFORT_FIRST = {"needs": {"priorities": ["comfort"]}}

CASES = [
    ("comfort.headphones-reigning-champ", HEADPHONES, "device.comfort", "high"),
    ("comfort.comfort-seekers-headphones", COMFORT_FIRST, "recommendation.kind", "headphones"),
    ("comfort.thick-padding", {"device": {"padded": True}}, "device.comfort", "high"),
    (
        "comfort.comfort-seekers-thick-padding",
        COMFORT_FIRST,
        "recommendation.features",
        "thick-padding",
    ),
    ("comfort.headsets-not-uncomfortable", HEADSET, "device.comfort", "moderate"),
    ("comfort.headset-mic-adds-bulk", HEADSET, "device.bulk", "bulky"),
    (
        "comfort.lightweight-headsets",
        {"device": {"mic": "boom", "weight": "light"}},
        "device.bulk",
        "light",
    ),
    (
        "comfort.heavyweight-high-end-headphones",
        {"device": {"mic": "none", "tier": "premium"}},
        "headphones.bulk",
        "high-end-can-be-heavy",
    ),
    ("comfort.headphones-prolonged-use", HEADPHONES, "device.comfort", "high"),
    ("comfort.headsets-adjustable", HEADSET, "headsets.features", "adjustable"),
    ("comfort.headsets-extended-use", HEADSET, "device.comfort", "high"),
    ("comfort.comfort-seekers-over-ear", COMFORT_FIRST, "recommendation.features", "over-ear"),
    ("comfort.headset-comfortable-listening", HEADSET, "device.comfort", "high"),
    ("comfort.headset-speakers-positioned", HEADSET, "headsets.features", "adjustable"),
    (
        "comfort.comfort-seekers-lightweight-headset",
        {"needs": {"priorities": ["comfort"], "uses": ["gaming"]}},
        "recommendation.features",
        "lightweight",
    ),
    (
        "comfort.long-wear-comfort",
        {"needs": {"session": "long"}},
        "headsets.comfort",
        "designed-for-extended-use",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("comfort", CASES)


def test_headset_comfort_disagreement(expert):
    """Kania (headsets less comfortable) disagrees with difference-wiki and difference-between."""
    result = expert.consult(**HEADSET)
    assert "device.comfort" in [c.attribute for c in result.conflicts]
    assert result.verdict("device.comfort").value == "high"
    assert {f.source for f in result.support("device.comfort", "moderate")} == {"kania"}


def test_light_headset_is_light(expert):
    """A headset stated to be light is kania's exception: the bulky-mic rule is defeated."""
    result = expert.consult(device={"mic": "boom", "weight": "light"})
    assert result.verdict("device.bulk").value == "light"
    assert result.certainty("device.bulk", "bulky") == 0
    assert "device.bulk" not in [c.attribute for c in result.conflicts]
    (defeated,) = [f for f in result.firings if "device.bulk" in f.defeated]
    assert defeated.rule == "comfort.headset-mic-adds-bulk"
    assert defeated.defeated_by == ("comfort.lightweight-headsets",)


def test_premium_headphones_are_not_said_to_be_bulky(expert):
    """'Heavyweight, high-end headphones' exist; a premium pair is not therefore bulky."""
    result = expert.consult(device={"mic": "none", "tier": "premium"})
    assert "device.bulk" not in result
