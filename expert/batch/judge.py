"""Judging one record: the output row of its verdicts, or why it has none.

Each process that judges rows (this one, each worker process, each Dask worker) builds its
:class:`Consultant` once per knowledge base and engine: an :class:`~expert.api.expert.Expert`
with a large cache of compact results, since catalogues repeat themselves a lot. It is
checked against the checksum of the files the run started with, so every row of a run is
judged by one version of the base.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import attrs

from ..api.expert import Expert
from ..errors import BatchError, ExpertError, Parameter, brief
from ..model.typed_facts import group_of
from ..model.vocabulary import json_value
from .formats import facts, flatten
from .rejections import Rejection

__all__ = [
    "Consultant",
    "Settings",
    "base_digest",
    "consultant",
    "judge",
    "judge_object",
]

#: Distinct consultations each process remembers (catalogues repeat themselves a lot).
CACHE_SIZE = 16_384


@attrs.frozen
class Settings:
    """How records are read and judged: everything a process judging them needs besides the
    records (made by :func:`~expert.batch.run_batch` from its
    :class:`~expert.batch.BatchOptions`, and by :func:`~expert.batch.consult_records`).

    Attributes:
        input_format: ``csv`` or ``jsonl``.
        output_format: ``csv`` or ``jsonl``.
        header: the columns of a CSV catalogue.
        id_column: the column (or key) holding each record's id; the line number stands in
            where it is missing or empty.
        label_column: the column holding the catalogue's own kind (a value of the verdict
            the base declares ``catalogue_label``).
        label_always: give every row ``label`` and ``disagrees`` (the label column was named,
            or is in the CSV header); otherwise only rows that have a label get them.
        ignore: columns (or keys) that are neither facts nor id nor label.
        rules: the knowledge base's directory, or ``None`` for the bundled one.
        engine: the inference engine (see :data:`expert.api.expert.ENGINES`).
        attributes: the concluded attributes, in the order of CSV output columns.
        base: the checksum of the knowledge base's files the run started with (see
            :func:`base_digest`), which every process judging its rows must have read;
            ``None`` where any will do.
    """

    input_format: str = "jsonl"
    output_format: str = "jsonl"
    header: tuple[str, ...] = ()
    id_column: str = "id"
    label_column: str = "label"
    label_always: bool = False
    ignore: frozenset[str] = frozenset()
    rules: str | None = None
    engine: str = "experta"
    attributes: tuple[str, ...] = ()
    base: str | None = None

    def reserved(self) -> set[str]:
        """Columns that are not facts."""
        return {self.id_column, self.label_column, *self.ignore}

    def fingerprint(self) -> dict[str, Any]:
        """What must not change between an interrupted run and its resumption (the
        knowledge base is pinned apart, file by file)."""
        data = attrs.asdict(self)
        del data["base"]
        data["header"], data["ignore"] = list(self.header), sorted(self.ignore)
        data["attributes"] = list(self.attributes)
        return data


def base_digest(files: Mapping[str, str]) -> str:
    """One checksum of a knowledge base's files (:attr:`KnowledgeBase.files`)."""
    text = json.dumps(sorted(files.items()), separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Consultant:
    """An :class:`Expert` with a large cache of compact results, one per process.

    Attributes:
        expert: the expert.
        base: the checksum of the files of its knowledge base (:func:`base_digest`).
        labelled: the verdict a catalogue's label is checked against (the base's
            ``catalogue_label``), or ``None``.
        labels: the values a catalogue's label may take (those of ``labelled``).
        summarised: the attributes a summary counts: those the base's goals answer, but for
            sets.
    """

    def __init__(self, rules: str | None, engine: str) -> None:
        self.expert = Expert(rules, engine=engine, cache_size=0)
        knowledge = self.expert.knowledge
        self.base = base_digest(knowledge.files)
        self.labelled = knowledge.catalogue_label
        self.labels = knowledge.attributes[self.labelled].values if self.labelled else ()
        # A set verdict's values are counted nowhere: its combinations are too many to read.
        answers = dict.fromkeys(goal.attribute for goal in knowledge.goals)
        self.summarised = tuple(a for a in answers if not knowledge.attributes[a].multi)
        self.consult = lru_cache(maxsize=CACHE_SIZE)(self._consult)

    def _consult(self, facts: tuple[tuple[str, Any], ...]) -> tuple[dict[str, Any], list[str]]:
        """The compact verdicts and the conflicting attributes of a consultation on
        ``facts``."""
        result = self.expert.consult(dict(facts))
        verdicts = {
            verdict.attribute: {
                "value": json_value(verdict.value),
                "certainty": round(verdict.certainty, 4),
                "rules": [firing.rule for firing in verdict.because],
            }
            for verdict in result.verdicts
        }
        return verdicts, [conflict.attribute for conflict in result.conflicts]


_CONSULTANTS: dict[tuple[str | None, str], Consultant] = {}


def consultant(rules: str | None, engine: str, base: str | None = None) -> Consultant:
    """This process's consultant on ``rules``, built on first use (in each worker too),
    and built again when it was not made of the files ``base`` sums up.

    Raises:
        BatchError: the files are not those ``base`` sums up (they changed during the run).
    """
    found = _CONSULTANTS.get((rules, engine))
    if found is None or (base is not None and found.base != base):
        found = _CONSULTANTS[rules, engine] = Consultant(rules, engine)
    if base is not None and found.base != base:
        raise BatchError(
            (
                (
                    f"the knowledge base {rules or '(the bundled one)'} changed while the batch "
                    "ran: its rows would be judged by two versions of it; the chunks done are "
                    "kept, judged by the first (put it back and "
                ),
                Parameter("resume"),
                ", or start over)",
            )
        )
    return found


def _label(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    return text or None


def _id_problem(ident: Any) -> Rejection | None:
    """Why ``ident`` cannot be a record's id in strict JSON and CSV output, or ``None``."""
    if isinstance(ident, bool) or not isinstance(ident, (str, int, float)):
        return Rejection("bad-id", f"an id is a string or a number, not {type(ident).__name__}")
    if isinstance(ident, float) and not math.isfinite(ident):
        return Rejection("bad-id", f"{ident!r} is not a finite number")
    if isinstance(ident, str):
        try:
            ident.encode("utf-8")
        except UnicodeEncodeError:
            why = f"{brief(ident)} is not Unicode text (it holds a lone surrogate)"
            return Rejection("bad-id", why)
    return None


def judge(record: Mapping[str, Any], number: int, settings: Settings) -> dict[str, Any]:
    """The output row of the record on line ``number`` (a mapping of column names to
    values), or its error record."""
    ident = record.get(settings.id_column)
    ident = number if ident is None or ident == "" else ident
    problem = _id_problem(ident)
    if problem:
        return problem.row(number, number)
    found = consultant(settings.rules, settings.engine)
    label = _label(record.get(settings.label_column))
    if label is not None and label not in found.labels:
        allowed = ", ".join(found.labels) or (
            "none (the knowledge base declares no verdict to check a label against: "
            "`catalogue_label = true` in its vocabulary)"
        )
        return Rejection("bad-label", f"{label!r} is not allowed; allowed: {allowed}").row(
            number, ident
        )
    stated = facts(record, settings.reserved(), found.expert.knowledge.inputs)
    if isinstance(stated, Rejection):
        return stated.row(number, ident)
    try:
        verdicts, conflicts = found.consult(tuple(stated.items()))
    except ExpertError as error:
        return Rejection("inference", str(error)).row(number, ident)
    row: dict[str, Any] = {"id": ident, "line": number, "verdicts": verdicts}
    row["conflicts"] = conflicts
    if settings.label_always or settings.label_column in record:
        kind = verdicts.get(found.labelled) if found.labelled else None
        row["label"] = label
        row["disagrees"] = None if label is None or kind is None else kind["value"] != label
    return row


def _as_mapping(record: Any) -> Any:
    """Typed facts (:mod:`expert.model.typed_facts`), or a tuple of them, as a mapping of full fact
    names; anything else as it is."""
    if group_of(record) is not None:
        return record.known()
    if isinstance(record, tuple) and record and all(group_of(each) for each in record):
        return {name: value for each in record for name, value in each.known().items()}
    return record


def judge_object(record: Any, number: int, settings: Settings) -> dict[str, Any]:
    """:func:`judge` for a record given from Python: a mapping (groups may nest), typed facts
    (:mod:`expert.model.typed_facts`) or a tuple of them."""
    record = _as_mapping(record)
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        return Rejection("bad-record", f"a record is a mapping, not a {kind}").row(number, number)
    flat = flatten(record)
    if isinstance(flat, Rejection):
        return flat.row(number, number)
    return judge(flat, number, settings)
