"""Readable renderings of results and of the knowledge base, for terminals and Markdown.

Rule files, articles and facts are text from outside the program: what is printed here is
printed as text (rich markup is never parsed in it, control characters are shown as
escapes); the functions that return strings leave that to whoever prints them
(``expert._support.safe_text.visible``).
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from rich.console import Console
from rich.text import Text

from .._support.safe_text import json_safe, visible
from .._support.short_repr import cf
from ..model.display import Line
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Outcome
from ..model.rules import Conclusion, RuleSpec
from ..model.vocabulary import show_value
from .notebook import lines_box

__all__ = [
    "FORMATS",
    "STYLES",
    "TONE_STYLES",
    "html_lines",
    "inputs_text",
    "print_lines",
    "print_conflicts",
    "rule_lines",
    "rules_markdown",
    "rules_text",
    "sources_text",
    "styled_lines",
    "to_json",
]

#: The formats of reports and explanations.
FORMATS = ("text", "markdown", "json")

#: rich styles by explanation line kind, for terminals. No kind has a colour of meaning:
#: those follow the line's tone (TONE_STYLES), so "a poor fit" is never green.
STYLES = {
    "heading": "bold",
    "answer": "bold",
    "verdict": "",
    "note": "dim",
    "hint": "dim",
    "rule": "cyan",
    "quote": "italic",
    "fact": "blue",
    "reason": "",
    "conflict": "magenta",
    "change": "",
}

#: rich colours by a line's tone: what it means for the person asking.
TONE_STYLES = {"good": "green", "bad": "red", "weak": "yellow"}


def html_lines(lines: list[Line]) -> str:
    """Lines as HTML for a notebook: nested lists by depth, quotes as blockquotes, coloured
    by tone, every text escaped (as explanations show in a notebook)."""
    return lines_box(lines)


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
        out += [Line(line.depth, line.kind, part, line.tone) for part in parts]
    return out


def print_lines(lines: list[Line], console: Console) -> None:
    """Print lines: styled and folded to the terminal's width on a terminal, plain and
    unfolded (one line each) when piped."""
    if console.is_terminal:
        console.print(styled_lines(wrapped_lines(lines, console.width)), soft_wrap=True)
    else:
        for line in lines:
            _print_line(console, f"{'  ' * line.depth}{line.text}")


def styled_lines(lines: list[Line]) -> Text:
    """An explanation's lines as styled terminal text, indented two spaces a level. The
    words are appended as plain text: nothing in them is read as markup."""
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        text.append("  " * line.depth)
        style = " ".join(filter(None, (STYLES.get(line.kind, ""), TONE_STYLES.get(line.tone))))
        text.append(visible(line.text), style=style)
    return text


def to_json(data: Any) -> str:
    """Indented JSON with non-ASCII kept readable (but control characters escaped)."""
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False))


def _print_line(console: Console, text: str) -> None:
    """One line of plain text, as text: no markup, no highlighting, control codes shown."""
    console.print(Text(visible(text)), soft_wrap=True)


def print_conflicts(result: Outcome, console: Console) -> None:
    """Each conflict: the values with their certainties, the winner, and every side's quotes."""
    for conflict in result.conflicts:
        _print_line(
            console,
            f"Conflict on {conflict.attribute}: "
            + " vs ".join(
                f"{show_value(value)} ({cf(certainty)})" for value, certainty, _ in conflict.sides
            )
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
    then = ", ".join(_concluded(c) for c in rule.conclusions)
    hedge = f" ({rule.hedge})" if rule.hedge else ""
    lines = [
        rule.id,
        f"  if        {when}",
        f"  then      {then}",
        f"  certainty {_certainty(rule)}{hedge}",
        f"  source    {source.cite() if source else rule.source}",
        f"  quote     “{rule.quote}”",
    ]
    if rule.note:
        lines.append(f"  note      {rule.note}")
    if rule.revises:
        lines.append(f"  revises   {rule.revises}")
    if rule.table:
        lines.append(f"  table     {rule.table}, {rule.where}")
    return lines


def _certainty(rule: RuleSpec) -> str:
    """The rule's certainty, or that each value it concludes has its own."""
    if all(c.certainty is not None for c in rule.conclusions):
        return "each value its own"
    return cf(rule.certainty)


def _concluded(conclusion: Conclusion) -> str:
    """``attribute = value``, with the value's own certainty when it has one."""
    own = f" ({cf(conclusion.certainty)})" if conclusion.certainty is not None else ""
    return f"{conclusion.attribute} = {show_value(conclusion.value)}{own}"


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
            then = "; ".join(f"`{_concluded(c)}`" for c in rule.conclusions)
            hedge = f"{rule.hedge}, " if rule.hedge else ""
            out += [
                f"### `{rule.id}`",
                "",
                f"- **if** {when}",
                f"- **then** {then} ({hedge}certainty {_certainty(rule)})",
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
