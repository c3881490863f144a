"""The goals of consultations: which verdict answers the question a person came with.

A knowledge base declares them in ``goals.toml``, most general last::

    [[goals]]
    when = ["device", "needs"]          # the input groups stated
    attribute = "assessment.fit"        # the verdict that answers
    says = "For these needs this device is a {value} fit"
    with = ["assessment.concerns", "assessment.look_for"]   # shown beside the answer

A consultation's goal is the declared goal whose ``when`` groups are all stated, the one naming
the most groups (the first in the file on a tie); with nothing stated, the first goal with the
fewest groups, which is what a guided consultation works toward from the start.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .errors import KnowledgeBaseError, brief, suggest
from .vocabulary import Attribute, show_value

__all__ = ["FILE", "Goal", "choose_goal", "read_goals"]

#: The file of a knowledge base that declares its goals.
FILE = "goals.toml"
_KEYS = {"when", "attribute", "says", "with", "words"}


@attrs.frozen
class Goal:
    """What a consultation on some groups of facts is for.

    Attributes:
        when: the input groups whose statement makes this the goal.
        attribute: the verdict that answers it.
        says: the answer in plain words, ``{value}`` standing for the verdict's value.
        with_: the verdicts shown beside the answer (what to look for, the concerns).
        words: plain words for some values (``headset = "a headset"``).
    """

    when: tuple[str, ...]
    attribute: str
    says: str
    with_: tuple[str, ...] = ()
    words: Mapping[str, str] = attrs.field(factory=dict)

    def sentence(self, value: Any) -> str:
        """The answer for ``value`` in plain words."""
        values = value if isinstance(value, tuple) else (value,)
        shown = ", ".join(self.words.get(str(v), show_value(v)) for v in values)
        return self.says.replace("{value}", shown)


def read_goals(directory: Path, attributes: Mapping[str, Attribute]) -> tuple[Goal, ...]:
    """The goals of the base in ``directory`` (none without ``goals.toml``).

    Raises:
        KnowledgeBaseError: a malformed goal, naming the problem and what is allowed.
    """
    path = directory / FILE
    if not path.is_file():
        return ()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KnowledgeBaseError(f"cannot read: {error}", path=path) from None
    entries = data.get("goals")
    if set(data) - {"goals"} or not isinstance(entries, list) or not entries:
        raise KnowledgeBaseError("must hold [[goals]] tables and nothing else", path=path)
    groups = {attribute.group for attribute in attributes.values() if attribute.input}
    return tuple(_goal(entry, attributes, groups, path) for entry in entries)


def _goal(entry: Any, attributes: Mapping[str, Attribute], groups: set[str], path: Path) -> Goal:
    def fail(message: str, suggestion: str | None = None) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"goal: {message}", path=path, suggestion=suggestion)

    if not isinstance(entry, dict):
        raise fail("each [[goals]] entry is a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise fail(f"unknown key {brief(unknown[0])}; allowed: {', '.join(sorted(_KEYS))}")
    when = entry.get("when")
    if not isinstance(when, list) or not all(isinstance(g, str) and g in groups for g in when):
        raise fail(f"`when` must list input groups; allowed: {', '.join(sorted(groups))}")
    concluded = [name for name, a in attributes.items() if a.concluded and not a.note]
    for name in [entry.get("attribute"), *entry.get("with", [])]:
        if name not in concluded:
            raise fail(
                f"{brief(name)} is not a concluded attribute", suggestion=suggest(name, concluded)
            )
    says = entry.get("says", "")
    words = entry.get("words", {})
    if not isinstance(says, str) or "{value}" not in says:
        raise fail("`says` must be a sentence with {value} in it")
    if not isinstance(words, dict) or not all(isinstance(w, str) for w in words.values()):
        raise fail("`words` must map values to plain words")
    return Goal(
        when=tuple(when),
        attribute=entry["attribute"],
        says=says,
        with_=tuple(entry.get("with", [])),
        words=dict(words),
    )


def choose_goal(goals: Iterable[Goal], facts: Iterable[str]) -> Goal | None:
    """The goal of a consultation on ``facts`` (full names), or ``None`` if the base has
    none."""
    stated = {name.split(".", 1)[0] for name in facts}
    goals = list(goals)
    fitting = [goal for goal in goals if set(goal.when) <= stated and goal.when]
    if fitting:
        return max(fitting, key=lambda goal: (len(goal.when), -goals.index(goal)))
    return min(goals, key=lambda goal: (len(goal.when), goals.index(goal)), default=None)
