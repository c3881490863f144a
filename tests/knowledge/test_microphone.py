"""Knowledge tests for rules/microphone.toml: microphone quality, add-on microphones and what
to look for (and avoid) for talking."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import assert_concludes, rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "microphone.toml"

INLINE = {"device": {"mic": "inline"}}
BOOM = {"device": {"mic": "boom"}}
EXTERNAL = {"device": {"mic": "external"}}
BOOM_HEADPHONES = {"device": {"type": "headphones", "mic": "boom"}}
OWNER_CALLS = {"needs": {"owns": "headphones", "uses": ["calls"]}}
MIC_QUALITY = {"needs": {"priorities": ["mic-quality"]}}

CASES = [
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
    ("microphone.inline-mic-two-way", INLINE, "device.communication", "two-way"),
    ("microphone.boom-mic-for-calls", BOOM_HEADPHONES, "device.communication", "two-way"),
    ("microphone.boom-mic-for-calls", BOOM_HEADPHONES, "device.suited_for", "calls"),
    ("microphone.boom-mic-richer-sound", BOOM, "device.mic_quality", "good"),
    ("microphone.headsets-great-mic-quality", BOOM, "device.mic_quality", "good"),
    (
        "microphone.headsets-voice-clarity-noise-reduction",
        BOOM,
        "headsets.features",
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
        "microphone.external-mic-useful-for-calls-and-games",
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
        {"needs": {"talk_frequency": "frequent"}},
        "recommendation.advice",
        "consider-dedicated-headset",
    ),
    (
        "microphone.frequent-talkers-dedicated-headset",
        {"needs": {"talk_frequency": "frequent"}},
        "recommendation.kind",
        "headset",
    ),
    (
        "microphone.frequent-talkers-own-headphones",
        {"needs": {"owns": "headphones", "uses": ["calls"], "talk_frequency": "frequent"}},
        "recommendation.kind",
        "headset",
    ),
    (
        "microphone.frequent-talkers-own-headphones",
        {"needs": {"owns": "headphones", "uses": ["calls"], "talk_frequency": "frequent"}},
        "recommendation.features",
        "built-in-mic",
    ),
    (
        "microphone.planned-mic-check-compatibility",
        OWNER_CALLS,
        "recommendation.advice",
        "check-mic-compatibility",
    ),
    ("microphone.planned-mic-get-adapters", OWNER_CALLS, "recommendation.advice", "get-adapters"),
    ("microphone.planned-mic-position", OWNER_CALLS, "recommendation.advice", "position-mic"),
    (
        "microphone.planned-mic-avoid-low-quality",
        OWNER_CALLS,
        "recommendation.avoid",
        "low-quality-external-mic",
    ),
    ("microphone.mic-seekers-headset", MIC_QUALITY, "recommendation.kind", "headset"),
    ("microphone.mic-seekers-boom-mic", MIC_QUALITY, "recommendation.features", "boom-mic"),
    ("microphone.mic-seekers-avoid-inline", MIC_QUALITY, "recommendation.avoid", "inline-mic"),
    (
        "microphone.mic-seekers-noise-reduction",
        MIC_QUALITY,
        "recommendation.features",
        "mic-noise-reduction",
    ),
    (
        "microphone.mic-seekers-dedicated-headset",
        {"needs": {"owns": "headphones", "priorities": ["mic-quality"]}},
        "recommendation.advice",
        "consider-dedicated-headset",
    ),
    (
        "microphone.demanding-talkers-avoid-inline",
        {"needs": {"uses": ["call-center"]}},
        "recommendation.avoid",
        "inline-mic",
    ),
    (
        "microphone.demanding-talkers-avoid-inline",
        {"needs": {"uses": ["recording"]}},
        "recommendation.avoid",
        "inline-mic",
    ),
    (
        "microphone.recording-boom-mic",
        {"needs": {"uses": ["recording"]}},
        "recommendation.features",
        "boom-mic",
    ),
    (
        "microphone.gaming-office-call-center-boom-mic",
        {"needs": {"uses": ["gaming"]}},
        "recommendation.features",
        "boom-mic",
    ),
    (
        "microphone.inline-mic-enough-for-calls",
        {"needs": {"uses": ["voice-commands"]}},
        "recommendation.features",
        "inline-mic",
    ),
    (
        "microphone.calls-need-builtin-mic",
        {"needs": {"uses": ["calls"]}},
        "recommendation.features",
        "built-in-mic",
    ),
    (
        "microphone.noisy-calls-noise-reduction",
        {"needs": {"uses": ["calls"], "environment": "noisy"}},
        "recommendation.features",
        "mic-noise-reduction",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("microphone", CASES)


def test_inline_mic_is_poor_without_dispute(expert):
    """kania's exception makes an in-line-mic device headphones, so no headset rule praises its
    microphone: poor, with no conflict."""
    result = expert.consult(device={"mic": "inline"})
    assert result.verdict("device.mic_quality").value == "poor"
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]


def test_kania_headset_rules_skip_inline_mics(expert):
    """kania's praise of headset mics is not applied to in-line mics, which it calls headphones':
    the headset conclusion is defeated by kania's exception, so the praise, chained on it,
    counts for nothing (the rule needs no in-line condition of its own)."""
    result = expert.consult(device={"mic": "inline"})
    praise = [f for f in result.firings if f.rule == "microphone.headsets-great-mic-quality"]
    assert all(firing.certainty == 0 for firing in praise)
    assert result.verdict("device.mic_quality").alternatives == {"poor": 1.0}


def test_kania_headset_praise_holds_for_a_stated_headset_without_a_stated_mic(expert):
    """The kind alone decides: a device stated to be a headset gets kania's praise of headset
    mics whether or not its microphone is stated."""
    result = expert.consult(device={"type": "headset"})
    assert_concludes(result, "microphone.headsets-great-mic-quality", "device.mic_quality", "good")


def test_headphones_with_a_boom_or_add_on_mic_are_not_called_poor(expert):
    """kania's 'only headsets have quality microphones' is said of headphones' built-in and
    in-line mics: a boom mic is good (kania), an add-on mic fair (difference-between's 'may
    not'), with no dispute; the device talks either way."""
    for mic, quality in (("boom", "good"), ("external", "fair")):
        result = expert.consult(device={"type": "headphones", "mic": mic})
        assert set(result.verdict("device.mic_quality").alternatives) == {quality}
        assert "device.mic_quality" not in [c.attribute for c in result.conflicts]
        assert result.verdict("device.communication").value == "two-way"
        assert result.certainty("device.communication", "two-way") == 1.0


def test_recording_avoids_in_line_mics_and_looks_for_a_boom_mic(expert):
    """In-line mics are 'only' strong enough for calls and voice commands; recording is neither."""
    result = expert.consult(needs={"uses": ["recording"]})
    assert "inline-mic" in result.verdict("recommendation.avoid").value
    assert "boom-mic" in result.verdict("recommendation.features").value


def test_budget_headset_mic_is_good(expert):
    """'Headsets can have cheap, flimsy, or high-end mics' is a note on the class: a budget
    boom-mic headset is not said to have a poor microphone."""
    result = expert.consult(device={"mic": "boom", "tier": "budget"})
    assert result.verdict("device.mic_quality").value == "good"
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]
    assert any(note.attribute == "headsets.mics" for note in result.notes)


def test_boom_headset_mic_is_good_without_dispute(expert):
    """A boom-mic headset has a good microphone and no rule says otherwise."""
    result = expert.consult(device={"mic": "boom"})
    assert result.verdict("device.mic_quality").value == "good"
    assert "device.mic_quality" not in [c.attribute for c in result.conflicts]


def test_in_line_mics_are_to_avoid_for_demanding_talk(expert):
    """Online games, offices and call centres: avoid an in-line mic, look for a boom mic."""
    result = expert.consult(needs={"uses": ["online-gaming"]})
    assert "inline-mic" in result.verdict("recommendation.avoid").value
    assert "boom-mic" in result.verdict("recommendation.features").value


def test_a_boom_mic_waits_for_a_headset(expert):
    """kania's gaming, office and call-center headsets come with a boom mic: a headset's
    feature. A gamer told to get headphones (sound first, $150 to spend) is not told to look
    for one; a gamer told to get a headset is, as surely as the headset is advised."""
    result = expert.consult(
        needs={"uses": ["gaming", "music"], "priorities": ["sound-quality"], "budget": 150}
    )
    assert result.verdict("recommendation.kind").value == "headphones"
    assert "boom-mic" not in result.verdict("recommendation.features").value
    gamer = expert.consult(needs={"uses": ["gaming"]})
    assert gamer.certainty("recommendation.features", "boom-mic") == pytest.approx(
        gamer.certainty("recommendation.kind", "headset")
    )


def test_a_frequent_talker_who_owns_headphones_is_not_told_to_add_a_mic(expert):
    """The answer to 'Can I use headphones as a headset?' closes: 'If you frequently need to
    communicate with others ... consider investing in a dedicated headset with a built-in
    microphone': the exception to its add-on microphone, so neither the add-on mic nor the
    advice on fitting one is given; the built-in microphone is."""
    result = expert.consult(
        needs={"owns": "headphones", "uses": ["online-gaming"], "talk_frequency": "frequent"}
    )
    assert result.verdict("recommendation.kind").value == "headset"
    features = result.verdict("recommendation.features").value
    assert not {"external-mic", "clip-on-mic"} & set(features)
    assert "built-in-mic" in features
    advice = result.verdict("recommendation.advice").value
    assert not {"check-mic-compatibility", "get-adapters", "position-mic"} & set(advice)
    (defeated,) = [
        f for f in result.firings if f.rule == "microphone.add-external-mic-to-headphones"
    ]
    assert defeated.defeated_by == ("microphone.frequent-talkers-own-headphones",)
