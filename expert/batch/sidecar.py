"""The progress file of a batch run (``OUTPUT.partial.json``): its layout, and the checks
that it has that layout before anything of it is trusted.

It must have its exact keys, types and ranges, and a checksum of its own content
(:func:`sealed`) closes it, so an edited file is found out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

__all__ = ["SIDECAR_LIMIT", "VERSION", "layout_problem", "sealed", "whole"]

#: The version of the sidecar's layout.
VERSION = 3

#: The largest sidecar read back (a real one is a few kilobytes).
SIDECAR_LIMIT = 1 << 20

_KEYS = {
    "version", "input", "input_sha256", "knowledge", "settings", "offset", "lines", "extra",
    "output_bytes", "errors_bytes", "output_sha256", "errors_sha256", "failed", "checksum",
}  # fmt: skip
_IDENTITY = ("path", "size", "mtime_ns", "inode", "device")


def sealed(data: Mapping[str, Any]) -> str:
    """The checksum of a sidecar's content (every key but ``checksum``)."""
    content = {key: value for key, value in data.items() if key != "checksum"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def whole(value: Any) -> bool:
    """Whether ``value`` is a whole number >= 0 (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _hex(value: Any) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


def layout_problem(saved: Any) -> str | None:
    """What is wrong with the layout, types or ranges of a sidecar, or ``None``."""
    if not isinstance(saved, dict):
        return "it is not a JSON object"
    if set(saved) != _KEYS:
        missing, extra = sorted(_KEYS - set(saved)), sorted(set(saved) - _KEYS)
        return f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(extra)}"
    if saved["version"] != VERSION or isinstance(saved["version"], bool):
        return f"version {saved['version']!r} is not {VERSION}"
    identity = saved["input"]
    if not (
        isinstance(identity, dict)
        and set(identity) == set(_IDENTITY)
        and isinstance(identity["path"], str)
        and all(whole(identity[key]) for key in ("size", "inode", "device"))
        and isinstance(identity["mtime_ns"], int)
        and not isinstance(identity["mtime_ns"], bool)
    ):
        return "`input` is not an input's path, size, time, inode and device"
    knowledge = saved["knowledge"]
    if not (
        isinstance(knowledge, dict)
        and set(knowledge) == {"version", "files"}
        and isinstance(knowledge["version"], str)
        and isinstance(knowledge["files"], dict)
        and all(isinstance(k, str) and _hex(v) for k, v in knowledge["files"].items())
    ):
        return "`knowledge` is not a version and the checksums of files"
    if not isinstance(saved["settings"], dict) or not isinstance(saved["extra"], dict):
        return "`settings` and `extra` must be objects"
    if not isinstance(saved["failed"], (str, type(None))):
        return "`failed` is not a reason or null"
    for key in ("offset", "lines", "output_bytes", "errors_bytes"):
        if not whole(saved[key]):
            return f"`{key}` is not a whole number >= 0"
    if saved["offset"] > identity["size"]:
        return "`offset` lies past the end of the input"
    if saved["lines"] > saved["offset"] + 1:
        return "`lines` is more than the bytes read"
    for key in ("input_sha256", "output_sha256", "errors_sha256", "checksum"):
        if not _hex(saved[key]):
            return f"`{key}` is not a SHA-256 checksum"
    if saved["checksum"] != sealed(saved):
        return "its content does not match its checksum (it was edited)"
    return None
