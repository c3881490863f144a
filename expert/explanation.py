"""Explanations of a :class:`~expert.result.Result`: how, why not and what if.

Each explanation is a small immutable model built from the consultation's firing record;
renderers (``to_text``, ``to_markdown``, ``to_dict``) only format that model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .errors import ExplanationError, FactError
from .facts import Device, Needs, input_specs
from .knowledge import Condition, RuleSpec

if TYPE_CHECKING:
    from .result import Conflict, Firing, Result, Verdict

__all__ = ["Difference", "How", "Proof", "Step", "VerdictChange", "WhyNot", "how", "why_not"]


def _show(value: Any) -> str:
    if isinstance(value, (tuple, frozenset, list, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return ", ".join(_show(item) for item in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cf(value: float) -> str:
    return f"{value:.2f}"


# -- how -------------------------------------------------------------------------------------


@attrs.frozen
class Step:
    """One rule firing in a proof, with the proofs of the concluded facts it matched."""

    firing: Firing
    citation: str
    premises: tuple[Proof, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.firing.to_dict(),
            "rule_certainty": self.firing.rule_certainty,
            "citation": self.citation,
            "premises": [premise.to_dict() for premise in self.premises],
        }


@attrs.frozen
class Proof:
    """Why ``attribute = value`` holds: stated by the user, or concluded by rule steps."""

    attribute: str
    value: Any
    certainty: float
    stated: bool
    steps: tuple[Step, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "attribute": self.attribute,
            "value": self.value if not isinstance(self.value, frozenset) else sorted(self.value),
            "certainty": round(self.certainty, 4),
            "stated": self.stated,
        }
        if self.steps:
            data["steps"] = [step.to_dict() for step in self.steps]
        return data

    def lines(self, depth: int = 0) -> list[str]:
        pad = "  " * depth
        if self.stated:
            return [f"{pad}{self.attribute} = {_show(self.value)} (you said so)"]
        out = [f"{pad}{self.attribute} = {_show(self.value)} (certainty {_cf(self.certainty)})"]
        for step in self.steps:
            firing = step.firing
            weight = f"rule certainty {_cf(firing.rule_certainty)}"
            if firing.certainty != firing.rule_certainty:
                weight += f", contributes {_cf(firing.certainty)}"
            out.append(f"{pad}  because rule {firing.rule} ({weight})")
            out.append(f"{pad}    “{firing.quote}” ({step.citation})")
            for premise in step.premises:
                out.extend(premise.lines(depth + 3))
        return out


@attrs.frozen
class How:
    """How the verdict on an attribute was reached.

    Attributes:
        verdict: the verdict explained.
        proofs: one proof per value of the verdict.
        conflict: the conflict on this attribute, if any.
        rivals: proofs of the values that lost the conflict.
    """

    verdict: Verdict
    proofs: tuple[Proof, ...]
    conflict: Conflict | None
    rivals: tuple[Proof, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.verdict.attribute,
            "verdict": self.verdict.to_dict(),
            "proofs": [proof.to_dict() for proof in self.proofs],
            "conflict": self.conflict.to_dict() if self.conflict else None,
            "rivals": [proof.to_dict() for proof in self.rivals],
        }

    def to_text(self) -> str:
        verdict = self.verdict
        lines = [
            f"{verdict.attribute} = {_show(verdict.value)} (certainty {_cf(verdict.certainty)})"
        ]
        if len(verdict.because) > 1:
            parts = " and ".join(_cf(f.certainty) for f in verdict.because if f.certainty)
            lines.append(f"  {len(verdict.because)} rules agree; combined by MYCIN: {parts}")
        if len(self.proofs) == 1:
            lines.extend(self.proofs[0].lines(0)[1:])
        else:
            for proof in self.proofs:
                lines.extend(proof.lines(1))
        if self.conflict:
            lines.append(
                f"  conflict: the articles disagree on {self.conflict.attribute}; "
                f"{_show(self.conflict.winner)} wins on certainty"
            )
            for rival in self.rivals:
                lines.append(f"  outweighed: {rival.attribute} = {_show(rival.value)}")
                lines.extend(rival.lines(1)[1:])
        return "\n".join(lines)

    def to_markdown(self) -> str:
        return _markdown_from_text(self.to_text())

    def __str__(self) -> str:
        return self.to_text()


def _markdown_from_text(text: str) -> str:
    """Indented text as a nested Markdown list (two spaces a level)."""
    out = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 2
        out.append(f"{'  ' * depth}- {stripped}")
    return "\n".join(out)


def _citation(result: Result, firing: Firing) -> str:
    source = result.expert.knowledge.sources.get(firing.source)
    return source.cite() if source else firing.source


def _proof(result: Result, attribute: str, value: Any, seen: frozenset = frozenset()) -> Proof:
    if attribute in result.facts:
        return Proof(attribute, result.facts[attribute], 1.0, stated=True)
    steps = []
    for firing in result.support(attribute, value):
        if firing.rule in seen:
            continue
        premises = tuple(
            _proof(result, name, matched, seen | {firing.rule}) for name, matched in firing.matched
        )
        steps.append(Step(firing, _citation(result, firing), premises))
    return Proof(attribute, value, result.certainty(attribute, value), False, tuple(steps))


def how(result: Result, attribute: str) -> How:
    """The proof tree of the verdict on ``attribute``.

    Raises:
        ExplanationError: the attribute is unknown or has no verdict.
    """
    verdict = result.verdict(attribute)
    values = verdict.value if isinstance(verdict.value, tuple) else (verdict.value,)
    conflict = next((c for c in result.conflicts if c.attribute == attribute), None)
    rivals = ()
    if conflict:
        rivals = tuple(_proof(result, attribute, value) for value, _, _ in conflict.sides[1:])
    return How(
        verdict=verdict,
        proofs=tuple(_proof(result, attribute, value) for value in values),
        conflict=conflict,
        rivals=rivals,
    )


# -- why not ---------------------------------------------------------------------------------


@attrs.frozen
class Candidate:
    """A rule that could conclude the value asked about, and what stood in its way.

    Attributes:
        rule: the rule.
        fired: whether it fired.
        certainty: what it contributed when it fired.
        failed: for each failed condition, a sentence naming the fact's actual value.
    """

    rule: RuleSpec
    fired: bool
    certainty: float
    failed: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id,
            "source": self.rule.source,
            "quote": self.rule.quote,
            "fired": self.fired,
            "certainty": round(self.certainty, 4),
            "failed": list(self.failed),
        }


@attrs.frozen
class WhyNot:
    """Why ``attribute`` is not ``value``.

    Attributes:
        attribute: the attribute asked about.
        value: the value asked about.
        status: ``holds`` (it is the verdict), ``outweighed`` (concluded but another value
            is stronger), ``not concluded``, or ``no rule`` (nothing can conclude it).
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "value": self.value,
            "status": self.status,
            "verdict": self.verdict.to_dict() if self.verdict else None,
            "certainty": round(self.certainty, 4),
            "candidates": [candidate.to_dict() for candidate in self.candidates],
        }

    def to_text(self) -> str:
        name = f"{self.attribute} = {_show(self.value)}"
        if self.status == "no rule":
            return f"{name}: no rule in the knowledge base concludes it."
        if self.status == "holds":
            lines = [f"{name} holds (certainty {_cf(self.certainty)})."]
        elif self.status == "outweighed":
            assert self.verdict is not None
            stronger = f"{_show(self.verdict.value)} is stronger ({_cf(self.verdict.certainty)})"
            lines = [f"{name} was concluded with certainty {_cf(self.certainty)}, but {stronger}."]
        else:
            lines = [f"{name} was not concluded."]
        for candidate in self.candidates:
            rule = candidate.rule
            if candidate.fired and candidate.certainty:
                lines.append(
                    f"  rule {rule.id} fired for it (contributes {_cf(candidate.certainty)})"
                )
            elif candidate.fired:
                lines.append(f"  rule {rule.id} fired, but a premise was too weak to count")
            else:
                lines.append(f"  rule {rule.id} did not fire:")
            lines.extend(f"    {reason}" for reason in candidate.failed)
            lines.append(f"    “{rule.quote}” ({rule.source})")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        return _markdown_from_text(self.to_text())

    def __str__(self) -> str:
        return self.to_text()


def _state(result: Result, attribute: str, concluded: bool) -> Any:
    if not concluded:
        return result.facts.get(attribute)
    return frozenset(
        value for (name, value), cf in result.certainties.items() if name == attribute
    )


def _failure(condition: Condition, state: Any) -> str:
    need = condition.describe().split(" ", 1)[1]
    known = state is not None and state != frozenset()
    if condition.concluded:
        actual = f"concluded: {_show(state)}" if known else "nothing concluded"
        return f"{condition.attribute}: {actual}; this rule needs it to be: {need}"
    if not known:
        return f"{condition.attribute} is not known; this rule needs: {need}"
    return f"{condition.attribute} is {_show(state)}; this rule needs: {need}"


def why_not(result: Result, attribute: str, value: Any) -> WhyNot:
    """Explain why ``attribute`` is not ``value``.

    Raises:
        ExplanationError: the attribute is not concluded by rules, or the value is not one
            of its values.
    """
    knowledge = result.expert.knowledge
    spec = knowledge.attributes.get(attribute)
    if spec is None or not spec.concluded:
        allowed = knowledge.concluded_attributes()
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
    verdict = next((v for v in result.verdicts if v.attribute == attribute), None)
    certainty = result.certainty(attribute, value)
    candidates = []
    for rule in knowledge.concluders(attribute, value):
        fired = [f for f in result.firings if f.rule == rule.id]
        failed = tuple(
            _failure(condition, state)
            for condition in rule.conditions
            if not condition.holds(
                state := _state(result, condition.attribute, condition.concluded)
            )
        )
        candidates.append(Candidate(rule, bool(fired), sum(f.certainty for f in fired), failed))
    if not candidates:
        status = "no rule"
    elif verdict and (value == verdict.value or (spec.multi and value in verdict.value)):
        status = "holds"
    elif certainty:
        status = "outweighed"
    else:
        status = "not concluded"
    return WhyNot(attribute, value, status, verdict, certainty, tuple(candidates))


# -- what if ---------------------------------------------------------------------------------


@attrs.frozen
class VerdictChange:
    """One verdict that a change of facts gained, lost or changed, and the rules why."""

    attribute: str
    before: Verdict | None
    after: Verdict | None
    rules: tuple[str, ...]

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
        }

    def describe(self) -> str:
        def side(verdict: Verdict | None) -> str:
            if verdict is None:
                return "nothing"
            return f"{_show(verdict.value)} ({_cf(verdict.certainty)})"

        rules = f" [rules: {', '.join(self.rules)}]" if self.rules else ""
        before, after = self.before, self.after
        if before and after and isinstance(before.value, tuple):
            # For a set, the values that came and went say more than both whole sets.
            gained = [v for v in after.value if v not in before.value]
            lost = [v for v in before.value if v not in after.value]
            parts = [f"+{_show(v)}" for v in gained] + [f"-{_show(v)}" for v in lost]
            moves = " ".join(parts) or "same values"
            return (
                f"{self.kind} {self.attribute}: {moves} "
                f"(certainty {_cf(before.certainty)} -> {_cf(after.certainty)}){rules}"
            )
        return f"{self.kind} {self.attribute}: {side(before)} -> {side(after)}{rules}"


@attrs.frozen
class Difference:
    """The verdicts that change when facts change."""

    changes: dict[str, Any]
    before: Result = attrs.field(repr=False)
    after: Result = attrs.field(repr=False)
    differences: tuple[VerdictChange, ...]

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
            "changes": {k: _show(v) if v is not None else None for k, v in self.changes.items()},
            "differences": [d.to_dict() for d in self.differences],
        }

    def to_text(self) -> str:
        shown = ", ".join(
            f"{k} = {_show(v) if v is not None else '(unknown)'}" for k, v in self.changes.items()
        )
        if not self.differences:
            return f"If {shown}: no verdict changes."
        return "\n".join([f"If {shown}:"] + [f"  {d.describe()}" for d in self.differences])

    def to_markdown(self) -> str:
        return _markdown_from_text(self.to_text())

    def __str__(self) -> str:
        return self.to_text()


def changed_facts(result: Result, changes: dict[str, Any]) -> tuple[Device, Needs, dict[str, Any]]:
    """Apply ``changes`` (short or full fact names; ``None`` forgets) to the result's facts.

    String values are parsed as on the command line (``"true"``, ``"80"``, ``"a,b"``).

    Raises:
        FactError: an unknown name or a bad value.
    """
    specs = input_specs()
    shorts = {name.split(".", 1)[1]: name for name in specs}
    facts = dict(result.facts)
    applied = {}
    for key, value in changes.items():
        name = key if key in specs else shorts.get(key)
        if name is None:
            raise FactError(
                f"no fact {key!r}; allowed: {', '.join(specs)}",
                field=key,
                value=key,
                allowed=tuple(specs),
            )
        if isinstance(value, str):
            value = specs[name].parse(value)
        if value is None:
            facts.pop(name, None)
        else:
            facts[name] = value
        applied[name] = value
    device = Device.from_mapping({k: v for k, v in facts.items() if k.startswith("device.")})
    needs = Needs.from_mapping({k: v for k, v in facts.items() if k.startswith("needs.")})
    return device, needs, applied


def what_if(result: Result, changes: dict[str, Any]) -> Difference:
    """Consult again with ``changes`` applied and compare the verdicts."""
    device, needs, applied = changed_facts(result, changes)
    after = result.expert.consult(device, needs)
    before_verdicts = {v.attribute: v for v in result.verdicts}
    after_verdicts = {v.attribute: v for v in after.verdicts}
    differences = []
    for name in result.expert.knowledge.concluded_attributes():
        old, new = before_verdicts.get(name), after_verdicts.get(name)
        if old is None and new is None:
            continue
        if (
            old
            and new
            and old.value == new.value
            and round(old.certainty, 6) == round(new.certainty, 6)
        ):
            continue
        old_rules = {f.rule for f in old.because} if old else set()
        new_rules = {f.rule for f in new.because} if new else set()
        rules = (new_rules - old_rules) or (old_rules - new_rules) or new_rules
        differences.append(VerdictChange(name, old, new, tuple(sorted(rules))))
    return Difference(applied, result, after, tuple(differences))
