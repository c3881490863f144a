"""The sub-commands of the command line, one function each, and :func:`run`, which picks the
one the parsed arguments name.

- :mod:`~expert.cli.commands.consulting`: ``consult``, ``ask``.
- :mod:`~expert.cli.commands.knowledge`: ``rules``, ``check``, ``inputs``, ``sources``.
- :mod:`~expert.cli.commands.batch`: ``batch``, ``sample-catalogue``.
- :mod:`~expert.cli.commands.starter`: ``init``, ``completion``.
- ``repl`` starts the shell (:mod:`expert.shell`).
"""

from __future__ import annotations

import argparse

from rich.console import Console

from . import batch, consulting, knowledge, starter

__all__ = ["run"]


def run(args: argparse.Namespace, out: Console) -> int:
    """Run the sub-command ``args`` names, printing to ``out``; return its exit code."""
    command = args.command
    if command == "consult":
        return consulting.consult(args, out)
    if command == "ask":
        return consulting.ask(args, out)
    if command == "repl":
        from ...shell import run as shell  # prompt_toolkit is loaded only for the shell

        return shell(args.rules, engine=args.engine)
    plain = {
        "batch": batch.batch,
        "sample-catalogue": batch.sample_catalogue,
        "init": starter.init,
        "completion": starter.completion,
        "rules": knowledge.rules,
        "check": knowledge.check,
        "inputs": knowledge.inputs,
        "sources": knowledge.sources,
    }
    return plain[command](args)
