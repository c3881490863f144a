"""Reading a knowledge base's files: regular files of bounded size, TOML of bounded depth."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ._paths import read_regular
from .errors import KnowledgeBaseError

__all__ = ["MAX_FILE_BYTES", "parse_toml", "read_text", "read_toml"]

#: The largest rule file, vocabulary, sources file or article read, in bytes.
MAX_FILE_BYTES = 16 << 20


def read_text(path: Path, what: str = "") -> str:
    """A file's text, read only if it is a regular file of at most MAX_FILE_BYTES."""
    try:
        return read_regular(path, MAX_FILE_BYTES).decode("utf-8")
    except OSError as error:
        raise KnowledgeBaseError(f"{what}cannot read: {error.strerror}", path=path) from None
    except UnicodeDecodeError:
        raise KnowledgeBaseError(f"{what}not UTF-8 text", path=path) from None
    except ValueError as error:
        raise KnowledgeBaseError(f"{what}cannot read: {error}", path=path) from None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's table, or a :class:`KnowledgeBaseError` naming the file and the problem."""
    return parse_toml(read_text(path, "not valid TOML: "), path)


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The table of TOML ``text`` read from ``path``, or a :class:`KnowledgeBaseError`."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeBaseError(f"not valid TOML: {error}", path=path) from None
    except RecursionError:
        raise KnowledgeBaseError("not valid TOML: nested too deeply", path=path) from None
