"""The standard streams of a command, made safe to use when the environment fails them.

A process started with a standard stream closed (``expert repl <&-``, ``... >&-``,
``2>&-``) gets ``None`` for it from Python, and its descriptor is free: the next file
opened would become descriptor 1, and a worker process would print into it. For the length
of a command, :func:`guarded_streams` puts the null device on every closed descriptor and
wraps the three streams, so that:

- reading a closed standard input, or writing a closed standard output, is an
  :class:`EnvironmentFailure` with exit status 2 saying which stream is closed;
- a write to standard output that fails (a full disk, ``> /dev/full``) or a read that fails
  is an :class:`EnvironmentFailure` with exit status 1; what could not be written is
  dropped, so the interpreter's last flush does not fail again;
- standard error, closed or failing, swallows what is written to it: there is nowhere left
  to say anything, and the exit status still tells.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["WRITE_FAILURES", "EnvironmentFailure", "discard", "guarded_streams"]

#: What a write can fail with that is the system's doing, not the command line's.
WRITE_FAILURES = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name)
)


class EnvironmentFailure(Exception):  # noqa: N818 - a failure of the world, not of the input
    """The environment failed the command: a closed standard stream, a full disk.

    Attributes:
        status: the exit status: 2 for how the command was started (a closed stream), 1 for
            what failed while it ran.
    """

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Run the block with closed descriptors 0-2 on the null device and the standard
    streams wrapped as the module says; they are put back afterwards."""
    _fill_closed_descriptors()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = _Guarded(sys.stdin, "standard input", reading=True)
    sys.stdout = _Guarded(sys.stdout, "standard output")
    sys.stderr = _Guarded(sys.stderr, "standard error", quiet=True)
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def discard(stream: Any) -> None:
    """Point a stream's descriptor at the null device, so that what is still buffered for
    it is written nowhere instead of failing again (a closed pipe, a full disk)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def _fill_closed_descriptors() -> None:
    """Open the null device on each of descriptors 0, 1 and 2 that is closed, so no file
    the command opens takes the place of a standard stream."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                null = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor
                if null != descriptor:
                    os.dup2(null, descriptor)
                    os.close(null)


_CLOSED = {
    "standard input": "nothing can be read from it (give it a terminal, a file or a pipe)",
    "standard output": "nothing can be printed (send it to a file, a pipe or /dev/null)",
}


class _Guarded:
    """A standard stream whose failures are an :class:`EnvironmentFailure` (or, with
    ``quiet``, are dropped); ``stream`` is ``None`` for a stream closed at start. Anything
    else is the wrapped stream's."""

    def __init__(self, stream: Any, name: str, *, reading: bool = False, quiet: bool = False):
        self._stream = stream
        self._name = name
        self._reading = reading
        self._quiet = quiet

    def _call(self, method: str, *args: Any) -> Any:
        if self._stream is None:
            if self._quiet:
                return None
            raise EnvironmentFailure(f"{self._name} is closed: {_CLOSED[self._name]}", 2)
        try:
            return getattr(self._stream, method)(*args)
        except BrokenPipeError:
            if self._quiet:
                return None
            raise  # the reader has gone: the command line ends quietly (cli.main)
        except OSError as error:
            if self._quiet:
                return None
            if self._reading:
                raise EnvironmentFailure(
                    f"cannot read {self._name}: {error.strerror or error}", 1
                ) from None
            discard(self._stream)
            raise EnvironmentFailure(
                f"cannot write {self._name}: {error.strerror or error}", 1
            ) from None

    def write(self, text: Any) -> int:
        self._call("write", text)
        return len(text)

    def writelines(self, lines: Iterable[Any]) -> None:
        self._call("writelines", lines)

    def flush(self) -> None:
        self._call("flush")

    def read(self, *args: Any) -> Any:
        return self._call("read", *args)

    def readline(self, *args: Any) -> Any:
        return self._call("readline", *args)

    def readlines(self, *args: Any) -> Any:
        return self._call("readlines", *args)

    def __iter__(self) -> _Guarded:
        return self

    def __next__(self) -> Any:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def isatty(self) -> bool:
        try:
            return self._stream is not None and bool(self._stream.isatty())
        except (OSError, ValueError):
            return False

    @property
    def closed(self) -> bool:
        return self._stream is None or bool(self._stream.closed)

    @property
    def buffer(self) -> _Guarded:
        """The binary stream beneath, guarded the same way."""
        inner = None if self._stream is None else self._stream.buffer
        return _Guarded(inner, self._name, reading=self._reading, quiet=self._quiet)

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(f"{self._name} is closed: it has no {name}")
        return getattr(self._stream, name)
