"""Facts a user states: :class:`Device` and :class:`Needs`, their vocabulary and parsing.

Every field is optional: ``None`` means "not known", and rules that need an unknown fact
simply do not fire. The allowed values are kept in each field's metadata, so the classes are
the single source of the input vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from .errors import FactError, brief

__all__ = [
    "Device",
    "FactSpec",
    "Needs",
    "fact_classes",
    "fact_spec",
    "input_specs",
    "show_value",
]


@attrs.frozen
class FactSpec:
    """What one input fact may hold.

    Attributes:
        name: full name, ``device.mic``.
        kind: ``choice`` (one of ``values``), ``set`` (any of ``values``), ``flag`` (bool)
            or ``amount`` (a finite number >= 0).
        values: the allowed values of a choice or set; empty otherwise.
        doc: one line for help texts.
    """

    name: str
    kind: str
    values: tuple[Any, ...]
    doc: str

    def allowed(self) -> tuple[Any, ...]:
        """The allowed values as shown to a user."""
        if self.kind == "flag":
            return (True, False)
        if self.kind == "amount":
            return ("a number >= 0",)
        return self.values

    def parse(self, text: str) -> Any:
        """Turn a command-line or REPL word into a value of this fact (then validated)."""
        text = text.strip()
        if self.kind == "flag":
            lowered = text.lower()
            if lowered in {"true", "yes", "y", "1", "on"}:
                return True
            if lowered in {"false", "no", "n", "0", "off"}:
                return False
            raise FactError(
                f"{self.name}: {brief(text)} is not allowed; allowed values: true, false",
                field=self.name,
                value=text,
                allowed=("true", "false"),
            )
        if self.kind == "amount":
            try:
                return float(text)
            except ValueError:
                raise FactError(
                    f"{self.name}: {brief(text)} is not a number; allowed: a number >= 0",
                    field=self.name,
                    value=text,
                ) from None
        if self.kind == "set":
            return frozenset(part.strip() for part in text.split(",") if part.strip())
        return text


def show_value(value: Any, separator: str = ", ") -> str:
    """A fact value as a person reads it: ``true``, ``80`` (not ``80.0``), ``calls, gaming``."""
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return separator.join(show_value(item, separator) for item in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _describe(values: Iterable[Any]) -> str:
    return ", ".join(str(value) for value in values)


def _finite(value: int | float) -> bool:
    """Whether a number is finite as a float (an int too large for one is not)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _validate(spec: FactSpec, value: Any) -> None:
    """Raise :class:`FactError` unless ``value`` fits ``spec``."""
    if value is None:
        return
    if spec.kind == "choice":
        if not isinstance(value, str) or value not in spec.values:
            raise FactError(
                f"{spec.name}: {brief(value)} is not allowed; allowed values: {_describe(spec.values)}",
                field=spec.name,
                value=value,
                allowed=spec.values,
            )
    elif spec.kind == "set":
        for member in value:
            if member not in spec.values:
                raise FactError(
                    f"{spec.name}: {brief(member)} is not allowed; "
                    f"allowed values: {_describe(spec.values)}",
                    field=spec.name,
                    value=member,
                    allowed=spec.values,
                )
    elif spec.kind == "flag":
        if not isinstance(value, bool):
            raise FactError(
                f"{spec.name}: {brief(value)} is not allowed; allowed values: true, false",
                field=spec.name,
                value=value,
                allowed=(True, False),
            )
    elif spec.kind == "amount":
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not _finite(value)
            or value < 0
        ):
            raise FactError(
                f"{spec.name}: {brief(value)} is not allowed; allowed: a finite number >= 0",
                field=spec.name,
                value=value,
            )


def _to_set(value: Any) -> Any:
    """Accept a set, list, tuple or comma-separated string for a set-valued fact."""
    if value is None or isinstance(value, frozenset):
        return value
    if isinstance(value, str):
        return frozenset(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, (set, list, tuple)):
        return frozenset(value) if all(isinstance(v, str) for v in value) else value
    return value


def _fact(kind: str, values: tuple[Any, ...] = (), doc: str = "") -> Any:
    """Declare one optional fact field with its vocabulary in the metadata."""

    def check(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        spec = fact_spec(type(instance), attribute.name)
        if kind == "set" and value is not None and not isinstance(value, frozenset):
            raise FactError(
                f"{spec.name}: {brief(value)} is not allowed; give a list of: {_describe(values)}",
                field=spec.name,
                value=value,
                allowed=values,
            )
        _validate(spec, value)

    return attrs.field(
        default=None,
        converter=_to_set if kind == "set" else None,
        validator=check,
        metadata={"kind": kind, "values": values, "doc": doc},
    )


class _Facts:
    """Behaviour shared by :class:`Device` and :class:`Needs`."""

    prefix: ClassVar[str]

    def __init__(self, **values: Any) -> None:
        specs = input_specs(type(self))
        for name in values:
            if name not in specs:
                raise FactError(
                    f"{self.prefix} has no fact {brief(name)}; allowed names: {_describe(specs)}",
                    field=f"{self.prefix}.{name}",
                    value=name,
                    allowed=tuple(specs),
                )
        self.__attrs_init__(**values)  # type: ignore[attr-defined]

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any], *, strings: bool = False) -> Any:
        """Build from a mapping of field names (``mic`` or ``device.mic``) to values.

        Args:
            mapping: the facts; keys may carry the ``device.``/``needs.`` prefix.
            strings: parse the values from text first (``"true"``, ``"80"``, ``"a,b"``).

        Raises:
            FactError: an unknown name or a value outside the vocabulary.
        """
        if not isinstance(mapping, Mapping):
            raise FactError(
                f"{cls.prefix}: expected a mapping of fact names to values, "
                f"got {type(mapping).__name__}",
                field=cls.prefix,
                value=mapping,
                allowed=tuple(input_specs(cls)),
            )
        specs = input_specs(cls)
        values: dict[str, Any] = {}
        for key, value in mapping.items():
            name = str(key).removeprefix(f"{cls.prefix}.")
            if name in specs and strings and isinstance(value, str):
                value = specs[name].parse(value)
            values[name] = value
        return cls(**values)

    def known(self) -> dict[str, Any]:
        """The stated facts by full name (``device.mic``), leaving out the unknown ones."""
        return {
            f"{self.prefix}.{field.name}": getattr(self, field.name)
            for field in attrs.fields(type(self))  # type: ignore[arg-type]  # attrs subclasses
            if getattr(self, field.name) is not None
        }

    def to_dict(self) -> dict[str, Any]:
        """The stated facts by short name, JSON-ready (sets become sorted lists)."""
        return {
            name.split(".", 1)[1]: sorted(value) if isinstance(value, frozenset) else value
            for name, value in self.known().items()
        }


MIC = ("none", "inline", "boom", "builtin", "external")
FIT = ("over-ear", "on-ear", "in-ear")
BACK = ("open", "closed")
CONNECTION = ("wired", "wireless")
PLUG = ("3.5mm", "2.5mm", "usb-a", "usb-c")
TIER = ("budget", "mid-range", "premium", "professional")
WEIGHT = ("light", "heavy")


@attrs.frozen(init=False)
class Device(_Facts):
    """A device a user looks at. Every field is optional (``None`` = not known).

    Raises:
        FactError: an unknown field name or a value outside the vocabulary.
    """

    prefix: ClassVar[str] = "device"

    mic: str | None = _fact(
        "choice",
        MIC,
        "microphone: none, in-line (on the cable), boom, "
        "built-in, or an external add-on such as a clip-on mic",
    )
    fit: str | None = _fact("choice", FIT, "how it sits: over the ear, on the ear, in the ear")
    back: str | None = _fact("choice", BACK, "open-back or closed-back ear cups")
    anc: bool | None = _fact("flag", (), "has active noise cancellation")
    connection: str | None = _fact("choice", CONNECTION, "wired or wireless")
    bluetooth: bool | None = _fact("flag", (), "connects over Bluetooth")
    plug: str | None = _fact("choice", PLUG, "the plug or connector")
    price: float | None = _fact("amount", (), "price in USD")
    foldable: bool | None = _fact("flag", (), "ear cups fold for a compact case")
    detachable_mic: bool | None = _fact("flag", (), "the microphone comes off")
    mic_noise_reduction: bool | None = _fact("flag", (), "the microphone reduces background noise")
    tier: str | None = _fact("choice", TIER, "the product's level: budget to professional")
    sweat_resistant: bool | None = _fact("flag", (), "made to resist sweat")
    translation: bool | None = _fact("flag", (), "offers real-time translation")
    amplifier: bool | None = _fact("flag", (), "has a built-in amplifier for tone and volume")
    sound_controls: bool | None = _fact("flag", (), "adjustable sound controls (bass, treble)")
    padded: bool | None = _fact("flag", (), "thickly padded ear cups")
    weight: str | None = _fact("choice", WEIGHT, "light or heavy to wear")


USES = (
    "music", "movies", "podcasts", "audiobooks", "gaming", "online-gaming", "calls",
    "conferencing", "call-center", "office", "sports", "travel", "commuting", "studio",
    "late-night", "voice-commands", "recording", "translation", "voip",
)  # fmt: skip
PRIORITIES = (
    "sound-quality", "mic-quality", "isolation", "comfort", "portability", "battery-life",
    "price", "durability", "mobility",
)  # fmt: skip
ENVIRONMENT = ("noisy", "quiet")
PLATFORM = ("phone", "iphone", "pc", "console")
OWNS = ("none", "headphones", "headset")
VOLUME = ("low", "moderate", "high")
SESSION = ("short", "long")


@attrs.frozen(init=False)
class Needs(_Facts):
    """What a user wants a device for. Every field is optional (``None`` = not known).

    Raises:
        FactError: an unknown field name or a value outside the vocabulary.
    """

    prefix: ClassVar[str] = "needs"

    uses: frozenset[str] | None = _fact("set", USES, "what the device is for")
    priorities: frozenset[str] | None = _fact("set", PRIORITIES, "what matters most")
    budget: float | None = _fact("amount", (), "how much the user will spend, in USD")
    environment: str | None = _fact("choice", ENVIRONMENT, "where it is used: noisy or quiet")
    platform: str | None = _fact("choice", PLATFORM, "what it plugs into")
    owns: str | None = _fact("choice", OWNS, "what the user already has")
    volume: str | None = _fact("choice", VOLUME, "how loud the user listens")
    session: str | None = _fact("choice", SESSION, "how long the user wears it at a time")


def fact_classes() -> tuple[type[Device], type[Needs]]:
    """The classes of input facts, in the order they are shown."""
    return (Device, Needs)


def fact_spec(cls: type, name: str) -> FactSpec:
    """The :class:`FactSpec` of field ``name`` of ``cls`` (``Device`` or ``Needs``)."""
    return input_specs(cls)[name]


_SPECS: dict[type, dict[str, FactSpec]] = {}


def input_specs(cls: Any = None) -> dict[str, FactSpec]:
    """The input vocabulary: of one class by short name, or of all by full name."""
    if cls is None:
        return {spec.name: spec for each in fact_classes() for spec in input_specs(each).values()}
    if cls not in _SPECS:
        _SPECS[cls] = {
            field.name: FactSpec(
                name=f"{cls.prefix}.{field.name}",
                kind=field.metadata["kind"],
                values=field.metadata["values"],
                doc=field.metadata["doc"],
            )
            for field in attrs.fields(cls)
        }
    return _SPECS[cls]
