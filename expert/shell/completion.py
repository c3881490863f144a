"""Tab completion of the shell: commands, fact names and values, attributes, topics, rule
ids and file names at the prompt; the choices of a question during ``ask``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from prompt_toolkit.completion import CompleteEvent, Completer, Completion, PathCompleter
from prompt_toolkit.document import Document

from ..errors import UsageError
from .arguments import resolve_fact
from .commands import COMMANDS, command_name
from .interpreter import Shell

__all__ = ["AnswerCompleter", "ShellCompleter"]


class ShellCompleter(Completer):
    """Completes commands, fact names, their allowed values, attributes, topics and rules."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self._paths = PathCompleter(expanduser=True)

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Any:
        """Yield the completions of the word before the cursor."""
        text = document.text_before_cursor
        words = text.split()
        if not words or text[-1].isspace():
            words.append("")
        current = words[-1]
        if len(words) == 1:
            yield from _complete(current, [*COMMANDS, "exit"])
            return
        command = command_name(words[0])
        if command in ("save", "load"):
            sub = Document(current, len(current))
            yield from self._paths.get_completions(sub, complete_event)
            return
        yield from self._arguments(command, words[1:-1], current)

    def _arguments(self, command: str, before: list[str], current: str) -> Iterator[Completion]:
        knowledge = self.shell.knowledge
        if command in ("set", "what-if"):
            if "=" in current:
                name, _, value = current.partition("=")
                yield from self._values(name, value)
            elif not before:
                shorts = [attribute.short for attribute in knowledge.inputs.values()]
                yield from _complete(current, [*knowledge.inputs, *dict.fromkeys(shorts)])
            else:
                yield from self._values(before[0], current)
        elif command == "unset":
            yield from _complete(current, list(self.shell.facts))
        elif command in ("how", "why-not", "how-to") and not before:
            yield from _complete(current, knowledge.verdict_attributes())
        elif command in ("why-not", "how-to") and len(before) == 1:
            attribute = knowledge.attributes.get(before[0])
            yield from _complete(current, attribute.values if attribute else ())
        elif command == "rules" and not before:
            yield from _complete(current, list(knowledge.by_topic()))
        elif command == "rule" and not before:
            yield from _complete(current, [rule.id for rule in knowledge.rules])
        elif command == "help" and not before:
            yield from _complete(current, list(COMMANDS))

    def _values(self, name: str, current: str) -> Iterator[Completion]:
        try:
            spec = resolve_fact(self.shell.knowledge, name)
        except UsageError:
            return
        words = spec.words()
        if spec.kind == "set":
            done, _, current = current.rpartition(",")
            chosen = set(done.split(","))
            words = tuple(word for word in words if word not in chosen)
        yield from _complete(current, words)


class AnswerCompleter(Completer):
    """Completes an answer of ``ask``: the word after the last comma or space."""

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = choices

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Any:
        text = document.text_before_cursor
        done, _, current = text.replace(" ", ",").rpartition(",")
        chosen = set(done.split(","))
        yield from _complete(current, [word for word in self.choices if word not in chosen])


def _complete(current: str, candidates: Iterable[str]) -> Iterator[Completion]:
    """The candidates that start with the word being typed, each replacing it."""
    for candidate in candidates:
        if candidate.startswith(current):
            yield Completion(candidate, start_position=-len(current))
