"""The shell: a command interpreter testable without a terminal, and its prompt loop.

:class:`Shell` holds one session's facts and runs one command line at a time
(:meth:`Shell.execute`); the guided consultation ``ask`` reads its answers through a
``read`` callable, so tests and scripts drive it without a terminal. :func:`run` opens the
shell: a prompt_toolkit prompt with completion and history on a terminal, or a plain reader
of commands, one a line, when standard input is not a terminal.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
from prompt_toolkit.completion import CompleteEvent, Completer, Completion, PathCompleter
from prompt_toolkit.document import Document
from rich.console import Console

from ._numbers import read_count
from ._paths import read_tail
from ._safe_text import visible
from ._streams import EnvironmentFailure
from ._terminal import size
from .engine import Expert
from .errors import ExpertError, UsageError, one_line, suggest
from .factfile import read_facts, write_facts
from .goals import Goal
from .guide import Guide
from .knowledge import KnowledgeBase, RuleSpec
from .questions import Question, open_questions
from .render import (
    inputs_text,
    print_conflicts,
    print_lines,
    rule_lines,
    rules_text,
    sources_text,
)
from .result import Result
from .vocabulary import Attribute, named_once, resolve, show_value

__all__ = [
    "COMMANDS",
    "Command",
    "Question",
    "Shell",
    "ShellCompleter",
    "data_dir",
    "guided",
    "open_questions",
    "parse_value",
    "read_facts",
    "resolve_fact",
    "run",
    "scripted",
]

#: Reads one line of input: ``read(prompt, choices)``; raises EOFError when input ends.
Reader = Callable[[str, Sequence[str]], str]

#: Questions one ``ask`` poses before it offers to go on.
MAX_QUESTIONS = 10

#: The longest command line the shell reads, in characters.
MAX_LINE = 10_000

#: How much of the end of the history file is read at start, in bytes.
MAX_HISTORY_BYTES = 1 << 20


@attrs.frozen
class Command:
    """One shell command and its help."""

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
            "state a fact about the device or your needs",
            "NAME is a fact such as device.mic or its short name mic. Sets (needs.uses, "
            "needs.priorities) take values separated by commas: set uses gaming,calls. Flags "
            "take true/false (or yes/no), amounts a number. Example: set mic boom",
        ),
        Command("unset", "unset NAME ...", "forget facts", "Example: unset mic"),
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
            "words, it answers them as a question: ask is a keyboard input or output? (any "
            "line that is not a command is a question too).",
        ),
        Command(
            "how",
            "how ATTR",
            "how a verdict was reached: the rules, quotes and facts",
            "Example: how device.kind",
        ),
        Command(
            "why-not",
            "why-not ATTR VALUE",
            "why a verdict is not some value",
            "Example: why-not device.kind headphones",
        ),
        Command(
            "how-to",
            "how-to ATTR VALUE [N]",
            "what would it take: the smallest changes of your facts that make ATTR be VALUE",
            "N is the most facts one answer may change (default 2). "
            "Example: how-to device.mic_quality good",
        ),
        Command(
            "what-if",
            "what-if NAME VALUE",
            "which verdicts change if a fact changes",
            "VALUE unknown forgets the fact. Example: what-if mic none",
        ),
        Command("conflicts", "conflicts", "where the articles disagree on your facts"),
        Command(
            "rules",
            "rules [TOPIC]",
            "the topics of the knowledge base, or the rules of one topic",
            "Example: rules microphone",
        ),
        Command(
            "rule",
            "rule ID",
            "one rule: its conditions, conclusion, certainty, source and quote",
            "Example: rule microphone.boom-mic-richer-sound",
        ),
        Command("sources", "sources", "the articles the rules cite"),
        Command("inputs", "inputs", "the facts you can state, with their values"),
        Command("reset", "reset", "forget every fact and skipped question"),
        Command("save", "save FILE", "save the facts to a JSON file"),
        Command(
            "load",
            "load FILE",
            "replace the facts by those in a JSON file",
            'The file holds {"device": {...}, "needs": {...}}, as written by save; the '
            "output of expert consult --json works too.",
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


# -- values ----------------------------------------------------------------------------------


def _as_typed(value: Any) -> str:
    """A value as the user types it: sets comma-separated without spaces."""
    return show_value(value, ",")


def resolve_fact(knowledge: KnowledgeBase, name: str) -> Attribute:
    """The input fact called ``name``: a full name (``device.mic``) or an unambiguous short
    one (``mic``).

    Raises:
        UsageError: no such fact (with the closest name as suggestion).
    """
    try:
        return resolve(knowledge.inputs, name)
    except ExpertError as error:
        raise UsageError(
            f"{error.message.split('; allowed')[0]}; type help set for the list",
            suggestion=error.suggestion,
        ) from None


def parse_value(spec: Attribute, words: Sequence[str]) -> Any:
    """Turn the words typed after a fact name into its value (validated later).

    Raises:
        FactError: the words are not a value of the fact.
        UsageError: no value given.
    """
    if not words:
        raise UsageError(f"{spec.name} needs a value: {spec.allowed_text()}")
    text = " ".join(words)
    if spec.kind == "set":
        # Spaces separate a set's values too (uses gaming calls, uses=gaming, calls); an
        # empty one between commas stays, to be refused (uses=gaming,,calls).
        text = ",".join(",".join(piece.split()) for piece in text.split(","))
    return spec.parse(text)


def _pairs(words: Sequence[str]) -> list[tuple[str, list[str]]]:
    """``NAME VALUE...`` or ``NAME=VALUE ...`` -> ``[(name, value words), ...]``."""
    if "=" not in words[0]:
        return [(words[0], list(words[1:]))]
    pairs: list[tuple[str, list[str]]] = []
    for word in words:
        name, sep, value = word.partition("=")
        if sep:
            pairs.append((name, [value] if value else []))
        else:  # a value continued after a space: uses=gaming, calls
            pairs[-1][1].append(word)
    return pairs


# -- guided consultation ---------------------------------------------------------------------


# -- the interpreter -------------------------------------------------------------------------


def scripted(answers: Iterable[str]) -> Reader:
    """A reader that returns ``answers`` one by one, then raises EOFError."""
    remaining: Iterator[str] = iter(answers)

    def read(prompt: str, choices: Sequence[str] = ()) -> str:
        try:
            return next(remaining)
        except StopIteration:
            raise EOFError from None

    return read


def _no_input(prompt: str, choices: Sequence[str] = ()) -> str:
    raise EOFError


class Shell:
    """One session of the shell: the facts stated so far, and the commands that use them.

    Args:
        expert: the expert to consult; one on the bundled knowledge base by default.
        out: where output goes as it is produced (besides being returned by
            :meth:`execute`); ``None`` keeps it only in the return value.
        err: where error lines go; ``out`` by default.
        read: reads the answers of ``ask`` (see :data:`Reader`); no input by default.
        color: render verdicts as a coloured table instead of plain lines.
        echo: repeat each answer of ``ask`` after its prompt (for transcripts of piped input).
        where: names the input position for error lines (e.g. ``"line 3: "``).
        hints: whose words the reports' "see more" line uses: ``repl`` or ``cli``.
    """

    def __init__(
        self,
        expert: Expert | None = None,
        *,
        out: TextIO | None = None,
        err: TextIO | None = None,
        read: Reader | None = None,
        color: bool = False,
        echo: bool = False,
        where: Callable[[], str] | None = None,
        hints: str = "repl",
    ) -> None:
        if expert is not None and not isinstance(expert, Expert):
            raise TypeError(f"expert must be an Expert, not {type(expert).__name__}")
        self.expert = expert or Expert()
        self.facts: dict[str, Any] = {}
        self.skipped: set[str] = set()
        #: Set once ``quit`` ends the session.
        self.done = False
        self.out = out
        self.err = err or out
        self.read: Reader = read or _no_input
        self.color = color
        self.echo = echo
        self.where = where
        self.hints = hints
        #: How many lines (or answers) have failed so far.
        self.failures = 0
        self._captured: list[str] = []

    @property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base of the session's expert."""
        return self.expert.knowledge

    # -- running lines -----------------------------------------------------------------------

    def execute(self, line: str) -> str:
        """Run one command line and return what it printed (errors included).

        Mistakes print one line and leave the facts as they were; :attr:`done` turns true
        after ``quit``.
        """
        if not isinstance(line, str):
            raise TypeError(f"line must be a str, not {type(line).__name__}")
        self._captured = []
        try:
            if len(line) > MAX_LINE:
                raise UsageError(f"the line is longer than the limit of {MAX_LINE:,} characters")
            question = self._question_in(line)
            if question is not None:
                self._check_question(question, line)
                self.ask_question(question)
            elif words := _split(line):
                self._dispatch(words[0], words[1:])
        except ExpertError as error:
            self._fail(str(error))
        except (BrokenPipeError, EnvironmentFailure):
            raise  # nobody reads the output, or it cannot be written: the session is over
        except Exception as error:  # noqa: BLE001 - a session must survive its own bugs
            self._fail(f"internal error: {type(error).__name__}: {error}")
        return "".join(self._captured)

    def _question_in(self, line: str) -> str | None:
        """The question a line asks, if it is no command: any line whose first word is
        not a command, or ``ask`` followed by words that are not a number."""
        first, _, rest = line.strip().partition(" ")
        name = ALIASES.get(first.lower(), first.lower())
        if name == "ask" and rest.strip() and read_count(rest) is None:
            return rest.strip()
        if not first or name in COMMANDS or first.startswith("#"):
            return None
        return line.strip()

    def _check_question(self, text: str, line: str) -> None:
        """Refuse one word that says nothing the base knows: a command mistyped or unknown,
        or ``ask`` given neither a number nor a question."""
        if " " in text or self.expert.read(text).covered:
            return
        if line.strip().lower().startswith("ask "):
            raise UsageError(
                f"ask takes the most questions to ask, e.g. ask 5, or a question in words; "
                f"got {text!r}"
            )
        hint = suggest(text.lower(), [*COMMANDS, *ALIASES])
        raise UsageError(
            f"unknown command {text!r}" + ("" if hint else "; type help for the commands"),
            suggestion=hint,
        )

    def ask_question(self, text: str) -> None:
        """Answer a question typed in words, with the facts stated so far as its context;
        the facts it states are kept for the next commands (``how``, ``why-not``)."""
        result = self.expert.ask(text, self.facts)
        self.facts = dict(result.facts)
        report = result.report(hints=self.hints)
        self._render(lambda console: print_lines(report.lines(), console))

    def _dispatch(self, word: str, args: list[str]) -> None:
        name = ALIASES.get(word.lower(), word.lower())
        if name not in COMMANDS:
            hint = suggest(name, [*COMMANDS, *ALIASES])
            raise UsageError(
                f"unknown command {word!r}" + ("" if hint else "; type help for the commands"),
                suggestion=hint,
            )
        getattr(self, "_do_" + name.replace("-", "_"))(args)

    def _say(self, text: str = "") -> None:
        self._write(text + "\n")

    def _write(self, text: str) -> None:
        """Write text that may hold words from rule files, files or the user's input, with
        its control characters shown as escapes (line breaks kept)."""
        self._emit(visible(text, lines=True), self.out)

    def _fail(self, text: str) -> None:
        self.failures += 1
        where = self.where() if self.where else ""
        self._emit(f"error: {where}{one_line(text)}\n", self.err)

    def _emit(self, text: str, stream: TextIO | None) -> None:
        self._captured.append(text)
        if stream is not None:
            stream.write(text)
            stream.flush()

    def _render(self, draw: Callable[[Console], None]) -> None:
        buffer = io.StringIO()
        measured = size()  # both given, so that rich reads neither COLUMNS nor LINES
        console = Console(
            file=buffer,
            force_terminal=self.color,
            # On a terminal rich decides, honouring NO_COLOR; off one there is no colour.
            no_color=None if self.color else True,
            width=measured["width"] if self.color else 100,
            height=measured["height"],
            highlight=False,
        )
        draw(console)
        self._emit(buffer.getvalue(), self.out)

    # -- facts -------------------------------------------------------------------------------

    def result(self) -> Result:
        """Consult the expert on the session's facts."""
        return self.expert.consult(self.facts)

    def set_facts(self, changes: dict[str, Any]) -> None:
        """Apply ``changes`` (full names; ``None`` forgets) if all of them are valid.

        Raises:
            FactError: a value outside the vocabulary; the facts are left as they were.
        """
        facts = {**self.facts, **changes}
        self.facts = self.knowledge.state(facts)
        self.skipped -= set(changes)

    def _do_set(self, args: list[str]) -> None:
        if not args:
            raise UsageError("set takes a fact and a value, e.g. set mic boom (see help set)")
        changes = {spec.name: parse_value(spec, words) for spec, words in self._named(args)}
        self.set_facts(changes)
        for name in changes:
            self._say(f"{name} = {_as_typed(self.facts[name])}")

    def _do_unset(self, args: list[str]) -> None:
        if not args:
            raise UsageError("unset takes fact names, e.g. unset mic")
        names = [resolve_fact(self.knowledge, word).name for word in args]
        for name in names:
            known = self.facts.pop(name, None) is not None
            self._say(f"forgot {name}" if known else f"{name} was not set")

    def _do_facts(self, args: list[str]) -> None:
        _no_arguments("facts", args)
        if not self.facts:
            self._say("No facts yet: state one with set (e.g. set mic boom), or type ask.")
        for name, value in self.facts.items():
            self._say(f"{name} = {_as_typed(value)}")
        if self.skipped:
            self._say(f"skipped questions: {', '.join(sorted(self.skipped))}")

    def _do_reset(self, args: list[str]) -> None:
        _no_arguments("reset", args)
        count = len(self.facts)
        self.facts = {}
        self.skipped = set()
        self._say(f"forgot {count} fact{'s' if count != 1 else ''}")

    # -- consultation and explanations -------------------------------------------------------

    def _do_consult(self, args: list[str]) -> None:
        _no_arguments("consult", args)
        report = self.result().report(hints=self.hints)
        self._render(lambda console: print_lines(report.lines(), console))

    def _do_all(self, args: list[str]) -> None:
        _no_arguments("all", args)
        report = self.result().report(full=True, hints=self.hints)
        self._render(lambda console: print_lines(report.lines(), console))

    def _do_how(self, args: list[str]) -> None:
        if len(args) != 1:
            raise UsageError("how takes one attribute, e.g. how device.kind")
        self._say(self.result().how(self._attribute(args[0])).to_text())

    def _do_why_not(self, args: list[str]) -> None:
        words = args[0].split("=", 1) + args[1:] if args and "=" in args[0] else args
        if len(words) != 2:
            raise UsageError(
                "why-not takes an attribute and a value, e.g. why-not device.kind headphones"
            )
        attribute, value = words
        self._say(self.result().why_not(self._attribute(attribute), value.lower()).to_text())

    def _do_how_to(self, args: list[str]) -> None:
        words = args[0].split("=", 1) + args[1:] if args and "=" in args[0] else args
        most = read_count(words[2]) if len(words) == 3 else 2
        if len(words) not in (2, 3) or most is None:
            raise UsageError(
                "how-to takes an attribute, a value and the most facts to change (default 2), "
                "e.g. how-to assessment.fit good"
            )
        attribute, value = words[0], words[1].lower()
        self._say(self.result().how_to(self._attribute(attribute), value, most).to_text())

    def _do_what_if(self, args: list[str]) -> None:
        if len(args) < 2 and not (args and "=" in args[0]):
            raise UsageError("what-if takes a fact and a value, e.g. what-if mic none")
        changes: dict[str, Any] = {}
        for spec, words in self._named(args):
            forget = [word.lower() for word in words] == ["unknown"]
            changes[spec.name] = None if forget else parse_value(spec, words)
        self._say(self.result().what_if(**changes).to_text())

    def _named(self, args: list[str]) -> list[tuple[Attribute, list[str]]]:
        """The facts a line names, each with the words of its value, in order.

        Raises:
            UsageError: an unknown fact.
            FactError: a fact named twice in the line (``set mic boom device.mic=none``).
        """
        given = [(resolve_fact(self.knowledge, name).name, words) for name, words in _pairs(args)]
        named = named_once(self.knowledge.inputs, [(n, " ".join(w)) for n, w in given])
        return [(spec, words) for (spec, _), (_, words) in zip(named, given, strict=True)]

    def _do_conflicts(self, args: list[str]) -> None:
        _no_arguments("conflicts", args)
        result = self.result()
        if not result.conflicts:
            self._say("No conflicts: the articles agree on these facts.")
        self._render(lambda console: print_conflicts(result, console))

    def _attribute(self, name: str) -> str:
        """A concluded attribute by full name, or by a short name that only one has."""
        concluded = self.knowledge.verdict_attributes()
        if name in concluded:
            return name
        matches = [full for full in concluded if full.split(".", 1)[1] == name]
        if len(matches) > 1:
            raise UsageError(f"{name!r} is ambiguous: {', '.join(matches)}")
        return matches[0] if matches else name

    # -- the knowledge base ------------------------------------------------------------------

    def _do_rules(self, args: list[str]) -> None:
        topics = self.knowledge.by_topic()
        if not args:
            for topic, rules in topics.items():
                summary = self.knowledge.topics.get(topic, "")
                self._say(f"{topic} ({len(rules)} rules){': ' + summary if summary else ''}")
            self._say("Type rules TOPIC to list a topic's rules, rule ID to read one.")
            return
        if len(args) > 1 or args[0] not in topics:
            raise UsageError(
                f"no topic {' '.join(args)!r}; topics: {', '.join(topics)}",
                suggestion=suggest(" ".join(args), topics),
            )
        self._write(rules_text(self.knowledge, args[0]))

    def _do_rule(self, args: list[str]) -> None:
        if len(args) != 1:
            raise UsageError("rule takes a rule id, e.g. rule microphone.boom-mic-richer-sound")
        rule = self._find_rule(args[0])
        for line in self._rule_lines(rule):
            self._say(line)

    def _find_rule(self, rule_id: str) -> RuleSpec:
        by_slug = [rule for rule in self.knowledge.rules if rule.id.split(".", 1)[1] == rule_id]
        if len(by_slug) == 1:
            return by_slug[0]
        return self.knowledge.rule(rule_id)

    def _rule_lines(self, rule: RuleSpec) -> list[str]:
        fired = rule.id in self.result().fired_rules
        verdict = f"  on your facts it {'fired' if fired else 'did not fire'}"
        return [*rule_lines(rule, self.knowledge), verdict]

    def _do_sources(self, args: list[str]) -> None:
        _no_arguments("sources", args)
        self._write(sources_text(self.knowledge))

    def _do_inputs(self, args: list[str]) -> None:
        _no_arguments("inputs", args)
        self._write(inputs_text(self.knowledge))

    # -- files -------------------------------------------------------------------------------

    def _do_save(self, args: list[str]) -> None:
        path = _one_path("save", args)
        write_facts(path, self.facts)
        self._say(f"saved {len(self.facts)} facts to {path}")

    def _do_load(self, args: list[str]) -> None:
        path = _one_path("load", args)
        facts = read_facts(path, self.knowledge)
        self.facts = facts
        self.skipped = set()
        self._say(f"loaded {len(facts)} facts from {path}")

    # -- help and leaving --------------------------------------------------------------------

    def _do_help(self, args: list[str]) -> None:
        if not args:
            width = max(len(command.usage) for command in COMMANDS.values())
            for command in COMMANDS.values():
                self._say(f"  {command.usage:<{width}}  {command.summary}")
            self._say("Type help COMMAND for more; Tab completes commands, facts and values.")
            return
        name = ALIASES.get(args[0].lower(), args[0].lower())
        if name not in COMMANDS:
            raise UsageError(f"no command {args[0]!r}", suggestion=suggest(name, COMMANDS))
        command = COMMANDS[name]
        self._say(f"{command.usage}: {command.summary}")
        if command.details:
            self._say(command.details)
        if name in ("set", "unset", "what-if"):
            self._say("Facts:")
            for spec in self.knowledge.inputs.values():
                self._say(f"  {spec.name}: {spec.allowed_text()}")

    def _do_quit(self, args: list[str]) -> None:
        self.done = True

    # -- guided consultation -----------------------------------------------------------------

    def _do_ask(self, args: list[str]) -> None:
        most = read_count(args[0]) if args else MAX_QUESTIONS
        if len(args) > 1 or most is None or most < 1:
            raise UsageError(f"ask takes the most questions to ask, e.g. ask 5; got {args[0]!r}")
        self.ask(most)

    def guide(self) -> Guide:
        """A guided consultation from the session's facts, not asking skipped questions."""
        return Guide(self.expert, self.facts, self.skipped)

    def goal(self) -> Goal | None:
        """What a guided consultation works toward, given the facts stated so far."""
        return self.guide().goal

    def questions(self) -> list[Question]:
        """The questions that could still change the goal's verdict, the most telling first."""
        return self.guide().questions()

    def ask(self, limit: int = MAX_QUESTIONS) -> None:
        """Guided consultation toward the goal: ask up to ``limit`` questions, stopping by
        itself once no answer could change the goal's verdict, then show the report."""
        guide = self.guide()
        try:
            self._converse(guide, limit)
        finally:
            self.facts, self.skipped = dict(guide.facts), set(guide.skipped)
        answered = sum(not asked.skipped for asked in guide.asked)
        self._say(f"You answered {answered} of {len(guide.asked)} questions.\n")
        self._do_consult([])

    def _converse(self, guide: Guide, limit: int) -> None:
        """Put the guide's questions until none is left, ``limit`` are put, or stop."""
        while True:
            question = guide.next_question()
            if question is None:
                goal = guide.goal
                aim = f" on {_label(self.knowledge, goal.attribute)}" if goal else ""
                self._say(f"Nothing you could still tell me changes the answer{aim}.")
                return
            if len(guide.asked) >= limit:
                count = len(guide.questions())
                self._say(f"{count} more questions could change the answer; type ask to go on.")
                return
            if not self._pose(guide, question, len(guide.asked) + 1):
                self._say("Stopped asking.")
                return

    def _pose(self, guide: Guide, question: Question, number: int) -> bool:
        """Put one question until it is answered or skipped (``True``) or stopped."""
        self._say(
            f"Question {number}: {question.text} ({_choices(question)}) — or why, skip, stop"
        )
        prompt = f"{question.attribute.title}? "
        while True:
            try:
                answer = self.read(prompt, question.words())
            except (EOFError, KeyboardInterrupt):
                return False
            if self.echo:
                self._say(prompt + answer)
            word = answer.strip().lower()
            if word in ("stop", "quit", "exit"):
                return False
            if word == "skip":
                guide.skip()
                return True
            if word == "why":
                for line in guide.why():
                    self._say(f"  {line}")
            elif not word or word in ("help", "?"):
                self._say(f"  answer {_choices(question)}; or why, skip, stop")
            else:
                try:
                    guide.answer(answer.strip())
                except ExpertError as error:
                    self._fail(str(error))
                    continue
                return True


def _label(knowledge: KnowledgeBase, name: str) -> str:
    """An attribute in the base's words."""
    spec = knowledge.attributes.get(name)
    return spec.title if spec is not None else name


def _choices(question: Question) -> str:
    """The answers a question takes, in the base's words: ``music, movies, ...``."""
    spec = question.attribute
    if spec.kind == "amount":
        return "a number"
    words = ", ".join(words for _, words in question.choices)
    return f"one or more of {words}, comma-separated" if spec.multi else words


# The pieces of a line, as the POSIX shell (and shlex) reads them: blanks, a comment, plain
# characters, a single-quoted string, a double-quoted one (where a backslash escapes only
# a backslash or a double quote), a backslash and the character it escapes, and the errors.
_PIECES = re.compile(
    r"""(?P<blank>[ \t\r\n]+)|(?P<comment>\#[^\n]*)|(?P<plain>[^ \t\r\n'"\\\#]+)"""
    r"""|'(?P<single>[^']*)'|"(?P<double>(?:[^"\\]|\\.)*)"|\\(?P<escaped>.)"""
    r"""|(?P<unclosed>['"])|(?P<dangling>\\)""",
    re.DOTALL,
)
_DOUBLE_ESCAPE = re.compile(r'\\([\\"])')


def _split(line: str) -> list[str]:
    """The words of a line, as ``shlex.split(line, comments=True)`` gives them, in linear
    time (shlex builds each word a character at a time: quadratic on a long word)."""
    words: list[str] = []
    word: list[str] | None = None
    for piece in _PIECES.finditer(line):
        kind = piece.lastgroup
        if kind in ("blank", "comment"):
            if word is not None:
                words.append("".join(word))
            word = None
            continue
        if kind == "unclosed":
            raise UsageError("cannot read the line: No closing quotation")
        if kind == "dangling":
            raise UsageError("cannot read the line: No escaped character")
        text = piece.group(kind or "")
        if kind == "double":
            text = _DOUBLE_ESCAPE.sub(r"\1", text)
        word = [*(word or []), text]
    if word is not None:
        words.append("".join(word))
    return words


def _no_arguments(name: str, args: list[str]) -> None:
    if args:
        raise UsageError(f"{name} takes no arguments, got {' '.join(args)!r}")


def _one_path(name: str, args: list[str]) -> Path:
    if len(args) != 1:
        raise UsageError(f"{name} takes one file name, e.g. {name} facts.json")
    return Path(args[0]).expanduser()


# -- completion ------------------------------------------------------------------------------


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
        command = ALIASES.get(words[0].lower(), words[0].lower())
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


class _AnswerCompleter(Completer):
    """Completes an answer of ``ask``: the word after the last comma or space."""

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = choices

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Any:
        text = document.text_before_cursor
        done, _, current = text.replace(" ", ",").rpartition(",")
        chosen = set(done.split(","))
        yield from _complete(current, [word for word in self.choices if word not in chosen])


def _complete(current: str, candidates: Iterable[str]) -> Iterator[Completion]:
    for candidate in candidates:
        if candidate.startswith(current):
            yield Completion(candidate, start_position=-len(current))


# -- history and the prompt loop -------------------------------------------------------------


def data_dir() -> Path:
    """The directory for the shell's own files (its history).

    ``$XDG_DATA_HOME/expert`` when that variable holds an absolute path; otherwise the
    platform's user data directory: ``~/.local/share/expert``, ``~/Library/Application
    Support/expert`` on macOS, ``%APPDATA%\\expert`` on Windows.

    Raises:
        RuntimeError: there is no home directory to be found (``HOME`` empty or relative).
    """
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "expert"
    home = Path.home()
    if not home.is_absolute() or os.environ.get("HOME") == "":
        # An empty or relative HOME would put the history in the current directory (or /).
        raise RuntimeError("no home directory: HOME is empty or not an absolute path")
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming") / "expert"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "expert"
    return home / ".local" / "share" / "expert"


def _history() -> Any:
    """A history file in :func:`data_dir`, or one in memory when that is not writable."""
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    class SafeFileHistory(FileHistory):
        """A file history that never ends a session because the file cannot be used, reads
        only the end of a long one, and uses only a regular file (a history linked to
        /dev/zero or a FIFO is left alone rather than read for ever or waited on)."""

        def load_history_strings(self) -> Iterable[str]:
            try:
                data = read_tail(os.fsdecode(self.filename), MAX_HISTORY_BYTES)
            except (OSError, ValueError):
                return []
            return reversed(_history_entries(data))

        def store_string(self, string: str) -> None:
            try:
                path = Path(os.fsdecode(self.filename))
                if not path.exists() or path.is_file():
                    super().store_string(string)
            except OSError:
                pass  # an unwritable history is not worth losing the session over

    try:
        directory = data_dir()
        directory.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home directory to be found
        return InMemoryHistory()
    return SafeFileHistory(str(directory / "history"))


def _history_entries(data: bytes) -> list[str]:
    """The entries of prompt_toolkit's history format (``# time`` lines, then ``+line``s),
    oldest first; a first entry cut by reading only the end of the file is dropped."""
    entries: list[str] = []
    lines: list[str] | None = None
    # The first line is the blank one prompt_toolkit writes before each entry, or the cut
    # end of a line: either way not part of a whole entry.
    for raw in data.splitlines(keepends=True)[1:]:
        line = raw.decode("utf-8", errors="replace")
        if line.startswith("+") and lines is not None:
            lines.append(line[1:])
        elif not line.startswith("+"):
            if lines:
                entries.append("".join(lines)[:-1])
            lines = []
    if lines:
        entries.append("".join(lines)[:-1])
    return entries


def run(
    rules: str | Path | None = None,
    *,
    engine: str = "experta",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Open the shell on a knowledge base and return the exit code.

    On a terminal it prompts, with completion and history; otherwise it runs the commands of
    standard input, one a line, printing plain text, and returns 2 if any of them failed
    (0 if all succeeded).
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    expert = Expert(rules, engine=engine)
    if stdin.isatty() and stdout.isatty():
        return _interactive(expert)
    return _piped(expert, stdin, stdout)


def guided(
    expert: Expert,
    facts: dict[str, Any],
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    hints: str = "cli",
) -> int:
    """A guided consultation (``expert consult --ask``): the dialog of the shell's ``ask``,
    starting from ``facts``, then the report. Answers come from a prompt on a terminal, else
    one a line from ``stdin``. Returns the exit code: 0."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if stdin.isatty() and stdout.isatty():
        from prompt_toolkit import PromptSession

        answers: PromptSession[str] = PromptSession(complete_while_typing=False)

        def read(prompt: str, choices: Sequence[str] = ()) -> str:
            return answers.prompt(prompt, completer=_AnswerCompleter(choices))

        shell = Shell(expert, out=stdout, read=read, color=True, hints=hints)
    else:
        reader = _LineReader(stdin)
        shell = Shell(
            expert, out=stdout, err=sys.stderr, read=reader, echo=True, where=reader.where,
            hints=hints,
        )  # fmt: skip
    shell.set_facts(facts)
    shell.ask()
    return 0


class _LineReader:
    """Reads lines from a stream, counting them for error messages."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.number = 0

    def __call__(self, prompt: str = "", choices: Sequence[str] = ()) -> str:
        line = self.stream.readline(MAX_LINE + 1)
        if not line:
            raise EOFError
        self.number += 1
        if len(line) > MAX_LINE and not line.endswith("\n"):
            while rest := self.stream.readline(1 << 16):  # skip the rest, holding none of it
                if rest.endswith("\n"):
                    break
            return line  # too long: execute() says so
        return line.rstrip("\r\n")

    def where(self) -> str:
        return f"line {self.number}: "


def _piped(expert: Expert, stdin: TextIO, stdout: TextIO) -> int:
    reader = _LineReader(stdin)
    shell = Shell(expert, out=stdout, err=sys.stderr, read=reader, echo=True, where=reader.where)
    while not shell.done:
        try:
            line = reader()
        except EOFError:
            break
        shell.execute(line)
    # Like `sh -e` or `python -`, a script whose commands failed says so in its status.
    return 2 if shell.failures else 0


def _interactive(expert: Expert) -> int:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.auto_suggest import AutoSuggestFromHistory

    answers: PromptSession[str] = PromptSession(complete_while_typing=False)

    def read(prompt: str, choices: Sequence[str] = ()) -> str:
        return answers.prompt(prompt, completer=_AnswerCompleter(choices))

    shell = Shell(expert, out=sys.stdout, read=read, color=True)
    session: PromptSession[str] = PromptSession(
        history=_history(),
        completer=ShellCompleter(shell),
        complete_while_typing=False,
        auto_suggest=AutoSuggestFromHistory(),
    )
    print(
        "expert: headphones or headset? Ask a question in your own words, type ask for a "
        "guided consultation, help for the commands, Ctrl-D to leave."
    )
    while not shell.done:
        try:
            line = session.prompt("expert> ")
        except KeyboardInterrupt:
            continue  # Ctrl-C cancels the line
        except EOFError:
            break
        try:
            shell.execute(line)
        except KeyboardInterrupt:
            print("interrupted")
    return 0
