"""Tests of expert.batch.workers through expert.batch.dispatch: leaving worker processes takes a bounded
time whatever the workers do, and a dead worker is an error, never a wait."""

from __future__ import annotations

import operator
import os
import signal
import sys
import time

import pytest

from expert.batch.dispatch import process_lanes
from expert.batch.workers import GRACE
from expert.errors import BatchError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _process(lane):
    """The worker process behind a lane."""
    return lane.__self__.process


def test_leaving_by_an_exception_ends_even_a_stopped_busy_worker_at_once():
    """A worker busy on a long task, and one stopped by SIGSTOP (which would never act on
    SIGTERM), are both gone soon after an exception leaves the lanes."""
    with pytest.raises(KeyboardInterrupt):  # noqa: PT012 - the exception leaves the block
        with process_lanes(2, int) as lanes:
            for lane in lanes:
                assert lane(operator.add, 1, 2).result() == 3  # both workers are up
            processes = [_process(lane) for lane in lanes]
            lanes[0](time.sleep, 60)
            os.kill(processes[1].pid, signal.SIGSTOP)
            started = time.monotonic()
            raise KeyboardInterrupt
    assert time.monotonic() - started < 2 * GRACE
    assert [process.exitcode for process in processes] == [-signal.SIGKILL] * 2


def test_a_dead_worker_is_an_error_and_a_failed_task_raises_its_own_error():
    """A task's exception comes back as itself and the worker goes on; a worker killed
    while its tasks wait makes their results a BatchError at once, not a wait."""
    with process_lanes(1, int) as (lane,):
        with pytest.raises(ZeroDivisionError):
            lane(operator.truediv, 1, 0).result()
        assert lane(operator.mul, 6, 7).result() == 42
        waiting = lane(time.sleep, 60)
        os.kill(_process(lane).pid, signal.SIGKILL)
        started = time.monotonic()
        with pytest.raises(BatchError, match=r"ended unexpectedly \(exit status -9\).*`resume`"):
            waiting.result()
        assert time.monotonic() - started < GRACE + 1
        with pytest.raises(BatchError, match="ended unexpectedly"):
            lane(operator.add, 1, 1).result()
