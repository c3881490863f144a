"""Reading one rule (or one row of a decision table) from its TOML table into a
:class:`~expert.model.rules.RuleSpec`, with errors naming the file, the rule and the key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import FactError, KnowledgeBaseError, brief, suggest
from ..model.certainty import HEDGES
from ..model.rules import NUMERIC, OPERATORS, Conclusion, Condition, RuleSpec, Source
from ..model.vocabulary import Attribute

_RULE_KEYS = {
    "id", "when", "then", "hedge", "certainty", "source", "quote", "note", "salience", "refines",
    "overrides", "revises",
}  # fmt: skip


# \Z, not $: "$" also matches before a final newline, which would let "t.a\n" pass as an id.
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*\Z")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


class RuleParser:
    """Validates one ``[[rules]]`` table into a :class:`RuleSpec`."""

    def __init__(
        self,
        path: Path,
        index: int,
        attributes: Mapping[str, Attribute],
        sources: Mapping[str, Source],
    ) -> None:
        self.path = path
        self.index = index
        self.attributes = attributes
        self.sources = sources
        self.rule_id: str | None = None

    def fail(self, message: str, suggestion: str | None = None) -> KnowledgeBaseError:
        rule = self.rule_id or f"#{self.index + 1}"
        return KnowledgeBaseError(message, path=self.path, rule_id=rule, suggestion=suggestion)

    @property
    def topic(self) -> str:
        """The topic a rule's id must start with: its file's name."""
        return self.path.stem

    def parse(self, entry: Any) -> RuleSpec:
        if not isinstance(entry, dict):
            raise self.fail("a rule must be a table")
        rule_id = entry.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            raise self.fail("`id` must be a string <topic>.<slug> in lower case")
        self.rule_id = rule_id
        if rule_id.split(".", 1)[0] != self.topic:
            raise self.fail(f"the id must start with the file's topic {self.topic!r}.")
        unknown = set(entry) - _RULE_KEYS
        if unknown:
            extra = sorted(unknown)[0]
            raise self.fail(
                f"unknown key {brief(extra)}; allowed: {', '.join(sorted(_RULE_KEYS))}",
                suggestion=suggest(extra, _RULE_KEYS),
            )
        source = entry.get("source")
        if not isinstance(source, str) or source not in self.sources:
            raise self.fail(
                f"`source` {brief(source)} is not in sources.toml; allowed: {', '.join(self.sources)}",
                suggestion=suggest(source, self.sources),
            )
        quote = entry.get("quote")
        quotes = quote if isinstance(quote, list) else [quote]
        if not quotes or not all(isinstance(q, str) and q.strip() for q in quotes):
            raise self.fail(
                "`quote` must be the article's words: a non-empty string or a list of them"
            )
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail("`note` must be a string")
        refines = entry.get("refines")
        if refines is not None and (not isinstance(refines, str) or not _ID.match(refines)):
            raise self.fail("`refines` must be the id of another rule")
        overrides = entry.get("overrides", [])
        if (
            not isinstance(overrides, list)
            or not overrides
            and "overrides" in entry
            or not all(isinstance(i, str) and _ID.match(i) for i in overrides)
        ):
            raise self.fail("`overrides` must be a list of the ids of more general rules")
        salience = entry.get("salience", 0)
        if isinstance(salience, bool) or not isinstance(salience, int) or abs(salience) > 999:
            raise self.fail("`salience` must be an integer from -999 to 999")
        conditions = self._conditions(entry.get("when"))
        conclusions = self._conclusions(entry.get("then"))
        certainty, hedge = self._rule_certainty(entry, conclusions)
        return RuleSpec(
            id=rule_id,
            topic=self.topic,
            conditions=conditions,
            conclusions=conclusions,
            certainty=certainty,
            hedge=hedge,
            source=str(source),
            quotes=tuple(str(quote) for quote in quotes),
            salience=salience,
            note=note,
            refines=refines,
            overrides=tuple(overrides),
            path=str(self.path),
            revises=self._revises(entry.get("revises"), conditions, conclusions),
        )

    def _revises(
        self, revises: Any, conditions: tuple[Condition, ...], conclusions: tuple[Conclusion, ...]
    ) -> str | None:
        """The attribute a rule declares it revises: one it tests and concludes, never testing
        a value it concludes there (that would revise its own revision)."""
        if revises is None:
            return None
        tested = {c.attribute for c in conditions}
        concluded = {c.attribute for c in conclusions}
        if not isinstance(revises, str) or revises not in tested & concluded:
            both = ", ".join(sorted(tested & concluded)) or "none"
            raise self.fail(
                f"`revises` {brief(revises)} must name an attribute the rule both tests and "
                f"concludes; allowed: {both}"
            )
        mine = {c.value for c in conclusions if c.attribute == revises}
        for condition in conditions:
            if (
                condition.attribute == revises
                and condition.op != "not"
                and mine & set(condition.operands)
            ):
                raise self.fail(
                    f"`revises` {revises}: the rule tests a value it concludes "
                    f"({', '.join(sorted(map(str, mine & set(condition.operands))))}); a "
                    "revision tests the values the other rules concluded and concludes others"
                )
        return revises

    def _rule_certainty(
        self, entry: dict[str, Any], conclusions: tuple[Conclusion, ...]
    ) -> tuple[float, str | None]:
        """The rule's certainty: its ``hedge`` or ``certainty``, needed unless every value it
        concludes has one of its own (then the strongest of them); all of one sign."""
        own = [c.certainty for c in conclusions if c.certainty is not None]
        notes = sorted({c.attribute for c in conclusions if self.attributes[c.attribute].note})
        if own and notes:
            raise self.fail(
                f"a rule concluding a note ({', '.join(notes)}) says it at the rule's "
                "certainty: give values their own certainties in a rule of their own"
            )
        if own and len(own) == len(conclusions):
            if "hedge" in entry or "certainty" in entry:
                raise self.fail(
                    "every value concluded has its own certainty: leave out `hedge` and "
                    "`certainty`, or give values without one"
                )
            certainty, hedge = max(own, key=abs), None
        else:
            certainty, hedge = self._certainty(entry)
        if any((value > 0) != (certainty > 0) for value in own):
            raise self.fail(
                "the certainties of one rule must all be positive or all negative (evidence "
                "for, or against); write the others in a rule of their own"
            )
        return certainty, hedge

    def _certainty(self, entry: dict[str, Any]) -> tuple[float, str | None]:
        if ("hedge" in entry) == ("certainty" in entry):
            raise self.fail(
                f"give exactly one of `hedge` ({', '.join(HEDGES)}) or `certainty` (-1 to 1)"
            )
        if "hedge" in entry:
            hedge = entry["hedge"]
            if not isinstance(hedge, str) or hedge not in HEDGES:
                raise self.fail(
                    f"`hedge` {brief(hedge)} is not allowed; allowed: {', '.join(HEDGES)}",
                    suggestion=suggest(hedge, HEDGES),
                )
            return HEDGES[hedge], hedge
        value = entry["certainty"]
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not _finite(value)
            or not -1 <= value <= 1
            or value == 0
        ):
            raise self.fail(
                f"`certainty` must be a number from -1 to 1, not 0; got {brief(value)}"
            )
        return float(value), None

    def _fact_table(self, table: Any, key: str) -> list[tuple[Attribute, Any]]:
        """Flatten ``when``/``then`` ({group: {name: spec}}) into (attribute, spec) pairs."""
        if not isinstance(table, dict) or not table:
            raise self.fail(f"`{key}` must be a non-empty table like {key}.<group>.<name> = ...")
        pairs = []
        for group, names in table.items():
            # Known attributes are of a known group: the groups are gathered only otherwise
            # (once per rule, they made loading a large base cost twice as much).
            known = (
                isinstance(names, dict)
                and "." not in group
                and all(f"{group}.{n}" in self.attributes for n in names)
            )
            groups = () if known else {attribute.group for attribute in self.attributes.values()}
            if not known and (group not in groups or not isinstance(names, dict)):
                raise self.fail(
                    f"`{key}.{group}` is not a group of the vocabulary; allowed: "
                    f"{', '.join(sorted(groups))}",
                    suggestion=suggest(group, groups),
                )
            for name, spec in names.items():
                full = f"{group}.{name}"
                if full not in self.attributes:
                    raise self.fail(
                        f"unknown attribute {brief(full)} in `{key}`; allowed: "
                        f"{', '.join(a for a in self.attributes if a.startswith(group + '.'))}",
                        suggestion=suggest(full, self.attributes),
                    )
                pairs.append((self.attributes[full], spec))
        return pairs

    def _check_value(self, attribute: Attribute, value: Any, where: str) -> Any:
        """One value a condition compares with or a conclusion states (a member of a set)."""
        member = attribute.kind in ("choice", "set")
        if attribute.kind == "flag" and not isinstance(value, bool):
            raise self.fail(f"{where}: {attribute.name} takes true or false, not {brief(value)}")
        if attribute.kind == "amount":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self.fail(f"{where}: {attribute.name} takes a number, not {brief(value)}")
            if not _finite(value):
                raise self.fail(f"{where}: {attribute.name} takes a finite number")
            # A threshold may be any number: one beyond the vocabulary's min or max loads,
            # and `expert check` names the bound that keeps the rule from firing.
            return value
        try:
            if member and not (isinstance(value, str) and value in attribute.values):
                raise FactError(
                    f"{brief(value)} is not a value of {attribute.name}; "
                    f"allowed: {', '.join(attribute.values)}",
                    field=attribute.name,
                    value=value,
                    allowed=attribute.values,
                )
            return value if member else attribute.validate(value)
        except FactError as error:
            raise self.fail(f"{where}: {error.message}", suggestion=error.suggestion) from None

    def _conditions(self, table: Any) -> tuple[Condition, ...]:
        conditions = []
        for attribute, spec in self._fact_table(table, "when"):
            where = f"when.{attribute.name}"
            ops = spec if isinstance(spec, dict) else {"equals": spec}
            if not ops:
                raise self.fail(f"{where}: empty condition; use one of {', '.join(OPERATORS)}")
            for op, operand in ops.items():
                conditions.append(self._condition(attribute, op, operand, where))
        return tuple(conditions)

    def _condition(self, attribute: Attribute, op: str, operand: Any, where: str) -> Condition:
        if op not in OPERATORS:
            raise self.fail(
                f"{where}: unknown operator {brief(op)}; allowed: {', '.join(OPERATORS)}",
                suggestion=suggest(op, OPERATORS),
            )
        if op in ("present", "absent"):
            if operand is not True:
                raise self.fail(f"{where}: write {op} = true")
            operand = True
        elif op in NUMERIC:
            if attribute.kind != "amount":
                raise self.fail(f"{where}: {op} compares numbers; {attribute.name} is not one")
            operand = self._check_value(attribute, operand, where)
        elif op in ("one_of", "not", "contains") and isinstance(operand, list):
            if not operand:
                raise self.fail(f"{where}: {op} needs at least one value")
            operand = tuple(self._check_value(attribute, value, where) for value in operand)
        elif op == "one_of":
            raise self.fail(f"{where}: one_of takes a list of values")
        else:
            operand = self._check_value(attribute, operand, where)
        if op == "contains" and not attribute.multi:
            raise self.fail(f"{where}: contains tests a set; {attribute.name} holds one value")
        return Condition(
            attribute=attribute.name,
            op=op,
            operand=operand,
            concluded=attribute.concluded,
            multi=attribute.multi,
        )

    def _conclusions(self, table: Any) -> tuple[Conclusion, ...]:
        conclusions: list[Conclusion] = []
        for attribute, spec in self._fact_table(table, "then"):
            where = f"then.{attribute.name}"
            if not attribute.concluded:
                raise self.fail(
                    f"{where}: {attribute.name} is stated by the user and cannot be concluded"
                )
            if isinstance(spec, dict):
                conclusions.extend(self._valued(attribute, spec, where))
                continue
            values: Iterable[Any] = spec if isinstance(spec, list) else [spec]
            if isinstance(spec, list) and not attribute.multi:
                raise self.fail(f"{where}: {attribute.name} takes one value, not a list")
            conclusions.extend(
                Conclusion(attribute.name, self._check_value(attribute, value, where))
                for value in values
            )
        return tuple(conclusions)

    def _valued(self, attribute: Attribute, spec: dict[str, Any], where: str) -> list[Conclusion]:
        """Values with certainties of their own: ``{ light = 0.3, medium = 0.6 }``."""
        form = f"{{ <value> = <certainty>, ... }} with values of {attribute.name}"
        if not spec or attribute.kind not in ("choice", "set"):
            raise self.fail(
                f"{where}: values with their own certainties are written {form}; "
                f"{attribute.name} is a {attribute.kind}"
                if spec
                else f"{where}: empty table; write {form}"
            )
        if len(spec) > 1 and not attribute.multi:
            raise self.fail(f"{where}: {attribute.name} takes one value, not several")
        if attribute.note:
            raise self.fail(
                f"{where}: {attribute.name} is a note; a note is said at the rule's certainty"
            )
        found = []
        for value, certainty in spec.items():
            if (
                isinstance(certainty, bool)
                or not isinstance(certainty, (int, float))
                or not _finite(certainty)
                or not -1 <= certainty <= 1
                or certainty == 0
            ):
                raise self.fail(
                    f"{where}.{value}: a certainty is a number from -1 to 1, not 0; got "
                    f"{brief(certainty)}"
                )
            checked = self._check_value(attribute, value, where)
            found.append(Conclusion(attribute.name, checked, float(certainty)))
        return found


class RowParser(RuleParser):
    """Validates one row of a decision table as a rule; errors name the row."""

    def __init__(
        self,
        path: Path,
        number: int,
        topic: str,
        attributes: Mapping[str, Attribute],
        sources: Mapping[str, Source],
    ) -> None:
        super().__init__(path, number - 1, attributes, sources)
        self.table_topic = topic

    @property
    def topic(self) -> str:
        """The topic of the file declaring the table (its rows may be in a CSV file)."""
        return self.table_topic

    def fail(self, message: str, suggestion: str | None = None) -> KnowledgeBaseError:
        where = f"row {self.index + 1}" + (f" ({self.rule_id})" if self.rule_id else "")
        return KnowledgeBaseError(message, path=self.path, rule_id=where, suggestion=suggestion)
