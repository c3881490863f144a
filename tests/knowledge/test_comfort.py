"""Knowledge-base tests for rules/comfort.toml: comfort, padding, bulk and weight."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "comfort.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}
COMFORT_FIRST = {"needs": {"priorities": ["comfort"]}}

CASES = [
    (
        "comfort.headphones-reigning-champ",
        HEADPHONES,
        "headphones.comfort",
        "more-comfortable-than-headsets",
    ),
    ("comfort.comfort-seekers-headphones", COMFORT_FIRST, "recommendation.kind", "headphones"),
    ("comfort.thick-padding", {"device": {"padded": True}}, "device.comfort", "high"),
    (
        "comfort.heavyweight-less-comfortable",
        {"device": {"weight": "heavy"}},
        "device.comfort",
        "moderate",
    ),
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
    (
        "comfort.long-wear-comfort-headphones",
        {"needs": {"session": "long"}},
        "headphones.comfort",
        "designed-for-prolonged-use",
    ),
    (
        "comfort.long-sessions-either-kind",
        {"needs": {"session": "long"}},
        "recommendation.advice",
        "either-kind-for-long-wear",
    ),
    (
        "comfort.long-sessions-modern-headset",
        {"needs": {"session": "long", "uses": ["online-gaming"]}},
        "recommendation.advice",
        "modern-headset-for-long-wear",
    ),
    (
        "comfort.comfort-seekers-choose-style",
        COMFORT_FIRST,
        "recommendation.advice",
        "choose-fit-style",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("comfort", CASES)


def test_headset_comfort_disagreement(expert):
    """Kania (headsets less comfortable) disagrees with difference-wiki and difference-between,
    each of which says what headsets are designed to give (`usually`): high, but not certain."""
    result = expert.consult(**HEADSET)
    assert "device.comfort" in [c.attribute for c in result.conflicts]
    verdict = result.verdict("device.comfort")
    assert (verdict.value, verdict.certainty) == ("high", pytest.approx(1 - 0.2 * 0.2))
    assert {f.source for f in result.support("device.comfort", "moderate")} == {"kania"}


def test_no_device_is_certainly_comfortable_for_its_kind_alone(expert):
    """Comfort from the kind alone is never certain: kania's 'reigning champ is usually
    headphones' compares the classes (a note), and the others say what a design aims at."""
    for facts in (HEADPHONES, HEADSET, {"device": {"mic": "builtin"}}):
        result = expert.consult(**facts)
        assert result.certainty("device.comfort", "high") < 1.0
    result = expert.consult(**HEADPHONES)
    assert "comfort.headphones-reigning-champ" not in {
        f.rule for f in result.support("device.comfort", "high")
    }


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


def test_thick_padding_aims_at_comfort_and_a_heavy_build_counts_against_it(expert):
    """'thickly padded to cradle your ears from their clamp force' gives the padding's purpose:
    comfort by default (0.8), not for sure; a stated heavy build weighs against it (kania's
    lightweight, 'less unwieldy' models against heavyweight ones), shown as a conflict."""
    padded = expert.consult(device={"padded": True})
    assert padded.certainty("device.comfort", "high") == 0.8
    result = expert.consult(device={"padded": True, "weight": "heavy", "fit": "over-ear"})
    assert result.verdict("device.comfort").value == "high"
    assert result.certainty("device.comfort", "moderate") == 0.4
    assert "device.comfort" in [c.attribute for c in result.conflicts]
