"""The terminal's size, read in one place and clamped, for every console that prints.

``COLUMNS`` and ``LINES`` may hold anything (``0``, ``-5``, ``abc``, ``²``, a hundred
digits): rich reads ``COLUMNS=0`` as a width of 0 and prints nothing, and ``int()`` of a
superscript digit fails. Here a value that is not a count, or 0, falls back to the terminal's
own size, then to 80 by 25; the result is clamped to a range a report can be folded to.
"""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO, TypedDict

from .numbers import read_count

__all__ = ["HEIGHTS", "WIDTHS", "Size", "size"]

#: The narrowest and widest a report is folded to, in columns.
WIDTHS = (20, 1000)
#: The fewest and most lines a console is taken to have.
HEIGHTS = (5, 1000)


class Size(TypedDict):
    """A console's size, as rich's ``Console`` takes it (``Console(**size())``)."""

    width: int
    height: int


def size(stream: TextIO | Any = None) -> Size:
    """``{"width": ..., "height": ...}`` of the terminal ``stream`` writes to (standard
    output by default), from ``COLUMNS``/``LINES`` when they hold a count above 0, else
    from the terminal, else 80 by 25; each clamped to :data:`WIDTHS` / :data:`HEIGHTS`.
    Pass it to a rich ``Console`` so that rich reads neither variable itself."""
    measured = _measure(stream)
    width = read_count(os.environ.get("COLUMNS", "")) or measured[0] or 80
    height = read_count(os.environ.get("LINES", "")) or measured[1] or 25
    return {"width": _clamp(width, WIDTHS), "height": _clamp(height, HEIGHTS)}


def _measure(stream: Any) -> tuple[int, int]:
    """The size of the terminal behind ``stream`` (or standard output), or ``(0, 0)``."""
    target = sys.stdout if stream is None else stream
    try:
        columns, lines = os.get_terminal_size(target.fileno())
    except (AttributeError, ValueError, OSError):  # not a terminal, closed, or no stream
        return 0, 0
    return columns, lines


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], value))
