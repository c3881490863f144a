"""Every public value a consultation gives shows as one short line (expert._support.short_repr)."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import devices, needs

from expert import Device, Expert, Needs
from expert._support.short_repr import LIMIT, fit, shown
from expert.api.expert import Result

ROOT = Path(__file__).resolve().parents[2]

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def expert() -> Expert:
    """An expert on the bundled base."""
    return Expert()


def _random_facts(seed: int) -> tuple[Device, Needs]:
    """The benchmark's seeded facts (benchmarks/inputs.py)."""
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.inputs import random_facts
    finally:
        sys.path.remove(str(ROOT))
    return random_facts(random.Random(seed))


def values_of(result: Result, *, costly: bool = False) -> Iterator[Any]:
    """Every public value of a result and of its explanations (``costly``: what if and how
    to, which consult again)."""
    yield result
    yield result.report()
    yield result.report(full=True)
    answer = result.answer
    yield answer
    yield from (answer.goal, answer.by) if answer.goal is not None else ()
    yield from answer.because
    yield from result.firings
    yield from result.notes
    yield from result.conflicts
    yield from result.report().lines()
    for verdict in result.verdicts:
        yield verdict
        yield from verdict.members
        how = result.how(verdict.attribute)
        yield how
        yield from how.lines()
        for proof in how.proofs + how.rivals:
            yield proof
            yield from proof.steps
    attribute = result.knowledge.attributes["device.kind"]
    for value in attribute.values:
        why_not = result.why_not("device.kind", value)
        yield why_not
        yield from why_not.candidates
    if costly and result.facts:
        name = next(iter(result.facts))
        difference = result.what_if({name: None})
        yield difference
        yield from difference.differences
        how_to = result.how_to("assessment.fit", "poor")
        yield how_to
        for option in how_to.options:
            yield option
            yield from option.changes


def assert_short(value: Any) -> None:
    """One line, fewer than 120 characters."""
    shown = repr(value)
    assert "\n" not in shown, shown
    assert len(shown) < 120, shown


@given(device=devices, needs_=needs)
@SETTINGS
def test_every_value_of_any_consultation_has_a_short_repr(expert, device, needs_):
    """For any facts, every value of the result and its explanations is one line under 120."""
    for value in values_of(expert.consult(device, needs_)):
        assert_short(value)


@pytest.mark.parametrize("seed", range(12))
def test_the_benchmark_consultations_and_their_what_ifs_have_short_reprs(expert, seed):
    """The benchmark's random facts, with what if and how to: every repr is short."""
    for value in values_of(expert.consult(*_random_facts(seed)), costly=True):
        assert_short(value)


@given(text=st.text(max_size=300))
@settings(max_examples=40, deadline=None, derandomize=True)
def test_any_question_read_has_a_short_repr(expert, text):
    """Whatever is typed, its reading and the result's repr are one short line."""
    result = expert.ask(text) if text.strip() else expert.consult({})
    assert_short(result)
    if result.question is not None:
        assert_short(result.question)


def test_a_guided_consultation_has_short_reprs(expert):
    """The guide, its questions and what was asked."""
    guide = expert.guide({"device.mic": "inline"})
    assert_short(guide)
    question = guide.next_question()
    assert_short(question)
    guide.answer("calls")
    guide.next_question()
    guide.skip()
    for value in (guide, *guide.asked, expert.knowledge, *expert.knowledge.rules):
        assert_short(value)


def test_exact_reprs(expert):
    """A few reprs as they read."""
    result = expert.consult(Device(mic="boom"), Needs(uses=frozenset({"online-gaming", "calls"})))
    kind = result.verdict("device.kind")
    assert repr(kind) == "Verdict(device.kind='headset', 1.00)"
    assert repr(kind.because[0]) == (
        "Firing(definitions.boom-mic-means-headset, 1.00 -> device.kind='headset')"
    )
    suited = result.verdict("device.suited_for")
    assert repr(suited) == (
        "Verdict(device.suited_for=('gaming', 'calls', 'conferencing', 'professional-use', "
        "...), 1.00)"
    )
    assert repr(suited.members[1]) == "Member('calls', 1.00)"
    assert repr(result.conflicts[0]) == (
        "Conflict(device.sound_quality: 'mid-range' 1.00 vs 'high' 0.80)"
    )
    assert repr(result.answer) == "Answer(assessment.fit='good', 1.00)"
    assert repr(result.report()) == "Report(assessment.fit='good', 1.00)"
    assert repr(result.how("device.kind")) == "How(device.kind='headset', 1.00, 3 steps)"
    assert repr(result.why_not("device.kind", "headphones")) == (
        "WhyNot(device.kind='headphones': not concluded, 4 rules)"
    )
    assert repr(result.what_if(mic="none")) == (
        "Difference(device.mic='none': 2 gained, 4 lost, 8 changed)"
    )
    assert repr(result.how_to("assessment.fit", "poor")) == (
        "HowTo(assessment.fit='poor': 4 options)"
    )
    assert repr(result) == (
        "<Result of device.mic='boom', needs.uses=('calls', 'online-gaming'): 15 verdicts, "
        "3 conflicts, 19 notes>"
    )
    stated = expert.consult({"device.type": "headphones", "device.mic": "boom"})
    assert repr(stated.conflicts[0]) == (
        "Conflict(device.kind: 'headphones' stated by device.type vs 'headset' 1.00)"
    )
    assert repr(expert.ask("do I need a headset for online games?").question) == (
        "Reading('do I need a headset for online games?': 2 facts, asks recommendation.kind)"
    )


def test_a_long_value_is_cut_with_an_ellipsis():
    """A long string or tuple is cut inside its brackets; the whole repr never passes 119."""
    assert shown("x" * 100, 12) == "'xxxxxxx...'"
    assert shown(("wireless", "bluetooth", "noise-cancelling"), 20) == "('wireless', ...)"
    assert shown(frozenset({"b", "a"})) == "('a', 'b')"
    assert len(fit("Note(" + "a" * 300 + ")")) == LIMIT
    assert fit("Note(" + "a" * 300 + ")").endswith("...)")


def test_equality_and_hashing_are_unchanged(expert):
    """The reprs are the classes' own; equality and hashing are still attrs' by field."""
    one = expert.consult(Device(mic="boom"))
    two = Expert(cache_size=0).consult(Device(mic="boom"))
    assert one.verdicts == two.verdicts and one.conflicts == two.conflicts
    assert one.firings == two.firings and hash(one.firings) == hash(two.firings)
    assert {one.answer.goal, two.answer.goal} == {one.answer.goal}
    verdict = one.verdict("device.kind")
    assert attrs.evolve(verdict, certainty=0.5) != verdict


def test_the_vocabulary_and_the_words_of_questions_have_short_reprs():
    knowledge = Expert().knowledge
    assert repr(knowledge.attributes["device.mic"]) == (
        "Attribute(device.mic: choice of ('none', 'inline', 'boom', 'builtin', 'external'))"
    )
    assert repr(knowledge.attributes["needs.budget"]) == "Attribute(needs.budget: amount)"
    assert repr(knowledge.phrasing) == "Phrasing(words for 30 inputs, 31 kinds of question)"
    for value in [*knowledge.attributes.values(), *knowledge.phrasing.questions]:
        text = repr(value)
        assert len(text) < 120 and "\n" not in text, text
