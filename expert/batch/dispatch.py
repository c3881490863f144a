"""Dispatching batch work: in this process, on worker processes, or on a Dask cluster.

A *lane* runs ``function(*args)`` somewhere and returns a future (``result()``,
``cancel()``). Each chunk of items is scattered over the lanes by a routing key (so equal
items always meet in the same worker, whose cache then does their work once) and gathered
back in item order; :func:`in_order` keeps a few chunks in flight and yields their results in
chunk order. Each local lane is one worker process (:mod:`expert.batch.workers`), so a lane is
always the same process; a Dask lane names one worker but lets the task move if that worker
goes away.

Local workers never outlive their parent, and leaving them takes a bounded time: when the
lanes are left by an exception (Ctrl-C, a signal turned into one) the workers are killed at
once; otherwise each finishes and exits, and is killed if it has not within a few seconds.
Each worker also exits by itself when its parent is gone, however it ended (even by
SIGKILL).
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from ..errors import UsageError
from .options import check_address
from .workers import Worker, signals_held

__all__ = [
    "Lane",
    "Scattered",
    "dask_client",
    "dask_lanes",
    "distributed",
    "here",
    "in_order",
    "process_lanes",
]

#: Runs ``function(*args)`` somewhere and returns a future.
Lane = Callable[..., Any]

T = TypeVar("T")


class _Ready:
    """The result of work done at once, shaped like a future."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value

    def cancel(self) -> bool:
        return False


def here(function: Callable[..., Any], *args: Any) -> _Ready:
    """The lane of this process: do the work now."""
    return _Ready(function(*args))


class Scattered:
    """A chunk of items sent over the lanes; :meth:`result` gathers it back in order.

    Args:
        items: the chunk.
        lanes: where the work may run.
        route: an item's lane number (taken modulo the number of lanes).
        work: ``work(part, *args)`` -> ``(one result per item of part, extra)``.
    """

    def __init__(
        self,
        items: Sequence[Any],
        lanes: Sequence[Lane],
        route: Callable[[Any], int],
        work: Callable[..., tuple[Sequence[Any], Any]],
        *args: Any,
    ) -> None:
        self.size = len(items)
        groups: list[list[int]] = [[] for _ in lanes]
        if len(lanes) == 1:
            groups[0] = list(range(self.size))
        else:
            for index, item in enumerate(items):
                groups[route(item) % len(lanes)].append(index)
        self.futures = [
            (indexes, lane(work, tuple(items[index] for index in indexes), *args))
            for lane, indexes in zip(lanes, groups, strict=True)
            if indexes
        ]

    def result(self) -> tuple[list[Any], list[Any]]:
        """Wait for every part; return the results in item order and each part's extra."""
        results: list[Any] = [None] * self.size
        extras = []
        for indexes, future in self.futures:
            part_results, extra = future.result()
            for index, value in zip(indexes, part_results, strict=True):
                results[index] = value
            extras.append(extra)
        return results, extras

    def cancel(self) -> None:
        """Cancel the parts not started yet."""
        for _, future in self.futures:
            future.cancel()


def in_order(
    chunks: Iterable[T], submit: Callable[[T], Scattered], window: int
) -> Iterator[tuple[T, tuple[list[Any], list[Any]]]]:
    """Submit chunks, at most ``window`` ahead; yield each chunk and its result in order."""
    pending: deque[tuple[T, Scattered]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, submit(chunk)))
            if len(pending) >= window:
                done, scattered = pending.popleft()
                yield done, scattered.result()
        while pending:
            done, scattered = pending.popleft()
            yield done, scattered.result()
    finally:
        for _, scattered in pending:
            scattered.cancel()


@contextlib.contextmanager
def process_lanes(
    workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = ()
) -> Iterator[list[Lane]]:
    """One worker process per lane, each started with ``initializer(*initargs)``.

    Leaving by an exception kills the workers at once; leaving normally lets each finish
    and exit. Either way every worker has ended (or been killed and waited for a bounded
    time) when this returns; each also exits by itself when this process is gone.
    """
    # spawn, not fork: the parent may have threads (a progress bar), and a forked child
    # would inherit their locks.
    context = multiprocessing.get_context("spawn")
    started: list[Worker] = []
    try:
        for _ in range(workers):  # one by one: a signal mid-way leaves the started ones listed
            with signals_held():  # acted on once the worker is listed, so it is killed
                started.append(Worker(context, initializer, initargs))
        yield [worker.submit for worker in started]
    except BaseException:
        for worker in started:  # all at once, before waiting for any
            worker.kill()
        raise
    finally:
        for worker in started:
            worker.stop()


def distributed() -> Any:
    """The ``distributed`` module.

    Raises:
        UsageError: Dask is not installed (saying how to install it).
    """
    try:
        import distributed as module
    except ImportError:
        raise UsageError("Dask is not installed: install expert[dask]") from None
    return module


@contextlib.contextmanager
def dask_client(client_or_address: Any, timeout: float = 10) -> Iterator[Any]:
    """A connected Dask client: the one given, or a new one to the scheduler's address
    (closed afterwards).

    Raises:
        UsageError: Dask is not installed, or the scheduler cannot be reached.
    """
    module = distributed()
    if isinstance(client_or_address, module.Client):
        yield client_or_address
        return
    if not isinstance(client_or_address, str):
        # Client(None) would start a whole local cluster: a missing address is a mistake.
        kind = type(client_or_address).__name__
        raise TypeError(
            f"client_or_address must be a distributed.Client or an address, not {kind}"
        )
    check_address(client_or_address)
    try:
        client = module.Client(client_or_address, timeout=timeout, set_as_default=False)
    except (OSError, ValueError) as error:
        raise UsageError(
            f"cannot reach the Dask scheduler at {client_or_address!r}: {error}"
        ) from None
    with client:
        yield client


def dask_lanes(client: Any) -> list[Lane]:
    """One lane per worker of the cluster."""
    addresses = sorted(client.scheduler_info().get("workers", {})) or [None]

    def lane(address: str | None) -> Lane:
        def submit(function: Callable[..., Any], *args: Any) -> Any:
            where = {"workers": [address], "allow_other_workers": True} if address else {}
            return client.submit(function, *args, pure=False, **where)

        return submit

    return [lane(address) for address in addresses]
