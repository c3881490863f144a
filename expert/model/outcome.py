"""What a consultation finds, as data: firings, verdicts with certainties, conflicts and notes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._support.short_repr import cf, fit, pairs, shown
from ..errors import ExplanationError
from .display import ShownInNotebook
from .rules import Concluded
from .vocabulary import FactValue, SingleValue, VerdictValue, json_value

if TYPE_CHECKING:
    from ..reasoning.reading import Reading
    from .knowledge_base import KnowledgeBase

__all__ = ["Conflict", "Firing", "Member", "Note", "Outcome", "Verdict"]


# Not slotted: a consultation makes one Firing per firing, and attrs' __init__ of a frozen
# class with a __dict__ stores the fields straight into it, about twice as fast as the
# object.__setattr__ call per field a frozen slotted class needs.
@attrs.frozen(slots=False, repr=False)
class Firing:
    """One rule firing: the rule, what it matched, what it concluded and how strongly.

    Attributes:
        rule: the rule's id.
        source: key of the cited article.
        quote: the article's words (several quotes of one claim are joined by " … ").
        conclusions: ``(attribute, value)`` pairs the rule concluded.
        matched: ``(attribute, value)`` facts the rule's conditions matched.
        rule_certainty: the rule's own certainty factor.
        certainty: what this firing contributed: the rule's certainty times its weakest
            concluded premise, or 0 when a premise was too weak to count.
        stage: the rule's stage (rules testing conclusions run after their concluders).
        defeated_by: the exceptions (rules that ``override`` this one) that fired too; its
            conclusions on the attributes they conclude count for nothing.
        defeated: the attributes on which it was defeated (by an exception, or by what the
            person stated).
        overruled_by: the stated inputs that overruled it: it concluded another value of an
            attribute they state outright (``states`` in the vocabulary).
    """

    rule: str
    source: str
    quote: str
    conclusions: tuple[Concluded, ...]
    matched: tuple[tuple[str, FactValue], ...]
    rule_certainty: float
    certainty: float
    stage: int = 0
    defeated_by: tuple[str, ...] = ()
    defeated: tuple[str, ...] = ()
    overruled_by: str = ""

    def __repr__(self) -> str:
        head = f"Firing({self.rule}, {cf(self.certainty)} -> "
        end = ", defeated)" if self.defeated else ")"
        return fit(head + pairs(self.conclusions, 119 - len(head) - len(end)) + end)

    def counts_for(self, attribute: str) -> bool:
        """Whether this firing is evidence on ``attribute`` (it was not defeated there)."""
        return attribute not in self.defeated

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: rule, source, quote and certainty (and what defeated it, if so)."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "source": self.source,
            "quote": self.quote,
            "certainty": round(self.certainty, 4),
        }
        if self.defeated_by:
            data["defeated_by"] = list(self.defeated_by)
        if self.overruled_by:
            data["overruled_by"] = self.overruled_by
        return data


@attrs.frozen(slots=False, repr=False)  # made for every verdict: see Firing
class Member:
    """One value of a set verdict, with its own certainty and reasons.

    Attributes:
        value: the value.
        certainty: its combined certainty.
        because: the firings that concluded it, strongest first.
    """

    value: str  # a set's value: a word
    certainty: float
    because: tuple[Firing, ...]

    def __repr__(self) -> str:
        return fit(f"Member({shown(self.value, 80)}, {cf(self.certainty)})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: value, certainty and because."""
        return {
            "value": self.value,
            "certainty": round(self.certainty, 4),
            "because": [firing.to_dict() for firing in self.because],
        }


@attrs.frozen(repr=False)
class Note:
    """What an article says of a whole class of things (``ferns``), apart from the
    verdicts on what the user stated: a rule concluding an attribute declared ``note = true``.

    Attributes:
        subject: the class spoken of: the attribute's group (``ferns``).
        attribute: the attribute, e.g. ``ferns.light``.
        value: the value concluded, or for a set the tuple of values the rule concluded.
        rule: the rule's id.
        source: key of the cited article.
        quote: the article's words.
        certainty: how strongly the article says it (the rule's certainty, as it counted).
    """

    subject: str
    attribute: str
    value: VerdictValue
    rule: str
    source: str
    quote: str
    certainty: float

    def __repr__(self) -> str:
        return fit(f"Note({self.attribute}={shown(self.value, 50)}, {cf(self.certainty)})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: subject, attribute, value, rule, source, quote and certainty."""
        return {
            "subject": self.subject,
            "attribute": self.attribute,
            "value": json_value(self.value),
            "rule": self.rule,
            "source": self.source,
            "quote": self.quote,
            "certainty": round(self.certainty, 4),
        }


@attrs.frozen(slots=False, repr=False)  # made for every verdict: see Firing
class Verdict(ShownInNotebook):
    """The conclusion on one attribute.

    Attributes:
        attribute: e.g. ``care.spot``.
        value: the winning value; for a multi-valued attribute, the tuple of values that hold.
        certainty: combined certainty in [-1, 1] (for a multi-valued attribute, the weakest
            of its values).
        because: the firings that concluded the value(s), strongest first.
        alternatives: every value considered, with its combined certainty.
        members: for a multi-valued attribute, each value that holds with its own certainty
            and reasons, strongest first; empty for a one-valued attribute.
        stated_by: the input whose stated value states this verdict outright (``plant.species``
            states ``plant.kind``), or ``""`` when rules alone concluded it.
    """

    attribute: str
    value: VerdictValue
    certainty: float
    because: tuple[Firing, ...]
    alternatives: Mapping[str, float] = attrs.field(factory=dict)
    members: tuple[Member, ...] = ()
    stated_by: str = ""

    def __repr__(self) -> str:
        stated = f", stated by {self.stated_by}" if self.stated_by else ""
        value = shown(self.value, 60)
        return fit(f"Verdict({self.attribute}={value}, {cf(self.certainty)}{stated})")

    def member(self, value: SingleValue) -> Member:
        """The member ``value`` of a set verdict.

        Raises:
            ExplanationError: the value is not a member.
        """
        for member in self.members:
            if member.value == value:
                return member
        raise ExplanationError(
            f"{value!r} is not a member of {self.attribute}; members: "
            f"{', '.join(str(m.value) for m in self.members) or 'none'}",
            attribute=self.attribute,
            allowed=[m.value for m in self.members],
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, in the shape of the CLI's ``--json``."""
        data: dict[str, Any] = {
            "attribute": self.attribute,
            "value": json_value(self.value),
            "certainty": round(self.certainty, 4),
            "because": [firing.to_dict() for firing in self.because],
        }
        if self.members:
            data["members"] = [member.to_dict() for member in self.members]
        if self.stated_by:
            data["stated_by"] = self.stated_by
        return data


@attrs.frozen(repr=False)
class Conflict(ShownInNotebook):
    """Two or more values of a one-valued attribute were concluded, or a stated value was
    contradicted, or two values that oppose each other (``opposes``) were both concluded.

    Attributes:
        attribute: the attribute in dispute (for opposed values, the winner's).
        winner: the value that holds (the verdict, or the member kept).
        sides: ``(value, certainty, firings)`` for each value, the winner first; a loser's
            certainty is what its rules would have given it.
        stated: the input the person stated the winner by (``plant.species``), when the
            statement settled it; the winner is then the stated value, which may be none of
            the attribute's values (an orchid: no kind the vocabulary names holds).
        against: for opposed values, the attribute of the losing side
            (``assessment.strengths`` against a concern); ``""`` otherwise.
    """

    attribute: str
    winner: SingleValue
    sides: tuple[tuple[SingleValue, float, tuple[Firing, ...]], ...]
    stated: str = ""
    against: str = ""

    def __repr__(self) -> str:
        (value, certainty, _), *losers = self.sides
        sure = f"stated by {self.stated}" if self.stated else cf(certainty)
        lost = " vs ".join(
            f"{self.against + '=' if self.against else ''}{shown(v, 24)} {cf(c)}"
            for v, c, _ in losers
        )
        return fit(f"Conflict({self.attribute}: {shown(value, 24)} {sure} vs {lost})")

    @property
    def settled_by(self) -> str:
        """How the winner was chosen, one of ``stated`` (what the person said), ``certainty``, or
        ``articles`` for a tie on certainty that more articles settle, or ``caution`` for
        opposed values equally sure (the side declaring the opposition: a concern, what to
        avoid), or ``vocabulary order`` for a tie on both."""
        if self.stated:
            return "stated"
        top = [side for side in self.sides if round(side[1], 9) == round(self.sides[0][1], 9)]
        if len(top) > 1 and self.against:
            return "caution"
        if len(top) == 1:
            return "certainty"
        articles = [len({f.source for f in firings if f.certainty > 0}) for _, _, firings in top]
        return "articles" if articles[0] > max(articles[1:]) else "vocabulary order"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: attribute, winner, each side with its reasons, and how it was
        settled."""
        data = {
            "attribute": self.attribute,
            "winner": self.winner,
            "settled_by": self.settled_by,
            "sides": [
                {
                    "value": value,
                    "certainty": round(certainty, 4),
                    "because": [firing.to_dict() for firing in firings],
                }
                for value, certainty, firings in self.sides
            ],
        }
        if self.stated:
            data["stated"] = self.stated
        if self.against:
            data["against"] = self.against
        return data


@attrs.frozen(eq=False, repr=False)
class Outcome:
    """What one consultation found, as data. Immutable; safe to share between threads.

    The public :class:`~expert.api.expert.Result` adds to it what needs reasoning and
    presentation (*how*, *why not*, *what if*, the answer, the report).

    Attributes:
        facts: the stated facts by full name (``plant.light``).
        firings: every rule firing, in canonical firing order: stage by stage, an exception
            before the rules it overrides, higher salience first, then in file order (the
            same on every engine).
        verdicts: one verdict per concluded attribute, in vocabulary order (notes apart).
        notes: what the articles say of whole classes of things, relevant to these facts.
        conflicts: the attributes where different values were concluded.
        certainties: combined certainty of every concluded ``(attribute, value)``.
        knowledge: the knowledge base consulted. A result stands alone (it can be stored
            or sent to another process whole), and *what if* consults this base again.
        engine: the inference engine that ran (``experta`` or ``clips``).
        run_limit: the run limit it ran with (``None``: the default).
        question: the question typed in words this consultation answers, as it was read
            (:meth:`Expert.ask <expert.api.expert.Expert.ask>`); ``None`` for facts given as facts.
        alternatives: for a question that named alternatives for a fact it leaves open
            ("a fern or a cactus in low light"), the consultation with each alternative stated,
            in the order named (see :meth:`Reading.choices
            <expert.reasoning.reading.Reading.choices>`); empty otherwise.
    """

    facts: Mapping[str, FactValue]
    firings: tuple[Firing, ...]
    verdicts: tuple[Verdict, ...]
    conflicts: tuple[Conflict, ...]
    certainties: Mapping[Concluded, float]
    notes: tuple[Note, ...] = attrs.field(kw_only=True, default=())
    knowledge: KnowledgeBase = attrs.field(repr=False, kw_only=True)
    engine: str = attrs.field(default="experta", kw_only=True)
    run_limit: int | None = attrs.field(default=None, kw_only=True)
    question: Reading | None = attrs.field(default=None, kw_only=True)
    alternatives: tuple[Outcome, ...] = attrs.field(default=(), kw_only=True, repr=False)

    @property
    def fired_rules(self) -> frozenset[str]:
        """Ids of the rules that fired."""
        return frozenset(firing.rule for firing in self.firings)

    def __contains__(self, attribute: object) -> bool:
        return any(verdict.attribute == attribute for verdict in self.verdicts)

    def verdict(self, attribute: str) -> Verdict:
        """The verdict on ``attribute``.

        Raises:
            ExplanationError: the attribute is unknown, or no rule concluded it.
        """
        for verdict in self.verdicts:
            if verdict.attribute == attribute:
                return verdict
        known = self.knowledge.verdict_attributes()
        if attribute not in known:
            raise ExplanationError(
                f"unknown attribute {attribute!r}; allowed: {', '.join(known)}",
                attribute=attribute,
                allowed=known,
            )
        concluded = [verdict.attribute for verdict in self.verdicts]
        raise ExplanationError(
            f"no verdict on {attribute}: no rule concluded it from these facts; "
            f"concluded: {', '.join(concluded) or 'nothing'}",
            attribute=attribute,
            allowed=concluded,
        )

    def certainty(self, attribute: str, value: FactValue) -> float:
        """Combined certainty of ``attribute = value`` (0 when nothing concluded it)."""
        if not isinstance(value, str):
            return 0.0  # rules conclude words only, a set's members one by one
        return self.certainties.get((attribute, value), 0.0)

    def support(self, attribute: str, value: FactValue) -> tuple[Firing, ...]:
        """The firings that concluded ``attribute = value`` (and were not defeated on it), in
        firing order."""
        return tuple(
            firing
            for firing in self.firings
            if (attribute, value) in firing.conclusions and firing.counts_for(attribute)
        )

    def __repr__(self) -> str:
        counts = (
            f": {len(self.verdicts)} verdicts, {len(self.conflicts)} conflicts, "
            f"{len(self.notes)} notes>"
        )
        facts = pairs(self.facts.items(), 119 - len("<Result of ") - len(counts))
        return fit(f"<Result of {facts or 'no facts'}{counts}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the verdicts, conflicts, notes and stated facts (by group); the
        :class:`~expert.api.expert.Result` puts the question, goal and answer before them."""
        grouped: dict[str, dict[str, Any]] = {a.group: {} for a in self.knowledge.inputs.values()}
        for name, value in self.facts.items():
            group, short = name.split(".", 1)
            grouped.setdefault(group, {})[short] = json_value(value)
        return {
            "verdicts": [verdict.to_dict() for verdict in self.verdicts],
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
            "notes": [note.to_dict() for note in self.notes],
            "facts": grouped,
        }
