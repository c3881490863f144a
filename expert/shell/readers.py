"""Where the shell's lines and answers come from: a list of answers, or a stream read line by
line; a prompt on a terminal reads through the same :data:`~expert.shell.Reader` signature
(:mod:`expert.shell.loop`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO

__all__ = ["MAX_LINE", "LineReader", "Reader", "no_input", "scripted"]

#: Reads one line of input: ``read(prompt, choices)``; raises EOFError when input ends.
Reader = Callable[[str, Sequence[str]], str]

#: The longest command line the shell reads, in characters.
MAX_LINE = 10_000


def scripted(answers: Iterable[str]) -> Reader:
    """A reader that returns ``answers`` one by one, then raises EOFError."""
    remaining: Iterator[str] = iter(answers)

    def read(prompt: str, choices: Sequence[str] = ()) -> str:
        try:
            return next(remaining)
        except StopIteration:
            raise EOFError from None

    return read


def no_input(prompt: str, choices: Sequence[str] = ()) -> str:
    """A reader of no input at all: raises EOFError."""
    raise EOFError


class LineReader:
    """Reads lines from a stream, counting them for error messages.

    A line longer than ``MAX_LINE`` is returned cut (too long, so the interpreter
    refuses it) and the rest of it is skipped without being held.
    """

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
        """The position of the last line read, for an error line: ``line 3: ``."""
        return f"line {self.number}: "
