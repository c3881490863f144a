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
        {"needs": {"uses": ["travel", "office"]}},
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


def test_a_detachable_mic_waits_for_a_headset(expert):
    """kania's on-the-go features are each the feature of a kind: 'headsets with mics and
    other parts that disassemble', headphones 'with foldable earcups'. Someone told to get
    headphones (a traveller who listens to music) or no kind at all (portability alone) is not
    told to look for a microphone that comes off; foldable ear cups, which a headset has too,
    are advised whatever the kind."""
    for needs in ({"uses": ["travel", "music"]}, {"priorities": ["portability"]}):
        result = expert.consult(needs=needs)
        features = result.verdict("recommendation.features").value
        assert "foldable" in features and "detachable-mic" not in features, needs
    headset = expert.consult(needs={"uses": ["travel", "online-gaming"]})
    assert headset.verdict("recommendation.kind").value == "headset"
    assert headset.certainty("recommendation.features", "detachable-mic") == 0.4
