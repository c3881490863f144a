"""Steps of the explanation facility (how, why not, what if) and of conflicts between articles."""

from __future__ import annotations

import re

from phrases import attribute, device_facts, needs_facts, normalize_quote, value
from pytest_bdd import parsers, then, when
from steps import consult
from steps_then import SURE, meets, source_tagged
from tracking import note_fired

#: Any concluded attribute in a person's words, including ``the device`` (its kind).
ANY_ATTR = (
    r"(?P<attr>the device(?:'s [\w ]+?)?|the recommended [\w ]+?|the recommendation|the advice)"
)


# -- how -------------------------------------------------------------------------------------


@when(parsers.re(r"I ask how the expert concluded (?P<attr>.+)"))
def _(consultation, expert, request, attr):
    name = attribute(attr, expert.knowledge)
    consultation.answer = consult(consultation, expert, request).how(name)


@then(parsers.re(r"the answer quotes \"(?P<quote>.+)\""))
def _(consultation, quote):
    text = normalize_quote(consultation.answer.to_text())
    assert normalize_quote(quote) in text, f"the answer does not quote {quote!r}:\n{text}"


@then(parsers.re(r"the answer cites \"(?P<citation>.+)\""))
def _(consultation, citation):
    text = consultation.answer.to_text()
    assert citation in text, f"the answer does not cite {citation!r}:\n{text}"


@then(
    parsers.re(
        r"the answer rests on my statement that the (?P<group>device|user)'s (?P<name>\w+) is (?P<word>.+)"
    )
)
def _(consultation, group, name, word):
    prefix = "device" if group == "device" else "needs"
    stated = f"{prefix}.{name} = {word} (you said so)"
    text = consultation.answer.to_text()
    assert stated in text, f"the answer does not rest on {stated!r}:\n{text}"


@then(parsers.re(r"the answer says the articles disagree and (?P<word>[\w.-]+) wins"))
def _(consultation, expert, word):
    how = consultation.answer
    assert how.conflict, f"the answer reports no disagreement on {how.verdict.attribute}"
    assert how.conflict.winner == value(how.verdict.attribute, word, expert.knowledge), (
        f"{how.conflict.winner} wins, not {word}"
    )
    assert "conflict: the articles disagree" in how.to_text()


# -- why not ---------------------------------------------------------------------------------


@when(parsers.re(r"I ask why " + ANY_ATTR + r" (?:is|are) not (?P<word>[\w.-]+)"))
def _(consultation, expert, request, attr, word):
    name = attribute(attr, expert.knowledge)
    wanted = value(name, word, expert.knowledge)
    consultation.answer = consult(consultation, expert, request).why_not(name, wanted)


STATUS = {
    "it holds": "holds",
    "it was outweighed": "outweighed",
    "it was not concluded": "not concluded",
    "no rule concludes it": "no rule",
}


@then(parsers.re(r"the answer is that (?P<status>" + "|".join(STATUS) + ")"))
def _(consultation, status):
    answer = consultation.answer
    assert answer.status == STATUS[status], f"the answer is {answer.status!r}:\n{answer}"


def candidate(consultation, quote: str):
    """The rule (that could conclude the value asked about) quoting ``quote``."""
    wanted = normalize_quote(quote)
    found = [c for c in consultation.answer.candidates if wanted in normalize_quote(c.rule.quote)]
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
def _(consultation, quote, why):
    found = candidate(consultation, quote)
    assert not found.fired, f"{found.rule.id} fired"
    reason = fact_words(why.strip('"'))
    assert any(reason in failed for failed in found.failed), (
        f"{found.rule.id} failed because: {'; '.join(found.failed)}; not {reason!r}"
    )


@then(parsers.re(r"the rule quoting \"(?P<quote>.+)\" fired for it"))
def _(consultation, quote):
    found = candidate(consultation, quote)
    assert found.fired and found.certainty > 0, f"{found.rule.id} did not count for it"


# -- what if ---------------------------------------------------------------------------------


def what_if(consultation, expert, request, changes) -> None:
    result = consult(consultation, expert, request)
    consultation.answer = result.what_if(**changes)
    note_fired(request.node, consultation.answer.after.fired_rules)


@when(parsers.re(r"I ask what would change if the device (?P<phrase>.+)"))
def _(consultation, expert, request, phrase):
    phrase = re.sub(r"^had ", "has ", re.sub(r"^were ", "is ", phrase))
    what_if(consultation, expert, request, device_facts(phrase))


@when(parsers.re(r"I ask what would change if the user also (?P<phrase>.+)"))
def _(consultation, expert, request, phrase):
    changes = needs_facts(phrase)
    for name, new in changes.items():
        if isinstance(new, set):
            changes[name] = set(consultation.needs.get(name, ())) | new
    what_if(consultation, expert, request, changes)


def change(consultation, expert, attr: str, kind: str):
    """The difference of ``kind`` on the attribute named ``attr``."""
    name = attribute(attr, expert.knowledge)
    found = [d for d in consultation.answer.differences if d.attribute == name]
    assert found, f"{name} does not change:\n{consultation.answer}"
    assert found[0].kind == kind, f"{name} is {found[0].kind}:\n{consultation.answer}"
    consultation.change = found[0]
    return name, found[0]


def shown(verdict) -> tuple:
    return verdict.value if isinstance(verdict.value, tuple) else (verdict.value,)


@then(parsers.re(ANY_ATTR + r" changes from (?P<before>[\w.-]+) to (?P<after>[\w.-]+)"))
def _(consultation, expert, attr, before, after):
    name, found = change(consultation, expert, attr, "changed")
    assert shown(found.before) == (value(name, before, expert.knowledge),), found.describe()
    assert shown(found.after) == (value(name, after, expert.knowledge),), found.describe()


@then(
    parsers.re(
        r"the expert now also concludes " + ANY_ATTR + r" (?:is|includes?) (?P<word>[\w.-]+)"
    )
)
def _(consultation, expert, attr, word):
    name, found = change(consultation, expert, attr, "gained")
    assert value(name, word, expert.knowledge) in shown(found.after), found.describe()


@then(parsers.re(r"the expert no longer concludes anything about " + ANY_ATTR))
def _(consultation, expert, attr):
    change(consultation, expert, attr, "lost")


@then(parsers.re(r"the change is explained by the rule quoting \"(?P<quote>.+)\""))
def _(consultation, expert, request, quote):
    rules = [
        expert.knowledge.rule(rule_id)
        for rule_id in (*consultation.change.rules, *consultation.change.rules_gone)
    ]
    wanted = normalize_quote(quote)
    matching = [rule for rule in rules if wanted in normalize_quote(rule.quote)]
    assert matching, f"the change is explained by {', '.join(r.id for r in rules)}, not that quote"
    source_tagged(request, matching)


@then("nothing else changes")
def _(consultation):
    others = [d for d in consultation.answer.differences if d is not consultation.change]
    assert not others, f"more changes:\n{consultation.answer}"


# -- conflicts -------------------------------------------------------------------------------


@then(parsers.re(r"the articles disagree on " + ANY_ATTR))
def _(consultation, expert, request, attr):
    name = attribute(attr, expert.knowledge)
    result = consult(consultation, expert, request)
    found = [c for c in result.conflicts if c.attribute == name]
    assert found, f"no disagreement on {name}; concluded: {result.certainties}"
    consultation.focus = (name, ())
    consultation.answer = found[0]


@then(parsers.re(r"the articles agree on " + ANY_ATTR))
def _(consultation, expert, request, attr):
    name = attribute(attr, expert.knowledge)
    result = consult(consultation, expert, request)
    assert name in result, f"nothing was concluded on {name}"
    disputes = [c for c in result.conflicts if c.attribute == name]
    assert not disputes, f"the articles disagree on {name}: {disputes[0].to_dict()}"


@then(
    parsers.re(
        r"(?:one|the other|a third) side says (?P<word>[\w.-]+),? quoting \"(?P<quote>.+)\""
    )
)
def _(consultation, expert, request, word, quote):
    conflict = consultation.answer
    wanted = value(conflict.attribute, word, expert.knowledge)
    sides = {side: firings for side, _, firings in conflict.sides}
    assert wanted in sides, f"no side says {wanted}; the sides: {', '.join(sides)}"
    firings = [f for f in sides[wanted] if normalize_quote(quote) in normalize_quote(f.quote)]
    assert firings, f"the side of {wanted} quotes: {[f.quote for f in sides[wanted]]}"
    source_tagged(request, firings)


@then(parsers.re(r"(?P<word>[\w.-]+) wins" + SURE))
def _(consultation, expert, word, how_sure):
    conflict = consultation.answer
    wanted = value(conflict.attribute, word, expert.knowledge)
    assert conflict.winner == wanted, f"{conflict.winner} wins, not {wanted}"
    verdict = consultation.result.verdict(conflict.attribute)
    assert verdict.value == wanted, f"the verdict is {verdict.value}"
    meets(how_sure, verdict.certainty, f"{conflict.attribute} = {wanted}")
