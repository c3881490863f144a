"""Reading a catalogue: the file opened and checked, its records in chunks, and whether it
is still the file a run started on.

A record is one line, or, in CSV, several while a quoted field is open (RFC 4180). Every
byte read goes into a running SHA-256, so a run can check at its end, and a resumed run at
its start, that the input holds what was read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections import deque
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from ..errors import UsageError
from .formats import MAX_RECORD_BYTES, fields

__all__ = [
    "MAX_RECORD_LINES",
    "Chunk",
    "changed",
    "changes",
    "chunks",
    "count_lines",
    "input_identity",
    "open_input",
]

#: The most lines one quoted CSV field may run over before its opening quote is taken for
#: a stray one (the first line is then rejected alone, and the next read as a record).
MAX_RECORD_LINES = 100


@contextlib.contextmanager
def open_input(path: Path) -> Iterator[BinaryIO]:
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


@attrs.frozen
class Chunk:
    """Consecutive catalogue records, each with the number of its first line; the lines
    they take, the input offset after them, and the SHA-256 of the input up to there."""

    records: tuple[tuple[int, bytes], ...]
    lines: int
    end: int
    digest: str


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
        if quotes % 2 == 0 and size <= MAX_RECORD_BYTES and fields(joined) == width:
            yield joined, len(parts), sum(part[1] for part in parts), parts[-1][2]
        else:
            pending.extendleft(reversed(parts[1:]))
            yield raw, 1, taken, state


def chunks(
    handle: BinaryIO, first: int, offset: int, size: int, fmt: str, width: int, digest: Any
) -> Iterator[Chunk]:
    """The records of a ``fmt`` catalogue (of ``width`` CSV columns) from ``offset`` on, in
    chunks of ``size``; ``first`` is the number of the line at ``offset``, and ``digest``
    the SHA-256 state of the input before it."""
    records: list[tuple[int, bytes]] = []
    lines = 0
    for raw, count, taken, state in _records(handle, fmt, width, digest):
        records.append((first + lines, raw))
        lines += count
        offset += taken
        if len(records) == size:
            yield Chunk(tuple(records), lines, offset, state.hexdigest())
            first, lines, records = first + lines, 0, []
    if records:
        yield Chunk(tuple(records), lines, offset, state.hexdigest())


def count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def input_identity(path: Path) -> dict[str, Any]:
    """What tells whether an input file is still the one a run started on: its path, size,
    modification time, inode and device."""
    stat = path.stat()
    return {
        "path": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "inode": stat.st_ino,
        "device": stat.st_dev,
    }


def changes(before: Mapping[str, Any], now: Mapping[str, Any]) -> str:
    """How an input's :func:`input_identity` changed, in words (``size 120 -> 80 bytes``)."""
    if before.get("path") != now.get("path"):
        return "another path"
    if (before.get("inode"), before.get("device")) != (now.get("inode"), now.get("device")):
        return "another file under the same name"
    if before.get("size") != now.get("size"):
        return f"size {before.get('size'):,} -> {now.get('size'):,} bytes"
    if before.get("mtime_ns") != now.get("mtime_ns"):
        return "modified since"
    return "rewritten in place"


def changed(source: Path, identity: Mapping[str, Any], read: Any = None) -> str | None:
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
