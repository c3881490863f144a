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
        ({"device": {"mic": "inline"}}, "device.kind", "headset", "headphones"),
        ({"device": {"mic": "builtin"}}, "device.kind", "headset", "headphones"),
        ({"device": {"mic": "inline"}}, "device.io", "hybrid", "output"),
        ({"device": {"mic": "inline"}}, "device.mic_quality", "poor", "good"),
        ({"device": {"mic": "boom", "tier": "budget"}}, "device.mic_quality", "good", "poor"),
        ({"device": {"mic": "boom"}}, "device.sound_quality", "mid-range", "high"),
        ({"device": {"mic": "inline"}}, "device.sound_quality", "high", "mid-range"),
        ({"device": {"mic": "inline"}}, "device.price_level", "affordable", "expensive"),
        ({"needs": {"priorities": ["price", "sound-quality"]}}, "recommendation.kind",
         "headphones", "headset"),
        ({"needs": {"platform": "iphone"}}, "recommendation.plug", "3.5mm", "2.5mm"),
        ({"device": {"mic": "boom"}}, "device.comfort", "high", "moderate"),
        ({"device": {"mic": "boom", "weight": "light"}}, "device.bulk", "light", "bulky"),
        ({"device": {"mic": "boom", "tier": "premium"}}, "device.build_quality", "high", "lower"),
        ({"needs": {"owns": "headphones", "uses": ["calls"]}}, "recommendation.kind",
         "headset", "headphones"),
    ],
)  # fmt: skip
def test_each_documented_disagreement_resolves_as_written(expert, facts, attribute, winner, loser):
    """Both sides are reported as a conflict and the documented side wins."""
    result = expert.consult(**facts)
    conflict = next(c for c in result.conflicts if c.attribute == attribute)
    assert conflict.winner == winner == result.verdict(attribute).value
    assert loser in [value for value, _, _ in conflict.sides]
