"""Numbers typed by people: the one reading of an amount, a count and a number in a question.

Text is read after Unicode compatibility normalisation (NFKC), as questions are: fullwidth
``８０`` and a superscript ``²`` are their digits, and digits of any script (``٣``) count.
A number is decimal: an optional sign, digits with an optional decimal point and exponent,
surrounding spaces ignored. Python's ``1_000``, thousands separators and a digit that NFKC
does not make a decimal one (``½``) are not numbers: ``str.isdigit`` would let ``²`` through
to an ``int()`` that refuses it, so nothing reads numbers another way.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["number_text", "read_count", "read_number"]

# \d is any script's decimal digit (Unicode category Nd), each of which float() and int() read.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|[+-]?(?:nan|inf|infinity)")
#: More digits than a count could need; int() refuses over 4,300 (CVE-2020-10735).
_COUNT = re.compile(r"\d{1,100}")


def number_text(text: str) -> str:
    """``text`` as numbers are read from it: compatibility-normalised, lower case, stripped."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def read_number(text: str) -> float | None:
    """The number ``text`` writes (``"80"``, ``" 1.5e3 "``, ``"８０"``), or ``None``.

    ``nan`` and ``inf`` are read (as floats) so that the caller can say they are not finite.
    """
    normal = number_text(text)
    return float(normal) if _NUMBER.fullmatch(normal) else None


def read_count(text: str) -> int | None:
    """The whole number ``text`` writes with digits only (``"5"``, ``"٣"``, ``"²"``), or
    ``None`` (a sign, a point, any other character, or over 100 digits)."""
    normal = number_text(text)
    return int(normal) if _COUNT.fullmatch(normal) else None
