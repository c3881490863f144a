"""Knowledge tests for rules/microphone.toml: microphone quality and add-on microphones."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "microphone.toml"

INLINE = {"device": {"mic": "inline"}}
BOOM = {"device": {"mic": "boom"}}
EXTERNAL = {"device": {"mic": "external"}}
OWNER_CALLS = {"needs": {"owns": "headphones", "uses": ["calls"]}}

CASES = [
    (
        "microphone.high-end-headset-high-end-mic",
        {"device": {"mic": "boom", "tier": "premium"}},
        "device.mic_quality",
        "good",
    ),
    ("microphone.only-headsets-have-quality-mics", INLINE, "device.mic_quality", "poor"),
    ("microphone.inline-mic-poor-quality", INLINE, "device.mic_quality", "poor"),
    (
        "microphone.inline-mic-poor-noise-cancellation",
        INLINE,
        "device.mic_noise_rejection",
        "poor",
    ),
    (
        "microphone.inline-mic-for-calls-and-voice-commands",
        INLINE,
        "device.suited_for",
        "voice-commands",
    ),
    ("microphone.boom-mic-richer-sound", BOOM, "device.mic_quality", "good"),
    (
        "microphone.cheap-headset-cheap-mic",
        {"device": {"mic": "boom", "tier": "budget"}},
        "device.mic_quality",
        "poor",
    ),
    ("microphone.headsets-great-mic-quality", BOOM, "device.mic_quality", "good"),
    ("microphone.headsets-great-mic-quality", BOOM, "device.mic_quality", "good"),
    (
        "microphone.headsets-voice-clarity-noise-reduction",
        BOOM,
        "device.features",
        "mic-noise-reduction",
    ),
    ("microphone.headsets-voice-clarity-noise-reduction", BOOM, "device.mic_quality", "good"),
    (
        "microphone.headset-may-offer-mic-noise-reduction",
        BOOM,
        "device.features",
        "mic-noise-reduction",
    ),
    (
        "microphone.noise-reduction-clearer-calls",
        {"device": {"mic_noise_reduction": True}},
        "device.mic_noise_rejection",
        "good",
    ),
    ("microphone.headsets-enhance-sound-for-the-other-end", BOOM, "device.mic_quality", "good"),
    (
        "microphone.external-mic-makes-makeshift-headset",
        EXTERNAL,
        "device.communication",
        "two-way",
    ),
    (
        "microphone.external-mic-makes-makeshift-headset",
        EXTERNAL,
        "device.suited_for",
        "online-gaming",
    ),
    (
        "microphone.add-external-mic-to-headphones",
        OWNER_CALLS,
        "recommendation.features",
        "clip-on-mic",
    ),
    (
        "microphone.external-mic-check-compatibility",
        EXTERNAL,
        "recommendation.advice",
        "check-mic-compatibility",
    ),
    ("microphone.external-mic-get-adapters", EXTERNAL, "recommendation.advice", "get-adapters"),
    (
        "microphone.external-mic-position-properly",
        EXTERNAL,
        "recommendation.advice",
        "position-mic",
    ),
    ("microphone.makeshift-headset-below-dedicated", EXTERNAL, "device.mic_quality", "fair"),
    (
        "microphone.frequent-talkers-dedicated-headset",
        {"needs": {"owns": "headphones", "uses": ["voip"]}},
        "recommendation.advice",
        "consider-dedicated-headset",
    ),
    (
        "microphone.frequent-talkers-dedicated-headset",
        OWNER_CALLS,
        "recommendation.features",
        "built-in-mic",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("microphone", CASES)


def test_inline_mic_quality_disagreement(expert):
    """kania's poor in-line mic against the headset rules (an in-line mic makes a headset for
    the other articles): poor wins."""
    result = expert.consult(device={"mic": "inline"})
    conflict = next(c for c in result.conflicts if c.attribute == "device.mic_quality")
    sides = {value: {f.rule for f in firings} for value, _, firings in conflict.sides}
    assert "microphone.inline-mic-poor-quality" in sides["poor"]
    assert "microphone.headsets-enhance-sound-for-the-other-end" in sides["good"]
    assert conflict.winner == "poor"


def test_kania_headset_rules_skip_inline_mics(expert):
    """kania's praise of headset mics is not applied to in-line mics, which it calls headphones'."""
    fired = expert.consult(device={"mic": "inline"}).fired_rules
    assert "microphone.headsets-great-mic-quality" not in fired
    assert "microphone.headsets-great-mic-quality" not in fired


def test_budget_headset_mic_disagreement(expert):
    """Cheap headset mics (kania, `can`) against 'headsets have great microphone quality': good wins."""
    result = expert.consult(device={"mic": "boom", "tier": "budget"})
    conflict = next(c for c in result.conflicts if c.attribute == "device.mic_quality")
    assert conflict.winner == "good"
    assert result.certainty("device.mic_quality", "poor") == pytest.approx(0.4)


def test_boom_headset_mic_is_good_without_dispute(expert):
    """A boom-mic headset has a good microphone and no rule says otherwise."""
    result = expert.consult(device={"mic": "boom"})
    assert result.verdict("device.mic_quality").value == "good"
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]
