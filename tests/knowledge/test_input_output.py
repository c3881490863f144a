"""Knowledge tests for rules/input-output.toml: output devices and hybrid devices."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "input-output.toml"

NO_MIC = {"device": {"mic": "none"}}
BOOM = {"device": {"mic": "boom"}}

CASES = [
    ("input-output.headphones-are-output-devices", NO_MIC, "device.io", "output"),
    (
        "input-output.stated-headphones-mostly-output",
        {"device": {"type": "headphones"}},
        "device.io",
        "output",
    ),
    (
        "input-output.mic-makes-hybrid",
        {"device": {"mic": "external"}},
        "device.io",
        "hybrid",
    ),
    (
        "input-output.mic-makes-hybrid",
        {"device": {"mic": "inline"}},
        "device.io",
        "hybrid",
    ),
    ("input-output.mic-makes-hybrid", BOOM, "device.io", "hybrid"),
    (
        "input-output.stated-headset-is-hybrid",
        {"device": {"type": "headset"}},
        "device.io",
        "hybrid",
    ),
    ("input-output.headphones-solely-output", NO_MIC, "device.io", "output"),
    ("input-output.headsets-add-audio-input", BOOM, "device.io", "hybrid"),
    ("input-output.microphone-is-input", {"device": {"type": "microphone"}}, "device.io", "input"),
    (
        "input-output.mouse-and-keyboard-are-input",
        {"device": {"type": "keyboard"}},
        "device.io",
        "input",
    ),
    ("input-output.monitor-is-output", {"device": {"type": "monitor"}}, "device.io", "output"),
    ("input-output.computer-is-both", {"device": {"type": "computer"}}, "device.io", "hybrid"),
    (
        "input-output.biometrics-are-input",
        {"device": {"type": "biometric-sensor"}},
        "device.io",
        "input",
    ),
    (
        "input-output.facial-recognition-input",
        {"device": {"type": "facial-recognition"}},
        "device.io",
        "input",
    ),
    (
        "input-output.facial-recognition-with-feedback",
        {"device": {"type": "facial-recognition", "feedback": True}},
        "device.io",
        "hybrid",
    ),
    (
        "input-output.facial-recognition-feedback",
        {"device": {"type": "facial-recognition"}},
        "facial_recognition.feedback",
        "often-uses-output-devices",
    ),
    ("input-output.stylus-mostly-input", {"device": {"type": "stylus"}}, "device.io", "input"),
    (
        "input-output.stylus-that-sends-back",
        {"device": {"type": "stylus", "feedback": True}},
        "device.io",
        "hybrid",
    ),
    (
        "input-output.stylus-better-than-finger",
        {"device": {"type": "stylus"}},
        "styluses.precision",
        "better-than-finger",
    ),
    (
        "input-output.input-device-functions",
        {"device": {"type": "mouse"}},
        "input_devices.functions",
        "command-execution",
    ),
    (
        "input-output.speaker-as-microphone",
        {"device": {"mic": "none"}, "needs": {"uses": ["recording"]}},
        "headphones.as_microphone",
        "possible-but-impractical",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("input-output", CASES)


@pytest.mark.parametrize("mic", ["inline", "builtin", "boom", "external"])
def test_a_device_with_a_mic_is_hybrid_without_dispute(expert, mic):
    """Both articles limit 'output' to headphones without a microphone: with one, hybrid."""
    result = expert.consult(device={"mic": mic})
    assert result.verdict("device.io").value == "hybrid"
    assert "device.io" not in [c.attribute for c in result.conflicts]


def test_digimigia_output_claims_spare_headphones_with_mic(expert):
    """digimigia's general output claims apply only to headphones without a microphone."""
    fired = expert.consult(device={"mic": "inline"}).fired_rules
    assert "input-output.headphones-are-output-devices" not in fired
    assert "input-output.headphones-solely-output" not in fired


def test_no_mic_is_output_without_dispute(expert):
    """No microphone: output only, by two articles."""
    result = expert.consult(device={"mic": "none"})
    assert result.verdict("device.io").value == "output"
    assert {f.source for f in result.verdict("device.io").because} == {
        "digimigia",
        "difference-wiki",
    }


@pytest.mark.parametrize(
    ("general", "exception", "device_type"),
    [
        ("input-output.stylus-mostly-input", "input-output.stylus-that-sends-back", "stylus"),
        (
            "input-output.facial-recognition-input",
            "input-output.facial-recognition-with-feedback",
            "facial-recognition",
        ),
    ],
)
def test_a_device_that_sends_information_back_is_the_exception(
    expert, general, exception, device_type
):
    """digimigia's 'unless' and 'but': with feedback the input-only rule is defeated."""
    result = expert.consult(device={"type": device_type, "feedback": True})
    assert result.verdict("device.io").value == "hybrid"
    assert result.certainty("device.io", "input") == 0
    (defeated,) = [f for f in result.firings if f.rule == general]
    assert defeated.defeated_by == (exception,)


def test_a_microphone_is_input_in_the_articles_words_for_a_microphone(expert):
    """The answer for a microphone quotes digimigia's sentence about microphones; the generic
    definition of an input device is a note on input devices."""
    result = expert.consult(device={"type": "microphone"})
    (firing,) = result.verdict("device.io").because
    assert firing.quote.startswith("Is microphone input or output?")
    assert "Input devices are hardware components" not in firing.quote
    (note,) = [n for n in result.notes if n.attribute == "input_devices.functions"]
    assert "Input devices are hardware components" in note.quote
