"""The words of a shell command line, split as the POSIX shell splits them, in linear time."""

from __future__ import annotations

import re

from ..errors import UsageError

__all__ = ["split_line"]


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


def split_line(line: str) -> list[str]:
    """The words of a line, as ``shlex.split(line, comments=True)`` gives them, in linear
    time (shlex builds each word a character at a time: quadratic on a long word).

    Raises:
        UsageError: an unclosed quote, or a backslash at the end of the line.
    """
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
