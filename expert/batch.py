"""Catalogue batches: consult on many devices or needs at once, resumably, on local worker
processes or on a Dask cluster.

A batch reads a catalogue (CSV or JSON Lines), one record a line, and writes one output row
per record: its id, each verdict's value, certainty and rule ids, and, when the catalogue has
a label column, whether its label disagrees with the ``device.kind`` verdict. Bad records
never stop a batch: each is written, with its line number and the reason, to an errors file.

Output is written in chunks to ``OUTPUT.partial``; after each chunk both files are synced and
a small JSON sidecar (``OUTPUT.partial.json``) records how far the run got, so an interrupted
run continues from its last complete chunk (:func:`run_batch` with ``resume=True``). The
finished output is renamed into place, so ``OUTPUT`` is never half-written.

Work goes in chunks of lines. With worker processes or on Dask, each chunk's lines are dealt
to the workers by their facts, so every repeat of a device meets the worker whose cache has
already judged it; the results are put back in input order. Each worker process builds its
own :class:`~expert.engine.Expert` once: experta engines cannot be shared between processes.

The Python API: :func:`run_batch` (files), :func:`consult_records` (an iterable of records,
in this process) and :func:`on_dask` (the same on a Dask cluster, as a ``dask.bag``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import stat
import sys
import time
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from . import __version__, _rows
from ._checkpoint import Checkpoint, Paths, changes, input_identity, refuse_partial
from ._lanes import (
    Scattered,
    check_address,
    dask_client,
    dask_lanes,
    here,
    in_order,
    process_lanes,
)
from ._paths import Role, check_files, check_path_argument, locked
from ._rows import FORMATS
from ._terminal import size
from .engine import Expert
from .errors import BatchError, ExpertError, UsageError, brief
from .headphones import LABELS, Device, Needs
from .knowledge import bundled_path, load
from .vocabulary import json_value

__all__ = [
    "CHUNK_SIZE",
    "FORMATS",
    "LABELS",
    "MAIN_ATTRIBUTES",
    "BatchOptions",
    "Summary",
    "consult_records",
    "on_dask",
    "run_batch",
]

#: Records per chunk: the unit of work of a worker and of a checkpoint.
CHUNK_SIZE = 500

#: Distinct consultations each process remembers (catalogues repeat themselves a lot).
CACHE_SIZE = 16_384

#: The attributes whose verdicts the summary counts.
MAIN_ATTRIBUTES = (
    "device.kind", "device.io", "device.communication", "device.mic_quality",
    "recommendation.kind",
)  # fmt: skip


#: Chunks in flight at once when the work runs elsewhere.
WINDOW = 3

#: The longest record (line, or CSV record over several lines) read; a longer one is
#: rejected as ``too-long`` without being held in memory whole.
MAX_RECORD_BYTES = _rows.MAX_RECORD_BYTES

#: The most lines one quoted CSV field may run over before its opening quote is taken for
#: a stray one (the first line is then rejected alone, and the next read as a record).
MAX_RECORD_LINES = 100


# -- options and summary ---------------------------------------------------------------------


@attrs.frozen
class BatchOptions:
    """How records are read and judged: everything a worker needs besides the records.

    Attributes:
        input_format: ``csv`` or ``jsonl``.
        output_format: ``csv`` or ``jsonl``.
        header: the columns of a CSV catalogue.
        id_column: the column (or key) holding each record's id; the line number stands in
            where it is missing or empty.
        label_column: the column holding the catalogue's own kind (headphones/headset).
        label_always: give every row ``label`` and ``disagrees`` (the label column was named,
            or is in the CSV header); otherwise only rows that have a label get them.
        ignore: columns (or keys) that are neither facts nor id nor label.
        rules: the knowledge base's directory, or ``None`` for the bundled one.
        engine: the inference engine (see :data:`expert.engine.ENGINES`).
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


def _count(table: dict[str, int], key: str, amount: int = 1) -> None:
    table[key] = table.get(key, 0) + amount


@attrs.define
class Summary:
    """What a batch did: counts that add up across chunks, workers and resumptions.

    Attributes:
        rows: records read (rejected ones included).
        consulted: records the expert judged.
        rejected: rejected records by reason (``bad-value``, ``unknown-fact``, ...).
        verdicts: for each of :data:`MAIN_ATTRIBUTES`, how often each value was concluded.
        labelled: records with a label.
        disagreements: labelled records whose label differs from the ``device.kind`` verdict.
        undecided: labelled records without a ``device.kind`` verdict.
        output: the output file; errors: the errors file, ``None`` when none was written
            (set by :func:`run_batch`).
        seconds: how long this run took; resumed_rows: rows an earlier run had done.
    """

    rows: int = 0
    consulted: int = 0
    rejected: dict[str, int] = attrs.Factory(dict)
    verdicts: dict[str, dict[str, int]] = attrs.Factory(dict)
    labelled: int = 0
    disagreements: int = 0
    undecided: int = 0
    output: str | None = None
    errors: str | None = None
    seconds: float = 0.0
    resumed_rows: int = 0

    def add(self, row: Mapping[str, Any]) -> None:
        """Count one output row or error record."""
        self.rows += 1
        if "error" in row:
            _count(self.rejected, row["error"])
            return
        self.consulted += 1
        for attribute in MAIN_ATTRIBUTES:
            verdict = row["verdicts"].get(attribute)
            if verdict is not None:
                _count(self.verdicts.setdefault(attribute, {}), str(verdict["value"]))
        if row.get("label") is not None:
            self.labelled += 1
            self.disagreements += row["disagrees"] is True
            self.undecided += row["disagrees"] is None

    def merge(self, other: Summary) -> None:
        """Add the counts of ``other`` to these."""
        self.rows += other.rows
        self.consulted += other.consulted
        self.labelled += other.labelled
        self.disagreements += other.disagreements
        self.undecided += other.undecided
        for reason, amount in other.rejected.items():
            _count(self.rejected, reason, amount)
        for attribute, counts in other.verdicts.items():
            for value, amount in counts.items():
                _count(self.verdicts.setdefault(attribute, {}), value, amount)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as ``expert batch --json`` prints it."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        """The summary :meth:`to_dict` gave.

        Raises:
            ValueError: ``data`` is not such a summary (the message says why).
        """
        problem = summary_problem(data)
        if problem:
            raise ValueError(problem)
        return cls(**{field.name: data[field.name] for field in attrs.fields(cls)})

    def to_text(self) -> str:
        """A few lines for people: counts, rejections, verdicts and disagreements."""
        done = self.rows - self.resumed_rows
        rate = f", {done / self.seconds:,.0f} rows/s" if self.seconds and done else ""
        rejected = sum(self.rejected.values())
        head = f"{self.rows:,} rows in {self.seconds:,.1f} s{rate}: "
        lines = [f"{head}{self.consulted:,} consulted, {rejected:,} rejected"]
        if self.resumed_rows:
            lines.append(f"  resumed after {self.resumed_rows:,} rows done by an earlier run")
        if self.rejected:
            reasons = ", ".join(f"{k} {v:,}" for k, v in sorted(self.rejected.items()))
            lines.append(f"  rejected: {reasons} (see {self.errors or 'the errors'})")
        for attribute in MAIN_ATTRIBUTES:
            counts = self.verdicts.get(attribute, {})
            if counts:
                shown = ", ".join(f"{value} {n:,}" for value, n in sorted(counts.items()))
                none = self.consulted - sum(counts.values())
                lines.append(f"  {attribute}: {shown}, no verdict {none:,}")
        if self.labelled:
            share = self.disagreements / self.labelled
            lines.append(
                f"  label disagrees with device.kind: {self.disagreements:,} of "
                f"{self.labelled:,} labelled rows ({share:.1%}); no verdict {self.undecided:,}"
            )
        if self.output:
            lines.append(f"  output: {self.output}")
        return "\n".join(lines)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _counts(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and _whole(amount) for key, amount in value.items()
    )


def summary_problem(data: Any) -> str | None:
    """What keeps ``data`` from being a :meth:`Summary.to_dict`, or ``None``."""
    names = [field.name for field in attrs.fields(Summary)]
    if not isinstance(data, Mapping) or set(data) != set(names):
        return "the counts are not a batch summary"
    whole = ("rows", "consulted", "labelled", "disagreements", "undecided", "resumed_rows")
    bad = [name for name in whole if not _whole(data[name])]
    if not _counts(data["rejected"]):
        bad.append("rejected")
    verdicts = data["verdicts"]
    if not isinstance(verdicts, dict) or not all(
        isinstance(key, str) and _counts(counts) for key, counts in verdicts.items()
    ):
        bad.append("verdicts")
    bad += [name for name in ("output", "errors") if not isinstance(data[name], (str, type(None)))]
    seconds = data["seconds"]
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        bad.append("seconds")
    elif not math.isfinite(seconds) or seconds < 0:
        bad.append("seconds")
    if bad:
        return f"the counts have a bad {', '.join(bad)}"
    if data["consulted"] + sum(data["rejected"].values()) != data["rows"]:
        return "the counts do not add up to the rows"
    labelled = data["labelled"]
    if labelled > data["consulted"] or data["disagreements"] + data["undecided"] > labelled:
        return "the label counts do not add up"
    return None


# -- judging one record ----------------------------------------------------------------------


def base_digest(files: Mapping[str, str]) -> str:
    """One checksum of a knowledge base's files (:attr:`KnowledgeBase.files`)."""
    text = json.dumps(sorted(files.items()), separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Consultant:
    """An :class:`Expert` with a large cache of compact results, one per process."""

    def __init__(self, rules: str | None, engine: str) -> None:
        self.expert = Expert(rules, engine=engine, cache_size=0)
        self.base = base_digest(self.expert.knowledge.files)
        self.judge = lru_cache(maxsize=CACHE_SIZE)(self._judge)

    def _judge(self, facts: tuple[tuple[str, Any], ...]) -> tuple[dict[str, Any], list[str]]:
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


_CONSULTANTS: dict[tuple[str | None, str], _Consultant] = {}


def _consultant(rules: str | None, engine: str, base: str | None = None) -> _Consultant:
    """This process's consultant on ``rules``, built on first use (in each worker too),
    and built again when it was not made of the files ``base`` sums up.

    Raises:
        BatchError: the files are not those ``base`` sums up (they changed during the run).
    """
    found = _CONSULTANTS.get((rules, engine))
    if found is None or (base is not None and found.base != base):
        found = _CONSULTANTS[rules, engine] = _Consultant(rules, engine)
    if base is not None and found.base != base:
        raise BatchError(
            f"the knowledge base {rules or '(the bundled one)'} changed while the batch ran: "
            "its rows would be judged by two versions of it; the chunks done are kept, "
            "judged by the first (put it back and --resume, or start over)"
        )
    return found


def _rejected(number: int, ident: Any, problem: str) -> dict[str, Any]:
    """The error record of a line, from a ``"reason: message"`` problem."""
    reason, _, message = problem.partition(": ")
    return {"line": number, "id": ident, "error": reason, "reason": message}


def _label(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    return text or None


def _id_problem(ident: Any) -> str | None:
    """Why ``ident`` cannot be a record's id in strict JSON and CSV output, or ``None``."""
    if isinstance(ident, bool) or not isinstance(ident, (str, int, float)):
        return f"bad-id: an id is a string or a number, not {type(ident).__name__}"
    if isinstance(ident, float) and not math.isfinite(ident):
        return f"bad-id: {ident!r} is not a finite number"
    if isinstance(ident, str):
        try:
            ident.encode("utf-8")
        except UnicodeEncodeError:
            return f"bad-id: {brief(ident)} is not Unicode text (it holds a lone surrogate)"
    return None


def _judge(record: Mapping[str, Any], number: int, options: BatchOptions) -> dict[str, Any]:
    """The output row of one record (a mapping of column names to values), or its error."""
    ident = record.get(options.id_column)
    ident = number if ident is None or ident == "" else ident
    problem = _id_problem(ident)
    if problem:
        return _rejected(number, number, problem)
    label = _label(record.get(options.label_column))
    if label is not None and label not in LABELS:
        allowed = ", ".join(LABELS)
        return _rejected(number, ident, f"bad-label: {label!r} is not allowed; allowed: {allowed}")
    consultant = _consultant(options.rules, options.engine)
    facts = _rows.facts(record, options.reserved(), consultant.expert.knowledge.inputs)
    if isinstance(facts, str):
        return _rejected(number, ident, facts)
    try:
        verdicts, conflicts = consultant.judge(tuple(facts.items()))
    except ExpertError as error:
        return _rejected(number, ident, f"inference: {error}")
    row: dict[str, Any] = {"id": ident, "line": number, "verdicts": verdicts}
    row["conflicts"] = conflicts
    if options.label_always or options.label_column in record:
        kind = verdicts.get("device.kind")
        row["label"] = label
        row["disagrees"] = None if label is None or kind is None else kind["value"] != label
    return row


def _as_record(record: Any) -> Any:
    """A Device, Needs or (Device, Needs) pair as a mapping of full fact names."""
    if isinstance(record, (Device, Needs)):
        return record.known()
    if isinstance(record, tuple) and all(isinstance(each, (Device, Needs)) for each in record):
        return {name: value for each in record for name, value in each.known().items()}
    return record


def _judge_any(record: Any, number: int, options: BatchOptions) -> dict[str, Any]:
    record = _as_record(record)
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        return _rejected(number, number, f"bad-record: a record is a mapping, not a {kind}")
    flat = _rows.flatten(record)
    if isinstance(flat, str):
        return _rejected(number, number, flat)
    return _judge(flat, number, options)


def consult_records(
    records: Iterable[Any],
    *,
    rules: str | Path | None = None,
    engine: str = "experta",
    id_column: str = "id",
    label_column: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Judge each record in this process, lazily, in order.

    A record is a mapping of fact names (``mic`` or ``device.mic``, ``uses``; values as
    Python values or as text) with an optional id and label, or a :class:`Device`, a
    :class:`Needs` or a pair of them. (:meth:`Expert.consult_many` streams full
    :class:`~expert.result.Result` objects instead.)

    Args:
        records: the records.
        rules: the knowledge base's directory; the bundled one by default.
        engine: the inference engine (see :data:`expert.engine.ENGINES`).
        id_column: the key of a record's id; its position (from 1) when it has none.
        label_column: the key of the catalogue's own kind (default ``label``); rows get
            ``label`` and ``disagrees`` when it is named here, or when their record has it.

    Yields:
        per record, the output row ``{"id", "line", "verdicts", "conflicts"}`` (and maybe
        ``"label"`` and ``"disagrees"``), where ``line`` is the record's position and
        ``verdicts`` maps each concluded attribute to its ``value``, ``certainty`` and
        ``rules``; or, for a bad record, ``{"line", "id", "error", "reason"}``.

    Raises:
        KnowledgeBaseError: the rule files are broken (at the first record).
        TypeError: an argument of the wrong type (at once).
    """
    options = _options(id_column, label_column, rules, engine, records)
    return _judge_each(records, options)


def _judge_each(records: Iterable[Any], options: BatchOptions) -> Iterator[dict[str, Any]]:
    for number, record in enumerate(records, start=1):
        yield _judge_any(record, number, options)


def _options(
    id_column: str,
    label_column: str | None,
    rules: str | Path | None,
    engine: str,
    records: Any,
) -> BatchOptions:
    """The options of :func:`consult_records` and :func:`on_dask`, their arguments checked."""
    if not isinstance(records, Iterable):
        raise TypeError(f"records must be iterable, not {type(records).__name__}")
    check_path_argument(rules, "rules", optional=True)
    for name, value in (("id_column", id_column), ("engine", engine)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not isinstance(label_column, (str, type(None))):
        raise TypeError(f"label_column must be a str, not {type(label_column).__name__}")
    return BatchOptions(
        engine=engine,
        id_column=id_column,
        label_column=label_column or "label",
        label_always=label_column is not None,
        rules=_rules_key(rules),
    )


def _rules_key(rules: str | Path | None) -> str | None:
    return None if rules is None else str(Path(rules).resolve())


# -- judging chunks of lines, here or elsewhere ----------------------------------------------


@attrs.frozen
class _Chunk:
    """Consecutive catalogue records, each with the number of its first line; the lines
    they take, the input offset after them, and the SHA-256 of the input up to there."""

    records: tuple[tuple[int, bytes], ...]
    lines: int
    end: int
    digest: str


def _error_line(row: Mapping[str, Any], raw: bytes) -> bytes:
    return _rows.json_line({**row, "text": _rows.snippet(raw)}).encode("utf-8")


def _written(
    row: dict[str, Any], number: int, raw: bytes, options: BatchOptions
) -> tuple[dict[str, Any], bytes, bytes]:
    """A row as output or error bytes; a row that cannot be written as strict JSON or CSV
    becomes an error itself, so no output line is ever invalid."""
    try:
        if "error" in row:
            return row, b"", _error_line(row, raw)
        if options.output_format == "csv":
            cells = _rows.csv_row(row, options.attributes, options.label_always)
            return row, _rows.csv_line(cells).encode("utf-8"), b""
        return row, _rows.json_line(row).encode("utf-8"), b""
    except (ValueError, TypeError, RecursionError) as error:  # UnicodeEncodeError included
        why = f"unwritable: the row cannot be written as strict JSON or CSV ({error})"
        row = _rejected(number, number, why[:300])
        return row, b"", _error_line(row, raw)


def _judge_lines(
    records: Sequence[tuple[int, bytes]], options: BatchOptions
) -> tuple[list[tuple[bytes, bytes]], Summary]:
    """Judge numbered records; per record its output bytes and its error bytes (one is
    empty). Runs wherever the work is: this process, a worker, a Dask worker, each of
    which must judge by the knowledge base the run started with."""
    _consultant(options.rules, options.engine, options.base)
    results, summary = [], Summary()
    for number, raw in records:
        record = _rows.decode_line(raw, number, options.input_format, options.header)
        if isinstance(record, str):
            row = _rejected(number, number, record)
        else:
            row = _judge(record, number, options)
        row, output, errors = _written(row, number, raw, options)
        summary.add(row)
        results.append((output, errors))
    return results, summary


def _router(options: BatchOptions) -> Callable[[tuple[int, bytes]], int]:
    """A line's lane, by its facts (id and label left out): equal facts meet in one worker,
    whose cache then judges them once."""
    reserved = options.reserved()
    drop = {i for i, column in enumerate(options.header) if column in reserved}

    def csv_route(line: tuple[int, bytes]) -> int:
        fields = line[1].split(b",")  # quoting is ignored: a route need not be a parse
        return zlib.crc32(b",".join(f for i, f in enumerate(fields) if i not in drop))

    def json_route(line: tuple[int, bytes]) -> int:
        try:
            record = json.loads(line[1])
            key = repr(sorted((k, v) for k, v in record.items() if k not in reserved))
        except (ValueError, AttributeError, TypeError, RecursionError):
            return zlib.crc32(line[1])  # not a record: any lane will reject it
        return zlib.crc32(key.encode("utf-8", "replace"))

    return csv_route if options.input_format == "csv" else json_route


@attrs.frozen
class _Done:
    """A judged chunk: output bytes, error lines, counts, lines read, input offset after and
    the input's SHA-256 up to there."""

    output: bytes
    errors: bytes
    summary: Summary
    lines: int
    end: int
    digest: str


def _worker_start(rules: str | None, engine: str) -> None:
    """Start a worker process: build the expert now."""
    _consultant(rules, engine)


@contextlib.contextmanager
def _lanes(options: BatchOptions, workers: int, dask: Any) -> Iterator[list[Any]]:
    if dask is not None:
        with dask_client(dask) as client:
            yield dask_lanes(client)
    elif workers > 1:
        with process_lanes(workers, _worker_start, (options.rules, options.engine)) as lanes:
            yield lanes
    else:
        yield [here]


def _judged(
    chunks: Iterable[_Chunk], options: BatchOptions, workers: int, dask: Any
) -> Generator[_Done, None, None]:
    """Judge the chunks here, on worker processes or on Dask; results in input order."""
    route = _router(options)
    with _lanes(options, workers, dask) as lanes:

        def submit(chunk: _Chunk) -> Scattered:
            return Scattered(chunk.records, lanes, route, _judge_lines, options)

        window = 1 if len(lanes) == 1 and dask is None else WINDOW
        for chunk, (results, summaries) in in_order(chunks, submit, window):
            summary = Summary()
            for each in summaries:
                summary.merge(each)
            output = b"".join(output for output, _ in results)
            errors = b"".join(error for _, error in results)
            yield _Done(output, errors, summary, chunk.lines, chunk.end, chunk.digest)


def _judge_partition(numbered: Iterable[tuple[int, Any]], options: BatchOptions) -> list[Any]:
    return [_judge_any(record, number, options) for number, record in numbered]


def on_dask(
    records: Iterable[Any],
    client_or_address: Any,
    *,
    rules: str | Path | None = None,
    engine: str = "experta",
    id_column: str = "id",
    label_column: str | None = None,
    partition_size: int = CHUNK_SIZE,
) -> list[dict[str, Any]]:
    """Judge records on a Dask cluster, as :func:`consult_records` does in this process.

    The records become a ``dask.bag`` of partitions of ``partition_size``; each worker
    process builds its expert once, on its first partition, and keeps it.

    Args:
        records: as for :func:`consult_records`.
        client_or_address: a ``distributed.Client`` or a scheduler's address
            (``tcp://127.0.0.1:8786``).
        rules, engine, id_column, label_column: as for :func:`consult_records`.
        partition_size: records per task.

    Returns:
        The output rows and error records, in the order of ``records``.

    Raises:
        UsageError: Dask is not installed, or the scheduler cannot be reached.
    """
    options = _options(id_column, label_column, rules, engine, records)
    if isinstance(partition_size, bool) or not isinstance(partition_size, int):
        raise TypeError(f"partition_size must be an int, not {type(partition_size).__name__}")
    with dask_client(client_or_address) as client:
        import dask.bag

        numbered = list(enumerate(records, start=1))
        if not numbered:
            return []
        bag = dask.bag.from_sequence(numbered, partition_size=max(1, partition_size))
        judged: list[dict[str, Any]] = client.compute(
            bag.map_partitions(_judge_partition, options)
        ).result()
        return judged


# -- files -----------------------------------------------------------------------------------


def _physical_lines(handle: BinaryIO, digest: Any) -> Iterator[tuple[bytes, int, Any]]:
    """Each line (cut after ``MAX_RECORD_BYTES + 1`` bytes), the bytes it takes, and the
    SHA-256 state of the input up to its end (``digest``, the state before the first line,
    goes on over every byte read)."""
    while raw := handle.readline(MAX_RECORD_BYTES + 1):
        digest.update(raw)
        taken = len(raw)
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while more := handle.readline(1 << 20):  # skip the rest, holding none of it
                digest.update(more)
                taken += len(more)
                if more.endswith(b"\n"):
                    break
        yield raw, taken, digest.copy()


def _records(
    handle: BinaryIO, fmt: str, width: int, digest: Any
) -> Iterator[tuple[bytes, int, int, Any]]:
    """Each record: its bytes, the lines and the bytes it takes, and the SHA-256 state of
    the input up to its end.

    A CSV record goes on over the next lines while a quoted field is open (RFC 4180), for
    at most ``MAX_RECORD_LINES`` lines and ``MAX_RECORD_BYTES`` bytes, if the lines then
    make one record of ``width`` fields. Otherwise the opening quote is a stray: its line
    is a record alone (a bad one), and the lines after it are read again as records of
    their own, so a stray quote never swallows the rows after it.
    """
    lines = _physical_lines(handle, digest)
    pending: deque[tuple[bytes, int, Any]] = deque()
    while True:
        first = pending.popleft() if pending else next(lines, None)
        if first is None:
            return
        raw, taken, state = first
        quotes = raw.count(b'"')
        if fmt != "csv" or quotes % 2 == 0 or len(raw) > MAX_RECORD_BYTES:
            yield raw, 1, taken, state
            continue
        parts, size = [first], len(raw)
        while quotes % 2 and len(parts) < MAX_RECORD_LINES and size <= MAX_RECORD_BYTES:
            following = pending.popleft() if pending else next(lines, None)
            if following is None:
                break
            parts.append(following)
            quotes += following[0].count(b'"')
            size += len(following[0])
        joined = b"".join(part[0] for part in parts)
        if quotes % 2 == 0 and size <= MAX_RECORD_BYTES and _rows.fields(joined) == width:
            yield joined, len(parts), sum(part[1] for part in parts), parts[-1][2]
        else:
            pending.extendleft(reversed(parts[1:]))
            yield raw, 1, taken, state


def _chunks(
    handle: BinaryIO, first: int, offset: int, size: int, options: BatchOptions, digest: Any
) -> Iterator[_Chunk]:
    """The records from ``offset`` on in chunks of ``size``; ``digest`` is the SHA-256
    state of the input before ``offset``."""
    records: list[tuple[int, bytes]] = []
    lines = 0
    width = len(options.header)
    for raw, count, taken, state in _records(handle, options.input_format, width, digest):
        records.append((first + lines, raw))
        lines += count
        offset += taken
        if len(records) == size:
            yield _Chunk(tuple(records), lines, offset, state.hexdigest())
            first, lines, records = first + lines, 0, []
    if records:
        yield _Chunk(tuple(records), lines, offset, state.hexdigest())


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


@contextlib.contextmanager
def _progress_bar(enabled: bool, total: int, done: int) -> Iterator[Callable[[int], None]]:
    """A rich progress bar with rate and ETA on stderr, or nothing."""
    if not enabled:
        yield lambda rows: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]} rows/s"), TimeRemainingColumn(),
    )  # fmt: skip
    with Progress(*columns, console=Console(stderr=True, **size(sys.stderr))) as bar:
        task = bar.add_task("batch", total=total, completed=done, rate="?")
        start, first = time.monotonic(), done

        def advance(rows: int) -> None:
            done_here = bar.tasks[0].completed + rows - first
            rate = done_here / max(time.monotonic() - start, 1e-9)
            bar.update(task, advance=rows, rate=f"{rate:,.0f}")

        yield advance


def run_batch(
    input: str | Path,
    output: str | Path,
    *,
    errors: str | Path | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    id_column: str | None = None,
    label_column: str | None = None,
    ignore: Iterable[str] = (),
    rules: str | Path | None = None,
    engine: str = "experta",
    workers: int = 1,
    dask: Any = None,
    chunk_size: int = CHUNK_SIZE,
    resume: bool = False,
    progress: bool | None = None,
) -> Summary:
    """Judge every record of a catalogue file and write the output rows to ``output``.

    Args:
        input: a CSV file (line 1 the header) or a JSON Lines file; one record a line.
        output: where the rows go (JSON Lines or CSV); written to ``OUTPUT.partial`` in
            chunks and renamed into place when the batch is done.
        errors: where bad records go, one JSON object a line with ``line``, ``id``,
            ``error`` (the kind), ``reason`` and ``text``; ``OUTPUT.errors.jsonl`` by default,
            left only when some record was rejected (a file named here is always written).
        input_format, output_format: ``csv`` or ``jsonl``; by the file's extension if not
            given.
        id_column: the column holding record ids (``id`` by default; the line number when a
            record has none).
        label_column: the column holding the catalogue's own kind (headphones/headset); each
            output row then says whether the ``device.kind`` verdict disagrees with it.
        ignore: columns that are neither facts nor id nor label.
        rules: the knowledge base's directory; the bundled one by default.
        engine: the inference engine (see :data:`expert.engine.ENGINES`).
        workers: worker processes (1 judges in this process).
        dask: a ``distributed.Client`` or a scheduler's address to run the chunks on.
        chunk_size: records per chunk (per task and per checkpoint).
        resume: continue an interrupted run from its last complete chunk (or start afresh
            when there is none); without it, an interrupted run's files stop the batch.
        progress: show a progress bar on stderr (by default when stderr is a terminal).

    Returns:
        The :class:`Summary` of the whole file (an interrupted run's rows included).

    Raises:
        UsageError: bad arguments, an unreadable input, a bad CSV header, an interrupted
            run in the way (without ``resume``), or Dask missing or unreachable.
        KnowledgeBaseError: the rule files are broken.
    """
    ignore = _check_types(
        {"input": input, "output": output, "errors": errors, "rules": rules},
        {"input_format": input_format, "output_format": output_format,
         "id_column": id_column, "label_column": label_column},
        ignore, engine, resume, progress,
    )  # fmt: skip
    source, target = Path(input), Path(output)
    _check_counts(workers, chunk_size, dask)
    in_format = _rows.format_of(source, input_format, "--input-format")
    out_format = _rows.format_of(target, output_format, "--output-format")
    paths = Paths.of(target, Path(errors) if errors else None)
    # Every file is checked before any is created; the lock then keeps other runs out.
    check_files(_inputs(source, rules), paths.roles())
    rules_key = _rules_key(rules)
    # The base as its files are now (a broken base or engine fails here), pinned for the run.
    base = base_digest(load(rules_key).files)
    expert = _consultant(rules_key, engine, base).expert
    options = BatchOptions(
        input_format=in_format,
        output_format=out_format,
        id_column=id_column or "id",
        label_column=label_column or "label",
        label_always=label_column is not None,
        ignore=ignore,
        rules=rules_key,
        engine=engine,
        attributes=tuple(expert.knowledge.verdict_attributes()),
        base=base,
    )
    started = time.monotonic()
    with _open_input(source) as handle:
        _rows.check_encoding(handle, source)
        if in_format == "csv":
            header = _rows.read_header(handle, source)
            named = {"--id-column": id_column, "--label-column": label_column}
            _rows.check_header(header, options.reserved(), named, source, expert.knowledge.inputs)
            label_always = options.label_always or options.label_column in header
            options = attrs.evolve(options, header=header, label_always=label_always)
        # A scheduler out of reach is found before any file is made.
        connected = dask_client(dask) if dask is not None else contextlib.nullcontext()
        with connected as dask, locked(paths.locks()):
            if not resume:
                refuse_partial(paths)
            summary = _run(handle, source, paths, options, resume, workers, dask, chunk_size,
                           progress, keep_empty_errors=errors is not None)  # fmt: skip
    summary.seconds = time.monotonic() - started
    summary.output = str(paths.output)
    summary.errors = str(paths.errors) if paths.errors.exists() else None
    return summary


#: The most worker processes and the largest chunk a batch takes.
MAX_WORKERS, MAX_CHUNK_SIZE = 256, 1_000_000


def _check_types(
    paths: Mapping[str, Any],
    texts: Mapping[str, Any],
    ignore: Any,
    engine: Any,
    resume: Any,
    progress: Any,
) -> frozenset[str]:
    """Raise :class:`TypeError` for an argument of a plainly wrong type; the ignored columns
    as a set."""
    for name, value in paths.items():
        check_path_argument(value, name, optional=name in ("errors", "rules"))
    for name, value in {**texts, "engine": engine}.items():
        if not isinstance(value, (str, type(None))) or (name == "engine" and value is None):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if isinstance(ignore, (str, bytes)) or not isinstance(ignore, Iterable):
        raise TypeError(f"ignore must be an iterable of column names, not {type(ignore).__name__}")
    columns = list(ignore)
    if not all(isinstance(column, str) for column in columns):
        raise TypeError("ignore must hold column names (str)")
    if not isinstance(resume, bool) or not isinstance(progress, (bool, type(None))):
        raise TypeError("resume must be a bool, and progress a bool or None")
    return frozenset(columns)


def _check_counts(workers: Any, chunk_size: Any, dask: Any) -> None:
    for name, value, most in (("--workers", workers, MAX_WORKERS),
                              ("--chunk-size", chunk_size, MAX_CHUNK_SIZE)):  # fmt: skip
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
            raise UsageError(
                f"{name} must be a whole number from 1 to {most:,}, not {brief(value)}"
            )
    if dask is not None and workers > 1:
        raise UsageError("give --workers or --dask, not both")
    if isinstance(dask, str):
        check_address(dask)


def _inputs(source: Path, rules: str | Path | None) -> list[Role]:
    """The files a batch reads: the catalogue, the rule files and their articles."""
    directory = Path(rules) if rules is not None else bundled_path()
    found = [Role("the input", source)]
    with contextlib.suppress(OSError):
        found += [Role("the rule file", path) for path in sorted(directory.glob("*.toml"))]
        found += [Role("the article", path) for path in sorted(directory.glob("articles/*"))]
    return found


@contextlib.contextmanager
def _open_input(path: Path) -> Iterator[BinaryIO]:
    """The catalogue, open; it must be a regular file, which a resumed run can read again
    from where the last one stopped (opened without blocking, so a pipe is refused rather
    than waited on)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    handle = open(descriptor, "rb")
    with handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise UsageError(f"cannot read {path}: not a regular file (a batch reads a file "
                             "it can read again to resume)")  # fmt: skip
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        yield handle


def _start(
    handle: BinaryIO, source: Path, paths: Paths, options: BatchOptions, resume: bool
) -> tuple[Checkpoint, dict[str, Any]]:
    """The checkpoint to go on from (the interrupted run's, or a new one) and the input's
    identity when the run started."""
    identity, settings = input_identity(source), options.fingerprint()
    files = _consultant(options.rules, options.engine, options.base).expert.knowledge.files
    knowledge = {"version": __version__, "files": dict(files)}
    if resume and paths.sidecar.exists():
        checkpoint = Checkpoint.resume(
            paths, source, identity, settings, knowledge, summary_problem
        )
        return checkpoint, checkpoint.saved["input"]
    head = b""
    if options.output_format == "csv":
        columns = _rows.output_columns(options.attributes, options.label_always)
        head = _rows.csv_line(columns).encode("utf-8")
    checkpoint = Checkpoint.start(
        paths,
        source,
        identity,
        settings,
        knowledge,
        offset=handle.tell(),
        lines=1 if options.header else 0,
        extra=Summary().to_dict(),
        head=head,
    )
    return checkpoint, identity


def _changed(source: Path, identity: Mapping[str, Any], read: Any = None) -> str | None:
    """How the input differs from the file a run started on, or ``None``: its path, size,
    modification time and inode, and, given the SHA-256 state of everything the run read
    (``read``), its bytes."""
    try:
        now = input_identity(source)
    except OSError as error:
        return f"it cannot be read now: {error.strerror or error}"
    if now != identity:
        return changes(identity, now)
    if read is not None:
        try:
            with open(source, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256")
        except OSError as error:
            return f"it cannot be read now: {error.strerror or error}"
        if digest.hexdigest() != read.hexdigest():
            return "its bytes are not those read"
    return None


def _fail_changed(checkpoint: Checkpoint, source: Path, why: str) -> BatchError:
    """Mark the run failed because its input changed, and the error saying so."""
    reason = f"the input {source} changed while the batch ran ({why})"
    checkpoint.fail(reason)
    return BatchError(
        f"{reason}: its rows would mix two versions of it; nothing was written to "
        f"{checkpoint.paths.output}; {checkpoint.paths.start_over()}"
    )


def _run(
    handle: BinaryIO,
    source: Path,
    paths: Paths,
    options: BatchOptions,
    resume: bool,
    workers: int,
    dask: Any,
    chunk_size: int,
    progress: bool | None,
    *,
    keep_empty_errors: bool,
) -> Summary:
    """Judge the input from where the last run stopped, chunk by chunk, into the files; an
    errors file of the default name is left only when some record was rejected.

    The input must stay the file the run started on: its identity is checked after every
    chunk, and, at the end, its bytes against everything read; a change fails the run.
    """
    checkpoint, identity = _start(handle, source, paths, options, resume)
    summary = Summary.from_dict(checkpoint.extra)
    summary.resumed_rows = summary.rows
    handle.seek(checkpoint.offset)
    read = checkpoint.input_hash.copy()
    chunks = _chunks(handle, checkpoint.lines + 1, checkpoint.offset, chunk_size, options, read)
    if progress is None:
        from rich.console import Console

        progress = Console(stderr=True, **size(sys.stderr)).is_terminal
    total = _count_lines(source) - (1 if options.header else 0) if progress else 0
    try:
        judged = contextlib.closing(_judged(chunks, options, workers, dask))
        with _progress_bar(progress, total, summary.rows) as advance, judged as results:
            for done in results:
                why = _changed(source, identity)
                if why:
                    raise _fail_changed(checkpoint, source, why)
                summary.merge(done.summary)
                checkpoint.add(
                    done.output,
                    done.errors,
                    lines=done.lines,
                    offset=done.end,
                    input_sha256=done.digest,
                    extra=summary.to_dict(),
                )
                advance(done.lines)
        why = _changed(source, identity, read)
        if why:
            raise _fail_changed(checkpoint, source, why)
    except BaseException:
        checkpoint.close()
        raise
    checkpoint.finish(keep_empty_errors=keep_empty_errors)
    return summary
