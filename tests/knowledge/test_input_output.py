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
    ("input-output.headphones-solely-output", NO_MIC, "device.io", "output"),
    ("input-output.headsets-add-audio-input", BOOM, "device.io", "hybrid"),
    ("input-output.primary-function-headphones", NO_MIC, "device.io", "output"),
    ("input-output.primary-function-headphones", NO_MIC, "device.communication", "one-way"),
    ("input-output.primary-function-headset", BOOM, "device.io", "hybrid"),
    ("input-output.primary-function-headset", BOOM, "device.communication", "two-way"),
    ("input-output.transducer-signals-to-sound", NO_MIC, "device.io", "output"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("input-output", CASES)


@pytest.mark.parametrize("mic", ["inline", "builtin"])
def test_headphones_with_mic_io_disagreement(expert, mic):
    """difference-wiki's 'solely for audio output' against digimigia's hybrid: hybrid wins."""
    result = expert.consult(device={"mic": mic})
    conflict = next(c for c in result.conflicts if c.attribute == "device.io")
    sides = {value: {f.rule for f in firings} for value, _, firings in conflict.sides}
    assert "input-output.headphones-solely-output" in sides["output"]
    assert "input-output.mic-makes-hybrid" in sides["hybrid"]
    assert conflict.winner == "hybrid"


def test_digimigia_output_claims_spare_headphones_with_mic(expert):
    """digimigia's general output claims apply only to headphones without a microphone."""
    fired = expert.consult(device={"mic": "inline"}).fired_rules
    assert "input-output.manufacturers-make-output-only" not in fired
    assert "input-output.headphones-are-output-devices" not in fired


@pytest.mark.parametrize(
    ("mic", "io"), [("none", "output"), ("boom", "hybrid"), ("external", "hybrid")]
)
def test_io_without_dispute(expert, mic, io):
    """No microphone: output only; a boom or add-on microphone: hybrid, undisputed."""
    result = expert.consult(device={"mic": mic})
    assert result.verdict("device.io").value == io
    assert "device.io" not in [c.attribute for c in result.conflicts]
