"""Readable renderings of results and of the knowledge base, for terminals and Markdown.

Rule files, articles and facts are text from outside the program: what is printed here is
printed as text (rich markup is never parsed in it, control characters are shown as
escapes); the functions that return strings leave that to whoever prints them
(:func:`expert._safe_text.visible`).
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ._safe_text import json_safe, visible
from .facts import show_value
from .knowledge import KnowledgeBase, RuleSpec
from .result import Result

__all__ = [
    "print_conflicts",
    "print_result",
    "rule_lines",
    "rules_markdown",
    "rules_text",
    "sources_text",
    "to_json",
]


def to_json(data: Any) -> str:
    """Indented JSON with non-ASCII kept readable (but control characters escaped)."""
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False))


def _print_line(console: Console, text: str) -> None:
    """One line of plain text, as text: no markup, no highlighting, control codes shown."""
    console.print(Text(visible(text)), soft_wrap=True)


def print_result(result: Result, console: Console) -> None:
    """Print the facts, a verdict table with certainties and quotes, and the conflicts."""
    facts = ", ".join(f"{name} = {show_value(value)}" for name, value in result.facts.items())
    console.print(Text(visible(f"Facts: {facts or '(none)'}")))
    if not result.verdicts:
        console.print("No verdicts: no rule applies to these facts.", markup=False)
        return
    if not console.is_terminal:
        # Piped output stays one fact per line, unwrapped, so it can be read by scripts.
        for verdict in result.verdicts:
            _print_line(
                console,
                f"{verdict.attribute} = {show_value(verdict.value)} "
                f"(certainty {verdict.certainty:.2f})",
            )
            for firing in verdict.because:
                _print_line(console, f"  {firing.rule} ({firing.source}): “{firing.quote}”")
    else:
        console.print(_verdict_table(result))
    print_conflicts(result, console)


def _verdict_table(result: Result) -> Table:
    table = Table(title="Verdicts", show_lines=True, title_justify="left")
    table.add_column("Attribute", no_wrap=True)
    table.add_column("Verdict")
    table.add_column("Certainty", justify="right")
    table.add_column("Because (rule, source: quote)", overflow="fold")
    for verdict in result.verdicts:
        reasons = "\n".join(
            visible(f"{firing.rule} ({firing.source}):") + "\n" + visible(f"“{firing.quote}”")
            for firing in verdict.because[:3]
        )
        more = len(verdict.because) - 3
        if more > 0:
            reasons += f"\n… and {more} more (see how {visible(verdict.attribute)})"
        # Text cells: a quote holding "[/i]" or "[bold]" is words, not rich markup.
        table.add_row(
            Text(visible(verdict.attribute)),
            Text(visible(show_value(verdict.value))),
            f"{verdict.certainty:.2f}",
            Text(reasons),
        )
    return table


def print_conflicts(result: Result, console: Console) -> None:
    """Each conflict: the values with their certainties, the winner, and every side's quotes."""
    for conflict in result.conflicts:
        _print_line(
            console,
            f"Conflict on {conflict.attribute}: "
            + " vs ".join(f"{show_value(value)} ({cf:.2f})" for value, cf, _ in conflict.sides)
            + f"; {show_value(conflict.winner)} wins.",
        )
        for value, _, firings in conflict.sides:
            for firing in firings:
                _print_line(
                    console,
                    f"  {show_value(value)}: {firing.rule} ({firing.source}): “{firing.quote}”",
                )


def rule_lines(rule: RuleSpec, knowledge: KnowledgeBase) -> list[str]:
    """One rule as aligned lines: conditions, conclusions, certainty, source, quote, note."""
    source = knowledge.sources.get(rule.source)
    when = " and ".join(condition.describe() for condition in rule.conditions)
    then = ", ".join(f"{c.attribute} = {show_value(c.value)}" for c in rule.conclusions)
    hedge = f" ({rule.hedge})" if rule.hedge else ""
    lines = [
        rule.id,
        f"  if        {when}",
        f"  then      {then}",
        f"  certainty {rule.certainty:.2f}{hedge}",
        f"  source    {source.cite() if source else rule.source}",
        f"  quote     “{rule.quote}”",
    ]
    if rule.note:
        lines.append(f"  note      {rule.note}")
    return lines


def rules_text(knowledge: KnowledgeBase, topic: str | None = None) -> str:
    """The rules as plain text, grouped by topic."""
    out = []
    for name, rules in knowledge.by_topic().items():
        if topic and name != topic:
            continue
        out.append(f"# {name} ({len(rules)} rules)")
        for rule in rules:
            out.extend(rule_lines(rule, knowledge))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def rules_markdown(knowledge: KnowledgeBase, topic: str | None = None) -> str:
    """The claims catalogue: every rule as Markdown, grouped by topic."""
    out = ["# Rule catalogue", ""]
    out.append(f"{len(knowledge.rules)} rules from {len(knowledge.sources)} articles.")
    out.append("")
    for name, rules in knowledge.by_topic().items():
        if topic and name != topic:
            continue
        summary = knowledge.topics.get(name, "")
        out += [f"## {name}", ""]
        if summary:
            out += [summary, ""]
        for rule in rules:
            source = knowledge.sources[rule.source]
            when = "; ".join(f"`{condition.describe()}`" for condition in rule.conditions)
            then = "; ".join(f"`{c.attribute} = {show_value(c.value)}`" for c in rule.conclusions)
            hedge = f"{rule.hedge}, " if rule.hedge else ""
            out += [
                f"### `{rule.id}`",
                "",
                f"- **if** {when}",
                f"- **then** {then} ({hedge}certainty {rule.certainty:.2f})",
                f"- **source** {source.cite()}",
                f"- **quote** “{rule.quote}”",
            ]
            if rule.note:
                out.append(f"- **note** {rule.note}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def sources_text(knowledge: KnowledgeBase) -> str:
    """The cited articles with how many rules cite each."""
    counts: dict[str, int] = {}
    for rule in knowledge.rules:
        counts[rule.source] = counts.get(rule.source, 0) + 1
    out = []
    for key, source in knowledge.sources.items():
        out.append(f"{key}: {source.cite()} ({counts.get(key, 0)} rules)")
    return "\n".join(out) + "\n"
