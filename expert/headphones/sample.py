"""Seeded sample catalogues of headphones and headsets, for trying ``expert batch``.

:func:`sample_catalogue` makes rows of plausible devices (gaming headsets with boom mics,
earbuds with in-line mics, over-ear ANC headphones, ...), each with an ``id`` and a ``label``
column: the kind the knowledge base gives (a device with a boom or built-in microphone is a
headset; kania's in-line-mic earbuds are headphones), wrong on purpose in a few rows. With ``junk`` it also makes bad rows of the kinds
real exports contain, so the error handling of a batch can be seen at work. The same seed
always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from .._support.atomic_write import write_atomically
from .._support.paths import check_path_argument

__all__ = [
    "ARCHETYPES",
    "COLUMNS",
    "FORMATS",
    "Archetype",
    "sample_catalogue",
    "write_catalogue",
]

#: The formats a sample catalogue can be written in (those a batch reads; this module
#: imports nothing of the batch package, so that it can move with the headphone domain).
FORMATS = ("csv", "jsonl")

#: How often the ``label`` column is wrong.
LABEL_NOISE = 0.05

#: How often a fact an archetype would state is left empty (a gap in the export).
GAP = 0.08

#: The price steps shops use, in USD.
PRICES = (
    4.99, 9.99, 14.99, 19.99, 24.99, 29.99, 34.99, 39.99, 49.99, 59.99, 69.99, 79.99, 89.99,
    99.99, 119.99, 129.99, 149.99, 179.99, 199.99, 229.99, 249.99, 279.99, 299.99, 349.99,
    399.99, 449.99, 499.99,
)  # fmt: skip


@attrs.frozen
class Archetype:
    """A kind of product and the facts it plausibly has.

    Attributes:
        name: what the product is.
        weight: how common it is, relative to the others.
        facts: each fact's possible values; a value is drawn uniformly from its tuple.
        price: the lowest and highest price of the kind.
    """

    name: str
    weight: float
    facts: dict[str, tuple[Any, ...]]
    price: tuple[float, float]


YES, NO, EITHER = (True,), (False,), (True, False)

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "gaming headset", 20,
        {"mic": ("boom",), "fit": ("over-ear",), "back": ("closed",),
         "connection": ("wired", "wired", "wireless"), "plug": ("usb-a", "3.5mm", "usb-c"),
         "detachable_mic": EITHER, "mic_noise_reduction": (True, True, False),
         "padded": YES, "weight": ("heavy",), "sound_controls": EITHER, "amplifier": EITHER},
        (24.99, 299.99),
    ),
    Archetype(
        "office headset", 12,
        {"mic": ("boom",), "fit": ("on-ear", "over-ear"), "connection": ("wired", "wireless"),
         "plug": ("usb-a", "usb-c"), "mic_noise_reduction": YES, "weight": ("light",),
         "padded": EITHER},
        (19.99, 249.99),
    ),
    Archetype(
        "wired earbuds with in-line mic", 18,
        {"mic": ("inline",), "fit": ("in-ear",), "connection": ("wired",),
         "plug": ("3.5mm", "3.5mm", "usb-c"), "weight": ("light",), "bluetooth": NO},
        (4.99, 49.99),
    ),
    Archetype(
        "true wireless earbuds", 20,
        {"mic": ("builtin",), "fit": ("in-ear",), "connection": ("wireless",),
         "bluetooth": YES, "anc": EITHER, "sweat_resistant": EITHER,
         "translation": (False, False, False, True), "weight": ("light",)},
        (19.99, 299.99),
    ),
    Archetype(
        "over-ear ANC headphones", 12,
        {"mic": ("none", "builtin"), "fit": ("over-ear",), "back": ("closed",), "anc": YES,
         "connection": ("wireless",), "bluetooth": YES, "foldable": EITHER, "padded": YES},
        (79.99, 449.99),
    ),
    Archetype(
        "studio headphones", 8,
        {"mic": ("none",), "fit": ("over-ear",), "back": ("open", "closed"),
         "connection": ("wired",), "plug": ("3.5mm",), "padded": YES, "weight": ("heavy",)},
        (69.99, 499.99),
    ),
    Archetype(
        "budget on-ear headphones", 8,
        {"mic": ("none", "none", "inline"), "fit": ("on-ear",), "connection": ("wired",),
         "plug": ("3.5mm",), "foldable": YES, "weight": ("light",)},
        (4.99, 39.99),
    ),
    Archetype(
        "headphones with a clip-on mic", 2,
        {"mic": ("external",), "fit": ("over-ear", "on-ear"), "connection": ("wired",),
         "plug": ("3.5mm",)},
        (19.99, 149.99),
    ),
)  # fmt: skip

#: The columns of a sample catalogue, in order.
COLUMNS = (
    "id", "label", "mic", "fit", "back", "anc", "connection", "bluetooth", "plug", "price",
    "tier", "foldable", "detachable_mic", "mic_noise_reduction", "sweat_resistant",
    "translation", "amplifier", "sound_controls", "padded", "weight",
)  # fmt: skip


def _tier(price: float) -> str:
    if price < 30:
        return "budget"
    if price < 120:
        return "mid-range"
    return "premium" if price < 350 else "professional"


def _label(mic: str) -> str:
    """The kind the knowledge base gives: a boom or built-in microphone makes a headset; an
    in-line microphone (kania's exception: smartphone earbuds are headphones) or an add-on
    microphone leaves headphones headphones."""
    return "headset" if mic in ("boom", "builtin") else "headphones"


def _device(rng: random.Random, number: int) -> dict[str, Any]:
    """One plausible device row, with its id and (sometimes wrong) label."""
    kind = rng.choices(ARCHETYPES, weights=[a.weight for a in ARCHETYPES])[0]
    full = {name: rng.choice(values) for name, values in kind.facts.items()}
    label = _label(full["mic"])  # the shop knows its product even where the export has gaps
    row = {name: value for name, value in full.items() if rng.random() >= GAP}
    low, high = kind.price
    if rng.random() >= GAP:
        row["price"] = rng.choice([p for p in PRICES if low <= p <= high])
        row["tier"] = _tier(row["price"])
    if rng.random() < LABEL_NOISE:
        label = "headset" if label == "headphones" else "headphones"
    return {"id": f"SKU-{number:07d}", "label": label, **row}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _csv_line(values: list[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([_text(value) for value in values])
    return buffer.getvalue().encode("utf-8")


def _encode(row: dict[str, Any], fmt: str) -> bytes:
    if fmt == "csv":
        return _csv_line([row.get(column) for column in COLUMNS])
    return (json.dumps(row, allow_nan=True) + "\n").encode("utf-8")


def _garbage(rng: random.Random) -> bytes:
    """Bytes that are not UTF-8 and hold no line break."""
    noise = bytes(rng.choice([b for b in range(256) if b not in (10, 13)]) for _ in range(24))
    return b"\xff\xfe" + noise + b"\n"


def _junk(rng: random.Random, number: int, fmt: str) -> bytes:
    """One bad row of a kind real exports contain."""
    row = _device(rng, number)
    kinds: list[Callable[[], bytes]] = [
        lambda: _encode({**row, "mic": rng.choice(("bom", "wireless", "yes"))}, fmt),
        lambda: _encode({**row, "price": float("nan")}, fmt),
        lambda: b"\n",
        lambda: _garbage(rng),
    ]
    if fmt == "csv":
        kinds += [
            lambda: _encode(row, fmt).rstrip(b"\n").rsplit(b",", 3)[0] + b"\n",  # cut short
            lambda: _encode(row, fmt).replace(b",", b',"', 1),  # an unclosed quote
        ]
    else:
        kinds += [
            lambda: _encode({**row, "mik": row.get("mic", "boom")}, fmt),  # a misspelt fact
            lambda: _encode(row, fmt)[: rng.randrange(5, 40)] + b"\n",  # truncated JSON
        ]
    return rng.choice(kinds)()


def sample_catalogue(
    rows: int, *, seed: int = 0, fmt: str = "csv", junk: float = 0.0
) -> Iterator[bytes]:
    """The lines (as bytes, each ending in a newline) of a sample catalogue, made lazily.

    Args:
        rows: how many rows (a CSV header comes on top).
        seed: the random seed: the same seed gives the same catalogue.
        fmt: ``csv`` or ``jsonl``.
        junk: the fraction of bad rows, from 0 to 1.

    Raises:
        ValueError: a negative row count, an unknown format or a fraction outside [0, 1].
        TypeError: an argument of the wrong type.
    """
    for name, value, kinds in (("rows", rows, int), ("junk", junk, (int, float)),
                               ("fmt", fmt, str), ("seed", seed, (int, str))):  # fmt: skip
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise TypeError(f"{name} must not be a {type(value).__name__}")
    if rows < 0:
        raise ValueError(f"rows must be >= 0, not {rows}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
    if not 0.0 <= junk <= 1.0:
        raise ValueError(f"junk must be a fraction from 0 to 1, not {junk}")
    return _lines(rows, seed, fmt, junk)


def _lines(rows: int, seed: int, fmt: str, junk: float) -> Iterator[bytes]:
    rng = random.Random(seed)
    if fmt == "csv":
        yield _csv_line(list(COLUMNS))
    for number in range(1, rows + 1):
        if junk and rng.random() < junk:
            yield _junk(rng, number, fmt)
        else:
            yield _encode(_device(rng, number), fmt)


def write_catalogue(path: str | Path, lines: Iterable[bytes]) -> int:
    """Write ``lines`` to ``path`` all at once (a temporary file beside it, then a rename)
    and return how many lines were written.

    A symbolic link is written through (the file it names is replaced, the link kept).

    Raises:
        OSError: the file cannot be written, or is not a regular file (a directory, a
            device); an existing file is left as it was.
        TypeError: ``path`` is not a path, or ``lines`` not iterable.
    """
    check_path_argument(path, "path")
    if not isinstance(lines, Iterable):
        raise TypeError(f"lines must be iterable, not {type(lines).__name__}")
    return write_atomically(Path(path), lines)
