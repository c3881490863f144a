"""Text from outside the program (rule files, articles, catalogues, paths, what a user types)
made safe to print: control characters are shown as escapes instead of being sent to the
terminal, and JSON keeps them escaped too.

Rich markup is never parsed in such text: it is printed through :class:`rich.text.Text` or
with ``markup=False``, so these functions deal only with the characters.
"""

from __future__ import annotations

import re

__all__ = ["json_safe", "one_line", "visible"]

# Besides the C0 controls: DEL and the C1 controls, the bidirectional controls (which can
# reorder what a reader sees), the line and paragraph separators, and lone surrogates (which
# cannot be encoded). json.dumps(ensure_ascii=False) escapes C0 but leaves these as they are.
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_ANY = re.compile(f"[\x00-\x1f{_OTHERS}]")
_BUT_NEWLINES = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHERS}]")
_JSON = re.compile(f"[{_OTHERS}]")


def _escaped(char: str) -> str:
    """One character as its escape (``\\x1b``, ``\\u202e``)."""
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def _escape(match: re.Match[str]) -> str:
    return _escaped(match.group())


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character shown as its escape (``\\x1b``, ``\\u202e``).

    Args:
        text: what is to be printed.
        lines: keep line breaks (``\\n``) as they are, for text of several lines.
    """
    return (_BUT_NEWLINES if lines else _ANY).sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` made safe to print as one line of a message: every character Python does not
    print (controls, line breaks, format and separator characters; the space apart) shown as
    its escape.

    User input ends up in error messages; a stray newline or terminal escape in it must not
    break the one-line promise or the user's terminal, nor an invisible character (a
    zero-width space, a non-breaking one) hide what was wrong in a value.
    """
    return "".join(char if char.isprintable() or char == " " else _escaped(char) for char in text)


def json_safe(text: str) -> str:
    """JSON text with the characters :func:`visible` shows written as ``\\uXXXX`` escapes:
    the same JSON, safe on a terminal."""
    return _JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
