"""Knowledge-base tests for rules/comfort.toml: comfort, padding, bulk and weight."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "comfort.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}
COMFORT_FIRST = {"needs": {"priorities": ["comfort"]}}

CASES = [
    (
        "comfort.over-ear-comfort",
        {"device": {"mic": "none", "fit": "over-ear"}},
        "device.comfort",
        "high",
    ),
    ("comfort.headphones-reigning-champ", HEADPHONES, "device.comfort", "high"),
    ("comfort.comfort-seekers-headphones", COMFORT_FIRST, "recommendation.kind", "headphones"),
    ("comfort.choose-how-they-rest", HEADPHONES, "device.styles", "over-ear"),
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
        "device.bulk",
        "bulky",
    ),
    ("comfort.headphones-prolonged-use", HEADPHONES, "device.comfort", "high"),
    ("comfort.headsets-adjustable", HEADSET, "device.features", "adjustable"),
    ("comfort.headsets-extended-use", HEADSET, "device.comfort", "high"),
    ("comfort.comfort-seekers-over-ear", COMFORT_FIRST, "recommendation.features", "over-ear"),
    ("comfort.headset-comfortable-listening", HEADSET, "device.comfort", "high"),
    ("comfort.headset-speakers-positioned", HEADSET, "device.features", "adjustable"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("comfort", CASES)


def test_headset_comfort_disagreement(expert):
    """Kania (headsets less comfortable) disagrees with difference-wiki and difference-between."""
    result = expert.consult(**HEADSET)
    assert "device.comfort" in [c.attribute for c in result.conflicts]
    assert result.verdict("device.comfort").value == "high"
    assert {f.source for f in result.support("device.comfort", "moderate")} == {"kania"}


def test_light_headset_is_light(expert):
    """A headset stated to be light is concluded light, outweighing the bulky-mic rule."""
    result = expert.consult(device={"mic": "boom", "weight": "light"})
    assert result.verdict("device.bulk").value == "light"
