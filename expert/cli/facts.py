"""Facts and names given on the command line: ``KEY=VALUE`` flags read into stated facts."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from .._support.key_value import key_value
from ..api.expert import Expert
from ..errors import UsageError
from ..headphones import GROUP_FLAGS
from ..model.vocabulary import resolve
from .parser import EXAMPLE_FACT

__all__ = ["attribute_value", "pairs", "stated_facts"]


def pairs(tokens: Sequence[str], flag: str, example: str = EXAMPLE_FACT) -> list[tuple[str, str]]:
    """``["a=x", "b=y,z"]`` -> ``[("a", "x"), ("b", "y,z")]``, in order and each kept: a fact
    given twice is refused where facts are named.

    Raises:
        UsageError: a token is not ``KEY=VALUE`` (naming ``flag`` and an example).
    """
    found: list[tuple[str, str]] = []
    for token in tokens:
        split = key_value(token)
        if split is None or not split[0].strip():
            raise UsageError(f"{flag} takes KEY=VALUE, got {token!r} (e.g. {flag} {example})")
        found.append((split[0].strip(), split[1]))
    return found


def attribute_value(text: str, flag: str) -> tuple[str, str]:
    """``ATTR=VALUE`` (of ``--why-not`` and ``--how-to``) as ``(attribute, value)``.

    Raises:
        UsageError: ``text`` has no ``=``.
    """
    split = key_value(text)
    if split is None:
        raise UsageError(f"{flag} takes ATTR=VALUE, got {text!r}")
    return split[0].strip(), split[1].strip()


def stated_facts(expert: Expert, args: argparse.Namespace) -> dict[str, Any]:
    """The facts of ``--fact`` and of the group flags (``--GROUP NAME=VALUE`` is ``GROUP.NAME``),
    checked against ``expert``'s vocabulary, each stated once."""
    facts = pairs(args.fact, "--fact")
    for group, _, _ in GROUP_FLAGS:
        for name, value in pairs(getattr(args, group), f"--{group}"):
            facts.append((resolve(expert.knowledge.inputs, name, group=group).name, value))
    return expert.knowledge.state(facts)
