"""Knowledge-base tests for rules/portability.toml: folding, detaching, travel, moving freely."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "portability.toml"

CASES = [
    (
        "portability.detachable-parts-portable",
        {"device": {"detachable_mic": True}},
        "device.portability",
        "high",
    ),
    (
        "portability.foldable-compact-case",
        {"device": {"foldable": True}},
        "device.portability",
        "high",
    ),
    (
        "portability.on-the-go-great-for-travelers",
        {"device": {"foldable": True}},
        "device.suited_for",
        "travel",
    ),
    (
        "portability.priority-foldable",
        {"needs": {"priorities": ["portability"]}},
        "recommendation.features",
        "foldable",
    ),
    (
        "portability.priority-detachable-mic",
        {"needs": {"priorities": ["portability"], "uses": ["online-gaming"]}},
        "recommendation.features",
        "detachable-mic",
    ),
    (
        "portability.travelers-foldable",
        {"needs": {"uses": ["travel"]}},
        "recommendation.features",
        "foldable",
    ),
    (
        "portability.travelers-detachable-mic",
        {"needs": {"uses": ["travel", "conferencing"]}},
        "recommendation.features",
        "detachable-mic",
    ),
    (
        "portability.studio-skip-travel-features",
        {"needs": {"uses": ["studio"]}},
        "recommendation.advice",
        "skip-travel-features",
    ),
    (
        "portability.studio-skip-travel-features",
        {"needs": {"uses": ["studio"]}},
        "recommendation.avoid",
        "foldable",
    ),
    (
        "portability.wireless-to-move-freely",
        {"needs": {"priorities": ["mobility"]}},
        "recommendation.features",
        "wireless",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("portability", CASES)


def test_studio_user_who_travels_keeps_travel_features(expert):
    """A studio user who also travels is not told to skip travel features."""
    result = expert.consult(needs={"uses": ["studio", "travel"]})
    assert "portability.studio-skip-travel-features" not in result.fired_rules


def test_detachable_mic_only_for_a_headset(expert):
    """A traveller who is not getting a headset is not pointed to a detachable mic."""
    result = expert.consult(needs={"uses": ["travel", "music"]})
    assert "portability.travelers-detachable-mic" not in result.fired_rules
