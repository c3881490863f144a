"""Knowledge-base tests for rules/care.toml: care, repair, hearing safety, translation apps."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import assert_concludes, rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "care.toml"

CASES = [
    (
        "care.clean-store-avoid-extremes",
        {"needs": {"owns": "headphones"}},
        "recommendation.advice",
        "store-properly",
    ),
    (
        "care.some-issues-repairable",
        {"needs": {"owns": "headset"}},
        "recommendation.advice",
        "check-repair-options",
    ),
    (
        "care.high-volume-damages-hearing",
        {"needs": {"volume": "high", "session": "long"}},
        "recommendation.advice",
        "limit-volume",
    ),
    (
        "care.loud-listeners-limit-volume",
        {"needs": {"volume": "high"}},
        "recommendation.advice",
        "limit-volume",
    ),
    (
        "care.loud-listening-hearing",
        {"needs": {"volume": "high", "session": "short"}},
        "audio_devices.hearing",
        "prolonged-high-volume-can-damage",
    ),
    (
        "care.durability-seekers-care",
        {"needs": {"priorities": ["durability"]}},
        "recommendation.advice",
        "keep-clean",
    ),
    ("care.headsets-translation", {"device": {"mic": "boom"}}, "headsets.features", "translation"),
    (
        "care.translation-headsets",
        {"needs": {"uses": ["translation"]}},
        "recommendation.features",
        "translation",
    ),
    (
        "care.translation-may-need-app",
        {"needs": {"uses": ["translation"]}},
        "recommendation.advice",
        "translation-app",
    ),
    (
        "care.translation-device-may-need-app",
        {"device": {"translation": True}},
        "recommendation.advice",
        "translation-app",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("care", CASES)


@pytest.mark.parametrize("advice", ["keep-clean", "store-properly", "avoid-extreme-conditions"])
def test_care_advice_covers_all_three_steps(expert, advice):
    """Owners are told to keep clean, store properly and avoid extreme conditions."""
    result = expert.consult(needs={"owns": "headphones"})
    assert_concludes(result, "care.clean-store-avoid-extremes", "recommendation.advice", advice)


def test_moderate_volume_gets_no_hearing_warning(expert):
    """Only prolonged high volume triggers the hearing advice."""
    result = expert.consult(needs={"volume": "moderate", "session": "long"})
    assert "care.high-volume-damages-hearing" not in result.fired_rules


def test_short_sessions_get_the_note_but_not_the_warning(expert):
    """A short session is not 'prolonged exposure': a note on the risk, no advice to limit."""
    result = expert.consult(needs={"volume": "high", "session": "short"})
    assert "limit-volume" not in result.verdict("recommendation.advice").value
    assert [note.rule for note in result.notes] == ["care.loud-listening-hearing"]
