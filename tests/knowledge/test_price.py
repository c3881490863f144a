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
        "headphones.price",
        "can-skyrocket-with-premium-features",
    ),
    (
        "price.hundred-dollar-budget-headphones",
        {"needs": {"budget": 150, "priorities": ["sound-quality"]}},
        "recommendation.kind",
        "headphones",
    ),
    ("price.wide-range", HEADSET, "audio_devices.price_range", "wide"),
    (
        "price.budget-prices-wide-range",
        {"needs": {"budget": 50}},
        "audio_devices.price_range",
        "premium-for-audiophiles",
    ),
    (
        "price.cheap-for-short-term",
        {"needs": {"term": "short-term"}},
        "recommendation.tier",
        "budget",
    ),
    (
        "price.premium-for-audiophiles",
        {"needs": {"priorities": ["sound-quality"]}},
        "recommendation.tier",
        "premium",
    ),
    (
        "price.premium-for-audiophiles-above-20",
        {"needs": {"priorities": ["sound-quality"], "budget": 50}},
        "recommendation.tier",
        "premium",
    ),
    ("price.headsets-more-affordable", HEADSET, "headsets.price", "more-affordable"),
    (
        "price.price-conscious-headset",
        {"needs": {"priorities": ["price"]}},
        "recommendation.kind",
        "headset",
    ),
    (
        "price.price-seekers-avoid-premium-features",
        {"needs": {"priorities": ["price"]}},
        "recommendation.avoid",
        "premium-features",
    ),
    ("price.robust-drivers-pricier", HEADPHONES, "headphones.price", "higher"),
    ("price.twenty-dollars-no-gap", {"device": {"price": 20}}, "device.sound_gap", "unnoticeable"),
    (
        "price.hundred-dollars-gap-apparent",
        {"device": {"price": 100}},
        "device.sound_gap",
        "apparent",
    ),
    (
        "price.twenty-dollar-budget-either-kind",
        {"needs": {"budget": 20}},
        "recommendation.advice",
        "either-kind-at-low-price",
    ),
    (
        "price.hundred-dollar-budget-kind-matters",
        {"needs": {"budget": 150}},
        "recommendation.advice",
        "kind-matters-at-this-price",
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


def test_which_kind_is_cheaper_is_a_note(expert):
    """'Pound for pound' compares the classes: no price verdict on the device."""
    result = expert.consult(device={"mic": "inline"})
    assert not [v for v in result.verdicts if "price" in v.attribute]
    assert any(note.attribute == "headphones.price" for note in result.notes)


def test_no_premium_advice_on_a_twenty_dollar_budget(expert):
    """kania's premium, top-of-the-line models are not what $20 buys, and at $20 'you might
    not notice a difference' between the kinds: a sound seeker with $20 or less is told either
    kind will do, not to buy premium. With more to spend, or no budget stated, premium stays
    (can)."""
    low = expert.consult(needs={"priorities": ["sound-quality"], "budget": 20})
    assert "recommendation.tier" not in low
    assert "either-kind-at-low-price" in low.verdict("recommendation.advice").value
    for needs in ({}, {"budget": 21}):
        result = expert.consult(needs={"priorities": ["sound-quality"], **needs})
        assert result.certainty("recommendation.tier", "premium") == 0.4, needs


def test_durability_seekers_are_still_told_top_tier_on_a_low_budget(expert):
    """kania says top-tier is 'the way to go' for craftsmanship that lasts, whatever the budget:
    the articles say so, so it stays for a budget of $20."""
    result = expert.consult(needs={"priorities": ["durability"], "budget": 20})
    assert result.certainty("recommendation.tier", "premium") == 1.0
