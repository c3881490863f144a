"""Typed facts: the protocol of an object that states one group of a base's inputs.

A knowledge base's inputs are named ``group.name``; any base can be consulted with a mapping
of those full names to values. A base may also ship typed classes for its groups (the bundled
base has :class:`expert.headphones.Device` and :class:`expert.headphones.Needs`): the engine
asks nothing of them but this protocol, so it never needs to know any base's classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from ..errors import FactError
from .vocabulary import FactValue

__all__ = ["TypedFacts", "group_of", "named_facts"]


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


def named_facts(facts: Any, group: str | None = None) -> list[tuple[str, Any]]:
    """Facts as (full name, value) pairs, as :meth:`Expert.consult
    <expert.api.expert.Expert.consult>` takes them: typed facts, or a mapping (short names of
    ``group`` when given). Pairs, so that ``name`` and ``group.name`` in one mapping stay
    two and are refused as a fact given twice."""
    typed = group_of(facts)
    if typed is not None:
        if group is not None and typed != group:
            raise FactError(
                f"{group} must be typed facts of {group} or a mapping of its facts, "
                f"not {type(facts).__name__} (facts of {typed})",
                field=group,
                value=facts,
            )
        known: dict[str, FactValue] = facts.known()
        return list(known.items())
    if not isinstance(facts, Mapping):
        name = group or "facts"
        raise FactError(
            f"{name} must be a mapping of fact names to values, not {type(facts).__name__}",
            field=name,
            value=facts,
        )
    if group is None:
        return [(str(name), value) for name, value in facts.items()]
    return [(f"{group}.{str(name).removeprefix(group + '.')}", v) for name, v in facts.items()]
