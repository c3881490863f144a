"""Facts as a person states them: each named once, resolved against the inputs of a
vocabulary, and checked against its values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from ..errors import FactError, brief
from .vocabulary import Attribute, FactValue, resolve

#: Facts as given: a mapping of names to values, or ``(name, value)`` pairs in the order
#: given (a command line's ``--fact`` and group options, a shell line), where the
#: same fact may come twice under two names.
GivenFacts: TypeAlias = Mapping[Any, object] | Iterable[tuple[Any, object]]


def named_once(
    inputs: Mapping[str, Attribute], facts: GivenFacts, group: str | None = None
) -> list[tuple[Attribute, object]]:
    """Each name given, resolved to its input (:func:`resolve`), with its value as given.

    This is the one place that decides a fact given twice: every way in (the API, the
    command line, the shell, batch rows, facts files, the guide, specs) names facts through
    it. A fact is named once, however it is spelt (``light``, ``plant.light``, ``LIGHT``), whatever
    the values, a set included: a set's values are given together, comma-separated.

    Args:
        inputs: the input attributes, by full name.
        facts: a mapping of names to values, or ``(name, value)`` pairs.
        group: read the names as short names of this group (``--plant light=low``).

    Raises:
        FactError: an unknown name, or an input named twice ("plant.light is given twice").
    """
    named: dict[str, tuple[Attribute, object]] = {}
    for name, value in _pairs(facts):
        # A full name as declared (the usual case) is found as it is; names are lower case
        # without spaces (NAME), so resolve() would find the same attribute.
        attribute = inputs.get(name) if group is None and type(name) is str else None
        if attribute is None:
            attribute = resolve(inputs, name, group)
        if attribute.name in named:
            raise given_twice(attribute.name, named[attribute.name][1], value, attribute.multi)
        named[attribute.name] = (attribute, value)
    return list(named.values())


def given_twice(name: str, first: object, second: object, multi: bool = False) -> FactError:
    """The error of a fact given twice: its name, both values, and to give it once."""
    together = ", its values comma-separated" if multi else ""
    return FactError(
        f"{name} is given twice ({brief(first, 30)} and {brief(second, 30)}); "
        f"give it once{together}",
        field=name,
        value=second,
    )


def _pairs(facts: GivenFacts) -> list[tuple[Any, object]]:
    """``facts`` as ``(name, value)`` pairs, checked to be such.

    Raises:
        FactError: neither a mapping nor pairs.
    """
    if isinstance(facts, Mapping):
        return list(facts.items())
    if not isinstance(facts, (list, tuple)):
        raise FactError(
            f"facts must be a mapping of fact names to values, not {type(facts).__name__}",
            field="facts",
            value=facts,
        )
    for pair in facts:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise FactError(
                f"facts are a mapping of fact names to values or (name, value) pairs, not "
                f"{brief(pair, 30)}",
                field="facts",
                value=pair,
            )
    return list(facts)


def state_facts(
    inputs: Mapping[str, Attribute], facts: GivenFacts, *, strings: bool = False
) -> dict[str, FactValue]:
    """Validate stated facts against the input vocabulary: full names to canonical values.

    Every value is read the same way (:meth:`Attribute.validate`): text as words, a value in
    any case naming the vocabulary's value (``"LOW"`` is ``low``); empty text is refused.

    Args:
        inputs: the input attributes, by full name.
        facts: names (full, or short where unambiguous) to values, as a mapping or as
            ``(name, value)`` pairs; ``None`` means not known and is left out (it states
            nothing, so it is no second statement of a fact).
        strings: kept for compatibility: text is read as words either way.

    Raises:
        FactError: an unknown name, a fact given twice (:func:`named_once`) or a value
            outside the vocabulary.
    """
    del strings  # text is always read as words
    given = [(name, value) for name, value in _pairs(facts) if value is not None]
    return {
        attribute.name: attribute.validate(value) for attribute, value in named_once(inputs, given)
    }
