"""Reading a knowledge base's files: regular files of bounded size, TOML of bounded depth."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import hashlib
import os
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ..errors import KnowledgeBaseError
from .paths import _kind, read_regular

__all__ = [
    "MAX_FILE_BYTES",
    "Read",
    "base_files",
    "parse_toml",
    "read_text",
    "read_toml",
    "recording",
    "stamp",
]

#: The largest rule file, vocabulary, sources file or article read, in bytes.
MAX_FILE_BYTES = 16 << 20


#: The files read while :func:`recording` runs (in this thread or task).
_READ: contextvars.ContextVar[dict[Path, Read] | None] = contextvars.ContextVar(
    "expert_files_read", default=None
)


@attrs.frozen
class Read:
    """One file as it was read.

    Attributes:
        sha256: the SHA-256 of the very bytes that were parsed.
        stamp: its modification time (ns) and size, taken just before it was read: if they
            are the same later, the file has not been written since (or was written at that
            very nanosecond to that very size).
    """

    sha256: str
    stamp: tuple[int, int]


def stamp(path: Path) -> tuple[int, int] | None:
    """A file's modification time (ns) and size, or ``None`` when it cannot be seen."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_mtime_ns, info.st_size


@contextlib.contextmanager
def recording() -> Iterator[dict[Path, Read]]:
    """Record each file read through this module while the block runs (what a knowledge
    base was made of), by path."""
    read: dict[Path, Read] = {}
    token = _READ.set(read)
    try:
        yield read
    finally:
        _READ.reset(token)


def base_files(directory: Path) -> tuple[tuple[Path, os.stat_result], ...]:
    """Every ``*.toml`` entry of a base's directory with its status, sorted by name.

    Each entry is part of the base, so none is skipped: the directory must be listable, and
    every entry a regular file once links are followed (a link to nothing, a link loop, a
    directory or a pipe named ``*.toml`` is refused, naming it).

    Raises:
        KnowledgeBaseError: the directory cannot be listed, or an entry is not a readable
            regular file.
    """
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".toml"))
    except OSError as error:
        raise KnowledgeBaseError(
            f"cannot list the rule files: {error.strerror}", path=directory
        ) from None
    files = []
    for name in names:
        path = directory / name
        try:
            info = path.stat()
        except OSError as error:
            raise KnowledgeBaseError(_unreadable(path, error), path=path) from None
        if not stat.S_ISREG(info.st_mode):
            raise KnowledgeBaseError(
                f"{_kind(info.st_mode)}, not a rule file; every *.toml entry of a "
                "knowledge base is read: remove or rename it",
                path=path,
            )
        files.append((path, info))
    return tuple(files)


def _unreadable(path: Path, error: OSError) -> str:
    """Why an entry cannot be read, in words (a link's target named)."""
    if os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if error.errno == errno.ELOOP:
            return f"a symbolic link in a loop (to {target}); every *.toml entry is read: fix or remove the link"
        return (
            f"a symbolic link to {target}, which cannot be read ({error.strerror}); every "
            "*.toml entry is read: fix or remove the link"
        )
    return f"cannot read: {error.strerror}"


def read_text(path: Path, what: str = "") -> str:
    """A file's text, read only if it is a regular file of at most MAX_FILE_BYTES."""
    try:
        before = stamp(path)
        data = read_regular(path, MAX_FILE_BYTES)
        read = _READ.get()
        if read is not None and before is not None:
            read[path] = Read(hashlib.sha256(data).hexdigest(), before)
        return data.decode("utf-8")
    except OSError as error:
        raise KnowledgeBaseError(f"{what}cannot read: {error.strerror}", path=path) from None
    except UnicodeDecodeError:
        raise KnowledgeBaseError(f"{what}not UTF-8 text", path=path) from None
    except ValueError as error:
        raise KnowledgeBaseError(f"{what}cannot read: {error}", path=path) from None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's table, or a :class:`KnowledgeBaseError` naming the file and the problem."""
    return parse_toml(read_text(path), path)


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The table of TOML ``text`` read from ``path``, or a :class:`KnowledgeBaseError`."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeBaseError(f"not valid TOML: {error}", path=path) from None
    except RecursionError:
        raise KnowledgeBaseError("not valid TOML: nested too deeply", path=path) from None
