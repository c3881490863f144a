"""Facts files: the stated facts of a consultation saved as JSON, and read back validated.

The format groups facts by their group, short names inside: ``{"plant": {"kind": "fern",
"signs": ["drooping"]}}``. The output of ``expert consult --json`` reads too (its facts
are under ``"facts"``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._support.atomic_write import write_atomically
from .._support.paths import check_path_argument, read_regular
from .._support.strict_json import loads
from ..errors import FactError, UsageError, unknown_key
from ..model.knowledge_base import KnowledgeBase
from ..model.vocabulary import FactValue, json_value

__all__ = ["MAX_BYTES", "facts_json", "read_facts", "write_facts"]

#: The largest facts file read, in bytes; anything bigger is not a facts file.
MAX_BYTES = 1 << 20


def facts_json(facts: Mapping[str, FactValue]) -> dict[str, dict[str, Any]]:
    """Full-named facts as JSON-ready groups: ``{"plant": {"light": "low"}}``, sets as
    sorted lists."""
    grouped: dict[str, dict[str, Any]] = {}
    for name, value in facts.items():
        group, short = name.split(".", 1)
        grouped.setdefault(group, {})[short] = json_value(value)
    return grouped


def write_facts(path: Path, facts: Mapping[str, FactValue]) -> None:
    """Save full-named ``facts`` to ``path`` at once (an existing file is replaced whole).

    Raises:
        UsageError: the file cannot be written; an existing file is left as it was.
    """
    check_path_argument(path, "path")
    text = json.dumps(facts_json(facts), indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(path, text)
    except OSError as error:
        raise UsageError(f"cannot save to {path}: {error.strerror or error}") from None


def read_facts(path: Path, knowledge: KnowledgeBase) -> dict[str, FactValue]:
    """The facts saved in ``path``, by full name, validated against ``knowledge``.

    Raises:
        UsageError: the file is unreadable, not a regular file, too big, not JSON, or not
            facts of this base.
        TypeError: ``path`` is not a path.
    """
    check_path_argument(path, "path")
    try:
        raw = read_regular(path, MAX_BYTES)
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except ValueError as error:  # not a regular file, or too large
        raise UsageError(f"cannot read {path}: {error}") from None
    try:
        data = loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not a text file") from None
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{path}: not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except ValueError as error:  # a key given twice
        raise UsageError(f"{path}: not facts: {error}") from None
    except RecursionError:
        raise UsageError(f"{path}: not facts: the JSON is nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("facts"), dict):
        data = data["facts"]
    groups = tuple(dict.fromkeys(a.group for a in knowledge.inputs.values()))
    example = next(iter(knowledge.inputs.values()), None)
    if not isinstance(data, dict):
        shown = f'{{"{example.group}": {{"{example.short}": ...}}}}' if example else "{}"
        raise UsageError(f"{path}: expected an object like {shown}")
    found = unknown_key(data, list(groups))
    if found:
        raise UsageError(f"{path}: {found[0]}", suggestion=found[1])
    named: dict[str, object] = {}  # JSON values, checked by state() below
    for group, facts in data.items():
        if facts is None:
            continue
        if not isinstance(facts, dict):
            raise UsageError(f"{path}: {group} must be an object of facts")
        named.update({f"{group}.{short}": value for short, value in facts.items()})
    try:
        return knowledge.state(named, strings=True)
    except FactError as error:
        raise UsageError(f"{path}: {error.message}", suggestion=error.suggestion) from None
