"""Writing a file all at once: a temporary file beside it, flushed to disk, then renamed."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from .paths import target_of

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: str | bytes | Iterable[bytes]) -> int:
    """Replace ``path`` with ``data`` in one step and return how many pieces were written.

    ``data`` is text (written as UTF-8), bytes, or an iterable of byte strings written one
    after another (a large file need not be in memory at once). A reader sees the old file or
    the new one, never half of one; if writing fails, the old file is left as it was and no
    temporary file remains. A symbolic link is written through: the file it names is
    replaced, the link stays.

    Raises:
        OSError: the file cannot be written.
    """
    path = target_of(path)  # a link is written through, not replaced
    if path.exists() and not path.is_file():
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    if isinstance(data, str):
        data = data.encode("utf-8")
    pieces: Iterable[bytes] = (data,) if isinstance(data, bytes) else data
    count = 0
    directory = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            for piece in pieces:
                handle.write(piece)
                count += 1
            handle.flush()
            # The temporary file is private (0600); the file takes the mode it had, or a new
            # file's mode under the umask, as if it had been written in place.
            os.chmod(handle.name, _mode_of(path))
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count


_UMASK_LOCK = threading.Lock()


def _mode_of(path: Path) -> int:
    """The permission bits ``path`` has, or those a new file gets under the process's umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        pass
    with _UMASK_LOCK:  # the umask can only be read by setting it
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask
