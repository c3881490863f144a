"""The vocabulary of a knowledge base: its attributes, and reading, parsing and checking values.

An :class:`Attribute` is one fact name (``plant.light``, ``care.spot``). Input attributes
(``input = true`` in ``vocabulary.toml``) are what a user states; the others are what rules
conclude. The one type parses a word a user typed, validates a value given from Python and
lists the allowed values, for the API, the command line, the REPL and batch files alike."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from .._support.numbers import read_number
from .._support.short_repr import fit, shown
from ..errors import FactError, brief, suggest

#: The kinds of attribute: one of ``values``, any of ``values``, true/false, a number (between
#: the attribute's ``minimum`` and ``maximum``).
KINDS = ("choice", "set", "flag", "amount")


#: One value of an attribute: a choice's value or one member of a set (``str``), a flag
#: (``bool``), an amount (``int`` or ``float``). What a condition compares with, a set
#: verdict's member. (What a rule concludes is always a word, ``str``: rules conclude only
#: choices and sets.)
SingleValue: TypeAlias = str | bool | float | int

#: A stated fact's value in its canonical form (what :meth:`Attribute.validate` returns): a
#: choice's value (``str``), a flag (``bool``), an amount (``int`` or ``float``) or a set's
#: values (``frozenset[str]``). Values given to the library may be looser (a set as a list or
#: as comma-separated words, a flag as a word): they are checked and made canonical.
FactValue: TypeAlias = SingleValue | frozenset[str]

#: A verdict's value (and a note's): one value, or for a set, the tuple of the values that
#: hold, in vocabulary order.
VerdictValue: TypeAlias = SingleValue | tuple[str, ...]

#: Any of these (and a condition's tuple of values), as reports and messages show them.
ShownValue: TypeAlias = SingleValue | frozenset[SingleValue] | tuple[SingleValue, ...]


#: Words a user may type for a flag.
_TRUE = frozenset({"true", "yes", "y", "1", "on"})


_FALSE = frozenset({"false", "no", "n", "0", "off"})


#: What a concluded value means for the person asking, so that renderers colour it by its
#: meaning: ``good`` (a strength, a good fit), ``bad`` (a concern, a poor fit, to avoid) or
#: ``weak`` (fair, in between).
TONES = ("good", "bad", "weak")


#: ``group.name``: lower-case words of letters, digits, ``_`` and ``-`` (``meal.main-component``),
#: the group free (``plant``, ``care``, ``meal``).
NAME = re.compile(r"[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*\Z")


def show_value(value: ShownValue | list[SingleValue] | None, separator: str = ", ") -> str:
    """A value as a person reads it: ``true``, ``80`` (not ``80.0``), ``brown-tips, drooping``."""
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return separator.join(show_value(item, separator) for item in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def json_value(value: ShownValue | None) -> SingleValue | list[SingleValue] | None:
    """A value as JSON holds it: a set as a sorted list, a tuple (a set verdict's values, in
    vocabulary order) as a list in that order."""
    if isinstance(value, (frozenset, set)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def values_of(value: VerdictValue) -> tuple[SingleValue, ...]:
    """A verdict's values as a tuple: a set verdict's own tuple, else its one value."""
    return value if isinstance(value, tuple) else (value,)


def join_words(words: Iterable[str], last: str = "and") -> str:
    """Words joined as a sentence lists them: ``a``, ``a and b``, ``a, b and c`` (or with
    ``last="or"``, as alternatives: ``a, b or c``)."""
    items = [word for word in words if word]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


@attrs.frozen
class Opposition:
    """Values of two concluded attributes that cannot both hold (``opposes`` in the
    vocabulary): what is recommended cannot also be to avoid, a strength cannot also be a
    concern. Where both are concluded, the stronger stays and the other is a disagreement.

    Attributes:
        attribute: the attribute opposed.
        values: for each value of the declaring attribute, the values of ``attribute`` it
            opposes; empty when each value opposes the value of the same name.
    """

    attribute: str
    values: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class Group:
    """Words for a group of facts (``[groups.plant]`` in the vocabulary).

    Attributes:
        name: the group (``plant``).
        label: what a statement of the group's facts is about, in words
            (``a plant``): "You said: a plant in low light".
        named_by: an input whose stated value names the subject instead of ``label``
            (``plant.kind``: "You said: a fern in low light").
    """

    name: str
    label: str = ""
    named_by: str = ""


@attrs.frozen(repr=False)
class Attribute:
    """A fact name rules may test or conclude, with its kind and allowed values.

    Attributes:
        name: full name, ``group.name`` (``plant.light``).
        kind: one of ``KINDS`` (choice, set, flag, amount).
        values: the allowed values of a choice or a set; empty otherwise.
        doc: one line for help texts.
        input: ``True`` when a user states it, ``False`` when rules conclude it.
        note: a concluded attribute that says what the articles hold of a whole class
            (its group names the class): reported as a note, never as a verdict.
        label: the attribute in words for people (``light``, ``where to put it``); reports,
            prompts and HTML show it instead of the name.
        labels: each value in words for people (``low = "low light"``; a flag's
            values are ``true`` and ``false``).
        says: how a statement of it reads, ``{value}`` standing for the value's words: for an
            input, a phrase of "You said: ..." (``with {value}``); for a concluded attribute,
            the sentence that leads a report it answers (``Avoid {value}``).
        tone: what its values mean for the person asking, one of :data:`TONES`
            (concerns are ``bad``), so that colour follows meaning.
        tones: the tone of single values (``good = "good"``, ``poor = "bad"``).
        opposes: the values of another concluded attribute that cannot hold with its own.
        states: for an input, the concluded attribute its values state outright
            (``plant.species`` states ``plant.kind``): a stated value is taken as given,
            feeds every rule testing that attribute, and outranks what rules conclude.
        ask_when: for an input, the conditions (a rule's ``when``, on input facts) that must
            hold on the facts known before a guided consultation asks it: alternatives, each
            a tuple of conditions, asked once all of one hold (``()``: no condition).
        ask_order: for an input, where a guided consultation asks it: declared ones first,
            lowest first (``None``: after them, by how telling the question is).
        question: for an input, the sentence a guided consultation asks it by (``What kind
            of plant is it?``); ``""``: its label turned into a question.
        catalogue_label: for a concluded choice, whether it is the verdict a batch checks
            a catalogue's label column against (``catalogue_label = true``; one per base).
        minimum: for an amount, the least value a user may state (``min`` in the
            vocabulary, 0 unless declared).
        maximum: for an amount, the greatest value a user may state (``max``; ``None``: no
            limit).
    """

    name: str
    kind: str
    values: tuple[str, ...] = ()
    doc: str = ""
    input: bool = False
    note: bool = False
    label: str = ""
    labels: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    says: str = ""
    tone: str = ""
    tones: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    opposes: Opposition | None = None
    states: str = ""
    ask_when: tuple[tuple[Any, ...], ...] = ()
    ask_order: int | None = None
    question: str = ""
    catalogue_label: bool = False
    minimum: float = 0
    maximum: float | None = None

    def __repr__(self) -> str:
        kind = self.kind if self.input else f"concluded {self.kind}"
        values = f" of {shown(self.values, 60)}" if self.values else ""
        return fit(f"Attribute({self.name}: {kind}{values})")

    @property
    def title(self) -> str:
        """The attribute in words, its ``label``, else its help line, else its short name."""
        return self.label or self.doc or self.short.replace("_", " ")

    def word(self, value: ShownValue) -> str:
        """One value in words for people: its label, else the value as typed."""
        return self.labels.get(show_value(value), show_value(value))

    def words_of(self, value: ShownValue) -> str:
        """A value, or a set or tuple of values, in words (``brown leaf tips and drooping leaves``)."""
        if isinstance(value, (tuple, list, frozenset, set)):
            items = sorted(value) if isinstance(value, (frozenset, set)) else value
            return join_words(self.word(item) for item in items)
        return self.word(value)

    def phrase(self, value: ShownValue) -> str:
        """A statement of ``value`` in words: ``says`` with the value's words in it, or
        ``<title>: <value>`` when the vocabulary gives no ``says``."""
        if self.says:
            return self.says.replace("{value}", self.words_of(value))
        return f"{self.title}: {self.words_of(value)}"

    def tone_of(self, value: ShownValue | None) -> str:
        """What ``value`` means for the person asking: its own tone, else the attribute's
        (``""``: neutral)."""
        return self.tones.get(show_value(value), self.tone)

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
        """The group, the part before the dot (``plant``)."""
        return self.name.split(".", 1)[0]

    @property
    def short(self) -> str:
        """The short name, the part after the dot (``light``)."""
        return self.name.split(".", 1)[1]

    def allowed(self) -> tuple[str | bool, ...]:
        """The allowed values as shown to a user."""
        if self.kind == "flag":
            return (True, False)
        if self.kind == "amount":
            return (self.allowed_text(),)
        return self.values

    def words(self) -> tuple[str, ...]:
        """The words a user may type (empty for a number)."""
        if self.kind == "flag":
            return ("true", "false")
        return self.values

    def allowed_text(self) -> str:
        """The allowed values in words, for messages and help."""
        if self.kind == "amount":
            if self.maximum is None:
                return f"a number >= {show_value(self.minimum)}"
            return f"a number from {show_value(self.minimum)} to {show_value(self.maximum)}"
        if self.kind == "flag":
            return "true or false (yes/no, y/n, 1/0, on/off)"
        words = ", ".join(self.values)
        return f"one or more of {words} (comma-separated)" if self.multi else words

    def within(self, number: float) -> bool:
        """Whether an amount's ``number`` lies between its minimum and maximum."""
        return self.minimum <= number and (self.maximum is None or number <= self.maximum)

    def _refuse(self, value: Any, reason: str | None = None, member: Any = None) -> FactError:
        shown = value if member is None else member
        if self.kind == "amount":
            allowed = f"allowed: {self.allowed_text()}"
        else:
            allowed = "allowed values: " + ", ".join(map(show_value, self.allowed()))
        return FactError(
            f"{self.name}: {brief(shown)} {reason or 'is not allowed'}; {allowed}",
            field=self.name,
            value=shown,
            allowed=self.allowed(),
        )

    def parse(self, text: str) -> FactValue:
        """Turn a word typed on a command line, in the REPL or in a CSV cell into a value:
        the same as :meth:`validate`, which reads any text as words.

        Raises:
            FactError: the word is not a value of this attribute.
        """
        return self.validate(text)

    def _named(self, text: str) -> str | None:
        """The value ``text`` names: itself, else the one value equal to it ignoring case
        (surrounding spaces ignored); ``None`` when there is none."""
        text = text.strip()
        if text in self.values:
            return text
        folded = [value for value in self.values if value.casefold() == text.casefold()]
        return folded[0] if len(folded) == 1 else None

    def validate(self, value: object) -> FactValue:
        """The value in its canonical form (a frozenset for a set), or :class:`FactError`.

        Text is read as words, the same way wherever it comes from (a Python call, JSON, the
        command line, a batch row, the shell): a flag from ``true``/``false``, ``yes``/``no``,
        ``y``/``n``, ``1``/``0`` or ``on``/``off``; an amount from a number; a set from
        comma-separated values; the values of a choice or a set ignoring case and surrounding
        spaces. A set may also be given as a set, list or tuple of values. A number is read
        as every number a person types is read: after Unicode compatibility normalisation,
        in decimal digits of any script (``80``, ``８０``, ``1.5e3``; not ``1_000``).

        Empty or blank text and an empty member of a set (``uses=,,``, ``uses=a,,b``) are
        refused, naming the allowed values: "not known" is ``None`` (or an empty cell of a
        catalogue, left out before its facts are named).
        """
        if isinstance(value, str) and not value.strip():
            raise self._refuse(value, "is empty")
        if self.kind == "flag":
            if isinstance(value, str):
                word = value.strip().lower()
                if word in _TRUE or word in _FALSE:
                    return word in _TRUE
            if not isinstance(value, bool):
                raise self._refuse(value)
            return value
        if self.kind == "choice":
            found = self._named(value) if isinstance(value, str) else None
            if found is None:
                raise self._refuse(value)
            return found
        if self.kind == "set":
            given = value
            if isinstance(value, str):
                value = value.split(",")
            if not isinstance(value, (set, frozenset, list, tuple)):
                raise self._refuse(value, "is not a set of values")
            if any(isinstance(member, str) and not member.strip() for member in value):
                raise self._refuse(given, "has an empty member")
            members = []
            for member in value:
                found = self._named(member) if isinstance(member, str) else None
                if found is None:
                    raise self._refuse(value, member=member)
                members.append(found)
            return frozenset(members)
        if isinstance(value, str):
            read = read_number(value)
            if read is None:
                raise self._refuse(value.strip(), "is not a number")
            value = read
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._refuse(value, "is not a number")
        try:
            finite = math.isfinite(float(value))
        except OverflowError:  # an int too large for a float
            finite = False
        if not finite:
            raise self._refuse(value, "is not a finite number")
        if not self.within(value):
            raise self._refuse(value)
        return value


def fold_name(name: str) -> str:
    """A name as compared with what people type: ``-`` and ``_`` are one character."""
    return name.replace("-", "_")


def resolve(inputs: Mapping[str, Attribute], name: str, group: str | None = None) -> Attribute:
    """The input attribute called ``name``: its full name (``plant.light``), or its short
    name (``light``) when only one group has it. ``-`` may stand for ``_``.

    Args:
        inputs: the input attributes by full name.
        name: the name given.
        group: look only in this group (``name`` is then a short name, as in
            a command line's ``--plant light=low``).

    Raises:
        FactError: no such input (with the allowed names and the closest one).
    """
    key = str(name).strip().lower() if isinstance(name, str) else name
    if group is not None:
        key = f"{group}.{str(key).removeprefix(group + '.')}"
    if key in inputs:
        return inputs[key]
    if isinstance(key, str):
        # "-" and "_" stand for each other (declare() refuses names differing only there).
        folded = {fold_name(full): attribute for full, attribute in inputs.items()}
        if fold_name(key) in folded:
            return folded[fold_name(key)]
        key = fold_name(key)
    shorts: dict[str, list[str]] = {}
    for full, attribute in inputs.items():
        shorts.setdefault(fold_name(attribute.short), []).append(full)
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
    prefix, dot, _ = str(key).partition(".")
    members = [a.short for a in inputs.values() if fold_name(a.group) == prefix]
    if dot and members:
        short = str(name).rpartition(".")[2]  # as typed, not as folded
        message = f"{prefix} has no fact {brief(short)}; allowed names: {', '.join(members)}"
    else:
        message = f"no fact {brief(name)}; allowed names: {', '.join(inputs)}"
    # A full name typed is answered with a full name; a short one with a short one.
    hint = suggest(key, inputs) if dot and group is None else None
    short_names = dict.fromkeys(attribute.short for attribute in inputs.values())
    raise FactError(
        message, field=str(name), value=name, allowed=(*inputs, *short_names), suggestion=hint
    )
