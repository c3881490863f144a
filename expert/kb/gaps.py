"""Inputs without advice: the input values for which a knowledge base concludes nothing a user
could act on, checked against the gaps the base admits (``gaps.toml``).

``gaps.toml`` says which inputs to try (``inputs``), which of them to try in pairs
(``pairs``), which attributes count as advice (``advice``: groups such as ``recommendation``
or full names), and lists the ``[[known]]`` gaps, each with the reason the sources say nothing
there. Every value is tried alone, on an otherwise empty consultation; an amount is tried at
and around every threshold the rules compare it with. Advice the base gives when nothing at all
is stated does not count: it is not advice on the value tried.

A note (an attribute declared ``note = true``: what the articles say of a whole class of
things) is never advice, whatever ``advice`` names: a value whose only conclusions are notes
is a gap, reported with the notes it brings, since the articles speak there but the base gives
the user nothing to act on. ``advice`` may not name a note or a group of notes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

import attrs

from .._support.key_value import key_value
from .._support.toml_files import read_toml
from ..errors import KnowledgeBaseError, brief
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Outcome
from ..model.vocabulary import Attribute, FactValue, SingleValue, show_value, values_of

__all__ = ["FILE", "Gap", "GapPolicy", "GapReport", "find_gaps", "read_policy"]

#: The file of a knowledge base that declares what to check and the known gaps.
FILE = "gaps.toml"


@attrs.frozen
class Gap:
    """Facts for which no rule concludes any advice.

    Attributes:
        facts: ``(name, value)`` pairs stated: one, or two for a pair.
        reason: why the sources say nothing here, when the base lists it as known.
    """

    facts: tuple[tuple[str, FactValue], ...]
    reason: str | None = None
    notes: tuple[str, ...] = ()

    def describe(self) -> str:
        """``plant.kind = fern``, ``plant.kind = x and plant.light = y``."""
        return " and ".join(f"{name} = {show_value(value)}" for name, value in self.facts)

    def shown(self) -> str:
        """:meth:`describe`, with the notes the facts bring when there are any."""
        if not self.notes:
            return self.describe()
        return f"{self.describe()} (only notes: {', '.join(self.notes)})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "facts": {name: show_value(value) for name, value in self.facts},
            "reason": self.reason,
            "notes": list(self.notes),
        }


@attrs.frozen
class Known:
    """A gap the base admits: the facts (an amount may be a range ``20-100``) and why."""

    facts: tuple[tuple[str, str], ...]
    reason: str

    def stated_in(self, facts: Mapping[str, FactValue]) -> bool:
        """Whether ``facts`` state this gap (a set stating it among its members)."""
        for name, pattern in self.facts:
            value = facts.get(name)
            values = value if isinstance(value, frozenset) else (value,)
            if value is None or not any(_matches(pattern, v) for v in values):
                return False
        return True

    def covers(self, gap: Gap) -> bool:
        """Whether ``gap`` is this known one."""
        if len(gap.facts) != len(self.facts):
            return False
        unmatched = list(self.facts)  # a pair may name one set input twice
        for name, value in gap.facts:
            match = next((k for k in unmatched if k[0] == name and _matches(k[1], value)), None)
            if match is None:
                return False
            unmatched.remove(match)
        return True


def _matches(pattern: str, value: FactValue | None) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, dash, high = pattern.partition("-")
        try:
            if dash:
                return float(low) <= value <= float(high)
            return float(pattern) == value
        except ValueError:
            return False
    return pattern == show_value(value)


@attrs.frozen
class GapPolicy:
    """What ``gaps.toml`` declares."""

    inputs: tuple[str, ...]
    pairs: tuple[str, ...]
    advice: tuple[str, ...]
    known: tuple[Known, ...]


@attrs.frozen
class GapReport:
    """The outcome of :func:`find_gaps`.

    Attributes:
        tried: how many consultations were tried.
        gaps: the gaps found that the base does not admit: the problems. A gap whose facts
            bring notes (``Gap.notes``) is advice the articles give only as a note.
        known: the admitted gaps that were found, with their reasons.
        stale: admitted gaps that are gaps no more (some rule now advises there).
    """

    tried: int
    gaps: tuple[Gap, ...]
    known: tuple[Gap, ...]
    stale: tuple[Known, ...]

    @property
    def ok(self) -> bool:
        """No unadmitted gap and no stale entry."""
        return not self.gaps and not self.stale

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "tried": self.tried,
            "gaps": [gap.to_dict() for gap in self.gaps],
            "known": [gap.to_dict() for gap in self.known],
            "stale": [
                {"facts": dict(entry.facts), "reason": entry.reason} for entry in self.stale
            ],
        }

    def to_text(self) -> str:
        lines = [f"Tried {self.tried} consultations of one or two needs."]
        if self.known:
            lines.append(f"Known gaps (the sources say nothing there): {len(self.known)}")
            lines.extend(f"  {gap.shown()}: {gap.reason}" for gap in self.known)
        if self.gaps:
            count = len(self.gaps)
            lines.append(f"{count} need{'s' if count != 1 else ''} without advice:")
            lines.extend(f"  {gap.shown()}" for gap in self.gaps)
            if any(gap.notes for gap in self.gaps):
                lines.append(
                    "  (only notes: the articles speak of a class there; conclude what they "
                    "advise on a recommendation attribute, or list the gap as known)"
                )
        if self.stale:
            lines.append(f"Listed as gaps in {FILE} but advised now (remove them):")
            lines.extend(
                "  " + " and ".join(f"{n} = {v}" for n, v in entry.facts) for entry in self.stale
            )
        if self.ok:
            lines.append("Every need the sources speak to gets advice.")
        return "\n".join(lines)


def read_policy(knowledge: KnowledgeBase) -> GapPolicy:
    """Read and check the base's ``gaps.toml``.

    Raises:
        KnowledgeBaseError: the file is missing or malformed.
    """
    path = Path(knowledge.path) / FILE
    if not os.path.lexists(path):  # there but unreadable is refused by the read
        raise KnowledgeBaseError(
            f"no {FILE}: it declares which needs should get advice and the known gaps "
            "(see the rule format)",
            path=knowledge.path,
        )
    data = read_toml(path)

    def names(key: str, *, inputs: bool) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeBaseError(f"`{key}` must be a list of names", path=path)
        for name in value:
            if inputs and name not in knowledge.inputs:
                raise KnowledgeBaseError(
                    f"`{key}`: {brief(name)} is not an input; allowed: "
                    f"{', '.join(knowledge.inputs)}",
                    path=path,
                )
        return tuple(value)

    unknown = sorted(set(data) - {"inputs", "pairs", "advice", "known"})
    if unknown:
        raise KnowledgeBaseError(
            f"unknown key {brief(unknown[0])}; allowed: inputs, pairs, advice, known", path=path
        )
    advice = names("advice", inputs=False)
    groups = set(knowledge.groups())
    for name in advice:
        if name not in groups and name not in knowledge.attributes:
            raise KnowledgeBaseError(
                f"`advice`: {brief(name)} is neither a group nor an attribute", path=path
            )
        members = [a for a in knowledge.attributes.values() if name in (a.name, a.group)]
        if all(a.note for a in members):
            raise KnowledgeBaseError(
                f"`advice`: {brief(name)} is a note (what the articles say of a class of "
                "things), not advice to a user",
                path=path,
            )
    return GapPolicy(
        inputs=names("inputs", inputs=True),
        pairs=names("pairs", inputs=True),
        advice=advice,
        known=tuple(_known(entry, knowledge, path) for entry in _entries(data, path)),
    )


def _entries(data: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    known = data.get("known", [])
    if not isinstance(known, list) or not all(isinstance(entry, dict) for entry in known):
        raise KnowledgeBaseError("`known` must be an array of tables ([[known]])", path=path)
    return known


def _known(entry: dict[str, Any], knowledge: KnowledgeBase, path: Path) -> Known:
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise KnowledgeBaseError("every [[known]] gap needs a `reason`", path=path)
    if "pair" in entry:
        pair = entry["pair"]
        items = pair if isinstance(pair, list) else []
        split = tuple(key_value(p) if isinstance(p, str) else None for p in items)
        if len(split) != 2 or None in split:
            raise KnowledgeBaseError('`pair` must be ["NAME=VALUE", "NAME=VALUE"]', path=path)
        facts = tuple(p for p in split if p is not None)
    else:
        name, value = entry.get("input"), entry.get("value")
        if not isinstance(name, str) or not isinstance(value, (str, int, float)):
            raise KnowledgeBaseError(
                "a [[known]] gap names `input` and `value` (or a `pair`)", path=path
            )
        facts = ((name, str(value)),)
    for name, _ in facts:
        if name not in knowledge.inputs:
            raise KnowledgeBaseError(f"[[known]]: {brief(name)} is not an input", path=path)
    return Known(facts=facts, reason=reason.strip())


def trial_values(knowledge: KnowledgeBase, attribute: Attribute) -> list[FactValue]:
    """The values worth trying for one input: every allowed value, or for an amount every
    threshold the rules use and a point on each side."""
    if attribute.kind in ("choice", "set"):
        return [frozenset({v}) if attribute.multi else v for v in attribute.values]
    if attribute.kind == "flag":
        return [True, False]
    thresholds = sorted(
        {
            float(condition.operand)
            for rule in knowledge.rules
            for condition in rule.conditions
            if condition.attribute == attribute.name
            and isinstance(condition.operand, (int, float))
        }
    )
    least = float(attribute.minimum)
    points = {least}
    for low, high in zip([least, *thresholds], [*thresholds, math.inf], strict=True):
        points.add(low)
        points.add((low + high) / 2 if math.isfinite(high) else low + abs(low) + 1)
    if attribute.maximum is not None:
        points.add(float(attribute.maximum))
    return sorted(point for point in points if attribute.within(point))


def find_gaps(
    knowledge: KnowledgeBase,
    consult: Callable[[Mapping[str, FactValue]], Outcome],
    policy: GapPolicy | None = None,
) -> GapReport:
    """Try every single input value and every pair of ``pairs`` values; report those no
    advice is concluded for.

    Args:
        knowledge: the knowledge base.
        consult: ``consult(facts) -> Result`` on that base (an :class:`~expert.Expert`'s).
        policy: what to check; the base's ``gaps.toml`` by default.
    """
    policy = policy or read_policy(knowledge)
    singles: list[tuple[str, FactValue]] = [
        (name, value)
        for name in policy.inputs
        for value in trial_values(knowledge, knowledge.inputs[name])
    ]
    paired = [
        (name, value)
        for name in policy.pairs
        for value in trial_values(knowledge, knowledge.inputs[name])
    ]
    trials: list[tuple[tuple[str, FactValue], ...]] = [(fact,) for fact in singles]
    trials += [
        (a, b)
        for a, b in combinations(paired, 2)
        if a[0] != b[0] or knowledge.inputs[a[0]].multi  # one choice cannot hold two values
    ]
    notes = {name for name, attribute in knowledge.attributes.items() if attribute.note}
    # Advice given when nothing is stated (an article's "ask yourself what you need" when no
    # use is) is given for every value that leaves those facts unstated: it is no advice on them;
    # so are the notes given then.
    nothing = consult({})
    everyone, noted = _advice(policy, nothing, notes), _notes(nothing)
    found = []
    for facts in trials:
        result = consult(_merged(facts))
        if not _advice(policy, result, notes) - everyone:
            brought = tuple(sorted(_notes(result) - noted))
            found.append(Gap(tuple((n, _shown(v)) for n, v in facts), notes=brought))
    gaps, known, used = [], [], set()
    for gap in found:
        entry = next((k for k in policy.known if k.covers(gap)), None)
        if entry is None:
            gaps.append(gap)
        else:
            used.add(entry)
            known.append(attrs.evolve(gap, reason=entry.reason))
    stale = tuple(entry for entry in policy.known if entry not in used)
    return GapReport(len(trials), tuple(gaps), tuple(known), stale)


def _merged(facts: Iterable[tuple[str, FactValue]]) -> dict[str, FactValue]:
    """The facts as a consultation's mapping; two values of one set input are one set."""
    merged: dict[str, FactValue] = {}
    for name, value in facts:
        before = merged.get(name)
        # Only a set input is tried twice in one trial (see find_gaps).
        if isinstance(before, frozenset) and isinstance(value, frozenset):
            value = before | value
        merged[name] = value
    return merged


def _shown(value: FactValue) -> FactValue:
    if isinstance(value, frozenset) and len(value) == 1:
        return next(iter(value))
    return value


def _advice(policy: GapPolicy, result: Outcome, notes: set[str]) -> set[tuple[str, SingleValue]]:
    """The advice a result concludes: (attribute, value) for each value of each advice verdict.
    A note attribute is never advice."""
    return {
        (verdict.attribute, value)
        for verdict in result.verdicts
        if verdict.attribute not in notes and _is_advice(policy, verdict.attribute)
        for value in values_of(verdict.value)
    }


def _notes(result: Outcome) -> set[str]:
    """The note attributes a result concludes."""
    return {note.attribute for note in result.notes}


def _is_advice(policy: GapPolicy, attribute: str) -> bool:
    return attribute in policy.advice or attribute.split(".", 1)[0] in policy.advice
