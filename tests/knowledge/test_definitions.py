"""Knowledge tests for rules/definitions.toml: what headphones and headsets are and are for."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "definitions.toml"

NO_MIC = {"device": {"mic": "none"}}
BOOM = {"device": {"mic": "boom"}}
INLINE = {"device": {"mic": "inline"}}
BUILTIN = {"device": {"mic": "builtin"}}

CASES = [
    # kind, from the microphone
    ("definitions.boom-mic-means-headset", BOOM, "device.kind", "headset"),
    ("definitions.inline-mic-still-headphones", INLINE, "device.kind", "headphones"),
    ("definitions.mic-means-headset", BUILTIN, "device.kind", "headset"),
    ("definitions.speakers-only-is-headphones", NO_MIC, "device.kind", "headphones"),
    ("definitions.headphones-with-mic-is-headset", BOOM, "device.kind", "headset"),
    ("definitions.builtin-mic-may-be-headphones", BUILTIN, "device.kind", "headphones"),
    ("definitions.builtin-mic-is-headset", BUILTIN, "device.kind", "headset"),
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
    ("definitions.headphones-personal-listening", NO_MIC, "device.suited_for", "podcasts"),
    # notes
    ("definitions.headphones-may-have-builtin-mic", NO_MIC, "headphones.features", "built-in-mic"),
    (
        "definitions.headsets-gaming-teleconferencing-customer-service",
        BOOM,
        "headsets.uses",
        "call-center",
    ),
    ("definitions.headphones-jogging-music", NO_MIC, "headphones.uses", "sports"),
    ("definitions.headsets-designed-for-office", BOOM, "headsets.models", "office"),
    ("definitions.headsets-calls-gaming-conferencing", BOOM, "headsets.uses", "conferencing"),
    ("definitions.headset-other-meanings", BOOM, "headsets.meanings", "bicycle-bearings"),
    ("definitions.audio-equipment-purpose", NO_MIC, "audio_devices.purpose", "communicating"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("definitions", CASES)


def test_inline_mic_is_headphones_by_kanias_exception(expert):
    """kania's exception defeats the general 'a microphone makes a headset' for in-line mics."""
    result = expert.consult(device={"mic": "inline"})
    assert result.verdict("device.kind").value == "headphones"
    assert result.certainty("device.kind", "headset") == 0
    assert "device.kind" not in [c.attribute for c in result.conflicts]
    defeated = {f.rule: f.defeated_by for f in result.firings if "device.kind" in f.defeated}
    assert defeated == {
        "definitions.mic-means-headset": ("definitions.inline-mic-still-headphones",),
        "definitions.headphones-with-mic-is-headset": ("definitions.inline-mic-still-headphones",),
    }


def test_builtin_mic_kind_disagreement(expert):
    """difference-between says headphones may have a built-in mic; the others say that makes a headset."""
    result = expert.consult(device={"mic": "builtin"})
    (conflict,) = [c for c in result.conflicts if c.attribute == "device.kind"]
    assert [(v, round(cf, 2)) for v, cf, _ in conflict.sides] == [
        ("headset", 1.0),
        ("headphones", 0.4),
    ]
    assert result.verdict("device.kind").value == "headset"
    # The certain headset rules the headphones out: nothing said of headphones is chained.
    assert result.certainty("device.kind", "headphones") == 0
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]


def test_no_mic_is_plain_headphones(expert):
    """A device without a microphone is headphones, for one-way listening, without dispute."""
    result = expert.consult(device={"mic": "none", "fit": "over-ear"})
    assert result.verdict("device.kind").value == "headphones"
    assert result.verdict("device.communication").value == "one-way"
    assert "device.kind" not in [c.attribute for c in result.conflicts]


def test_headphones_with_a_mic_talk_as_well_as_listen(expert):
    """The one-way claims are about headphones without a microphone: an in-line mic is two-way."""
    result = expert.consult(device={"mic": "inline"})
    assert result.verdict("device.communication").value == "two-way"
    assert "device.communication" not in [c.attribute for c in result.conflicts]


def test_what_people_use_headsets_for_is_a_note_not_a_verdict(expert):
    """'Often used in gaming, teleconferencing and customer service' is said of the class."""
    result = expert.consult(device={"mic": "boom"})
    assert "call-center" not in result.verdict("device.suited_for").value
    assert any(note.attribute == "headsets.uses" for note in result.notes)
