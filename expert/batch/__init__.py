"""Catalogue batches: consult on many devices or needs at once, resumably, on local worker
processes or on a Dask cluster.

A batch reads a catalogue (CSV or JSON Lines), one record a line, and writes one output row
per record: its id, each verdict's value, certainty and rule ids, and, when the catalogue has
a label column, whether its label disagrees with the ``device.kind`` verdict. Bad records
never stop a batch: each is written, with its line number and the reason, to an errors file.
An interrupted run continues from its last complete chunk; the finished output is renamed
into place, so it is never half-written.

The Python API: :func:`run_batch` (files, with its :class:`BatchOptions`),
:func:`consult_records` (an iterable of records, in this process) and :func:`on_dask` (the
same on a Dask cluster); each run counts what it did in a :class:`Summary`.

What is where, in the order data flows:

=========================================  ==================================================
:mod:`~expert.batch.options`               :class:`BatchOptions`, checked when made; how
                                           errors name them (:func:`~.options.spell`)
:mod:`~expert.batch.files`                 the files of a run, checked before any is written,
                                           and their locks
:mod:`~expert.batch.reading`               the catalogue opened, read in chunks of records,
                                           and checked to stay the file read
:mod:`~expert.batch.formats`               CSV and JSON Lines: lines to records and facts,
                                           output rows to lines
:mod:`~expert.batch.rejections`            why a record has no row, as data
:mod:`~expert.batch.judge`                 judging one record (one cached expert a process)
:mod:`~expert.batch.summary`               the counts of a run
:mod:`~expert.batch.dispatch`              where work runs: here, worker processes, Dask
:mod:`~expert.batch.workers`               local worker processes whose end is bounded
:mod:`~expert.batch.chunks`                judging chunks wherever they run, in input order
:mod:`~expert.batch.sidecar`               the progress file's layout and its checks
:mod:`~expert.batch.checkpoint`            partial files, progress, resumption, the finish
:mod:`~expert.batch.progress`              the progress bar
:mod:`~expert.batch.run`                   :func:`run_batch`: a whole run on files
:mod:`~expert.batch.records`               :func:`consult_records` and :func:`on_dask`
:mod:`~expert.batch.sample`                seeded sample catalogues to try a batch on
=========================================  ==================================================
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
