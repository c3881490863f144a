"""Knowledge-base tests for rules/price.toml: price ranges and which kind costs more."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "price.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}

CASES = [
    (
        "price.premium-features-skyrocket",
        {"device": {"mic": "none", "tier": "premium"}},
        "device.price_level",
        "expensive",
    ),
    (
        "price.hundred-dollar-budget-headphones",
        {"needs": {"budget": 150, "priorities": ["sound-quality"]}},
        "recommendation.kind",
        "headphones",
    ),
    ("price.wide-range", HEADSET, "device.price_range", "wide"),
    (
        "price.cheap-for-short-term",
        {"needs": {"session": "short"}},
        "recommendation.tier",
        "budget",
    ),
    (
        "price.premium-for-audiophiles",
        {"needs": {"priorities": ["sound-quality"]}},
        "recommendation.tier",
        "premium",
    ),
    ("price.headsets-more-affordable", HEADSET, "device.price_level", "affordable"),
    (
        "price.price-conscious-headset",
        {"needs": {"priorities": ["price"]}},
        "recommendation.kind",
        "headset",
    ),
    ("price.robust-drivers-pricier", HEADPHONES, "device.price_level", "expensive"),
    ("price.twenty-dollars-no-gap", {"device": {"price": 20}}, "device.sound_gap", "unnoticeable"),
    (
        "price.hundred-dollars-gap-apparent",
        {"device": {"price": 100}},
        "device.sound_gap",
        "apparent",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("price", CASES)


def test_mid_price_has_no_gap_verdict(expert):
    """Between $20 and $100 the article says nothing about the sound gap."""
    result = expert.consult(device={"price": 50})
    assert not result.fired_rules & {
        "price.twenty-dollars-no-gap",
        "price.hundred-dollars-gap-apparent",
    }


def test_price_versus_sound_priorities_disagree(expert):
    """Wanting both a low price and top sound gives opposing kind recommendations."""
    result = expert.consult(needs={"priorities": ["price", "sound-quality"]})
    assert "recommendation.kind" in [c.attribute for c in result.conflicts]
    assert result.verdict("recommendation.kind").value == "headphones"
