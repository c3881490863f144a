"""Knowledge tests for rules/definitions.toml: what headphones and headsets are and are for."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "definitions.toml"

NO_MIC = {"device": {"mic": "none"}}
NO_MIC_FIT = {"device": {"mic": "none", "fit": "over-ear"}}
BOOM = {"device": {"mic": "boom"}}

CASES = [
    # kind, from the microphone
    ("definitions.boom-mic-means-headset", BOOM, "device.kind", "headset"),
    (
        "definitions.inline-mic-still-headphones",
        {"device": {"mic": "inline"}},
        "device.kind",
        "headphones",
    ),
    ("definitions.mic-means-headset", {"device": {"mic": "inline"}}, "device.kind", "headset"),
    ("definitions.speakers-only-is-headphones", NO_MIC, "device.kind", "headphones"),
    ("definitions.headphones-with-mic-is-headset", BOOM, "device.kind", "headset"),
    (
        "definitions.builtin-mic-may-be-headphones",
        {"device": {"mic": "builtin"}},
        "device.kind",
        "headphones",
    ),
    (
        "definitions.builtin-mic-is-headset",
        {"device": {"mic": "builtin"}},
        "device.kind",
        "headset",
    ),
    ("definitions.pair-of-speakers-is-headphones", NO_MIC, "device.kind", "headphones"),
    # purpose
    ("definitions.headphones-solely-for-listening", NO_MIC, "device.communication", "one-way"),
    (
        "definitions.headsets-for-listening-and-communicating",
        BOOM,
        "device.communication",
        "two-way",
    ),
    (
        "definitions.headsets-for-listening-and-communicating",
        BOOM,
        "device.suited_for",
        "two-way-communication",
    ),
    ("definitions.headphones-worn-for-listening", NO_MIC, "device.communication", "one-way"),
    (
        "definitions.headsets-suitable-for-two-way-communication",
        BOOM,
        "device.communication",
        "two-way",
    ),
    (
        "definitions.headsets-suitable-for-two-way-communication",
        BOOM,
        "device.suited_for",
        "two-way-communication",
    ),
    ("definitions.headsets-optimized-for-communication", BOOM, "device.communication", "two-way"),
    # suited for
    ("definitions.headphones-for-music-listening", NO_MIC, "device.suited_for", "music"),
    (
        "definitions.headsets-gaming-teleconferencing-customer-service",
        BOOM,
        "device.suited_for",
        "call-center",
    ),
    ("definitions.headphones-movies-late-at-night", NO_MIC, "device.suited_for", "late-night"),
    ("definitions.headset-customer-service-job", BOOM, "device.suited_for", "call-center"),
    ("definitions.headphones-jogging-music", NO_MIC, "device.suited_for", "sports"),
    ("definitions.headsets-designed-for-office", BOOM, "device.suited_for", "office"),
    ("definitions.headphones-personal-listening", NO_MIC, "device.suited_for", "podcasts"),
    ("definitions.headsets-calls-gaming-conferencing", BOOM, "device.suited_for", "conferencing"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("definitions", CASES)


def test_inline_mic_kind_disagreement(expert):
    """kania calls in-line-mic devices headphones; digimigia and difference-wiki call them headsets."""
    result = expert.consult(device={"mic": "inline"})
    conflict = next(c for c in result.conflicts if c.attribute == "device.kind")
    sides = {value: {f.rule for f in firings} for value, _, firings in conflict.sides}
    assert "definitions.inline-mic-still-headphones" in sides["headphones"]
    assert "definitions.mic-means-headset" in sides["headset"]
    assert result.verdict("device.kind").value == "headset"


def test_builtin_mic_kind_disagreement(expert):
    """difference-between says headphones may have a built-in mic; the others say that makes a headset."""
    result = expert.consult(device={"mic": "builtin"})
    assert "device.kind" in [c.attribute for c in result.conflicts]
    assert result.certainty("device.kind", "headphones") == pytest.approx(0.4)
    assert result.verdict("device.kind").value == "headset"


def test_no_mic_is_plain_headphones(expert):
    """A device without a microphone is headphones, for one-way listening, without dispute."""
    result = expert.consult(device={"mic": "none", "fit": "over-ear"})
    assert result.verdict("device.kind").value == "headphones"
    assert result.verdict("device.communication").value == "one-way"
    assert "device.kind" not in [c.attribute for c in result.conflicts]


def test_communication_follows_the_kind_dispute(expert):
    """For an in-line mic the purpose is disputed too, and two-way wins with the headset."""
    result = expert.consult(device={"mic": "inline"})
    assert "device.communication" in [c.attribute for c in result.conflicts]
    assert result.verdict("device.communication").value == "two-way"
