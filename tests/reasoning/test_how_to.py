"""What would it take (how_to): the smallest changes of the stated facts that make a verdict
hold, found from the rules and confirmed by consulting."""

from __future__ import annotations

import pytest

from expert import Device, ExplanationError, Needs
from expert.cli import main


def test_one_change_of_the_mic_makes_a_headset(tiny_expert):
    """A device without a mic becomes a headset with a boom mic: one change, with the rule
    and its quote."""
    result = tiny_expert.consult(Device(mic="none"))
    answer = result.how_to("device.kind", "headset")
    assert not answer.holds
    first = answer.options[0]
    assert [(c.name, c.before, c.after) for c in first.changes] == [("device.mic", "none", "boom")]
    assert first.certainty == 1.0 and first.firings[0].rule == "tiny.boom-headset"
    assert "come with an attached boom microphone" in answer.to_text()


def test_every_option_really_makes_it_hold(tiny_expert):
    """Each option, applied, gives the verdict asked for (what if confirms it)."""
    result = tiny_expert.consult(Device(mic="none"), Needs(uses={"music"}))
    answer = result.how_to("device.kind", "headset")
    assert answer.options
    for option in answer.options:
        changed = result.consult_again(
            {**result.facts, **{c.name: c.after for c in option.changes}}
        )
        assert changed.verdict("device.kind").value == "headset"


def test_an_outweighed_way_is_not_offered(tiny_expert):
    """An in-line mic is a way to headphones (0.8) but headset wins there (0.6 and 1.0 by
    chaining): only changes that really give headphones are offered."""
    result = tiny_expert.consult(Device(mic="none"))
    answer = result.how_to("device.kind", "headphones")
    for option in answer.options:
        changed = result.consult_again(
            {**result.facts, **{c.name: c.after for c in option.changes}}
        )
        assert changed.verdict("device.kind").value == "headphones"


def test_a_set_fact_gains_the_value_it_needs(tiny_expert):
    """To be recommended a headset, the uses gain gaming (music stays)."""
    result = tiny_expert.consult(Needs(uses={"music"}))
    (option, *_) = result.how_to("recommendation.kind", "headset").options
    (change,) = option.changes
    assert change.name == "needs.uses" and change.after >= {"music"}
    assert change.after & {"gaming", "online-gaming"}


def test_what_already_holds_needs_no_change(tiny_expert):
    """Asking for the verdict there is says so."""
    answer = tiny_expert.consult(Device(mic="boom")).how_to("device.kind", "headset")
    assert answer.holds and "holds already" in answer.to_text()


def test_no_change_is_said_plainly_when_no_rule_can_do_it(tiny_expert):
    """Only evidence against a premium tier exists: no change makes it hold."""
    answer = tiny_expert.consult(Needs(budget=30)).how_to("recommendation.tier", "premium", 1)
    assert not answer.holds and not answer.options
    assert "No change of at most 1 fact makes recommendation.tier = premium hold" in str(answer)


@pytest.mark.parametrize(
    ("attribute", "value", "most", "message"),
    [
        ("device.mic", "boom", 2, "unknown attribute 'device.mic'"),
        ("device.kind", "speaker", 2, "'speaker' is not a value of device.kind"),
        ("device.kind", "headset", 0, "`max_changes` must be a whole number >= 1"),
    ],
)
def test_bad_questions_are_explanation_errors(tiny_expert, attribute, value, most, message):
    """An input, an unknown value or a bad size is refused with the allowed values."""
    with pytest.raises(ExplanationError, match=message):
        tiny_expert.consult(Device(mic="none")).how_to(attribute, value, most)


def test_the_command_line_answers_how_to(capsys):
    """expert consult --how-to ATTR=VALUE names the change and the article's words."""
    argv = ["consult", "--device", "mic=none", "--how-to", "device.mic_quality=good"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "change device.mic: none -> boom" in out and "(kania)" in out
    assert main([*argv, "--json"]) == 0
    data = __import__("json").loads(capsys.readouterr().out)
    assert data["options"][0]["changes"] == [{"fact": "device.mic", "from": "none", "to": "boom"}]


def test_a_good_fit_for_calls_takes_a_microphone(capsys):
    """A device without a mic is no good fit for calls; the answer changes the mic, with the
    article's words (the ways to any strength are too many to list: each rule offers its own
    facts)."""
    argv = ["consult", "--device", "mic=none", "--needs", "uses=calls"]
    assert main([*argv, "--how-to", "assessment.fit=good"]) == 0
    out = capsys.readouterr().out
    assert "1. change device.mic: none -> " in out
    assert "(difference-wiki)" in out or "(difference-between)" in out or "(kania)" in out
