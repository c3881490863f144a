"""The commands about the knowledge base itself: ``rules``, ``check``, ``inputs`` and
``sources``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ...api.expert import Expert
from ...errors import UsageError
from ...kb.check import check as check_base
from ...kb.load import load
from ...model.rules import RuleSpec
from ...present.render import inputs_text, rules_markdown, rules_text, sources_text, to_json
from ..output import echo

__all__ = ["check", "inputs", "rule_record", "rules", "sources"]


def rules(args: argparse.Namespace) -> int:
    """List the rules (of one topic with ``--topic``) as text, Markdown or JSON."""
    knowledge = load(args.rules)
    if args.topic and args.topic not in knowledge.by_topic():
        raise UsageError(f"no topic {args.topic!r}; allowed: {', '.join(knowledge.by_topic())}")
    if args.format == "markdown":
        echo(rules_markdown(knowledge, args.topic), end="")
    elif args.format == "json":
        chosen = [r for r in knowledge.rules if not args.topic or r.topic == args.topic]
        echo(to_json([rule_record(rule) for rule in chosen]))
    else:
        echo(rules_text(knowledge, args.topic), end="")
    return 0


def check(args: argparse.Namespace) -> int:
    """Verify the base (or, with ``--gaps``, list the needs that get no advice): exit 0 when
    clean, 1 with the findings."""
    knowledge = load(args.rules)
    if args.gaps:
        from ...kb.gaps import find_gaps

        gaps = find_gaps(knowledge, Expert(knowledge, engine=args.engine).consult)
        echo(to_json(gaps.to_dict()) if args.format == "json" else gaps.to_text())
        return 0 if gaps.ok else 1
    report = check_base(knowledge)
    echo(to_json(report.to_dict()) if args.format == "json" else report.to_text())
    return 0 if report.ok else 1


def inputs(args: argparse.Namespace) -> int:
    """List the facts a user can state, with their kinds and values."""
    echo(inputs_text(load(args.rules)), end="")
    return 0


def sources(args: argparse.Namespace) -> int:
    """List the articles the rules cite."""
    echo(sources_text(load(args.rules)), end="")
    return 0


def rule_record(rule: RuleSpec) -> dict[str, Any]:
    """A rule as its file writes it, for ``rules --format json``.

    ``then`` holds, by attribute, the value concluded; a list when several values are;
    ``{value: certainty}`` when the values have certainties of their own. ``revises``,
    ``hedge``, ``salience``, ``note``, ``refines``, ``overrides`` and, for a row of a decision
    table, ``table``, ``file`` and ``row`` are there only where the rule has them.
    """
    then: dict[str, Any] = {}
    for attribute in dict.fromkeys(c.attribute for c in rule.conclusions):
        mine = [c for c in rule.conclusions if c.attribute == attribute]
        if any(c.certainty is not None for c in mine):
            then[attribute] = {c.value: rule.certainty_of(c) for c in mine}
        else:
            then[attribute] = mine[0].value if len(mine) == 1 else [c.value for c in mine]
    record: dict[str, Any] = {
        "id": rule.id,
        "when": [condition.describe() for condition in rule.conditions],
        "then": then,
        "certainty": rule.certainty,
        "source": rule.source,
        "quote": rule.quote,
    }
    optional = {
        "revises": rule.revises,
        "hedge": rule.hedge,
        "salience": rule.salience,
        "note": rule.note,
        "refines": rule.refines,
        "overrides": list(rule.overrides),
    }
    if rule.table:
        optional.update(table=rule.table, file=Path(rule.path).name, row=rule.row)
    record.update((key, value) for key, value in optional.items() if value)
    return record
