"""A per-user cache of a knowledge base's parsed rule files, so that a large base is not
parsed again by every command while its files are unchanged.

Parsing TOML is most of loading a large base (about 80 % of it at 20,000 rules). The cache
keeps, per base directory, each file's parsed table with the SHA-256 digest of the file's
text; a file whose digest differs (stale) is parsed again. Entries are plain JSON data:
reading one cannot run code, whoever wrote it. Each entry is also signed with an HMAC-SHA256
keyed by a random per-user key kept in a file of mode 0600 in a cache directory of mode 0700:
an entry changed by anyone without the key (tampered) is rejected and rebuilt from the files,
so the cache can only ever give back tables its own user's process parsed. A key file or
directory that others could write or read disables the cache rather than trusting it.

The cache lives in the user's cache directory (``$XDG_CACHE_HOME/expert``, by default
``~/.cache/expert``; ``~/Library/Caches/expert`` on macOS; ``%LOCALAPPDATA%\\expert\\Cache`` on
Windows), or in ``$EXPERT_CACHE_DIR``; ``EXPERT_NO_CACHE=1`` turns it off. Any failure to read
or write it falls back to parsing the files: the cache never changes what is loaded. The
cache is kept bounded (:mod:`expert.kb.cache_bounds`): entries not used for 30 days go, and it
stays under 128 MiB.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from .._support.toml_files import parse_toml, read_text
from .cache_bounds import prune, touch

__all__ = ["ParsedFiles", "cache_directory"]

#: The layout of an entry; an entry of another format is rebuilt.
FORMAT = 1
_KEY_BYTES = 32


def cache_directory() -> Path | None:
    """Where the cache lives, or ``None`` when it is turned off."""
    if os.environ.get("EXPERT_NO_CACHE"):
        return None
    configured = os.environ.get("EXPERT_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "expert" / "Cache" if local else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "expert"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "expert"


def _private(path: Path, directory: bool) -> bool:
    """Whether ``path`` belongs to this user and no one else can write it (nor, for the key,
    read it). Where the platform has no owners and modes (Windows), the user's own local
    application data is private by default."""
    if not hasattr(os, "getuid"):
        return True
    info = path.lstat()
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    loose = 0o022 if directory else 0o077
    return kind(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & loose


def _key(root: Path) -> bytes:
    """This user's signing key, made on first use.

    Raises:
        OSError: the directory or the key is not private, or cannot be read or made.
    """
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(root, directory=True):
        raise PermissionError(f"{root} is not private to this user")
    path = root / "key"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if not _private(path, directory=False):
            raise PermissionError(f"{path} is not private to this user") from None
        key = path.read_bytes()
        if len(key) != _KEY_BYTES:
            raise PermissionError(f"{path} is not a key") from None
        return key
    key = secrets.token_bytes(_KEY_BYTES)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key)
    return key


class ParsedFiles:
    """The parsed tables of one base directory's TOML files, from the cache where a file is
    unchanged; :meth:`save` writes back what changed. With ``cache`` false, every file is
    parsed and nothing is kept."""

    def __init__(self, directory: Path, cache: bool = True) -> None:
        self._entry: Path | None = None
        self._secret = b""
        #: file name -> (digest of its text, its table as JSON text), as cached and as read.
        self._cached: dict[str, tuple[str, str]] = {}
        self._read: dict[str, tuple[str, str]] = {}
        root = cache_directory() if cache else None
        if root is None:
            return
        try:
            self._secret = _key(root)
            prune(root)
            name = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:32]
            self._entry = root / f"{name}.json"
            self._cached = self._open(self._entry)
        except (OSError, ValueError, KeyError, TypeError):
            self._entry = None  # no usable cache: parse every file, keep nothing
            self._cached = {}

    def _open(self, entry: Path) -> dict[str, tuple[str, str]]:
        """The entry's files, or none if it is missing, of another format or not signed by
        this user's key."""
        try:
            signature, _, body = entry.read_bytes().partition(b"\n")
        except FileNotFoundError:
            return {}
        expected = hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(signature, expected):
            return {}  # tampered with, or written with another key: rebuilt
        data = json.loads(body)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        touch(entry)
        return {name: (digest, text) for name, (digest, text) in data["files"].items()}

    def read(self, path: Path) -> dict[str, Any]:
        """The table of TOML file ``path``, or a :class:`KnowledgeBaseError` as
        :func:`~expert._support.toml_files.read_toml` raises it."""
        text = read_text(path)
        digest = hashlib.sha256(text.encode()).hexdigest()
        cached = self._cached.get(path.name)
        if cached is not None and cached[0] == digest:
            self._read[path.name] = cached
            table: dict[str, Any] = json.loads(cached[1])
            return table
        table = parse_toml(text, path)
        if self._entry is not None:
            try:
                self._read[path.name] = (digest, json.dumps(table, ensure_ascii=False))
            except (TypeError, ValueError):  # dates and times have no JSON form
                pass
        return table

    def save(self) -> None:
        """Write the entry if what was read differs from what was cached (best effort)."""
        if self._entry is None or self._read == self._cached:
            return
        body = json.dumps({"format": FORMAT, "files": self._read}, ensure_ascii=False).encode()
        signature = hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode()
        temporary = None
        try:  # written whole, then renamed: a reader sees the old entry or the new one
            descriptor, temporary = tempfile.mkstemp(
                dir=self._entry.parent, prefix=".entry-", suffix=".tmp"
            )
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(signature + b"\n" + body)
            os.replace(temporary, self._entry)
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
