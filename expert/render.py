"""Readable renderings of results and of the knowledge base, for terminals and Markdown."""

from __future__ import annotations

import html
import json
import textwrap
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .explanation import Line
from .knowledge import KnowledgeBase, RuleSpec
from .result import Result
from .vocabulary import show_value

__all__ = [
    "FORMATS",
    "html_lines",
    "inputs_text",
    "print_lines",
    "print_conflicts",
    "print_result",
    "rule_lines",
    "rules_markdown",
    "rules_text",
    "sources_text",
    "styled_lines",
    "to_json",
]

#: The formats of reports and explanations.
FORMATS = ("text", "markdown", "json")

#: rich styles by explanation line kind, for terminals.
STYLES = {
    "heading": "bold",
    "answer": "bold green",
    "verdict": "",
    "note": "dim",
    "hint": "dim",
    "rule": "cyan",
    "quote": "italic green",
    "fact": "yellow",
    "reason": "red",
    "conflict": "bold magenta",
    "change": "",
}


def html_lines(lines: list[Line]) -> str:
    """Lines as HTML for a notebook: every text escaped, indented by depth, classed by kind."""
    rows = "".join(
        f'<div class="expert-{html.escape(line.kind)}" style="margin-left:{1.5 * line.depth}em">'
        f"{html.escape(line.text)}</div>"
        for line in lines
    )
    return f'<div class="expert">{rows}</div>'


def wrapped_lines(lines: list[Line], width: int) -> list[Line]:
    """Lines folded to ``width`` columns at spaces only: a rule id, a fact name or a
    hyphenated word is never split (one longer than the width stands alone)."""
    out: list[Line] = []
    for line in lines:
        indent = 2 * line.depth
        room = max(20, width - indent)
        parts = textwrap.wrap(
            line.text,
            width=room,
            subsequent_indent="    ",
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        out += [Line(line.depth, line.kind, part) for part in parts]
    return out


def print_lines(lines: list[Line], console: Console) -> None:
    """Print lines: styled and folded to the terminal's width on a terminal, plain and
    unfolded (one line each) when piped."""
    if console.is_terminal:
        console.print(styled_lines(wrapped_lines(lines, console.width)), soft_wrap=True)
    else:
        for line in lines:
            console.print(
                f"{'  ' * line.depth}{line.text}", markup=False, highlight=False, soft_wrap=True
            )


def styled_lines(lines: list[Line]) -> Text:
    """An explanation's lines as styled terminal text, indented two spaces a level. The
    words are appended as plain text: nothing in them is read as markup."""
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        text.append("  " * line.depth)
        text.append(line.text, style=STYLES.get(line.kind, ""))
    return text


def to_json(data: Any) -> str:
    """Indented JSON with non-ASCII kept readable."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def print_result(result: Result, console: Console) -> None:
    """Print the facts, a verdict table with certainties and quotes, and the conflicts."""
    facts = ", ".join(f"{name} = {show_value(value)}" for name, value in result.facts.items())
    console.print(f"Facts: {facts or '(none)'}", markup=False, highlight=False)
    if not result.verdicts:
        console.print("No verdicts: no rule applies to these facts.", markup=False)
        return
    if not console.is_terminal:
        # Piped output stays one fact per line, unwrapped, so it can be read by scripts.
        for verdict in result.verdicts:
            console.print(
                f"{verdict.attribute} = {show_value(verdict.value)} "
                f"(certainty {verdict.certainty:.2f})",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            for firing in verdict.because:
                console.print(
                    f"  {firing.rule} ({firing.source}): “{firing.quote}”",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
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
            f"{firing.rule} ({firing.source}):\n“{firing.quote}”" for firing in verdict.because[:3]
        )
        more = len(verdict.because) - 3
        if more > 0:
            reasons += f"\n… and {more} more (see how {verdict.attribute})"
        table.add_row(
            verdict.attribute, show_value(verdict.value), f"{verdict.certainty:.2f}", reasons
        )
    return table


def print_conflicts(result: Result, console: Console) -> None:
    """Each conflict: the values with their certainties, the winner, and every side's quotes."""
    for conflict in result.conflicts:
        console.print(
            f"Conflict on {conflict.attribute}: "
            + " vs ".join(f"{show_value(value)} ({cf:.2f})" for value, cf, _ in conflict.sides)
            + f"; {show_value(conflict.winner)} wins.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        for value, _, firings in conflict.sides:
            for firing in firings:
                console.print(
                    f"  {show_value(value)}: {firing.rule} ({firing.source}): “{firing.quote}”",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
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


def inputs_text(knowledge: KnowledgeBase) -> str:
    """The facts a user can state, group by group: name, allowed values and help line."""
    out: list[str] = []
    group = None
    for attribute in knowledge.inputs.values():
        if attribute.group != group:
            group = attribute.group
            out.append(f"{'' if not out else chr(10)}{group}:")
        out.append(f"  {attribute.name}: {attribute.allowed_text()}")
        if attribute.doc:
            out.append(f"      {attribute.doc}")
    return "\n".join(out) + "\n"
