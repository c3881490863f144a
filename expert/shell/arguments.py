"""The arguments of the shell's commands: fact names, their values, a file name, none.

``set NAME VALUE``, ``set NAME=a,b OTHER=80`` and ``what-if NAME VALUE`` name facts by
their full or short names and give values in words; this module reads them into the
knowledge base's attributes and values, and shows a value back as it is typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._support.key_value import key_value
from ..errors import ExpertError, UsageError
from ..model.knowledge_base import KnowledgeBase
from ..model.vocabulary import Attribute, resolve, show_value

__all__ = ["as_typed", "no_arguments", "one_path", "pairs", "parse_value", "resolve_fact"]


def as_typed(value: Any) -> str:
    """A value as the user types it: sets comma-separated without spaces."""
    return show_value(value, ",")


def resolve_fact(knowledge: KnowledgeBase, name: str) -> Attribute:
    """The input fact called ``name``: a full name (``plant.kind``) or an unambiguous short
    one (``kind``).

    Raises:
        UsageError: no such fact (with the closest name as suggestion).
    """
    try:
        return resolve(knowledge.inputs, name)
    except ExpertError as error:
        raise UsageError(
            f"{error.message.split('; allowed')[0]}; type help set for the list",
            suggestion=error.suggestion,
        ) from None


def parse_value(spec: Attribute, words: Sequence[str]) -> Any:
    """Turn the words typed after a fact name into its value (validated later).

    Raises:
        FactError: the words are not a value of the fact.
        UsageError: no value given.
    """
    if not words:
        raise UsageError(f"{spec.name} needs a value: {spec.allowed_text()}")
    text = " ".join(words)
    if spec.kind == "set":
        # Spaces separate a set's values too (uses gaming calls, uses=gaming, calls); an
        # empty one between commas stays, to be refused (uses=gaming,,calls).
        text = ",".join(",".join(piece.split()) for piece in text.split(","))
    return spec.parse(text)


def pairs(words: Sequence[str]) -> list[tuple[str, list[str]]]:
    """``NAME VALUE...`` or ``NAME=VALUE ...`` -> ``[(name, value words), ...]``."""
    if "=" not in words[0]:
        return [(words[0], list(words[1:]))]
    found: list[tuple[str, list[str]]] = []
    for word in words:
        split = key_value(word)
        if split is not None:
            found.append((split[0], [split[1]] if split[1] else []))
        else:  # a value continued after a space: uses=gaming, calls
            found[-1][1].append(word)
    return found


def no_arguments(name: str, args: list[str]) -> None:
    """Refuse arguments given to command ``name``, which takes none.

    Raises:
        UsageError: ``args`` is not empty.
    """
    if args:
        raise UsageError(f"{name} takes no arguments, got {' '.join(args)!r}")


def one_path(name: str, args: list[str]) -> Path:
    """The one file name command ``name`` takes, ``~`` expanded.

    Raises:
        UsageError: no file name, or more than one word.
    """
    if len(args) != 1:
        raise UsageError(f"{name} takes one file name, e.g. {name} facts.json")
    return Path(args[0]).expanduser()
