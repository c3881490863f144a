"""The generic steps: facts and conclusions named by their full names in the vocabulary.

They work for any knowledge base (the plugin registers this module when pytest-bdd is
installed)::

    Given plant.kind is fern                      a choice; a flag: is true; an amount: is 80
    Given plant.signs includes drooping           a set: values accumulate (a, b and c)
    When I consult the expert
    Then care.spot is north-window                [with certainty [at least|at most] 0.8]
    Then care.tasks includes mist                 a set holds these (and maybe more)
    Then care.spot is not north-window            a set: does not include
    Then care.spot is not concluded
    Then the certainty of care.spot is at least 0.8     (at most, above, below, or exactly)
    Then care.spot cites houseplants              a source key of sources.toml
    Then there is a conflict on care.watering     (there is no conflict on ...)
    Then how care.spot mentions "north-facing"    the how explanation contains the words
    Then why care.spot is not shade mentions "..."    so does the why-not explanation
    Then there is a note on plants.light          a note attribute (there is no note on ...)
    Then a note on plants.light says bright       some note on it holds these values
    Then the notes quote "most ferns"             some note's quote contains the words
    Then the answer mentions "poor fit"           the report's answer and its reasons
    Then how to make care.spot north-window mentions "plant.light"     what it would take

A word the knowledge base does not know fails the step with a
:class:`~expert.errors.PhraseError` (or, for a stated value, a
:class:`~expert.errors.FactError`) naming the words it knows.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from pytest_bdd import given, parsers, then, when

from .._support.short_repr import cf
from ..api.expert import Result
from ..errors import ExplanationError, PhraseError, suggest
from ..headphones import BASE_NAME
from ..kb.load import bundled_path
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Note
from ..model.rules import normalise_text
from ..model.vocabulary import Attribute, show_value
from .plugin import Consultation

#: A full attribute name: ``group.name``.
NAME = r"(?P<name>[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*)"
#: How sure: `` with certainty 1.0``, `` with certainty at least 0.8``, or nothing.
SURE = r"(?P<how_sure>(?: with certainty .+)?)"
#: A comparison and a number: ``at least 0.8``, ``0.4``.
BOUND = r"(?P<compare>(?:(?:at least|at most|above|below) )?)(?P<bound>-?\d+(?:\.\d+)?)"
COMPARE = {
    "": lambda cf, bound: abs(cf - bound) < 0.005,
    "at least": lambda cf, bound: cf >= bound - 1e-9,
    "at most": lambda cf, bound: cf <= bound + 1e-9,
    "above": lambda cf, bound: cf > bound,
    "below": lambda cf, bound: cf < bound,
}


# -- words -> the vocabulary ------------------------------------------------------------------


def unquote(text: str) -> str:
    """``"fern"`` -> ``fern``: a value may be written in double quotes."""
    text = text.strip()
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == '"' else text


def base_name(knowledge: KnowledgeBase) -> str:
    """Which base is loaded, in words: its directory, or the bundled base by its name."""
    path = Path(knowledge.path)
    with contextlib.suppress(OSError):
        if path.resolve() == bundled_path().resolve():
            return f"{BASE_NAME} ({path})"
    return f"the base in {path}"


def unknown(knowledge: KnowledgeBase, name: str) -> str:
    """Why ``name`` is unknown: a name of a group the base lacks says which base is loaded
    and how to choose another (a specification run against the wrong base)."""
    group = name.split(".", 1)[0]
    if group in knowledge.groups():
        return "is unknown"
    return (
        f"is unknown: {base_name(knowledge)} has no group {group!r} (its groups: "
        f"{', '.join(knowledge.groups())}); to run against your own base, set "
        "`expert_rules = DIR` in pytest.ini or pass `--expert-rules DIR`"
    )


def input_attribute(knowledge: KnowledgeBase, name: str) -> Attribute:
    """The stated attribute ``name``, or a :class:`PhraseError` naming the stated ones."""
    if name in knowledge.inputs:
        return knowledge.inputs[name]
    allowed = list(knowledge.inputs)
    if name in knowledge.attributes:
        why = "is concluded by the rules, not stated"
    else:
        why = unknown(knowledge, name)
    raise PhraseError(
        f"{name} {why}; the facts one states: {', '.join(allowed)}",
        allowed=allowed,
        suggestion=suggest(name, allowed),
    )


def concluded_attribute(knowledge: KnowledgeBase, name: str) -> Attribute:
    """The concluded attribute ``name``, or a :class:`PhraseError` naming the concluded ones."""
    allowed = knowledge.concluded_attributes()
    if name in allowed:
        return knowledge.attributes[name]
    why = "is stated, not concluded by the rules" if name in knowledge.inputs else None
    why = why or unknown(knowledge, name)
    raise PhraseError(
        f"{name} {why}; the rules conclude: {', '.join(allowed)}",
        allowed=allowed,
        suggestion=suggest(name, allowed),
    )


def value_of(attribute: Attribute, word: str) -> str:
    """One value of a concluded attribute, or a :class:`PhraseError` naming its values."""
    word = unquote(word)
    if word not in attribute.values:
        raise PhraseError(
            f"{word!r} is not a value of {attribute.name}; allowed: {', '.join(attribute.values)}",
            allowed=attribute.values,
            suggestion=suggest(word, attribute.values),
        )
    return word


def values_of(attribute: Attribute, text: str) -> tuple[str, ...]:
    """Values written ``a, b and c`` (or one value), each checked."""
    text = unquote(text)
    if text in attribute.values:
        return (text,)
    words: list[str] = []
    for part in (piece.strip() for piece in text.split(",")):
        pieces = [part] if part in attribute.values else re.split(r"\s+and\s+", part)
        words.extend(piece for piece in pieces if piece)
    return tuple(value_of(attribute, word) for word in words)


def meets(how_sure: str, certainty: float, what: str) -> None:
    """Assert ``certainty`` is as sure as `` with certainty [at least] n`` says (nothing
    said: any)."""
    if not how_sure:
        return
    found = re.fullmatch(r" with certainty " + BOUND, how_sure)
    if not found:
        raise PhraseError(
            f"cannot read {how_sure.strip()!r}; say: with certainty [{'|'.join(COMPARE)[1:]}] <n>"
        )
    bounded(found["compare"], found["bound"], certainty, what)


def bounded(compare: str, bound: str, certainty: float, what: str) -> None:
    """Assert ``certainty`` compares with ``bound`` as ``compare`` says ("" is exactly)."""
    compare = compare.strip()
    assert COMPARE[compare](certainty, float(bound)), (
        f"{what} has certainty {certainty:.3f}, expected {compare or 'exactly'} {bound}"
    )


def reasons(result: Result, name: str) -> str:
    """What was concluded on ``name`` and by which rules, for failure messages."""
    sides = [
        f"{value} ({cf(certainty)}: {', '.join(f.rule for f in result.support(name, value))})"
        for (attribute, value), certainty in result.certainties.items()
        if attribute == name
    ]
    return "; ".join(sides) or "nothing"


def held(result: Result, name: str) -> tuple[Any, ...]:
    """The values concluded for ``name`` (empty when nothing was concluded)."""
    if name not in result:
        return ()
    value = result.verdict(name).value
    return value if isinstance(value, tuple) else (value,)


def concluded(result: Result, name: str) -> None:
    """Assert something was concluded on ``name``."""
    assert name in result, (
        f"{name} is not concluded; concluded: "
        f"{', '.join(v.attribute for v in result.verdicts) or 'nothing'}"
    )


# -- Given and When --------------------------------------------------------------------------


@given(parsers.re(NAME + r" (?P<verb>is|are|includes?) (?P<text>.+)"))
def _(consultation: Consultation, name: str, verb: str, text: str) -> None:
    attribute = input_attribute(consultation.expert.knowledge, name)
    adds = verb.startswith("include")
    if adds and not attribute.multi:
        raise PhraseError(f"{name} holds one value: say `{name} is ...`, not includes")
    words = unquote(text)
    if attribute.multi:
        words = ",".join(values_of(_as_choice(attribute), words))
    stated = consultation.expert.knowledge.state({name: words}, strings=True)
    consultation.state(stated, accumulate=adds)


def _as_choice(attribute: Attribute) -> Attribute:
    """A set's values read one at a time (a wrong one names the set's values)."""
    return Attribute(attribute.name, "choice", attribute.values, input=True)


@when("I consult the expert")
def _(consultation: Consultation) -> None:
    consultation.result = None
    consultation.consult()


# -- Then: verdicts --------------------------------------------------------------------------


@then(parsers.re(NAME + r" (?P<verb>is|are|includes?) (?!not )(?P<text>.+?)" + SURE))
def _(consultation: Consultation, name: str, verb: str, text: str, how_sure: str) -> None:
    attribute = concluded_attribute(consultation.expert.knowledge, name)
    wanted = values_of(attribute, text)
    result = consultation.consult()
    if verb.startswith("include") and not attribute.multi:
        raise PhraseError(f"{name} holds one value: say `{name} is ...`, not includes")
    if not attribute.multi:
        if len(wanted) != 1:
            raise PhraseError(f"{name} holds one value, not {', '.join(wanted)}")
        concluded(result, name)
        verdict = result.verdict(name)
        assert verdict.value == wanted[0], (
            f"{name} is {verdict.value} ({cf(verdict.certainty)}), not {wanted[0]}; "
            f"concluded: {reasons(result, name)}"
        )
    else:
        found = held(result, name)
        missing = [value for value in wanted if value not in found]
        # A set "is" what it includes: other values may hold too (say "does not include").
        assert not missing, f"{name} holds {', '.join(found) or 'nothing'}, not {missing[0]}"
    for value in wanted:
        meets(how_sure, result.certainty(name, value), f"{name} = {value}")
    consultation.focus = (name, wanted)


@then(parsers.re(NAME + r" (?:is not|are not|does not include|do not include) (?P<text>.+)"))
def _(consultation: Consultation, name: str, text: str) -> None:
    attribute = concluded_attribute(consultation.expert.knowledge, name)
    if unquote(text) == "concluded" and "concluded" not in attribute.values:
        result = consultation.consult()
        assert name not in result, f"{name} is concluded: {reasons(result, name)}"
        return
    wanted = values_of(attribute, text)
    result = consultation.consult()
    found = [value for value in wanted if value in held(result, name)]
    assert not found, f"{name} is {found[0]}; concluded: {reasons(result, name)}"


@then(parsers.re(r"the certainty of " + NAME + r" is " + BOUND))
def _(consultation: Consultation, name: str, compare: str, bound: str) -> None:
    concluded_attribute(consultation.expert.knowledge, name)
    result = consultation.consult()
    concluded(result, name)
    verdict = result.verdict(name)
    bounded(compare, bound, verdict.certainty, f"{name} = {show_value(verdict.value)}")
    consultation.focus = (name, held(result, name))


@then(parsers.re(NAME + r" cites (?P<key>\S+)"))
def _(consultation: Consultation, name: str, key: str) -> None:
    knowledge = consultation.expert.knowledge
    concluded_attribute(knowledge, name)
    if key not in knowledge.sources:
        raise PhraseError(
            f"no source {key!r} in sources.toml; allowed: {', '.join(knowledge.sources)}",
            allowed=tuple(knowledge.sources),
            suggestion=suggest(key, knowledge.sources),
        )
    result = consultation.consult()
    concluded(result, name)
    verdict = result.verdict(name)
    cited = {firing.source for firing in verdict.because if firing.certainty > 0}
    assert key in cited, (
        f"{name} = {show_value(verdict.value)} rests on rules citing {', '.join(sorted(cited))}, "
        f"not {key}"
    )
    consultation.focus = (name, held(result, name))


# -- Then: conflicts and explanations --------------------------------------------------------


@then(parsers.re(r"there is (?:a|(?P<no>no)) conflict on " + NAME))
def _(consultation: Consultation, no: str | None, name: str) -> None:
    knowledge = consultation.expert.knowledge
    attribute = concluded_attribute(knowledge, name)
    opposed = {name for pair in knowledge.oppositions() for name, _ in pair}
    if attribute.multi and name not in opposed:
        raise PhraseError(
            f"{name} holds several values at once; only one-valued attributes and values "
            "that oppose each other (`opposes` in the vocabulary) conflict"
        )
    result = consultation.consult()
    found = [c for c in result.conflicts if name in (c.attribute, c.against)]
    if no:
        assert not found, f"the rules disagree on {name}: {reasons(result, name)}"
        return
    assert found, f"no conflict on {name}; concluded: {reasons(result, name)}"
    consultation.focus = (name, ())
    consultation.answer = found[0]


@then(parsers.re(r"how " + NAME + r" mentions \"(?P<words>.+)\""))
def _(consultation: Consultation, name: str, words: str) -> None:
    concluded_attribute(consultation.expert.knowledge, name)
    result = consultation.consult()
    try:
        how = result.how(name)
    except ExplanationError as error:
        raise AssertionError(f"nothing to explain: {error.message}") from None
    text = normalise_text(how.to_text())
    assert normalise_text(words) in text, f"how {name} does not mention {words!r}:\n{text}"
    consultation.answer = how


@then(parsers.re(r"why " + NAME + r" is not (?P<word>\S+) mentions \"(?P<words>.+)\""))
def _(consultation: Consultation, name: str, word: str, words: str) -> None:
    attribute = concluded_attribute(consultation.expert.knowledge, name)
    wanted = value_of(attribute, word)
    result = consultation.consult()
    answer = result.why_not(name, wanted)
    text = normalise_text(answer.to_text())
    assert normalise_text(words) in text, (
        f"why {name} is not {wanted} does not mention {words!r}:\n{text}"
    )
    consultation.answer = answer


# -- Then: notes -----------------------------------------------------------------------------


def note_attribute(knowledge: KnowledgeBase, name: str) -> Attribute:
    """The note attribute ``name``, or a :class:`PhraseError` naming the note attributes."""
    allowed = [a.name for a in knowledge.attributes.values() if a.note]
    if name in allowed:
        return knowledge.attributes[name]
    raise PhraseError(
        f"{name} is not a note attribute; the notes: {', '.join(allowed) or 'none'}",
        allowed=allowed,
        suggestion=suggest(name, allowed),
    )


def notes_on(result: Result, name: str) -> list[Note]:
    """The notes ``result`` reports on ``name``."""
    return [note for note in result.notes if note.attribute == name]


def noted(result: Result) -> str:
    """The notes reported, for failure messages."""
    return ", ".join(f"{n.attribute} ({n.rule})" for n in result.notes) or "none"


@then(parsers.re(r"there is (?:a|(?P<no>no)) note on " + NAME))
def _(consultation: Consultation, no: str | None, name: str) -> None:
    note_attribute(consultation.expert.knowledge, name)
    result = consultation.consult()
    found = notes_on(result, name)
    if no:
        assert not found, f"there is a note on {name}: {', '.join(n.rule for n in found)}"
        return
    assert found, f"no note on {name}; the notes: {noted(result)}"


@then(parsers.re(r"a note on " + NAME + r" says (?P<text>.+)"))
def _(consultation: Consultation, name: str, text: str) -> None:
    attribute = note_attribute(consultation.expert.knowledge, name)
    wanted = values_of(attribute, text)
    result = consultation.consult()
    for note in notes_on(result, name):
        said = note.value if isinstance(note.value, tuple) else (note.value,)
        if all(value in said for value in wanted):
            return
    raise AssertionError(
        f"no note on {name} says {', '.join(wanted)}; the notes on it: "
        + (
            "; ".join(f"{show_value(n.value)} ({n.rule})" for n in notes_on(result, name))
            or "none"
        )
    )


@then(parsers.re(r"the notes quote \"(?P<words>.+)\""))
def _(consultation: Consultation, words: str) -> None:
    result = consultation.consult()
    folded = normalise_text(words)
    assert any(folded in normalise_text(note.quote) for note in result.notes), (
        f"no note quotes {words!r}; the notes: {noted(result)}"
    )


@then(parsers.re(r"the answer mentions \"(?P<words>.+)\""))
def _(consultation: Consultation, words: str) -> None:
    report = consultation.consult().report()
    # Without a declared goal the report's answer is each verdict with its strongest quote.
    kinds = ("answer", "reason") if report.goal else ("verdict", "quote")
    lines = [line.text for line in report.lines() if line.kind in kinds]
    text = normalise_text(" ".join(lines))
    assert normalise_text(words) in text, f"the answer does not mention {words!r}:\n{text}"


@then(parsers.re(r"how to make " + NAME + r" (?P<text>\S+) mentions \"(?P<words>.+)\""))
def _(consultation: Consultation, name: str, text: str, words: str) -> None:
    attribute = concluded_attribute(consultation.expert.knowledge, name)
    value = value_of(attribute, text)
    answer = consultation.consult().how_to(name, value)
    shown = normalise_text(answer.to_text())
    assert normalise_text(words) in shown, (
        f"how to make {name} {value}: {words!r} not in:\n{shown}"
    )
    consultation.answer = answer
