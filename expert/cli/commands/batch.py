"""``expert batch`` and ``expert sample-catalogue``: judging a catalogue, and writing one to
try it on."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

from ..._support.safe_text import visible
from ..._support.streams import EnvironmentFailure
from ...batch.formats import EXTENSIONS
from ...errors import UsageError
from ...kb.load import load
from ...present.render import to_json
from ..output import cannot_write, echo

__all__ = ["batch", "sample_catalogue"]


class _Stopped(BaseException):
    """A signal that ends the process (SIGTERM, SIGHUP), raised where the batch was, so its
    workers are stopped and its partial files left resumable."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into :class:`_Stopped` for the block (in the main thread)."""
    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    numbers = [getattr(signal, name) for name in names]

    def stop(signum: int, frame: Any) -> None:
        for number in numbers:  # a second signal must not cut the clean-up short
            signal.signal(number, signal.SIG_IGN)
        raise _Stopped(signum)

    previous = {number: signal.signal(number, stop) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def batch(args: argparse.Namespace) -> int:
    """Judge a catalogue; print the summary. An interrupted run is left resumable."""
    from ...batch import BatchOptions, run_batch

    sys.stdout.write("")  # a closed standard output is refused before the run, not after it
    try:
        with _signals_raise():
            options = BatchOptions(
                errors=args.errors, input_format=args.input_format,
                output_format=args.output_format, id_column=args.id_column,
                label_column=args.label_column, ignore=args.ignore, rules=args.rules,
                engine=getattr(args, "engine", "experta"), workers=args.workers,
                dask=args.dask, chunk_size=args.chunk_size, resume=args.resume,
            )  # fmt: skip
            summary = run_batch(args.input, args.output, options)
    except (KeyboardInterrupt, _Stopped) as stop:
        print("expert: interrupted; continue the batch with --resume", file=sys.stderr)
        return 128 + getattr(stop, "signum", signal.SIGINT)
    except OSError as error:  # a full disk: what was written is kept, as at an interrupt
        where = f" ({error.filename})" if error.filename else ""
        raise EnvironmentFailure(
            f"the batch stopped: {error.strerror or error}{where}; continue it with --resume "
            "once that is fixed",
            1,
        ) from None
    if args.json:
        echo(to_json(summary.to_dict()))
    else:  # the base was loaded for the run: this reads it from the in-process cache
        echo(summary.to_text(load(args.rules).catalogue_label))
    return 0


def sample_catalogue(args: argparse.Namespace) -> int:
    """Write a seeded sample catalogue of the bundled base to a file or standard output."""
    from ...headphones import sample

    suffix = args.output.rsplit(".", 1)[-1].lower() if args.output else ""
    fmt = args.format or EXTENSIONS.get(f".{suffix}", "csv")
    try:
        lines = sample.sample_catalogue(args.rows, seed=args.seed, fmt=fmt, junk=args.junk)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.output is None:
        sys.stdout.buffer.writelines(lines)
        return 0
    try:
        sample.write_catalogue(args.output, lines)
    except OSError as error:
        raise cannot_write(args.output, error) from None
    # On stderr: standard output stays clean for whatever reads it.
    rows = "row" if args.rows == 1 else "rows"
    print(visible(f"expert: wrote {args.rows:,} {rows} to {args.output}"), file=sys.stderr)
    return 0
