"""The files of a batch run: named up front, checked before any is written, and locked
while the run writes them.

A run names every file it writes (:class:`RunFiles`: the output, the errors file, their
partial forms, the progress file and the locks); :func:`check_files` refuses, before
anything is created, an output that is not a regular file, that lies in a missing or
unwritable directory, or that is the same file as an input or as another output (compared
resolved, and by device and inode where both exist). An output that is a symbolic link is
written through: the file it points to is replaced, and the link is kept. :func:`locked`
then holds a lock per output for the length of the run.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from .._support.paths import _kind, read_regular, target_of
from ..errors import Parameter, UsageError

__all__ = ["Role", "RunFiles", "check_files", "locked"]


@attrs.frozen
class Role:
    """One file of a run and what it is to the run.

    Attributes:
        name: what the file is, for messages (``the output``, ``the errors file``).
        path: the file.
        link_ok: whether it may be a symbolic link (outputs are written through links;
            the run's own partial and lock files must not be links).
        parameter: the parameter of :func:`~expert.batch.run_batch` that names the file (or
            the file it is made from: ``output`` for the partial output), ``None`` for a file
            the run only reads.
    """

    name: str
    path: Path
    link_ok: bool = True
    parameter: str | None = None


def _instead(role: Role, what: str) -> tuple[str | Parameter, ...]:
    """The end of a message refusing ``role``'s path: ``what`` to give, as which parameter."""
    return (what,) if role.parameter is None else (f"{what} as ", Parameter(role.parameter))


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
                    (
                        (
                            f"{role.name} {role.path} is this command's {name}: a run writes its "
                            "files apart and renames them into place when done, which would lose "
                            "what is printed there; give "
                        ),
                        *_instead(role, "another file"),
                    ),
                    parameter=role.parameter,
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
                    (
                        (
                            f"{role.name} {role.path} would overwrite {other.name} {other.path}: "
                            "give "
                        ),
                        *_instead(role, "another path"),
                    ),
                    parameter=role.parameter,
                )
            if same:
                raise UsageError(
                    (
                        (
                            f"{other.name} {other.path} and {role.name} {role.path} are the same "
                            "file: give "
                        ),
                        *_instead(role, "another path"),
                    ),
                    parameter=role.parameter,
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
        raise UsageError(
            f"{role.name} {path} is a symbolic link; remove it", parameter=role.parameter
        )
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(
            (
                (
                    f"{role.name} {path} is {_kind(info.st_mode)}, not a regular file (a run "
                    "writes its files apart and renames them into place when done): give "
                ),
                *_instead(role, "a file path"),
            ),
            parameter=role.parameter,
        )
    real = Path(os.path.realpath(path))
    directory = real.parent
    if not directory.is_dir():
        raise UsageError(
            f"cannot write {role.name} {path}: there is no directory {directory}",
            parameter=role.parameter,
        )
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageError(
            f"cannot write {role.name} {path}: the directory {directory} is not writable",
            parameter=role.parameter,
        )
    if info is not None and not os.access(real, os.W_OK):
        raise UsageError(
            f"cannot write {role.name} {path}: permission denied", parameter=role.parameter
        )


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


# -- the files of one run ---------------------------------------------------------------------


@attrs.frozen
class RunFiles:
    """The files of one run: the output, the errors file, their partial forms, the sidecar
    and its temporary file, and one lock file per output.

    An output or errors file given as a symbolic link is written through: ``output`` and
    ``errors`` are the files the links point to, and the partial files lie beside them.
    """

    output: Path
    partial: Path
    sidecar: Path
    errors: Path
    errors_partial: Path

    @classmethod
    def of(cls, output: Path, errors: Path | None = None) -> RunFiles:
        """The files of a run writing ``output`` (errors to ``OUTPUT.errors.jsonl`` unless
        given)."""
        errors = target_of(errors or output.with_name(f"{output.name}.errors.jsonl"))
        output = target_of(output)
        return cls(
            output=output,
            partial=output.with_name(f"{output.name}.partial"),
            sidecar=output.with_name(f"{output.name}.partial.json"),
            errors=errors,
            errors_partial=errors.with_name(f"{errors.name}.partial"),
        )

    @property
    def temporary(self) -> Path:
        """Where the next sidecar is written before it is renamed over the last one."""
        return _temporary(self.sidecar)

    def locks(self) -> list[tuple[Path, str]]:
        """A lock file per output and what it guards: two runs writing one file (as output
        or errors) meet on the same lock."""
        return [
            (self.partial.with_name(f"{self.partial.name}.lock"), str(self.output)),
            (self.errors_partial.with_name(f"{self.errors_partial.name}.lock"), str(self.errors)),
        ]

    def roles(self) -> list[Role]:
        """Every file the run writes, named for messages."""
        (lock, _), (errors_lock, _) = self.locks()
        return [
            Role("the output", self.output, parameter="output"),
            Role("the errors file", self.errors, parameter="errors"),
            Role("the partial output", self.partial, False, "output"),
            Role("the partial errors file", self.errors_partial, False, "errors"),
            Role("the progress file", self.sidecar, False, "output"),
            Role("the progress file's temporary", self.temporary, False, "output"),
            Role("the lock file", lock, False, "output"),
            Role("the errors file's lock file", errors_lock, False, "errors"),
        ]

    def start_over(self) -> str:
        """How a user discards the interrupted run."""
        return f"delete {self.partial} and {self.sidecar} to start over"


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")
