"""Properties that hold for every valid combination of facts (hypothesis)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import devices, needs, profiles

from expert import Expert, Result
from expert.inference.verdicts import build_result

EXAMPLES = 150

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def expert() -> Expert:
    """An uncached expert on the bundled base, so every example really runs."""
    return Expert(cache_size=0)


@pytest.fixture(scope="module")
def other() -> Expert:
    """A second, independent expert, to show results do not depend on the instance."""
    return Expert(cache_size=0)


@pytest.fixture(scope="module")
def guiding() -> Expert:
    """An expert with a cache, for the many consultations of a guided one."""
    return Expert()


SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(device=devices, needs=needs)
def test_a_consultation_settles_with_one_verdict_per_attribute(expert, device, needs):
    """Any facts: the run settles, each attribute has at most one verdict, cf in [-1, 1]."""
    result = expert.consult(device, needs)
    attributes = [verdict.attribute for verdict in result.verdicts]
    assert len(attributes) == len(set(attributes))
    for verdict in result.verdicts:
        assert -1.0 <= verdict.certainty <= 1.0
    assert all(-1.0 <= cf <= 1.0 for cf in result.certainties.values())
    for conflict in result.conflicts:
        if conflict.stated and conflict.attribute not in result:
            continue  # a stated value that is none of the attribute's: none of them holds
        held = result.verdict(conflict.attribute).value
        if not conflict.against:
            assert conflict.winner == held
            continue
        # Opposed values: the winner is a member, the loser is not one of its own attribute.
        assert conflict.winner in held
        lost = conflict.sides[1][0]
        assert conflict.against not in result or lost not in result.verdict(conflict.against).value


@SETTINGS
@given(device=devices, needs=needs)
def test_every_quote_given_as_a_reason_is_in_its_article(expert, device, needs):
    """Whatever is concluded, its reasons quote their articles verbatim."""
    result = expert.consult(device, needs)
    sources = expert.knowledge.sources
    for verdict in result.verdicts:
        for firing in verdict.because:
            rule = expert.knowledge.rule(firing.rule)
            assert all(sources[firing.source].contains(quote) for quote in rule.quotes)


@SETTINGS
@given(device=devices, needs=needs)
def test_results_are_deterministic_across_experts(expert, other, device, needs):
    """Two experts, same facts: the same verdicts and the same explanations."""
    first, second = expert.consult(device, needs), other.consult(device, needs)
    assert first.to_dict() == second.to_dict()
    for verdict in first.verdicts:
        assert first.how(verdict.attribute).to_text() == second.how(verdict.attribute).to_text()


@SETTINGS
@given(device=devices, needs=needs)
def test_the_order_of_declaration_does_not_matter(expert, device, needs):
    """Declaring the stated facts in a shuffled order gives the same result."""
    stated = {**device.known(), **needs.known()}
    runner = expert._runner()
    expected = build_result(expert.compiled, stated, runner.run(stated), make=Result).to_dict()
    names = list(stated)
    random.Random(len(names)).shuffle(names)
    shuffled = {name: stated[name] for name in names}
    assert (
        build_result(expert.compiled, shuffled, runner.run(shuffled), make=Result).to_dict()
        == expected
    )


@pytest.mark.slow
@SETTINGS
@given(device=devices, needs=needs)
def test_running_again_only_where_it_could_change_gives_the_same_verdicts(
    expert, device, needs, monkeypatch
):
    """A run is repeated with what counts for nothing kept out only where a rule with an
    `absent` or `not` condition could then fire: always repeating gives the same verdicts,
    conflicts and notes."""
    import expert.api.expert as engine

    shortcut = expert.consult(device, needs).to_dict()
    with monkeypatch.context() as patched:
        patched.setattr(engine, "could_change", lambda *args: True)
        always = Expert(cache_size=0).consult(device, needs).to_dict()
    assert shortcut == always


#: Fewer examples: each one drives a whole guided consultation, then tries every value of
#: every input it did not ask about.
GUIDE_SETTINGS = settings(SETTINGS, max_examples=25)


def _goal_verdict(result, attribute: str) -> tuple:
    """What a guided consultation must not miss: the goal's value, certainty and members."""
    if attribute not in result:
        return ()
    verdict = result.verdict(attribute)
    members = tuple((m.value, round(m.certainty, 9)) for m in verdict.members)
    return verdict.value, round(verdict.certainty, 9), members


def _values_to_try(knowledge, name: str, spec) -> list:
    """Every value of a choice or flag; each member and all of a set; for an amount, each
    threshold a rule compares it with, and either side of it."""
    if spec.kind == "flag":
        return [True, False]
    if spec.kind == "choice":
        return list(spec.values)
    if spec.kind == "set":
        return [frozenset({value}) for value in spec.values] + [frozenset(spec.values)]
    numbers = {0.0, 1e6}
    for rule in knowledge.rules:
        for condition in rule.conditions:
            if condition.attribute == name and condition.op in ("lt", "le", "gt", "ge"):
                threshold = float(condition.operand)
                numbers |= {max(threshold + step, 0.0) for step in (-1, -0.5, 0, 0.5, 1)}
    return sorted(numbers)


@pytest.mark.slow
@GUIDE_SETTINGS
@given(device=devices, needs=needs, profile=profiles)
def test_a_guided_consultation_asks_every_question_that_could_change_the_answer(
    guiding, device, needs, profile
):
    """Answered from a full profile until it has no question left, a guided consultation
    has left no input whose value (any one, or none) would change the goal's verdict: its
    value, its members or a certainty."""
    start = {**device.known(), **needs.known()}
    guide = guiding.guide(start)
    while (question := guide.next_question()) is not None:
        guide.answer(profile[question.name])
    goal = guide.goal
    if goal is None:
        return
    final = _goal_verdict(guide.result, goal.attribute)
    knowledge = guiding.knowledge
    for name, spec in knowledge.inputs.items():
        if name in guide.facts:
            continue
        for value in _values_to_try(knowledge, name, spec):
            changed = guiding.consult({**guide.facts, name: value})
            assert _goal_verdict(changed, goal.attribute) == final, (name, value)
