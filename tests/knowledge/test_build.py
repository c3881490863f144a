"""Knowledge-base tests for rules/build.toml: materials, varying build and top-tier craftsmanship."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "build.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}
TOP_TIER = {"device": {"tier": "premium"}}

CASES = [
    ("build.headset-mics-vary", {"device": {"mic": "boom"}}, "device.build_quality", "varies"),
    ("build.results-vary", HEADPHONES, "device.build_quality", "varies"),
    (
        "build.over-ear-materials",
        {"device": {"mic": "none", "fit": "over-ear"}},
        "device.materials",
        "memory-foam",
    ),
    ("build.in-ear-tips", {"device": {"fit": "in-ear"}}, "device.materials", "silicone"),
    ("build.headsets-lower-materials", HEADSET, "device.build_quality", "lower"),
    ("build.top-tier-craftsmanship", TOP_TIER, "device.build_quality", "high"),
    (
        "build.top-tier-lasts-years",
        {"device": {"tier": "professional"}},
        "device.longevity",
        "years",
    ),
    (
        "build.durability-seekers-top-tier",
        {"needs": {"priorities": ["durability"]}},
        "recommendation.tier",
        "premium",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("build", CASES)


def test_headset_build_disagreement(expert):
    """Kania says build varies by model, yet that headsets usually use lower-quality materials."""
    result = expert.consult(**HEADSET)
    assert "device.build_quality" in [c.attribute for c in result.conflicts]
    verdict = result.verdict("device.build_quality")
    assert verdict.value == "lower"


def test_top_tier_headset_is_high(expert):
    """A top-tier headset's build is concluded high despite the headsets-are-cheaper rule."""
    result = expert.consult(device={"mic": "boom", "tier": "premium"})
    assert result.verdict("device.build_quality").value == "high"
