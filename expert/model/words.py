"""Words for people: a knowledge base's labels applied to facts, values, certainties and
sources, so that reports and prompts speak in them instead of ids.

The words are data (``label``, ``labels`` and ``says`` in the vocabulary, ``[groups.<name>]``,
a source's ``label``); where a base gives none, the ids are shown as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .._support.short_repr import cf
from .certainty import HEDGES
from .knowledge_base import KnowledgeBase
from .rules import Condition, RuleSpec
from .vocabulary import Attribute, FactValue, SingleValue, join_words, show_value

__all__ = [
    "SHORT_QUOTE",
    "capitalised",
    "certainty_words",
    "condition_words",
    "group_words",
    "member_words",
    "rule_words",
    "short_quote",
    "source_words",
    "stated_subject",
    "statement",
    "tested",
    "you_said",
]

#: The words for a certainty, by the lowest certainty they stand for: the articles' own
#: hedges (rule-format.md), so that a combined certainty reads as the hedge it reaches.
_BANDS = (
    (HEDGES["definite"], "certain"),
    (0.9, "very likely"),
    (HEDGES["usually"], "likely"),
    (HEDGES["often"], "fairly likely"),
    (HEDGES["can"], "possible"),
    (0.0, "weakly"),
)


#: The longest short quote, in characters, before it is cut at a word.
SHORT_QUOTE = 110


def short_quote(quote: str, limit: int = SHORT_QUOTE) -> str:
    """The first of a rule's quotes, cut at a word boundary with an ellipsis if long."""
    first = quote.split(" … ", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def certainty_words(certainty: float) -> str:
    """A certainty in words, with the figure where it is not plain: ``certain``, ``likely,
    0.80``, ``possible, 0.40``; evidence against reads ``unlikely, -0.40``."""
    if certainty < 0:
        return f"unlikely, {cf(certainty)}"
    for lowest, words in _BANDS:
        if certainty >= lowest - 1e-9:
            return words if words == "certain" else f"{words}, {cf(certainty)}"
    return f"weakly, {cf(certainty)}"  # pragma: no cover - the last band takes 0


def capitalised(text: str) -> str:
    """The text with its first letter in capitals (a sentence from a ``says`` template)."""
    return text[:1].upper() + text[1:]


def group_words(knowledge: KnowledgeBase, group: str) -> str:
    """A group of facts in words: its ``label``, else its name."""
    words = knowledge.group_words.get(group)
    return words.label if words is not None and words.label else group.replace("_", " ")


def stated_subject(knowledge: KnowledgeBase, facts: Mapping[str, FactValue]) -> str:
    """What the stated facts are about, pointed at: ``this plant`` for a ``plant`` group
    labelled ``a plant`` (the first stated group with a label), else ``what you stated``."""
    groups = dict.fromkeys(knowledge.attributes[name].group for name in facts)
    for group in groups:
        words = knowledge.group_words.get(group)
        if words is not None and words.label:
            noun = re.sub(r"^(?:an?|the) ", "", words.label)
            return f"this {noun}"
    return "what you stated"


def source_words(knowledge: KnowledgeBase, key: str) -> str:
    """A cited source in a few words: its ``label``, else its key."""
    source = knowledge.sources.get(key)
    return source.label if source is not None and source.label else key


def you_said(knowledge: KnowledgeBase, facts: Mapping[str, FactValue]) -> str:
    """What the person stated, as one sentence: ``You said: a fern in low light,
    with yellow leaves.``"""
    if not facts:
        return "You said nothing yet."
    return f"You said: {statement(knowledge, facts)}."


def statement(knowledge: KnowledgeBase, facts: Mapping[str, FactValue]) -> str:
    """Stated facts as one noun phrase: ``a plant in low light, with yellow leaves``.

    The subject is the stated value of an input that names its group (``named_by``: a
    stated ``plant.kind`` reads "a fern"), else the label of the first stated group;
    each other fact follows as its ``says`` phrase, in the vocabulary's order (the order its
    author wrote the inputs in, as a person would say them), whatever order they came in.
    """
    subject = ""
    phrases: list[str] = []
    plain = True  # the first phrase follows the subject as its `says` reads ("with ...")
    place = knowledge.attribute_order
    for name, value in sorted(facts.items(), key=lambda item: place.get(item[0], len(place))):
        attribute = knowledge.attributes[name]
        group = knowledge.group_words.get(attribute.group)
        if group is not None and group.named_by == name and not subject:
            subject = attribute.words_of(value)
        else:
            plain = plain if phrases else bool(attribute.says)
            phrases.append(attribute.phrase(value))
    if not subject:
        groups = dict.fromkeys(knowledge.attributes[name].group for name in facts)
        subject = next(
            (group_words(knowledge, g) for g in groups if g in knowledge.group_words), ""
        )
    said = ", ".join(phrases)
    if subject and said:
        return f"{subject}{' ' if plain else ', '}{said}"
    return subject or said


def member_words(attribute: Attribute, values: Iterable[SingleValue]) -> str:
    """Values of one attribute in words, joined as a sentence lists them."""
    return join_words(attribute.word(value) for value in values)


def tested(
    knowledge: KnowledgeBase, conditions: Iterable[Condition], stated: Mapping[str, FactValue]
) -> dict[str, FactValue]:
    """The stated facts some of ``conditions`` test, a set cut to the members they ask
    about (a rule on drooping leaves tested that, not every sign stated)."""
    found: dict[str, FactValue] = {}
    for condition in conditions:
        value = stated.get(condition.attribute)
        if condition.concluded or value is None:
            continue
        if isinstance(value, frozenset):
            asked = value & set(condition.operands)
            earlier = found.get(condition.attribute)  # a set's members other conditions asked
            value = frozenset(asked or value) | (
                earlier if isinstance(earlier, frozenset) else frozenset()
            )
        found[condition.attribute] = value
    return {name: found[name] for name in stated if name in found}


def condition_words(
    knowledge: KnowledgeBase, condition: Condition, stated: Mapping[str, FactValue]
) -> str:
    """What a condition found in the stated facts, in words: the stated value's words, or
    for a set only the members the condition asked about (``drooping leaves``)."""
    attribute = knowledge.attributes[condition.attribute]
    value = tested(knowledge, [condition], stated).get(condition.attribute)
    return "" if value is None else attribute.words_of(value)


def rule_words(knowledge: KnowledgeBase, rule: RuleSpec) -> str:
    """A rule in the base's words, its conditions then what follows: ``a fern in low light: put it
    in a north-facing window``."""
    stated: dict[str, FactValue] = {}
    others: list[str] = []
    for condition in rule.conditions:
        attribute = knowledge.attributes[condition.attribute]
        one = len(condition.operands) == 1
        operand = condition.operand  # equals: one value; contains: a set's words
        if condition.op == "equals" and not condition.concluded and attribute.kind != "amount":
            stated[condition.attribute] = operand if not isinstance(operand, tuple) else operand[0]
        elif condition.op == "contains" and one and not condition.concluded:
            stated[condition.attribute] = frozenset(map(str, condition.operands))
        else:
            others.append(_condition_words(attribute, condition))
    if stated:
        others.insert(0, statement(knowledge, stated))
    then = []
    for conclusion in rule.conclusions:
        attribute = knowledge.attributes[conclusion.attribute]
        said = attribute.phrase(conclusion.value) if attribute.says else None
        then.append(said or f"{attribute.title} is {attribute.word(conclusion.value)}")
    lead = "not " if rule.certainty < 0 else ""
    return f"{join_words(others)}: {lead}{join_words(then)}"


def _condition_words(attribute: Attribute, condition: Condition) -> str:
    """One condition in words other than a stated value: ``price in USD below 50``."""
    if condition.op == "present":
        return f"{attribute.title} known"
    if condition.op == "absent":
        return f"{attribute.title} not known"
    values = [attribute.word(value) for value in condition.operands]
    if condition.op in ("lt", "le", "gt", "ge"):
        shown = show_value(condition.operand)
        verb = {"lt": "below", "le": "at most", "gt": "above", "ge": "at least"}[condition.op]
        return f"{attribute.title} {verb} {shown}"
    if condition.op == "not":
        return f"{attribute.title}: not {' or '.join(values)}"
    if condition.op == "one_of":
        return f"{attribute.title}: {' or '.join(values)}"
    return f"{attribute.title}: {join_words(values)}"


#: How a conflict's winner was chosen, in words (see Conflict.settled_by).
SETTLED = {
    "stated": "because you said so",
    "caution": "a tie on certainty, settled by caution (a concern or what to avoid stays)",
    "certainty": "on certainty",
    "articles": "a tie on certainty, settled by more articles saying so",
    "vocabulary order": "a tie on certainty and articles, settled by vocabulary order",
}


def plural_s(count: int) -> str:
    return "" if count == 1 else "s"
