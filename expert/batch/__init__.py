"""Catalogue batches: consult on many devices or needs at once, resumably, on local worker
processes or on a Dask cluster.

A batch reads a catalogue (CSV or JSON Lines), one record a line, and writes one output row
per record: its id, each verdict's value, certainty and rule ids, and, when the catalogue has
a label column, whether its label disagrees with the labelled verdict
(the one the base's vocabulary declares ``catalogue_label = true``). Bad records
never stop a batch: each is written, with its line number and the reason, to an errors file.
An interrupted run continues from its last complete chunk; the finished output is renamed
into place, so it is never half-written.

The Python API: :func:`run_batch` (files, with its :class:`BatchOptions`),
:func:`consult_records` (an iterable of records, in this process) and :func:`on_dask` (the
same on a Dask cluster); each run counts what it did in a :class:`Summary`.

What is where, in the order data flows:

==============  =========================================================================
``options``     BatchOptions, checked when made; how errors name them
``files``       the files of a run, checked before any is written, and their locks
``reading``     the catalogue opened, read in chunks of records, checked to stay the same
``formats``     CSV and JSON Lines: lines to records and facts, output rows to lines
``rejections``  why a record has no output row, as data
``judge``       judging one record (one cached expert a process)
``summary``     the counts of a run
``dispatch``    where work runs: here, on worker processes, on Dask
``workers``     local worker processes whose end is bounded
``chunks``      judging chunks of records wherever they run, in input order
``sidecar``     the progress file's layout and its checks
``checkpoint``  partial files, progress, resumption and the finish
``progress``    the progress bar
``run``         run_batch: a whole run on files
``records``     consult_records and on_dask
``sample``      seeded sample catalogues to try a batch on
==============  =========================================================================
"""

from __future__ import annotations

from .formats import FORMATS
from .options import CHUNK_SIZE, BatchOptions
from .records import consult_records, on_dask
from .run import run_batch
from .summary import Summary

__all__ = [
    "CHUNK_SIZE",
    "FORMATS",
    "BatchOptions",
    "Summary",
    "consult_records",
    "on_dask",
    "run_batch",
]
