"""Tests of expert.reasoning.how: how, why not and what if, and their renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from expert import Device, ExplanationError, FactError, Needs


def test_how_follows_a_chain_down_to_the_stated_fact(tiny_expert):
    """suited_for <- mic_quality <- kind <- the user's mic, with quotes at each level."""
    how = tiny_expert.consult(Device(mic="builtin")).how("device.suited_for")
    proof = how.proofs[0]
    assert proof.value == "calls" and proof.certainty == pytest.approx(0.288)
    (step,) = proof.steps
    assert step.firing.rule == "tiny.good-mic-for-calls"
    (quality,) = step.premises
    assert (quality.attribute, quality.value) == ("device.mic_quality", "good")
    (kind,) = quality.steps[0].premises
    assert (kind.attribute, kind.value, kind.certainty) == ("device.kind", "headset", 0.6)
    (mic,) = kind.steps[0].premises
    assert mic.stated and mic.value == "builtin"
    text = how.to_text()
    assert "“headsets have great microphone quality”" in text
    assert "device.mic = builtin (you said so)" in text


def test_how_shows_both_sides_of_a_conflict(tiny_expert):
    """The in-line-mic disagreement: the winner's proof and the outweighed side."""
    how = tiny_expert.consult(Device(mic="inline")).how("device.kind")
    assert how.conflict is not None
    assert [rival.value for rival in how.rivals] == ["headset"]
    text = how.to_text()
    assert "the articles disagree on device.kind" in text
    assert "devices that include a microphone are called headsets" in text
    assert "Is Headphone Input or Output?" in text


def test_how_shows_how_agreeing_rules_combined(tiny_expert):
    """Two supporting rules are both shown with the combination."""
    text = tiny_expert.consult(needs={"uses": ["online-gaming"]}).how("recommendation.kind")
    assert "2 rules agree; combined by MYCIN: 0.60 and 0.40" in text.to_text()


def test_why_not_names_the_failed_condition_and_the_actual_value(tiny_expert):
    """device.kind = headset for mic=none: the boom rule needs mic boom, mic is none."""
    why = tiny_expert.consult(Device(mic="none")).why_not("device.kind", "headset")
    assert why.status == "not concluded"
    reasons = {c.rule.id: c.failed for c in why.candidates}
    assert reasons["tiny.boom-headset"] == ("device.mic is none; this rule needs: is boom",)
    assert "is one of inline, builtin" in reasons["tiny.mic-headset"][0]


def test_why_not_names_a_missing_fact(tiny_expert):
    """A rule on needs.budget when no budget was given says the fact is not known."""
    why = tiny_expert.consult(Device(mic="none")).why_not("recommendation.tier", "premium")
    assert why.candidates[0].failed == ("needs.budget is not known; this rule needs: is below 50",)


def test_why_not_on_a_losing_value_says_it_was_outweighed(tiny_expert):
    """headset for an in-line mic was concluded but headphones is stronger."""
    why = tiny_expert.consult(Device(mic="inline")).why_not("device.kind", "headset")
    assert why.status == "outweighed" and why.certainty == pytest.approx(0.6)
    assert "headphones is stronger (0.80)" in why.to_text()


def test_why_not_a_value_no_rule_concludes(tiny_expert):
    """device.isolation = best has no rule in the tiny base: said plainly."""
    why = tiny_expert.consult(Device(mic="none")).why_not("device.isolation", "best")
    assert why.status == "no rule"
    assert "no rule in the knowledge base concludes it" in why.to_text()


def test_why_not_rejects_unknown_attributes_and_values(tiny_expert):
    """Bad names raise ExplanationError listing what is allowed."""
    result = tiny_expert.consult(Device(mic="none"))
    with pytest.raises(ExplanationError, match="allowed: device.kind"):
        result.why_not("device.knd", "headset")
    with pytest.raises(ExplanationError, match="allowed: headphones, headset"):
        result.why_not("device.kind", "earbuds")
    with pytest.raises(ExplanationError):
        result.why_not("device.mic", "boom")  # stated, not concluded


def test_what_if_reports_changed_and_gained_verdicts_with_rules(tiny_expert):
    """inline -> boom changes kind and mic quality, each with the rule responsible."""
    diff = tiny_expert.consult(Device(mic="inline")).what_if(mic="boom")
    changed = {d.attribute: d for d in diff.changed}
    assert changed["device.kind"].before.value == "headphones"
    assert changed["device.kind"].after.value == "headset"
    assert changed["device.kind"].rules == ("tiny.boom-headset",)
    assert changed["device.mic_quality"].after.value == "good"
    assert "changed device.kind: headphones (0.80) -> headset (1.00)" in diff.to_text()


def test_what_if_can_forget_a_fact_and_change_needs(tiny_expert):
    """None forgets mic; a needs change gains a recommendation."""
    diff = tiny_expert.consult(Device(mic="boom")).what_if(mic=None, uses="gaming")
    assert {d.attribute for d in diff.lost} >= {"device.kind", "device.io"}
    assert [d.attribute for d in diff.gained] == ["recommendation.kind"]


def test_what_if_rejects_unknown_facts(tiny_expert):
    """A misspelt fact name is a FactError."""
    with pytest.raises(FactError, match="no fact 'mik'"):
        tiny_expert.consult(Device(mic="boom")).what_if(mik="none")


def test_every_explanation_renders_as_markdown_and_json(tiny_expert):
    """The three renderers work on each explanation kind."""
    result = tiny_expert.consult(Device(mic="inline"), Needs(uses=["gaming"]))
    for explanation in (
        result.how("device.kind"),
        result.why_not("device.kind", "headset"),
        result.what_if(mic="boom"),
    ):
        assert explanation.to_markdown().startswith("- ")
        json.dumps(explanation.to_dict())


def test_to_rich_styles_quotes_and_rules_and_matches_the_text(tiny_expert):
    """The terminal rendering is the text rendering with styles by line kind."""
    how = tiny_expert.consult(Device(mic="inline")).how("device.kind")
    rich_text = how.to_rich()
    assert rich_text.plain == how.to_text()
    styled = {str(span.style) for span in rich_text.spans}
    assert {"italic", "cyan", "magenta"} <= styled


def test_what_if_names_the_rules_that_stop_firing(tiny_expert):
    """inline -> boom: the boom rule starts, the in-line rules of both sides stop."""
    diff = tiny_expert.consult(Device(mic="inline")).what_if(mic="boom")
    kind = next(d for d in diff.changed if d.attribute == "device.kind")
    assert kind.rules == ("tiny.boom-headset",)
    assert set(kind.rules_gone) == {"tiny.inline-headphones", "tiny.mic-headset"}
    assert "-tiny.inline-headphones" in kind.describe()


def test_what_if_reports_a_settled_dispute_even_when_the_verdict_stays():
    """Bundled base, built-in -> boom: still a headset, but difference-between's "headphones"
    side is gone."""
    from expert import Expert

    diff = Expert().consult(Device(mic="builtin")).what_if(mic="boom")
    kind = next(d for d in diff.changed if d.attribute == "device.kind")
    assert kind.before.value == kind.after.value == "headset"
    assert "values considered: -headphones (0.40)" in kind.describe()
    assert "definitions.builtin-mic-may-be-headphones" in kind.rules_gone


def test_explanations_know_nothing_of_terminals(tiny_expert):
    """explanation.py imports no rich; rich draws an explanation through __rich__."""
    import io

    from rich.console import Console

    import expert.reasoning.how

    source = Path(expert.reasoning.how.__file__).read_text(encoding="utf-8")
    assert "import rich" not in source and "from rich" not in source
    how = tiny_expert.consult(Device(mic="boom")).how("device.kind")
    buffer = io.StringIO()
    Console(file=buffer, width=200, no_color=True).print(how)
    assert buffer.getvalue().rstrip("\n") == how.to_text()


def test_a_tie_says_how_it_was_settled():
    """A cheap device for the short term and a premium one for sound quality are a tie (kania,
    `can` both): how says it was settled by vocabulary order, not on certainty. A boom-mic
    headset's sound quality (kania's definite mid-range over difference-between's `usually`
    high) is settled on certainty."""
    from expert import Expert

    expert = Expert()
    result = expert.consult(Needs(term="short-term", priorities=["sound-quality"]))
    conflict = next(c for c in result.conflicts if c.attribute == "recommendation.tier")
    assert conflict.settled_by == "vocabulary order"
    assert "settled by vocabulary order" in result.how("recommendation.tier").to_text()
    result = expert.consult(Device(mic="boom"))
    for attribute in ("device.sound_quality", "device.comfort"):
        conflict = next(c for c in result.conflicts if c.attribute == attribute)
        assert conflict.settled_by == "certainty"
