"""The shell's history: where its files live, and a history file that never ends a session.

The history is prompt_toolkit's file format in :func:`~expert.shell.data_dir`; only the end
of a long file is read, only a regular file is used, and a history that cannot be used is
kept in memory instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._support.paths import read_tail

__all__ = ["MAX_HISTORY_BYTES", "data_dir", "open_history"]

#: How much of the end of the history file is read at start, in bytes.
MAX_HISTORY_BYTES = 1 << 20


def data_dir() -> Path:
    """The directory for the shell's own files (its history).

    ``$XDG_DATA_HOME/expert`` when that variable holds an absolute path; otherwise the
    platform's user data directory: ``~/.local/share/expert``, ``~/Library/Application
    Support/expert`` on macOS, ``%APPDATA%\\expert`` on Windows.

    Raises:
        RuntimeError: there is no home directory to be found (``HOME`` empty or relative).
    """
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "expert"
    home = Path.home()
    if not home.is_absolute() or os.environ.get("HOME") == "":
        # An empty or relative HOME would put the history in the current directory (or /).
        raise RuntimeError("no home directory: HOME is empty or not an absolute path")
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming") / "expert"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "expert"
    return home / ".local" / "share" / "expert"


def open_history() -> Any:
    """A history file in :func:`~expert.shell.data_dir`, or one in memory when that is not
    writable."""
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    class SafeFileHistory(FileHistory):
        """A file history that never ends a session because the file cannot be used, reads
        only the end of a long one, and uses only a regular file (a history linked to
        /dev/zero or a FIFO is left alone rather than read for ever or waited on)."""

        def load_history_strings(self) -> Iterable[str]:
            try:
                data = read_tail(os.fsdecode(self.filename), MAX_HISTORY_BYTES)
            except (OSError, ValueError):
                return []
            return reversed(_history_entries(data))

        def store_string(self, string: str) -> None:
            try:
                path = Path(os.fsdecode(self.filename))
                if not path.exists() or path.is_file():
                    super().store_string(string)
            except OSError:
                pass  # an unwritable history is not worth losing the session over

    try:
        directory = data_dir()
        directory.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home directory to be found
        return InMemoryHistory()
    return SafeFileHistory(str(directory / "history"))


def _history_entries(data: bytes) -> list[str]:
    """The entries of prompt_toolkit's history format (``# time`` lines, then ``+line``s),
    oldest first; a first entry cut by reading only the end of the file is dropped."""
    entries: list[str] = []
    lines: list[str] | None = None
    # The first line is the blank one prompt_toolkit writes before each entry, or the cut
    # end of a line: either way not part of a whole entry.
    for raw in data.splitlines(keepends=True)[1:]:
        line = raw.decode("utf-8", errors="replace")
        if line.startswith("+") and lines is not None:
            lines.append(line[1:])
        elif not line.startswith("+"):
            if lines:
                entries.append("".join(lines)[:-1])
            lines = []
    if lines:
        entries.append("".join(lines)[:-1])
    return entries
