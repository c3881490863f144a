"""What would it take: the smallest changes of the stated facts under which a verdict holds.

The changes are found from the rules, not by trying every combination of facts: each way the
rules can reach ``attribute = value`` (:mod:`expert.kb.derivations`) names conditions on input facts;
a way whose unmet conditions touch at most ``max_changes`` facts gives one candidate change,
the values chosen to meet every condition on each fact. Each candidate is then consulted (the
verdict must really hold: another rule may outweigh or defeat the one traced), and only the
smallest successful changes are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .._support.short_repr import cf, fit, shown
from ..errors import ExplanationError, Parameter
from ..kb.derivations import Derivation, Derivations, value_meeting
from ..model.display import Displayable, Line
from ..model.outcome import Firing, Outcome
from ..model.rules import Condition
from ..model.vocabulary import (
    FactValue,
    SingleValue,
    json_value,
    show_value,
    values_of,
)
from ..model.words import short_quote
from .questions import rules_bearing_on
from .why_not import asked_about

__all__ = ["Change", "HowTo", "Option", "how_to"]

#: The most candidate changes consulted for one question.
MAX_TRIALS = 200

#: The options shown in text; the data keeps them all.
SHOWN = 5


@attrs.frozen(repr=False)
class Change:
    """One stated fact changed: from ``before`` (``None``: not stated) to ``after``."""

    name: str
    before: FactValue | None
    after: FactValue | None

    def __repr__(self) -> str:
        return fit(f"Change({self._moved()})")

    def _moved(self) -> str:
        return f"{self.name}: {shown(self.before, 30)} -> {shown(self.after, 30)}"

    def describe(self) -> str:
        """``plant.light: low -> bright``."""
        before = "not stated" if self.before is None else show_value(self.before)
        after = "not stated" if self.after is None else show_value(self.after)
        return f"{self.name}: {before} -> {after}"


@attrs.frozen(repr=False)
class Option:
    """One way to make the verdict hold.

    Attributes:
        changes: the facts to change.
        certainty: the certainty the verdict would then have.
        firings: the rules that would then conclude it (with their premises' rules), each
            with its quote.
    """

    changes: tuple[Change, ...]
    certainty: float
    firings: tuple[Firing, ...]

    def __repr__(self) -> str:
        changes = "; ".join(change._moved() for change in self.changes)
        return fit(f"Option({changes}, {cf(self.certainty)})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the changes, the certainty and the rules that would fire."""
        return {
            "changes": [
                {"fact": c.name, "from": json_value(c.before), "to": json_value(c.after)}
                for c in self.changes
            ],
            "certainty": round(self.certainty, 4),
            "because": [firing.to_dict() for firing in self.firings],
        }


@attrs.frozen(repr=False)
class HowTo(Displayable):
    """What it would take for ``attribute`` to be ``value``.

    Attributes:
        attribute: the attribute asked about.
        value: the value wanted.
        max_changes: the most facts an option may change.
        holds: it holds already (no change needed).
        options: the smallest changes that make it hold, fewest first.
    """

    attribute: str
    value: SingleValue
    max_changes: int
    holds: bool
    options: tuple[Option, ...]

    def __repr__(self) -> str:
        count = len(self.options)
        found = "holds" if self.holds else f"{count} option{'' if count == 1 else 's'}"
        return fit(f"HowTo({self.attribute}={shown(self.value, 40)}: {found})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the question, whether it holds already, and every option."""
        return {
            "attribute": self.attribute,
            "value": self.value,
            "max_changes": self.max_changes,
            "holds": self.holds,
            "options": [option.to_dict() for option in self.options],
        }

    def lines(self) -> list[Line]:
        wanted = f"{self.attribute} = {show_value(self.value)}"
        if self.holds:
            return [Line(0, "heading", f"{wanted} holds already: nothing needs to change.")]
        if not self.options:
            most = f"{self.max_changes} fact{'s' if self.max_changes != 1 else ''}"
            return [
                Line(
                    0,
                    "heading",
                    f"No change of at most {most} makes {wanted} hold, as far as the rules go.",
                )
            ]
        out = [Line(0, "heading", f"For {wanted}:")]
        for number, option in enumerate(self.options[:SHOWN], 1):
            changes = "; ".join(change.describe() for change in option.changes)
            out.append(
                Line(1, "change", f"{number}. change {changes} (certainty {cf(option.certainty)})")
            )
            for firing in option.firings[:2]:
                said = ", ".join(f"{a} = {show_value(v)}" for a, v in firing.conclusions[:2])
                out.append(Line(2, "rule", f"then {firing.rule} concludes {said}:"))
                out.append(Line(3, "quote", f"“{short_quote(firing.quote)}” ({firing.source})"))
        hidden = len(self.options) - SHOWN
        if hidden > 0:
            out.append(Line(1, "hint", f"and {hidden} more (to_dict() or --json lists them)."))
        return out


def how_to(
    result: Outcome,
    attribute: str,
    value: SingleValue,
    max_changes: int,
    consult: Callable[[Mapping[str, object]], Outcome],
) -> HowTo:
    """The smallest changes of ``result``'s stated facts under which ``attribute`` would be
    ``value``, each tried by consulting again through ``consult`` (on the same knowledge
    base and engine).

    Raises:
        ExplanationError: the attribute is not concluded by rules, or the value is not one
            of its values, or ``max_changes`` is not a whole number >= 1.
    """
    knowledge = result.knowledge
    asked_about(knowledge, attribute, value, notes=False)
    if isinstance(max_changes, bool) or not isinstance(max_changes, int) or max_changes < 1:
        raise ExplanationError(
            (Parameter("max_changes"), f" must be a whole number >= 1, not {max_changes!r}"),
            attribute="max_changes",
        )
    if _holds(result, attribute, value):
        return HowTo(attribute, value, max_changes, True, ())
    ways = Derivations(knowledge).ways(attribute, value)
    if ways is None:
        # Too many ways to list (a test that any value be present, over many rules): each
        # rule bearing on the verdict offers the stated facts it tests itself.
        bearing = rules_bearing_on(knowledge, attribute)
        ways = tuple(
            Derivation(tuple(c for c in rule.conditions if not c.concluded), (rule.id,))
            for rule in knowledge.rules
            if rule.id in bearing
        )
    candidates: dict[frozenset[tuple[str, FactValue | None]], tuple[Change, ...]] = {}
    for way in ways:
        changes = _changes(result, way)
        if changes is not None and 0 < len(changes) <= max_changes:
            key = frozenset((c.name, c.after) for c in changes)
            candidates.setdefault(key, changes)
    options: list[Option] = []
    for changes in sorted(candidates.values(), key=len)[:MAX_TRIALS]:
        if any({c.name for c in o.changes} < {c.name for c in changes} for o in options):
            continue  # a smaller change of the same facts already does it
        facts: dict[str, FactValue | None] = dict(result.facts)
        facts.update({change.name: change.after for change in changes})  # None: unstated
        after = consult({n: v for n, v in facts.items() if v is not None})
        if _holds(after, attribute, value):
            options.append(
                Option(changes, after.certainty(attribute, value), _chain(after, attribute, value))
            )
    options.sort(key=lambda o: (len(o.changes), -o.certainty, [c.name for c in o.changes]))
    return HowTo(attribute, value, max_changes, False, tuple(options))


def _holds(result: Outcome, attribute: str, value: SingleValue) -> bool:
    if attribute not in result:
        return False
    verdict = result.verdict(attribute)
    if verdict.members:
        return value in values_of(verdict.value)
    return verdict.value == value and verdict.certainty > 0  # not evidence against it


def _changes(result: Outcome, way: Derivation) -> tuple[Change, ...] | None:
    """The changes of stated facts that meet every condition of ``way``, or ``None`` when
    no value of some fact meets them all."""
    grouped: dict[str, list[Condition]] = {}
    for condition in way.conditions:
        grouped.setdefault(condition.attribute, []).append(condition)
    changes = []
    for name, conditions in grouped.items():
        current = result.facts.get(name)
        if all(condition.holds(current) for condition in conditions):
            continue
        attribute = result.knowledge.attributes[name]
        found, after = value_meeting(attribute, conditions, current)
        if not found:
            return None
        changes.append(Change(name, current, after))
    return tuple(changes)


def _chain(result: Outcome, attribute: str, value: SingleValue) -> tuple[Firing, ...]:
    """The firings that conclude ``attribute = value`` (strongest first) and, after them,
    those of their premises."""
    out: dict[str, Firing] = {}
    todo: list[tuple[str, FactValue]] = [(attribute, value)]
    while todo:
        name, wanted = todo.pop(0)
        support = sorted(result.support(name, wanted), key=lambda f: (-abs(f.certainty), f.rule))
        for firing in support:
            if firing.rule in out or not firing.certainty:
                continue
            out[firing.rule] = firing
            todo += [(a, v) for a, v in firing.matched if a not in result.facts]
    return tuple(out.values())
