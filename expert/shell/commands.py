"""The shell's command table: each command's name, usage and help, its aliases, and ``help``.

The interpreter (:mod:`expert.shell.interpreter`) runs a command by the name this table
gives it; completion offers these names; ``help`` prints their usage and details.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ..errors import UsageError, suggest
from ..model.vocabulary import Attribute
from .examples import Examples

__all__ = ["ALIASES", "COMMANDS", "Command", "command_name", "help_lines", "unknown_command"]


@attrs.frozen
class Command:
    """One shell command and its help (``details`` names the loaded base's facts through
    ``{fields}`` of :class:`~expert.shell.examples.Examples`)."""

    name: str
    usage: str
    summary: str
    details: str = ""


COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command(
            "set",
            "set NAME VALUE | set NAME=VALUE ...",
            "state a fact",
            "NAME is a fact such as {fact} or its short name {short}. {sets_note}Flags take "
            "true/false (or yes/no), amounts a number. Example: set {short} {value}",
        ),
        Command("unset", "unset NAME ...", "forget facts", "Example: unset {short}"),
        Command("facts", "facts", "show the facts stated so far"),
        Command("consult", "consult", "the answer on your facts first, then the other verdicts"),
        Command("all", "all", "every verdict with every rule and quote, and the notes"),
        Command(
            "ask",
            "ask [N] | ask QUESTION",
            "guided consultation: the expert asks what it needs to know",
            "It asks every question whose answer could still change the answer to your "
            "question, the most telling first, at most N (default 10) at a time; type ask "
            "again to go on. At a question answer with a value or its words, or type why "
            "(which rule needs it, and what that rule serves), skip, or stop. Followed by "
            "words, it answers them as a question (any line that is not a command is a "
            "question too).",
        ),
        Command(
            "how",
            "how ATTR",
            "how a verdict was reached: the rules, quotes and facts",
            "Example: how {attribute}",
        ),
        Command(
            "why-not",
            "why-not ATTR VALUE",
            "why a verdict is not some value",
            "Example: why-not {attribute} {verdict}",
        ),
        Command(
            "how-to",
            "how-to ATTR VALUE [N]",
            "what would it take: the smallest changes of your facts that make ATTR be VALUE",
            "N is the most facts one answer may change (default 2). "
            "Example: how-to {attribute} {verdict}",
        ),
        Command(
            "what-if",
            "what-if NAME VALUE",
            "which verdicts change if a fact changes",
            "VALUE unknown forgets the fact. Example: what-if {short} {other}",
        ),
        Command("conflicts", "conflicts", "where the articles disagree on your facts"),
        Command(
            "rules",
            "rules [TOPIC]",
            "the topics of the knowledge base, or the rules of one topic",
            "Example: rules {topic}",
        ),
        Command(
            "rule",
            "rule ID",
            "one rule: its conditions, conclusion, certainty, source and quote",
            "Example: rule {rule}",
        ),
        Command("sources", "sources", "the articles the rules cite"),
        Command("inputs", "inputs", "the facts you can state, with their values"),
        Command("reset", "reset", "forget every fact and skipped question"),
        Command("save", "save FILE", "save the facts to a JSON file"),
        Command(
            "load",
            "load FILE",
            "replace the facts by those in a JSON file",
            'The file holds {{"GROUP": {{"NAME": VALUE, ...}}, ...}}, as written by save; '
            "the output of expert consult --json works too.",
        ),
        Command("help", "help [COMMAND]", "list the commands, or explain one"),
        Command("quit", "quit", "leave (also exit, or Ctrl-D)"),
    )
}

ALIASES = {
    "exit": "quit",
    "?": "help",
    "why_not": "why-not",
    "what_if": "what-if",
    "how_to": "how-to",
}


def command_name(word: str) -> str:
    """The command a typed word names, aliases resolved (``exit`` -> ``quit``); the word
    lower-cased if it names none."""
    return ALIASES.get(word.lower(), word.lower())


def unknown_command(word: str) -> UsageError:
    """The error for a word that is no command, with the closest one as suggestion."""
    hint = suggest(command_name(word), [*COMMANDS, *ALIASES])
    return UsageError(
        f"unknown command {word!r}" + ("" if hint else "; type help for the commands"),
        suggestion=hint,
    )


def help_lines(
    args: Sequence[str], inputs: Iterable[Attribute], examples: Examples | None = None
) -> list[str]:
    """What ``help`` prints: every command's usage, or one command's help (its examples the
    base's, from ``examples``, with the facts ``inputs`` of the base for the commands that
    take facts).

    Raises:
        UsageError: ``args`` names no command.
    """
    if not args:
        width = max(len(command.usage) for command in COMMANDS.values())
        return [
            *(f"  {command.usage:<{width}}  {command.summary}" for command in COMMANDS.values()),
            "Type help COMMAND for more; Tab completes commands, facts and values.",
        ]
    name = command_name(args[0])
    if name not in COMMANDS:
        raise UsageError(f"no command {args[0]!r}", suggestion=suggest(name, COMMANDS))
    command = COMMANDS[name]
    lines = [f"{command.usage}: {command.summary}"]
    if command.details:
        lines.append((examples or Examples()).fill(command.details))
    if name in ("set", "unset", "what-if"):
        lines.append("Facts:")
        lines.extend(f"  {spec.name}: {spec.allowed_text()}" for spec in inputs)
    return lines
