"""The progress bar of a batch run: rows done, rate and time left, on standard error."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator

from .._support.terminal import size

__all__ = ["progress_bar"]


@contextlib.contextmanager
def progress_bar(enabled: bool, total: int, done: int) -> Iterator[Callable[[int], None]]:
    """A rich progress bar with rate and ETA on stderr, or nothing."""
    if not enabled:
        yield lambda rows: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]} rows/s"), TimeRemainingColumn(),
    )  # fmt: skip
    with Progress(*columns, console=Console(stderr=True, **size(sys.stderr))) as bar:
        task = bar.add_task("batch", total=total, completed=done, rate="?")
        start, first = time.monotonic(), done

        def advance(rows: int) -> None:
            done_here = bar.tasks[0].completed + rows - first
            rate = done_here / max(time.monotonic() - start, 1e-9)
            bar.update(task, advance=rows, rate=f"{rate:,.0f}")

        yield advance
