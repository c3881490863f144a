"""The vocabulary of a knowledge base: its attributes, and reading, parsing and checking values.

An :class:`Attribute` is one fact name (``plant.light``, ``care.spot``). Input attributes
(``input = true`` in ``vocabulary.toml``) are what a user states; the others are what rules
conclude. The one type parses a word a user typed, validates a value given from Python and
lists the allowed values, for the API, the command line, the REPL and batch files alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from ._numbers import read_number
from ._short_repr import fit, shown
from .errors import FactError, KnowledgeBaseError, brief, suggest

__all__ = [
    "KINDS",
    "TONES",
    "Attribute",
    "FactValue",
    "GivenFacts",
    "Group",
    "Opposition",
    "check_references",
    "declare",
    "declare_groups",
    "fold_name",
    "given_twice",
    "join_words",
    "json_value",
    "named_once",
    "read_ask_when",
    "resolve",
    "show_value",
    "state_facts",
]

#: The kinds of attribute: one of ``values``, any of ``values``, true/false, a number (between
#: the attribute's ``minimum`` and ``maximum``).
KINDS = ("choice", "set", "flag", "amount")

#: A stated fact's value in its canonical form (what :meth:`Attribute.validate` returns): a
#: choice's value (``str``), a flag (``bool``), an amount (``int`` or ``float``) or a set's
#: values (``frozenset[str]``). Values given to the library may be looser (a set as a list or
#: as comma-separated words, a flag as a word): they are checked and made canonical.
FactValue: TypeAlias = str | bool | float | int | frozenset[str]

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
_GROUP = re.compile(r"[a-z][a-z0-9_-]*\Z")
_KEYS = {
    "values", "multi", "kind", "input", "note", "doc", "label", "labels", "says", "tone",
    "tones", "opposes", "states", "ask_when", "ask_order", "min", "max",
}  # fmt: skip
_GROUP_KEYS = {"label", "named_by"}


def show_value(value: Any, separator: str = ", ") -> str:
    """A value as a person reads it: ``true``, ``80`` (not ``80.0``), ``brown-tips, drooping``."""
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


def join_words(words: Iterable[str]) -> str:
    """Words joined as a sentence lists them: ``a``, ``a and b``, ``a, b and c``."""
    items = [word for word in words if word]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


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
            hold on the facts known before a guided consultation asks it.
        ask_order: for an input, where a guided consultation asks it: declared ones first,
            lowest first (``None``: after them, by how telling the question is).
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
    ask_when: tuple[Any, ...] = ()
    ask_order: int | None = None
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

    def word(self, value: Any) -> str:
        """One value in words for people: its label, else the value as typed."""
        return self.labels.get(show_value(value), show_value(value))

    def words_of(self, value: Any) -> str:
        """A value, or a set or tuple of values, in words (``brown leaf tips and drooping leaves``)."""
        if isinstance(value, (tuple, list, frozenset, set)):
            items = sorted(value) if isinstance(value, (frozenset, set)) else value
            return join_words(self.word(item) for item in items)
        return self.word(value)

    def phrase(self, value: Any) -> str:
        """A statement of ``value`` in words: ``says`` with the value's words in it, or
        ``<title>: <value>`` when the vocabulary gives no ``says``."""
        if self.says:
            return self.says.replace("{value}", self.words_of(value))
        return f"{self.title}: {self.words_of(value)}"

    def tone_of(self, value: Any) -> str:
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

    def allowed(self) -> tuple[Any, ...]:
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
    prefix, dot, short = str(key).partition(".")
    members = [a.short for a in inputs.values() if fold_name(a.group) == prefix]
    if dot and members:
        message = f"{prefix} has no fact {brief(short)}; allowed names: {', '.join(members)}"
    else:
        message = f"no fact {brief(name)}; allowed names: {', '.join(inputs)}"
    # A full name typed is answered with a full name; a short one with a short one.
    hint = suggest(key, inputs) if dot and group is None else None
    short_names = dict.fromkeys(attribute.short for attribute in inputs.values())
    raise FactError(
        message, field=str(name), value=name, allowed=(*inputs, *short_names), suggestion=hint
    )


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


def declare(attributes: dict[str, Attribute], table: Any, path: object) -> None:
    """Add the attributes of a vocabulary table (``vocabulary.toml`` or a topic file's
    ``[attributes]``) to ``attributes``.

    Raises:
        KnowledgeBaseError: a bad name, kind, value list or key, or a name declared twice.
    """
    if not isinstance(table, dict):
        raise KnowledgeBaseError("the vocabulary must be a table of attributes", path=path)
    folded = {fold_name(known): known for known in attributes}
    for name, spec in table.items():
        if name in attributes:
            raise KnowledgeBaseError(f"attribute {brief(name)} is declared twice", path=path)
        if not NAME.match(name):
            raise KnowledgeBaseError(
                f"attribute {brief(name)} must be named group.name in lower case "
                "(letters, digits, _, -), e.g. plant.light or meal.main-component",
                path=path,
            )
        if fold_name(name) in folded:
            raise KnowledgeBaseError(
                f"attribute {name} differs from {folded[fold_name(name)]} only by - and _, "
                "which a name typed may use for each other; rename one",
                path=path,
            )
        folded[fold_name(name)] = name
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
    texts = {}
    for key in ("doc", "label", "says", "tone", "states"):
        texts[key] = spec.get(key, "")
        if not isinstance(texts[key], str):
            raise fail(f"`{key}` must be a string")
    if texts["says"] and "{value}" not in texts["says"]:
        raise fail("`says` must have {value} in it, where the value's words go")
    words = ("true", "false") if kind == "flag" else tuple(values)
    labels = _value_table(spec, "labels", words, fail)
    tones = _value_table(spec, "tones", words, fail)
    for tone in [texts["tone"], *tones.values()]:
        if tone and tone not in TONES:
            raise fail(
                f"tone {brief(tone)} is not allowed; allowed: {', '.join(TONES)}",
                suggestion=suggest(tone, TONES),
            )
    if texts["states"] and not (flags["input"] and kind == "choice"):
        raise fail("`states` is for an input that is a choice: its values state a conclusion")
    order = spec.get("ask_order")
    for key in ("ask_when", "ask_order"):
        if key in spec and not flags["input"]:
            raise fail(f"`{key}` is for an input: it says when a guided consultation asks it")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int)):
        raise fail(f"`ask_order` must be a whole number (lowest asked first), not {brief(order)}")
    when = spec.get("ask_when", {})
    if not isinstance(when, dict) or ("ask_when" in spec and not when):
        raise fail(
            "`ask_when` must be a table of conditions in the rule `when` syntax, e.g. "
            'ask_when.plant.kind = "fern"'
        )
    minimum, maximum = _bounds(spec, kind, fail)
    return Attribute(
        name=name,
        kind=kind,
        values=tuple(values),
        doc=texts["doc"],
        input=flags["input"],
        note=flags["note"],
        label=texts["label"],
        labels=labels,
        says=texts["says"],
        tone=texts["tone"],
        tones=tones,
        opposes=_opposition(spec.get("opposes"), kind, fail),
        states=texts["states"],
        ask_order=order,
        minimum=minimum,
        maximum=maximum,
    )


def _bounds(
    spec: dict[str, Any], kind: str, fail: Callable[[str], Exception]
) -> tuple[float, float | None]:
    """An amount's ``min`` (0 unless given) and ``max`` (``None`` unless given), checked."""
    given = {key: spec[key] for key in ("min", "max") if key in spec}
    if given and kind != "amount":
        raise fail(f'`{next(iter(given))}` is for an amount (kind = "amount"), not a {kind}')
    for key, number in given.items():
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise fail(f"`{key}` must be a number, not {brief(number)}")
        if not math.isfinite(number):
            raise fail(f"`{key}` must be a finite number, not {brief(number)}")
    minimum, maximum = given.get("min", 0), given.get("max")
    if maximum is not None and maximum < minimum:
        raise fail(
            f"`max` {show_value(maximum)} is below `min` {show_value(minimum)}"
            + ("" if "min" in given else " (the default min)")
        )
    return minimum, maximum


def _value_table(
    spec: dict[str, Any], key: str, words: tuple[str, ...], fail: Callable[[str], Exception]
) -> dict[str, str]:
    """A table of words per value (``labels``, ``tones``), checked against the values."""
    table = spec.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise fail(f"`{key}` must be a table of words per value")
    unknown = sorted(set(table) - set(words))
    if unknown:
        allowed = ", ".join(words) if words else "none (it has no values)"
        raise fail(f"`{key}` names {brief(unknown[0])}, not a value; allowed: {allowed}")
    return dict(table)


def _opposition(spec: Any, kind: str, fail: Callable[[str], Exception]) -> Opposition | None:
    """``opposes = "other.attribute"`` (values of the same name) or ``opposes = {attribute =
    "other.attribute", values = {mine = ["theirs", ...]}}``."""
    if spec is None:
        return None
    if kind not in ("choice", "set"):
        raise fail("`opposes` is for a concluded choice or set")
    if isinstance(spec, str):
        return Opposition(spec)
    if not isinstance(spec, dict) or set(spec) - {"attribute", "values"}:
        raise fail("`opposes` must name an attribute, or be {attribute = ..., values = {...}}")
    attribute, values = spec.get("attribute"), spec.get("values", {})
    if not isinstance(attribute, str) or not isinstance(values, dict):
        raise fail("`opposes` must name an attribute, or be {attribute = ..., values = {...}}")
    table: dict[str, tuple[str, ...]] = {}
    for mine, theirs in values.items():
        listed = theirs if isinstance(theirs, list) else [theirs]
        if not listed or not all(isinstance(value, str) for value in listed):
            raise fail(f"`opposes.values.{mine}` must be a value or a list of values")
        table[mine] = tuple(listed)
    return Opposition(attribute, table)


def declare_groups(groups: dict[str, Group], table: Any, path: object) -> None:
    """Add the ``[groups.<name>]`` tables of a vocabulary to ``groups``.

    Raises:
        KnowledgeBaseError: a bad group name or key.
    """
    if not isinstance(table, dict):
        raise KnowledgeBaseError("`groups` must be a table of [groups.<name>] tables", path=path)
    for name, spec in table.items():
        if not _GROUP.match(str(name)) or not isinstance(spec, dict):
            raise KnowledgeBaseError(
                f"group {brief(name)} must be a [groups.<name>] table, name in lower case",
                path=path,
            )
        unknown = sorted(set(spec) - _GROUP_KEYS)
        if unknown or not all(isinstance(v, str) for v in spec.values()):
            raise KnowledgeBaseError(
                f"group {name}: its keys are strings, allowed: {', '.join(sorted(_GROUP_KEYS))}",
                path=path,
                suggestion=suggest(unknown[0], _GROUP_KEYS) if unknown else None,
            )
        groups[name] = Group(name, spec.get("label", ""), spec.get("named_by", ""))


def check_references(
    attributes: Mapping[str, Attribute], groups: Mapping[str, Group], path: object
) -> None:
    """Check what vocabulary entries name of each other: ``opposes``, ``states`` and a
    group's ``named_by``.

    Raises:
        KnowledgeBaseError: a reference to no such attribute, or to one of the wrong kind.
    """
    concluded = [n for n, a in attributes.items() if a.concluded and not a.note]

    def fail(message: str, name: Any) -> KnowledgeBaseError:
        return KnowledgeBaseError(message, path=path, suggestion=suggest(name, concluded))

    for attribute in attributes.values():
        opposition = attribute.opposes
        if opposition is not None:
            other = attributes.get(opposition.attribute)
            where = f"attribute {attribute.name}: `opposes`"
            if attribute.input or attribute.note or other is None or other.name not in concluded:
                raise fail(
                    f"{where} names {brief(opposition.attribute)}; both must be concluded "
                    "attributes that are not notes",
                    opposition.attribute,
                )
            for mine, theirs in opposition.values.items():
                if mine not in attribute.values or not set(theirs) <= set(other.values):
                    raise KnowledgeBaseError(
                        f"{where}: {brief(mine)} -> {', '.join(theirs)} must pair values of "
                        f"{attribute.name} with values of {other.name}",
                        path=path,
                    )
            if not opposition.values and not set(attribute.values) & set(other.values):
                raise KnowledgeBaseError(
                    f"{where}: {attribute.name} and {other.name} share no value; list the "
                    "values that oppose each other in `opposes.values`",
                    path=path,
                )
        if attribute.states:
            target = attributes.get(attribute.states)
            if target is None or target.name not in concluded or target.multi:
                raise fail(
                    f"attribute {attribute.name}: `states` names {brief(attribute.states)}; it "
                    "must be a concluded choice that is not a note",
                    attribute.states,
                )
            if not set(attribute.values) & set(target.values):
                raise KnowledgeBaseError(
                    f"attribute {attribute.name}: `states` {target.name}, but they share no value",
                    path=path,
                )
    for group in groups.values():
        named = attributes.get(group.named_by) if group.named_by else None
        if group.named_by and (named is None or not named.input or named.group != group.name):
            raise KnowledgeBaseError(
                f"group {group.name}: `named_by` {brief(group.named_by)} must be an input of "
                f"the group {group.name}",
                path=path,
            )


def read_ask_when(
    attributes: dict[str, Attribute],
    table: Any,
    path: object,
    conditions: Callable[[Any, str], tuple[Any, ...]],
) -> None:
    """Read the ``ask_when`` tables of a vocabulary table's inputs into their attributes.

    Args:
        attributes: every attribute of the base, updated in place.
        table: the vocabulary table the attributes were declared from.
        path: the file, for messages.
        conditions: reads a table in the rule ``when`` syntax into conditions.

    Raises:
        KnowledgeBaseError: ``ask_when`` names an attribute that is not an input.
    """
    inputs = [name for name, attribute in attributes.items() if attribute.input]
    for name, spec in table.items() if isinstance(table, dict) else ():
        if not isinstance(spec, dict) or "ask_when" not in spec:
            continue
        for group, names in spec["ask_when"].items():
            for short in names if isinstance(names, dict) else [None]:
                tested = f"{group}.{short}"
                if tested not in inputs:
                    raise KnowledgeBaseError(
                        f"attribute {name}: `ask_when` tests {brief(tested)}, which is not an "
                        f"input; allowed: {', '.join(inputs)}",
                        path=path,
                        suggestion=suggest(tested, inputs),
                    )
        when = tuple(conditions(spec["ask_when"], f"{name} ask_when"))
        attributes[name] = attrs.evolve(attributes[name], ask_when=when)


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
