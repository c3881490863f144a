"""The prompt loop: :func:`~expert.shell.run` opens the shell, :func:`~expert.shell.guided`
holds one guided consultation.

On a terminal both prompt with prompt_toolkit (completion, history, coloured reports); when
standard input or output is not a terminal they read plain lines, one command or answer a
line, and print plain text.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .._support.safe_text import visible
from ..api.expert import Expert
from .completion import AnswerCompleter, ShellCompleter
from .examples import Examples
from .history import open_history
from .interpreter import Shell
from .readers import LineReader

__all__ = ["banner", "guided", "run"]


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
    stdin.read(0)  # a closed standard input fails here, before a question is put
    if stdin.isatty() and stdout.isatty():
        from prompt_toolkit import PromptSession

        answers: PromptSession[str] = PromptSession(complete_while_typing=False)

        def read(prompt: str, choices: Sequence[str] = ()) -> str:
            return answers.prompt(prompt, completer=AnswerCompleter(choices))

        shell = Shell(expert, out=stdout, read=read, color=True, hints=hints)
    else:
        reader = LineReader(stdin)
        shell = Shell(
            expert, out=stdout, err=sys.stderr, read=reader, echo=True, where=reader.where,
            hints=hints,
        )  # fmt: skip
    shell.set_facts(facts)
    shell.ask()
    return 0


def _piped(expert: Expert, stdin: TextIO, stdout: TextIO) -> int:
    reader = LineReader(stdin)
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
        return answers.prompt(prompt, completer=AnswerCompleter(choices))

    shell = Shell(expert, out=sys.stdout, read=read, color=True)
    session: PromptSession[str] = PromptSession(
        history=open_history(),
        completer=ShellCompleter(shell),
        complete_while_typing=False,
        auto_suggest=AutoSuggestFromHistory(),
    )
    print(banner(shell.examples))
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


def banner(examples: Examples) -> str:
    """The shell's first line: what the loaded base is about, in its own words (the labels
    of its input groups), and how to begin (with one of its example questions)."""
    about = f"expert on {examples.subject}" if examples.subject else "expert"
    like = f" (such as “{examples.question}”)" if examples.question else ""
    return visible(
        f"{about}: ask a question in your own words{like}, type ask for a guided "
        "consultation, help for the commands, Ctrl-D to leave."
    )
