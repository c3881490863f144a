"""Verification of a knowledge base: the static checks behind ``expert check``.

Loading already rejects unknown fact names and values, malformed rules and cycles. These checks
look at the base as a whole: quotes that are not in their article, duplicate and subsumed
rules, rules that can never fire, and the disagreements (rules concluding different values of
one attribute on conditions that can hold together), which are listed but are not defects.

The checks scale near-linearly with the number of rules: rules are compared only with the
rules their findings could involve, found through indexes (by conclusion, by the set of
attributes tested, by the tests on each attribute), never pair by pair over the whole base.
Satisfiability is decided attribute by attribute, and each attribute's answer is remembered.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._collector import collector_paused
from .compiler import stages
from .errors import KnowledgeBaseError
from .knowledge import Condition, KnowledgeBase, RuleSpec, normalise_text
from .premises import Premises, candidates, empty_ok, set_meeting
from .vocabulary import show_value

__all__ = ["Finding", "Report", "check"]


@attrs.frozen
class Finding:
    """One problem found in the base.

    Attributes:
        kind: ``quote``, ``duplicate``, ``subsumed``, ``never-fires``, ``cycle`` or
            ``override`` (an exception that is not more specific than the rule it overrides).
        rules: the rule ids involved.
        message: what is wrong, in one line.
    """

    kind: str
    rules: tuple[str, ...]
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "rules": list(self.rules), "message": self.message}


@attrs.frozen
class Disagreement:
    """Rules that can fire together and conclude different values of one attribute, or
    values that oppose each other (``opposes`` in the vocabulary: one value put on both
    sides, recommended and to avoid, a strength and a concern).

    Attributes:
        attribute: the attribute in dispute (for opposed values, the declaring one's).
        sides: for each value, the ``(rule id, source)`` pairs concluding it; for opposed
            values, keyed ``attribute = value`` (``attribute``'s side first).
        against: for opposed values, the attribute opposed; ``""`` otherwise.
    """

    attribute: str
    sides: dict[Any, tuple[tuple[str, str], ...]]
    against: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "attribute": self.attribute,
            "sides": {
                str(value): [{"rule": rule, "source": source} for rule, source in rules]
                for value, rules in self.sides.items()
            },
        }
        if self.against:
            data["against"] = self.against
        return data

    def describe(self) -> str:
        return ("" if self.against else f"{self.attribute}: ") + " vs ".join(
            f"{value} ({', '.join(sorted({source for _, source in rules}))}; "
            f"{len(rules)} rule{'s' if len(rules) != 1 else ''})"
            for value, rules in self.sides.items()
        )


@attrs.frozen
class Report:
    """The outcome of :func:`check`: counts, problems and disagreements."""

    path: str
    rules_per_topic: dict[str, int]
    rules_per_source: dict[str, int]
    problems: tuple[Finding, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def ok(self) -> bool:
        """Whether no problem was found (disagreements are not problems)."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "ok": self.ok,
            "rules": sum(self.rules_per_topic.values()),
            "rules_per_topic": self.rules_per_topic,
            "rules_per_source": self.rules_per_source,
            "problems": [finding.to_dict() for finding in self.problems],
            "disagreements": [d.to_dict() for d in self.disagreements],
        }

    def to_text(self) -> str:
        total = sum(self.rules_per_topic.values())
        lines = [f"Knowledge base {self.path}: {total} rules"]
        lines.append(
            "  per topic: " + ", ".join(f"{k} {v}" for k, v in self.rules_per_topic.items())
        )
        lines.append(
            "  per source: " + ", ".join(f"{k} {v}" for k, v in self.rules_per_source.items())
        )
        lines.append(
            "Disagreements (different values on conditions that can hold together): "
            f"{len(self.disagreements)}"
        )
        lines.extend(f"  {d.describe()}" for d in self.disagreements)
        if self.ok:
            lines.append("No problems found.")
        else:
            count = len(self.problems)
            lines.append(f"{count} problem{'s' if count != 1 else ''}:")
            lines.extend(f"  [{p.kind}] {', '.join(p.rules)}: {p.message}" for p in self.problems)
        return "\n".join(lines)


def check(knowledge: KnowledgeBase) -> Report:
    """Run every static check on ``knowledge``.

    Raises:
        TypeError: ``knowledge`` is not a :class:`~expert.knowledge.KnowledgeBase`.
    """
    if not isinstance(knowledge, KnowledgeBase):
        raise TypeError(f"knowledge must be a KnowledgeBase, not {type(knowledge).__name__}")
    with collector_paused():  # the indexes of a large base are many objects, kept to the end
        return _check(knowledge)


def _check(knowledge: KnowledgeBase) -> Report:
    problems: list[Finding] = []
    problems += _quotes(knowledge)
    problems += _cycles(knowledge)
    satisfiable = _Satisfiability(knowledge, _reachable(knowledge))
    problems += _never_fires(knowledge, satisfiable)
    problems += _duplicates_and_subsumed(knowledge)
    problems += _overrides(knowledge)
    problems = _located(knowledge, problems)
    return Report(
        path=knowledge.path,
        rules_per_topic={topic: len(rules) for topic, rules in knowledge.by_topic().items()},
        rules_per_source={
            key: sum(rule.source == key for rule in knowledge.rules) for key in knowledge.sources
        },
        problems=tuple(problems),
        disagreements=tuple(
            _disagreements(knowledge, satisfiable) + _opposed(knowledge, satisfiable)
        ),
    )


def _located(knowledge: KnowledgeBase, findings: list[Finding]) -> list[Finding]:
    """Findings on rows of decision tables, with the file and row number of each row."""
    rows = {rule.id: rule.where for rule in knowledge.rules if rule.table}
    if not rows:
        return findings
    located = []
    for finding in findings:
        where = [rows[rule] for rule in finding.rules if rule in rows]
        if where:
            finding = attrs.evolve(finding, message=f"{finding.message} ({'; '.join(where)})")
        located.append(finding)
    return located


def _quotes(knowledge: KnowledgeBase) -> list[Finding]:
    findings = []
    for rule in knowledge.rules:
        source = knowledge.sources[rule.source]
        if not source.text:
            findings.append(
                Finding("quote", (rule.id,), f"source {rule.source!r} has no article text")
            )
        else:
            findings.extend(
                Finding(
                    "quote",
                    (rule.id,),
                    f"{Path(rule.path).name}: not in the article {rule.source!r}: “{quote}”; "
                    f"closest passage: “{_closest_passage(source.folded, quote)}”",
                )
                for quote in rule.quotes
                if not source.contains(quote)
            )
    return findings


def _closest_passage(text: str, quote: str) -> str:
    """The run of sentences of ``text`` (as many as the quote has) sharing the most words
    with ``quote``, to show where a misquoted passage really is."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    folded = normalise_text(quote)
    size = max(1, len(re.split(r"(?<=[.!?])\s+", folded)))
    wanted = _words(folded)
    runs = [" ".join(sentences[i : i + size]) for i in range(len(sentences))]
    passage = max(runs, key=lambda run: len(wanted & _words(run)), default="")
    return passage if len(passage) <= 200 else passage[:199] + "…"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def _cycles(knowledge: KnowledgeBase) -> list[Finding]:
    try:
        stages(knowledge)
    except KnowledgeBaseError as error:
        return [Finding("cycle", (error.rule_id or "?",), error.message)]
    return []


# -- satisfiability --------------------------------------------------------------------------


def _set_satisfiable(conditions: list[Condition], available: set[Any]) -> bool:
    """Whether some subset of ``available`` meets all set conditions."""
    return set_meeting(conditions, available) is not None or empty_ok(conditions)


def _group_satisfiable(
    knowledge: KnowledgeBase, name: str, group: Sequence[Condition], available: set[Any]
) -> bool:
    """Whether some value of one attribute meets all of ``group`` (``available``: the
    reachable values of a concluded attribute)."""
    attribute = knowledge.attributes[name]
    if attribute.concluded:
        return _set_satisfiable(list(group), available)
    if attribute.multi:
        return _set_satisfiable(list(group), set(attribute.values))
    return any(
        all(condition.holds(value) for condition in group)
        for value in candidates(attribute, list(group))
    )


def _by_attribute(conditions: Iterable[Condition]) -> dict[str, tuple[Condition, ...]]:
    grouped: dict[str, list[Condition]] = {}
    for condition in conditions:
        grouped.setdefault(condition.attribute, []).append(condition)
    return {name: tuple(group) for name, group in grouped.items()}


def _available(reachable: set[tuple[str, Any]], name: str) -> set[Any]:
    return {value for attr, value in reachable if attr == name}


def _satisfiable(
    knowledge: KnowledgeBase,
    conditions: list[Condition] | tuple[Condition, ...],
    reachable: set[tuple[str, Any]],
) -> bool:
    """Whether some facts (and reachable conclusions) meet all ``conditions`` at once."""
    return all(
        _group_satisfiable(knowledge, name, group, _available(reachable, name))
        for name, group in _by_attribute(conditions).items()
    )


class _Satisfiability:
    """Satisfiability once the reachable conclusions are known, remembered per attribute:
    a set of conditions holds together when each attribute's share of them does."""

    def __init__(self, knowledge: KnowledgeBase, reachable: set[tuple[str, Any]]) -> None:
        self.knowledge = knowledge
        self.available: dict[str, set[Any]] = defaultdict(set)
        for name, value in reachable:
            self.available[name].add(value)
        self._groups: dict[tuple[str, frozenset[Condition]], bool] = {}
        self._rules: dict[str, dict[str, frozenset[Condition]]] = {}

    def groups(self, rule: RuleSpec) -> dict[str, frozenset[Condition]]:
        """The rule's conditions by attribute."""
        if rule.id not in self._rules:
            self._rules[rule.id] = {
                name: frozenset(group) for name, group in _by_attribute(rule.conditions).items()
            }
        return self._rules[rule.id]

    def group(self, name: str, group: frozenset[Condition]) -> bool:
        key = (name, group)
        if key not in self._groups:
            # Sorted so the answer does not depend on set order (one_of picks a value).
            ordered = sorted(group, key=repr)
            self._groups[key] = _group_satisfiable(
                self.knowledge, name, ordered, self.available[name]
            )
        return self._groups[key]

    def rule(self, rule: RuleSpec) -> bool:
        """Whether the rule's conditions can hold together."""
        return all(self.group(name, group) for name, group in self.groups(rule).items())

    def together(self, a: RuleSpec, b: RuleSpec) -> bool:
        """Whether the conditions of two (each satisfiable) rules can hold together."""
        mine, theirs = self.groups(a), self.groups(b)
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        return all(
            self.group(name, group | theirs[name])
            for name, group in mine.items()
            if name in theirs
        )


def _reachable(knowledge: KnowledgeBase) -> set[tuple[str, Any]]:
    """Every (attribute, value) some rule can conclude from some facts (a fixpoint).

    A rule is tried again only when an attribute it tests gained a reachable value."""
    reachable: set[tuple[str, Any]] = set()
    testers: dict[str, list[RuleSpec]] = defaultdict(list)
    for rule in knowledge.rules:
        for name in rule.tested():
            if knowledge.attributes[name].concluded:
                testers[name].append(rule)
    pending = list(knowledge.rules)
    while pending:
        grown: set[str] = set()
        for rule in pending:
            new = {(c.attribute, c.value) for c in rule.conclusions} - reachable
            if new and _satisfiable(knowledge, rule.conditions, reachable):
                reachable |= new
                grown |= {name for name, _ in new}
        seen: set[str] = set()
        pending = []
        for name in sorted(grown):
            for rule in testers[name]:
                if rule.id not in seen:
                    seen.add(rule.id)
                    pending.append(rule)
    return reachable


def _never_fires(knowledge: KnowledgeBase, satisfiable: _Satisfiability) -> list[Finding]:
    findings = []
    premises = Premises(knowledge)
    for rule in knowledge.rules:
        conditions = "; ".join(condition.describe() for condition in rule.conditions)
        if not satisfiable.rule(rule):
            bounds = [found for c in rule.conditions if (found := _beyond_bounds(knowledge, c))]
            message = "; ".join(bounds) or f"its conditions cannot all hold: {conditions}"
        elif premises.ways_of_rule(rule) == ():
            # Each concluded value it tests can be reached, but not together with the rest.
            message = f"no facts make these hold together through the rules: {conditions}"
        else:
            continue
        findings.append(Finding("never-fires", (rule.id,), message))
    return findings


def _beyond_bounds(knowledge: KnowledgeBase, condition: Condition) -> str | None:
    """Why a comparison of an amount can never hold, naming the vocabulary's ``min`` or
    ``max`` that rules it out; ``None`` when the bounds allow it."""
    attribute = knowledge.attributes.get(condition.attribute)
    number = condition.operand
    if attribute is None or attribute.kind != "amount" or isinstance(number, bool):
        return None
    if not isinstance(number, (int, float)):
        return None
    least, most, op = attribute.minimum, attribute.maximum, condition.op
    written = f"{attribute.name} {'=' if op == 'equals' else op} {show_value(number)}"
    if {"lt": number <= least, "le": number < least, "equals": number < least}.get(op):
        bound = f"is at least {show_value(least)} (vocabulary min)"
    elif most is not None and {
        "gt": number >= most,
        "ge": number > most,
        "equals": number > most,
    }.get(op):
        bound = f"is at most {show_value(most)} (vocabulary max)"
    else:
        return None
    return f"{written} can never hold: {attribute.name} {bound}"


# -- duplicates, subsumption, disagreements --------------------------------------------------


def _implies(a: Condition, b: Condition) -> bool:
    """Whether condition ``a`` holding guarantees ``b`` (a sound, simple approximation)."""
    if a == b:
        return True
    if a.attribute != b.attribute:
        return False
    if b.op == "present" and a.op not in ("absent", "not"):
        return True
    if a.op == "equals" and b.op == "one_of" and not a.multi:
        return a.operand in b.operands
    if a.op == "one_of" and b.op == "one_of":
        return set(a.operands) <= set(b.operands)
    if a.op in ("equals", "one_of") and b.op == "not" and not a.multi:
        return not set(a.operands) & set(b.operands)
    return False


def _covers(general: RuleSpec, specific: RuleSpec) -> bool:
    """Whether ``specific`` can only fire when ``general`` fires too."""
    return all(
        any(_implies(mine, theirs) for mine in specific.conditions)
        for theirs in general.conditions
    )


def _pair_finding(a: RuleSpec, b: RuleSpec) -> Finding | None:
    """The finding on two rules (``a`` first in the base) with the same conclusions and
    certainty sign, or ``None``."""
    if set(a.conditions) == set(b.conditions):
        # The same claim twice: the same article would be counted twice as evidence.
        if a.source == b.source:
            return Finding(
                "duplicate",
                (a.id, b.id),
                "same conditions, conclusion and source: the claim is counted twice",
            )
        return None  # a second article saying the same is corroboration, not a defect
    if a.source != b.source:
        return None
    for general, specific in ((a, b), (b, a)):
        if specific.refines == general.id:
            return None  # declared: the article stresses the claim for a narrower case
        if _covers(general, specific):
            return Finding(
                "subsumed",
                (specific.id, general.id),
                f"fires only when {general.id} (same source, same conclusion) fires "
                "too, so its article's evidence is counted twice; if the article stresses "
                f'the claim for this narrower case, declare refines = "{general.id}" in '
                f"{specific.id}",
            )
    return None


def _overrides(knowledge: KnowledgeBase) -> list[Finding]:
    """An exception must be more specific than the rule it overrides: wherever it fires,
    the general rule fires too."""
    by_id = {rule.id: rule for rule in knowledge.rules}
    return [
        Finding(
            "override",
            (rule.id, general_id),
            f"overrides {general_id} but is not more specific: it can fire where "
            f"{general_id} does not, so it is a disagreement, not an exception",
        )
        for rule in knowledge.rules
        for general_id in rule.overrides
        if not _covers(by_id[general_id], rule)
    ]


def _duplicates_and_subsumed(knowledge: KnowledgeBase) -> list[Finding]:
    """Rules with the same conclusions, certainty sign and source whose conditions are
    equal (one finding per group of equal rules, naming them all), or of which one covers
    the other (one finding per pair).

    Opposite signs are an article qualifying its own claim ("many, not all"). Rules with
    equal conditions form one class; a class covers another when each of its conditions is
    implied by one of the other's, so each class is compared only with the classes filed
    under one of the conditions its own imply (each class is filed under its rarest one)."""
    position = {rule.id: index for index, rule in enumerate(knowledge.rules)}
    groups: dict[tuple[frozenset[Any], bool, str], list[RuleSpec]] = defaultdict(list)
    for rule in knowledge.rules:
        groups[frozenset(rule.conclusions), rule.certainty > 0, rule.source].append(rule)
    found: list[tuple[tuple[int, int], Finding]] = []
    for rules in groups.values():
        if len(rules) < 2:
            continue
        classes: dict[frozenset[Condition], list[RuleSpec]] = defaultdict(list)
        for rule in rules:
            classes[frozenset(rule.conditions)].append(rule)
        for same in classes.values():
            if len(same) > 1:
                key = (position[same[0].id], position[same[1].id])
                found.append((key, _duplicate(same)))
        for general, specific in _covering(list(classes)):
            for a in classes[general]:
                for b in classes[specific]:
                    first, second = sorted((a, b), key=lambda rule: position[rule.id])
                    finding = _pair_finding(first, second)
                    if finding is not None:
                        found.append(((position[first.id], position[second.id]), finding))
    found.sort(key=lambda item: item[0])
    return [finding for _, finding in found]


def _duplicate(rules: list[RuleSpec]) -> Finding:
    """One finding naming every rule of a group with the same conditions, conclusions and
    source."""
    times = "twice" if len(rules) == 2 else f"{len(rules)} times"
    return Finding(
        "duplicate",
        tuple(rule.id for rule in rules),
        f"same conditions, conclusion and source: the claim is counted {times}",
    )


def _covering(
    classes: list[frozenset[Condition]],
) -> Iterator[tuple[frozenset[Condition], frozenset[Condition]]]:
    """Each unordered pair of distinct condition sets of which (at least) one covers the
    other, once, as (covering, covered)."""
    counts = Counter(condition for conditions in classes for condition in conditions)
    filed: dict[Condition | None, list[frozenset[Condition]]] = defaultdict(list)
    for conditions in classes:
        rarest = min(conditions, key=lambda c: (counts[c], repr(c))) if conditions else None
        filed[rarest].append(conditions)
    # The conditions a condition implies besides itself are tests of presence or of a list
    # of values (see _implies): only those are tried.
    lists: dict[str, list[Condition]] = defaultdict(list)
    for condition in counts:
        if condition.op in ("present", "one_of", "not"):
            lists[condition.attribute].append(condition)
    implied: dict[Condition, set[Condition]] = {}
    seen: set[tuple[frozenset[Condition], frozenset[Condition]]] = set()
    for specific in classes:
        holding: set[Condition] = set()
        for condition in specific:
            if condition not in implied:
                implied[condition] = {condition} | {
                    other for other in lists[condition.attribute] if _implies(condition, other)
                }
            holding |= implied[condition]
        for key in (*holding, None):
            for general in filed.get(key, ()):
                if general is not specific and general <= holding:
                    pair = (
                        (general, specific) if id(general) < id(specific) else (specific, general)
                    )
                    if pair not in seen:
                        seen.add(pair)
                        yield general, specific


#: Opponents tried one by one before a rule's question is settled through the index.
_FIRST_TRIES = 16


def _disagreements(knowledge: KnowledgeBase, satisfiable: _Satisfiability) -> list[Disagreement]:
    """For each single-valued attribute, the rules (of positive certainty) that can fire
    together with a rule concluding another value of it.

    A rule has such an opponent unless every opponent clashes with it on some attribute
    both test. So a few opponents are tried first (those testing fewest attributes, most
    likely to share none); failing that, the opponents that clash are gathered through an
    index of each attribute's tests, and the rule has an opponent if any is left over.
    An exception and the rule it ``overrides`` are no disagreement: when both fire, the
    exception decides."""
    decided = {(rule.id, general) for rule in knowledge.rules for general in rule.overrides}

    def settled(one: RuleSpec, other: RuleSpec) -> bool:
        return (one.id, other.id) in decided or (other.id, one.id) in decided

    by_attribute: dict[str, list[tuple[RuleSpec, Any]]] = {}
    for rule in knowledge.rules:
        for conclusion in rule.conclusions:
            if not knowledge.attributes[conclusion.attribute].multi and rule.certainty > 0:
                by_attribute.setdefault(conclusion.attribute, []).append((rule, conclusion.value))
    found = []
    for attribute, entries in by_attribute.items():
        live = [(rule, value) for rule, value in entries if satisfiable.rule(rule)]
        values = sorted({value for _, value in live}, key=str)
        if len(values) < 2:
            continue
        sides: dict[Any, set[tuple[str, str]]] = {}
        for value in values:
            opponents = sorted(
                (rule for rule, other in live if other != value), key=lambda r: len(r.tested())
            )
            index = _Clashes(satisfiable, opponents)
            for rule, mine in live:
                if mine != value:
                    continue
                if any(settled(rule, other) for other in opponents):  # rare: its own index
                    others = [other for other in opponents if not settled(rule, other)]
                    partner = _Clashes(satisfiable, others).has_partner(rule)
                else:
                    partner = index.has_partner(rule)
                if partner:
                    sides.setdefault(value, set()).add((rule.id, rule.source))
        if sides:
            order = knowledge.attributes[attribute].values
            found.append(
                Disagreement(
                    attribute,
                    {value: tuple(sorted(sides[value])) for value in order if value in sides},
                )
            )
    return found


def _opposed(knowledge: KnowledgeBase, satisfiable: _Satisfiability) -> list[Disagreement]:
    """For each pair of opposed values (``opposes``), the rules of each side that can fire
    together with a rule of the other: where they do, one side stays and the other is shown
    as a disagreement."""
    concluding: dict[tuple[str, Any], list[RuleSpec]] = {}
    for rule in knowledge.rules:
        if rule.certainty > 0 and satisfiable.rule(rule):
            for conclusion in rule.conclusions:
                concluding.setdefault((conclusion.attribute, conclusion.value), []).append(rule)
    found = []
    for mine, theirs in knowledge.oppositions():
        ours, others = concluding.get(mine, []), concluding.get(theirs, [])
        if not ours or not others:
            continue
        with_ours = [r for r in ours if _Clashes(satisfiable, others).has_partner(r)]
        with_theirs = [r for r in others if _Clashes(satisfiable, ours).has_partner(r)]
        if with_ours and with_theirs:
            found.append(
                Disagreement(
                    mine[0],
                    {
                        f"{mine[0]} = {mine[1]}": tuple(
                            sorted((r.id, r.source) for r in with_ours)
                        ),
                        f"{theirs[0]} = {theirs[1]}": tuple(
                            sorted((r.id, r.source) for r in with_theirs)
                        ),
                    },
                    against=theirs[0],
                )
            )
    return found


class _Clashes:
    """The opponents of one value of one attribute, indexed by their tests on each
    attribute, to tell whether a rule can fire together with any of them."""

    def __init__(self, satisfiable: _Satisfiability, opponents: list[RuleSpec]) -> None:
        self.satisfiable = satisfiable
        self.opponents = opponents
        self.tests: dict[str, dict[frozenset[Condition], list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for number, rule in enumerate(opponents):
            for name, group in satisfiable.groups(rule).items():
                self.tests[name][group].append(number)
        self._answers: dict[frozenset[Condition], bool] = {}

    def has_partner(self, rule: RuleSpec) -> bool:
        """Whether some opponent can fire together with ``rule``."""
        key = frozenset(rule.conditions)
        if key not in self._answers:
            self._answers[key] = self._has_partner(rule)
        return self._answers[key]

    def _has_partner(self, rule: RuleSpec) -> bool:
        if any(self.satisfiable.together(rule, o) for o in self.opponents[:_FIRST_TRIES]):
            return True
        clashing: set[int] = set()
        for name, mine in self.satisfiable.groups(rule).items():
            for theirs, numbers in self.tests.get(name, {}).items():
                if not self.satisfiable.group(name, mine | theirs):
                    clashing.update(numbers)
        return len(clashing) < len(self.opponents)
