"""The order rules run in: each rule's stage, and the cycles that leave a base without one."""

from __future__ import annotations

from ..errors import KnowledgeBaseError
from ..model.knowledge_base import KnowledgeBase
from ..model.rules import RuleSpec


def stages(knowledge: KnowledgeBase) -> dict[str, int]:
    """Each rule's stage: 0 if it tests only stated facts, else 1 + the stages of the rules
    concluding what it tests; and no earlier than the exceptions that override it (in their
    stage it is weighed after them, so that whether it is defeated is known; see
    :attr:`CompiledBase.position`).

    Raises:
        KnowledgeBaseError: rules form a cycle through concluded attributes.
    """
    concluders: dict[str, list[RuleSpec]] = {}
    overriders: dict[str, list[RuleSpec]] = {}
    for rule in knowledge.rules:
        for attribute in rule.concluded():
            concluders.setdefault(attribute, []).append(rule)
        for general in rule.overrides:
            overriders.setdefault(general, []).append(rule)
    result: dict[str, int] = {}
    visiting: list[str] = []
    # The latest stage among an attribute's concluders, once known: each rule testing it
    # reads that instead of going over every concluder again.
    # A revision of an attribute waits for the rules it revises, not for the revisions.
    latest: dict[tuple[str, bool], int] = {}

    def latest_of(attribute: str, revising: bool) -> int:
        key = (attribute, revising)
        if key not in latest:
            latest[key] = max(
                (
                    stage_of(before)
                    for before in concluders.get(attribute, [])
                    if not (revising and before.revises == attribute)
                ),
                default=-1,
            )
        return latest[key]

    def stage_of(rule: RuleSpec) -> int:
        if rule.id in result:
            return result[rule.id]
        if rule.id in visiting:
            cycle = visiting[visiting.index(rule.id) :] + [rule.id]
            raise KnowledgeBaseError(
                f"rules form a cycle: {' -> '.join(cycle)}", path=rule.path, rule_id=rule.id
            )
        visiting.append(rule.id)
        waits = [
            1 + latest_of(attribute, attribute == rule.revises)
            for attribute in sorted(rule.tested())
            if attribute in concluders
        ] + [stage_of(exception) for exception in overriders.get(rule.id, [])]
        visiting.pop()
        result[rule.id] = max(waits, default=0)
        return result[rule.id]

    for rule in knowledge.rules:
        stage_of(rule)
    return result
