"""Files the library reads and writes: bounded reads, output paths checked before any work
is done, and a lock per output for the length of a run.

A run that writes files names them all up front; :func:`check_files` refuses, before
anything is created, an output that is not a regular file, that lies in a missing or
unwritable directory, or that is the same file as an input or as another output (compared
resolved, and with :func:`os.path.samefile` where both exist). An output that is a symbolic
link is written through: the file it points to is replaced, and the link is kept.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from .errors import UsageError

__all__ = [
    "Role",
    "check_files",
    "check_path_argument",
    "locked",
    "read_regular",
    "read_tail",
    "target_of",
]


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


@attrs.frozen
class Role:
    """One file of a run and what it is to the run.

    Attributes:
        name: what the file is, for messages (``the output``, ``the errors file``).
        path: the file.
        link_ok: whether it may be a symbolic link (outputs are written through links;
            the run's own partial and lock files must not be links).
    """

    name: str
    path: Path
    link_ok: bool = True


def check_files(inputs: Iterable[Role], outputs: Sequence[Role]) -> None:
    """Check, before anything is written, that every output can be written and overwrites
    no input and no other output.

    Raises:
        UsageError: naming the output and, for a clash, the file it would overwrite.
    """
    streams = _standard_streams()
    for role in outputs:
        _check_writable(role)
        info = _stat(role.path)
        for name, stream in streams:
            if info is not None and (info.st_dev, info.st_ino) == (stream.st_dev, stream.st_ino):
                raise UsageError(
                    f"{role.name} {role.path} is this command's {name}: a run writes its "
                    "files apart and renames them into place when done, which would lose what "
                    "is printed there; give another file"
                )
    seen: list[tuple[Role, str, os.stat_result | None, bool]] = [
        (role, _key(role.path), _stat(role.path), True) for role in inputs
    ]
    for role in outputs:
        key, info = _key(role.path), _stat(role.path)
        for other, other_key, other_info, is_input in seen:
            same = key == other_key or (
                info is not None
                and other_info is not None
                and (info.st_dev, info.st_ino) == (other_info.st_dev, other_info.st_ino)
            )
            if same and is_input:
                raise UsageError(
                    f"{role.name} {role.path} would overwrite {other.name} {other.path}: "
                    "give another path"
                )
            if same:
                raise UsageError(
                    f"{other.name} {other.path} and {role.name} {role.path} are the same "
                    "file: give another path"
                )
        seen.append((role, key, info, False))


def _standard_streams() -> list[tuple[str, os.stat_result]]:
    """Standard output and standard error, where they are files."""
    found = []
    for name, descriptor in (("standard output", 1), ("standard error", 2)):
        with contextlib.suppress(OSError, ValueError):
            found.append((name, os.fstat(descriptor)))
    return found


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except (OSError, ValueError):
        return None


def _check_writable(role: Role) -> None:
    path = role.path
    if os.path.islink(path) and not role.link_ok:
        raise UsageError(f"{role.name} {path} is a symbolic link; remove it")
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"{role.name} {path} is {_kind(info.st_mode)}, not a regular file (a run writes "
            "its files apart and renames them into place when done): give a file path"
        )
    real = Path(os.path.realpath(path))
    directory = real.parent
    if not directory.is_dir():
        raise UsageError(f"cannot write {role.name} {path}: there is no directory {directory}")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {role.name} {path}: the directory {directory} is "
                         "not writable")  # fmt: skip
    if info is not None and not os.access(real, os.W_OK):
        raise UsageError(f"cannot write {role.name} {path}: permission denied")


# -- locks -----------------------------------------------------------------------------------


def _try_lock(descriptor: int) -> bool:
    """Take an exclusive advisory lock on an open file without waiting; whether it worked."""
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _acquire(path: Path, what: str) -> int:
    """Lock ``path`` (created if need be) and write this process's id into it.

    A lock file is removed when its run ends, so a run that opened it just before may hold
    a lock on a file no longer there; it then checks that the path still names the file it
    locked, and tries again if not.
    """
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        try:
            descriptor = os.open(path, flags, 0o644)
        except OSError as error:
            raise UsageError(f"cannot lock {what}: {path}: {error.strerror}") from None
        if not _try_lock(descriptor):
            os.close(descriptor)
            holder = _holder(path)
            raise UsageError(
                f"another run{holder} is writing {what}; wait for it to finish or stop it"
            )
        info = os.fstat(descriptor)
        now = _stat(path)
        if now is not None and (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino):
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"{os.getpid()}\n".encode())
            return descriptor
        os.close(descriptor)  # removed by the run that held it: lock the new file
    raise UsageError(f"cannot lock {what}: {path} keeps changing")


def _holder(path: Path) -> str:
    with contextlib.suppress(OSError, ValueError):
        text = read_regular(path, 64).decode("ascii").strip()
        if text.isdigit():
            return f" (process {text})"
    return ""


@contextlib.contextmanager
def locked(locks: Sequence[tuple[Path, str]]) -> Iterator[None]:
    """Hold an exclusive lock on each ``(lock file, what it guards)`` while the block runs;
    the lock files are removed afterwards.

    Raises:
        UsageError: another process holds one of the locks (naming it and its process id).
    """
    held: list[tuple[Path, int]] = []
    try:
        for path, what in locks:
            held.append((path, _acquire(path, what)))
        yield
    finally:
        for path, descriptor in reversed(held):
            # Unlinked while still locked: a run waiting on the old file sees it is gone.
            with contextlib.suppress(OSError):
                path.unlink()
            os.close(descriptor)
