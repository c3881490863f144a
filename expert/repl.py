"""The shell: a command interpreter testable without a terminal, and its prompt loop.

:class:`Shell` holds one session's facts and runs one command line at a time
(:meth:`Shell.execute`); the guided consultation ``ask`` reads its answers through a
``read`` callable, so tests and scripts drive it without a terminal. :func:`run` opens the
shell: a prompt_toolkit prompt with completion and history on a terminal, or a plain reader
of commands, one a line, when standard input is not a terminal.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
from prompt_toolkit.completion import CompleteEvent, Completer, Completion, PathCompleter
from prompt_toolkit.document import Document
from rich.console import Console

from ._paths import check_path_argument, read_regular, read_tail, target_of
from ._safe_text import visible
from .engine import Expert
from .errors import ExpertError, FactError, UsageError, one_line, suggest
from .facts import Device, FactSpec, Needs, input_specs, show_value
from .knowledge import KnowledgeBase, RuleSpec
from .render import print_conflicts, print_result, rule_lines, rules_text, sources_text
from .result import Result

__all__ = [
    "COMMANDS",
    "Command",
    "Question",
    "Shell",
    "ShellCompleter",
    "data_dir",
    "open_questions",
    "parse_value",
    "read_facts",
    "resolve_fact",
    "run",
    "scripted",
    "write_atomically",
]

#: Reads one line of input: ``read(prompt, choices)``; raises EOFError when input ends.
Reader = Callable[[str, Sequence[str]], str]

#: Questions one ``ask`` poses before it offers to go on.
MAX_QUESTIONS = 10

#: Words a user may give instead of an answer during ``ask``.
ANSWER_WORDS = ("why", "skip", "stop")

#: The longest command line the shell reads, in characters.
MAX_LINE = 10_000

#: The largest facts file ``load`` reads, in bytes.
MAX_FACTS_BYTES = 1 << 20

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
        Command("consult", "consult", "the verdicts on your facts, with quotes"),
        Command(
            "ask",
            "ask [N]",
            "guided consultation: the expert asks what it needs to know",
            "It asks only questions whose answers can change a verdict, the most needed "
            "first, at most N (default 10) at a time; type ask again to go on. At a question "
            "answer with a value, or type why (which rules need it), skip, or stop.",
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

ALIASES = {"exit": "quit", "?": "help", "why_not": "why-not", "what_if": "what-if"}


# -- values ----------------------------------------------------------------------------------


def _as_typed(value: Any) -> str:
    """A value as the user types it: sets comma-separated without spaces."""
    return show_value(value, ",")


def _allowed_words(spec: FactSpec) -> tuple[str, ...]:
    """The words a user may type for ``spec`` (empty for a number)."""
    if spec.kind == "flag":
        return ("true", "false")
    return tuple(str(value) for value in spec.values)


def _allowed_text(spec: FactSpec) -> str:
    if spec.kind == "amount":
        return "a number >= 0"
    if spec.kind == "flag":
        return "true or false (yes or no)"
    words = ", ".join(_allowed_words(spec))
    return f"one or more of {words} (comma-separated)" if spec.kind == "set" else words


def _short_names() -> dict[str, str]:
    """Short fact names (``mic``) to full ones (``device.mic``)."""
    return {name.split(".", 1)[1]: name for name in input_specs()}


def resolve_fact(name: str) -> FactSpec:
    """The input fact called ``name``: a full name (``device.mic``) or a short one (``mic``).

    Raises:
        UsageError: no such fact (with the closest name as suggestion).
    """
    specs = input_specs()
    key = name.strip().lower().replace("-", "_")
    if key in specs:
        return specs[key]
    shorts = _short_names()
    if key in shorts:
        return specs[shorts[key]]
    raise UsageError(
        f"no fact {name!r}; type help set for the list",
        suggestion=suggest(key, [*specs, *shorts]),
    )


def parse_value(spec: FactSpec, words: Sequence[str]) -> Any:
    """Turn the words typed after a fact name into its value (validated later).

    Raises:
        FactError: the words are not a value of the fact.
        UsageError: no value given.
    """
    if not words:
        raise UsageError(f"{spec.name} needs a value: {_allowed_text(spec)}")
    text = (",".join if spec.kind == "set" else " ".join)(words)
    if spec.kind in ("choice", "set"):
        text = text.lower()
    value = spec.parse(text)
    if spec.kind == "set" and not value:
        raise UsageError(f"{spec.name} needs at least one value: {_allowed_text(spec)}")
    return value


def _fact_objects(facts: dict[str, Any]) -> tuple[Device, Needs]:
    """Build (and so validate) the Device and Needs of full-named ``facts``."""
    device = Device.from_mapping({k: v for k, v in facts.items() if k.startswith("device.")})
    needs = Needs.from_mapping({k: v for k, v in facts.items() if k.startswith("needs.")})
    return device, needs


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


@attrs.frozen
class Question:
    """A fact the expert would like to know, and the unfired rules that need it.

    Attributes:
        spec: the fact asked about.
        rules: the rules that test it and could still fire, closest to firing first.
    """

    spec: FactSpec
    rules: tuple[RuleSpec, ...]

    @property
    def name(self) -> str:
        """The fact's full name."""
        return self.spec.name

    def choices(self) -> tuple[str, ...]:
        """Words to offer for completion: the allowed values and the answer words."""
        extra = ("yes", "no") if self.spec.kind == "flag" else ()
        return (*_allowed_words(self.spec), *extra, *ANSWER_WORDS)


def _unknown_inputs(result: Result, rule: RuleSpec) -> set[str] | None:
    """The unknown input facts ``rule`` needs, or ``None`` when a stated fact fails it."""
    specs = input_specs()
    unknown: set[str] = set()
    for condition in rule.conditions:
        if condition.attribute not in specs:
            continue  # a concluded attribute may still be concluded by other answers
        if condition.attribute in result.facts:
            if not condition.holds(result.facts[condition.attribute]):
                return None
        elif condition.op != "absent":
            unknown.add(condition.attribute)
    return unknown


def _can_change(result: Result, rule: RuleSpec) -> bool:
    """Whether firing ``rule`` could still move a certainty (none is already at its bound)."""
    sign = 1.0 if rule.certainty > 0 else -1.0
    return any(
        result.certainty(conclusion.attribute, conclusion.value) * sign < 1.0
        for conclusion in rule.conclusions
    )


def open_questions(result: Result, exclude: Iterable[str] = ()) -> list[Question]:
    """The questions whose answers can change a verdict, the most needed first.

    A question is an unknown input fact tested by a rule that has not fired, that no stated
    fact rules out, and whose conclusions are not already certain. Questions are ordered by
    how many such rules need them, then in vocabulary order.

    Args:
        result: the consultation on the facts known so far.
        exclude: full names of facts not to ask about (e.g. skipped ones).
    """
    excluded = set(exclude)
    needing: dict[str, list[tuple[int, RuleSpec]]] = {}
    for rule in result.expert.knowledge.rules:
        if rule.id in result.fired_rules or not _can_change(result, rule):
            continue
        unknown = _unknown_inputs(result, rule) or set()
        for name in unknown:
            needing.setdefault(name, []).append((len(unknown), rule))
    order = list(input_specs())
    names = sorted(
        (name for name in needing if name not in excluded),
        key=lambda name: (-len(needing[name]), order.index(name)),
    )
    specs = input_specs()
    return [
        Question(specs[name], tuple(rule for _, rule in sorted(needing[name], key=_closest)))
        for name in names
    ]


def _closest(item: tuple[int, RuleSpec]) -> int:
    return item[0]


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
            words = _split(line)
            if words:
                self._dispatch(words[0], words[1:])
        except ExpertError as error:
            self._fail(str(error))
        except BrokenPipeError:
            raise  # nobody reads the output any more: the session is over
        except Exception as error:  # noqa: BLE001 - a session must survive its own bugs
            self._fail(f"internal error: {type(error).__name__}: {error}")
        return "".join(self._captured)

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
        width = shutil.get_terminal_size().columns if self.color else 100
        console = Console(
            file=buffer,
            force_terminal=self.color,
            no_color=not self.color,
            width=width,
            highlight=False,
        )
        draw(console)
        self._emit(buffer.getvalue(), self.out)

    # -- facts -------------------------------------------------------------------------------

    def result(self) -> Result:
        """Consult the expert on the session's facts."""
        return self.expert.consult(*_fact_objects(self.facts))

    def set_facts(self, changes: dict[str, Any]) -> None:
        """Apply ``changes`` (full names; ``None`` forgets) if all of them are valid.

        Raises:
            FactError: a value outside the vocabulary; the facts are left as they were.
        """
        facts = {**self.facts, **changes}
        facts = {name: value for name, value in facts.items() if value is not None}
        _fact_objects(facts)
        self.facts = facts
        self.skipped -= set(changes)

    def _do_set(self, args: list[str]) -> None:
        if not args:
            raise UsageError("set takes a fact and a value, e.g. set mic boom (see help set)")
        changes = {}
        for name, words in _pairs(args):
            spec = resolve_fact(name)
            changes[spec.name] = parse_value(spec, words)
        self.set_facts(changes)
        for name in changes:
            self._say(f"{name} = {_as_typed(self.facts[name])}")

    def _do_unset(self, args: list[str]) -> None:
        if not args:
            raise UsageError("unset takes fact names, e.g. unset mic")
        names = [resolve_fact(word).name for word in args]
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
        result = self.result()
        self._render(lambda console: print_result(result, console))

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

    def _do_what_if(self, args: list[str]) -> None:
        if len(args) < 2 and not (args and "=" in args[0]):
            raise UsageError("what-if takes a fact and a value, e.g. what-if mic none")
        changes: dict[str, Any] = {}
        for name, words in _pairs(args):
            spec = resolve_fact(name)
            forget = [word.lower() for word in words] == ["unknown"]
            changes[spec.name] = None if forget else parse_value(spec, words)
        self._say(self.result().what_if(**changes).to_text())

    def _do_conflicts(self, args: list[str]) -> None:
        _no_arguments("conflicts", args)
        result = self.result()
        if not result.conflicts:
            self._say("No conflicts: the articles agree on these facts.")
        self._render(lambda console: print_conflicts(result, console))

    def _attribute(self, name: str) -> str:
        """A concluded attribute by full name, or by a short name that only one has."""
        concluded = self.knowledge.concluded_attributes()
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

    # -- files -------------------------------------------------------------------------------

    def _do_save(self, args: list[str]) -> None:
        path = _one_path("save", args)
        device, needs = _fact_objects(self.facts)
        text = json.dumps({"device": device.to_dict(), "needs": needs.to_dict()}, indent=2)
        write_atomically(path, text + "\n")
        self._say(f"saved {len(self.facts)} facts to {path}")

    def _do_load(self, args: list[str]) -> None:
        path = _one_path("load", args)
        facts = read_facts(path)
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
            for spec in input_specs().values():
                self._say(f"  {spec.name}: {_allowed_text(spec)}")

    def _do_quit(self, args: list[str]) -> None:
        self.done = True

    # -- guided consultation -----------------------------------------------------------------

    def _do_ask(self, args: list[str]) -> None:
        if len(args) > 1 or (args and (not args[0].isdigit() or int(args[0]) < 1)):
            raise UsageError(f"ask takes the most questions to ask, e.g. ask 5; got {args[0]!r}")
        self.ask(int(args[0]) if args else MAX_QUESTIONS)

    def questions(self) -> list[Question]:
        """The questions that could change a verdict now, the most needed first."""
        return open_questions(self.result(), exclude=self.skipped)

    def ask(self, limit: int = MAX_QUESTIONS) -> None:
        """Guided consultation: ask up to ``limit`` questions, then show the verdicts."""
        asked = answered = 0
        while True:
            pending = self.questions()
            if not pending:
                self._say("No more questions: no answer could change a verdict now.")
                break
            if asked >= limit:
                self._say(
                    f"{len(pending)} more questions could change a verdict; type ask to go on."
                )
                break
            outcome = self._pose(pending[0], asked + 1)
            if outcome == "stop":
                self._say("Stopped asking.")
                break
            asked += 1
            answered += outcome == "answered"
        self._say(f"You answered {answered} of {asked} questions.\n")
        self._do_consult([])

    def _pose(self, question: Question, number: int) -> str:
        """Ask one question until it is answered, skipped or stopped; return which."""
        spec = question.spec
        self._say(f"Question {number}: {spec.name} ({spec.doc})")
        self._say(f"  answer {_allowed_text(spec)}; or why, skip, stop")
        prompt = f"{spec.name}? "
        while True:
            try:
                answer = self.read(prompt, question.choices())
            except (EOFError, KeyboardInterrupt):
                return "stop"
            if self.echo:
                self._say(prompt + answer)
            outcome = self._answer(question, answer.strip())
            if outcome:
                return outcome

    def _answer(self, question: Question, answer: str) -> str | None:
        """Act on one answer; return the outcome, or ``None`` to ask again."""
        word = answer.lower()
        if word in ("stop", "quit", "exit"):
            return "stop"
        if word in ("skip", "unknown"):
            self.skipped.add(question.name)
            return "skipped"
        if word == "why":
            self._why(question)
            return None
        if not word or word in ("help", "?"):
            self._say(f"  answer {_allowed_text(question.spec)}; or why, skip, stop")
            return None
        try:
            self.set_facts({question.name: parse_value(question.spec, answer.split())})
        except ExpertError as error:
            self._fail(str(error))
            return None
        return "answered"

    def _why(self, question: Question, shown: int = 3) -> None:
        """MYCIN's why: the rules that need the answer, and what they would conclude."""
        count = len(question.rules)
        rules = f"{count} rule{'s' if count != 1 else ''} that {'have' if count != 1 else 'has'}"
        self._say(f"  {question.name} is tested by {rules} not fired yet, for example:")
        for rule in question.rules[:shown]:
            when = " and ".join(condition.describe() for condition in rule.conditions)
            then = ", ".join(f"{c.attribute} = {_as_typed(c.value)}" for c in rule.conclusions)
            source = self.knowledge.sources.get(rule.source)
            cite = source.cite() if source else rule.source
            self._say(f"  - {rule.id}: if {when}, then {then} (certainty {rule.certainty:.2f})")
            self._say(f"    “{rule.quote}” ({cite})")
        if count > shown:
            self._say(f"  and {count - shown} more; type rule ID after ask to read any rule.")


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


# -- files -----------------------------------------------------------------------------------


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file beside it, then a rename.

    A symbolic link is written through: the file it names is replaced, the link kept.

    Raises:
        UsageError: the file cannot be written, or is not a regular file; an existing
            file is left as it was.
        TypeError: ``path`` is not a path.
    """
    check_path_argument(path, "path")
    path = target_of(Path(path))
    if path.exists() and not path.is_file():
        raise UsageError(f"cannot save to {path}: not a regular file")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            dir=directory,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as error:
        raise UsageError(f"cannot save to {path}: {error.strerror or error}") from None
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except OSError as error:
        Path(handle.name).unlink(missing_ok=True)
        raise UsageError(f"cannot save to {path}: {error.strerror or error}") from None


def read_facts(path: Path) -> dict[str, Any]:
    """The facts saved in ``path`` by full name, validated.

    Accepts ``{"device": {...}, "needs": {...}}`` (what ``save`` writes) or the output of
    ``expert consult --json``, whose facts are under ``"facts"``.

    Raises:
        UsageError: the file is unreadable, not JSON, or not facts.
        FactError: an unknown fact or a value outside the vocabulary.
        TypeError: ``path`` is not a path.
    """
    check_path_argument(path, "path")
    try:
        data = json.loads(read_regular(path, MAX_FACTS_BYTES).decode("utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not a text file") from None
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{path}: not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise UsageError(f"{path}: not facts: the JSON is nested too deeply") from None
    except ValueError as error:  # not a regular file, or too large
        raise UsageError(f"cannot read {path}: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("facts"), dict):
        data = data["facts"]
    if not isinstance(data, dict):
        raise UsageError(f'{path}: expected an object like {{"device": {{"mic": "boom"}}}}')
    unknown = sorted(set(data) - {"device", "needs"})
    if unknown:
        raise UsageError(
            f"{path}: unknown key {unknown[0]!r}; allowed: device, needs",
            suggestion=suggest(unknown[0], ("device", "needs")),
        )
    try:
        device = Device.from_mapping(data.get("device") or {}, strings=True)
        needs = Needs.from_mapping(data.get("needs") or {}, strings=True)
    except FactError as error:
        raise UsageError(f"{path}: {error.message}", suggestion=error.suggestion) from None
    return {**device.known(), **needs.known()}


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
                yield from _complete(current, [*input_specs(), *_short_names()])
            else:
                yield from self._values(before[0], current)
        elif command == "unset":
            yield from _complete(current, list(self.shell.facts))
        elif command in ("how", "why-not") and not before:
            yield from _complete(current, knowledge.concluded_attributes())
        elif command == "why-not" and len(before) == 1:
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
            spec = resolve_fact(name)
        except UsageError:
            return
        words = _allowed_words(spec)
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
    """
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "expert"
    home = Path.home()
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
        "expert: headphones or headset? Type help for the commands, ask for a guided "
        "consultation, Ctrl-D to leave."
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
