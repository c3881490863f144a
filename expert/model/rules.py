"""Rules as data: conditions, conclusions, the sources they cite, and the operators a
condition may use. No Python in rule files: conditions are a small closed set of operators.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeAlias

import attrs

from .._support.short_repr import cf, fit, pairs, shown
from .vocabulary import SingleValue, show_value

#: Condition operators a rule may use, with what each means.
OPERATORS: dict[str, str] = {
    "equals": "is (for a set: contains)",
    "one_of": "is one of (for a set: contains at least one of)",
    "not": "is known and is not (for a set: contains none of; for a conclusion: not concluded)",
    "lt": "is below",
    "le": "is at most",
    "gt": "is above",
    "ge": "is at least",
    "contains": "contains all of",
    "present": "is known",
    "absent": "is not known",
}


#: What a condition tests: a stated fact's value (``None``: not known), or for a concluded
#: attribute the frozenset of the values concluded.
State: TypeAlias = SingleValue | frozenset[SingleValue] | None


#: A concluded value with its attribute, ``(attribute, value)``: what a rule's firing puts in
#: working memory, and the key of a certainty. The value is a word: rules conclude only
#: choices and sets (the vocabulary refuses a concluded flag or amount), and a conclusion's
#: value is one of the attribute's values (the rule parser checks it).
Concluded: TypeAlias = tuple[str, str]


NUMERIC = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def normalise_text(text: str) -> str:
    """Fold whitespace and typographic quotes, so quotes compare as a reader sees them."""
    for curly, straight in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text).strip()


@attrs.frozen
class Condition:
    """One test a rule makes on one attribute.

    Attributes:
        attribute: the attribute's full name.
        op: a key of :data:`OPERATORS`.
        operand: the value, the tuple of values or the number the operator compares with.
        concluded: whether the attribute is concluded by rules (not stated by the user).
        multi: whether the attribute holds a set.
    """

    attribute: str
    op: str
    operand: SingleValue | tuple[SingleValue, ...]
    concluded: bool = False
    multi: bool = False

    @property
    def operands(self) -> tuple[SingleValue, ...]:
        """The operand as a tuple."""
        return self.operand if isinstance(self.operand, tuple) else (self.operand,)

    def holds(self, state: State) -> bool:
        """Whether the condition holds for ``state``.

        ``state`` is the stated value (``None`` when unknown) of a stated attribute, or the
        frozenset of concluded values of a concluded one.
        """
        known = state is not None and state != frozenset()
        if self.op == "present":
            return known
        if self.op == "absent":
            return not known
        if not known:
            # An unconcluded conclusion is "not" anything; an unknown stated fact is nothing.
            return self.op == "not" and self.concluded
        if isinstance(state, frozenset):
            return self._holds_for_set(state)
        return self.holds_value(state)

    def holds_value(self, value: State) -> bool:
        """Whether one stated value (or a stated set) passes the test."""
        if isinstance(value, frozenset):
            return self._holds_for_set(value)
        if self.op == "equals":
            return bool(value == self.operand)
        if self.op == "one_of":
            return bool(value in self.operands)
        if self.op == "not":
            return value not in self.operands
        if self.op in NUMERIC:
            bound = self.operand  # a number: the rule parser checked it
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return False
            if isinstance(bound, (str, tuple)):
                return False
            return bool(
                {
                    "lt": value < bound,
                    "le": value <= bound,
                    "gt": value > bound,
                    "ge": value >= bound,
                }[self.op]
            )
        return True  # present

    def _holds_for_set(self, values: frozenset[SingleValue]) -> bool:
        wanted = set(self.operands)
        if self.op in ("equals", "contains"):
            return wanted <= values
        if self.op == "one_of":
            return bool(wanted & values)
        if self.op == "not":
            return not wanted & values
        return False

    def describe(self) -> str:
        """The condition in words: ``plant.pot_years is above 3``."""
        if self.op in ("present", "absent"):
            return f"{self.attribute} {OPERATORS[self.op]}"
        shown = ", ".join(show_value(value) for value in self.operands)
        verb = OPERATORS[self.op].split(" (")[0]
        if self.multi and self.op == "equals":
            verb = "contains"
        elif self.multi and self.op == "one_of":
            verb = "contains one of"
        return f"{self.attribute} {verb} {shown}"


@attrs.frozen
class Conclusion:
    """One ``attribute = value`` a rule concludes.

    Attributes:
        attribute: the attribute's full name.
        value: the value concluded: one of the attribute's values (rules conclude only
            choices and sets).
        certainty: the value's own certainty (``then.a.b = { light = 0.3, medium = 0.6 }``),
            or ``None`` for the rule's (:meth:`RuleSpec.certainty_of`).
    """

    attribute: str
    value: str
    certainty: float | None = None


@attrs.frozen(repr=False)
class Source:
    """An article the knowledge base cites."""

    key: str
    title: str
    text: str = attrs.field(repr=False)
    author: str | None = None
    site: str | None = None
    published: str | None = None
    #: A few words naming it where a report cites it (``Difference Wiki``); the key if none.
    label: str = ""
    #: The text with whitespace and quote marks folded, made once for every quote checked.
    folded: str = attrs.field(init=False, repr=False, eq=False)

    @folded.default
    def _fold(self) -> str:
        return normalise_text(self.text)

    def __repr__(self) -> str:
        return fit(f"Source({self.key}, {shown(self.title, 90)})")

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` is in the article (whitespace and quote marks folded)."""
        return normalise_text(quote) in self.folded

    def cite(self) -> str:
        """A one-line reference: title, site, author."""
        parts = [f"“{self.title}”"]
        parts += [part for part in (self.site, self.author) if part]
        return ", ".join(parts)


@attrs.frozen(repr=False)
class RuleSpec:
    """A rule as written in a rule file.

    Attributes:
        id: ``<topic>.<slug>``, unique in the base.
        topic: the file's stem.
        conditions: all must hold for the rule to fire.
        conclusions: what the rule concludes when it fires.
        certainty: the rule's certainty factor in [-1, 1].
        hedge: the hedge word it was given by, or ``None`` for an explicit certainty.
        source: key of the cited article.
        quotes: the article's words making the claim; several when the article makes the
            same claim more than once (one piece of evidence, several sentences).
        salience: priority among rules of the same stage.
        note: a remark for readers.
        refines: the id of a broader rule of the same article that this rule deliberately
            strengthens for a narrower case ("especially true for professional-level ...").
        overrides: ids of more general rules this rule is an exception to: when both fire,
            their conclusions on the attributes this rule concludes are defeated (CLIPS's
            specificity; an article marking its own exception).
        path: the file it came from (a table's rows: the file the row is in).
        revises: the attribute this rule revises: it tests and concludes it, and runs after
            every rule concluding it that is no revision, seeing only their values.
        table: for a row of a decision table, the table's file name (``wines.toml``).
        row: for a row of a decision table, its number (1 for the first row).
        each_match: every match of the conditions is evidence of its own (a table row with
            several values in a cell, as CLIPS asserts a fact per match), instead of the
            strongest match only.
    """

    id: str
    topic: str
    conditions: tuple[Condition, ...]
    conclusions: tuple[Conclusion, ...]
    certainty: float
    hedge: str | None
    source: str
    quotes: tuple[str, ...]
    salience: int = 0
    note: str | None = None
    refines: str | None = None
    overrides: tuple[str, ...] = ()
    path: str = ""
    revises: str | None = None
    table: str | None = None
    row: int = 0
    each_match: bool = False

    def __repr__(self) -> str:
        head = f"RuleSpec({self.id}, {cf(self.certainty)} -> "
        concluded = pairs(((c.attribute, c.value) for c in self.conclusions), 118 - len(head))
        return fit(f"{head}{concluded})")

    @property
    def quote(self) -> str:
        """The quotes as one string, joined by an ellipsis."""
        return " … ".join(self.quotes)

    def certainty_of(self, conclusion: Conclusion) -> float:
        """The certainty this rule gives ``conclusion``: the value's own, else the rule's."""
        return self.certainty if conclusion.certainty is None else conclusion.certainty

    @property
    def where(self) -> str:
        """The table file and row this rule comes from (``wines.csv row 3``), or ``""`` for a
        rule of a rule file."""
        return f"{Path(self.path).name} row {self.row}" if self.table else ""

    def tested(self) -> set[str]:
        """The attributes this rule tests."""
        return {condition.attribute for condition in self.conditions}

    def concluded(self) -> set[str]:
        """The attributes this rule concludes."""
        return {conclusion.attribute for conclusion in self.conclusions}
