"""Running a batch on catalogue files: :func:`run_batch` checks everything, pins the
knowledge base, and judges the catalogue chunk by chunk into checkpointed files.

Output is written in chunks to ``OUTPUT.partial``; after each chunk both files are synced
and the progress file records how far the run got (:mod:`expert.batch.checkpoint`), so an
interrupted run continues from its last complete chunk (``BatchOptions(resume=True)``). The
finished output is renamed into place, so ``OUTPUT`` is never half-written.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from .. import __version__
from .._support.paths import check_path_argument
from .._support.terminal import size
from ..errors import BatchError
from ..kb.load import bundled_path, load
from .checkpoint import Checkpoint, refuse_partial
from .chunks import judge_chunks
from .dispatch import dask_client
from .files import Role, RunFiles, check_files, locked
from .formats import check_encoding, check_header, csv_line, format_of, output_columns, read_header
from .judge import Settings, base_digest, consultant
from .options import BatchOptions
from .progress import progress_bar
from .reading import changed, chunks, count_lines, input_identity, open_input
from .records import rules_key
from .summary import Summary, summary_problem

__all__ = ["run_batch"]


def run_batch(
    input: str | Path, output: str | Path, options: BatchOptions | None = None
) -> Summary:
    """Judge every record of a catalogue file and write the output rows to ``output``.

    Args:
        input: a CSV file (line 1 the header) or a JSON Lines file; one record a line.
        output: where the rows go (JSON Lines or CSV); written to ``OUTPUT.partial`` in
            chunks and renamed into place when the batch is done.
        options: how to read, judge and write (:class:`BatchOptions`); the defaults when
            ``None``.

    Returns:
        The :class:`Summary` of the whole file (an interrupted run's rows included).

    Raises:
        TypeError: ``input`` or ``output`` is not a path, or ``options`` not
            :class:`BatchOptions`.
        UsageError: an unreadable input, a format that cannot be told, a bad CSV header, an
            interrupted run in the way (without ``resume``), or Dask missing or unreachable.
        KnowledgeBaseError: the rule files are broken.
        BatchError: the input or the knowledge base changed while the batch ran, or a worker
            process died; the chunks done are kept.
    """
    check_path_argument(input, "input")
    check_path_argument(output, "output")
    options = BatchOptions() if options is None else options
    if not isinstance(options, BatchOptions):
        raise TypeError(f"options must be BatchOptions, not {type(options).__name__}")
    source, target = Path(input), Path(output)
    in_format = format_of(source, options.input_format, "input_format")
    out_format = format_of(target, options.output_format, "output_format")
    files = RunFiles.of(target, Path(options.errors) if options.errors else None)
    # Every file is checked before any is created; the lock then keeps other runs out.
    check_files(_inputs(source, options.rules), files.roles())
    rules = rules_key(options.rules)
    # The base as its files are now (a broken base or engine fails here), pinned for the run.
    base = base_digest(load(rules).files)
    expert = consultant(rules, options.engine, base).expert
    settings = Settings(
        input_format=in_format,
        output_format=out_format,
        id_column=options.id_column or "id",
        label_column=options.label_column or "label",
        label_always=options.label_column is not None,
        ignore=options.ignore,
        rules=rules,
        engine=options.engine,
        attributes=tuple(expert.knowledge.verdict_attributes()),
        base=base,
    )
    started = time.monotonic()
    with open_input(source) as handle:
        check_encoding(handle, source)
        if in_format == "csv":
            header = read_header(handle, source)
            named = {"id_column": options.id_column, "label_column": options.label_column}
            check_header(header, settings.reserved(), named, source, expert.knowledge.inputs)
            label_always = settings.label_always or settings.label_column in header
            settings = attrs.evolve(settings, header=header, label_always=label_always)
        # A scheduler out of reach is found before any file is made.
        dask = options.dask
        connected = dask_client(dask) if dask is not None else contextlib.nullcontext()
        with connected as dask, locked(files.locks()):
            if not options.resume:
                refuse_partial(files)
            summary = _run(handle, source, files, settings, attrs.evolve(options, dask=dask))
    summary.seconds = time.monotonic() - started
    summary.output = str(files.output)
    summary.errors = str(files.errors) if files.errors.exists() else None
    return summary


def _inputs(source: Path, rules: str | Path | None) -> list[Role]:
    """The files a batch reads: the catalogue, the rule files and their articles."""
    directory = Path(rules) if rules is not None else bundled_path()
    found = [Role("the input", source, parameter="input")]
    with contextlib.suppress(OSError):
        found += [Role("the rule file", path) for path in sorted(directory.glob("*.toml"))]
        found += [Role("the article", path) for path in sorted(directory.glob("articles/*"))]
    return found


def _start(
    handle: BinaryIO, source: Path, files: RunFiles, settings: Settings, resume: bool
) -> tuple[Checkpoint, dict[str, Any]]:
    """The checkpoint to go on from (the interrupted run's, or a new one) and the input's
    identity when the run started."""
    identity, fingerprint = input_identity(source), settings.fingerprint()
    base = consultant(settings.rules, settings.engine, settings.base).expert.knowledge.files
    knowledge = {"version": __version__, "files": dict(base)}
    if resume and files.sidecar.exists():
        checkpoint = Checkpoint.resume(
            files, source, identity, fingerprint, knowledge, summary_problem
        )
        return checkpoint, checkpoint.saved["input"]
    head = b""
    if settings.output_format == "csv":
        columns = output_columns(settings.attributes, settings.label_always)
        head = csv_line(columns).encode("utf-8")
    checkpoint = Checkpoint.start(
        files,
        source,
        identity,
        fingerprint,
        knowledge,
        offset=handle.tell(),
        lines=1 if settings.header else 0,
        extra=Summary().to_dict(),
        head=head,
    )
    return checkpoint, identity


def _fail_changed(checkpoint: Checkpoint, source: Path, why: str) -> BatchError:
    """Mark the run failed because its input changed, and the error saying so."""
    reason = f"the input {source} changed while the batch ran ({why})"
    checkpoint.fail(reason)
    return BatchError(
        f"{reason}: its rows would mix two versions of it; nothing was written to "
        f"{checkpoint.paths.output}; {checkpoint.paths.start_over()}"
    )


def _run(
    handle: BinaryIO, source: Path, files: RunFiles, settings: Settings, options: BatchOptions
) -> Summary:
    """Judge the input from where the last run stopped, chunk by chunk, into the files.

    The input must stay the file the run started on: its identity is checked after every
    chunk, and, at the end, its bytes against everything read; a change fails the run.
    """
    checkpoint, identity = _start(handle, source, files, settings, options.resume)
    summary = Summary.from_dict(checkpoint.extra)
    summary.resumed_rows = summary.rows
    handle.seek(checkpoint.offset)
    read = checkpoint.input_hash.copy()
    fmt, width = settings.input_format, len(settings.header)
    first, offset = checkpoint.lines + 1, checkpoint.offset
    records = chunks(handle, first, offset, options.chunk_size, fmt, width, read)
    progress = options.progress
    if progress is None:
        from rich.console import Console

        progress = Console(stderr=True, **size(sys.stderr)).is_terminal
    total = count_lines(source) - (1 if settings.header else 0) if progress else 0
    try:
        judged = judge_chunks(records, settings, options.workers, options.dask)
        with (
            progress_bar(progress, total, summary.rows) as advance,
            contextlib.closing(judged) as results,
        ):
            for done in results:
                why = changed(source, identity)
                if why:
                    raise _fail_changed(checkpoint, source, why)
                summary.merge(done.summary)
                checkpoint.add(
                    done.output,
                    done.errors,
                    lines=done.lines,
                    offset=done.end,
                    input_sha256=done.digest,
                    extra=summary.to_dict(),
                )
                advance(done.lines)
        why = changed(source, identity, read)
        if why:
            raise _fail_changed(checkpoint, source, why)
    except BaseException:
        checkpoint.close()
        raise
    # An errors file of the default name is left only when some record was rejected.
    checkpoint.finish(keep_empty_errors=options.errors is not None)
    return summary
