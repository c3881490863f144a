"""*How*: the proof tree of a verdict, down to the facts the person stated, with quotes.

Each explanation (this one, :mod:`~expert.reasoning.why_not`, :mod:`~expert.reasoning.what_if`)
is a small immutable model built from the consultation's firing record. It lays itself out as
:class:`~expert.model.display.Line` objects (depth, kind, text); ``to_text`` and
``to_markdown`` format those lines, :mod:`expert.present.render` draws them for a terminal
(rich's ``__rich__`` protocol), and ``to_dict`` gives the model as JSON-ready data. No
renderer re-derives the logic, and this module knows nothing of terminals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._support.short_repr import cf, fit, shown
from ..model.display import Displayable, Line
from ..model.vocabulary import FactValue, show_value
from ..model.words import SETTLED, plural_s

if TYPE_CHECKING:
    from ..model.outcome import Conflict, Firing, Outcome, Verdict


@attrs.frozen(repr=False)
class Step:
    """One rule firing in a proof, with the proofs of the concluded facts it matched."""

    firing: Firing
    citation: str
    premises: tuple[Proof, ...]
    #: What kind of rule fired, when it is not a plain one: ``revises wine.best-body``,
    #: ``table wines.toml, wines.csv row 3``.
    role: str = ""

    def __repr__(self) -> str:
        count = len(self.premises)
        firing = self.firing
        return fit(
            f"Step({firing.rule}, {cf(firing.certainty)}, {count} premise{plural_s(count)})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.firing.to_dict(),
            "rule_certainty": self.firing.rule_certainty,
            "citation": self.citation,
            "premises": [premise.to_dict() for premise in self.premises],
            **({"role": self.role} if self.role else {}),
        }


@attrs.frozen(repr=False)
class Proof:
    """Why ``attribute = value`` holds: stated by the user, or concluded by rule steps."""

    attribute: str
    value: FactValue
    certainty: float
    stated: bool
    steps: tuple[Step, ...] = ()
    #: For a concluded value the person stated outright, the statement
    #: (``plant.species = maidenhair``).
    stated_as: str = ""

    def __repr__(self) -> str:
        said = "stated" if self.stated else f"{len(self.steps)} step{plural_s(len(self.steps))}"
        value = shown(self.value, 50)
        return fit(f"Proof({self.attribute}={value}, {cf(self.certainty)}, {said})")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "attribute": self.attribute,
            "value": self.value if not isinstance(self.value, frozenset) else sorted(self.value),
            "certainty": round(self.certainty, 4),
            "stated": self.stated,
        }
        if self.stated_as:
            data["stated_as"] = self.stated_as
        if self.steps:
            data["steps"] = [step.to_dict() for step in self.steps]
        return data

    def lines(self, depth: int = 0) -> list[Line]:
        """This proof as lines: the fact, then each rule step with its quote and premises."""
        if self.stated:
            said = f"you said {self.stated_as}" if self.stated_as else "you said so"
            return [Line(depth, "fact", f"{self.attribute} = {show_value(self.value)} ({said})")]
        head = f"{self.attribute} = {show_value(self.value)} (certainty {cf(self.certainty)})"
        out = [Line(depth, "heading", head)]
        for step in self.steps:
            firing = step.firing
            weight = f"rule certainty {cf(firing.rule_certainty)}"
            if firing.certainty != firing.rule_certainty:
                weight += f", contributes {cf(firing.certainty)}"
            if step.role:
                weight += f", {step.role}"
            out.append(Line(depth + 1, "rule", f"because rule {firing.rule} ({weight})"))
            out.append(Line(depth + 2, "quote", f"“{firing.quote}” ({step.citation})"))
            for premise in step.premises:
                out.extend(premise.lines(depth + 3))
        return out


@attrs.frozen(repr=False)
class How(Displayable):
    """How the verdict on an attribute was reached.

    Attributes:
        verdict: the verdict explained.
        proofs: one proof per value of the verdict.
        conflict: the conflict on this attribute, if any.
        rivals: proofs of the values that lost the conflict.
        defeated: the firings on this attribute that an exception defeated.
    """

    verdict: Verdict
    proofs: tuple[Proof, ...]
    conflict: Conflict | None
    rivals: tuple[Proof, ...]
    defeated: tuple[Firing, ...] = ()

    def __repr__(self) -> str:
        verdict = self.verdict
        steps = sum(len(proof.steps) for proof in self.proofs)
        more = f", {steps} step{plural_s(steps)}" if steps else ", stated"
        if self.conflict:
            more += f", {len(self.rivals)} outweighed"
        value = shown(verdict.value, 50)
        return fit(f"How({verdict.attribute}={value}, {cf(verdict.certainty)}{more})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.verdict.attribute,
            "verdict": self.verdict.to_dict(),
            "proofs": [proof.to_dict() for proof in self.proofs],
            "conflict": self.conflict.to_dict() if self.conflict else None,
            "rivals": [proof.to_dict() for proof in self.rivals],
            "defeated": [firing.to_dict() for firing in self.defeated],
        }

    def lines(self) -> list[Line]:
        """The verdict, how agreeing rules combined, the proofs and the outweighed sides."""
        verdict = self.verdict
        head = f"{verdict.attribute} = {show_value(verdict.value)} (certainty {cf(verdict.certainty)})"
        lines = [Line(0, "heading", head)]
        if len(verdict.because) > 1:
            parts = " and ".join(cf(f.certainty) for f in verdict.because if f.certainty)
            agree = f"{len(verdict.because)} rules agree; combined by MYCIN: {parts}"
            lines.append(Line(1, "heading", agree))
        if len(self.proofs) == 1 and self.proofs[0].stated:
            lines.extend(self.proofs[0].lines(1))
        elif len(self.proofs) == 1:
            lines.extend(self.proofs[0].lines(0)[1:])
        else:
            for proof in self.proofs:
                lines.extend(proof.lines(1))
        if self.conflict:
            conflict = self.conflict
            who = (
                "the rules conclude otherwise than you said"
                if conflict.stated
                else ("the articles disagree")
            )
            dispute = (
                f"conflict: {who} on {conflict.attribute}; "
                f"{show_value(conflict.winner)} wins {SETTLED[conflict.settled_by]}"
            )
            lines.append(Line(1, "conflict", dispute))
            lost = "overruled" if conflict.stated else "outweighed"
            for rival in self.rivals:
                lines.append(
                    Line(1, "conflict", f"{lost}: {rival.attribute} = {show_value(rival.value)}")
                )
                lines.extend(rival.lines(0)[1:])
        name = verdict.attribute
        for firing in self.defeated:
            said = ", ".join(
                f"{name} = {show_value(value)}" for a, value in firing.conclusions if a == name
            )
            if firing.overruled_by and not firing.defeated_by:
                stated = f"{firing.overruled_by} = {show_value(verdict.value)}"
                why = f"overruled: rule {firing.rule} ({said}) by what you said ({stated})"
            else:
                why = (
                    f"defeated: rule {firing.rule} ({said}) by {', '.join(firing.defeated_by)}, "
                    "an exception to it"
                )
            lines.append(Line(1, "conflict", why))
            lines.append(Line(2, "quote", f"“{firing.quote}”"))
        return lines


def _citation(result: Outcome, firing: Firing) -> str:
    source = result.knowledge.sources.get(firing.source)
    return source.cite() if source else firing.source


def _role(result: Outcome, firing: Firing) -> str:
    """What kind of rule ``firing`` is, for a revision or a row of a decision table."""
    rule = result.knowledge.rule(firing.rule)
    roles = [f"revises {rule.revises}"] if rule.revises else []
    if rule.table:
        roles.append(f"table {rule.table}, {rule.where}")
    return ", ".join(roles)


def _proof(
    result: Outcome,
    attribute: str,
    value: FactValue,
    seen: frozenset[str] = frozenset(),
) -> Proof:
    if attribute in result.facts:
        return Proof(attribute, result.facts[attribute], 1.0, stated=True)
    stated = result.knowledge.implied(result.facts).get(attribute)
    if stated is not None and stated[0] == value and value is not None:
        said = f"{stated[1]} = {show_value(value)}"
        return Proof(attribute, value, 1.0, stated=True, stated_as=said)
    steps = []
    # Strongest first, then by rule id: the same facts always read the same way.
    support = sorted(result.support(attribute, value), key=lambda f: (-abs(f.certainty), f.rule))
    for firing in support:
        if firing.rule in seen:
            continue
        premises = tuple(
            _proof(result, name, matched, seen | {firing.rule}) for name, matched in firing.matched
        )
        steps.append(Step(firing, _citation(result, firing), premises, _role(result, firing)))
    return Proof(attribute, value, result.certainty(attribute, value), False, tuple(steps))


def how(result: Outcome, attribute: str) -> How:
    """The proof tree of the verdict on ``attribute``.

    Raises:
        ExplanationError: the attribute is unknown or has no verdict.
    """
    verdict = result.verdict(attribute)
    values = verdict.value if isinstance(verdict.value, tuple) else (verdict.value,)
    conflict = next((c for c in result.conflicts if c.attribute == attribute), None)
    rivals: tuple[Proof, ...] = ()
    if conflict:
        rivals = tuple(_proof(result, attribute, value) for value, _, _ in conflict.sides[1:])
    return How(
        verdict=verdict,
        proofs=tuple(_proof(result, attribute, value) for value in values),
        conflict=conflict,
        rivals=rivals,
        defeated=tuple(f for f in result.firings if attribute in f.defeated),
    )
