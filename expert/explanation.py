"""Explanations of a consultation's outcome: how, why not and what if.

Each explanation is a small immutable model built from the consultation's firing record.
It lays itself out as :class:`Line` objects (depth, kind, text); ``to_text`` and
``to_markdown`` format those lines, :mod:`expert.render` draws them for a terminal (rich's
``__rich__`` protocol), and ``to_dict`` gives the model as JSON-ready data. No renderer
re-derives the logic, and this module knows nothing of terminals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._short_repr import cf, fit, pairs, shown
from .display import Displayable, Line
from .errors import ExplanationError
from .knowledge import Condition, KnowledgeBase, RuleSpec
from .vocabulary import Attribute, GivenFacts, named_once, show_value

if TYPE_CHECKING:
    from .result import Conflict, Firing, Outcome, Verdict

__all__ = [
    "Difference",
    "How",
    "Line",
    "Proof",
    "Step",
    "VerdictChange",
    "WhyNot",
    "how",
    "why_not",
]


#: How a conflict's winner was chosen, in words (see Conflict.settled_by).
SETTLED = {
    "stated": "because you said so",
    "caution": "a tie on certainty, settled by caution (a concern or what to avoid stays)",
    "certainty": "on certainty",
    "articles": "a tie on certainty, settled by more articles saying so",
    "vocabulary order": "a tie on certainty and articles, settled by vocabulary order",
}


def _cf(value: float) -> str:
    return f"{value:.2f}"


def _s(count: int) -> str:
    return "" if count == 1 else "s"


# -- how -------------------------------------------------------------------------------------


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
        return fit(f"Step({firing.rule}, {cf(firing.certainty)}, {count} premise{_s(count)})")

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
    value: Any
    certainty: float
    stated: bool
    steps: tuple[Step, ...] = ()
    #: For a concluded value the person stated outright, the statement
    #: (``plant.species = maidenhair``).
    stated_as: str = ""

    def __repr__(self) -> str:
        said = "stated" if self.stated else f"{len(self.steps)} step{_s(len(self.steps))}"
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
        head = f"{self.attribute} = {show_value(self.value)} (certainty {_cf(self.certainty)})"
        out = [Line(depth, "heading", head)]
        for step in self.steps:
            firing = step.firing
            weight = f"rule certainty {_cf(firing.rule_certainty)}"
            if firing.certainty != firing.rule_certainty:
                weight += f", contributes {_cf(firing.certainty)}"
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
        more = f", {steps} step{_s(steps)}" if steps else ", stated"
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
        head = f"{verdict.attribute} = {show_value(verdict.value)} (certainty {_cf(verdict.certainty)})"
        lines = [Line(0, "heading", head)]
        if len(verdict.because) > 1:
            parts = " and ".join(_cf(f.certainty) for f in verdict.because if f.certainty)
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


def _proof(result: Outcome, attribute: str, value: Any, seen: frozenset = frozenset()) -> Proof:
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


# -- why not ---------------------------------------------------------------------------------


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
    value: Any
    status: str
    verdict: Verdict | None
    certainty: float
    candidates: tuple[Candidate, ...]
    #: For ``overruled``, what the person stated (``plant.species = maidenhair``).
    stated: str = ""

    def __repr__(self) -> str:
        count = len(self.candidates)
        asked = f"{self.attribute}={shown(self.value, 40)}"
        return fit(f"WhyNot({asked}: {self.status}, {count} rule{_s(count)})")

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
            head = f"{name} holds (certainty {_cf(self.certainty)})."
        elif self.status == "overruled":
            head = f"{name}: you said {self.stated}, which outranks the rules."
        elif self.status == "outweighed":
            assert self.verdict is not None
            tie = round(self.verdict.certainty, 9) == round(self.certainty, 9)
            stronger = (
                f"{show_value(self.verdict.value)} is "
                f"{'as strong and won the tie' if tie else 'stronger'} "
                f"({_cf(self.verdict.certainty)})"
            )
            head = f"{name} was concluded with certainty {_cf(self.certainty)}, but {stronger}."
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
                said = f"rule {rule.id} fired for it (contributes {_cf(candidate.certainty)})"
            elif candidate.fired:
                said = f"rule {rule.id} fired, but a premise was too weak to count"
            else:
                said = f"rule {rule.id} did not fire:"
            lines.append(Line(1, "rule", said))
            lines.extend(Line(2, "reason", reason) for reason in candidate.failed)
            lines.append(Line(2, "quote", f"“{rule.quote}” ({rule.source})"))
        return lines


def _state(result: Outcome, attribute: str, concluded: bool) -> Any:
    if not concluded:
        return result.facts.get(attribute)
    return frozenset(
        value for (name, value), cf in result.certainties.items() if name == attribute
    )


def _failure(condition: Condition, state: Any) -> str:
    need = condition.describe().split(" ", 1)[1]
    known = state is not None and state != frozenset()
    if condition.concluded:
        actual = f"concluded: {show_value(state)}" if known else "nothing concluded"
        return f"{condition.attribute}: {actual}; this rule needs it to be: {need}"
    if not known:
        return f"{condition.attribute} is not known; this rule needs: {need}"
    return f"{condition.attribute} is {show_value(state)}; this rule needs: {need}"


def asked_about(knowledge: KnowledgeBase, attribute: str, value: Any, *, notes: bool) -> Attribute:
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


def why_not(result: Outcome, attribute: str, value: Any) -> WhyNot:
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
    if verdict and (value == verdict.value or (spec.multi and value in verdict.value)):
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


# -- what if ---------------------------------------------------------------------------------


@attrs.frozen(repr=False)
class VerdictChange:
    """One verdict that a change of facts gained, lost or changed, and the rules why.

    Attributes:
        attribute: the attribute whose verdict changed.
        before: the verdict before the change, or ``None``.
        after: the verdict after it, or ``None``.
        rules: rules behind the attribute that fire only after the change (or, when the same
            rules fire with another strength, those rules).
        rules_gone: rules behind the attribute that no longer fire.
    """

    attribute: str
    before: Verdict | None
    after: Verdict | None
    rules: tuple[str, ...]
    rules_gone: tuple[str, ...] = ()

    def __repr__(self) -> str:
        def side(verdict: Verdict | None) -> str:
            return (
                "None"
                if verdict is None
                else f"{shown(verdict.value, 36)} {cf(verdict.certainty)}"
            )

        moved = f"{side(self.before)} -> {side(self.after)}"
        return fit(f"VerdictChange({self.kind} {self.attribute}: {moved})")

    @property
    def kind(self) -> str:
        """``gained``, ``lost`` or ``changed``."""
        if self.before is None:
            return "gained"
        if self.after is None:
            return "lost"
        return "changed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "change": self.kind,
            "before": self.before.to_dict() if self.before else None,
            "after": self.after.to_dict() if self.after else None,
            "rules": list(self.rules),
            "rules_gone": list(self.rules_gone),
        }

    def describe(self) -> str:
        def side(verdict: Verdict | None) -> str:
            if verdict is None:
                return "nothing"
            return f"{show_value(verdict.value)} ({_cf(verdict.certainty)})"

        named = [f"+{rule}" for rule in self.rules] + [f"-{rule}" for rule in self.rules_gone]
        rules = f" [rules: {', '.join(named)}]" if named else ""
        before, after = self.before, self.after
        if before and after and isinstance(before.value, tuple):
            # For a set, the values that came and went say more than both whole sets.
            gained = [v for v in after.value if v not in before.value]
            lost = [v for v in before.value if v not in after.value]
            parts = [f"+{show_value(v)}" for v in gained] + [f"-{show_value(v)}" for v in lost]
            moves = " ".join(parts) or "same values"
            return (
                f"{self.kind} {self.attribute}: {moves} "
                f"(certainty {_cf(before.certainty)} -> {_cf(after.certainty)}){rules}"
            )
        line = f"{self.kind} {self.attribute}: {side(before)} -> {side(after)}"
        if before and after:
            # The verdict may stay while a rival value appears or goes: a dispute settled.
            shown = {before.value, after.value} if not isinstance(before.value, tuple) else set()
            old = set(before.alternatives) - shown
            new = set(after.alternatives) - shown
            rivals = [f"-{show_value(v)} ({_cf(before.alternatives[v])})" for v in old - new]
            rivals += [f"+{show_value(v)} ({_cf(after.alternatives[v])})" for v in new - old]
            if rivals:
                line += f"; values considered: {' '.join(sorted(rivals))}"
        return line + rules


@attrs.frozen(repr=False)
class Difference(Displayable):
    """The verdicts that change when facts change."""

    changes: dict[str, Any]
    before: Outcome = attrs.field(repr=False)
    after: Outcome = attrs.field(repr=False)
    differences: tuple[VerdictChange, ...]

    def __repr__(self) -> str:
        counts = [f"{len(self.of(kind))} {kind}" for kind in ("gained", "lost", "changed")]
        said = ", ".join(c for c in counts if not c.startswith("0 ")) or "no change"
        changes = pairs(self.changes.items(), 119 - len("Difference(: )") - len(said))
        return fit(f"Difference({changes}: {said})")

    def of(self, kind: str) -> tuple[VerdictChange, ...]:
        """The differences of one kind: ``gained``, ``lost`` or ``changed``."""
        return tuple(d for d in self.differences if d.kind == kind)

    @property
    def gained(self) -> tuple[VerdictChange, ...]:
        return self.of("gained")

    @property
    def lost(self) -> tuple[VerdictChange, ...]:
        return self.of("lost")

    @property
    def changed(self) -> tuple[VerdictChange, ...]:
        return self.of("changed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "changes": {
                k: show_value(v) if v is not None else None for k, v in self.changes.items()
            },
            "differences": [d.to_dict() for d in self.differences],
        }

    def lines(self) -> list[Line]:
        """The changed facts, then one line per verdict that changed."""
        shown = ", ".join(
            f"{k} = {show_value(v) if v is not None else '(unknown)'}"
            for k, v in self.changes.items()
        )
        if not self.differences:
            return [Line(0, "heading", f"If {shown}: no verdict changes.")]
        return [Line(0, "heading", f"If {shown}:")] + [
            Line(1, "change", d.describe()) for d in self.differences
        ]


def changed_facts(result: Outcome, changes: GivenFacts) -> tuple[dict[str, Any], dict[str, Any]]:
    """Apply ``changes`` (full, or unambiguous short fact names; ``None`` forgets) to the
    result's facts; return the new facts and the changes by full name.

    String values are parsed as on the command line (``"true"``, ``"80"``, ``"a,b"``).

    Raises:
        FactError: an unknown name, a fact changed twice or a bad value.
    """
    facts = dict(result.facts)
    applied: dict[str, Any] = {}
    for attribute, given in named_once(result.knowledge.inputs, changes):
        value = None if given is None else attribute.validate(given)
        if value is None:
            facts.pop(attribute.name, None)
        else:
            facts[attribute.name] = value
        applied[attribute.name] = value
    return facts, applied


def _rounded(alternatives: Mapping[Any, float]) -> dict[Any, float]:
    return {value: round(cf, 6) for value, cf in alternatives.items()}


def _same(old: Verdict, new: Verdict) -> bool:
    """Same value, same certainty and the same rival values: nothing to report."""
    return (
        old.value == new.value
        and round(old.certainty, 6) == round(new.certainty, 6)
        and _rounded(old.alternatives) == _rounded(new.alternatives)
    )


def _supporting_rules(result: Outcome, attribute: str, verdict: Verdict | None) -> set[str]:
    """The rules behind every value considered for ``attribute`` (rivals included)."""
    if verdict is None:
        return set()
    return {
        firing.rule
        for value in verdict.alternatives
        for firing in result.support(attribute, value)
    }


def what_if(
    result: Outcome, changes: GivenFacts, consult: Callable[[Mapping[str, object]], Outcome]
) -> Difference:
    """Consult again with ``changes`` applied (through ``consult``, on the same knowledge base
    and engine) and compare the verdicts."""
    facts, applied = changed_facts(result, changes)
    after = consult(facts)
    before_verdicts = {v.attribute: v for v in result.verdicts}
    after_verdicts = {v.attribute: v for v in after.verdicts}
    differences = []
    for name in result.knowledge.verdict_attributes():
        old, new = before_verdicts.get(name), after_verdicts.get(name)
        if old is None and new is None:
            continue
        if old and new and _same(old, new):
            continue
        old_rules = _supporting_rules(result, name, old)
        new_rules = _supporting_rules(after, name, new)
        gained, gone = new_rules - old_rules, old_rules - new_rules
        if not gained and not gone:
            gained = new_rules  # same rules, different strength: their premises changed
        differences.append(
            VerdictChange(name, old, new, tuple(sorted(gained)), tuple(sorted(gone)))
        )
    return Difference(applied, result, after, tuple(differences))
