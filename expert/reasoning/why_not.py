"""*Why not*: for a value not concluded, each rule that could conclude it and the
conditions that failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._support.short_repr import cf, fit, shown
from ..errors import ExplanationError
from ..model.display import Displayable, Line
from ..model.knowledge_base import KnowledgeBase
from ..model.rules import Condition, RuleSpec, State
from ..model.vocabulary import (
    Attribute,
    SingleValue,
    show_value,
    values_of,
)
from ..model.words import plural_s

if TYPE_CHECKING:
    from ..model.outcome import Outcome, Verdict


@attrs.frozen(repr=False)
class Candidate:
    """A rule that could conclude the value asked about, and what stood in its way.

    Attributes:
        rule: the rule.
        fired: whether it fired.
        certainty: what it contributed when it fired (its strongest firing).
        failed: for each failed condition, a sentence naming the fact's actual value.
        defeated_by: the exceptions that defeated it on this attribute, when it fired.
    """

    rule: RuleSpec
    fired: bool
    certainty: float
    failed: tuple[str, ...]
    defeated_by: tuple[str, ...] = ()
    #: The stated input that overruled it (it concluded another value than was stated).
    overruled_by: str = ""

    def __repr__(self) -> str:
        if self.fired:
            said = f"fired, {cf(self.certainty)}"
            if self.defeated_by or self.overruled_by:
                said += ", defeated"
        else:
            said = f"not fired, {len(self.failed)} failed"
        return fit(f"Candidate({self.rule.id}, {said})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id,
            "source": self.rule.source,
            "quote": self.rule.quote,
            "fired": self.fired,
            "certainty": round(self.certainty, 4),
            "failed": list(self.failed),
            "defeated_by": list(self.defeated_by),
            "overruled_by": self.overruled_by,
        }


@attrs.frozen(repr=False)
class WhyNot(Displayable):
    """Why ``attribute`` is not ``value``.

    Attributes:
        attribute: the attribute asked about.
        value: the value asked about.
        status: ``holds`` (it is the verdict), ``overruled`` (another value was stated
            outright), ``outweighed`` (concluded but another value is stronger), ``not
            concluded``, or ``no rule`` (nothing can conclude it).
        verdict: the verdict on the attribute, if any.
        certainty: the value's own combined certainty (0 when not concluded).
        candidates: the rules that could conclude it.
    """

    attribute: str
    value: SingleValue
    status: str
    verdict: Verdict | None
    certainty: float
    candidates: tuple[Candidate, ...]
    #: For ``overruled``, what the person stated (``plant.species = maidenhair``).
    stated: str = ""

    def __repr__(self) -> str:
        count = len(self.candidates)
        asked = f"{self.attribute}={shown(self.value, 40)}"
        return fit(f"WhyNot({asked}: {self.status}, {count} rule{plural_s(count)})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "value": self.value,
            "status": self.status,
            "verdict": self.verdict.to_dict() if self.verdict else None,
            "certainty": round(self.certainty, 4),
            "candidates": [candidate.to_dict() for candidate in self.candidates],
            "stated": self.stated or None,
        }

    def lines(self) -> list[Line]:
        """The status, then each candidate rule with what stood in its way and its quote."""
        name = f"{self.attribute} = {show_value(self.value)}"
        if self.status == "no rule":
            return [Line(0, "heading", f"{name}: no rule in the knowledge base concludes it.")]
        if self.status == "holds":
            head = f"{name} holds (certainty {cf(self.certainty)})."
        elif self.status == "overruled":
            head = f"{name}: you said {self.stated}, which outranks the rules."
        elif self.status == "outweighed":
            assert self.verdict is not None
            tie = round(self.verdict.certainty, 9) == round(self.certainty, 9)
            stronger = (
                f"{show_value(self.verdict.value)} is "
                f"{'as strong and won the tie' if tie else 'stronger'} "
                f"({cf(self.verdict.certainty)})"
            )
            head = f"{name} was concluded with certainty {cf(self.certainty)}, but {stronger}."
        else:
            head = f"{name} was not concluded."
        lines = [Line(0, "heading", head)]
        for candidate in self.candidates:
            rule = candidate.rule
            if candidate.overruled_by:
                said = f"rule {rule.id} fired, but what you said overrules it"
            elif candidate.defeated_by:
                said = (
                    f"rule {rule.id} fired, but was defeated by "
                    f"{', '.join(candidate.defeated_by)}, an exception to it"
                )
            elif candidate.fired and candidate.certainty:
                said = f"rule {rule.id} fired for it (contributes {cf(candidate.certainty)})"
            elif candidate.fired:
                said = f"rule {rule.id} fired, but a premise was too weak to count"
            else:
                said = f"rule {rule.id} did not fire:"
            lines.append(Line(1, "rule", said))
            lines.extend(Line(2, "reason", reason) for reason in candidate.failed)
            lines.append(Line(2, "quote", f"“{rule.quote}” ({rule.source})"))
        return lines


def _state(result: Outcome, attribute: str, concluded: bool) -> State:
    if not concluded:
        return result.facts.get(attribute)
    return frozenset(
        value for (name, value), cf in result.certainties.items() if name == attribute
    )


def _failure(condition: Condition, state: State) -> str:
    need = condition.describe().split(" ", 1)[1]
    known = state is not None and state != frozenset()
    if condition.concluded:
        actual = f"concluded: {show_value(state)}" if known else "nothing concluded"
        return f"{condition.attribute}: {actual}; this rule needs it to be: {need}"
    if not known:
        return f"{condition.attribute} is not known; this rule needs: {need}"
    return f"{condition.attribute} is {show_value(state)}; this rule needs: {need}"


def asked_about(
    knowledge: KnowledgeBase, attribute: str, value: SingleValue, *, notes: bool
) -> Attribute:
    """The concluded attribute a question names (a note too when ``notes``), checked to
    have ``value`` among its values.

    Raises:
        ExplanationError: an unknown attribute or value, naming the allowed ones.
    """
    spec = knowledge.attributes.get(attribute)
    if spec is None or not spec.concluded or (spec.note and not notes):
        allowed = knowledge.concluded_attributes() if notes else knowledge.verdict_attributes()
        raise ExplanationError(
            f"unknown attribute {attribute!r}; allowed: {', '.join(allowed)}",
            attribute=attribute,
            allowed=allowed,
        )
    if value not in spec.values:
        raise ExplanationError(
            f"{value!r} is not a value of {attribute}; allowed: {', '.join(spec.values)}",
            attribute=str(value),
            allowed=spec.values,
        )
    return spec


def why_not(result: Outcome, attribute: str, value: SingleValue) -> WhyNot:
    """Explain why ``attribute`` is not ``value``.

    Raises:
        ExplanationError: the attribute is not concluded by rules, or the value is not one
            of its values.
    """
    knowledge = result.knowledge
    spec = asked_about(knowledge, attribute, value, notes=True)
    verdict = next((v for v in result.verdicts if v.attribute == attribute), None)
    certainty = result.certainty(attribute, value)
    if not certainty:  # a value a certain one ruled out keeps its certainty in the conflict
        certainty = next(
            (
                cf
                for conflict in result.conflicts
                if conflict.attribute == attribute and not conflict.stated
                for side, cf, _ in conflict.sides[1:]
                if side == value
            ),
            0.0,
        )
    candidates = []
    for rule in knowledge.concluders(attribute, value):
        # A rule giving values their own certainties fires once per certainty: this value's.
        fired = [
            f for f in result.firings if f.rule == rule.id and (attribute, value) in f.conclusions
        ]
        failed = tuple(
            _failure(condition, state)
            for condition in rule.conditions
            if not condition.holds(
                state := _state(result, condition.attribute, condition.concluded)
            )
        )
        # A rule that fired on several matches counts once, with its strongest (as verdicts do).
        strongest = max((f.certainty for f in fired), key=abs, default=0.0)
        defeated_by = tuple(
            dict.fromkeys(d for f in fired if attribute in f.defeated for d in f.defeated_by)
        )
        overruled = next((f.overruled_by for f in fired if attribute in f.defeated), "")
        candidates.append(
            Candidate(rule, bool(fired), strongest, failed, defeated_by, overruled_by=overruled)
        )
    statement = knowledge.implied(result.facts).get(attribute)
    said = ""
    if verdict and (value == verdict.value or (spec.multi and value in values_of(verdict.value))):
        status = "holds" if candidates or verdict.stated_by else "no rule"
    elif statement is not None:
        status = "overruled"
        said = f"{statement[1]} = {show_value(result.facts[statement[1]])}"
    elif not candidates:
        status = "no rule"
    elif spec.note and certainty > 0:
        status = "holds"  # a note is no verdict: what some rule says of the class holds
    elif certainty and verdict is not None:
        status = "outweighed"
    else:
        status = "not concluded"
    return WhyNot(attribute, value, status, verdict, certainty, tuple(candidates), said)
