"""Local worker processes whose end is bounded by construction.

Each worker is one process fed over a pipe: the parent sends it tasks and reads its results
itself, in the calling thread, only when it asks for one. There is no thread in the parent
(``concurrent.futures.ProcessPoolExecutor`` reads results on a manager thread, and shutting
a pool down joins that thread, which can block for ever on a worker that was killed), so
stopping a worker never waits on anything that may wait on a dead one: every wait has a
bound, and a signal interrupts any of them.

A worker ignores the signals that end a run (SIGINT, SIGTERM, SIGHUP): its parent decides,
and stops it. It also watches its parent and exits when the parent is gone, however the
parent ended (even by SIGKILL).
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from typing import Any

from ..errors import BatchError, Parameter

__all__ = ["ENDING", "GRACE", "PARENT_CHECK", "Worker", "signals_held"]

#: How long a worker may take to end by itself before it is killed, and how long a killed
#: one is waited for, in seconds.
GRACE = 2.0

#: How often a worker checks that its parent is still there, in seconds.
PARENT_CHECK = 0.2

#: The signals that end a run.
ENDING = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold the signals that end a run (:data:`ENDING`) for the block, then act on them.

    A worker being started reads its start-up data from the parent: a signal that ended the
    parent in that moment, before the worker was listed to be killed, left the worker reading
    a closed pipe, and its start-up traceback reached the user's terminal. Held, the signal is
    raised again once the worker is listed, and handled as anywhere else. Outside the main
    thread (where handlers cannot be set) the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {}
    try:
        for number in ENDING:
            previous[number] = signal.signal(number, lambda signum, _: caught.append(signum))
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        for number in dict.fromkeys(caught):
            signal.raise_signal(number)


class Pending:
    """The result of a task sent to a worker, shaped like a future."""

    def __init__(self, worker: Worker, number: int) -> None:
        self.worker = worker
        self.number = number

    def result(self) -> Any:
        """Wait for the result (or raise the task's exception)."""
        return self.worker.result(self.number)

    def cancel(self) -> bool:
        """A task sent cannot be taken back; stopping the worker drops it."""
        return False


class Worker:
    """One worker process, started with ``initializer(*initargs)``.

    Args:
        context: a spawn context (a forked child would inherit the locks of the parent's
            threads).
        initializer: run once in the worker before any task.
        initargs: its arguments.
    """

    def __init__(
        self,
        context: SpawnContext,
        initializer: Callable[..., None],
        initargs: tuple[Any, ...] = (),
    ) -> None:
        task_reader, self._tasks = context.Pipe(duplex=False)
        self._results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_serve,
            args=(os.getpid(), task_reader, result_writer, initializer, initargs),
            daemon=True,
            name="expert-worker",
        )
        try:
            self.process.start()
        finally:
            # Only the worker holds these ends now: its death is an end of file here.
            task_reader.close()
            result_writer.close()
        self._sent = 0
        self._received = 0
        self._answers: dict[int, tuple[bool, Any]] = {}

    def submit(self, function: Callable[..., Any], *args: Any) -> Pending:
        """Send ``function(*args)`` to the worker.

        Raises:
            BatchError: the worker is gone.
        """
        try:
            self._tasks.send((function, args))
        except (OSError, ValueError):  # a broken pipe, or a pipe closed by stop()
            raise self._died() from None
        self._sent += 1
        return Pending(self, self._sent - 1)

    def result(self, number: int) -> Any:
        """The result of task ``number`` (tasks answer in the order they were sent).

        Raises:
            BatchError: the worker died before answering.
        """
        while number not in self._answers:
            try:
                self._answers[self._received] = self._results.recv()
            except (EOFError, OSError, ValueError):
                raise self._died() from None
            self._received += 1
        done, value = self._answers.pop(number)
        if done:
            return value
        raise value

    def _died(self) -> BatchError:
        self.process.join(GRACE)
        status = self.process.exitcode
        return BatchError(
            (
                (
                    f"a worker process ended unexpectedly (exit status {status}); the chunks done "
                    "are kept: continue the batch with "
                ),
                Parameter("resume"),
            )
        )

    def kill(self) -> None:
        """Kill the worker now, without waiting."""
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.kill()

    def stop(self) -> None:
        """End the worker: it finishes the task it is on and exits once its pipe is closed;
        if it has not within :data:`GRACE` seconds it is killed and waited for as long.
        Returns within twice :data:`GRACE` seconds whatever the worker does."""
        for connection in (self._tasks, self._results):
            connection.close()
        with contextlib.suppress(ValueError, AssertionError):  # never started
            self.process.join(GRACE)
            if self.process.exitcode is None:
                self.kill()
                self.process.join(GRACE)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)  # the parent is gone: nobody will read this worker's results


def _read_tasks(tasks: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """Move tasks from the pipe to the inbox as they come, so that the parent's sends
    never wait on a worker busy sending a result (neither side can then block the other);
    an end of file puts ``None``."""
    try:
        while True:
            inbox.put(tasks.recv())
    except (EOFError, OSError):
        inbox.put(None)


def _serve(
    parent: int,
    tasks: Connection,
    results: Connection,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> None:
    """A worker's life: start, then answer each task in order until the pipe closes."""
    for number in ENDING:
        signal.signal(number, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    failed: BaseException | None = None
    try:
        initializer(*initargs)
    except Exception as error:  # noqa: BLE001 - each task answers with it instead
        failed = error
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(tasks, inbox), daemon=True).start()
    while (task := inbox.get()) is not None:
        function, args = task
        try:
            if failed is not None:
                raise failed
            answer: tuple[bool, Any] = (True, function(*args))
        except Exception as error:  # noqa: BLE001 - sent to the parent, which raises it
            answer = (False, error)
        try:
            results.send(answer)
        except (OSError, EOFError):
            return  # the parent has stopped listening
        except Exception as error:  # noqa: BLE001 - an answer that cannot be serialised
            results.send((False, BatchError(f"a worker's answer cannot be sent: {error}")))
