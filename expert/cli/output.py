"""What the command line writes: text escaped for the terminal, results and explanations in
the format asked for, and the error for a file it could not write."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

from .._support.safe_text import visible
from .._support.streams import WRITE_FAILURES, EnvironmentFailure
from ..api.expert import Result
from ..errors import UsageError
from ..present.render import print_lines, to_json

__all__ = ["TerminalConsole", "cannot_write", "echo", "output_format", "show", "show_result"]


class TerminalConsole(Console):
    """A rich console that leaves a closed pipe to :func:`expert.cli.main` (rich would exit
    with 1)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def echo(text: str, end: str = "\n") -> None:
    """Print text that may hold words from rule files, catalogues or paths, with its control
    characters shown as escapes (line breaks kept)."""
    print(visible(text, lines=True), end=end)


def output_format(args: argparse.Namespace) -> str:
    """The format ``--json`` and ``--format`` ask for: ``json``, ``markdown`` or ``text``."""
    return "json" if args.json else (args.format or "text")


def show(shown: Any, fmt: str, out: Console) -> None:
    """Print an explanation (or a report) in ``fmt``: JSON, Markdown, or its lines (colour,
    folded at words, on a terminal; plain lines when piped)."""
    if fmt == "json":
        echo(to_json(shown.to_dict()))
    elif fmt == "markdown":
        echo(shown.to_markdown())
    else:
        print_lines(shown.lines(), out)


def show_result(result: Result, args: argparse.Namespace, out: Console) -> int:
    """Print a result's report as ``--json``, ``--format`` and ``--all`` ask."""
    fmt = output_format(args)
    if fmt == "json":
        echo(to_json(result.to_dict()))
    else:
        show(result.report(full=args.all, hints="cli"), fmt, out)
    return 0


def cannot_write(path: str, error: OSError) -> Exception:
    """The error for a file the user named that could not be written: the command line's
    fault when refused (a directory, a missing folder, no permission: exit 2), the
    system's when writing failed (a full disk: exit 1)."""
    message = f"cannot write {path}: {error.strerror or error}"
    if error.errno in WRITE_FAILURES:
        return EnvironmentFailure(message, 1)
    return UsageError(message)
