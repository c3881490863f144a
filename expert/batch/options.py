"""The options of a batch run (:class:`BatchOptions`), checked when they are made, and how
errors name them.

An error names an option as a :class:`~expert.errors.Parameter`: the
library's text says `` `workers` must be a whole number ...``, its ``parameter`` is
``workers``, and a front end words it with its own names (the command line's ``--workers``,
by :meth:`~expert.errors.ExpertError.worded`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

from .._support.paths import check_path_argument
from ..errors import Parameter, UsageError, brief

__all__ = [
    "CHUNK_SIZE",
    "MAX_CHUNK_SIZE",
    "MAX_WORKERS",
    "SCHEMES",
    "BatchOptions",
    "check_address",
]

#: Records per chunk: the unit of work of a worker and of a checkpoint.
CHUNK_SIZE = 500

#: The most worker processes and the largest chunk a batch takes.
MAX_WORKERS, MAX_CHUNK_SIZE = 256, 1_000_000


def _path(optional: bool) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check_path_argument(value, attribute.name, optional=optional)

    return check


def _text(optional: bool) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise TypeError(f"{attribute.name} must be a str, not {type(value).__name__}")

    return check


def _count(most: int) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
            raise UsageError(
                (
                    Parameter(attribute.name),
                    f" must be a whole number from 1 to {most:,}, not {brief(value)}",
                )
            )

    return check


def _flag(optional: bool) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(options: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, bool) and not (optional and value is None):
            kind = "a bool or None" if optional else "a bool"
            raise TypeError(f"{attribute.name} must be {kind}, not {type(value).__name__}")

    return check


def _columns(value: Any) -> frozenset[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"ignore must be an iterable of column names, not {type(value).__name__}")
    columns = list(value)
    if not all(isinstance(column, str) for column in columns):
        raise TypeError("ignore must hold column names (str)")
    return frozenset(columns)


@attrs.frozen(kw_only=True)
class BatchOptions:
    """How :func:`~expert.batch.run_batch` reads, judges and writes a catalogue.

    Every option is checked when the options are made: a value of the wrong type is a
    :class:`TypeError`, one out of range a :class:`~expert.errors.UsageError` naming it.

    Attributes:
        errors: where bad records go, one JSON object a line with ``line``, ``id``,
            ``error`` (the kind), ``reason`` and ``text``; ``OUTPUT.errors.jsonl`` by
            default, left only when some record was rejected (a file named here is always
            written).
        input_format, output_format: ``csv`` or ``jsonl``; by the file's extension if not
            given.
        id_column: the column holding record ids (``id`` by default; the line number when a
            record has none).
        label_column: the column holding the catalogue's own kind; each output row then says
            whether the labelled verdict (the one the base declares ``catalogue_label``)
            disagrees with it (``label`` by default, if there).
        ignore: columns that are neither facts nor id nor label.
        rules: the knowledge base's directory; the bundled one by default.
        engine: the inference engine (see :data:`expert.api.expert.ENGINES`).
        workers: worker processes (1 judges in this process).
        dask: a ``distributed.Client`` or a scheduler's address to run the chunks on; not
            with ``workers``.
        chunk_size: records per chunk (per task and per checkpoint).
        resume: continue an interrupted run from its last complete chunk (or start afresh
            when there is none); without it, an interrupted run's files stop the batch.
        progress: show a progress bar on stderr (by default when stderr is a terminal).
    """

    errors: str | Path | None = attrs.field(default=None, validator=_path(optional=True))
    input_format: str | None = attrs.field(default=None, validator=_text(optional=True))
    output_format: str | None = attrs.field(default=None, validator=_text(optional=True))
    id_column: str | None = attrs.field(default=None, validator=_text(optional=True))
    label_column: str | None = attrs.field(default=None, validator=_text(optional=True))
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=_columns)
    rules: str | Path | None = attrs.field(default=None, validator=_path(optional=True))
    engine: str = attrs.field(default="experta", validator=_text(optional=False))
    workers: int = attrs.field(default=1, validator=_count(MAX_WORKERS))
    dask: Any = None
    chunk_size: int = attrs.field(default=CHUNK_SIZE, validator=_count(MAX_CHUNK_SIZE))
    resume: bool = attrs.field(default=False, validator=_flag(optional=False))
    progress: bool | None = attrs.field(default=None, validator=_flag(optional=True))

    def __attrs_post_init__(self) -> None:
        if self.dask is not None and self.workers > 1:
            raise UsageError(
                ("give ", Parameter("workers"), " or ", Parameter("dask"), ", not both")
            )
        if isinstance(self.dask, str):
            check_address(self.dask)


# -- Dask scheduler addresses ----------------------------------------------------------------

#: The schemes of Dask scheduler addresses (``distributed.comm``'s transports).
SCHEMES = ("tcp", "tls", "ws", "wss", "ucx", "inproc")

_ADDRESS = re.compile(
    r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?"
    r"(?P<host>\[[0-9A-Fa-f:.%A-Za-z]+\]|[A-Za-z0-9_.-]*)"
    r"(?::(?P<port>[0-9]*))?"
)


def _address_problem(address: str) -> str | None:
    """Why ``address`` is not a scheduler's address, or ``None``."""
    if not address:
        return "it is empty"
    scheme, _, rest = address.rpartition("://")
    if scheme and scheme.lower() == "inproc":
        return None if rest and rest.isprintable() and " " not in rest else "no place named"
    found = _ADDRESS.fullmatch(address)
    if found is None:
        return "it is not [SCHEME://]HOST[:PORT]"
    if found["scheme"] and found["scheme"].lower() not in SCHEMES:
        return f"unknown scheme {found['scheme']!r}; allowed: {', '.join(SCHEMES)}"
    if not found["host"]:
        return "no host"
    port = found["port"]
    if port is not None and not (port and 1 <= int(port) <= 65535):
        return "the port must be a number from 1 to 65535"
    return None


def check_address(address: Any) -> None:
    """Check a Dask scheduler's address before any client is made for it.

    Raises:
        UsageError: ``address`` is not ``[SCHEME://]HOST[:PORT]`` (saying why).
    """
    problem = _address_problem(address)
    if problem:
        raise UsageError(
            (
                Parameter("dask"),
                (
                    f": {brief(address)} is not a scheduler address ({problem}); give "
                    "HOST:PORT or SCHEME://HOST:PORT, e.g. tcp://127.0.0.1:8786"
                ),
            )
        )
