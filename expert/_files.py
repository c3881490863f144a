"""Writing a file all at once: a temporary file beside it, flushed to disk, then renamed."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ._paths import target_of

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
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count
