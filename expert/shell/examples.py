"""The loaded knowledge base's own names, for the examples of the shell's help, usage lines
and banner (``set kind fern`` on the houseplant base, ``set main-component meat`` on WINEX)."""

from __future__ import annotations

from typing import Any

import attrs

from ..model.knowledge_base import KnowledgeBase
from ..model.vocabulary import Attribute

__all__ = ["Examples"]


@attrs.frozen
class Examples:
    """Names and values of one knowledge base to show in examples.

    Attributes:
        fact: an input's full name (``plant.kind``), and ``short`` the name to type for it
            (its short name where no other input shares it).
        value, other: two of its values (one when it has one; ``3`` for an amount, ``true``
            and ``false`` for a flag).
        sets: the full names of the inputs that are sets.
        set_example: ``NAME a,b``: a set input and two of its values, or ``""``.
        attribute, verdict: a verdict's attribute (the first goal's, else the first concluded
            one) and one of its values.
        topic, rule: the first topic and the id of its first rule.
        subject: what the base is about, in its own words: the labels of its input groups
            (``a plant``), or ``""`` when it gives none.
        question: the first question its ``questions.toml`` gives as an example
            (``Where should I put my fern?``), or ``""``.
    """

    fact: str = "NAME"
    short: str = "NAME"
    value: str = "VALUE"
    other: str = "VALUE"
    sets: tuple[str, ...] = ()
    set_example: str = ""
    attribute: str = "ATTR"
    verdict: str = "VALUE"
    topic: str = "TOPIC"
    rule: str = "ID"
    subject: str = ""
    question: str = ""

    @classmethod
    def of(cls, knowledge: KnowledgeBase) -> Examples:
        """The examples of ``knowledge``."""
        found: dict[str, Any] = {}
        inputs = list(knowledge.inputs.values())
        if inputs:
            first = next((a for a in inputs if a.kind == "choice" and a.values), inputs[0])
            found["fact"], found["short"] = first.name, _typed_name(first, inputs)
            found["value"], found["other"] = _two_values(first)
        sets = [a for a in inputs if a.kind == "set" and a.values]
        found["sets"] = tuple(a.name for a in sets)
        if sets:
            found["set_example"] = f"{_typed_name(sets[0], inputs)} {','.join(sets[0].values[:2])}"
        verdicts = [
            name for name in knowledge.verdict_attributes() if knowledge.attributes[name].values
        ]
        goals = [goal.attribute for goal in knowledge.goals if goal.attribute in verdicts]
        if goals or verdicts:
            found["attribute"] = (goals or verdicts)[0]
            found["verdict"] = knowledge.attributes[found["attribute"]].values[0]
        if knowledge.rules:
            found["topic"], found["rule"] = knowledge.rules[0].topic, knowledge.rules[0].id
        words = [knowledge.group_words.get(a.group) for a in inputs]
        labels = dict.fromkeys(group.label for group in words if group and group.label)
        found["subject"] = " and ".join(labels)
        found["question"] = next(iter(knowledge.phrasing.examples()), "")
        return cls(**found)

    def fill(self, text: str) -> str:
        """``text`` with ``{field}`` replaced by the field's value (``{sets_note}``: what a
        set takes, with an example, or nothing when the base has no set)."""
        return text.format(**attrs.asdict(self), sets_note=self.sets_note)

    @property
    def sets_note(self) -> str:
        """How sets take their values, with this base's sets and an example, or ``""``."""
        if not self.sets:
            return ""
        return (
            f"Sets ({', '.join(self.sets)}) take values separated by commas: "
            f"set {self.set_example}. "
        )


def _typed_name(attribute: Attribute, inputs: list[Attribute]) -> str:
    """The short name of ``attribute`` where no other input has it, else its full name."""
    short = attribute.name.split(".", 1)[-1]
    shared = [a for a in inputs if a.name.split(".", 1)[-1] == short]
    return short if len(shared) == 1 else attribute.name


def _two_values(attribute: Attribute) -> tuple[str, str]:
    if attribute.kind == "flag":
        return "true", "false"
    if attribute.kind == "amount" or not attribute.values:
        return "3", "5"
    values = attribute.values
    return values[0], values[1] if len(values) > 1 else values[0]
