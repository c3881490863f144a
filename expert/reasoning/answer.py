"""The answer of a consultation: what the person came to know, in their words, first.

The declared goal (:mod:`expert.model.goals`) says which verdict answers. When that verdict is
missing, the answer is the strongest conclusion that bears on what was stated (it rests on a
stated fact, through the rules that drew it), and only when nothing at all was concluded is
there no answer. The answer carries its value, certainty, a sentence in the vocabulary's
words, and its strongest reasons: the rules citing an article about the stated facts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .._support.short_repr import cf, fit, shown
from ..errors import KnowledgeBaseError
from ..kb.gaps import Known, read_policy
from ..model.display import ShownInNotebook
from ..model.goals import Goal, choose_goal, fitting_goals
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Firing, Member, Note, Outcome, Verdict
from ..model.vocabulary import (
    Attribute,
    FactValue,
    SingleValue,
    VerdictValue,
    join_words,
    json_value,
    values_of,
)
from ..model.words import capitalised, certainty_words, group_words

if TYPE_CHECKING:
    from .reading import Reading

__all__ = [
    "STRONG",
    "Alternative",
    "Answer",
    "answer_of",
    "depends_on",
    "known_gaps",
    "reasons_of",
    "rests_on",
]

#: Members of a set answer at least this sure are the answer; weaker ones are "possibly".
STRONG = 0.5


@attrs.frozen(repr=False)
class Answer(ShownInNotebook):
    """The answer that heads a consultation's report.

    Attributes:
        attribute: the verdict answering (``assessment.fit``), or ``None`` when nothing was
            concluded.
        value: its value; for a set, the tuple of members that answer; ``None`` without one.
        certainty: how sure (for a set, its weakest member that answers).
        text: the answer as a sentence in plain words, with its certainty in words.
        because: its strongest reasons, each a rule firing that cites an article about the
            stated facts (for a fit drawn from concerns, the concerns' own reasons).
        goal: the consultation's declared goal, if the base declares goals; its attribute
            differs from ``attribute`` when the goal's verdict was missing.
        stated_by: the input the person stated the answer by, when it is what they said.
        alternatives: for a question naming alternatives it leaves open ("a fern or a
            cactus"), the answer with each stated. When they all give one value,
            the answer is theirs (at the weakest certainty); when they differ, it has no
            value of its own and its text says what it depends on.
    """

    attribute: str | None
    value: VerdictValue | None
    certainty: float
    text: str
    because: tuple[Firing, ...] = ()
    goal: Goal | None = None
    stated_by: str = ""
    #: The goal whose verdict answers: ``goal`` itself, or a more general one that holds
    #: for the stated facts when ``goal`` has no verdict (``None``: no goal answered).
    by: Goal | None = None
    alternatives: tuple[Alternative, ...] = ()

    def __repr__(self) -> str:
        if self.value is None:
            return fit(f"Answer({self.attribute}, {shown(self.text, 100)})")
        return fit(f"Answer({self.attribute}={shown(self.value, 60)}, {cf(self.certainty)})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: attribute, value, certainty, text and because (rule, source, quote)."""
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        data: dict[str, Any] = {
            "attribute": self.attribute,
            "value": value,
            "certainty": round(self.certainty, 4),
            "text": self.text,
            "because": [
                {"rule": f.rule, "source": f.source, "quote": f.quote} for f in self.because
            ],
        }
        if self.stated_by:
            data["stated_by"] = self.stated_by
        if self.alternatives:
            data["alternatives"] = [alternative.to_dict() for alternative in self.alternatives]
        return data


@attrs.frozen
class Alternative:
    """The answer for one alternative a question named for a fact it leaves open.

    Attributes:
        facts: the alternative: the facts left open, each stated one way, by full name.
        answer: the answer with them stated.
    """

    facts: Mapping[str, FactValue]
    answer: Answer

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the facts (sets as sorted lists), then the answer's own keys."""
        facts = {name: json_value(value) for name, value in self.facts.items()}
        return {"facts": facts, **self.answer.to_dict()}

    def words(self, knowledge: KnowledgeBase) -> str:
        """The alternative in the vocabulary's words (``by cable``)."""
        return ", ".join(knowledge.attributes[n].word(v) for n, v in self.facts.items())


def answer_of(result: Outcome) -> Answer:
    """The answer of ``result``: for a question typed in words, the verdict its kind asks
    for; else its goal's verdict, else the strongest conclusion bearing on what was stated,
    else none."""
    knowledge = result.knowledge
    if result.question is not None and result.alternatives:
        return _answer_each(result, result.question)
    if result.question is not None:
        asked = _answer_asked(result, result.question)
        if asked is not None:
            return asked
    goal = choose_goal(knowledge.goals, result.facts)
    # The goal's verdict; without one, that of the next goal that holds, those for the
    # groups the goal serves (its `for`) first: with facts of two groups and no answer for
    # both, the answer for the group it serves.
    fitting = fitting_goals(knowledge.goals, result.facts)
    if goal is not None and goal.for_:
        fitting.sort(key=lambda g: g is not goal and not set(g.when) <= set(goal.for_))
    for by in fitting:
        if by.attribute in result:
            verdict = result.verdict(by.attribute)
            chosen = _top(verdict.members) if verdict.members else verdict.value
            return _answer(result, verdict, chosen, goal, by)
    found = _strongest(result)
    if found is None:
        text = "No answer: nothing the rules know applies to what you said."
        known = [gap.reason for gap in known_gaps(knowledge) if gap.stated_in(result.facts)]
        if known:
            text += f" The sources say nothing there: {known[0]}."
        return Answer(None, None, 0.0, text, (), goal)
    verdict, strongest = found
    members = [strongest] if isinstance(strongest, Member) else strongest
    return _answer(result, verdict, members, goal)


def _answer_each(result: Outcome, reading: Reading) -> Answer:
    """The answer to a question that named alternatives: theirs if they agree, else an
    answer saying what it depends on, with each alternative's."""
    knowledge = result.knowledge
    each = tuple(
        Alternative({name: one.facts[name] for name in reading.left_open}, answer_of(one))
        for one in result.alternatives
    )
    answers = [alternative.answer for alternative in each]
    first = answers[0]
    if first.value is not None and all(
        (a.attribute, a.value) == (first.attribute, first.value) for a in answers
    ):
        weakest = min(answers, key=lambda a: a.certainty)
        named = join_words((a.words(knowledge) for a in each), "or")
        text = f"{weakest.text.removesuffix('.')}, whichever you meant: {named}."
        return attrs.evolve(weakest, text=text, stated_by="", alternatives=each)
    sentences = " ".join(f"{capitalised(a.words(knowledge))}: {a.answer.text}" for a in each)
    attributes = {a.attribute for a in answers}
    return Answer(
        attributes.pop() if len(attributes) == 1 else None,
        None,
        0.0,
        f"{depends_on(knowledge, reading)}. {sentences}",
        (),
        first.goal,
        alternatives=each,
    )


def depends_on(knowledge: KnowledgeBase, reading: Reading) -> str:
    """What answers differing by alternative depend on: ``It depends on the connection``."""
    labels = join_words(knowledge.attributes[name].label for name in reading.left_open)
    return f"It depends on the {labels}"


def _answer_asked(result: Outcome, reading: Reading) -> Answer | None:
    """The answer to a question typed in words, or ``None`` when only its facts say what it
    asks (the goal of the facts then answers). No answer is invented: a question the sources
    do not cover, or whose verdict was not concluded, gets none."""
    if not reading.covered:
        return Answer(None, None, 0.0, "No answer: the sources do not say.")
    if reading.question is None:
        return None
    fitting = fitting_goals(result.knowledge.goals, result.facts)
    for attribute in _named_first(result, reading):
        goal = next((g for g in fitting if g.attribute == attribute), Goal((), attribute))
        if attribute in result:
            verdict = result.verdict(attribute)
            # Of a set, the members resting on what was asked answer first: advice that
            # holds whatever was stated ("decide what you need it for") does not hide them.
            bearing = [m for m in verdict.members if rests_on(result, m.because)]
            chosen = _top(bearing or list(verdict.members)) if verdict.members else verdict.value
            return _answer(result, verdict, chosen, goal, goal)
        notes = [note for note in result.notes if note.attribute == attribute]
        if notes:
            return _answer_note(result, notes, goal)
    goal = Goal((), reading.question.attributes[0])
    what = f" ({reading.question.reads})" if reading.question.reads else ""
    return Answer(
        None, None, 0.0, f"No answer: nothing the sources say answers this{what} for what "
        "you said.", (), goal
    )  # fmt: skip


def _answer_note(result: Outcome, notes: list[Note], goal: Goal) -> Answer:
    """The answer to a question about a whole class of things ("do ferns like
    low light?"): what the articles say of the class, the surest first."""
    attribute = result.knowledge.attributes[notes[0].attribute]
    # What the question names comes first ("do all cacti need sun?"), then
    # the surest.
    asked = _word_starts(result.question.text if result.question is not None else "")
    notes = sorted(
        notes,
        key=lambda note: (
            -len(asked & _word_starts(" ".join(map(attribute.word, values_of(note.value))))),
            -note.certainty,
        ),
    )
    values: list[SingleValue] = []
    for note in notes:
        for one in values_of(note.value):
            if one not in values:
                values.append(one)
    value = tuple(map(str, values)) if attribute.multi else values[0]  # a set's values: words
    by_rule = {f.rule: f for f in result.firings}
    because = tuple(dict.fromkeys(by_rule[note.rule] for note in notes if note.rule in by_rule))[
        :4
    ]
    sentence = _sentence(attribute, value)
    text = _sure(sentence, certainty_words(notes[0].certainty))
    return Answer(attribute.name, value, notes[0].certainty, text, because, goal, "", goal)


def _named_first(result: Outcome, reading: Reading) -> list[str]:
    """The attributes answering a question, those of a class the question names first
    ("do ferns like shade?": what the articles say of ferns, then of the other classes)."""
    assert reading.question is not None
    asked = _word_starts(reading.text)
    knowledge = result.knowledge

    def named(attribute: str) -> bool:
        spec = knowledge.attributes[attribute]
        return spec.note and bool(asked & _word_starts(group_words(knowledge, spec.group)))

    return sorted(reading.question.attributes, key=lambda attribute: not named(attribute))


def _word_starts(text: str) -> set[str]:
    """The first five letters of each word of four letters or more: enough to find a
    value's words in a question ("repotted", "repotting" and "repots")."""
    return {word[:5] for word in re.findall(r"[a-z]{4,}", text.lower())}


def known_gaps(knowledge: KnowledgeBase) -> tuple[Known, ...]:
    """The gaps the base admits (``gaps.toml``), none when it declares none or a broken one
    (``expert check --gaps`` reports that)."""
    try:
        return read_policy(knowledge).known
    except KnowledgeBaseError:
        return ()


def _top(members: Sequence[Member]) -> list[Member]:
    """The members a set answer names: those as sure as the surest, in words (``certain``);
    the others are listed after it."""
    band = certainty_words(members[0].certainty).split(",")[0]
    return [m for m in members if certainty_words(m.certainty).split(",")[0] == band]


def _answer(
    result: Outcome,
    verdict: Verdict,
    chosen: list[Member] | VerdictValue,
    goal: Goal | None,
    by: Goal | None = None,
) -> Answer:
    """The answer of ``verdict``: one value, or the members ``chosen`` of a set."""
    attribute = result.knowledge.attributes[verdict.attribute]
    if isinstance(chosen, list):  # members of a set
        value: VerdictValue = tuple(member.value for member in chosen)
        certainty = min(member.certainty for member in chosen)
        firings = sorted(
            {f for member in chosen for f in member.because},
            key=lambda f: (-abs(f.certainty), f.rule),
        )
    else:
        value, certainty, firings = chosen, verdict.certainty, list(verdict.because)
    sentence = by.sentence(value, attribute) if by is not None else _sentence(attribute, value)
    if verdict.stated_by:
        sure = "as you said"
    else:
        sure = certainty_words(certainty)
    because = reasons_of(result, firings)
    return Answer(
        verdict.attribute,
        value,
        certainty,
        _sure(sentence, sure),
        because,
        goal,
        verdict.stated_by,
        by,
    )


def _sure(sentence: str, sure: str) -> str:
    """``sentence`` with how sure it is: ``Put it in a bright window (certain).`` (a value's
    words that end a sentence themselves, ``Charge the battery.``, keep one full stop)."""
    return f"{capitalised(sentence.removesuffix('.'))} ({sure})."


def _sentence(attribute: Attribute, value: VerdictValue) -> str:
    if attribute.says:
        return attribute.says.replace("{value}", attribute.words_of(value))
    return f"{attribute.title}: {attribute.words_of(value)}"


def _strongest(result: Outcome) -> tuple[Verdict, Member | VerdictValue] | None:
    """The strongest concluded value (a member, for a set) that rests on a stated fact;
    without one, the strongest concluded value at all."""
    candidates: list[tuple[float, int, Verdict, Member | VerdictValue]] = []
    for place, verdict in enumerate(result.verdicts):
        if verdict.members:
            candidates += [(m.certainty, place, verdict, m) for m in verdict.members]
        else:
            candidates.append((verdict.certainty, place, verdict, verdict.value))
    if not candidates:
        return None
    bearing = [
        c
        for c in candidates
        if rests_on(result, c[3].because if isinstance(c[3], Member) else c[2].because)
    ]
    _, _, verdict, chosen = min(bearing or candidates, key=lambda c: (-c[0], c[1]))
    return verdict, chosen


def rests_on(result: Outcome, firings: tuple[Firing, ...] | list[Firing]) -> set[str]:
    """The stated facts ``firings`` rest on, directly or through the conclusions they
    matched."""
    found: set[str] = set()
    seen: set[tuple[str, FactValue]] = set()
    implied = result.knowledge.implied(result.facts)
    todo = list(firings)
    while todo:
        firing = todo.pop()
        for name, value in firing.matched:
            if name in result.facts:
                found.add(name)
            elif name in implied and implied[name][0] == value:
                found.add(implied[name][1])  # stated outright (plant.species for plant.kind)
            elif (name, value) not in seen:
                seen.add((name, value))
                todo += result.support(name, value)
    return found


def reasons_of(
    result: Outcome, firings: tuple[Firing, ...] | list[Firing], limit: int = 4
) -> tuple[Firing, ...]:
    """The strongest of ``firings`` that cite an article about the stated facts: for a
    firing drawn from other conclusions (a fit from concerns), those conclusions' own
    reasons, strongest first. One level down only: a concern's reason is its own rule,
    not the rules that concluded its premises."""
    found: list[Firing] = []
    seen: set[str] = set()
    implied = result.knowledge.implied(result.facts)
    frontier = [(firing, 0) for firing in firings]
    while frontier and len(found) < limit:
        firing, depth = frontier.pop(0)
        if firing.rule in seen or not firing.certainty:
            continue
        seen.add(firing.rule)
        concluded = [
            (a, v)
            for a, v in firing.matched
            if a not in result.facts and not (a in implied and implied[a][0] == v)
        ]
        if not concluded or depth:
            found.append(firing)
            continue
        deeper = sorted(
            (f for a, v in concluded for f in result.support(a, v)),
            key=lambda f: (-abs(f.certainty), f.rule),
        )
        frontier = [(f, 1) for f in deeper] + frontier
    return tuple(found)
