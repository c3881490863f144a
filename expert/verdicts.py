"""From a firing record to verdicts: certainty propagation, combination and conflicts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .certainty import THRESHOLD, combine_all
from .compiler import CompiledBase
from .knowledge import KnowledgeBase
from .result import Conflict, Firing, Member, Note, Result, Verdict
from .runner import Record

__all__ = ["build_result"]


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
    rank = compiled.rank
    ordered = sorted(record, key=lambda firing: (rank[firing[0]], _match(firing[1])))
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
        premise = min(
            (certainties.get(fact, 0.0) for fact in matched if fact[0] not in stated),
            default=1.0,
        )
        strength = rule.certainty * premise if premise >= THRESHOLD else 0.0
        conclusions = compiled.conclusions[index]
        # An exception that fired (it waits in an earlier stage) defeats this rule on the
        # attributes it concludes itself: specificity, as CLIPS programmers arrange it.
        exceptions: list[int] = []
        defeated: frozenset[str] = frozenset()
        if compiled.exceptions[index]:
            exceptions = [e for e in compiled.exceptions[index] if e in counted]
            concluded = compiled.concluded[index]
            defeated = frozenset(a for e in exceptions for a in compiled.concluded[e]) & concluded
        if strength:
            counted.add(index)
            for key in conclusions:
                if key[0] in defeated:
                    continue
                by_rule = contributions.setdefault(key, {})
                if abs(strength) > abs(by_rule.get(rule.id, 0.0)):
                    by_rule[rule.id] = strength
                    changed.add(key)
        firings.append(
            Firing(
                rule.id,
                rule.source,
                rule.quote,
                conclusions,
                matched,
                rule.certainty,
                strength,
                stage,
                tuple(rules[e].id for e in exceptions if compiled.concluded[e] & defeated),
                tuple(sorted(defeated)),
            )
        )
    certainties = {key: combine_all(by_rule.values()) for key, by_rule in contributions.items()}
    in_order = tuple(firings)
    verdicts, conflicts = _verdicts(compiled.knowledge, certainties, in_order)
    return Result(
        facts=stated,
        firings=in_order,
        verdicts=verdicts,
        conflicts=conflicts,
        certainties=certainties,
        notes=_notes(compiled.knowledge, in_order),
        knowledge=compiled.knowledge,
        engine=engine,
        run_limit=run_limit,
    )


def _match(matched: tuple[tuple[str, Any], ...]) -> tuple[Any, ...]:
    """Sort key of a firing's matched facts, to order the firings of one rule."""
    # A rule's n-th matched fact always comes from its n-th condition: values compare by kind.
    return tuple(sorted(value) if isinstance(value, frozenset) else value for _, value in matched)


def _verdicts(
    knowledge: KnowledgeBase,
    certainties: dict[tuple[str, Any], float],
    firings: tuple[Firing, ...],
) -> tuple[tuple[Verdict, ...], tuple[Conflict, ...]]:
    by_conclusion: dict[tuple[str, Any], list[Firing]] = {}
    for firing in firings:
        for conclusion in firing.conclusions:
            if firing.counts_for(conclusion[0]):
                by_conclusion.setdefault(conclusion, []).append(firing)

    reasons: dict[tuple[str, tuple[Any, ...]], tuple[Firing, ...]] = {}

    def because(attribute: str, values: Iterable[Any]) -> tuple[Firing, ...]:
        asked = (attribute, tuple(values))
        if asked in reasons:  # asked again to rank values, then for the verdict and conflict
            return reasons[asked]
        strongest: dict[str, Firing] = {}
        for value in asked[1]:
            for firing in by_conclusion.get((attribute, value), ()):
                if not firing.certainty:
                    # It fired on a premise too weak to count (or defeated): no evidence.
                    continue
                kept = strongest.get(firing.rule)
                if kept is None or abs(firing.certainty) > abs(kept.certainty):
                    strongest[firing.rule] = firing
        found = tuple(sorted(strongest.values(), key=lambda f: (-abs(f.certainty), f.rule)))
        reasons[asked] = found
        return found

    # Only the attributes something was concluded on, each value once: a base with many
    # attributes costs nothing for those a consultation does not touch.
    concluded: dict[str, list[Any]] = {}
    for (name, value), certainty in certainties.items():
        if certainty:  # a value no counting evidence reached is no verdict
            concluded.setdefault(name, []).append(value)
    verdicts: list[Verdict] = []
    conflicts: list[Conflict] = []
    for name in knowledge.verdict_attributes():
        if name not in concluded:
            continue
        attribute = knowledge.attributes[name]
        order = attribute.values
        scores = {
            value: certainties[(name, value)] for value in sorted(concluded[name], key=order.index)
        }
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


def _notes(knowledge: KnowledgeBase, firings: tuple[Firing, ...]) -> tuple[Note, ...]:
    """One note per firing of a rule that concludes a note attribute (a claim about a
    class), in firing order; a rule that fired on several matches says it once."""
    notes: dict[tuple[str, str], Note] = {}
    for firing in firings:
        for name in dict.fromkeys(attribute for attribute, _ in firing.conclusions):
            attribute = knowledge.attributes[name]
            if not attribute.note or firing.certainty == 0 or (firing.rule, name) in notes:
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
