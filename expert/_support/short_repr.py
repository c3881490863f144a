"""Short reprs: a public value echoed by a REPL or a notebook shows as one line of fewer than
120 characters, what it is and how sure, long values cut with an ellipsis (``to_dict``,
``str`` and the explanations give the whole).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .safe_text import one_line

__all__ = ["LIMIT", "cf", "fit", "pairs", "shown"]

#: The longest repr, in characters.
LIMIT = 119

_MORE = "..."


def _repr(value: Any) -> str:
    try:
        return one_line(repr(value))
    except ValueError:  # an int of more digits than Python will write out
        return f"<{type(value).__name__} too large to show>"


def shown(value: Any, width: int = 40) -> str:
    """``repr(value)`` in at most ``width`` characters: a set as a sorted tuple, a tuple cut
    after the items that fit (``('mist', ...)``), a string cut inside its quotes."""
    if isinstance(value, frozenset | set):
        value = tuple(sorted(value, key=str))
    if isinstance(value, tuple | list):
        return _items(tuple(value), width)
    text = _repr(value)
    if len(text) <= width:
        return text
    if isinstance(value, str) and text[:1] in "'\"":
        return text[: max(1, width - 4)] + _MORE + text[0]
    return text[: max(0, width - 3)] + _MORE


def _items(values: tuple[Any, ...], width: int) -> str:
    if len(values) == 1:
        return f"({shown(values[0], width - 3)},)"
    parts: list[str] = []
    for index, item in enumerate(values):
        part = shown(item, max(8, width - 7))
        tail = ", ...)" if index < len(values) - 1 else ")"
        if len("(" + ", ".join([*parts, part]) + tail) > width:
            return "(" + ", ".join([*parts, _MORE]) + ")"
        parts.append(part)
    return "(" + ", ".join(parts) + ")"


def pairs(items: Iterable[tuple[str, Any]], width: int) -> str:
    """``attribute=value`` pairs, comma-separated, in about ``width`` characters: those
    that fit, then ``...``."""
    out: list[str] = []
    for name, value in items:
        part = f"{name}={shown(value, 30)}"
        if out and len(", ".join([*out, part])) > width - 5:
            out.append(_MORE)
            break
        out.append(part)
    return ", ".join(out)


def fit(text: str) -> str:
    """``text`` on one line of at most :data:`LIMIT` characters: cut before its closing
    bracket with an ellipsis when longer."""
    text = one_line(text)
    if len(text) <= LIMIT:
        return text
    return text[: LIMIT - len(_MORE) - 1] + _MORE + text[-1]


def cf(value: float) -> str:
    """A certainty as everything the package prints shows it (reprs, reports, HTML, failed
    specifications): two decimals, ``0.80``."""
    return f"{value:.2f}"
