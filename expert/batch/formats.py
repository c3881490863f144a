"""The formats of a batch: catalogue lines to records and facts, output rows to lines.

Problems with one line are returned as a :class:`~expert.batch.rejections.Rejection`
(``bad-json`` and why), not raised: a bad row is data for the errors file, and never stops a
batch. Problems with the whole file (its format, its header, its encoding) are raised as
:class:`~expert.errors.UsageError`, naming the parameters of :class:`~expert.batch.BatchOptions`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from .._support.strict_json import loads
from ..errors import FactError, Parameter, UsageError, suggest
from ..model.stated_facts import given_twice, named_once, state_facts
from ..model.vocabulary import Attribute, resolve
from .rejections import Rejection

__all__ = [
    "FORMATS",
    "check_encoding",
    "check_header",
    "csv_line",
    "csv_row",
    "decode_line",
    "fact_name",
    "facts",
    "fields",
    "flatten",
    "format_of",
    "json_line",
    "output_columns",
    "read_header",
    "snippet",
]

#: The file formats of catalogues and outputs.
FORMATS = ("csv", "jsonl")

#: File name endings and the format each means.
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}

#: The longest record a catalogue may have, in bytes (line break included).
MAX_RECORD_BYTES = 1 << 16


def format_of(path: Path, given: str | None, parameter: str) -> str:
    """The format given as ``parameter``, or the one the file's extension says.

    Raises:
        UsageError: neither says a known format.
    """
    if given is not None:
        if given not in FORMATS:
            raise UsageError(
                (
                    Parameter(parameter),
                    f": {given!r} is not a format; allowed: {', '.join(FORMATS)}",
                )
            )
        return given
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise UsageError(
            (
                f"cannot tell the format of {path} from its name; give ",
                Parameter(parameter),
                " csv or jsonl",
            )
        )
    return found


# -- records and facts -----------------------------------------------------------------------


def fact_name(key: str, inputs: Mapping[str, Attribute]) -> str | None:
    """The full name of the input a column or key names (``light`` or ``plant.light``), or
    ``None`` when no input (or more than one) is called so."""
    try:
        return resolve(inputs, key).name  # the one resolver of names, as everywhere else
    except FactError:
        return None


def _fact_names(inputs: Mapping[str, Attribute]) -> list[str]:
    return [*inputs, *(attribute.short for attribute in inputs.values())]


def flatten(record: Mapping[str, Any]) -> dict[str, Any] | Rejection:
    """Lift nested groups (``{"plant": {...}, "room": {...}}``) to ``plant.x`` keys, or
    the ``given-twice`` rejection of a key it gives twice (nested and flat)."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        items = (
            [(f"{key}.{name}", inner) for name, inner in value.items()]
            if isinstance(value, Mapping)
            else [(str(key), value)]
        )
        for name, inner in items:
            if name in flat:
                return Rejection("given-twice", str(given_twice(name, flat[name], inner)))
            flat[name] = inner
    return flat


def facts(
    record: Mapping[str, Any], reserved: set[str], inputs: Mapping[str, Attribute]
) -> dict[str, Any] | Rejection:
    """The record's facts by full name, validated, or why there are none.

    Keys in ``reserved`` (id, label, ignored columns) and empty or blank values are skipped;
    values may be text (``"true"``, ``"80"``, ``"north,east"``) or Python values. A fact
    given twice (``light`` and ``plant.light``) is ``given-twice``, as everywhere it is refused.
    """
    named: list[tuple[str, Any]] = []
    for key, value in record.items():
        # An empty cell states nothing (a blank one too): it is no second statement.
        if key in reserved or value is None or (isinstance(value, str) and not value.strip()):
            continue
        found = fact_name(str(key), inputs)
        if found is None:
            hint = suggest(key, _fact_names(inputs))
            did_you_mean = f" (did you mean {hint!r}?)" if hint else ""
            return Rejection("unknown-fact", f"no fact {key!r}{did_you_mean}")
        named.append((found, value))
    if not named:
        return Rejection("no-facts", "the row states no fact")
    try:
        named_once(inputs, named)
    except FactError as error:
        return Rejection("given-twice", str(error))
    try:
        return state_facts(inputs, named)
    except FactError as error:
        return Rejection("bad-value", str(error))


# -- catalogue lines -------------------------------------------------------------------------

#: Byte-order marks of encodings other than UTF-8 (UTF-32's first: it begins with UTF-16's),
#: with each encoding's codec and name.
_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def _foreign_encoding(line: bytes) -> str | None:
    """The encoding a line is in when it starts with another encoding's byte-order mark and
    reads as text in it (a line of junk that merely starts with those bytes does not)."""
    for mark, codec, name in _MARKS:
        if line.startswith(mark):
            unit = 4 if name == "UTF-32" else 2
            body = line[len(mark) :]
            try:
                text = body[: len(body) - len(body) % unit].decode(codec)
            except UnicodeDecodeError:
                return None
            if all(char.isprintable() or char in "\t\r\n" for char in text):
                return name
            return None
    return None


def check_encoding(handle: BinaryIO, path: Path) -> None:
    """Refuse a catalogue in UTF-16 or UTF-32 (by the byte-order mark it starts with), and
    leave ``handle`` at its start.

    Raises:
        UsageError: naming the encoding and how to convert the file.
    """
    line = handle.readline(4096)
    handle.seek(0)
    found = _foreign_encoding(line)
    if found:
        raise UsageError(
            f"{path} is not UTF-8 text: it is {found} (it starts with a {found} byte-order "
            f"mark); convert it first, e.g. iconv -f {found} -t UTF-8"
        )


def decode_line(
    raw: bytes, number: int, fmt: str, header: tuple[str, ...]
) -> dict[str, Any] | Rejection:
    """One catalogue line as a mapping of column names to values, or why it is not one."""
    if len(raw) > MAX_RECORD_BYTES:
        return Rejection("too-long", f"the record is longer than {MAX_RECORD_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as error:
        return Rejection("not-utf8", f"byte {error.start + 1} is not UTF-8 text")
    if number == 1:
        text = text.removeprefix("\ufeff")
    if not text.strip():
        return Rejection("empty", "empty line")
    if fmt == "jsonl":
        return _json_record(text)
    return _csv_record(text, header)


def _json_record(text: str) -> dict[str, Any] | Rejection:
    try:
        record = loads(text)
    except ValueError as error:  # not JSON, or a key given twice
        return Rejection("bad-json", str(error))
    except RecursionError:
        return Rejection("bad-json", "the JSON is nested too deeply")
    if not isinstance(record, dict):
        return Rejection("bad-json", f"a record is a JSON object, not {type(record).__name__}")
    return flatten(record)


def _csv_record(text: str, header: tuple[str, ...]) -> dict[str, Any] | Rejection:
    try:
        fields = next(csv.reader([text], strict=True))
    except csv.Error as error:
        return Rejection("bad-csv", str(error))
    if len(fields) != len(header):
        return Rejection("bad-csv", f"{len(fields)} fields where the header has {len(header)}")
    return dict(zip(header, fields, strict=True))


def fields(raw: bytes) -> int | None:
    """How many fields a CSV record has, or ``None`` when it is not one."""
    try:
        return len(next(csv.reader([raw.decode("utf-8").rstrip("\r\n")], strict=True)))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None


def read_header(handle: BinaryIO, path: Path) -> tuple[str, ...]:
    """The column names on line 1 of a CSV catalogue.

    Raises:
        UsageError: line 1 is not a header.
    """
    raw = handle.readline(MAX_RECORD_BYTES + 1)
    if len(raw) > MAX_RECORD_BYTES:
        raise UsageError(f"{path}: line 1 (the header) is longer than {MAX_RECORD_BYTES:,} bytes")
    if b"\x00" in raw:
        raise UsageError(f"{path}: line 1 (the header) holds NUL bytes: the file is not UTF-8 "
                         "text (UTF-16 without a byte-order mark?)")  # fmt: skip
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff").rstrip("\r\n")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: line 1 (the header) is not UTF-8 text (byte {error.start + 1})"
        ) from None
    try:
        columns = next(csv.reader([text], strict=True)) if text.strip() else []
    except csv.Error:
        columns = []
    if not columns:
        raise UsageError(f"{path}: line 1 must be a header of column names (facts, id, label)")
    return tuple(column.strip() for column in columns)


def check_header(
    header: tuple[str, ...],
    reserved: set[str],
    named: Mapping[str, str | None],
    path: Path,
    inputs: Mapping[str, Attribute],
) -> None:
    """The ``named`` columns (``{parameter: column}``) are there; every other column is a fact
    or reserved; no column, and no fact, comes twice. A misspelt fact column would lose that fact in
    every row, so unknown columns stop a batch before it starts.

    Raises:
        UsageError: naming the column and what is allowed.
    """
    for parameter, column in named.items():
        if column and column not in header:
            raise UsageError(
                (f"{path}: no column {column!r} (", Parameter(parameter), ") in the header")
            )
    facts: dict[str, str] = {}  # fact -> the column that states it
    for column in header:
        if header.count(column) > 1:
            raise UsageError(f"{path}: column {column!r} appears twice in the header")
        if column in reserved:
            continue
        fact = fact_name(column, inputs)
        if fact is None:
            raise UsageError(
                (
                    f"{path}: column {column!r} is not a fact; name it with ",
                    Parameter("label_column"),
                    ", ",
                    Parameter("id_column"),
                    " or ",
                    Parameter("ignore"),
                ),
                suggestion=suggest(column, _fact_names(inputs)),
            )
        if fact in facts:
            # Each row would state the fact twice: refused, as a fact given twice is anywhere.
            raise UsageError(
                (
                    (
                        f"{path}: columns {facts[fact]!r} and {column!r} are both {fact}; keep one "
                        "(or name one with "
                    ),
                    Parameter("ignore"),
                    ")",
                )
            )
        facts[fact] = column


# -- output lines ----------------------------------------------------------------------------


def snippet(raw: bytes) -> str:
    """The start of a raw line, as text, for the errors file."""
    return raw.decode("utf-8", "replace").rstrip("\r\n")[:200]


def json_line(data: Mapping[str, Any]) -> str:
    """One compact JSON Lines line, strict JSON (RFC 8259: no NaN or infinities).

    Raises:
        ValueError: ``data`` holds a NaN or an infinity.
    """
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def csv_line(cells: list[str]) -> str:
    """One CSV line, ending in a newline. Every cell holding a line break of either kind
    (``\\r`` too) or a quote is quoted, so the line reads back to the same cells."""
    buffer = io.StringIO()
    # With "\r\n" as terminator the writer quotes cells holding "\r" as well as "\n".
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_text(item) for item in value)
    return "" if value is None else str(value)


def output_columns(attributes: tuple[str, ...], labelled: bool) -> list[str]:
    """The columns of CSV output: id, line, (label, disagrees), three per attribute
    (value, certainty, rules), conflicts."""
    columns = ["id", "line", *(["label", "disagrees"] if labelled else [])]
    for attribute in attributes:
        columns += [attribute, f"{attribute}.certainty", f"{attribute}.rules"]
    return [*columns, "conflicts"]


def csv_row(row: Mapping[str, Any], attributes: tuple[str, ...], labelled: bool) -> list[str]:
    """The cells of an output row under :func:`output_columns`; lists are comma-joined,
    rule ids space-joined."""
    cells = [row["id"], row["line"]]
    if labelled:
        cells += [row.get("label"), row.get("disagrees")]
    for attribute in attributes:
        verdict = row["verdicts"].get(attribute)
        if verdict is None:
            cells += [None, None, None]
        else:
            cells += [verdict["value"], verdict["certainty"], " ".join(verdict["rules"])]
    return [_text(cell) for cell in [*cells, row["conflicts"]]]
