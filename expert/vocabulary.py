"""The vocabulary of a knowledge base: its attributes, and reading, parsing and checking values.

An :class:`Attribute` is one fact name (``device.mic``, ``plant.light``). Input attributes
(``input = true`` in ``vocabulary.toml``) are what a user states; the others are what rules
conclude. The one type parses a word a user typed, validates a value given from Python and
lists the allowed values, for the API, the command line, the REPL and batch files alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .errors import FactError, KnowledgeBaseError, brief, suggest

__all__ = [
    "KINDS",
    "Attribute",
    "declare",
    "json_value",
    "resolve",
    "show_value",
    "state_facts",
]

#: The kinds of attribute: one of ``values``, any of ``values``, true/false, a number >= 0.
KINDS = ("choice", "set", "flag", "amount")

#: Words a user may type for a flag.
_TRUE = frozenset({"true", "yes", "y", "1", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "off"})

#: ``group.name``: lower-case identifiers, the group free (``device``, ``plant``, ``care``).
NAME = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\Z")
_KEYS = {"values", "multi", "kind", "input", "note", "doc"}


def show_value(value: Any, separator: str = ", ") -> str:
    """A value as a person reads it: ``true``, ``80`` (not ``80.0``), ``calls, gaming``."""
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return separator.join(show_value(item, separator) for item in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def json_value(value: Any) -> Any:
    """A value as JSON holds it: a set as a sorted list, a tuple (a set verdict's values, in
    vocabulary order) as a list in that order."""
    if isinstance(value, (frozenset, set)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


@attrs.frozen
class Attribute:
    """A fact name rules may test or conclude, with its kind and allowed values.

    Attributes:
        name: full name, ``group.name`` (``device.mic``).
        kind: one of ``KINDS`` (choice, set, flag, amount).
        values: the allowed values of a choice or a set; empty otherwise.
        doc: one line for help texts.
        input: ``True`` when a user states it, ``False`` when rules conclude it.
        note: a concluded attribute that says what the articles hold of a whole class
            (its group names the class): reported as a note, never as a verdict.
    """

    name: str
    kind: str
    values: tuple[str, ...] = ()
    doc: str = ""
    input: bool = False
    note: bool = False

    @property
    def concluded(self) -> bool:
        """Whether rules conclude it (it is not stated by the user)."""
        return not self.input

    @property
    def multi(self) -> bool:
        """Whether several values may hold at once."""
        return self.kind == "set"

    @property
    def group(self) -> str:
        """The group, the part before the dot (``device``)."""
        return self.name.split(".", 1)[0]

    @property
    def short(self) -> str:
        """The short name, the part after the dot (``mic``)."""
        return self.name.split(".", 1)[1]

    def allowed(self) -> tuple[Any, ...]:
        """The allowed values as shown to a user."""
        if self.kind == "flag":
            return (True, False)
        if self.kind == "amount":
            return ("a number >= 0",)
        return self.values

    def words(self) -> tuple[str, ...]:
        """The words a user may type (empty for a number)."""
        if self.kind == "flag":
            return ("true", "false")
        return self.values

    def allowed_text(self) -> str:
        """The allowed values in words, for messages and help."""
        if self.kind == "amount":
            return "a number >= 0"
        if self.kind == "flag":
            return "true or false (yes or no)"
        words = ", ".join(self.values)
        return f"one or more of {words} (comma-separated)" if self.multi else words

    def _refuse(self, value: Any, reason: str | None = None, member: Any = None) -> FactError:
        shown = value if member is None else member
        if self.kind == "amount":
            allowed = "allowed: a finite number >= 0"
        else:
            allowed = "allowed values: " + ", ".join(map(show_value, self.allowed()))
        return FactError(
            f"{self.name}: {brief(shown)} {reason or 'is not allowed'}; {allowed}",
            field=self.name,
            value=shown,
            allowed=self.allowed(),
        )

    def parse(self, text: str) -> Any:
        """Turn a word typed on a command line, in the REPL or in a CSV cell into a value.

        Raises:
            FactError: the word is not a value of this attribute.
        """
        if not isinstance(text, str):
            return self.validate(text)
        text = text.strip()
        if self.kind == "flag":
            lowered = text.lower()
            if lowered in _TRUE:
                return True
            if lowered in _FALSE:
                return False
            raise self._refuse(text)
        if self.kind == "amount":
            try:
                number = float(text)
            except ValueError:
                raise self._refuse(text, "is not a number") from None
            return self.validate(number)
        if self.kind == "set":
            return self.validate([self._word(part) for part in text.split(",") if part.strip()])
        return self.validate(self._word(text))

    def _word(self, text: str) -> str:
        """A typed word as a value: exact, else case-folded when that is a value."""
        text = text.strip()
        return text if text in self.values or text.lower() not in self.values else text.lower()

    def validate(self, value: Any) -> Any:
        """The value in its canonical form (a frozenset for a set), or :class:`FactError`.

        A set may be given as a set, list, tuple or comma-separated string.
        """
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.values:
                raise self._refuse(value)
            return value
        if self.kind == "set":
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",") if part.strip()]
            if not isinstance(value, (set, frozenset, list, tuple)):
                raise self._refuse(value, "is not a set of values")
            for member in value:
                if not isinstance(member, str) or member not in self.values:
                    raise self._refuse(value, member=member)
            return frozenset(value)
        if self.kind == "flag":
            if not isinstance(value, bool):
                raise self._refuse(value)
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._refuse(value, "is not a number")
        try:
            finite = math.isfinite(float(value))
        except OverflowError:  # an int too large for a float
            finite = False
        if not finite or value < 0:
            raise self._refuse(value)
        return value


def resolve(inputs: Mapping[str, Attribute], name: str, group: str | None = None) -> Attribute:
    """The input attribute called ``name``: its full name (``device.mic``), or its short
    name (``mic``) when only one group has it. ``-`` may stand for ``_``.

    Args:
        inputs: the input attributes by full name.
        name: the name given.
        group: look only in this group (``name`` is then a short name, as in
            ``--device mic=boom``).

    Raises:
        FactError: no such input (with the allowed names and the closest one).
    """
    key = str(name).strip().lower().replace("-", "_") if isinstance(name, str) else name
    if group is not None:
        key = f"{group}.{str(key).removeprefix(group + '.')}"
    if key in inputs:
        return inputs[key]
    shorts: dict[str, list[str]] = {}
    for full, attribute in inputs.items():
        shorts.setdefault(attribute.short, []).append(full)
    found = shorts.get(key, []) if isinstance(key, str) else []
    if len(found) == 1:
        return inputs[found[0]]
    if found:
        raise FactError(
            f"{brief(name)} is ambiguous; say which: {', '.join(found)}",
            field=str(name),
            value=name,
            allowed=found,
        )
    prefix, dot, short = str(key).partition(".")
    members = [a.short for a in inputs.values() if a.group == prefix]
    if dot and members:
        message = f"{prefix} has no fact {brief(short)}; allowed names: {', '.join(members)}"
    else:
        message = f"no fact {brief(name)}; allowed names: {', '.join(inputs)}"
    # A full name typed is answered with a full name; a short one with a short one.
    hint = suggest(key, inputs) if dot and group is None else None
    raise FactError(
        message, field=str(name), value=name, allowed=(*inputs, *shorts), suggestion=hint
    )


def state_facts(
    inputs: Mapping[str, Attribute], facts: Mapping[str, Any], *, strings: bool = False
) -> dict[str, Any]:
    """Validate stated facts against the input vocabulary: full names to canonical values.

    Args:
        inputs: the input attributes, by full name.
        facts: names (full, or short where unambiguous) to values; ``None`` or ``""`` means
            not known and is left out.
        strings: parse text values as typed words (``"true"``, ``"80"``, ``"a,b"``).

    Raises:
        FactError: an unknown name or a value outside the vocabulary.
    """
    if not isinstance(facts, Mapping):
        raise FactError(
            f"facts must be a mapping of fact names to values, not {type(facts).__name__}",
            field="facts",
            value=facts,
            allowed=tuple(inputs),
        )
    stated: dict[str, Any] = {}
    for name, value in facts.items():
        attribute = resolve(inputs, name)
        if value is None or (strings and value == ""):
            continue
        if attribute.name in stated:
            raise FactError(f"{attribute.name} is given twice", field=attribute.name, value=name)
        text = strings and isinstance(value, str)
        stated[attribute.name] = attribute.parse(value) if text else attribute.validate(value)
    return stated


def declare(attributes: dict[str, Attribute], table: Any, path: object) -> None:
    """Add the attributes of a vocabulary table (``vocabulary.toml`` or a topic file's
    ``[attributes]``) to ``attributes``.

    Raises:
        KnowledgeBaseError: a bad name, kind, value list or key, or a name declared twice.
    """
    if not isinstance(table, dict):
        raise KnowledgeBaseError("the vocabulary must be a table of attributes", path=path)
    for name, spec in table.items():
        if name in attributes:
            raise KnowledgeBaseError(f"attribute {brief(name)} is declared twice", path=path)
        if not NAME.match(name):
            raise KnowledgeBaseError(
                f"attribute {brief(name)} must be named group.name in lower case "
                "(letters, digits, _), e.g. device.mic",
                path=path,
            )
        attributes[name] = _attribute(name, spec, path)


def _attribute(name: str, spec: Any, path: object) -> Attribute:
    def fail(message: str, suggestion: str | None = None) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"attribute {name}: {message}", path=path, suggestion=suggestion)

    if not isinstance(spec, dict):
        raise fail("must be a table with `values` and `doc`")
    unknown = sorted(set(spec) - _KEYS)
    if unknown:
        raise fail(
            f"unknown key {brief(unknown[0])}; allowed: {', '.join(sorted(_KEYS))}",
            suggestion=suggest(unknown[0], _KEYS),
        )
    flags = {}
    for key in ("input", "note", "multi"):
        flags[key] = spec.get(key, False)
        if not isinstance(flags[key], bool):
            raise fail(f"`{key}` must be true or false")
    kind = spec.get("kind", "set" if flags["multi"] else "choice")
    if kind not in KINDS:
        raise fail(
            f"`kind` {brief(kind)} is not allowed; allowed: {', '.join(KINDS)}",
            suggestion=suggest(kind, KINDS),
        )
    if flags["multi"] and kind != "set":
        raise fail('`multi = true` is a set; drop it or write kind = "set"')
    if not flags["input"] and kind not in ("choice", "set"):
        raise fail(f"rules conclude a choice or a set, not a {kind}; is it `input = true`?")
    if flags["input"] and flags["note"]:
        raise fail("a note is concluded by rules; it cannot be `input = true`")
    values = spec.get("values", [])
    if kind in ("choice", "set"):
        if not isinstance(values, list) or not values or not all(_word(v) for v in values):
            raise fail("needs `values`, a non-empty list of words")
        if len(set(values)) != len(values):
            raise fail("lists a value twice")
    elif "values" in spec:
        raise fail(f"a {kind} has no `values`")
    doc = spec.get("doc", "")
    if not isinstance(doc, str):
        raise fail("`doc` must be a string")
    return Attribute(
        name=name,
        kind=kind,
        values=tuple(values),
        doc=doc,
        input=flags["input"],
        note=flags["note"],
    )


def _word(value: Any) -> bool:
    """A value is a non-empty word of printable characters without commas (sets are
    typed comma-separated)."""
    return (
        isinstance(value, str)
        and bool(value)
        and value.isprintable()
        and "," not in value
        and value.strip() == value
    )


def inputs_of(attributes: Iterable[Attribute]) -> dict[str, Attribute]:
    """The input attributes among ``attributes``, by full name, in declaration order."""
    return {attribute.name: attribute for attribute in attributes if attribute.input}
