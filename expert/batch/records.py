"""Judging records given from Python: :func:`consult_records` in this process, lazily, and
:func:`on_dask` on a Dask cluster; each yields the rows a batch would write."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._support.paths import check_path_argument
from .dispatch import dask_client
from .judge import Settings, judge_object
from .options import CHUNK_SIZE

__all__ = ["consult_records", "on_dask", "rules_key"]


def consult_records(
    records: Iterable[Any],
    *,
    rules: str | Path | None = None,
    engine: str = "experta",
    id_column: str = "id",
    label_column: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Judge each record in this process, lazily, in order.

    A record is a mapping of fact names (``light`` or ``plant.light``; values as Python
    values or as text) with an optional id and label, or typed facts
    (:mod:`expert.model.typed_facts`) or a tuple of them. (:meth:`Expert.consult_many <expert.api.expert.Expert.consult_many>` streams full
    :class:`~expert.api.expert.Result` objects instead.)

    Args:
        records: the records.
        rules: the knowledge base's directory; the bundled one by default.
        engine: the inference engine (see :data:`expert.api.expert.ENGINES`).
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
    settings = _settings(id_column, label_column, rules, engine, records)
    return (
        judge_object(record, number, settings) for number, record in enumerate(records, start=1)
    )


def _settings(
    id_column: str,
    label_column: str | None,
    rules: str | Path | None,
    engine: str,
    records: Any,
) -> Settings:
    """The settings of :func:`consult_records` and :func:`on_dask`, their arguments checked."""
    if not isinstance(records, Iterable):
        raise TypeError(f"records must be iterable, not {type(records).__name__}")
    check_path_argument(rules, "rules", optional=True)
    for name, value in (("id_column", id_column), ("engine", engine)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not isinstance(label_column, (str, type(None))):
        raise TypeError(f"label_column must be a str, not {type(label_column).__name__}")
    return Settings(
        engine=engine,
        id_column=id_column,
        label_column=label_column or "label",
        label_always=label_column is not None,
        rules=rules_key(rules),
    )


def rules_key(rules: str | Path | None) -> str | None:
    """The knowledge base's directory as every process names it (``None``: the bundled)."""
    return None if rules is None else str(Path(rules).resolve())


def _judge_partition(numbered: Iterable[tuple[int, Any]], settings: Settings) -> list[Any]:
    return [judge_object(record, number, settings) for number, record in numbered]


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
    settings = _settings(id_column, label_column, rules, engine, records)
    if isinstance(partition_size, bool) or not isinstance(partition_size, int):
        raise TypeError(f"partition_size must be an int, not {type(partition_size).__name__}")
    with dask_client(client_or_address) as client:
        import dask.bag

        numbered = list(enumerate(records, start=1))
        if not numbered:
            return []
        # dask is untyped; from_sequence makes the bag of (line, record) pairs
        bag = dask.bag.from_sequence(  # type: ignore[no-untyped-call]
            numbered, partition_size=max(1, partition_size)
        )
        judged: list[dict[str, Any]] = client.compute(
            bag.map_partitions(_judge_partition, settings)
        ).result()
        return judged
