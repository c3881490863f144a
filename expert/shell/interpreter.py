"""The shell's interpreter: one session's facts, and the commands that use them.

:class:`~expert.shell.Shell` runs one command line at a time
(:meth:`~expert.shell.Shell.execute`) and returns what it printed, so tests and scripts drive
it without a terminal: a line is a command of the table (:mod:`expert.shell.commands`) or, if
its first word is none, a question in words. A mistake prints one error line and leaves the
facts as they were.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any, TextIO

from rich.console import Console

from .._support.key_value import key_value
from .._support.numbers import read_count
from .._support.safe_text import one_line, visible
from .._support.streams import EnvironmentFailure
from .._support.terminal import size
from ..api.expert import Expert, Result
from ..errors import ExpertError, UsageError, suggest
from ..kb.fact_files import read_facts, write_facts
from ..model.goals import Goal
from ..model.knowledge_base import KnowledgeBase
from ..model.rules import RuleSpec
from ..model.stated_facts import named_once
from ..model.vocabulary import Attribute, show_value
from ..present.render import (
    inputs_text,
    print_conflicts,
    print_lines,
    rule_lines,
    rules_text,
    sources_text,
)
from ..reasoning.guide import Guide
from ..reasoning.questions import Question
from .arguments import as_typed, no_arguments, one_path, pairs, parse_value, resolve_fact
from .commands import COMMANDS, command_name, help_lines, unknown_command
from .dialog import MAX_QUESTIONS, Dialog
from .examples import Examples
from .readers import MAX_LINE, Reader, no_input
from .tokenizer import split_line

__all__ = ["Shell"]


class Shell:
    """One session of the shell: the facts stated so far, and the commands that use them.

    Args:
        expert: the expert to consult; one on the bundled knowledge base by default.
        out: where output goes as it is produced (besides being returned by
            :meth:`execute`); ``None`` keeps it only in the return value.
        err: where error lines go; ``out`` by default.
        read: reads the answers of ``ask`` (see :data:`~expert.shell.Reader`); no input by
            default.
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
        self.read: Reader = read or no_input
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

    @functools.cached_property
    def examples(self) -> Examples:
        """The base's own names, for the examples of help and usage lines."""
        return Examples.of(self.knowledge)

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
            elif words := split_line(line):
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
        name = command_name(first)
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
        raise unknown_command(text)

    def ask_question(self, text: str) -> None:
        """Answer a question typed in words, with the facts stated so far as its context;
        the facts it states are kept for the next commands (``how``, ``why-not``)."""
        result = self.expert.ask(text, self.facts)
        self.facts = dict(result.facts)
        report = result.report(hints=self.hints)
        self._render(lambda console: print_lines(report.lines(), console))
        left_open = result.question.left_open if result.question is not None else {}
        for name, values in left_open.items():  # not kept: say how to go on with one
            ways = " or ".join(f"set {name} {show_value(value)}" for value in values)
            self._say(f"{name} is left open; to go on with one: {ways}")

    def _dispatch(self, word: str, args: list[str]) -> None:
        name = command_name(word)
        if name not in COMMANDS:
            raise unknown_command(word)
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
            raise UsageError(
                f"set takes a fact and a value, e.g. set {self.examples.short} "
                f"{self.examples.value} (see help set)"
            )
        changes = {spec.name: parse_value(spec, words) for spec, words in self._named(args)}
        self.set_facts(changes)
        for name in changes:
            self._say(f"{name} = {as_typed(self.facts[name])}")

    def _do_unset(self, args: list[str]) -> None:
        if not args:
            raise UsageError(f"unset takes fact names, e.g. unset {self.examples.short}")
        names = [resolve_fact(self.knowledge, word).name for word in args]
        for name in names:
            known = self.facts.pop(name, None) is not None
            self._say(f"forgot {name}" if known else f"{name} was not set")

    def _do_facts(self, args: list[str]) -> None:
        no_arguments("facts", args)
        if not self.facts:
            example = f"set {self.examples.short} {self.examples.value}"
            self._say(f"No facts yet: state one with set (e.g. {example}), or type ask.")
        for name, value in self.facts.items():
            self._say(f"{name} = {as_typed(value)}")
        if self.skipped:
            self._say(f"skipped questions: {', '.join(sorted(self.skipped))}")

    def _do_reset(self, args: list[str]) -> None:
        no_arguments("reset", args)
        count = len(self.facts)
        self.facts = {}
        self.skipped = set()
        self._say(f"forgot {count} fact{'s' if count != 1 else ''}")

    # -- consultation and explanations -------------------------------------------------------

    def _do_consult(self, args: list[str]) -> None:
        no_arguments("consult", args)
        report = self.result().report(hints=self.hints)
        self._render(lambda console: print_lines(report.lines(), console))

    def _do_all(self, args: list[str]) -> None:
        no_arguments("all", args)
        report = self.result().report(full=True, hints=self.hints)
        self._render(lambda console: print_lines(report.lines(), console))

    def _do_how(self, args: list[str]) -> None:
        if len(args) != 1:
            raise UsageError(f"how takes one attribute, e.g. how {self.examples.attribute}")
        self._say(self.result().how(self._attribute(args[0])).to_text())

    def _do_why_not(self, args: list[str]) -> None:
        words = _attribute_value(args)
        if len(words) != 2:
            raise UsageError(
                "why-not takes an attribute and a value, e.g. why-not "
                f"{self.examples.attribute} {self.examples.verdict}"
            )
        attribute, value = words
        self._say(self.result().why_not(self._attribute(attribute), value.lower()).to_text())

    def _do_how_to(self, args: list[str]) -> None:
        words = _attribute_value(args)
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
            raise UsageError(
                "what-if takes a fact and a value, e.g. what-if "
                f"{self.examples.short} {self.examples.other}"
            )
        changes: dict[str, Any] = {}
        for spec, words in self._named(args):
            forget = [word.lower() for word in words] == ["unknown"]
            changes[spec.name] = None if forget else parse_value(spec, words)
        self._say(self.result().what_if(**changes).to_text())

    def _named(self, args: list[str]) -> list[tuple[Attribute, list[str]]]:
        """The facts a line names, each with the words of its value, in order.

        Raises:
            UsageError: an unknown fact.
            FactError: a fact named twice in the line (``set NAME a GROUP.NAME=b``).
        """
        given = [(resolve_fact(self.knowledge, name).name, words) for name, words in pairs(args)]
        named = named_once(self.knowledge.inputs, [(n, " ".join(w)) for n, w in given])
        return [(spec, words) for (spec, _), (_, words) in zip(named, given, strict=True)]

    def _do_conflicts(self, args: list[str]) -> None:
        no_arguments("conflicts", args)
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
            raise UsageError(f"rule takes a rule id, e.g. rule {self.examples.rule}")
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
        no_arguments("sources", args)
        self._write(sources_text(self.knowledge))

    def _do_inputs(self, args: list[str]) -> None:
        no_arguments("inputs", args)
        self._write(inputs_text(self.knowledge))

    # -- files -------------------------------------------------------------------------------

    def _do_save(self, args: list[str]) -> None:
        path = one_path("save", args)
        write_facts(path, self.facts)
        self._say(f"saved {len(self.facts)} facts to {path}")

    def _do_load(self, args: list[str]) -> None:
        path = one_path("load", args)
        facts = read_facts(path, self.knowledge)
        self.facts = facts
        self.skipped = set()
        self._say(f"loaded {len(facts)} facts from {path}")

    # -- help and leaving --------------------------------------------------------------------

    def _do_help(self, args: list[str]) -> None:
        for line in help_lines(args, self.knowledge.inputs.values(), self.examples):
            self._say(line)

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
        dialog = Dialog(guide, read=self.read, say=self._say, fail=self._fail, echo=self.echo)
        try:
            dialog.converse(limit)
        finally:
            self.facts, self.skipped = dict(guide.facts), set(guide.skipped)
        answered = sum(not asked.skipped for asked in guide.asked)
        skipped = len(guide.asked) - answered
        also = f", skipped {skipped}" if skipped else ""
        self._say(f"You answered {answered} of {dialog.put} questions{also}.\n")
        self._do_consult([])


def _attribute_value(args: list[str]) -> list[str]:
    """``ATTR=VALUE ...`` as ``[ATTR, VALUE, ...]``; ``ATTR VALUE ...`` as it is."""
    split = key_value(args[0]) if args else None
    return [*split, *args[1:]] if split is not None else args
