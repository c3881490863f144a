"""*What if*: consult again with changed facts and compare the verdicts, attribute by
attribute, with the rules gained and lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._support.short_repr import cf, fit, pairs, shown
from ..model.display import Displayable, Line
from ..model.stated_facts import GivenFacts, named_once
from ..model.vocabulary import FactValue, show_value, values_of

if TYPE_CHECKING:
    from ..model.outcome import Outcome, Verdict


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
            return f"{show_value(verdict.value)} ({cf(verdict.certainty)})"

        named = [f"+{rule}" for rule in self.rules] + [f"-{rule}" for rule in self.rules_gone]
        rules = f" [rules: {', '.join(named)}]" if named else ""
        before, after = self.before, self.after
        if before and after and isinstance(before.value, tuple):
            # For a set, the values that came and went say more than both whole sets.
            gained = [v for v in values_of(after.value) if v not in before.value]
            lost = [v for v in before.value if v not in values_of(after.value)]
            parts = [f"+{show_value(v)}" for v in gained] + [f"-{show_value(v)}" for v in lost]
            moves = " ".join(parts) or "same values"
            return (
                f"{self.kind} {self.attribute}: {moves} "
                f"(certainty {cf(before.certainty)} -> {cf(after.certainty)}){rules}"
            )
        line = f"{self.kind} {self.attribute}: {side(before)} -> {side(after)}"
        if before and after:
            # The verdict may stay while a rival value appears or goes: a dispute settled.
            shown = {before.value, after.value} if not isinstance(before.value, tuple) else set()
            old = set(before.alternatives) - shown
            new = set(after.alternatives) - shown
            rivals = [f"-{show_value(v)} ({cf(before.alternatives[v])})" for v in old - new]
            rivals += [f"+{show_value(v)} ({cf(after.alternatives[v])})" for v in new - old]
            if rivals:
                line += f"; values considered: {' '.join(sorted(rivals))}"
        return line + rules


@attrs.frozen(repr=False)
class Difference(Displayable):
    """The verdicts that change when facts change."""

    changes: dict[str, FactValue | None]
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


def changed_facts(
    result: Outcome, changes: GivenFacts
) -> tuple[dict[str, FactValue], dict[str, FactValue | None]]:
    """Apply ``changes`` (full, or unambiguous short fact names; ``None`` forgets) to the
    result's facts; return the new facts and the changes by full name.

    String values are parsed as on the command line (``"true"``, ``"80"``, ``"a,b"``).

    Raises:
        FactError: an unknown name, a fact changed twice or a bad value.
    """
    facts = dict(result.facts)
    applied: dict[str, FactValue | None] = {}
    for attribute, given in named_once(result.knowledge.inputs, changes):
        value = None if given is None else attribute.validate(given)
        if value is None:
            facts.pop(attribute.name, None)
        else:
            facts[attribute.name] = value
        applied[attribute.name] = value
    return facts, applied


def _rounded(alternatives: Mapping[str, float]) -> dict[str, float]:
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
