"""Verification of a knowledge base: the static checks behind ``expert check``.

Loading already rejects unknown fact names and values, malformed rules and cycles. These checks
look at the base as a whole: quotes that are not in their article, duplicate and subsumed
rules, rules that can never fire, and the disagreements (rules concluding different values of
one attribute on conditions that can hold together), which are listed but are not defects.
"""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path
from typing import Any

import attrs

from .compiler import stages
from .errors import KnowledgeBaseError
from .knowledge import Attribute, Condition, KnowledgeBase, RuleSpec, normalise_text
from .premises import Premises

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
    """Rules that can fire together and conclude different values of one attribute.

    Attributes:
        attribute: the attribute in dispute.
        sides: for each value, the ``(rule id, source)`` pairs concluding it.
    """

    attribute: str
    sides: dict[Any, tuple[tuple[str, str], ...]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "sides": {
                str(value): [{"rule": rule, "source": source} for rule, source in rules]
                for value, rules in self.sides.items()
            },
        }

    def describe(self) -> str:
        return f"{self.attribute}: " + " vs ".join(
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
    """Run every static check on ``knowledge``."""
    problems: list[Finding] = []
    problems += _quotes(knowledge)
    problems += _cycles(knowledge)
    reachable = _reachable(knowledge)
    problems += _never_fires(knowledge, reachable)
    problems += _duplicates_and_subsumed(knowledge)
    problems += _overrides(knowledge)
    return Report(
        path=knowledge.path,
        rules_per_topic={topic: len(rules) for topic, rules in knowledge.by_topic().items()},
        rules_per_source={
            key: sum(rule.source == key for rule in knowledge.rules) for key in knowledge.sources
        },
        problems=tuple(problems),
        disagreements=tuple(_disagreements(knowledge, reachable)),
    )


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


def _candidates(attribute: Attribute, conditions: list[Condition]) -> list[Any]:
    """Values worth trying for a stated attribute (None stands for 'not known')."""
    if attribute.kind == "flag":
        return [None, True, False]
    if attribute.kind == "amount":
        points = {0.0}
        for condition in conditions:
            if isinstance(condition.operand, (int, float)) and not isinstance(
                condition.operand, bool
            ):
                points |= {condition.operand - 0.5, condition.operand, condition.operand + 0.5}
        return [None] + sorted(p for p in points if p >= 0)
    return [None, *attribute.values]


def _set_satisfiable(conditions: list[Condition], available: set[Any]) -> bool:
    """Whether some subset of ``available`` meets all set conditions."""
    required: set[Any] = set()
    excluded: set[Any] = set()
    for condition in conditions:
        if condition.op in ("equals", "contains"):
            required |= set(condition.operands)
        elif condition.op == "not":
            excluded |= set(condition.operands)
    if required & excluded or not required <= available:
        return False
    chosen = set(required)
    for condition in conditions:
        if condition.op == "one_of":
            options = (set(condition.operands) & available) - excluded
            if not options:
                return False
            if not chosen & options:
                chosen.add(sorted(options, key=str)[0])
    if not chosen and any(condition.op == "present" for condition in conditions):
        # `present` needs some value: any one a rule can conclude (and no condition excludes).
        options = available - excluded
        if options:
            chosen.add(sorted(options, key=str)[0])
    state = frozenset(chosen)
    return all(condition.holds(state) for condition in conditions) or _empty_ok(conditions)


def _empty_ok(conditions: list[Condition]) -> bool:
    return all(condition.holds(frozenset()) for condition in conditions)


def _satisfiable(
    knowledge: KnowledgeBase,
    conditions: list[Condition] | tuple[Condition, ...],
    reachable: set[tuple[str, Any]],
) -> bool:
    """Whether some facts (and reachable conclusions) meet all ``conditions`` at once."""
    grouped: dict[str, list[Condition]] = {}
    for condition in conditions:
        grouped.setdefault(condition.attribute, []).append(condition)
    for name, group in grouped.items():
        attribute = knowledge.attributes[name]
        if attribute.concluded:
            available = {value for attr, value in reachable if attr == name}
            if not _set_satisfiable(group, available):
                return False
        elif attribute.multi:
            if not (_set_satisfiable(group, set(attribute.values)) or _empty_ok(group)):
                return False
        elif not any(
            all(condition.holds(value) for condition in group)
            for value in _candidates(attribute, group)
        ):
            return False
    return True


def _reachable(knowledge: KnowledgeBase) -> set[tuple[str, Any]]:
    """Every (attribute, value) some rule can conclude from some facts (a fixpoint)."""
    reachable: set[tuple[str, Any]] = set()
    changed = True
    while changed:
        changed = False
        for rule in knowledge.rules:
            new = {(c.attribute, c.value) for c in rule.conclusions} - reachable
            if new and _satisfiable(knowledge, rule.conditions, reachable):
                reachable |= new
                changed = True
    return reachable


def _never_fires(knowledge: KnowledgeBase, reachable: set[tuple[str, Any]]) -> list[Finding]:
    findings = []
    premises = Premises(knowledge)
    for rule in knowledge.rules:
        conditions = "; ".join(condition.describe() for condition in rule.conditions)
        if not _satisfiable(knowledge, rule.conditions, reachable):
            message = f"its conditions cannot all hold: {conditions}"
        elif premises.ways_of_rule(rule) == ():
            # Each concluded value it tests can be reached, but not together with the rest.
            message = f"no facts make these hold together through the rules: {conditions}"
        else:
            continue
        findings.append(Finding("never-fires", (rule.id,), message))
    return findings


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


def _duplicates_and_subsumed(knowledge: KnowledgeBase) -> list[Finding]:
    findings = []
    for a, b in combinations(knowledge.rules, 2):
        if set(a.conclusions) != set(b.conclusions) or (a.certainty > 0) != (b.certainty > 0):
            # Opposite signs are an article qualifying its own claim ("many, not all").
            continue
        if set(a.conditions) == set(b.conditions):
            # The same claim twice: the same article would be counted twice as evidence.
            if a.source == b.source:
                findings.append(
                    Finding(
                        "duplicate",
                        (a.id, b.id),
                        "same conditions, conclusion and source: the claim is counted twice",
                    )
                )
            continue
        if a.source != b.source:
            continue  # a second article saying the same is corroboration, not a defect
        for general, specific in ((a, b), (b, a)):
            if specific.refines == general.id:
                break  # declared: the article stresses the claim for a narrower case
            if _covers(general, specific):
                findings.append(
                    Finding(
                        "subsumed",
                        (specific.id, general.id),
                        f"fires only when {general.id} (same source, same conclusion) fires "
                        "too, so its article's evidence is counted twice; if the article "
                        f"stresses the claim for this narrower case, declare refines = "
                        f'"{general.id}" in {specific.id}',
                    )
                )
                break
    return findings


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


def _disagreements(
    knowledge: KnowledgeBase, reachable: set[tuple[str, Any]]
) -> list[Disagreement]:
    by_attribute: dict[str, list[tuple[RuleSpec, Any]]] = {}
    for rule in knowledge.rules:
        for conclusion in rule.conclusions:
            if not knowledge.attributes[conclusion.attribute].multi and rule.certainty > 0:
                by_attribute.setdefault(conclusion.attribute, []).append((rule, conclusion.value))
    found = []
    for attribute, entries in by_attribute.items():
        sides: dict[Any, set[tuple[str, str]]] = {}
        for (a, a_value), (b, b_value) in combinations(entries, 2):
            if a_value != b_value and _satisfiable(
                knowledge, a.conditions + b.conditions, reachable
            ):
                sides.setdefault(a_value, set()).add((a.id, a.source))
                sides.setdefault(b_value, set()).add((b.id, b.source))
        if sides:
            order = knowledge.attributes[attribute].values
            found.append(
                Disagreement(
                    attribute,
                    {value: tuple(sorted(sides[value])) for value in order if value in sides},
                )
            )
    return found
