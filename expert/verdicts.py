"""From a firing record to verdicts: certainty propagation, combination and conflicts."""

from __future__ import annotations

from typing import Any

from .certainty import THRESHOLD, combine_all
from .compiler import CompiledBase
from .result import Conflict, Firing, Member, Note, Result, Verdict
from .runner import Record

__all__ = ["build_result"]

_NOTHING: frozenset[str] = frozenset()


def build_result(
    compiled: CompiledBase,
    stated: dict[str, Any],
    record: Record,
    *,
    engine: str = "experta",
    run_limit: int | None = None,
) -> Result:
    """Turn a firing record into a :class:`Result`: certainties, verdicts and conflicts."""
    parts = compiled.firing_parts
    exceptions_of = compiled.exceptions
    notes_of = compiled.notes
    premises = compiled.premises
    # One rule is one piece of evidence: when it fires on several matches (its premise
    # holds in more than one way), it counts once, with its strongest match (MYCIN).
    contributions: dict[tuple[str, Any], dict[str, float]] = {}
    certainties: dict[tuple[str, Any], float] = {}
    #: Per conclusion, the firings that count as evidence for it (not too weak, not defeated).
    evidence: dict[tuple[str, Any], list[Firing]] = {}
    counted: set[int] = set()  # rules that fired with a strength that counts
    changed: set[tuple[str, Any]] = set()  # conclusions whose certainty is not yet updated
    firings: list[Firing] = []
    noting: list[tuple[Firing, int]] = []  # counting firings of rules that conclude notes
    current_stage = 0
    for index, matched in _canonical(compiled, record):
        rule_id, source, quote, conclusions, rule_certainty, stage, concluded = parts[index]
        if stage != current_stage:
            for key in changed:
                certainties[key] = _combined(contributions[key])
            changed.clear()
            current_stage = stage
        # The premise is the weakest concluded fact matched; a stated fact counts as 1.
        at = premises[index]
        if not at:
            premise = 1.0
        elif len(at) == 1:
            premise = certainties.get(matched[at[0]], 0.0)
        else:
            premise = min(certainties.get(matched[position], 0.0) for position in at)
        strength = rule_certainty * premise if premise >= THRESHOLD else 0.0
        # An exception that fired (it waits in an earlier stage) defeats this rule on the
        # attributes it concludes itself: specificity, as CLIPS programmers arrange it.
        defeated = _NOTHING
        defeated_by: tuple[str, ...] = ()
        if exceptions_of[index]:
            exceptions = [parts[e] for e in exceptions_of[index] if e in counted]
            if exceptions:
                defeated = frozenset().union(*(e[6] for e in exceptions)) & concluded
                defeated_by = tuple(e[0] for e in exceptions if e[6] & defeated)
        firing = Firing(
            rule_id, source, quote, conclusions, matched, rule_certainty, strength, stage,
            defeated_by, tuple(sorted(defeated)) if defeated else (),
        )  # fmt: skip
        firings.append(firing)
        if strength:
            counted.add(index)
            if notes_of[index]:
                noting.append((firing, index))
        for key in conclusions:
            if key[0] in defeated:
                continue
            by_rule = contributions.setdefault(key, {})
            if strength:
                evidence.setdefault(key, []).append(firing)
                if abs(strength) > abs(by_rule.get(rule_id, 0.0)):
                    by_rule[rule_id] = strength
                    changed.add(key)
    # Only what the last stage changed is not combined yet (the order stays the evidence's).
    certainties = {
        key: certainties[key] if key in certainties and key not in changed else _combined(by_rule)
        for key, by_rule in contributions.items()
    }
    verdicts, conflicts = _verdicts(compiled, certainties, evidence)
    return Result(
        facts=stated,
        firings=tuple(firings),
        verdicts=verdicts,
        conflicts=conflicts,
        certainties=certainties,
        notes=_notes(compiled, noting),
        knowledge=compiled.knowledge,
        engine=engine,
        run_limit=run_limit,
    )


def _combined(by_rule: dict[str, float]) -> float:
    """The combined certainty of one conclusion's evidence (one factor per rule)."""
    if len(by_rule) == 1:  # the usual case: what combine_all gives for one factor
        for factor in by_rule.values():
            return round(factor, 10)
    return combine_all(by_rule.values())


def _canonical(compiled: CompiledBase, record: Record) -> Record:
    """The firings in one canonical order: stage, salience, file order, then match.

    Stage order guarantees a premise's certainty is final before it is used. Within a
    stage, engines fire in their own order (experta's depends on string hashing), so the
    firings are put in one order: the same facts give the same result, firings and
    certainties (mixed-sign MYCIN combination depends on order) on every engine.
    """
    position = compiled.position
    ordered = sorted(record, key=lambda firing: position[firing[0]])
    if len({index for index, _ in record}) == len(record):  # each rule fired once
        return ordered
    # A rule that fired on several matches: its firings in the order of their matches.
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[end][0] == ordered[start][0]:
            end += 1
        if end - start > 1:
            ordered[start:end] = sorted(ordered[start:end], key=_match)
        start = end
    return ordered


def _match(firing: tuple[int, tuple[tuple[str, Any], ...]]) -> tuple[Any, ...]:
    """Sort key of a firing by its matched facts, to order the firings of one rule."""
    # A rule's n-th matched fact always comes from its n-th condition: values compare by kind.
    return tuple(
        sorted(value) if isinstance(value, frozenset) else value for _, value in firing[1]
    )


def _strongest_first(firing: Firing) -> tuple[float, str]:
    return (-abs(firing.certainty), firing.rule)


def _verdicts(
    compiled: CompiledBase,
    certainties: dict[tuple[str, Any], float],
    evidence: dict[tuple[str, Any], list[Firing]],
) -> tuple[tuple[Verdict, ...], tuple[Conflict, ...]]:
    reasons: dict[tuple[str, tuple[Any, ...]], tuple[Firing, ...]] = {}

    def because(attribute: str, values: tuple[Any, ...]) -> tuple[Firing, ...]:
        """The firings behind ``values`` of ``attribute``, each rule once (its strongest),
        strongest first."""
        asked = (attribute, values)
        found = reasons.get(asked)
        if found is not None:  # asked again to rank values, then for the verdict and conflict
            return found
        if len(values) == 1:
            firings = evidence.get((attribute, values[0]), ())
            if len(firings) < 2:  # the usual case: one rule, or none
                found = reasons[asked] = tuple(firings)
                return found
        strongest: dict[str, Firing] = {}
        for value in values:
            for firing in evidence.get((attribute, value), ()):
                kept = strongest.get(firing.rule)
                if kept is None or abs(firing.certainty) > abs(kept.certainty):
                    strongest[firing.rule] = firing
        if len(strongest) == 1:
            found = tuple(strongest.values())
        else:
            found = tuple(sorted(strongest.values(), key=_strongest_first))
        reasons[asked] = found
        return found

    concluded: dict[str, dict[Any, float]] = {}
    for (name, value), score in certainties.items():
        if score:  # a value no counting evidence reached is no verdict
            concluded.setdefault(name, {})[value] = score
    verdicts: list[Verdict] = []
    conflicts: list[Conflict] = []
    for name, attribute in compiled.verdict_attributes:
        found = concluded.get(name)
        if found is None:
            continue
        # In vocabulary order (a rule's conclusions were checked against it when loaded).
        scores = (
            found
            if len(found) == 1
            else {value: found[value] for value in attribute.values if value in found}
        )
        if attribute.multi:
            held = tuple(value for value, score in scores.items() if score > 0)
            if not held:
                continue
            # Strongest first; equal ones in vocabulary order.
            ranked = (
                sorted(held, key=lambda value: -round(scores[value], 9)) if len(held) > 1 else held
            )
            verdicts.append(
                Verdict(
                    attribute=name,
                    value=held,
                    certainty=min(scores[value] for value in held),
                    because=because(name, held),
                    alternatives=scores,
                    members=tuple(
                        Member(value, scores[value], because(name, (value,))) for value in ranked
                    ),
                )
            )
            continue
        if len(scores) == 1:
            (winner,) = scores
        else:  # ties go to the value more articles support, then to vocabulary order
            winner = max(
                scores,
                key=lambda value: (
                    round(scores[value], 9),
                    len({f.source for f in because(name, (value,)) if f.certainty > 0}),
                ),
            )
        verdicts.append(
            Verdict(
                attribute=name,
                value=winner,
                certainty=scores[winner],
                because=because(name, (winner,)),
                alternatives=scores,
            )
        )
        positive = [value for value, score in scores.items() if score > 0]
        if len(positive) > 1:
            others = sorted((v for v in positive if v != winner), key=lambda v: -scores[v])
            ranked = [winner, *others]
            conflicts.append(
                Conflict(
                    attribute=name,
                    winner=winner,
                    sides=tuple(
                        (value, scores[value], because(name, (value,))) for value in ranked
                    ),
                )
            )
    return tuple(verdicts), tuple(conflicts)


def _notes(compiled: CompiledBase, noting: list[tuple[Firing, int]]) -> tuple[Note, ...]:
    """One note per counting firing of a rule that concludes a note attribute (a claim about
    a class), in firing order; a rule that fired on several matches says it once."""
    attributes = compiled.knowledge.attributes
    notes: dict[tuple[str, str], Note] = {}
    for firing, index in noting:
        for name, values in compiled.notes[index]:
            if (firing.rule, name) in notes:
                continue
            attribute = attributes[name]
            notes[firing.rule, name] = Note(
                subject=attribute.group,
                attribute=name,
                value=values if attribute.multi else values[0],
                rule=firing.rule,
                source=firing.source,
                quote=firing.quote,
                certainty=firing.certainty,
            )
    return tuple(notes.values())
