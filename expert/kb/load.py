"""Loading a knowledge base: the files of a folder read and validated into the model.

Rule files are data. They are parsed with :mod:`tomllib` and checked field by field here;
nothing in them is evaluated. A broken file raises :class:`KnowledgeBaseError` naming the file,
the rule and the problem."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .._support.collector import collector_paused
from .._support.paths import check_path_argument
from .._support.toml_files import Read, base_files, read_text, read_toml, recording, stamp
from ..errors import KnowledgeBaseError, brief, suggest
from ..model.goals import read_goals
from ..model.knowledge_base import KnowledgeBase
from ..model.phrasing import read_phrasing
from ..model.rules import Condition, RuleSpec, Source
from ..model.vocabulary import Attribute, Group, SingleValue
from .rule_cache import ParsedFiles
from .rule_parser import RowParser, RuleParser
from .tables import read_table
from .vocabulary_file import check_references, declare, declare_groups, read_ask_when

#: Files of a base directory that are not topics: the articles, the vocabulary, the needs
#: ``expert check --gaps`` checks (:mod:`expert.kb.gaps`), the goals (:mod:`expert.model.goals`) and
#: the words people ask in (:mod:`expert.model.phrasing`).
_NOT_TOPICS = ("sources.toml", "vocabulary.toml", "gaps.toml", "goals.toml", "questions.toml")


#: The fields a source may have besides its ``title``; each is a string.
_SOURCE_KEYS = ("title", "label", "author", "site", "editor", "published", "article")


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
        checkout = Path(__file__).resolve().parents[2] / "rules"
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
                rule = RuleParser(path, index, attributes, sources).parse(entry)
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
            parser = RuleParser(path, 0, attributes, {})
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
        parser = RowParser(row.path, row.number, path.stem, attributes, sources)
        rule = parser.parse(row.entry)
        if rule.id in seen:
            raise parser.fail(f"duplicate rule id, first defined in {seen[rule.id].name}")
        seen[rule.id] = row.path
        rules.append(attrs.evolve(rule, table=path.name, row=row.number, each_match=True))
    return rules


def _check_revisions(rules: list[RuleSpec]) -> None:
    """A revision sees only what the rules that are no revisions concluded: one revising a
    value another revision of the attribute concludes would revise a revision."""
    # Keyed as a condition names a value: (attribute, value).
    revised: dict[tuple[str, SingleValue], RuleSpec] = {}
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
