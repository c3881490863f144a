"""Decision tables: the rows of a topic file's ``[table]`` read as rules.

A table declares its ``columns`` once: conditions (``when.<attribute>``), conclusions
(``then.<attribute>``) and any rule key (``id``, ``source``, ``quote``, ``hedge``,
``certainty``, ``note``, ``salience``). Its rows are a TOML array of arrays (``rows``) or a CSV
file beside the topic file (``csv``) whose header repeats the columns. A rule key given on the
table is the default of every row. Each row becomes the table of one rule, in the rule
schema, which :mod:`expert.kb.load` validates like any rule: nothing here is evaluated.

A cell ``"any"`` (in a CSV file, also an empty cell) sets no condition; a list (in a CSV file,
values between ``|``) is several values, any of which holds.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._support.toml_files import read_text
from ..errors import KnowledgeBaseError, brief, suggest, unknown_key
from ..model.vocabulary import Attribute, SingleValue

__all__ = ["ANY", "Row", "read_table"]

#: The cell that sets no condition (``Geverztraminer: white, full, any sweetness``).
ANY = "any"
#: The rule keys a column or the table may give.
RULE_COLUMNS = ("id", "source", "quote", "hedge", "certainty", "note", "salience")
_TABLE_KEYS = ("columns", "rows", "csv", *RULE_COLUMNS[1:])
_FORMS = "columns are when.<attribute>, then.<attribute> or one of " + ", ".join(RULE_COLUMNS)


@attrs.frozen
class Row:
    """One row of a decision table, as the table of a rule.

    Attributes:
        entry: the rule in the rule schema (``id``, ``when``, ``then``, ``source``, ...).
        number: the row's number, 1 for the first row.
        path: the file the row is in (the topic file, or its CSV file).
    """

    entry: dict[str, Any]
    number: int
    path: Path


def read_table(path: Path, table: Any, attributes: Mapping[str, Attribute]) -> list[Row]:
    """The rows of the ``[table]`` of topic file ``path``, as rule entries.

    Raises:
        KnowledgeBaseError: a bad table key, column, row or CSV file, naming the file and the
            row.
    """
    if not isinstance(table, dict):
        raise KnowledgeBaseError("[table] must be a table with `columns` and `rows`", path=path)
    found = unknown_key(table, _TABLE_KEYS)
    if found:
        raise KnowledgeBaseError(f"[table]: {found[0]}", path=path, suggestion=found[1])
    columns = table.get("columns")
    if (
        not isinstance(columns, list)
        or not columns
        or not all(isinstance(column, str) for column in columns)
    ):
        raise KnowledgeBaseError(
            f'[table]: `columns` must be a list of column names ("when.wine.best-body", ...); '
            f"{_FORMS}",
            path=path,
        )
    _check_columns(path, columns, attributes)
    defaults = {key: table[key] for key in RULE_COLUMNS[1:] if key in table}
    if ("rows" in table) == ("csv" in table):
        raise KnowledgeBaseError(
            "[table]: give exactly one of `rows` (a list of rows, each a list of cells) or "
            "`csv` (the name of a CSV file beside this one)",
            path=path,
        )
    if "csv" in table:
        rows_path, rows = _csv_rows(path, table["csv"], columns, attributes)
    else:
        rows_path = path
        if not isinstance(table["rows"], list) or not table["rows"]:
            raise KnowledgeBaseError("[table]: `rows` must be a non-empty list of rows", path=path)
        rows = list(enumerate(table["rows"], start=1))
    return [
        Row(_entry(rows_path, number, columns, cells, defaults, path.stem), number, rows_path)
        for number, cells in rows
    ]


def _check_columns(path: Path, columns: list[str], attributes: Mapping[str, Attribute]) -> None:
    seen: set[str] = set()
    for column in columns:
        if column in seen:
            raise KnowledgeBaseError(f"[table]: column {brief(column)} is given twice", path=path)
        seen.add(column)
        kind, _, name = column.partition(".")
        if column in RULE_COLUMNS:
            continue
        if kind not in ("when", "then") or not name:
            raise KnowledgeBaseError(
                f"[table]: unknown column {brief(column)}; {_FORMS}",
                path=path,
                suggestion=suggest(column, RULE_COLUMNS),
            )
        attribute = attributes.get(name)
        if attribute is None:
            raise KnowledgeBaseError(
                f"[table]: column {brief(column)} names no attribute of the vocabulary",
                path=path,
                suggestion=suggest(name, attributes),
            )
        if ANY in attribute.values:
            raise KnowledgeBaseError(
                f"[table]: column {column}: {name} has a value {ANY!r}, which a table cell "
                "cannot tell from no condition; state its conditions in rules",
                path=path,
            )
    if not any(column.startswith("then.") for column in columns):
        raise KnowledgeBaseError(
            "[table]: no then.<attribute> column: rows conclude nothing", path=path
        )


def _entry(
    path: Path,
    number: int,
    columns: list[str],
    cells: Any,
    defaults: dict[str, Any],
    topic: str,
) -> dict[str, Any]:
    """One row as the table of a rule."""
    if not isinstance(cells, list) or len(cells) != len(columns):
        raise KnowledgeBaseError(
            f"a row must be a list of {len(columns)} cells, one per column "
            f"({', '.join(columns)}); got {brief(cells)}",
            path=path,
            rule_id=f"row {number}",
        )
    entry: dict[str, Any] = dict(defaults)
    for column, cell in zip(columns, cells, strict=True):
        if column in RULE_COLUMNS:
            if column == "id":
                entry["id"] = f"{topic}.{cell}" if isinstance(cell, str) else cell
            else:
                entry[column] = cell
            continue
        kind, _, name = column.partition(".")
        if cell == ANY or cell == []:
            continue
        group, _, short = name.partition(".")
        if kind == "when" and isinstance(cell, list):
            cell = {"one_of": cell}
        entry.setdefault(kind, {}).setdefault(group, {})[short] = cell
    entry.setdefault("id", f"{topic}.row-{number}")
    return entry


def _csv_rows(
    path: Path, name: Any, columns: list[str], attributes: Mapping[str, Attribute]
) -> tuple[Path, list[tuple[int, list[Any]]]]:
    """The numbered rows of the CSV file ``name`` beside ``path`` (row 1 is the line after
    the header; blank lines keep their numbers), cells typed by their columns."""
    directory = path.parent
    if not isinstance(name, str) or not name.endswith(".csv"):
        raise KnowledgeBaseError(
            f"[table]: `csv` must name a .csv file beside this one, not {brief(name)}", path=path
        )
    csv_path = directory / name
    if csv_path.resolve().parent != directory.resolve():
        raise KnowledgeBaseError(
            f"[table]: `csv` must name a file in {directory.name}/, not {brief(name)}", path=path
        )
    text = read_text(csv_path, "[table] csv: ")
    try:
        # newline="" as the csv module wants: a quoted cell may hold a line break.
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise KnowledgeBaseError(f"not valid CSV: {error}", path=csv_path) from None
    if not records or records[0] != columns:
        found = ", ".join(records[0]) if records else "nothing"
        raise KnowledgeBaseError(
            f"the header must be the table's columns ({', '.join(columns)}); found {found}",
            path=csv_path,
        )
    rows: list[tuple[int, list[Any]]] = []
    for number, record in enumerate(records[1:], start=1):
        if not any(cell.strip() for cell in record):
            continue  # a blank line
        if len(record) != len(columns):
            rows.append((number, record))  # refused by _entry, naming the row
        else:
            typed = [
                _cell(column, cell, attributes)
                for column, cell in zip(columns, record, strict=True)
            ]
            rows.append((number, typed))
    if not rows:
        raise KnowledgeBaseError("a table needs at least one row", path=csv_path)
    return csv_path, rows


def _cell(column: str, text: str, attributes: Mapping[str, Attribute]) -> Any:
    """A CSV cell as the TOML value it stands for: by its column's kind."""
    text = text.strip()
    if column in ("certainty", "salience"):
        return _number(text)
    if column in RULE_COLUMNS:
        return text
    if not text:
        return ANY
    attribute = attributes[column.partition(".")[2]]
    values = [_typed(attribute, part.strip()) for part in text.split("|")]
    return values if len(values) > 1 else values[0]


def _typed(attribute: Attribute, text: str) -> SingleValue:
    if attribute.kind == "flag" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if attribute.kind == "amount":
        return _number(text)
    return text


def _number(text: str) -> int | float | str:
    """An int or float as TOML reads it; other text as it is (the rule's checks refuse it)."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text
