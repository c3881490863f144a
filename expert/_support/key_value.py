"""``NAME=VALUE`` words, as facts are written on a command line, in a shell and in data files."""

from __future__ import annotations

__all__ = ["key_value"]


def key_value(text: str) -> tuple[str, str] | None:
    """``text`` split at its first ``=`` (``"a=b=c"`` -> ``("a", "b=c")``), as written: no
    space stripped; ``None`` when it holds no ``=``."""
    key, sep, value = text.partition("=")
    return (key, value) if sep else None
