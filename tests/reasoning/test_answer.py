"""The answer of a consultation: the question the person came with, answered first, in their
words, at the articles' certainty, never against what they stated."""

from __future__ import annotations

import json
import re

import pytest
from support import TINY_RULES, write_base

from expert import Expert
from expert.cli import main


@pytest.fixture(scope="module")
def expert() -> Expert:
    return Expert()


def first_lines(capsys, *args: str) -> list[str]:
    """The first lines of ``expert consult ARGS``."""
    assert main(["consult", *args]) == 0
    return capsys.readouterr().out.splitlines()


#: Words of the ids a shopper never reads in the default report.
IDS = re.compile(
    r"\b(device|needs|recommendation|assessment|audio_devices|headsets|headphones)\.[a-z_]+"
    r"|\[[a-z]+\.[a-z_]+\]|\bpoor-mic\b|\bboom-mic\b|\bmic-enough-for-calls\b"
)


def test_a_stated_headset_is_assessed_as_one(capsys):
    """A wireless headset for the office: the stated kind feeds the assessment, a good fit,
    with difference-wiki's reliability among the strengths (not "No answer")."""
    lines = first_lines(capsys, "--device", "type=headset", "connection=wireless", "--needs",
                        "uses=office")  # fmt: skip
    assert lines[0] == "You said: a headset connected wirelessly, for office work."
    assert lines[1] == "For these needs this device is a good fit (certain)."
    assert "a wireless connection reliable enough for work" in "\n".join(lines)


def test_a_stated_kind_is_never_answered_with_no_answer(expert):
    """Saying it is headphones gives what headphones suit, the kind as stated."""
    result = expert.consult({"device.type": "headphones"})
    assert (
        result.answer.text == "This device suits music, movies and personal listening (certain)."
    )
    assert result.verdict("device.kind").stated_by == "device.type"


def test_a_stated_kind_against_the_rules_is_shown_as_a_disagreement(capsys):
    """Headphones with a built-in microphone: headphones as you said, and the articles that
    would call it a headset shown as a disagreement, never a silent overrule."""
    text = "\n".join(first_lines(capsys, "--device", "type=headphones", "mic=builtin"))
    assert "This device is a headset" not in text
    assert "What it is: headphones (as you said)." in text
    assert re.search(r"What it is: you said headphones; .* would say a headset \(certain\)\. "
                     r"What you said stands\.", text)  # fmt: skip


def test_a_device_that_is_no_audio_device_is_answered_input_or_output(capsys):
    """A mouse: the answer is digimigia's, first."""
    lines = first_lines(capsys, "--device", "type=mouse")
    assert lines[1] == "This device is an input device (certain)."
    assert "“A computer mouse and keyboard are also good examples of input devices.”" in lines[2]


@pytest.mark.parametrize(
    ("needs", "headline", "quote"),
    [
        (
            "volume=high",
            "Keep the volume down (possible, 0.40).",
            "Prolonged exposure to high volumes can potentially damage hearing.",
        ),
        (
            "priorities=battery-life",
            "Avoid active noise cancellation (certain).",
            "will eat through your battery life twice as quickly",
        ),
    ],
)
def test_needs_that_one_piece_of_advice_speaks_to_lead_with_it(capsys, needs, headline, quote):
    """No kind to recommend: the strongest advice resting on what was stated leads, with its
    quote, not "No answer"."""
    lines = first_lines(capsys, "--needs", needs)
    assert lines[1] == headline
    assert quote in lines[2]


def test_no_answer_only_when_nothing_was_concluded(tmp_path):
    """A base whose rules say nothing about the facts: no answer, a null value in the JSON,
    and what to state."""
    expert = Expert(write_base(tmp_path / "kb", {"tiny": TINY_RULES}))
    result = expert.consult({"needs.volume": "low"})
    assert result.verdicts == () and result.answer.value is None
    assert result.to_dict()["answer"]["value"] is None
    assert "Tell me more" in str(result)
    assert expert.consult({"device.mic": "boom"}).answer.value is not None


def test_opposed_values_are_never_both_in_one_report(expert):
    """An in-line mic for online games and calls: not to look for and to avoid at once; the
    disagreement is kept with both sides."""
    result = expert.consult({"device.mic": "inline", "needs.uses": {"online-gaming", "calls"}})
    features = result.verdict("recommendation.features").value
    assert "inline-mic" in result.verdict("recommendation.avoid").value
    assert "inline-mic" not in features
    for concern in result.verdict("assessment.concerns").value:
        assert concern not in result.verdict("assessment.strengths").value


def test_class_claims_are_not_certain_about_this_device(expert):
    """The comfort of headphones as a class (kania: "usually") is no certainty about a pair."""
    comfort = expert.consult({"device.mic": "none"}).verdict("device.comfort")
    assert comfort.certainty < 1.0


def test_someone_who_owns_headphones_and_makes_calls_is_not_told_to_get_a_headset(expert):
    """difference-between: headphones with an external microphone can do, hedged."""
    answer = expert.consult({"needs.owns": "headphones", "needs.uses": {"calls"}}).answer
    assert answer.text == "For these needs, go with headphones (possible, 0.40)."
    assert answer.because[0].source == "difference-between"


@pytest.mark.parametrize(
    "args",
    [
        ["--device", "mic=inline", "--needs", "uses=online-gaming,calls"],
        ["--device", "mic=boom", "anc=true", "--needs", "priorities=battery-life"],
        ["--needs", "uses=music,travel", "priorities=comfort"],
        ["--device", "type=headphones", "mic=builtin"],
        ["--device", "fit=over-ear", "back=closed", "--needs", "environment=noisy"],
    ],
)
def test_the_default_report_speaks_in_words_not_ids(capsys, args):
    """No attribute or value id reaches the default report; --all keeps them."""
    text = "\n".join(first_lines(capsys, *args))
    assert not IDS.search(text), IDS.search(text)
    full = "\n".join(first_lines(capsys, *args, "--all"))
    assert IDS.search(full)


def test_the_json_answer_is_the_report_headline(capsys):
    """--json's answer carries the report's first line, its value and its quotes."""
    args = ["--device", "mic=inline", "--needs", "uses=online-gaming,calls"]
    headline = first_lines(capsys, *args)[1]
    data = json.loads("\n".join(first_lines(capsys, *args, "--json")))
    assert data["goal"] == "assessment.fit"
    assert data["answer"]["text"] == headline
    assert (data["answer"]["value"], data["answer"]["certainty"]) == ("poor", 1.0)
    assert data["answer"]["because"][0]["quote"].startswith("However, these mics leave much")


def test_no_answer_on_a_known_gap_says_why_the_sources_are_silent(expert):
    """Commuting is a gap the base admits (gaps.toml): the answer says so, with the reason."""
    answer = expert.consult({"needs.uses": {"commuting"}}).answer
    assert answer.value is None
    assert answer.text.startswith("No answer: nothing the rules know applies to what you said.")
    assert "The sources say nothing there: the articles never mention commuting" in answer.text
