"""The step library's words: facts read from a person's phrases, and helpful errors otherwise."""

from __future__ import annotations

import pytest
from phrases import PhraseError, attribute, device_facts, needs_facts, value


@pytest.mark.parametrize(
    ("phrase", "facts"),
    [
        ("with a boom microphone", {"mic": "boom"}),
        ("with an in-line microphone", {"mic": "inline"}),
        ("with a clip-on microphone", {"mic": "external"}),
        ("without a microphone", {"mic": "none"}),
        ("has a noise-reducing microphone", {"mic_noise_reduction": True}),
        ("has no active noise cancellation", {"anc": False}),
        ("is closed-back", {"back": "closed"}),
        ("is a premium model", {"tier": "premium"}),
        ("has a USB-C plug", {"plug": "usb-c"}),
        ("costs $19.99", {"price": 19.99}),
    ],
)
def test_device_phrases_become_facts(phrase, facts):
    """Each device phrase states the fact it says."""
    assert device_facts(phrase) == facts


@pytest.mark.parametrize(
    ("phrase", "facts"),
    [
        ("plays online games", {"uses": {"online-gaming"}}),
        ("uses it for studio and recording", {"uses": {"studio", "recording"}}),
        (
            "cares most about sound quality and comfort",
            {"priorities": {"sound-quality", "comfort"}},
        ),
        ("uses an iPhone", {"platform": "iphone"}),
        ("already owns a headset", {"owns": "headset"}),
        ("has a budget of $100", {"budget": 100.0}),
    ],
)
def test_needs_phrases_become_facts(phrase, facts):
    """Each phrase about the user states the need it says."""
    assert needs_facts(phrase) == facts


@pytest.mark.parametrize(
    ("read", "phrase", "named"),
    [
        (device_facts, "with a wooden microphone", "boom, in-line"),
        (device_facts, "is purple", "over-ear"),
        (device_facts, "has a jetpack", "active noise cancellation"),
        (needs_facts, "dances the tango", "plays online games"),
        (needs_facts, "uses it for knitting", "online-gaming"),
        (needs_facts, "cares most about colour", "sound quality"),
    ],
)
def test_unknown_words_fail_listing_the_allowed_ones(read, phrase, named):
    """An unreadable phrase fails naming what it could not read and what is allowed."""
    with pytest.raises(PhraseError, match="allowed words|say one of") as caught:
        read(phrase)
    assert named in str(caught.value)


def test_attributes_and_values_are_checked_against_the_vocabulary(expert):
    """Attribute phrases map to the vocabulary; a wrong one lists the right ones."""
    knowledge = expert.knowledge
    assert attribute("the device's sound quality", knowledge) == "device.sound_quality"
    assert attribute("the device", knowledge) == "device.kind"
    with pytest.raises(PhraseError, match="the device's sound quality"):
        attribute("the device's loudness", knowledge)
    with pytest.raises(PhraseError, match="allowed: mid-range, high"):
        value("device.sound_quality", "superb", knowledge)
