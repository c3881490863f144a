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
    (
        "sound.headphones-better-sound",
        HEADPHONES,
        "headphones.sound_quality",
        "better-than-headsets",
    ),
    ("sound.headphones-sound-controls", HEADPHONES, "headphones.features", "sound-controls"),
    ("sound.headphones-prioritize-audio", HEADPHONES, "device.focus", "sound-quality"),
    ("sound.headsets-focus-mic", HEADSET, "headsets.focus", "mic-quality"),
    ("sound.top-headset-mid-range", HEADSET, "device.sound_quality", "mid-range"),
    ("sound.best-shoppers-headphones", SOUND_FIRST, "recommendation.kind", "headphones"),
    ("sound.headphones-focus-high-quality", HEADPHONES, "device.sound_quality", "high"),
    ("sound.headphones-focus-on-sound", HEADPHONES, "device.focus", "sound-quality"),
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
    ("sound.main-job-focus", HEADPHONES, "device.focus", "sound-quality"),
    (
        "sound.studio-professional-headphones",
        {"needs": {"uses": ["studio"]}},
        "recommendation.tier",
        "professional",
    ),
    (
        "sound.sound-seekers-sound-controls",
        SOUND_FIRST,
        "recommendation.features",
        "sound-controls",
    ),
    (
        "sound.headset-sound-seekers-amplifier",
        {"needs": {"priorities": ["sound-quality"], "uses": ["online-gaming"]}},
        "recommendation.features",
        "amplifier",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("sound", CASES)


def test_headphones_usually_sound_high(expert):
    """Headphones sound high by default (difference-wiki's focus, digimigia's main job, each
    `usually`), never mid-range; kania's 'better sound quality' compares the classes: a note."""
    result = expert.consult(**HEADPHONES)
    verdict = result.verdict("device.sound_quality")
    assert verdict.value == "high"
    assert verdict.certainty == pytest.approx(1 - 0.2 * 0.2)
    assert {f.rule for f in result.support("device.sound_quality", "high")} == {
        "sound.headphones-focus-high-quality",
        "sound.main-job-high-quality-audio",
    }
    assert any(note.rule == "sound.headphones-better-sound" for note in result.notes)


def test_only_professional_headphones_sound_high_for_certain(expert):
    """kania's 'especially true if you're investing in professional-level headphones'."""
    result = expert.consult(device={"mic": "none", "tier": "professional"})
    assert result.certainty("device.sound_quality", "high") == pytest.approx(1.0)


def test_a_builtin_mic_headset_sounds_mid_range(expert):
    """A built-in-mic device is a headset: kania's 'a top-performing headset will only
    deliver the quality of a mid-range level of headphones' beats what headsets are designed
    to give (difference-between, `usually`) and what headphones usually give."""
    result = expert.consult(device={"mic": "builtin"})
    verdict = result.verdict("device.sound_quality")
    assert (verdict.value, verdict.certainty) == ("mid-range", pytest.approx(1.0))
    assert result.certainty("device.sound_quality", "high") < 1.0


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
    device's microphone is poor without dispute, and the sentence is quoted by the note
    comparing the classes' sound."""
    result = expert.consult(device={"mic": "inline"})
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]
    assert any(
        note.rule == "sound.headphones-better-sound" and "higher input sound quality" in note.quote
        for note in result.notes
    )


def test_over_ear_superiority_is_a_note(expert):
    """'Over-ear headphones often provide superior sound quality' is said of many, not this pair."""
    result = expert.consult(device={"mic": "none", "fit": "over-ear"})
    rules = {f.rule for f in result.support("device.sound_quality", "high")}
    assert "sound.over-ear-superior-sound" not in rules
    assert any(note.rule == "sound.over-ear-superior-sound" for note in result.notes)
