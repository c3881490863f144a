"""Steps in a person's words for the bundled headphones base, an extension of the generic ones.

``Given a device with a boom microphone``, ``And the user plays online games``, ``Then the
device is a headset with certainty at least 0.8``, ``And the explanation quotes "..."``,
*how*, *why not* and *what if* questions, and the articles' disagreements. The project's own
``features/`` use them; enable them with ``-p expert.headphones.steps`` (in ``addopts``). They
share the ``consultation`` of the generic steps (:mod:`expert.specs.steps`), so both kinds
mix in one scenario; :mod:`expert.headphones.phrases` holds the words they understand.

``the explanation quotes "..."`` also checks that the scenario is tagged
``@source-<key>`` with the article of the rule quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pytest_bdd import given, parsers, then, when

from .._support.short_repr import cf
from ..model.rules import normalise_text
from ..model.vocabulary import values_of
from ..specs.plugin import Consultation, note_fired
from ..specs.steps import SURE, meets, reasons
from .phrases import attribute, device_facts, needs_facts, value

#: A concluded attribute in a person's words (``the device's sound quality``).
ATTR = r"(?P<attr>the device's [\w ]+?|the recommended [\w ]+?|the advice)"
#: Any concluded attribute in a person's words, including ``the device`` (its kind).
ANY_ATTR = (
    r"(?P<attr>the device(?:'s [\w ]+?)?|the recommended [\w ]+?|the recommendation|the advice)"
)


def _named(group: str, facts: dict[str, Any]) -> dict[str, Any]:
    return {f"{group}.{name}": value for name, value in facts.items()}


# -- Given -----------------------------------------------------------------------------------


@given(parsers.re(r"an? device (?P<phrase>.+)"))
@given(parsers.re(r"the device (?P<phrase>.+)"))
def _(consultation: Consultation, phrase: str) -> None:
    consultation.state(_named("device", device_facts(phrase)))


@given(parsers.re(r"the user (?P<phrase>.+)"))
def _(consultation: Consultation, phrase: str) -> None:
    consultation.state(_named("needs", needs_facts(phrase)), accumulate=True)


@given(parsers.re(r"the device's (?P<name>\w+) is \"(?P<text>[^\"]*)\""))
def _(consultation: Consultation, name: str, text: str) -> None:
    knowledge = consultation.expert.knowledge
    consultation.state(knowledge.state({f"device.{name}": text}, strings=True))


@given(parsers.re(r"the user's (?P<name>\w+) (?:is|are) \"(?P<text>[^\"]*)\""))
def _(consultation: Consultation, name: str, text: str) -> None:
    knowledge = consultation.expert.knowledge
    consultation.state(knowledge.state({f"needs.{name}": text}, strings=True), accumulate=True)


# -- Then: verdicts --------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """``a, b and c`` -> ``[a, b, c]``."""
    return [word for word in re.split(r",\s*|\s+and\s+", text.strip()) if word]


def holds(consultation: Consultation, name: str, word: str, how_sure: str) -> None:
    """Assert the verdict on one-valued ``name`` is ``word``, as sure as said."""
    knowledge = consultation.expert.knowledge
    result = consultation.consult()
    wanted = value(name, word, knowledge)
    if knowledge.attributes[name].multi:
        raise AssertionError(f"{name} holds several values: say 'include', not 'is'")
    assert name in result, f"{name} is not concluded"
    verdict = result.verdict(name)
    assert verdict.value == wanted, (
        f"{name} is {verdict.value} ({cf(verdict.certainty)}), not {wanted}; "
        f"concluded: {reasons(result, name)}"
    )
    meets(how_sure, verdict.certainty, f"{name} = {wanted}")
    consultation.focus = (name, (wanted,))


def includes(consultation: Consultation, name: str, text: str, how_sure: str) -> None:
    """Assert the multi-valued ``name`` holds every value in ``text``, as sure as said."""
    knowledge = consultation.expert.knowledge
    result = consultation.consult()
    wanted = tuple(value(name, word, knowledge) for word in words(text))
    found = values_of(result.verdict(name).value) if name in result else ()
    for each in wanted:
        assert each in found, f"{name} holds {', '.join(map(str, found)) or 'nothing'}, not {each}"
        meets(how_sure, result.certainty(name, each), f"{name} includes {each}")
    consultation.focus = (name, wanted)


@then(parsers.re(r"the device is (?:an? )?(?P<word>headset|headphones)" + SURE))
def _(consultation: Consultation, word: str, how_sure: str) -> None:
    holds(consultation, "device.kind", word, how_sure)


@then(parsers.re(r"the expert recommends (?:an? )?(?P<word>headset|headphones)" + SURE))
def _(consultation: Consultation, word: str, how_sure: str) -> None:
    holds(consultation, "recommendation.kind", word, how_sure)


@then(parsers.re(ATTR + r" is (?!not )(?P<word>[\w.-]+)" + SURE))
def _(consultation: Consultation, attr: str, word: str, how_sure: str) -> None:
    holds(consultation, attribute(attr, consultation.expert.knowledge), word, how_sure)


@then(parsers.re(ATTR + r"(?<! not) (?:includes?|are) (?P<text>.+?)" + SURE))
def _(consultation: Consultation, attr: str, text: str, how_sure: str) -> None:
    includes(consultation, attribute(attr, consultation.expert.knowledge), text, how_sure)


@then(parsers.re(r"the device is suited for (?P<text>.+?)" + SURE))
def _(consultation: Consultation, text: str, how_sure: str) -> None:
    includes(consultation, "device.suited_for", text, how_sure)


# The attribute in words has no dot: ``device.kind is not ...`` is a generic step.
@then(parsers.re(r"(?P<attr>[^.]+?) (?:is not|do not include|does not include) (?P<word>[\w.-]+)"))
@then(parsers.re(r"(?P<attr>the device) is not (?:an? )?(?P<word>headset|headphones)"))
@then(parsers.re(r"(?P<attr>the device) is not suited for (?P<word>[\w.-]+)"))
def _(consultation: Consultation, attr: str, word: str) -> None:
    knowledge = consultation.expert.knowledge
    if attr == "the device" and word not in ("headset", "headphones"):
        attr = "what the device is suited for"
    name = attribute(attr, knowledge)
    result = consultation.consult()
    wanted = value(name, word, knowledge)
    if name in result:
        found = values_of(result.verdict(name).value)
        assert wanted not in found, f"{name} is {wanted}; concluded: {reasons(result, name)}"


@then(parsers.re(r"the expert does not recommend (?:an? )?(?P<word>headset|headphones)"))
def _(consultation: Consultation, word: str) -> None:
    result = consultation.consult()
    if "recommendation.kind" in result:
        verdict = result.verdict("recommendation.kind")
        assert verdict.value != word, f"it recommends {word}: {reasons(result, verdict.attribute)}"


@then(parsers.re(r"nothing is concluded about (?P<attr>.+)"))
def _(consultation: Consultation, attr: str) -> None:
    name = attribute(attr, consultation.expert.knowledge)
    result = consultation.consult()
    assert name not in result, f"{name} was concluded: {reasons(result, name)}"


def source_tagged(consultation: Consultation, firings: Iterable[Any]) -> None:
    """Assert the scenario is tagged with the article of at least one of ``firings``."""
    marks = consultation.node.iter_markers() if consultation.node is not None else ()
    tags = {mark.name for mark in marks if mark.name.startswith("source-")}
    sources = sorted({firing.source for firing in firings})
    assert any(f"source-{source}" in tags for source in sources), (
        f"the quote is from {', '.join(sources)}, but the scenario is tagged "
        f"{', '.join(sorted(tags)) or 'with no source'}: add @source-{sources[0]}"
    )


def quoted(consultation: Consultation, quote: str, against: bool) -> None:
    """Assert a rule quoting ``quote`` concluded the verdict spoken of (or spoke against it)."""
    assert consultation.focus, "say what was concluded before what the explanation quotes"
    name, values = consultation.focus
    wanted = normalise_text(quote)
    firings = [f for f in consultation.consult().firings if wanted in normalise_text(f.quote)]
    assert firings, f"no rule that fired quotes {quote!r}"
    support = [f for f in firings if all((name, each) in f.conclusions for each in values)]
    assert support, (
        f"the rules quoting it ({', '.join(f.rule for f in firings)}) concluded "
        f"{[f.conclusions for f in firings]}, not {name} = {', '.join(values)}"
    )
    counted = [f for f in support if (f.certainty < 0 if against else f.certainty > 0)]
    assert counted, (
        f"{', '.join(f.rule for f in support)} counts {[f.certainty for f in support]}: "
        f"{'not against' if against else 'not for'} {name} = {', '.join(values)}"
    )
    source_tagged(consultation, counted)


@then(parsers.re(r"the explanation quotes \"(?P<quote>.+)\""))
def _(consultation: Consultation, quote: str) -> None:
    quoted(consultation, quote, against=False)


@then(parsers.re(r"the explanation quotes against it \"(?P<quote>.+)\""))
def _(consultation: Consultation, quote: str) -> None:
    quoted(consultation, quote, against=True)


# -- how -------------------------------------------------------------------------------------


@when(parsers.re(r"I ask how the expert concluded (?P<attr>.+)"))
def _(consultation: Consultation, attr: str) -> None:
    name = attribute(attr, consultation.expert.knowledge)
    consultation.answer = consultation.consult().how(name)


@then(parsers.re(r"the answer quotes \"(?P<quote>.+)\""))
def _(consultation: Consultation, quote: str) -> None:
    text = normalise_text(consultation.answer.to_text())
    assert normalise_text(quote) in text, f"the answer does not quote {quote!r}:\n{text}"


@then(parsers.re(r"the answer cites \"(?P<citation>.+)\""))
def _(consultation: Consultation, citation: str) -> None:
    text = consultation.answer.to_text()
    assert citation in text, f"the answer does not cite {citation!r}:\n{text}"


@then(
    parsers.re(
        r"the answer rests on my statement that the (?P<group>device|user)'s (?P<name>\w+) is (?P<word>.+)"
    )
)
def _(consultation: Consultation, group: str, name: str, word: str) -> None:
    prefix = "device" if group == "device" else "needs"
    stated = f"{prefix}.{name} = {word} (you said so)"
    text = consultation.answer.to_text()
    assert stated in text, f"the answer does not rest on {stated!r}:\n{text}"


@then(parsers.re(r"the answer says the articles disagree and (?P<word>[\w.-]+) wins"))
def _(consultation: Consultation, word: str) -> None:
    how = consultation.answer
    assert how.conflict, f"the answer reports no disagreement on {how.verdict.attribute}"
    assert how.conflict.winner == value(
        how.verdict.attribute, word, consultation.expert.knowledge
    ), f"{how.conflict.winner} wins, not {word}"
    assert "conflict: the articles disagree" in how.to_text()


# -- why not ---------------------------------------------------------------------------------


@when(parsers.re(r"I ask why " + ANY_ATTR + r" (?:is|are) not (?P<word>[\w.-]+)"))
def _(consultation: Consultation, attr: str, word: str) -> None:
    knowledge = consultation.expert.knowledge
    name = attribute(attr, knowledge)
    wanted = value(name, word, knowledge)
    consultation.answer = consultation.consult().why_not(name, wanted)


STATUS = {
    "it holds": "holds",
    "it was outweighed": "outweighed",
    "it was not concluded": "not concluded",
    "no rule concludes it": "no rule",
}


@then(parsers.re(r"the answer is that (?P<status>" + "|".join(STATUS) + ")"))
def _(consultation: Consultation, status: str) -> None:
    answer = consultation.answer
    assert answer.status == STATUS[status], f"the answer is {answer.status!r}:\n{answer}"


def candidate(consultation: Consultation, quote: str) -> Any:
    """The rule (that could conclude the value asked about) quoting ``quote``."""
    wanted = normalise_text(quote)
    found = [c for c in consultation.answer.candidates if wanted in normalise_text(c.rule.quote)]
    assert found, f"no rule quoting {quote!r} could conclude it:\n{consultation.answer}"
    return found[0]


def fact_words(text: str) -> str:
    """``the device's mic is boom`` -> ``device.mic is boom`` (as the answer words it)."""
    return re.sub(
        r"the (device|user)'s (\w+)",
        lambda m: f"{'device' if m[1] == 'device' else 'needs'}.{m[2]}",
        text,
    )


@then(parsers.re(r"the rule quoting \"(?P<quote>.+)\" did not fire because (?P<why>.+)"))
def _(consultation: Consultation, quote: str, why: str) -> None:
    found = candidate(consultation, quote)
    assert not found.fired, f"{found.rule.id} fired"
    reason = fact_words(why.strip('"'))
    assert any(reason in failed for failed in found.failed), (
        f"{found.rule.id} failed because: {'; '.join(found.failed)}; not {reason!r}"
    )


@then(parsers.re(r"the rule quoting \"(?P<quote>.+)\" fired for it"))
def _(consultation: Consultation, quote: str) -> None:
    found = candidate(consultation, quote)
    assert found.fired and found.certainty > 0, f"{found.rule.id} did not count for it"


# -- what if ---------------------------------------------------------------------------------


def what_if(consultation: Consultation, changes: dict[str, Any]) -> None:
    consultation.answer = consultation.consult().what_if(changes)
    note_fired(consultation.node, consultation.answer.after)


@when(parsers.re(r"I ask what would change if the device (?P<phrase>.+)"))
def _(consultation: Consultation, phrase: str) -> None:
    phrase = re.sub(r"^had ", "has ", re.sub(r"^were ", "is ", phrase))
    what_if(consultation, _named("device", device_facts(phrase)))


@when(parsers.re(r"I ask what would change if the user also (?P<phrase>.+)"))
def _(consultation: Consultation, phrase: str) -> None:
    changes = _named("needs", needs_facts(phrase))
    for name, new in changes.items():
        if isinstance(new, set):
            changes[name] = set(consultation.facts.get(name, ())) | new
    what_if(consultation, changes)


def change(consultation: Consultation, attr: str, kind: str) -> tuple[str, Any]:
    """The difference of ``kind`` on the attribute named ``attr``."""
    name = attribute(attr, consultation.expert.knowledge)
    found = [d for d in consultation.answer.differences if d.attribute == name]
    assert found, f"{name} does not change:\n{consultation.answer}"
    assert found[0].kind == kind, f"{name} is {found[0].kind}:\n{consultation.answer}"
    consultation.change = found[0]
    return name, found[0]


def shown(verdict: Any) -> tuple[Any, ...]:
    return verdict.value if isinstance(verdict.value, tuple) else (verdict.value,)


@then(parsers.re(ANY_ATTR + r" changes from (?P<before>[\w.-]+) to (?P<after>[\w.-]+)"))
def _(consultation: Consultation, attr: str, before: str, after: str) -> None:
    knowledge = consultation.expert.knowledge
    name, found = change(consultation, attr, "changed")
    assert shown(found.before) == (value(name, before, knowledge),), found.describe()
    assert shown(found.after) == (value(name, after, knowledge),), found.describe()


@then(
    parsers.re(
        r"the expert now also concludes " + ANY_ATTR + r" (?:is|includes?) (?P<word>[\w.-]+)"
    )
)
def _(consultation: Consultation, attr: str, word: str) -> None:
    name, found = change(consultation, attr, "gained")
    assert value(name, word, consultation.expert.knowledge) in shown(found.after), found.describe()


@then(parsers.re(r"the expert no longer concludes anything about " + ANY_ATTR))
def _(consultation: Consultation, attr: str) -> None:
    change(consultation, attr, "lost")


@then(parsers.re(r"the change is explained by the rule quoting \"(?P<quote>.+)\""))
def _(consultation: Consultation, quote: str) -> None:
    knowledge = consultation.expert.knowledge
    rules = [
        knowledge.rule(rule_id)
        for rule_id in (*consultation.change.rules, *consultation.change.rules_gone)
    ]
    wanted = normalise_text(quote)
    matching = [rule for rule in rules if wanted in normalise_text(rule.quote)]
    assert matching, f"the change is explained by {', '.join(r.id for r in rules)}, not that quote"
    source_tagged(consultation, matching)


@then("nothing else changes")
def _(consultation: Consultation) -> None:
    others = [d for d in consultation.answer.differences if d is not consultation.change]
    assert not others, f"more changes:\n{consultation.answer}"


# -- conflicts -------------------------------------------------------------------------------


@then(parsers.re(r"the articles disagree on " + ANY_ATTR))
def _(consultation: Consultation, attr: str) -> None:
    name = attribute(attr, consultation.expert.knowledge)
    result = consultation.consult()
    found = [c for c in result.conflicts if c.attribute == name]
    assert found, f"no disagreement on {name}; concluded: {result.certainties}"
    consultation.focus = (name, ())
    consultation.answer = found[0]


@then(parsers.re(r"the articles agree on " + ANY_ATTR))
def _(consultation: Consultation, attr: str) -> None:
    name = attribute(attr, consultation.expert.knowledge)
    result = consultation.consult()
    assert name in result, f"nothing was concluded on {name}"
    disputes = [c for c in result.conflicts if c.attribute == name]
    assert not disputes, f"the articles disagree on {name}: {disputes[0].to_dict()}"


@then(
    parsers.re(
        r"(?:one|the other|a third) side says (?P<word>[\w.-]+),? quoting \"(?P<quote>.+)\""
    )
)
def _(consultation: Consultation, word: str, quote: str) -> None:
    conflict = consultation.answer
    wanted = value(conflict.attribute, word, consultation.expert.knowledge)
    sides = {side: firings for side, _, firings in conflict.sides}
    assert wanted in sides, f"no side says {wanted}; the sides: {', '.join(sides)}"
    firings = [f for f in sides[wanted] if normalise_text(quote) in normalise_text(f.quote)]
    assert firings, f"the side of {wanted} quotes: {[f.quote for f in sides[wanted]]}"
    source_tagged(consultation, firings)


@then(parsers.re(r"(?P<word>[\w.-]+) wins" + SURE))
def _(consultation: Consultation, word: str, how_sure: str) -> None:
    conflict = consultation.answer
    wanted = value(conflict.attribute, word, consultation.expert.knowledge)
    assert conflict.winner == wanted, f"{conflict.winner} wins, not {wanted}"
    verdict = consultation.consult().verdict(conflict.attribute)
    assert verdict.value == wanted, f"the verdict is {verdict.value}"
    meets(how_sure, verdict.certainty, f"{conflict.attribute} = {wanted}")
