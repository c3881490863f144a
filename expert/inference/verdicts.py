"""From a firing record to verdicts: certainty propagation, combination and conflicts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from ..model.certainty import THRESHOLD, combined
from ..model.outcome import Conflict, Firing, Member, Outcome, Verdict
from ..model.rules import Concluded
from ..model.vocabulary import FactValue, SingleValue, json_value, show_value
from .compiler import CompiledBase, Matched
from .notes import class_notes, note_certainties
from .runner import Record

_NOTHING: frozenset[str] = frozenset()


OutcomeT = TypeVar("OutcomeT", bound=Outcome)


def build_result(
    compiled: CompiledBase,
    stated: Mapping[str, FactValue],
    record: Record,
    *,
    engine: str = "experta",
    run_limit: int | None = None,
    implied: Mapping[str, tuple[str | None, str]] | None = None,
    make: Callable[..., OutcomeT] = Outcome,  # type: ignore[assignment]
) -> OutcomeT:
    """Turn a firing record into an outcome: certainties, verdicts and conflicts.

    What the person stated outranks what rules conclude: a concluded value an input states
    outright (``states`` in the vocabulary) holds with certainty 1, and a rule concluding
    another value of that attribute is overruled there (a conflict settled by the statement).
    Values that oppose each other (``opposes``) do not both hold: the weaker counts for
    nothing, and the pair is a conflict. ``implied`` is ``knowledge.implied(stated)`` when
    the caller has it already. ``make`` builds the outcome from its fields: the
    :class:`~expert.model.outcome.Outcome` itself, or the class of the layer above that adds its
    methods (the :class:`~expert.api.expert.Result` facade).
    """
    parts = compiled.firing_parts
    exceptions_of = compiled.exceptions
    notes_of = compiled.notes
    premises = compiled.premises
    opposed = compiled.opposed
    pieces = compiled.pieces
    each_match = compiled.each_match
    # Concluded values stated outright: attribute -> (value, the input that stated it).
    if implied is None:
        implied = compiled.knowledge.implied(stated) if compiled.stating else {}
    statements = dict(implied)
    given: set[Concluded] = {
        (name, value) for name, (value, _) in statements.items() if value is not None
    }
    # One rule is one piece of evidence: when it fires on several matches (its premise
    # holds in more than one way), it counts once, with its strongest match (MYCIN).
    contributions: dict[Concluded, dict[str, float]] = {key: {} for key in given}
    certainties: dict[Concluded, float] = dict.fromkeys(given, 1.0)
    #: Per conclusion, the firings that count as evidence for it (not too weak, not defeated).
    evidence: dict[Concluded, list[Firing]] = {}
    #: Conclusions a statement overruled: per conclusion, the rules' would-be contributions.
    overruled: dict[Concluded, dict[str, float]] = {}
    lost: dict[Concluded, Concluded] = {}  # outweighed by an opposed value
    counted: set[int] = set()  # rules that fired with a strength that counts
    changed: set[Concluded] = set()  # conclusions whose certainty is not yet updated
    firings: list[Firing] = []
    noting: list[tuple[Firing, int]] = []  # counting firings of rules that conclude notes
    current_stage = 0

    raw: dict[Concluded, float] = {}  # opposed values' certainty before they meet
    single = compiled.single
    attributes = compiled.knowledge.attributes
    #: Values of a one-valued attribute another value of which is certain: their certainty.
    excluded: dict[Concluded, float] = {}
    #: How many values of each one-valued attribute have evidence: with one, none is ruled out.
    valued: dict[str, int] = {}
    for name, _ in given:
        if name in single:
            valued[name] = valued.get(name, 0) + 1

    def settle(keys: set[Concluded], watched: frozenset[str]) -> None:
        """Combine the evidence of ``keys``; then, among those of the ``watched``
        attributes, the weaker of opposed values loses, and a certain value of a one-valued
        attribute leaves the others nothing (MYCIN)."""
        judged = []
        for key in keys:
            certainties[key] = 1.0 if key in given else combined(contributions[key])
            if key[0] in watched:
                judged.append(key)
        if not judged:
            return
        rivals = {key for key in judged if key in opposed}
        for key in rivals:
            raw[key] = certainties[key]
        if rivals:
            _oppose(rivals, opposed, raw, certainties, lost)
        for name in {key[0] for key in judged if valued.get(key[0], 0) > 1}:
            values = attributes[name].values
            _exclude(name, values, keys, contributions, certainties, excluded)

    for index, matched in _canonical(compiled, record):
        rule_id, source, quote, conclusions, _, stage, concluded = parts[index]
        if stage != current_stage:
            # Only what a later rule tests must be judged before it is weighed.
            settle(changed, compiled.judged_early)
            changed.clear()
            current_stage = stage
        # The premise is the weakest concluded fact matched; a stated fact counts as 1.
        # ``premises`` points at concluded facts only, (attribute, word) pairs: the record
        # types its matched facts as stated or concluded, and no check per firing narrows them.
        at = premises[index]
        if not at:
            premise = 1.0
        elif len(at) == 1:
            premise = certainties.get(matched[at[0]], 0.0)  # type: ignore[arg-type]
        else:
            premise = min(
                certainties.get(matched[position], 0.0)  # type: ignore[arg-type]
                for position in at
            )
        # Values with certainties of their own: one firing per certainty, each its evidence.
        # A table row with several values in a cell counts each match (``each_match``).
        label = f"{rule_id} {matched!r}" if each_match[index] else rule_id
        for piece, certainty, weighed_keys in pieces[index]:
            strength = certainty * premise if premise >= THRESHOLD else 0.0
            # An exception that fired (it waits in an earlier stage) defeats this rule on the
            # attributes it concludes itself: specificity, as CLIPS programmers arrange it.
            defeated = _NOTHING
            defeated_by: tuple[str, ...] = ()
            if exceptions_of[index]:
                exceptions = [parts[e] for e in exceptions_of[index] if e in counted]
                if exceptions:
                    defeated = frozenset().union(*(e[6] for e in exceptions)) & concluded
                    defeated_by = tuple(e[0] for e in exceptions if e[6] & defeated)
            overruled_by = ""
            if statements and not concluded.isdisjoint(statements):
                against = {a for a, v in piece if a in statements and v != statements[a][0]}
                if against:
                    defeated = defeated | against
                    overruled_by = ", ".join(sorted({statements[a][1] for a in against}))
            firing = Firing(
                rule_id, source, quote, piece, matched, certainty, strength, stage,
                defeated_by, tuple(sorted(defeated)) if defeated else (), overruled_by,
            )  # fmt: skip
            firings.append(firing)
            if strength:
                counted.add(index)
                if notes_of[index]:
                    noting.append((firing, index))
            for key in weighed_keys:  # a note no rule tests is weighed with the notes
                if key[0] in defeated:
                    if strength and overruled_by and key[0] in statements:
                        would = overruled.setdefault(key, {})
                        if abs(strength) > abs(would.get(rule_id, 0.0)):
                            would[rule_id] = strength
                        evidence.setdefault(key, []).append(firing)
                    continue
                by_rule = contributions.get(key)
                if by_rule is None:
                    by_rule = contributions[key] = {}
                    if key[0] in single:
                        valued[key[0]] = valued.get(key[0], 0) + 1
                if strength:
                    evidence.setdefault(key, []).append(firing)
                    if abs(strength) > abs(by_rule.get(label, 0.0)):
                        by_rule[label] = strength
                        changed.add(key)
    # Only what the last stage changed is not combined yet (the order stays the evidence's);
    # then every opposed value and every value of a one-valued attribute is judged.
    settle(changed | (contributions.keys() - certainties.keys()), frozenset())
    last = {key for key in contributions if key[0] in compiled.judged}
    for key in last & opposed.keys():
        if key not in raw or key in changed:
            raw[key] = certainties[key]
    if last:
        _oppose(last & opposed.keys(), opposed, raw, certainties, lost)
        for name in {key[0] for key in last if valued.get(key[0], 0) > 1}:
            _exclude(name, attributes[name].values, changed, contributions, certainties, excluded)
    certainties.update(note_certainties(compiled, noting))
    verdicts, conflicts = _verdicts(compiled, certainties, evidence, statements, excluded)
    if overruled:
        conflicts += _overruled(stated, statements, overruled, evidence, certainties)
    if lost:
        conflicts += _opposed(compiled, lost, contributions, given, evidence, certainties)
    return make(
        facts=stated,
        firings=tuple(firings),
        verdicts=verdicts,
        conflicts=tuple(conflicts),
        certainties=certainties,
        notes=class_notes(compiled, noting),
        knowledge=compiled.knowledge,
        engine=engine,
        run_limit=run_limit,
    )


def _exclude(
    name: str,
    values: tuple[str, ...],
    changed: set[Concluded],
    contributions: dict[Concluded, dict[str, float]],
    certainties: dict[Concluded, float],
    excluded: dict[Concluded, float],
) -> None:
    """Where exactly one value of the one-valued attribute ``name`` is certain, the other
    values count for nothing (their certainty, kept in ``excluded``, is shown in the
    conflict): a definite value rules the others out, as MYCIN does for a single-valued
    parameter, so nothing is chained on them. Several certain values stay, in conflict."""
    mine = {}
    for value in values:
        key = (name, value)
        if key in contributions:
            cf = (
                excluded[key]
                if key in excluded and key not in changed
                else certainties.get(key, 0.0)
            )
            if cf > 0:
                mine[key] = cf
    certain = [key for key, cf in mine.items() if cf >= 1.0 - 1e-9]
    for key, cf in mine.items():
        if len(certain) == 1 and key not in certain:
            excluded[key] = cf
            certainties[key] = 0.0
        elif key in excluded:
            certainties[key] = excluded.pop(key)


def _oppose(
    keys: set[Concluded],
    opposed: dict[Concluded, tuple[tuple[Concluded, bool], ...]],
    raw: dict[Concluded, float],
    certainties: dict[Concluded, float],
    lost: dict[Concluded, Concluded],
) -> None:
    """Settle the opposed values among ``keys`` and their rivals (``raw``: their certainty
    before they meet): a value is out (certainty 0, recorded in ``lost`` with the value it
    lost to) when a rival is stronger, or as strong and on the side that declares the
    opposition (caution first: a concern over a strength, what to avoid over what to look
    for)."""
    touched = {key for key in keys if key in opposed}
    touched |= {rival for key in touched for rival, _ in opposed[key] if rival in raw}
    for key in touched:
        mine = round(raw[key], 9)
        stronger = [
            rival
            for rival, theirs_declared in opposed[key]
            if mine > 0
            and (theirs := round(raw.get(rival, 0.0), 9)) > 0
            and (theirs > mine or (theirs == mine and theirs_declared))
        ]
        if stronger:
            certainties[key] = 0.0
            lost[key] = max(stronger, key=raw.__getitem__)
        else:
            certainties[key] = raw[key]
            lost.pop(key, None)


def _canonical(compiled: CompiledBase, record: Record) -> Record:
    """The firings in one canonical order: stage, salience, file order, then match.

    Stage order guarantees a premise's certainty is final before it is used. Within a
    stage, engines fire in their own order (experta's depends on string hashing), so the
    firings are put in one order: the same facts give the same result, firings and
    certainties (mixed-sign MYCIN combination depends on order) on every engine.
    """
    position = compiled.position
    ranks = [position[index] for index, _ in record]
    # Sorted by rank through a bound method (no Python-level key function per firing);
    # stable, as sorting the record by its ranks would be.
    ordered = [record[i] for i in sorted(range(len(record)), key=ranks.__getitem__)]
    if len(set(ranks)) == len(ranks):  # each rule fired once (a rule has one rank)
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


def _match(firing: tuple[int, Matched]) -> tuple[SingleValue | list[SingleValue] | None, ...]:
    """Sort key of a firing by its matched facts, to order the firings of one rule."""
    # A rule's n-th matched fact always comes from its n-th condition: values compare by kind.
    return tuple(json_value(value) for _, value in firing[1])


def _strongest_first(firing: Firing) -> tuple[float, str]:
    return (-abs(firing.certainty), firing.rule)


def _reasons(
    evidence: dict[Concluded, list[Firing]], attribute: str, values: tuple[str, ...]
) -> tuple[Firing, ...]:
    """The firings behind ``values`` of ``attribute``, each rule once (its strongest),
    strongest first."""
    if len(values) == 1:
        firings = evidence.get((attribute, values[0]), ())
        if len(firings) < 2:  # the usual case: one rule, or none
            return tuple(firings)
    strongest: dict[str, Firing] = {}
    for value in values:
        for firing in evidence.get((attribute, value), ()):
            kept = strongest.get(firing.rule)
            if kept is None or abs(firing.certainty) > abs(kept.certainty):
                strongest[firing.rule] = firing
    if len(strongest) == 1:
        return tuple(strongest.values())
    return tuple(sorted(strongest.values(), key=_strongest_first))


def _overruled(
    stated: Mapping[str, FactValue],
    statements: dict[str, tuple[str | None, str]],
    overruled: dict[Concluded, dict[str, float]],
    evidence: dict[Concluded, list[Firing]],
    certainties: dict[Concluded, float],
) -> list[Conflict]:
    """A conflict per attribute where rules concluded another value than the stated one: the
    statement wins, each overruled value keeps what its rules would have given it. Where
    the stated value is none of the attribute's (a cactus stated for the kind of fern), the
    winner is the stated value itself, and no value of the attribute holds."""
    conflicts = []
    for name, (value, stated_by) in statements.items():
        others = sorted(
            ((v, combined(by_rule)) for (a, v), by_rule in overruled.items() if a == name),
            key=lambda side: -side[1],
        )
        if not others:
            continue
        if value is None:
            said = stated[stated_by]
            # `states` is for a choice (the vocabulary refuses it on another kind): one word.
            shown = said if isinstance(said, str) else show_value(said)
            winner: tuple[SingleValue, float, tuple[Firing, ...]] = (shown, 1.0, ())
        else:
            winner = (value, certainties[name, value], _reasons(evidence, name, (value,)))
        sides = [winner] + [(v, cf, _reasons(evidence, name, (v,))) for v, cf in others]
        conflicts.append(Conflict(name, winner[0], tuple(sides), stated=stated_by))
    return conflicts


def _opposed(
    compiled: CompiledBase,
    lost: dict[Concluded, Concluded],
    contributions: dict[Concluded, dict[str, float]],
    given: set[Concluded],
    evidence: dict[Concluded, list[Firing]],
    certainties: dict[Concluded, float],
) -> list[Conflict]:
    """A conflict per opposed value that lost: the winner's side, then the loser's (its
    attribute in ``against``), in vocabulary order of the losers."""
    order = compiled.verdict_place
    conflicts = []
    for (name, value), (winner_name, winner) in sorted(
        lost.items(), key=lambda item: (order.get(item[0][0], 0), str(item[0][1]))
    ):
        mine = 1.0 if (name, value) in given else combined(contributions[name, value])
        sides = (
            (winner, certainties[winner_name, winner], _reasons(evidence, winner_name, (winner,))),
            (value, mine, _reasons(evidence, name, (value,))),
        )
        conflicts.append(Conflict(winner_name, winner, sides, against=name))
    return conflicts


def _verdicts(
    compiled: CompiledBase,
    certainties: dict[Concluded, float],
    evidence: dict[Concluded, list[Firing]],
    statements: dict[str, tuple[str | None, str]],
    excluded: dict[Concluded, float],
) -> tuple[tuple[Verdict, ...], list[Conflict]]:
    reasons: dict[tuple[str, tuple[str, ...]], tuple[Firing, ...]] = {}

    def because(attribute: str, values: tuple[str, ...]) -> tuple[Firing, ...]:
        """The reasons of ``values``, each set of values worked out once (asked again to
        rank values, then for the verdict and a conflict)."""
        asked = (attribute, values)
        found = reasons.get(asked)
        if found is None:
            if len(values) == 1:  # the usual case: one value of one rule, inline
                firings = evidence.get((attribute, values[0]), ())
                if len(firings) < 2:
                    found = reasons[asked] = tuple(firings)
                    return found
            found = reasons[asked] = _reasons(evidence, attribute, values)
        return found

    concluded: dict[str, dict[str, float]] = {}
    for (name, value), score in certainties.items():
        if score:  # a value no counting evidence reached is no verdict
            found = concluded.get(name)
            if found is None:
                concluded[name] = {value: score}
            else:
                found[value] = score
    for (name, value), score in excluded.items():  # ruled out by a certain value: in conflict
        concluded.setdefault(name, {})[value] = score
    verdicts: list[Verdict] = []
    conflicts: list[Conflict] = []
    place = compiled.verdict_place
    attributes = compiled.knowledge.attributes
    # Vocabulary order, walking only what was concluded (notes are no verdicts).
    for name in sorted([name for name in concluded if name in place], key=place.__getitem__):
        found = concluded[name]
        attribute = attributes[name]
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
                stated_by=statements[name][1] if name in statements else "",
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
    return tuple(verdicts), conflicts
