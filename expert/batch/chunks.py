"""Judging chunks of catalogue records, in this process, on worker processes or on a Dask
cluster: each chunk's records are dealt to the workers by their facts, so every repeat of a
device meets the worker whose cache has already judged it, and the results come back in
input order as the bytes to write.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .dispatch import Scattered, dask_client, dask_lanes, here, in_order, process_lanes
from .formats import csv_line, csv_row, decode_line, json_line, snippet
from .judge import Settings, consultant, judge
from .reading import Chunk
from .rejections import Rejection
from .summary import Summary

__all__ = ["WINDOW", "Judged", "judge_chunk", "judge_chunks"]

#: Chunks in flight at once when the work runs elsewhere.
WINDOW = 3


def _error_line(row: Mapping[str, Any], raw: bytes) -> bytes:
    return json_line({**row, "text": snippet(raw)}).encode("utf-8")


def _written(
    row: dict[str, Any], number: int, raw: bytes, settings: Settings
) -> tuple[dict[str, Any], bytes, bytes]:
    """A row as output or error bytes; a row that cannot be written as strict JSON or CSV
    becomes an error itself, so no output line is ever invalid."""
    try:
        if "error" in row:
            return row, b"", _error_line(row, raw)
        if settings.output_format == "csv":
            cells = csv_row(row, settings.attributes, settings.label_always)
            return row, csv_line(cells).encode("utf-8"), b""
        return row, json_line(row).encode("utf-8"), b""
    except (ValueError, TypeError, RecursionError) as error:  # UnicodeEncodeError included
        why = f"the row cannot be written as strict JSON or CSV ({error})"
        row = Rejection("unwritable", why[: 300 - len("unwritable: ")]).row(number, number)
        return row, b"", _error_line(row, raw)


def judge_chunk(
    records: Sequence[tuple[int, bytes]], settings: Settings
) -> tuple[list[tuple[bytes, bytes]], Summary]:
    """Judge numbered records; per record its output bytes and its error bytes (one is
    empty). Runs wherever the work is: this process, a worker, a Dask worker, each of
    which must judge by the knowledge base the run started with."""
    summarised = consultant(settings.rules, settings.engine, settings.base).summarised
    results, summary = [], Summary()
    for number, raw in records:
        record = decode_line(raw, number, settings.input_format, settings.header)
        if isinstance(record, Rejection):
            row = record.row(number, number)
        else:
            row = judge(record, number, settings)
        row, output, errors = _written(row, number, raw, settings)
        summary.add(row, summarised)
        results.append((output, errors))
    return results, summary


def _router(settings: Settings) -> Callable[[tuple[int, bytes]], int]:
    """A line's lane, by its facts (id and label left out): equal facts meet in one worker,
    whose cache then judges them once."""
    reserved = settings.reserved()
    drop = {i for i, column in enumerate(settings.header) if column in reserved}

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

    return csv_route if settings.input_format == "csv" else json_route


@attrs.frozen
class Judged:
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
    consultant(rules, engine)


@contextlib.contextmanager
def _lanes(settings: Settings, workers: int, dask: Any) -> Iterator[list[Any]]:
    """Where the work runs: the Dask cluster's workers, worker processes, or here."""
    if dask is not None:
        with dask_client(dask) as client:
            yield dask_lanes(client)
    elif workers > 1:
        with process_lanes(workers, _worker_start, (settings.rules, settings.engine)) as lanes:
            yield lanes
    else:
        yield [here]


def judge_chunks(
    chunks: Iterable[Chunk], settings: Settings, workers: int, dask: Any
) -> Generator[Judged, None, None]:
    """Judge the chunks here, on worker processes or on Dask; results in input order."""
    route = _router(settings)
    with _lanes(settings, workers, dask) as lanes:

        def submit(chunk: Chunk) -> Scattered:
            return Scattered(chunk.records, lanes, route, judge_chunk, settings)

        window = 1 if len(lanes) == 1 and dask is None else WINDOW
        for chunk, (results, summaries) in in_order(chunks, submit, window):
            summary = Summary()
            for each in summaries:
                summary.merge(each)
            output = b"".join(output for output, _ in results)
            errors = b"".join(error for _, error in results)
            yield Judged(output, errors, summary, chunk.lines, chunk.end, chunk.digest)
