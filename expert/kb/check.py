"""Verification of a knowledge base: the static checks behind ``expert check``.

Loading already rejects unknown fact names and values, malformed rules and cycles. These checks
look at the base as a whole: quotes that are not in their article, duplicate and subsumed
rules, rules that can never fire, and the disagreements (rules concluding different values of
one attribute on conditions that can hold together), which are listed but are not defects.

The checks scale near-linearly with the number of rules: rules are compared only with the
rules their findings could involve, found through indexes (by conclusion, by the set of
attributes tested, by the tests on each attribute), never pair by pair over the whole base.
Satisfiability is decided attribute by attribute, and each attribute's answer is remembered."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .._support.collector import collector_paused
from ..errors import KnowledgeBaseError
from ..model.knowledge_base import KnowledgeBase
from ..model.rules import Conclusion, Condition, RuleSpec, normalise_text
from ..model.vocabulary import show_value
from .derivations import Derivations
from .disagreements import Disagreement, disagreements, opposed_disagreements
from .satisfiability import Satisfiability, reachable
from .stages import stages


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
class CheckReport:
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


def check(knowledge: KnowledgeBase) -> CheckReport:
    """Run every static check on ``knowledge``.

    Raises:
        TypeError: ``knowledge`` is not a :class:`~expert.model.knowledge_base.KnowledgeBase`.
    """
    if not isinstance(knowledge, KnowledgeBase):
        raise TypeError(f"knowledge must be a KnowledgeBase, not {type(knowledge).__name__}")
    with collector_paused():  # the indexes of a large base are many objects, kept to the end
        return _check(knowledge)


def _check(knowledge: KnowledgeBase) -> CheckReport:
    problems: list[Finding] = []
    problems += _quotes(knowledge)
    problems += _cycles(knowledge)
    satisfiable = Satisfiability(knowledge, reachable(knowledge))
    problems += _never_fires(knowledge, satisfiable)
    problems += _duplicates_and_subsumed(knowledge)
    problems += _overrides(knowledge)
    problems = _located(knowledge, problems)
    return CheckReport(
        path=knowledge.path,
        rules_per_topic={topic: len(rules) for topic, rules in knowledge.by_topic().items()},
        rules_per_source={
            key: sum(rule.source == key for rule in knowledge.rules) for key in knowledge.sources
        },
        problems=tuple(problems),
        disagreements=tuple(
            disagreements(knowledge, satisfiable) + opposed_disagreements(knowledge, satisfiable)
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


def _never_fires(knowledge: KnowledgeBase, satisfiable: Satisfiability) -> list[Finding]:
    findings = []
    premises = Derivations(knowledge)
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
    groups: dict[tuple[frozenset[Conclusion], bool, str], list[RuleSpec]] = defaultdict(list)
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
