"""Reading a vocabulary's tables (``[attributes]``, ``[groups]``) into attributes, and
checking the references between them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ..errors import KnowledgeBaseError, brief, suggest, unknown_key
from ..model.vocabulary import (
    KINDS,
    NAME,
    TONES,
    Attribute,
    Group,
    Opposition,
    fold_name,
    show_value,
)


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
    found = unknown_key(spec, sorted(_KEYS))
    if found:
        raise fail(*found)
    flags = {}
    for key in ("input", "note", "multi", "catalogue_label"):
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
    if flags["catalogue_label"] and (flags["input"] or flags["note"] or kind != "choice"):
        raise fail(
            "`catalogue_label` is for a concluded choice: the verdict a catalogue's label "
            "column is checked against"
        )
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
    question = spec.get("question", "")
    if "question" in spec and not flags["input"]:
        raise fail("`question` is for an input: the sentence a guided consultation asks it by")
    if not isinstance(question, str) or ("question" in spec and not question.strip()):
        raise fail(f"`question` must be a sentence (a non-empty string), not {brief(question)}")
    if "ask_when" in spec and not _alternatives(spec["ask_when"]):
        raise fail(
            "`ask_when` must be a table of conditions in the rule `when` syntax, e.g. "
            'ask_when.plant.kind = "fern", or a list of such tables, any of which may hold'
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
        question=question,
        catalogue_label=flags["catalogue_label"],
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
    labelled = [a.name for a in attributes.values() if a.catalogue_label]
    if len(labelled) > 1:
        raise KnowledgeBaseError(
            f"`catalogue_label` is declared on {', '.join(labelled)}; a catalogue's label is "
            "checked against one verdict: keep it on one",
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
        alternatives = _alternatives(spec["ask_when"])
        for alternative in alternatives:
            for group, names in alternative.items():
                for short in names if isinstance(names, dict) else [None]:
                    tested = f"{group}.{short}"
                    if tested not in inputs:
                        raise KnowledgeBaseError(
                            f"attribute {name}: `ask_when` tests {brief(tested)}, which is not "
                            f"an input; allowed: {', '.join(inputs)}",
                            path=path,
                            suggestion=suggest(tested, inputs),
                        )
        when = tuple(
            tuple(conditions(alternative, f"{name} ask_when")) for alternative in alternatives
        )
        attributes[name] = attrs.evolve(attributes[name], ask_when=when)


def _alternatives(when: Any) -> list[dict[str, Any]]:
    """The alternatives of an ``ask_when``: one table of conditions, or a list of them (any
    of which may hold, as CLIPS's ``or`` in a question's rule); ``[]`` when it is neither,
    or a table or the list is empty."""
    tables = when if isinstance(when, list) else [when]
    if not tables or not all(isinstance(table, dict) and table for table in tables):
        return []
    return tables


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


_GROUP = re.compile(r"[a-z][a-z0-9_-]*\Z")


_KEYS = {
    "values", "multi", "kind", "input", "note", "doc", "label", "labels", "says", "tone",
    "tones", "opposes", "states", "ask_when", "ask_order", "question", "min", "max",
    "catalogue_label",
}  # fmt: skip


_GROUP_KEYS = {"label", "named_by"}
