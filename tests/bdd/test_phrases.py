"""The step library's words: facts read from a person's phrases, and helpful errors otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.feature import get_features
from pytest_bdd.steps import step_function_context_registry
from test_tags import features

from expert.errors import PhraseError
from expert.headphones.phrases import attribute, device_facts, needs_facts, value


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


#: The features of the houseplant example, written in the generic steps.
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants" / "features"


def step_definitions():
    """The step definitions of the plugin: the generic steps and the bundled phrases."""
    import expert.headphones.steps
    import expert.specs.steps

    modules = {expert.specs.steps.__name__, expert.headphones.steps.__name__}
    return [
        context
        for context in list(step_function_context_registry.values())
        if context.step_func.__module__ in modules
    ]


def test_every_step_of_the_features_has_exactly_one_definition():
    """pytest-bdd takes one of several matching definitions silently: none may overlap (the
    project's features and the houseplant example's generic ones)."""
    definitions = step_definitions()
    wrong = []
    for feature in [*features(), *get_features([str(EXAMPLE)])]:
        for template in feature.scenarios.values():
            contexts = [c for ex in template.examples for c in ex.as_contexts()] or [{}]
            for context in contexts:
                for step in template.render(context).steps:
                    matching = [
                        d.parser.name
                        for d in definitions
                        if d.type in (None, step.type) and d.parser.is_matching(step.name)
                    ]
                    if len(matching) != 1:
                        wrong.append(f"{step.type} {step.name!r}: {matching}")
    assert not wrong, "steps matching no definition or several:\n  " + "\n  ".join(
        sorted(set(wrong))
    )
