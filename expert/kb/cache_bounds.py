"""Keeping the rule-file cache bounded: entries not used for a while go, and the cache
stays under a total size.

The cache (:mod:`expert.kb.rule_cache`) writes one entry per base directory it loads; a user
who tries many bases, or generates them, would otherwise grow it without end. Pruning runs at
most once a day, recorded by the modification time of a stamp file, so that a command pays
one ``stat`` for it on other days. It removes only the cache's own entries (files named like
one, :data:`ENTRY`) and its own abandoned temporary files, never another file a user keeps
in ``$EXPERT_CACHE_DIR``. Two processes pruning at once remove the same files: a file already
gone is skipped, and a reader whose entry vanishes parses the files again. Any failure to
prune is ignored: a cache is never a reason for a command to fail.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

__all__ = ["ENTRY", "MAX_AGE", "MAX_BYTES", "PRUNE_EVERY", "STAMP", "TEMPORARY", "prune", "touch"]

#: The name of an entry: the first 32 hex digits of the SHA-256 of its base's directory.
ENTRY = re.compile(r"[0-9a-f]{32}\.json\Z")

#: The name of an entry being written (``tempfile.mkstemp(prefix=".entry-", suffix=".tmp")``).
TEMPORARY = re.compile(r"\.entry-[A-Za-z0-9_]+\.tmp\Z")

#: An entry not used for this long (seconds: 30 days) is removed. Parsing a base again costs
#: once what the cache saves on every command (seconds at most, for 20,000 rules); a base not
#: loaded for a month is most likely one that was tried and left.
MAX_AGE = 30 * 24 * 3600

#: The cache is kept under this total size (bytes: 128 MiB), the least recently used entries
#: going first. An entry of the bundled base plus 20,000 generated rules is about 8 MB, so this
#: holds some fifteen large bases, or hundreds of ordinary ones.
MAX_BYTES = 128 * 1024 * 1024

#: Pruning runs at most this often (seconds: a day); an entry's use is recorded (its time of
#: modification set) at most this often too, so a command mostly only reads.
PRUNE_EVERY = 24 * 3600

#: A temporary file older than this (seconds: an hour) was left by a process that died.
_ABANDONED = 3600

#: The stamp file: its modification time is when the cache was last pruned.
STAMP = "pruned"


def touch(entry: Path, now: float | None = None) -> None:
    """Record that ``entry`` was used, unless that was recorded within :data:`PRUNE_EVERY`
    (best effort: a failure is ignored)."""
    now = time.time() if now is None else now
    try:
        if now - entry.stat().st_mtime >= PRUNE_EVERY:
            os.utime(entry, (now, now))
    except OSError:
        pass


def prune(
    root: Path,
    now: float | None = None,
    max_age: float = MAX_AGE,
    max_bytes: int = MAX_BYTES,
) -> bool:
    """Prune the cache in ``root`` if it was not pruned within :data:`PRUNE_EVERY`.

    Removes the entries not used for ``max_age`` seconds, then the least recently used ones
    until the entries' total size is at most ``max_bytes``, and temporary files abandoned by
    a process that died. Never raises: a cache that cannot be pruned stays as it is.

    Returns:
        Whether it pruned (``False``: it was pruned lately, or pruning failed).
    """
    now = time.time() if now is None else now
    stamp = root / STAMP
    try:
        if now - stamp.stat().st_mtime < PRUNE_EVERY:
            return False
    except FileNotFoundError:
        pass
    except OSError:
        return False
    try:
        # The stamp first: another process starting now skips, rather than pruning too.
        stamp.touch(mode=0o600)
        os.utime(stamp, (now, now))
        _remove_old(root, now, max_age, max_bytes)
    except OSError:
        return False
    return True


def _remove_old(root: Path, now: float, max_age: float, max_bytes: int) -> None:
    """Remove what :func:`prune` removes, of the files in ``root`` named as the cache's own."""
    entries: list[tuple[float, int, Path]] = []
    with os.scandir(root) as listing:
        for item in listing:
            own = ENTRY.match(item.name) or TEMPORARY.match(item.name)
            if not own or not item.is_file(follow_symlinks=False):
                continue
            try:
                info = item.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # removed meanwhile by another process
            age = now - info.st_mtime
            if TEMPORARY.match(item.name):
                if age >= _ABANDONED:
                    Path(item.path).unlink(missing_ok=True)
            elif age >= max_age:
                Path(item.path).unlink(missing_ok=True)
            else:
                entries.append((info.st_mtime, info.st_size, Path(item.path)))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries, key=lambda entry: entry[0]):  # oldest use first
        if total <= max_bytes:
            break
        path.unlink(missing_ok=True)  # one another process removed first is no error
        total -= size
