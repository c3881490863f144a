"""Paths the library reads and writes: path arguments checked, bounded reads of regular
files, and where writing through a symbolic link goes.

(The files of a batch run, checked before any is written and locked while it runs, are
:mod:`expert.batch.files`.)
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["check_path_argument", "read_regular", "read_tail", "target_of"]


def check_path_argument(value: object, name: str, *, optional: bool = False) -> None:
    """Raise :class:`TypeError` unless ``value`` is a path (``str`` or ``os.PathLike``).

    Bytes are refused too: the library's messages and files name paths as text.
    """
    if value is None and optional:
        return
    if isinstance(value, str) or (
        isinstance(value, os.PathLike) and isinstance(os.fspath(value), str)
    ):
        return
    kind = "None" if value is None else type(value).__name__
    raise TypeError(f"{name} must be a path (str or os.PathLike), not {kind}")


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking and checked once open, so a FIFO, a device such as
    ``/dev/zero`` or a file swapped in between cannot make the read hang or run out of
    memory.

    Raises:
        OSError: the file cannot be opened or read.
        ValueError: it is not a regular file, or it is larger than ``limit`` (the message
            says which).
    """
    with _open_regular(path) as (handle, _):
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than the limit of {limit:,} bytes")
    return data


def read_tail(path: str | Path, limit: int) -> bytes:
    """The last ``limit`` bytes (or fewer) of a regular file; see :func:`read_regular`.

    Raises:
        OSError: the file cannot be opened or read.
        ValueError: it is not a regular file.
    """
    with _open_regular(path) as (handle, size):
        handle.seek(max(0, size - limit))
        return handle.read(limit)


@contextlib.contextmanager
def _open_regular(path: str | Path) -> Iterator[tuple[BinaryIO, int]]:
    """The open file and its size, once it is known to be a regular file (opened without
    blocking, checked once open: a FIFO or a device cannot make a read hang)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb", closefd=True) as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"not a regular file ({_kind(info.st_mode)})")
        yield handle, info.st_size


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def target_of(path: Path) -> Path:
    """Where writing ``path`` goes: the file a symbolic link points to, else ``path``.

    A link to what has no path (``/dev/stdout`` on a pipe resolves to ``pipe:[...]``) is
    kept as it is, so that checks see what it points to.
    """
    if not os.path.islink(path):
        return path
    real = Path(os.path.realpath(path))
    return path if os.path.exists(path) and not os.path.lexists(real) else real
