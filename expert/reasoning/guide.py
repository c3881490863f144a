"""A guided consultation any front end can drive: the expert asks, the person answers.

:meth:`Expert.guide <expert.api.expert.Expert.guide>` starts one from any facts. Its state is
plain (the facts, what was asked, what was skipped): no threads and no input or output, so a
shell, a web page or a chat drives the same dialog one call at a time::

    guide = Expert("plants").guide({"plant.kind": "fern"})
    while (question := guide.next_question()) is not None:
        print(question.text, [words for _, words in question.choices])
        guide.answer(input())          # or guide.skip(); guide.why() says why it asks
    print(guide.result)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._support.short_repr import fit, shown
from ..errors import UsageError
from ..model.goals import Goal, guide_goal
from ..model.vocabulary import FactValue
from ..model.words import rule_words
from .questions import Question, open_questions

if TYPE_CHECKING:  # types only: the Expert that drives a guide lives in the layer above
    from ..api.expert import Expert, Result

__all__ = ["Asked", "Guide"]


@attrs.frozen(repr=False)
class Asked:
    """One question of a guided consultation and what became of it.

    Attributes:
        name: the full name of the fact asked about (``plant.signs``).
        text: the question as it was put (``What do you use it for?``).
        value: the answer as a stated value, or ``None`` when the question was skipped.
    """

    name: str
    text: str
    value: FactValue | None = None

    def __repr__(self) -> str:
        if self.skipped:
            return fit(f"Asked({self.name}, skipped)")
        return fit(f"Asked({self.name}={shown(self.value, 80)})")

    @property
    def skipped(self) -> bool:
        """Whether the question was skipped rather than answered."""
        return self.value is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: name, text, value (a set as a sorted list) and skipped."""
        value = sorted(self.value) if isinstance(self.value, frozenset) else self.value
        return {"name": self.name, "text": self.text, "value": value, "skipped": self.skipped}


@attrs.define(eq=False, repr=False)
class Guide:
    """A guided consultation: the next question, the answers, and the result so far.

    Each question is one whose answer could still change the goal's verdict (its value, a
    member of a set verdict, or a certainty; see :func:`~expert.reasoning.questions.open_questions`),
    the most telling first; :meth:`next_question` returns ``None`` once no answer could.

    Args:
        expert: the expert consulted.
        facts: the facts known at the start, by full name (validated).
        skipped: full names of inputs not to ask about.

    Attributes:
        facts: the facts known so far: those given and the answers, by full name.
        asked: each question put, in order, with its answer or as skipped.
        skipped: full names of the inputs skipped (not asked again).
    """

    expert: Expert
    facts: dict[str, FactValue] = attrs.field(factory=dict)
    skipped: set[str] = attrs.field(factory=set)
    asked: list[Asked] = attrs.field(factory=list, init=False)
    _current: Question | None = attrs.field(default=None, init=False)
    _whys: int = attrs.field(default=0, init=False)

    def __repr__(self) -> str:
        answered = sum(not asked.skipped for asked in self.asked)
        skipped = len(self.asked) - answered
        facts = f"{len(self.facts)} fact{'' if len(self.facts) == 1 else 's'}"
        return fit(f"Guide({facts}, {answered} answered, {skipped} skipped)")

    def __attrs_post_init__(self) -> None:
        # Copies: the caller's mapping and set are never changed.
        self.facts = self.expert.knowledge.state(self.facts)
        self.skipped = set(self.skipped)

    @property
    def goal(self) -> Goal | None:
        """The goal the consultation works toward from the facts so far
        (:func:`~expert.model.goals.guide_goal`): the goal of the facts stated or, where that goal
        names groups to ask about next (``then_ask``), the goal those groups and the stated
        ones make."""
        return guide_goal(self.expert.knowledge.goals, self.facts)

    @property
    def result(self) -> Result:
        """The consultation on the facts so far."""
        return self.expert.consult(self.facts)

    def questions(self) -> list[Question]:
        """Every question that could still change the goal's verdict, the next one first."""
        return open_questions(self.result, exclude=self.skipped, goal=self.goal)

    def next_question(self) -> Question | None:
        """The question to put next, or ``None`` when no answer could change the goal's
        verdict (nor a member or a certainty of it). Asking again before an answer returns
        the same question."""
        pending = self.questions()
        question = pending[0] if pending else None
        if question != self._current:
            self._current, self._whys = question, 0
        return question

    def answer(self, value: object) -> FactValue:
        """Answer the current question and return the value stated.

        Args:
            value: a word as typed (``yes``/``no`` for a flag, a value's label or name, a
                number; for a set several, comma-separated), or a value as
                :meth:`Expert.consult <expert.api.expert.Expert.consult>` takes it. An allowed
                value such as ``unknown`` is an answer like any other.

        Raises:
            FactError: the value is not allowed; the message names the allowed values.
            UsageError: there is no question to answer.
        """
        question = self._question()
        stated = question.attribute.validate(_typed(question, value))
        self.facts = self.expert.knowledge.state({**self.facts, question.name: stated})
        self.asked.append(Asked(question.name, question.text, self.facts[question.name]))
        self._current = None
        return self.facts[question.name]

    def skip(self) -> None:
        """Leave the current question unanswered; it is not asked again.

        Raises:
            UsageError: there is no question to skip.
        """
        question = self._question()
        self.skipped.add(question.name)
        self.asked.append(Asked(question.name, question.text))
        self._current = None

    def why(self) -> list[str]:
        """Why the current question is asked, as MYCIN said it: first the rule that needs the
        answer, asked again the rule that one serves, and so on up to the goal. Each rule is
        named by its id and in words.

        Raises:
            UsageError: there is no question to explain.
        """
        question = self._question()
        level, self._whys = self._whys, self._whys + 1
        return _why(self.expert, question, self.goal, level)

    def _question(self) -> Question:
        question = self._current or self.next_question()
        if question is None:
            raise UsageError("there is no question to answer: nothing could change the answer")
        return question


def _typed(question: Question, value: object) -> object:
    """A typed answer with labels turned into values: ``low light`` -> ``low``;
    anything else unchanged, for the attribute to parse or refuse."""
    if not isinstance(value, str) or question.attribute.kind not in ("choice", "set"):
        return value
    by_words = {words.lower(): name for name, words in question.choices}
    by_words.update({name.lower(): name for name, _ in question.choices})
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if question.attribute.kind == "choice":
        return by_words.get(value.strip().lower(), value)
    found = [by_words.get(part.lower()) for part in parts]
    if None in found:  # values typed apart by spaces: "mist repot"
        words = value.replace(",", " ").split()
        if all(word.lower() in by_words for word in words):
            return ",".join(by_words[word.lower()] for word in words)
        return value
    return ",".join(str(name) for name in found)


def _why(expert: Expert, question: Question, goal: Goal | None, level: int) -> list[str]:
    """The lines of the ``level``-th why of ``question`` (0: the rule that needs it)."""
    knowledge = expert.knowledge
    chain = question.chain or tuple((rule, "") for rule in question.rules[:1])
    if level < len(chain):
        rule, _ = chain[level]
        if level == 0:
            lead = f"I ask about {question.attribute.title} because"
        else:
            asked = chain[level - 1][1]
            lead = f"{_title(expert, asked)} matters because"
        source = knowledge.sources.get(rule.source)
        lines = [
            f"{lead} rule {rule.id} uses it: {rule_words(knowledge, rule)}",
            f"“{rule.quote}” ({source.cite() if source else rule.source})",
        ]
        if level == 0 and len(question.rules) > 1:
            lines.append(f"({len(question.rules) - 1} more rules need it too.)")
        if level + 1 < len(chain) or question.chain:
            lines.append("(why again: what that serves)")
        return lines
    if level == 0 and question.attribute.states:
        stated = _title(expert, question.attribute.states).lower()
        return [f"I ask about {question.attribute.title} because it states {stated} outright."]
    if goal is None or not question.chain:
        return ["That is as far as the rules go."]
    if level > len(chain):
        return ["That is as far as why goes: it is the question you came with."]
    top = chain[-1][1]
    question_words = goal.says.replace("{value}", "...") or goal.attribute
    line = f"{_title(expert, top)} ({top}) is what this consultation is for"
    return [f"{line}: the answer to your question ({question_words})."]


def _title(expert: Expert, name: str) -> str:
    """An attribute in words, capitalised."""
    spec = expert.knowledge.attributes.get(name)
    words = spec.title if spec is not None else name
    return words[:1].upper() + words[1:]
