"""How people ask: the words a knowledge base declares for its facts and its questions.

A base may hold ``questions.toml``::

    [attributes."plant.kind"]
    words = ["kind of plant", "species"]       # words naming the attribute itself
    values.fern = ["maidenhair", "boston fern"]

    [[questions]]
    words = ["where should i put"]             # words of a question
    attribute = "care.spot"                    # what answers it (a list: the first concluded)
    reads = "you ask where to put it"
    examples = ["Where should I put my fern?"]

A question whose ``attribute`` is an empty list is one the sources do not cover (a brand, a
shop): it gets no answer. The vocabulary's own labels and value names are words already;
this file adds the words people use. :mod:`expert.reasoning.reading` reads a typed question with them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._support.short_repr import fit, shown
from .._support.toml_files import read_toml
from ..errors import KnowledgeBaseError, brief, suggest, unknown_key
from .vocabulary import Attribute

__all__ = ["FILE", "Phrasing", "QuestionWords", "read_phrasing"]

#: The file of a knowledge base that declares how people ask.
FILE = "questions.toml"
_QUESTION_KEYS = {"words", "attribute", "reads", "examples"}


@attrs.frozen(repr=False)
class QuestionWords:
    """A kind of question people ask, and what answers it.

    Attributes:
        words: phrases that mark the question (``input or output``).
        attributes: the concluded attributes that answer it, the first with a verdict (a
            note answers with what the articles say of its class); empty when the sources
            do not cover it.
        reads: how the question is read, in words (``you ask whether it is input or output``).
        examples: questions of this kind the base answers, offered as the closest ones when a
            question cannot be answered.
    """

    words: tuple[str, ...]
    attributes: tuple[str, ...] = ()
    reads: str = ""
    examples: tuple[str, ...] = ()

    def __repr__(self) -> str:
        answers = ", ".join(self.attributes) or "not covered"
        return fit(f"QuestionWords({shown(self.words, 40)} -> {answers})")


@attrs.frozen(repr=False)
class Phrasing:
    """The words of a base beyond its vocabulary's labels (``questions.toml``).

    Attributes:
        attribute_words: for an input, words naming it (``species``).
        value_words: for an input, words for each of its values (``fern``: ``maidenhair``).
        questions: the kinds of question people ask, in file order.
    """

    attribute_words: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    value_words: Mapping[str, Mapping[str, tuple[str, ...]]] = attrs.field(factory=dict)
    questions: tuple[QuestionWords, ...] = ()

    def __repr__(self) -> str:
        return (
            f"Phrasing(words for {len({*self.attribute_words, *self.value_words})} inputs, "
            f"{len(self.questions)} kinds of question)"
        )

    def examples(self) -> tuple[str, ...]:
        """Every example question, in file order."""
        return tuple(example for question in self.questions for example in question.examples)


def read_phrasing(directory: Path, attributes: Mapping[str, Attribute]) -> Phrasing:
    """The phrasing of the base in ``directory`` (none without ``questions.toml``).

    Raises:
        KnowledgeBaseError: a malformed entry, naming it and what is allowed.
    """
    path = directory / FILE
    if not os.path.lexists(path):  # there but unreadable is refused by the read
        return Phrasing()
    data = read_toml(path)
    unknown = sorted(set(data) - {"attributes", "questions"})
    if unknown:
        raise KnowledgeBaseError(
            f"unknown top-level key {brief(unknown[0])}; allowed: attributes, questions",
            path=path,
        )
    attribute_words, value_words = _attribute_words(data.get("attributes", {}), attributes, path)
    entries = data.get("questions", [])
    if not isinstance(entries, list):
        raise KnowledgeBaseError("`questions` must be [[questions]] tables", path=path)
    concluded = [name for name, a in attributes.items() if a.concluded]
    questions = tuple(_question(entry, concluded, path) for entry in entries)
    return Phrasing(attribute_words, value_words, questions)


def _phrases(value: Any, where: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeBaseError(f"{where} must be a list of phrases", path=path)
    return tuple(value)


def _attribute_words(
    table: Any, attributes: Mapping[str, Attribute], path: Path
) -> tuple[dict[str, tuple[str, ...]], dict[str, dict[str, tuple[str, ...]]]]:
    if not isinstance(table, dict):
        raise KnowledgeBaseError(
            '`attributes` must be [attributes."group.name"] tables', path=path
        )
    inputs = [name for name, a in attributes.items() if a.input]
    named: dict[str, tuple[str, ...]] = {}
    valued: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, spec in table.items():
        attribute = attributes.get(name)
        if attribute is None or not attribute.input:
            raise KnowledgeBaseError(
                f"[attributes.{brief(name)}]: not an input; people's words are for inputs, "
                f"allowed: {', '.join(inputs)}",
                path=path,
                suggestion=suggest(name, inputs),
            )
        if not isinstance(spec, dict) or set(spec) - {"words", "values"}:
            raise KnowledgeBaseError(
                f"[attributes.{name}]: allowed keys: words, values", path=path
            )
        if "words" in spec:
            named[name] = _phrases(spec["words"], f"[attributes.{name}] words", path)
        values = spec.get("values", {})
        allowed = ("true", "false") if attribute.kind == "flag" else attribute.values
        if not isinstance(values, dict):
            raise KnowledgeBaseError(f"[attributes.{name}] values must be a table", path=path)
        for value, words in values.items():
            if value not in allowed:
                raise KnowledgeBaseError(
                    f"[attributes.{name}] values: {brief(value)} is not a value of {name}; "
                    f"allowed: {', '.join(allowed) or 'none (it is a number)'}",
                    path=path,
                    suggestion=suggest(value, allowed),
                )
            phrases = _phrases(words, f"[attributes.{name}] values.{value}", path)
            valued.setdefault(name, {})[value] = phrases
    return named, valued


def _question(entry: Any, concluded: list[str], path: Path) -> QuestionWords:
    if not isinstance(entry, dict):
        raise KnowledgeBaseError("each [[questions]] entry is a table", path=path)
    found = unknown_key(entry, sorted(_QUESTION_KEYS))
    if found:
        raise KnowledgeBaseError(
            f"[[questions]]: {found[0]}",
            path=path,
            suggestion=found[1],
        )
    if "words" not in entry or "attribute" not in entry:
        raise KnowledgeBaseError("[[questions]]: each needs `words` and `attribute`", path=path)
    words = _phrases(entry["words"], "[[questions]] words", path)
    answering = entry["attribute"]
    answering = [answering] if isinstance(answering, str) else answering
    if not isinstance(answering, list):
        raise KnowledgeBaseError(
            "[[questions]] attribute must be a concluded attribute or a list of them", path=path
        )
    for name in answering:
        if name not in concluded:
            raise KnowledgeBaseError(
                f"[[questions]] attribute: {brief(name)} is not a concluded attribute",
                path=path,
                suggestion=suggest(name, concluded),
            )
    reads = entry.get("reads", "")
    if not isinstance(reads, str):
        raise KnowledgeBaseError("[[questions]] reads must be a string", path=path)
    examples = _phrases(entry.get("examples", []), "[[questions]] examples", path)
    return QuestionWords(words, tuple(answering), reads, examples)
