"""Knowledge-base tests for rules/sound.toml: sound quality, design focus and sound features."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "sound.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}
SOUND_FIRST = {"needs": {"priorities": ["sound-quality"]}}

CASES = [
    (
        "sound.professional-headphones",
        {"device": {"mic": "none", "tier": "professional"}},
        "device.sound_quality",
        "high",
    ),
    ("sound.headphones-better-sound", HEADPHONES, "device.sound_quality", "high"),
    ("sound.headphones-sound-controls", HEADPHONES, "headphones.features", "sound-controls"),
    ("sound.headphones-prioritize-audio", HEADPHONES, "device.focus", "sound-quality"),
    ("sound.headsets-focus-mic", HEADSET, "headsets.focus", "mic-quality"),
    ("sound.top-headset-mid-range", HEADSET, "device.sound_quality", "mid-range"),
    ("sound.best-shoppers-headphones", SOUND_FIRST, "recommendation.kind", "headphones"),
    ("sound.headphones-focus-high-quality", HEADPHONES, "device.sound_quality", "high"),
    ("sound.headsets-optimized-communication", HEADSET, "device.focus", "communication"),
    ("sound.design-focus-headphones", HEADPHONES, "device.focus", "comfort"),
    ("sound.design-focus-headsets", HEADSET, "device.focus", "usability"),
    (
        "sound.over-ear-superior-sound",
        {"device": {"mic": "none", "fit": "over-ear"}},
        "headphones.sound_quality",
        "over-ear-superior",
    ),
    (
        "sound.over-ear-superior-sound",
        {"device": {"mic": "none", "fit": "over-ear"}},
        "headphones.comfort",
        "over-ear-superior",
    ),
    ("sound.over-ear-for-sound-quality", SOUND_FIRST, "recommendation.features", "over-ear"),
    (
        "sound.wired-superior-sound",
        {"device": {"mic": "none", "connection": "wireless"}},
        "headphones.sound_quality",
        "wireless-greatly-improved",
    ),
    ("sound.wired-for-sound-quality", SOUND_FIRST, "recommendation.features", "wired"),
    ("sound.headsets-enhance-sound", HEADSET, "device.focus", "sound-quality"),
    ("sound.headset-high-quality-speakers", HEADSET, "device.sound_quality", "high"),
    ("sound.headsets-amplifiers", HEADSET, "headsets.features", "amplifier"),
    (
        "sound.amplifier-adjusts-tone",
        {"device": {"amplifier": True}},
        "device.features",
        "sound-controls",
    ),
    ("sound.main-job-high-quality-audio", HEADPHONES, "device.sound_quality", "high"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("sound", CASES)


def test_headphones_do_not_sound_mid_range(expert):
    """Headphones are concluded to sound high, never mid-range."""
    verdict = expert.consult(**HEADPHONES).verdict("device.sound_quality")
    assert verdict.value == "high"
    assert verdict.certainty == pytest.approx(1.0)


def test_headset_sound_disagreement(expert):
    """Kania (mid-range) and difference-between (high-quality speakers) disagree on headsets."""
    result = expert.consult(**HEADSET)
    assert "device.sound_quality" in [c.attribute for c in result.conflicts]
    cited = {
        f.rule
        for value in ("mid-range", "high")
        for f in result.support("device.sound_quality", value)
    }
    assert {
        "sound.top-headset-mid-range",
        "sound.headset-high-quality-speakers",
    } <= cited
    assert {f.source for f in result.support("device.sound_quality", "high")} == {
        "difference-between"
    }


def test_kania_closing_sentence_is_about_listening(expert):
    """kania's closing 'higher input sound quality' is read as listening quality: an in-line-mic
    device's microphone is poor without dispute, and its sound high."""
    result = expert.consult(device={"mic": "inline"})
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]
    assert any(
        f.rule == "sound.headphones-better-sound" and "higher input sound quality" in f.quote
        for f in result.support("device.sound_quality", "high")
    )


def test_over_ear_superiority_is_a_note(expert):
    """'Over-ear headphones often provide superior sound quality' is said of many, not this pair."""
    result = expert.consult(device={"mic": "none", "fit": "over-ear"})
    rules = {f.rule for f in result.support("device.sound_quality", "high")}
    assert "sound.over-ear-superior-sound" not in rules
    assert any(note.rule == "sound.over-ear-superior-sound" for note in result.notes)
