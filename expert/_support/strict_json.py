"""JSON read strictly: an object that names a key twice is refused, not read as its last value.

``json.loads`` keeps the last of two equal keys, so ``{"light": "low", "light": "bright"}``
would state one light silently; a fact given twice is refused everywhere else too.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import brief

__all__ = ["loads"]


def loads(text: str) -> Any:
    """``text`` as JSON, as :func:`json.loads` reads it, but for keys given twice.

    Raises:
        ValueError: not JSON (a :class:`json.JSONDecodeError`), or an object names a key twice.
        RecursionError: nested too deeply.
    """
    return json.loads(text, object_pairs_hook=_object)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made: dict[str, Any] = {}
    for key, value in pairs:
        if key in made:
            raise ValueError(f"key {brief(key, 40)} is given twice in one object")
        made[key] = value
    return made
