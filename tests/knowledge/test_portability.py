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
        {"needs": {"priorities": ["portability"]}},
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
        {"needs": {"uses": ["travel"]}},
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


def test_travellers_get_both_on_the_go_features(expert):
    """kania names parts that disassemble and foldable ear cups for travellers alike: both are
    advised whatever kind the other needs point to (here headphones, for music)."""
    result = expert.consult(needs={"uses": ["travel", "music"]})
    assert result.verdict("recommendation.kind").value == "headphones"
    features = result.verdict("recommendation.features").value
    assert {"detachable-mic", "foldable"} <= set(features)
    assert result.certainty("recommendation.features", "detachable-mic") == 0.4
