"""Knowledge-base tests for rules/build.toml: materials, varying build and top-tier craftsmanship."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "build.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}
TOP_TIER = {"device": {"tier": "premium"}}

CASES = [
    ("build.headset-mics-vary", HEADSET, "headsets.mics", "flimsy"),
    ("build.results-vary", HEADPHONES, "audio_devices.build_quality", "varies-by-model"),
    (
        "build.build-quality-meaning",
        {"needs": {"priorities": ["durability"]}},
        "audio_devices.build_quality",
        "means-materials-durability-features",
    ),
    (
        "build.over-ear-materials",
        {"device": {"mic": "none", "fit": "over-ear"}},
        "headphones.materials",
        "memory-foam",
    ),
    ("build.in-ear-tips", {"device": {"fit": "in-ear"}}, "audio_devices.materials", "silicone"),
    ("build.headsets-lower-materials", HEADSET, "device.build_quality", "lower"),
    ("build.top-tier-craftsmanship", TOP_TIER, "device.build_quality", "high"),
    (
        "build.top-tier-headsets-last",
        {"device": {"mic": "boom", "tier": "premium"}},
        "device.build_quality",
        "high",
    ),
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
    (
        "build.long-term-top-tier",
        {"needs": {"term": "long-term"}},
        "recommendation.tier",
        "premium",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("build", CASES)


def test_headset_build_is_lower_by_default(expert):
    """kania: headsets are usually made with lower-quality materials; 'varies' is a note."""
    result = expert.consult(**HEADSET)
    assert "device.build_quality" not in [c.attribute for c in result.conflicts]
    assert result.verdict("device.build_quality").value == "lower"
    assert any(note.attribute == "audio_devices.build_quality" for note in result.notes)


def test_top_tier_headset_is_kanias_exception(expert):
    """A top-tier headset's build is high: the lower-materials default is defeated."""
    result = expert.consult(device={"mic": "boom", "tier": "premium"})
    assert result.verdict("device.build_quality").value == "high"
    assert result.certainty("device.build_quality", "lower") == 0
    assert "device.build_quality" not in [c.attribute for c in result.conflicts]
