"""Knowledge-base tests for rules/comfort.toml: comfort, padding, bulk and weight."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from support import assert_concludes

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


@pytest.mark.parametrize(
    ("rule_id", "facts", "attribute", "value"), CASES, ids=[c[0] for c in CASES]
)
def test_rule_fires(expert, rule_id, facts, attribute, value):
    """Each rule fires on facts that meet its conditions and is cited for its conclusion."""
    assert_concludes(expert.consult(**facts), rule_id, attribute, value)


def test_every_rule_has_a_case():
    """Every rule in comfort.toml has at least one case above."""
    ids = {rule["id"] for rule in tomllib.loads(RULES.read_text(encoding="utf-8"))["rules"]}
    assert ids <= {case[0] for case in CASES}


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
