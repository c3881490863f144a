"""Resumable output for batches: partial files, a progress sidecar, and an atomic finish.

A run appends to ``OUTPUT.partial`` and ``ERRORS.partial``. After each chunk both are synced
to disk and only then is the sidecar ``OUTPUT.partial.json`` atomically replaced, saying how
far the run got: the input offset and lines read, the sizes of both files, and the caller's
counts. So the sidecar never claims more than is on disk, and a resumed run truncates the
files to the sizes it records, dropping any half-written tail. At the end both files are
renamed into place and the sidecar removed: ``OUTPUT`` is never half-written.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .errors import UsageError

__all__ = ["Checkpoint", "Paths", "input_identity", "refuse_partial"]

#: The version of the sidecar's layout.
VERSION = 1


@attrs.frozen
class Paths:
    """The files of one run: the output, the errors file, their partial forms, the sidecar."""

    output: Path
    partial: Path
    sidecar: Path
    errors: Path
    errors_partial: Path

    @classmethod
    def of(cls, output: Path, errors: Path | None = None) -> Paths:
        """The files of a run writing ``output`` (errors to ``OUTPUT.errors.jsonl`` unless
        given)."""
        errors = errors or output.with_name(f"{output.name}.errors.jsonl")
        return cls(
            output=output,
            partial=output.with_name(f"{output.name}.partial"),
            sidecar=output.with_name(f"{output.name}.partial.json"),
            errors=errors,
            errors_partial=errors.with_name(f"{errors.name}.partial"),
        )

    def start_over(self) -> str:
        """How a user discards the interrupted run."""
        return f"delete {self.partial} and {self.sidecar} to start over"


def input_identity(path: Path) -> dict[str, Any]:
    """What tells whether an input file is still the one an interrupted run read."""
    stat = path.stat()
    return {"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def refuse_partial(paths: Paths) -> None:
    """Raise :class:`UsageError` when an interrupted run's files are in the way."""
    if not (paths.sidecar.exists() or paths.partial.exists()):
        return
    done = ""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        rows = json.loads(paths.sidecar.read_text("utf-8"))["extra"]["rows"]
        done = f" ({rows:,} rows done)"
    raise UsageError(
        f"{paths.partial} holds an interrupted run{done}: continue it with --resume, "
        f"or {paths.start_over()}"
    )


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def _write_json_atomically(path: Path, data: Mapping[str, Any]) -> None:
    temporary = _temporary(path)
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class Checkpoint:
    """The partial files of a run and the sidecar recording how far it got.

    Attributes:
        offset: the input offset after the last complete chunk.
        lines: the input lines read up to there.
        extra: the caller's JSON-ready state at that point (e.g. its counts).
    """

    def __init__(self, paths: Paths, saved: dict[str, Any], *, fresh: bool) -> None:
        self.paths = paths
        self.saved = saved
        mode = "wb" if fresh else "ab"
        self._output = open(paths.partial, mode)
        self._errors = open(paths.errors_partial, mode)

    @property
    def offset(self) -> int:
        return self.saved["offset"]

    @property
    def lines(self) -> int:
        return self.saved["lines"]

    @property
    def extra(self) -> dict[str, Any]:
        return self.saved["extra"]

    @classmethod
    def start(
        cls,
        paths: Paths,
        identity: Mapping[str, Any],
        settings: Mapping[str, Any],
        *,
        offset: int,
        lines: int,
        extra: Mapping[str, Any],
        head: str = "",
    ) -> Checkpoint:
        """Begin a new run: empty partial files (the output starting with ``head``).

        Raises:
            UsageError: the files cannot be written.
        """
        saved = {"version": VERSION, "input": dict(identity), "settings": dict(settings)}
        saved.update(offset=offset, lines=lines, extra=dict(extra))
        try:
            checkpoint = cls(paths, saved, fresh=True)
        except OSError as error:
            raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
        checkpoint._output.write(head.encode("utf-8"))
        checkpoint._save()
        return checkpoint

    @classmethod
    def resume(
        cls, paths: Paths, identity: Mapping[str, Any], settings: Mapping[str, Any]
    ) -> Checkpoint:
        """Continue an interrupted run from its last complete chunk.

        Raises:
            UsageError: the sidecar is unreadable, or the input or the settings differ from
                the interrupted run's, or its partial files are missing or too short.
        """
        try:
            saved = json.loads(paths.sidecar.read_text("utf-8"))
        except (OSError, ValueError) as error:
            raise UsageError(f"cannot resume: {paths.sidecar} is unreadable: {error}") from None
        if saved.get("version") != VERSION or saved.get("input") != dict(identity):
            raise UsageError(
                "cannot resume: the input is not the file the interrupted run read; "
                + paths.start_over()
            )
        changed = [key for key, value in settings.items() if saved["settings"].get(key) != value]
        if changed:
            raise UsageError(
                f"cannot resume: the interrupted run had other settings ({', '.join(changed)}); "
                f"give the same ones, or {paths.start_over()}"
            )
        if not paths.errors_partial.exists() and paths.errors.exists():
            os.replace(paths.errors, paths.errors_partial)  # stopped between the final renames
        for path, size in ((paths.partial, saved["output_bytes"]),
                           (paths.errors_partial, saved["errors_bytes"])):  # fmt: skip
            if not path.exists() or path.stat().st_size < size:
                raise UsageError(f"cannot resume: {path} is missing or shorter than recorded")
            os.truncate(path, size)  # drop a half-written tail
        return cls(paths, saved, fresh=False)

    def add(self, output: str, errors: str, *, lines: int, offset: int, extra: Mapping) -> None:
        """Append one chunk's output and error lines, then record the progress once they
        are on disk."""
        self._output.write(output.encode("utf-8"))
        self._errors.write(errors.encode("utf-8"))
        self.saved.update(offset=offset, lines=self.lines + lines, extra=dict(extra))
        self._save()

    def _save(self) -> None:
        for handle in (self._output, self._errors):
            handle.flush()
            os.fsync(handle.fileno())
        self.saved.update(output_bytes=self._output.tell(), errors_bytes=self._errors.tell())
        _write_json_atomically(self.paths.sidecar, self.saved)

    def close(self) -> None:
        """Close the files, leaving the partial run to be resumed."""
        self._output.close()
        self._errors.close()

    def finish(self) -> None:
        """Rename the partial files into place and remove the sidecar."""
        self.close()
        os.replace(self.paths.errors_partial, self.paths.errors)
        os.replace(self.paths.partial, self.paths.output)
        self.paths.sidecar.unlink()
        _temporary(self.paths.sidecar).unlink(missing_ok=True)  # left by a kill mid-save
        _fsync_directory(self.paths.output.resolve())
