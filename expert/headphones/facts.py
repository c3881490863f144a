"""The typed front of the bundled knowledge base's input facts: :class:`Device` and :class:`Needs`.

The vocabulary itself is data (``rules/vocabulary.toml``, ``input = true``): these classes only
name its ``device.*`` and ``needs.*`` inputs as typed, frozen fields, and validate every value
against it. They are typed facts (:class:`expert.model.typed_facts.TypedFacts`): a ``prefix`` naming
their group and ``known()``, which is all :meth:`expert.api.expert.Expert.consult` asks of them.
Any knowledge base can also be consulted with a plain mapping of full names to values. Every
field is optional: ``None`` means "not known", and rules that need an unknown fact simply do
not fire.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

import attrs

from ..errors import FactError
from ..kb.load import load
from ..model.stated_facts import named_once
from ..model.vocabulary import Attribute, FactValue, json_value, show_value

__all__ = ["Device", "Needs", "bundled_inputs", "show_value"]


def bundled_inputs(group: str | None = None) -> dict[str, Attribute]:
    """The input attributes of the bundled knowledge base (of one group, when given)."""
    inputs = load().inputs
    return {n: a for n, a in inputs.items() if group is None or a.group == group}


#: Each Device or Needs class's fields with their full names, made once per class
#: (``attrs.fields`` checks its argument on every call, twice a consultation).
_FULL_NAMES: dict[type, tuple[tuple[str, str], ...]] = {}


class _Facts:
    """Behaviour shared by :class:`Device` and :class:`Needs`."""

    prefix: ClassVar[str]

    def __init__(self, **values: object) -> None:
        inputs = bundled_inputs(self.prefix)
        checked = {}
        for name, value in values.items():
            attribute = inputs.get(f"{self.prefix}.{name}")
            if attribute is None:
                raise FactError(
                    f"{self.prefix} has no fact {name!r}; allowed names: "
                    f"{', '.join(a.short for a in inputs.values())}",
                    field=f"{self.prefix}.{name}",
                    value=name,
                    allowed=tuple(a.short for a in inputs.values()),
                )
            checked[name] = None if value is None else attribute.validate(value)
        self.__attrs_init__(**checked)  # type: ignore[attr-defined]

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, object], *, strings: bool = False) -> Self:
        """Build from a mapping of field names (``mic`` or ``device.mic``) to values.

        Args:
            mapping: the facts; keys may carry the ``device.``/``needs.`` prefix.
            strings: the values are a table's cells: a blank one means not known (text is
                read as words either way: ``"true"``, ``"80"``, ``"a,b"``).

        Raises:
            FactError: an unknown name, a fact given twice (``mic`` and ``device.mic``) or
                a value outside the vocabulary.
        """
        if not isinstance(mapping, Mapping):
            raise FactError(
                f"{cls.prefix}: expected a mapping of fact names to values, "
                f"got {type(mapping).__name__}",
                field=cls.prefix,
                value=mapping,
                allowed=tuple(bundled_inputs(cls.prefix)),
            )
        # None, or a blank cell, states nothing: it is no second statement of a fact.
        given = [
            (key, value)
            for key, value in mapping.items()
            if value is not None and not (strings and isinstance(value, str) and not value.strip())
        ]
        named = named_once(bundled_inputs(cls.prefix), given, cls.prefix)
        return cls(**{attribute.short: value for attribute, value in named})

    def known(self) -> dict[str, FactValue]:
        """The stated facts by full name (``device.mic``), leaving out the unknown ones."""
        kind = type(self)
        names = _FULL_NAMES.get(kind)
        if names is None:
            fields = attrs.fields(kind)  # type: ignore[arg-type]  # attrs subclasses
            names = _FULL_NAMES[kind] = tuple((f.name, f"{self.prefix}.{f.name}") for f in fields)
        return {full: value for name, full in names if (value := getattr(self, name)) is not None}

    def to_dict(self) -> dict[str, Any]:
        """The stated facts by short name, JSON-ready (sets become sorted lists)."""
        return {name.split(".", 1)[1]: json_value(value) for name, value in self.known().items()}


@attrs.frozen(init=False)
class Device(_Facts):
    """A device a user looks at: the bundled base's ``device.*`` inputs. Every field is
    optional (``None`` = not known); the allowed values are those of ``rules/vocabulary.toml``
    (``expert inputs`` lists them).

    Raises:
        FactError: an unknown field name or a value outside the vocabulary.
    """

    prefix: ClassVar[str] = "device"

    mic: str | None = None
    fit: str | None = None
    back: str | None = None
    anc: bool | None = None
    connection: str | None = None
    bluetooth: bool | None = None
    plug: str | None = None
    price: float | None = None
    foldable: bool | None = None
    detachable_mic: bool | None = None
    mic_noise_reduction: bool | None = None
    tier: str | None = None
    sweat_resistant: bool | None = None
    translation: bool | None = None
    amplifier: bool | None = None
    sound_controls: bool | None = None
    padded: bool | None = None
    weight: str | None = None
    type: str | None = None
    feedback: bool | None = None


@attrs.frozen(init=False)
class Needs(_Facts):
    """What a user wants a device for: the bundled base's ``needs.*`` inputs. Every field is
    optional (``None`` = not known).

    Raises:
        FactError: an unknown field name or a value outside the vocabulary.
    """

    prefix: ClassVar[str] = "needs"

    uses: frozenset[str] | None = None
    priorities: frozenset[str] | None = None
    budget: float | None = None
    environment: str | None = None
    platform: str | None = None
    owns: str | None = None
    volume: str | None = None
    session: str | None = None
    talk_frequency: str | None = None
    term: str | None = None
