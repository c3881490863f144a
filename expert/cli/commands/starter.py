"""The commands that set one up: ``init`` (a starter knowledge base) and ``completion`` (a
shell's completion script)."""

from __future__ import annotations

import argparse

from ..output import cannot_write, echo
from ..parser import build_parser

__all__ = ["completion", "init"]


def init(args: argparse.Namespace) -> int:
    """Write the starter knowledge base into a missing or empty directory."""
    from ...kb.scaffold import init as write_starter

    try:
        written = write_starter(args.directory)
    except OSError as error:
        raise cannot_write(args.directory, error) from None
    echo(f"wrote a starter knowledge base of {len(written)} files to {args.directory}:")
    echo("\n".join(f"  {path}" for path in written))
    return 0


def completion(args: argparse.Namespace) -> int:
    """Print the completion script of the command line for ``args.shell``."""
    import shtab

    print(shtab.complete(build_parser(), shell=args.shell), end="")
    return 0
