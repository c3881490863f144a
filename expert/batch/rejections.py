"""Why a record is rejected, as data: the kind of problem and a message for people.

A bad record never stops a batch: the reader, the judge and the writer each return a
:class:`Rejection` instead of raising, and the run writes it, with the record's line and id,
to the errors file (``{"line", "id", "error", "reason", "text"}``).
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Rejection"]


@attrs.frozen
class Rejection:
    """Why one record has no output row.

    Attributes:
        kind: the kind of problem, a short word written as the error record's ``error``
            (``bad-json``, ``bad-value``, ``unknown-fact``, ...), counted in the summary.
        message: what is wrong, in words (the error record's ``reason``).
    """

    kind: str
    message: str

    def row(self, number: int, ident: Any) -> dict[str, Any]:
        """The error record of the record on line ``number`` whose id is ``ident``."""
        return {"line": number, "id": ident, "error": self.kind, "reason": self.message}
