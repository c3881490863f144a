"""From a firing record to verdicts: certainty propagation, combination and conflicts."""

from __future__ import annotations

from collections.abc import Iterable
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
    rules = compiled.knowledge.rules
    # Stage order guarantees a premise's certainty is final before it is used. Within a
    # stage, engines fire in their own order (experta's depends on string hashing), so the
    # firings are put in one canonical order: the same facts give the same result, firings
    # and certainties (mixed-sign MYCIN combination depends on order) on every engine.
    ordered = sorted(record, key=lambda firing: (compiled.rank[firing[0]], _match(firing[1])))
    # One rule is one piece of evidence: when it fires on several matches (its premise
    # holds in more than one way), it counts once, with its strongest match (MYCIN).
    contributions: dict[tuple[str, Any], dict[str, float]] = {}
    certainties: dict[tuple[str, Any], float] = {}
    counted: set[int] = set()  # rules that fired with a strength that counts
    changed: set[tuple[str, Any]] = set()  # conclusions whose certainty is not yet updated
    firings: list[Firing] = []
    current_stage = None
    for index, matched in ordered:
        rule = rules[index]
        stage = compiled.rank[index][0]
        if stage != current_stage:
            for key in changed:
                certainties[key] = combine_all(contributions[key].values())
            changed.clear()
            current_stage = stage
        # A stage-0 rule tests stated facts only, and a stated fact counts as 1.
        premise = (
            min(
                (certainties.get(fact, 0.0) for fact in matched if fact[0] not in stated),
                default=1.0,
            )
            if stage
            else 1.0
        )
        strength = rule.certainty * premise if premise >= THRESHOLD else 0.0
        conclusions = compiled.conclusions[index]
        # An exception that fired (it waits in an earlier stage) defeats this rule on the
        # attributes it concludes itself: specificity, as CLIPS programmers arrange it.
        exceptions = [rules[e] for e in compiled.exceptions[index] if e in counted]
        defeated = (
            {a for e in exceptions for a in e.concluded()} & rule.concluded()
            if exceptions
            else _NOTHING
        )
        if strength:
            counted.add(index)
        for key in conclusions:
            if key[0] in defeated:
                continue
            by_rule = contributions.setdefault(key, {})
            if strength and abs(strength) > abs(by_rule.get(rule.id, 0.0)):
                by_rule[rule.id] = strength
                changed.add(key)
        firings.append(
            Firing(
                rule=rule.id,
                source=rule.source,
                quote=compiled.quotes[index],
                conclusions=conclusions,
                matched=matched,
                rule_certainty=rule.certainty,
                certainty=strength,
                stage=stage,
                defeated_by=tuple(e.id for e in exceptions if e.concluded() & defeated),
                defeated=tuple(sorted(defeated)) if defeated else (),
            )
        )
    # Only what the last stage changed is not combined yet (the order stays the evidence's).
    certainties = {
        key: certainties[key]
        if key in certainties and key not in changed
        else combine_all(by_rule.values())
        for key, by_rule in contributions.items()
    }
    in_order = tuple(firings)
    verdicts, conflicts = _verdicts(compiled, certainties, in_order)
    return Result(
        facts=stated,
        firings=in_order,
        verdicts=verdicts,
        conflicts=conflicts,
        certainties=certainties,
        notes=_notes(compiled, in_order, [index for index, _ in ordered]),
        knowledge=compiled.knowledge,
        engine=engine,
        run_limit=run_limit,
    )


def _match(matched: tuple[tuple[str, Any], ...]) -> tuple[Any, ...]:
    """Sort key of a firing's matched facts, to order the firings of one rule."""
    # A rule's n-th matched fact always comes from its n-th condition: values compare by kind.
    return tuple(sorted(value) if isinstance(value, frozenset) else value for _, value in matched)


def _verdicts(
    compiled: CompiledBase,
    certainties: dict[tuple[str, Any], float],
    firings: tuple[Firing, ...],
) -> tuple[tuple[Verdict, ...], tuple[Conflict, ...]]:
    knowledge = compiled.knowledge
    by_conclusion: dict[tuple[str, Any], list[Firing]] = {}
    for firing in firings:
        if not firing.certainty:
            continue  # it fired on a premise too weak to count (or defeated): no evidence
        defeated = firing.defeated
        for conclusion in firing.conclusions:
            if not defeated or conclusion[0] not in defeated:
                by_conclusion.setdefault(conclusion, []).append(firing)

    reasons: dict[tuple[str, tuple[Any, ...]], tuple[Firing, ...]] = {}

    def because(attribute: str, values: Iterable[Any]) -> tuple[Firing, ...]:
        asked = (attribute, tuple(values))
        if asked in reasons:  # asked again to rank values, then for the verdict and conflict
            return reasons[asked]
        strongest: dict[str, Firing] = {}
        for value in asked[1]:
            for firing in by_conclusion.get((attribute, value), ()):
                kept = strongest.get(firing.rule)
                if kept is None or abs(firing.certainty) > abs(kept.certainty):
                    strongest[firing.rule] = firing
        found = tuple(sorted(strongest.values(), key=lambda f: (-abs(f.certainty), f.rule)))
        reasons[asked] = found
        return found

    concluded: dict[str, dict[Any, float]] = {}
    for (name, value), score in certainties.items():
        if score:  # a value no counting evidence reached is no verdict
            concluded.setdefault(name, {})[value] = score
    verdicts: list[Verdict] = []
    conflicts: list[Conflict] = []
    for name in compiled.concluded:
        if name not in concluded:
            continue
        attribute = knowledge.attributes[name]
        if attribute.note:
            continue
        found = concluded[name]
        scores = {value: found[value] for value in attribute.values if value in found}
        if attribute.multi:
            held = tuple(value for value, score in scores.items() if score > 0)
            if not held:
                continue
            # Strongest first; equal ones in vocabulary order.
            ranked = sorted(held, key=lambda value: -round(scores[value], 9))
            verdicts.append(
                Verdict(
                    attribute=name,
                    value=held,
                    certainty=min(scores[value] for value in held),
                    because=because(name, held),
                    alternatives=scores,
                    members=tuple(
                        Member(value, scores[value], because(name, [value])) for value in ranked
                    ),
                )
            )
            continue
        # Ties go to the value more articles support, then to vocabulary order.
        winner = max(
            scores,
            key=lambda value: (
                round(scores[value], 9),
                len({f.source for f in because(name, [value]) if f.certainty > 0}),
            ),
        )
        verdicts.append(
            Verdict(
                attribute=name,
                value=winner,
                certainty=scores[winner],
                because=because(name, [winner]),
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
                        (value, scores[value], because(name, [value])) for value in ranked
                    ),
                )
            )
    return tuple(verdicts), tuple(conflicts)


def _notes(
    compiled: CompiledBase, firings: tuple[Firing, ...], indexes: list[int]
) -> tuple[Note, ...]:
    """One note per firing of a rule that concludes a note attribute (a claim about a
    class), in firing order; a rule that fired on several matches says it once."""
    attributes = compiled.knowledge.attributes
    notes: dict[tuple[str, str], Note] = {}
    for firing, index in zip(firings, indexes, strict=True):
        for name in compiled.notes[index]:
            attribute = attributes[name]
            if firing.certainty == 0 or (firing.rule, name) in notes:
                continue
            values = tuple(value for a, value in firing.conclusions if a == name)
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
