"""The resolutions written in docs/disagreements.md, checked against the bundled base."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "disagreements.md"


def test_every_rule_the_document_names_exists(expert):
    """The document cannot name a rule the knowledge base does not have."""
    topics = "|".join(expert.knowledge.by_topic())
    named = set(re.findall(rf"`((?:{topics})\.[a-z0-9-]+)`", DOC.read_text(encoding="utf-8")))
    ids = {rule.id for rule in expert.knowledge.rules}
    assert named and named <= ids, sorted(named - ids)


@pytest.mark.parametrize(
    ("facts", "attribute", "winner", "loser"),
    [
        ({"device": {"mic": "builtin"}}, "device.kind", "headset", "headphones"),
        ({"device": {"mic": "boom"}}, "device.sound_quality", "mid-range", "high"),
        ({"device": {"mic": "builtin"}}, "device.sound_quality", "mid-range", "high"),
        ({"device": {"mic": "boom"}}, "device.comfort", "high", "moderate"),
        ({"needs": {"priorities": ["price", "sound-quality"]}}, "recommendation.kind",
         "headphones", "headset"),
        ({"needs": {"platform": "iphone"}}, "recommendation.plug", "3.5mm", "2.5mm"),
        ({"needs": {"owns": "headphones", "uses": ["online-gaming"]}}, "recommendation.kind",
         "headset", "headphones"),
        ({"needs": {"term": "short-term", "priorities": ["sound-quality"]}},
         "recommendation.tier", "budget", "premium"),
        ({"needs": {"term": "short-term", "priorities": ["durability"]}},
         "recommendation.tier", "premium", "budget"),
        ({"needs": {"uses": ["studio"], "term": "short-term"}},
         "recommendation.tier", "professional", "budget"),
        ({"needs": {"uses": ["studio"], "term": "long-term"}},
         "recommendation.tier", "premium", "professional"),
        ({"device": {"padded": True, "weight": "heavy"}}, "device.comfort", "high", "moderate"),
        ({"device": {"connection": "wired"}, "needs": {"platform": "iphone"}},
         "recommendation.plug", "3.5mm", "2.5mm"),
    ],
)  # fmt: skip
def test_each_documented_disagreement_resolves_as_written(expert, facts, attribute, winner, loser):
    """Both sides are reported as a conflict and the documented side wins."""
    result = expert.consult(**facts)
    conflict = next(c for c in result.conflicts if c.attribute == attribute)
    assert conflict.winner == winner == result.verdict(attribute).value
    assert loser in [value for value, _, _ in conflict.sides]


@pytest.mark.parametrize(
    ("facts", "attribute", "value", "general", "exception"),
    [
        ({"device": {"mic": "inline"}}, "device.kind", "headphones",
         "definitions.mic-means-headset", "definitions.inline-mic-still-headphones"),
        ({"device": {"mic": "inline"}}, "device.kind", "headphones",
         "definitions.headphones-with-mic-is-headset", "definitions.inline-mic-still-headphones"),
        ({"device": {"mic": "boom", "weight": "light"}}, "device.bulk", "light",
         "comfort.headset-mic-adds-bulk", "comfort.lightweight-headsets"),
        ({"device": {"mic": "boom", "tier": "premium"}}, "device.build_quality", "high",
         "build.headsets-lower-materials", "build.top-tier-headsets-last"),
        ({"device": {"type": "stylus", "feedback": True}}, "device.io", "hybrid",
         "input-output.stylus-mostly-input", "input-output.stylus-that-sends-back"),
        ({"device": {"type": "facial-recognition", "feedback": True}}, "device.io", "hybrid",
         "input-output.facial-recognition-input",
         "input-output.facial-recognition-with-feedback"),
        ({"needs": {"owns": "headphones", "uses": ["calls"]}}, "recommendation.kind",
         "headphones", "usage.communicating-commonly-headsets",
         "usage.headphones-as-makeshift-headset"),
        ({"needs": {"owns": "headphones", "uses": ["calls"], "talk_frequency": "frequent"}},
         "recommendation.kind", "headset", "usage.headphones-as-makeshift-headset",
         "microphone.frequent-talkers-own-headphones"),
        ({"needs": {"priorities": ["sound-quality", "mic-quality"]}}, "recommendation.kind",
         "headset", "sound.best-shoppers-headphones",
         "usage.receive-and-transmit-needs-headset"),
    ],
)  # fmt: skip
def test_each_documented_exception_decides_without_a_conflict(
    expert, facts, attribute, value, general, exception
):
    """The exception's value is the verdict, the general rule is defeated, nothing conflicts."""
    result = expert.consult(**facts)
    assert result.verdict(attribute).value == value
    assert attribute not in [c.attribute for c in result.conflicts]
    (firing,) = [f for f in result.firings if f.rule == general]
    assert attribute in firing.defeated and exception in firing.defeated_by
    assert exception in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("facts", "attribute"),
    [
        ({"device": {"mic": "inline"}}, "device.io"),
        ({"device": {"mic": "inline"}}, "device.mic_quality"),
        ({"device": {"mic": "boom", "tier": "budget"}}, "device.mic_quality"),
        ({"device": {"mic": "inline"}}, "device.sound_quality"),
        ({"device": {"type": "headphones", "mic": "boom"}}, "device.mic_quality"),
        ({"device": {"type": "headphones", "mic": "external"}}, "device.mic_quality"),
    ],
)  # fmt: skip
def test_what_is_no_longer_a_disagreement_has_no_conflict(expert, facts, attribute):
    """The page's 'No longer disagreements': one value, no conflict."""
    assert attribute not in [c.attribute for c in expert.consult(**facts).conflicts]


def test_the_pulls_two_ways_are_a_conflict(expert):
    """ANC to look for when travelling (can) and to avoid for battery life (definite): one
    report cannot say both, so the stronger stays and the other is a disagreement."""
    result = expert.consult(needs={"uses": ["travel"], "priorities": ["battery-life"]})
    assert "anc" not in result.verdict("recommendation.features").value
    assert "anc" in result.verdict("recommendation.avoid").value
    (conflict,) = [c for c in result.conflicts if c.against == "recommendation.features"]
    assert (conflict.attribute, conflict.winner, conflict.settled_by) == (
        "recommendation.avoid",
        "anc",
        "certainty",
    )
    assert [round(cf, 2) for _, cf, _ in conflict.sides] == [1.0, 0.4]


def test_a_certain_kind_leaves_nothing_chained_on_the_other(expert):
    """A built-in microphone: a headset (certain) over headphones (possible); what suits
    headphones (music, films) is not drawn from the ruled-out side."""
    suited = expert.consult(device={"mic": "builtin"}).verdict("device.suited_for").value
    assert "calls" in suited and "music" not in suited and "movies" not in suited


def test_anc_that_halves_the_battery_is_no_strength_for_the_same_person(expert):
    """The page's ANC pair on the assessment side: the battery drain (1.0) over ANC as a
    strength for travel (0.4)."""
    result = expert.consult(
        device={"anc": True}, needs={"uses": ["travel"], "priorities": ["battery-life"]}
    )
    (conflict,) = [c for c in result.conflicts if c.against == "assessment.strengths"]
    assert (conflict.attribute, conflict.winner, conflict.settled_by) == (
        "assessment.concerns",
        "anc-battery-drain",
        "certainty",
    )
    assert [round(cf, 2) for _, cf, _ in conflict.sides] == [1.0, 0.4]


def test_a_twenty_dollar_headset_has_no_sound_concern_and_no_conflict(expert):
    """The page's 'A headset's sound at $20': the mid-range concern gives way to kania's
    exception, so no concern and no conflict on the assessment; at $150 the concern stays."""
    needs = {"priorities": ["sound-quality"]}
    cheap = expert.consult(device={"type": "headset", "price": 20}, needs=needs)
    assert "assessment.concerns" not in cheap
    assert not [c for c in cheap.conflicts if c.attribute.startswith("assessment.")]
    assert "no-noticeable-gap" in cheap.verdict("assessment.strengths").value
    dear = expert.consult(device={"type": "headset", "price": 150}, needs=needs)
    assert "mid-range-sound" in dear.verdict("assessment.concerns").value
    assert "assessment.strengths" not in dear  # high-quality speakers lost to the concern


def test_a_wireless_device_gets_no_phone_jack(expert):
    """The page's 'Which phone jack?': a device stated wireless plugs into no jack."""
    result = expert.consult(device={"connection": "wireless"}, needs={"platform": "iphone"})
    assert "recommendation.plug" not in result
    assert "recommendation.plug" not in [c.attribute for c in result.conflicts]
