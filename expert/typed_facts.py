"""Typed facts: the protocol of an object that states one group of a base's inputs.

A knowledge base's inputs are named ``group.name``; any base can be consulted with a mapping
of those full names to values. A base may also ship typed classes for its groups (the bundled
base has :class:`expert.headphones.Device` and :class:`expert.headphones.Needs`): the engine
asks nothing of them but this protocol, so it never needs to know any base's classes.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from .vocabulary import FactValue

__all__ = ["TypedFacts", "group_of"]


class TypedFacts(Protocol):
    """An object stating facts of one group of a knowledge base's inputs.

    Attributes:
        prefix: the group its facts belong to, the part of their full names before the dot.
    """

    prefix: ClassVar[str]

    def known(self) -> dict[str, FactValue]:
        """The stated facts by full name (``group.name``), leaving out the unknown ones."""
        ...


def group_of(facts: object) -> str | None:
    """The group ``facts`` states when it is typed facts, else ``None``.

    Looked up on the class, not with a runtime-checkable protocol's ``isinstance``: this runs
    on every consultation, and a mapping (which has neither) must never pass.
    """
    kind = type(facts)
    prefix = getattr(kind, "prefix", None)
    if isinstance(prefix, str) and callable(getattr(kind, "known", None)):
        return prefix
    return None
