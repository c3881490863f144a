"""The knowledge base as data: its rules, vocabulary, sources, goals and words, and the facts
it lets a person state (:func:`expert.kb.load.load` reads one from files).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .._support.short_repr import fit, shown
from ..errors import KnowledgeBaseError, brief, suggest
from .goals import Goal
from .phrasing import Phrasing
from .rules import RuleSpec, Source
from .stated_facts import GivenFacts, state_facts
from .vocabulary import Attribute, FactValue, Group, SingleValue


@attrs.frozen(repr=False)
class KnowledgeBase:
    """Rules, the attributes they use and the sources they cite, loaded and validated."""

    #: Every rule: the topic files in name order, each one's rules in file order.
    rules: tuple[RuleSpec, ...]
    #: The vocabulary: every attribute, input and concluded, by full name (``vocabulary.toml``
    #: first, then the topic files' own ``[attributes]``).
    attributes: Mapping[str, Attribute]
    #: The articles cited, by key (``rules/sources.toml``).
    sources: Mapping[str, Source]
    #: The directory the base was loaded from.
    path: str
    #: Each topic's one-line summary, by topic (a topic file's ``summary``).
    topics: Mapping[str, str] = attrs.field(factory=dict)
    #: What consultations are for: which verdict answers which stated groups of facts.
    goals: tuple[Goal, ...] = ()
    #: Words for the groups of facts (``[groups.<name>]`` in the vocabulary), by group.
    group_words: Mapping[str, Group] = attrs.field(factory=dict)
    #: The words people use for its facts and questions (``questions.toml``).
    phrasing: Phrasing = attrs.field(factory=Phrasing)
    #: The SHA-256 of every file the base was read from (rule files, vocabulary, sources,
    #: goals, questions, articles), by path within :attr:`path` (``articles/houseplants.txt``).
    files: Mapping[str, str] = attrs.field(factory=dict)
    #: The attributes a user states (``input = true``), by full name, in vocabulary order.
    inputs: Mapping[str, Attribute] = attrs.field(init=False, repr=False, eq=False)

    @inputs.default
    def _inputs(self) -> Mapping[str, Attribute]:
        return {name: a for name, a in self.attributes.items() if a.input}

    #: The verdict a catalogue's label is checked against (``catalogue_label = true`` in
    #: the vocabulary), or ``None`` when the base declares none.
    catalogue_label: str | None = attrs.field(init=False, repr=False, eq=False)

    @catalogue_label.default
    def _labelled(self) -> str | None:
        return next((n for n, a in self.attributes.items() if a.catalogue_label), None)

    #: Each attribute's place in the vocabulary (the order facts are said back in).
    attribute_order: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)

    @attribute_order.default
    def _places(self) -> Mapping[str, int]:
        return {name: place for place, name in enumerate(self.attributes)}

    _verdict_attributes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    #: The inputs that state a concluded attribute outright, with that attribute.
    _stating: Mapping[str, Attribute] = attrs.field(init=False, repr=False, eq=False)

    @_stating.default
    def _statements(self) -> Mapping[str, Attribute]:
        return {
            name: self.attributes[attribute.states]
            for name, attribute in self.attributes.items()
            if attribute.states
        }

    _by_id: Mapping[str, RuleSpec] = attrs.field(init=False, repr=False, eq=False)

    @_by_id.default
    def _index(self) -> Mapping[str, RuleSpec]:
        return {rule.id: rule for rule in self.rules}

    @_verdict_attributes.default
    def _verdict_names(self) -> tuple[str, ...]:
        return tuple(n for n, a in self.attributes.items() if a.concluded and not a.note)

    def __repr__(self) -> str:
        return fit(
            f"KnowledgeBase({len(self.rules)} rules, {len(self.sources)} sources, "
            f"{len(self.attributes)} attributes, {shown(self.path, 60)})"
        )

    def state(self, facts: GivenFacts, *, strings: bool = False) -> dict[str, FactValue]:
        """Validate stated facts: full (or unambiguous short) names to canonical values
        (:func:`~expert.model.stated_facts.state_facts`; ``strings`` is kept for compatibility).

        Raises:
            FactError: an unknown name, a fact given twice or a value outside the vocabulary.
        """
        return state_facts(self.inputs, facts, strings=strings)

    def rule(self, rule_id: str) -> RuleSpec:
        """The rule with this id.

        Raises:
            KnowledgeBaseError: no such rule (with the closest id as suggestion).
        """
        found = self._by_id.get(rule_id)
        if found is not None:
            return found
        raise KnowledgeBaseError(
            f"no rule {brief(rule_id)}", suggestion=suggest(rule_id, (r.id for r in self.rules))
        )

    def by_topic(self) -> dict[str, list[RuleSpec]]:
        """Rules grouped by topic, in file order."""
        grouped: dict[str, list[RuleSpec]] = {}
        for rule in self.rules:
            grouped.setdefault(rule.topic, []).append(rule)
        return grouped

    def concluders(self, attribute: str, value: SingleValue | None = None) -> list[RuleSpec]:
        """Rules that conclude ``attribute`` (with ``value``, when given)."""
        return [
            rule
            for rule in self.rules
            if any(
                c.attribute == attribute and (value is None or c.value == value)
                for c in rule.conclusions
            )
        ]

    def concluded_attributes(self) -> list[str]:
        """Names of the attributes rules conclude, in vocabulary order."""
        return [name for name, attribute in self.attributes.items() if attribute.concluded]

    def verdict_attributes(self) -> list[str]:
        """Names of the attributes verdicts are about: concluded and not notes."""
        return [
            name
            for name, attribute in self.attributes.items()
            if attribute.concluded and not attribute.note
        ]

    def implied(self, facts: Mapping[str, FactValue]) -> dict[str, tuple[str | None, str]]:
        """The conclusions ``facts`` state outright (an input that ``states`` a concluded
        attribute): concluded attribute -> (value, the input that stated it). The value is
        ``None`` when the stated one is none of the attribute's values (an orchid for a
        kind that is fern or cactus): then no value of it holds."""
        found: dict[str, tuple[str | None, str]] = {}
        for name, target in self._stating.items():
            value = facts.get(name)
            if value is not None:
                found[target.name] = (value if value in target.values else None, name)
        return found

    def oppositions(self) -> tuple[tuple[tuple[str, str], tuple[str, str]], ...]:
        """Every pair of concluded values that cannot both hold (``opposes``): ((attribute,
        value) of the declaring attribute, (attribute, value) opposed)."""
        pairs = []
        for attribute in self.attributes.values():
            opposition = attribute.opposes
            if opposition is None:
                continue
            other = self.attributes[opposition.attribute]
            for value in attribute.values:
                if opposition.values:
                    theirs: tuple[str, ...] = opposition.values.get(value, ())
                else:
                    theirs = (value,) if value in other.values else ()
                pairs += [((attribute.name, value), (other.name, t)) for t in theirs]
        return tuple(pairs)

    def groups(self) -> tuple[str, ...]:
        """The attribute groups (``plant``, ``care``, ...), in vocabulary order."""
        return tuple(dict.fromkeys(attribute.group for attribute in self.attributes.values()))
