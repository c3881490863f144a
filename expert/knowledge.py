"""The knowledge base: rule schema, loading and validation of ``rules/*.toml``.

Rule files are data. They are parsed with :mod:`tomllib` and checked field by field here;
nothing in them is evaluated. A broken file raises :class:`KnowledgeBaseError` naming the file,
the rule and the problem.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from ._collector import collector_paused
from ._paths import check_path_argument
from ._rule_cache import ParsedFiles
from ._short_repr import cf, fit, pairs, shown
from ._toml import Read, base_files, read_text, read_toml, recording, stamp
from .certainty import HEDGES
from .errors import FactError, KnowledgeBaseError, brief, suggest
from .goals import Goal, read_goals
from .phrasing import Phrasing, read_phrasing
from .tables import read_table
from .vocabulary import (
    Attribute,
    GivenFacts,
    Group,
    check_references,
    declare,
    declare_groups,
    read_ask_when,
    show_value,
    state_facts,
)

__all__ = [
    "OPERATORS",
    "Attribute",
    "Conclusion",
    "Condition",
    "KnowledgeBase",
    "RuleSpec",
    "Source",
    "bundled_path",
    "load",
    "normalise_text",
]

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
_NUMERIC = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_RULE_KEYS = {
    "id", "when", "then", "hedge", "certainty", "source", "quote", "note", "salience", "refines",
    "overrides", "revises",
}  # fmt: skip
#: Files of a base directory that are not topics: the articles, the vocabulary, the needs
#: ``expert check --gaps`` checks (:mod:`expert.gaps`), the goals (:mod:`expert.goals`) and
#: the words people ask in (:mod:`expert.phrasing`).
_NOT_TOPICS = ("sources.toml", "vocabulary.toml", "gaps.toml", "goals.toml", "questions.toml")
# \Z, not $: "$" also matches before a final newline, which would let "t.a\n" pass as an id.
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*\Z")


#: The fields a source may have besides its ``title``; each is a string.
_SOURCE_KEYS = ("title", "label", "author", "site", "editor", "published", "article")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


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
    operand: Any
    concluded: bool = False
    multi: bool = False

    @property
    def operands(self) -> tuple[Any, ...]:
        """The operand as a tuple."""
        return self.operand if isinstance(self.operand, tuple) else (self.operand,)

    def holds(self, state: Any) -> bool:
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

    def holds_value(self, value: Any) -> bool:
        """Whether one stated value (or a stated set) passes the test."""
        if isinstance(value, frozenset):
            return self._holds_for_set(value)
        if self.op == "equals":
            return bool(value == self.operand)
        if self.op == "one_of":
            return bool(value in self.operands)
        if self.op == "not":
            return value not in self.operands
        if self.op in _NUMERIC:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return False
            return bool(
                {
                    "lt": value < self.operand,
                    "le": value <= self.operand,
                    "gt": value > self.operand,
                    "ge": value >= self.operand,
                }[self.op]
            )
        return True  # present

    def _holds_for_set(self, values: frozenset) -> bool:
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
        value: the value concluded.
        certainty: the value's own certainty (``then.a.b = { light = 0.3, medium = 0.6 }``),
            or ``None`` for the rule's (:meth:`RuleSpec.certainty_of`).
    """

    attribute: str
    value: Any
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

    def state(self, facts: GivenFacts, *, strings: bool = False) -> dict[str, Any]:
        """Validate stated facts: full (or unambiguous short) names to canonical values
        (:func:`~expert.vocabulary.state_facts`; ``strings`` is kept for compatibility).

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

    def concluders(self, attribute: str, value: Any = None) -> list[RuleSpec]:
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

    def implied(self, facts: Mapping[str, Any]) -> dict[str, tuple[Any, str]]:
        """The conclusions ``facts`` state outright (an input that ``states`` a concluded
        attribute): concluded attribute -> (value, the input that stated it). The value is
        ``None`` when the stated one is none of the attribute's values (an orchid for a
        kind that is fern or cactus): then no value of it holds."""
        found: dict[str, tuple[Any, str]] = {}
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


def bundled_path() -> Path:
    """The directory of the knowledge base shipped with the library.

    An editable install links each file of ``rules/`` into a tree of its own (setup.cfg's
    ``[editable_wheel]``); the base is read where ``expert.rules`` really is, links resolved,
    so that a topic file added to ``rules/`` is read without installing again.
    """
    try:
        return Path(str(resources.files("expert.rules") / "__init__.py")).resolve().parent
    except ModuleNotFoundError:
        # Run from a checkout's root (``python -m expert``, ``python -m pytest``), ``expert``
        # is the source folder, where the base sits beside it as ``rules/``.
        checkout = Path(__file__).resolve().parent.parent / "rules"
        if (checkout / "vocabulary.toml").is_file():
            return checkout
        raise KnowledgeBaseError(
            "the bundled knowledge base is missing: expert.rules is not installed"
        ) from None


#: Each directory's base, with the files it was read from, as they were then.
_CACHE: dict[str, tuple[tuple[str, ...], dict[Path, Read], KnowledgeBase]] = {}


def _bundled(directory: Path) -> bool:
    """Whether ``directory`` is the bundled base: small and installed with the library, it
    is parsed each time rather than cached in the user's directory."""
    try:
        return directory.resolve() == bundled_path()
    except KnowledgeBaseError:  # no bundled base installed
        return False


def load(path: str | Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base in directory ``path`` (default: the bundled one).

    Every ``*.toml`` entry directly in the directory is read: ``sources.toml``,
    ``vocabulary.toml`` and one file per topic, and the articles ``sources.toml`` names; none
    is skipped, so an entry that is not a readable regular file (a link to nothing, a
    directory, a pipe) is refused, as is a directory that cannot be listed or a base without
    rules. The result is cached while the same rule files are there and no file it was read
    from has changed (by modification time and size).

    Raises:
        KnowledgeBaseError: a missing, unreadable or odd file or directory (naming it), a
            base without rules, or a rule that breaks the schema.
    """
    check_path_argument(path, "path", optional=True)
    directory = Path(path) if path is not None else bundled_path()
    if not directory.is_dir():
        raise KnowledgeBaseError(f"{directory}: not a directory of rule files")
    files = [file for file, _ in base_files(directory)]
    key, listing = str(directory.resolve()), tuple(str(p) for p in files)
    cached = _CACHE.get(key)
    if (
        cached is None
        or cached[0] != listing
        or any(stamp(p) != read.stamp for p, read in cached[1].items())
    ):
        with recording() as read, collector_paused():
            base = _Loader(directory, files).load()
        base = attrs.evolve(base, files=_names(directory, read))
        cached = _CACHE[key] = (listing, read, base)
    return cached[2]


def _names(directory: Path, read: Mapping[Path, Read]) -> dict[str, str]:
    """The digests of the files read, by path within ``directory``, sorted."""
    named = {}
    for path, done in read.items():
        for root in (directory, directory.resolve()):
            if path.is_relative_to(root):
                named[path.relative_to(root).as_posix()] = done.sha256
                break
        else:
            named[str(path)] = done.sha256
    return dict(sorted(named.items()))


class _Loader:
    """Reads one directory of rule files into a :class:`KnowledgeBase`."""

    def __init__(self, directory: Path, files: list[Path]) -> None:
        self.directory = directory
        self.files = files

    def load(self) -> KnowledgeBase:
        sources = self._sources()
        attributes: dict[str, Attribute] = {}
        groups: dict[str, Group] = {}
        vocabulary = self.directory / "vocabulary.toml"
        tables: list[tuple[Path, Any]] = []
        parsed = ParsedFiles(self.directory, cache=not _bundled(self.directory))
        if os.path.lexists(vocabulary):  # there but unreadable is refused by the read
            table = parsed.read(vocabulary)
            declare_groups(groups, table.pop("groups", {}), vocabulary)
            declare(attributes, table, vocabulary)
            tables.append((vocabulary, table))
        topic_files = [p for p in self.files if p.name not in _NOT_TOPICS]
        documents = []
        for path in topic_files:
            document = parsed.read(path)
            unknown = set(document) - {"summary", "rules", "attributes", "table"}
            if unknown:
                raise KnowledgeBaseError(
                    f"unknown top-level keys {sorted(unknown)}; allowed: summary, rules, "
                    "attributes, table",
                    path=path,
                )
            attrs_table = document.get("attributes", {})
            if not isinstance(attrs_table, dict):
                raise KnowledgeBaseError("[attributes] must be a table", path=path)
            declare(attributes, attrs_table, path)
            tables.append((path, attrs_table))
            documents.append((path, document))
        parsed.save()
        rules: list[RuleSpec] = []
        topics: dict[str, str] = {}
        seen: dict[str, Path] = {}
        for path, document in documents:
            summary = document.get("summary", "")
            if not isinstance(summary, str):
                raise KnowledgeBaseError("`summary` must be a string", path=path)
            topics[path.stem] = summary
            entries = document.get("rules", [])
            if not isinstance(entries, list):
                raise KnowledgeBaseError("`rules` must be an array of tables", path=path)
            for index, entry in enumerate(entries):
                rule = _RuleParser(path, index, attributes, sources).parse(entry)
                if rule.id in seen:
                    raise KnowledgeBaseError(
                        f"duplicate rule id, first defined in {seen[rule.id].name}",
                        path=path,
                        rule_id=rule.id,
                    )
                seen[rule.id] = path
                rules.append(rule)
            if "table" in document:
                rules += _table_rules(path, document["table"], attributes, sources, seen)
        check_references(attributes, groups, vocabulary)
        for path, table in tables:
            read_ask_when(attributes, table, path, self._conditions(attributes, path))
        self._check_refinements(rules)
        self._check_overrides(rules)
        _check_revisions(rules)
        knowledge = KnowledgeBase(
            rules=tuple(rules),
            attributes=attributes,
            sources=sources,
            path=str(self.directory),
            topics=topics,
            goals=read_goals(self.directory, attributes, self._goal_conditions(attributes)),
            group_words=groups,
            phrasing=read_phrasing(self.directory, attributes),
        )
        if not rules:
            # Refused rather than loaded (once all else is checked): an expert without rules
            # concludes nothing, which looks like a base that was skipped or could not be read.
            raise KnowledgeBaseError(
                "no rules: no topic file (*.toml besides "
                f"{', '.join(_NOT_TOPICS)}) holds a [[rules]] table",
                path=self.directory,
            )
        return knowledge

    def _goal_conditions(
        self, attributes: Mapping[str, Attribute]
    ) -> Callable[[Any, str], tuple[Condition, ...]]:
        """A reader of a goal's ``if`` table: the conditions of a rule's ``when``."""
        return self._conditions(attributes, self.directory / "goals.toml")

    @staticmethod
    def _conditions(
        attributes: Mapping[str, Attribute], path: Path
    ) -> Callable[[Any, str], tuple[Condition, ...]]:
        """A reader of conditions in the rule ``when`` syntax outside a rule (a goal's ``if``,
        an input's ``ask_when``), ``where`` naming them in messages."""

        def read(table: Any, where: str) -> tuple[Condition, ...]:
            parser = _RuleParser(path, 0, attributes, {})
            parser.rule_id = where
            return parser._conditions(table)

        return read

    @staticmethod
    def _check_refinements(rules: list[RuleSpec]) -> None:
        by_id = {rule.id: rule for rule in rules}
        for rule in rules:
            if rule.refines is None:
                continue
            broader = by_id.get(rule.refines)
            if broader is None:
                raise KnowledgeBaseError(
                    f"`refines` names no rule: {brief(rule.refines)}",
                    path=rule.path,
                    rule_id=rule.id,
                    suggestion=suggest(rule.refines, by_id),
                )
            if broader.source != rule.source or not set(broader.conclusions) & set(
                rule.conclusions
            ):
                raise KnowledgeBaseError(
                    f"`refines` must name a rule of the same source with the same conclusion; "
                    f"{rule.refines} has source {broader.source!r}",
                    path=rule.path,
                    rule_id=rule.id,
                )

    @staticmethod
    def _check_overrides(rules: list[RuleSpec]) -> None:
        by_id = {rule.id: rule for rule in rules}
        for rule in rules:
            for general_id in rule.overrides:
                general = by_id.get(general_id)
                if general is None or general is rule:
                    raise KnowledgeBaseError(
                        f"`overrides` names {'itself' if general else 'no rule'}: "
                        f"{brief(general_id)}",
                        path=rule.path,
                        rule_id=rule.id,
                        suggestion=None if general else suggest(general_id, by_id),
                    )
                if not general.concluded() & rule.concluded():
                    raise KnowledgeBaseError(
                        f"`overrides` names {general_id}, which concludes nothing this rule "
                        f"concludes ({', '.join(sorted(general.concluded()))})",
                        path=rule.path,
                        rule_id=rule.id,
                    )

    def _sources(self) -> dict[str, Source]:
        path = self.directory / "sources.toml"
        if not os.path.lexists(path):
            raise KnowledgeBaseError("missing sources.toml", path=self.directory)
        sources = {}
        for key, table in read_toml(path).items():
            if not isinstance(table, dict) or not isinstance(table.get("title"), str):
                raise KnowledgeBaseError(f"source {brief(key)} needs a `title` string", path=path)
            for field, value in table.items():
                if not isinstance(value, str):
                    raise KnowledgeBaseError(
                        f"source {brief(key)}: `{brief(field)[1:-1]}` must be a string, not "
                        f"{type(value).__name__}",
                        path=path,
                        suggestion=suggest(field, _SOURCE_KEYS)
                        if field not in _SOURCE_KEYS
                        else None,
                    )
            text = ""
            if "article" in table:
                # realpath, not resolve(): a link loop is for the read to report, not a
                # RuntimeError here.
                articles = Path(os.path.realpath(self.directory / "articles"))
                article = Path(os.path.realpath(articles / table["article"]))
                if article.parent != articles:
                    raise KnowledgeBaseError(
                        f"source {brief(key)}: `article` must name a file in articles/", path=path
                    )
                text = read_text(article, f"source {brief(key)}: article {article.name}: ")
            sources[key] = Source(
                key=key,
                title=table["title"],
                text=text,
                author=table.get("author"),
                site=table.get("site"),
                published=table.get("published"),
                label=table.get("label", ""),
            )
        return sources


def _table_rules(
    path: Path,
    table: Any,
    attributes: Mapping[str, Attribute],
    sources: Mapping[str, Source],
    seen: dict[str, Path],
) -> list[RuleSpec]:
    """The rows of a topic file's decision table, each validated as a rule."""
    rules = []
    for row in read_table(path, table, attributes):
        parser = _RowParser(row.path, row.number, path.stem, attributes, sources)
        rule = parser.parse(row.entry)
        if rule.id in seen:
            raise parser.fail(f"duplicate rule id, first defined in {seen[rule.id].name}")
        seen[rule.id] = row.path
        rules.append(attrs.evolve(rule, table=path.name, row=row.number, each_match=True))
    return rules


def _check_revisions(rules: list[RuleSpec]) -> None:
    """A revision sees only what the rules that are no revisions concluded: one revising a
    value another revision of the attribute concludes would revise a revision."""
    revised: dict[tuple[str, Any], RuleSpec] = {}
    for rule in rules:
        if rule.revises:
            for conclusion in rule.conclusions:
                if conclusion.attribute == rule.revises:
                    revised.setdefault((rule.revises, conclusion.value), rule)
    if not revised:
        return
    for rule in rules:
        for condition in rule.conditions if rule.revises else ():
            if condition.attribute != rule.revises or condition.op == "not":
                continue
            for value in condition.operands:
                other = revised.get((rule.revises, value))
                if other is not None and other is not rule:
                    raise KnowledgeBaseError(
                        f"`revises` {rule.revises}: tests {rule.revises} = {value}, which "
                        f"the revision {other.id} concludes; a revision may not revise a "
                        "revision (there is one revision stage)",
                        path=rule.path,
                        rule_id=rule.id,
                    )


class _RuleParser:
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
        elif op in _NUMERIC:
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


class _RowParser(_RuleParser):
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
