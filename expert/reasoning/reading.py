"""Reading a question typed in plain words into the facts it states and what it asks.

The words are data: the vocabulary's labels and value names, and the words people use
(``questions.toml``, :mod:`expert.model.phrasing`). A question is cut into words; articles are
dropped, hyphens and apostrophes fall away, each word is taken by its English stem
(snowball) and a word of five letters or more that the base does not know is taken as the
known word it is a small typo of (rapidfuzz). Then the longest phrases win: a value's
words state that value, an attribute's words name it (for a flag, state it; after "no" or
"without", state it false; beside a number, give the number), a question's words say what
answers. Nothing is guessed beyond that: what is not read is listed as not understood, and
a question the sources do not cover gets no answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs
import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .._support.numbers import read_count, read_number
from .._support.short_repr import fit, shown
from ..model.knowledge_base import KnowledgeBase
from ..model.phrasing import QuestionWords
from ..model.vocabulary import FactValue, SingleValue, join_words
from ..model.words import statement

__all__ = ["MAX_ALTERNATIVES", "MAX_QUESTION", "Reader", "Reading", "read_question"]

#: The longest question, in characters; a longer text is refused.
MAX_QUESTION = 2000
#: The most alternatives a question is answered for one by one (each is a consultation).
MAX_ALTERNATIVES = 6

#: Words that carry no fact: dropped before matching and never "not understood".
_FUNCTION_WORDS = frozenset(
    """a an the i im ive id me my mine we our you your it its itself they them their this that
    these those is are am be been being was were do does did doing can could should would will
    shall may might must to of for in on at by with and or but if so as than then also too
    just really very quite any some about into from up out over what whats which who how when
    where why there here have has had get got want need use using used like one ones thing
    things please tell know think much many more most well good""".split()
)
#: Words left out before matching: articles and pronouns ("where should it stand" is "where
#: should my fern stand").
_ARTICLES = frozenset(
    {"a", "an", "the", "i", "me", "my", "mine", "it", "its", "you", "your", "they", "them",
     "their", "we", "our", "this", "that", "these", "those", "he", "she", "his", "her"}
)  # fmt: skip
#: Words that state a flag named after them false ("no wet soil").
_NEGATIONS = frozenset(
    {"no", "not", "without", "dont", "doesnt", "isnt", "arent", "never", "lacks", "cant", "non"}
)
#: One-word value names too vague to state a value alone ("high" quality is no volume);
#: their labels and the base's own words still do.
_VAGUE = frozenset(
    {"high", "low", "long", "short", "none", "open", "closed", "moderate", "frequent",
     "occasional", "external", "true", "false", "light", "heavy", "quiet", "yes", "no"}
)  # fmt: skip
#: How far (in words) a number may stand from the words of the amount it gives.
_NUMBER_REACH = 3
#: The most edits (letters added, dropped or changed) for a word of at least so many letters
#: to be taken as a typo of a known word; shorter words are taken as they are.
_TYPO_EDITS = ((5, 1), (9, 2))
#: The most stems a reader remembers (the base's own words come first).
_MAX_STEMS = 20_000
_WORD = re.compile(r"\$|\d+(?:\.\d+)?|[^\W\d_]+")


@attrs.frozen
class _Meaning:
    """What a phrase means: a value of an input, the input itself, or a kind of question."""

    kind: str  # "value", "named" or "question"
    attribute: str = ""
    value: Any = None  # for a value: a word, or a flag's bool (read by kind, not narrowed)
    question: int = -1


@attrs.frozen(repr=False)
class Reading:
    """How a typed question was read.

    Attributes:
        text: the question as typed.
        facts: the facts it states, by full name, in canonical values.
        question: the kind of question recognised (what answers it), or ``None``.
        unread: the words not understood, as typed, in order.
        closest: questions the base answers that are closest to this one, for a question
            it does not cover.
        left_open: facts that take one value but were named with alternatives joined by
            "or" ("a fern or a cactus"), by full name, with the values in order:
            such a fact is not stated (the question is answered for any of them) and the
            reading says so. Values named apart ("a fern, compared to a cactus") are a
            comparison: the first named is stated.
    """

    text: str
    facts: Mapping[str, FactValue] = attrs.field(factory=dict)
    question: QuestionWords | None = None
    unread: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()
    left_open: Mapping[str, tuple[SingleValue, ...]] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        count = len(self.facts)
        parts = [f"{count} fact{'' if count == 1 else 's'}"]
        if self.question is not None and self.question.attributes:
            parts.append(f"asks {self.question.attributes[0]}")
        if not self.covered:
            parts.append("not covered")
        if self.unread:
            parts.append(f"{len(self.unread)} unread")
        said = ", ".join(parts)
        text = shown(self.text, 119 - len("Reading(: )") - len(said))
        return fit(f"Reading({text}: {said})")

    @property
    def covered(self) -> bool:
        """Whether the sources may answer the question (it states a fact, or asks a kind of
        question they answer)."""
        if self.question is not None:
            return bool(self.question.attributes)
        return bool(self.facts)

    def choices(self) -> list[dict[str, FactValue]]:
        """The facts left open, stated one way each: every combination of the alternatives
        named, in the order named; none when there are more than :data:`MAX_ALTERNATIVES`."""
        combinations: list[dict[str, FactValue]] = [{}] if self.left_open else []
        for name, values in self.left_open.items():
            combinations = [{**c, name: value} for c in combinations for value in values]
            if len(combinations) > MAX_ALTERNATIVES:
                return []
        return combinations

    def read_as(
        self, knowledge: KnowledgeBase, facts: Mapping[str, FactValue] | None = None
    ) -> str:
        """The reading in words: ``I read this as: a fern in low light; you ask where
        to put it.`` With ``facts`` (all the facts the
        question was answered on), those known before it are named too."""
        parts = [statement(knowledge, dict(self.facts))] if self.facts else []
        if self.question is not None and self.question.reads:
            parts.append(self.question.reads)
        if not parts:
            parts.append("nothing the sources speak of")
        text = f"I read this as: {'; '.join(parts)}."
        if self.left_open:
            named = "; ".join(
                f"{knowledge.attributes[name].label} "
                f"({join_words((knowledge.attributes[name].word(v) for v in values), 'or')})"
                for name, values in self.left_open.items()
            )
            text += f" Left open, as you named more than one: {named}."
        if self.unread:
            text += f" Not understood: {', '.join(self.unread)}."
        before = {n: v for n, v in (facts or {}).items() if n not in self.facts}
        if before:
            text += f" With what you said before: {statement(knowledge, before)}."
        return text

    def to_dict(self, goal: str | None = None) -> dict[str, Any]:
        """JSON-ready: text, facts (sets as sorted lists), the goal answering, the words
        not understood, the closest questions the base answers and the facts left open
        (each with the values named)."""
        from ..model.vocabulary import json_value

        return {
            "text": self.text,
            "facts": {name: json_value(value) for name, value in self.facts.items()},
            "goal": goal,
            "unread": list(self.unread),
            "closest": list(self.closest),
            "left_open": {
                name: [json_value(value) for value in values]
                for name, values in self.left_open.items()
            },
        }


class Reader:
    """Reads questions against one knowledge base (build it once: it indexes the words)."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self._stemmer = snowballstemmer.stemmer("english")
        self._stems: dict[str, str] = {}
        self._index: dict[tuple[str, ...], list[_Meaning]] = {}
        self._known: dict[str, None] = {}  # every word of a phrase, as written
        self._longest = 1
        phrasing = knowledge.phrasing
        for name, attribute in knowledge.inputs.items():
            named = [attribute.label, *phrasing.attribute_words.get(name, ())]
            for phrase in named:
                self._add(phrase, _Meaning("named", name))
            if attribute.kind == "amount":
                continue
            words = phrasing.value_words.get(name, {})
            for value in attribute.words():
                phrases = [*words.get(value, ())]
                if attribute.kind != "flag":
                    phrases.append(attribute.labels.get(value, ""))
                    if value not in _VAGUE:
                        phrases.append(value)
                typed: SingleValue = value == "true" if attribute.kind == "flag" else value
                for phrase in phrases:
                    self._add(phrase, _Meaning("value", name, typed))
        for number, question in enumerate(phrasing.questions):
            for phrase in question.words:
                self._add(phrase, _Meaning("question", question=number))
        self._known_words = list(self._known)
        self._known_stems = {stem for key in self._index for stem in key}

    # -- words ----------------------------------------------------------------------------

    def _words(self, text: str) -> list[str]:
        """The words of ``text``: lower case, apostrophes dropped, articles left out."""
        text = unicodedata.normalize("NFKC", text).lower()
        text = text.replace("’", "").replace("'", "")
        return [word for word in _WORD.findall(text) if word not in _ARTICLES]

    def _stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = str(self._stemmer.stemWord(word))
            if len(self._stems) < _MAX_STEMS:  # bounded: questions bring any word
                self._stems[word] = stem
        return stem

    def _add(self, phrase: str, meaning: _Meaning) -> None:
        words = self._words(phrase)
        if not words:
            return
        self._known.update(dict.fromkeys(words))
        key = tuple(self._stem(word) for word in words)
        meanings = self._index.setdefault(key, [])
        if meaning not in meanings:
            meanings.append(meaning)
        self._longest = max(self._longest, len(key))

    def _correct(self, word: str, stems: set[str]) -> str:
        """``word``, or the known word it is a small typo of."""
        if len(word) < _TYPO_EDITS[0][0] or word in _FUNCTION_WORDS or self._stem(word) in stems:
            return word
        edits = max(most for length, most in _TYPO_EDITS if len(word) >= length)
        found = process.extractOne(
            word, self._known_words, scorer=Levenshtein.distance, score_cutoff=edits
        )
        return str(found[0]) if found else word

    # -- reading --------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        """Read ``text``: the facts it states, the kind of question, what is not understood.

        Raises:
            UsageError: the text is not a string, is empty, or is too long.
        """
        from ..errors import UsageError

        if not isinstance(text, str) or not text.strip():
            examples = self.knowledge.phrasing.examples()
            example = f", e.g. {examples[0]!r}" if examples else ""
            raise UsageError(f"a question is a sentence in words{example}")
        if len(text) > MAX_QUESTION:
            raise UsageError(f"a question has at most {MAX_QUESTION} characters")
        words = self._words(text)
        words = [self._correct(word, self._known_stems) for word in words]
        stems = [self._stem(word) for word in words]
        spans = self._spans(stems)
        facts: dict[str, Any] = {}
        # The value named for a fact taking one, and its "or"s.
        named: dict[str, list[SingleValue]] = {}
        named_end: dict[str, int] = {}  # where the last value named for it ends
        sets: dict[str, list[str]] = {}
        used: set[int] = set()
        question: tuple[int, int] | None = None  # (length, index) of the longest question
        cues: list[tuple[int, str]] = []  # where an amount is named
        for start, end, meanings in spans:
            used.update(range(start, end))
            negated = any(word in _NEGATIONS for word in words[max(0, start - 2) : start])
            meaning = meanings[0]  # a phrase of two inputs is the first one's
            if meaning.kind == "question":
                if question is None or end - start > question[0]:
                    question = (end - start, meaning.question)
                continue
            attribute = self.knowledge.inputs[meaning.attribute]
            if attribute.kind == "amount":
                cues.append((start, meaning.attribute))
                cues.append((end - 1, meaning.attribute))
            elif attribute.kind == "flag":
                value = True if meaning.kind == "named" else bool(meaning.value)
                _name(named, named_end, words, meaning.attribute, value != negated, start, end)
            elif meaning.kind == "value" and attribute.kind == "set":
                sets.setdefault(meaning.attribute, [])
                if meaning.value not in sets[meaning.attribute]:
                    sets[meaning.attribute].append(meaning.value)
            elif meaning.kind == "value":
                _name(named, named_end, words, meaning.attribute, meaning.value, start, end)
        # One value named states the fact; several leave it open rather than pick one.
        left_open = {name: tuple(values) for name, values in named.items() if len(values) > 1}
        facts.update({name: values[0] for name, values in named.items() if len(values) == 1})
        if question is None:
            # A question's words may stand around the facts ("where should my fern stand"):
            # look for them again among the words no fact took.
            rest = [place for place in range(len(words)) if place not in used]
            for start, end, meanings in self._spans([stems[p] for p in rest]):
                kinds = [m for m in meanings if m.kind == "question"]
                if kinds and (question is None or end - start > question[0]):
                    question = (end - start, kinds[0].question)
                    used.update(rest[start:end])
        for place, word in enumerate(words):
            # The one reading of a number typed (a whole one stays an int): str.isdigit()
            # takes digits, such as Ethiopic ones, that int() does not read.
            read = _number(word)
            if place in used or read is None:
                continue
            near = [
                (abs(place - at), name)
                for at, name in cues
                if abs(place - at) <= _NUMBER_REACH and name not in facts
            ]
            if near:
                facts[min(near)[1]] = read
                used.add(place)
        for name, members in sets.items():
            facts[name] = frozenset(members)
        ordered = {name: facts[name] for name in self.knowledge.inputs if name in facts}
        unread = tuple(
            word
            for place, word in enumerate(words)
            if place not in used
            and word not in _FUNCTION_WORDS
            and word not in _NEGATIONS
            and word != "$"
            and _number(word) is None
        )
        phrasing = self.knowledge.phrasing
        kind = phrasing.questions[question[1]] if question is not None else None
        if kind is not None:
            # A fact stating what the question asks ("with brown tips, is it still a
            # fern?") is what it asks about, not a given: it would answer itself.
            inputs = self.knowledge.inputs
            ordered = {n: v for n, v in ordered.items() if inputs[n].states not in kind.attributes}
        opened = {name: left_open[name] for name in self.knowledge.inputs if name in left_open}
        reading = Reading(text, ordered, kind, unread, left_open=opened)
        # The closest questions are offered only with no answer.
        return reading if reading.covered else attrs.evolve(reading, closest=self.closest(text))

    def _spans(self, stems: list[str]) -> list[tuple[int, int, list[_Meaning]]]:
        """The phrases found in ``stems``, the longest first where they overlap, then in
        the order of the text."""
        found = [
            (start, start + length, self._index[key])
            for start in range(len(stems))
            for length in range(1, min(self._longest, len(stems) - start) + 1)
            if (key := tuple(stems[start : start + length])) in self._index
        ]
        found.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken: set[int] = set()
        chosen = []
        for start, end, meanings in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                chosen.append((start, end, meanings))
        return sorted(chosen, key=lambda span: span[0])

    def closest(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """The example questions of the base closest to ``text``."""
        examples = self.knowledge.phrasing.examples()
        found = process.extract(text, examples, scorer=fuzz.WRatio, limit=limit,
                                processor=str.lower)  # fmt: skip
        return tuple(str(match[0]) for match in found)


def read_question(knowledge: KnowledgeBase, text: str) -> Reading:
    """Read ``text`` against ``knowledge`` (builds a :class:`Reader`; keep one to read many)."""
    return Reader(knowledge).read(text)


def _name(
    named: dict[str, list[SingleValue]],
    named_end: dict[str, int],
    words: list[str],
    attribute: str,
    value: SingleValue,
    start: int,
    end: int,
) -> None:
    """Note ``value`` named for ``attribute`` at ``words[start:end]``: the first value named,
    or an alternative to the last one if only "or" stands between them ("fern or
    cactus"); a value named apart from it is what the first is compared with, not noted."""
    values = named.get(attribute)
    if values is None:
        named[attribute] = [value]
    elif words[named_end[attribute] : start] == ["or"]:
        if value not in values:
            values.append(value)
    else:
        return
    named_end[attribute] = end


def _number(word: str) -> int | float | None:
    """The number a word of a question writes (digits, not ``nan``): an int when whole,
    else a float."""
    if not word[:1].isdecimal():
        return None
    whole = read_count(word)
    return whole if whole is not None else read_number(word)
