"""Resumable output for batches: partial files, a progress sidecar, and an atomic finish.

A run appends to ``OUTPUT.partial`` and ``ERRORS.partial``. After each chunk both are synced
to disk and only then is the sidecar ``OUTPUT.partial.json`` atomically replaced, saying how
far the run got: the input offset and lines read with the SHA-256 of the input read so far,
the sizes and SHA-256 checksums of what was written to both files, and the caller's counts;
it also pins what judged the rows (the package's version and the SHA-256 of every file of
the knowledge base), and a checksum of the sidecar's own content closes it
(:mod:`expert.batch.sidecar`). So the sidecar never claims more than is on disk, and a
resumed run truncates the files to the sizes it records, dropping any half-written tail. At the end both files are
renamed into place and the sidecar removed: ``OUTPUT`` is never half-written.

Nothing of the sidecar is trusted on resumption: it must have its exact layout, types and
ranges and its own checksum; the input must be the same file (path, size, modification
time, inode) and hold, up to the offset, the bytes the run read (their checksum), ending a
line there (the line count must agree); the knowledge base and the package must be those
that judged the rows; and the partial files must hold, byte for byte, what it says was
written. A run that failed (its input changed while it ran) is marked so and never resumed.
Anything else is refused with a :class:`UsageError` saying what differs and how to start
over.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from .._support.paths import read_regular
from ..errors import Parameter, UsageError
from .files import RunFiles
from .reading import changes
from .sidecar import SIDECAR_LIMIT, VERSION, layout_problem, sealed

__all__ = ["Checkpoint", "knowledge_changes", "refuse_partial"]

_BLOCK = 1 << 20


def refuse_partial(paths: RunFiles) -> None:
    """Raise :class:`UsageError` when an interrupted or failed run's files are in the way."""
    if not (paths.sidecar.exists() or paths.partial.exists()):
        return
    done, failed = "", None
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, RecursionError):
        saved = json.loads(read_regular(paths.sidecar, SIDECAR_LIMIT))
        failed = saved.get("failed") if isinstance(saved.get("failed"), str) else None
        rows = saved["extra"]["rows"]
        if isinstance(rows, int) and not isinstance(rows, bool) and rows >= 0:
            done = f" ({rows:,} rows done)"
    if failed:
        raise UsageError(f"{paths.partial} holds a failed run: {failed}; {paths.start_over()}")
    raise UsageError(
        (
            f"{paths.partial} holds an interrupted run{done}: continue it with ",
            Parameter("resume"),
            f", or {paths.start_over()}",
        )
    )


def knowledge_changes(before: Mapping[str, Any], now: Mapping[str, Any]) -> str | None:
    """What differs between the pinned ``{"version", "files"}`` of two runs, or ``None``."""
    if before["version"] != now["version"]:
        return f"it was made by expert {before['version']}, this is expert {now['version']}"
    old, new = before["files"], now["files"]
    if old == new:
        return None
    parts = []
    for word, names in (
        ("changed", [name for name in old if name in new and old[name] != new[name]]),
        ("added", [name for name in new if name not in old]),
        ("removed", [name for name in old if name not in new]),
    ):
        if names:
            shown = ", ".join(names[:3]) + (
                f" and {len(names) - 3} more" if len(names) > 3 else ""
            )
            parts.append(f"{word} {shown}")
    return f"the knowledge base changed since ({'; '.join(parts)})"


def _write_json_atomically(path: Path, temporary: Path, data: Mapping[str, Any]) -> None:
    # Not expert._support.atomic_write.write_atomically: the progress file's temporary name is fixed, so
    # that a run killed mid-save leaves a file the next run knows to remove (and checks).
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle, allow_nan=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _prefix_hash(path: Path, size: int) -> Any:
    """The SHA-256 state after the first ``size`` bytes of ``path`` (``None`` when the file
    is shorter)."""
    digest = hashlib.sha256()
    left = size
    with open(path, "rb") as handle:
        while left:
            block = handle.read(min(left, _BLOCK))
            if not block:
                return None
            digest.update(block)
            left -= len(block)
    return digest


def _read_before(path: Path, offset: int) -> tuple[int, bytes, Any]:
    """The newlines in the first ``offset`` bytes of ``path``, the byte before the offset,
    and the SHA-256 state after those bytes."""
    count, last, left, digest = 0, b"", offset, hashlib.sha256()
    with open(path, "rb") as handle:
        while left:
            block = handle.read(min(left, _BLOCK))
            if not block:
                break
            count += block.count(b"\n")
            last = block[-1:]
            left -= len(block)
            digest.update(block)
    return count, last, digest


class Checkpoint:
    """The partial files of a run and the sidecar recording how far it got.

    Attributes:
        offset: the input offset after the last complete chunk.
        lines: the input lines read up to there.
        extra: the caller's JSON-ready state at that point (e.g. its counts).
        input_hash: the SHA-256 state after the input's first ``offset`` bytes, for the
            reader to go on from (its ``hexdigest()`` is what :meth:`add` takes).
    """

    def __init__(
        self,
        paths: RunFiles,
        saved: dict[str, Any],
        *,
        fresh: bool,
        hashes: tuple[Any, Any],
        input_hash: Any,
    ) -> None:
        self.paths = paths
        self.saved = saved
        self.input_hash = input_hash
        mode = "wb" if fresh else "ab"
        self._output: IO[bytes] = open(paths.partial, mode)
        try:
            self._errors: IO[bytes] = open(paths.errors_partial, mode)
        except BaseException:
            self._output.close()
            raise
        self._hashes = hashes

    @property
    def offset(self) -> int:
        return int(self.saved["offset"])

    @property
    def lines(self) -> int:
        return int(self.saved["lines"])

    @property
    def extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = self.saved["extra"]
        return extra

    @classmethod
    def start(
        cls,
        paths: RunFiles,
        source: Path,
        identity: Mapping[str, Any],
        settings: Mapping[str, Any],
        knowledge: Mapping[str, Any],
        *,
        offset: int,
        lines: int,
        extra: Mapping[str, Any],
        head: bytes = b"",
    ) -> Checkpoint:
        """Begin a new run: empty partial files (the output starting with ``head``).

        Args:
            paths: the run's files.
            source: the input file; ``offset`` bytes of it were read before the first chunk.
            identity: the input's :func:`~expert.batch.reading.input_identity` when the run started.
            settings: the run's settings (a resumed run must have the same).
            knowledge: what judges the rows: ``{"version", "files"}`` (the package's version
                and the SHA-256 of each file of the knowledge base, by name).
            offset, lines: where the first chunk starts (after a header).
            extra: the caller's JSON-ready state (its counts).
            head: the output's first bytes (a CSV header).

        Raises:
            UsageError: the files cannot be written.
        """
        saved = {"version": VERSION, "input": dict(identity), "settings": dict(settings)}
        saved.update(offset=offset, lines=lines, extra=dict(extra), failed=None)
        saved["knowledge"] = {"version": knowledge["version"], "files": dict(knowledge["files"])}
        _, _, input_hash = _read_before(source, offset)
        saved["input_sha256"] = input_hash.hexdigest()
        try:
            checkpoint = cls(
                paths,
                saved,
                fresh=True,
                hashes=(hashlib.sha256(), hashlib.sha256()),
                input_hash=input_hash,
            )
        except OSError as error:
            raise UsageError(f"cannot write {error.filename}: {error.strerror}") from None
        checkpoint._write(head, b"")
        checkpoint._save()
        return checkpoint

    @classmethod
    def resume(
        cls,
        paths: RunFiles,
        source: Path,
        identity: Mapping[str, Any],
        settings: Mapping[str, Any],
        knowledge: Mapping[str, Any],
        check_extra: Callable[[dict[str, Any]], str | None] = lambda extra: None,
    ) -> Checkpoint:
        """Continue an interrupted run from its last complete chunk.

        Args:
            paths: the run's files.
            source: the input file.
            identity: the input's :func:`~expert.batch.reading.input_identity` now.
            settings: the run's settings, which must be those of the interrupted run.
            knowledge: what judges the rows now (see :meth:`start`), which must be what
                judged the interrupted run's.
            check_extra: what is wrong with the saved ``extra``, or ``None``.

        Raises:
            UsageError: the sidecar is unreadable or damaged, the run failed, the input, the
                knowledge base, the package or the settings differ from the interrupted
                run's, or its partial files are missing or do not hold what it wrote.
        """
        again = paths.start_over()
        try:
            saved = json.loads(read_regular(paths.sidecar, SIDECAR_LIMIT))
        except (OSError, ValueError, RecursionError) as error:
            reason = getattr(error, "strerror", None) or error
            raise UsageError(
                f"cannot resume: {paths.sidecar} is unreadable: {reason}; {again}"
            ) from None
        problem = layout_problem(saved) or check_extra(saved["extra"])
        if problem:
            raise UsageError(f"cannot resume: {paths.sidecar} is damaged: {problem}; {again}")
        if saved["failed"] is not None:
            raise UsageError(f"cannot resume: the interrupted run failed: {saved['failed']}; "
                             f"{again}")  # fmt: skip
        if saved["input"] != dict(identity):
            raise UsageError(
                f"cannot resume: the input is not the file the interrupted run read "
                f"({changes(saved['input'], identity)}); {again}"
            )
        changed_base = knowledge_changes(saved["knowledge"], knowledge)
        if changed_base:
            raise UsageError(
                f"cannot resume: the interrupted run was judged by other rules: {changed_base}; "
                f"{again}"
            )
        changed = [key for key, value in settings.items() if saved["settings"].get(key) != value]
        if changed or set(saved["settings"]) != set(settings):
            raise UsageError(
                f"cannot resume: the interrupted run had other settings "
                f"({', '.join(changed) or 'unknown ones'}); give the same ones, or {again}"
            )
        newlines, last, input_hash = _read_before(source, saved["offset"])
        ends_line = saved["offset"] == 0 or last == b"\n" or saved["offset"] == identity["size"]
        expected = newlines + (last not in (b"", b"\n"))
        if not ends_line or saved["lines"] != expected:
            raise UsageError(
                f"cannot resume: {paths.sidecar} is damaged: its offset does not end line "
                f"{saved['lines']:,} of the input; {again}"
            )
        if input_hash.hexdigest() != saved["input_sha256"]:
            raise UsageError(
                f"cannot resume: the input does not hold what the interrupted run read (its "
                f"first {saved['offset']:,} bytes differ); {again}"
            )
        hashes = (
            cls._verified(paths.output, paths.partial, saved, "output", again),
            cls._verified(paths.errors, paths.errors_partial, saved, "errors", again),
        )
        for path, size in ((paths.partial, saved["output_bytes"]),
                           (paths.errors_partial, saved["errors_bytes"])):  # fmt: skip
            os.truncate(path, size)  # drop a half-written tail
        return cls(paths, saved, fresh=False, hashes=hashes, input_hash=input_hash)

    @staticmethod
    def _verified(final: Path, partial: Path, saved: dict[str, Any], kind: str, again: str) -> Any:
        """The hash state of a partial file that holds what the sidecar says was written.

        A run stopped between its final renames left a finished file where its partial
        file was; it is moved back only if it holds what was recorded.
        """
        size, recorded = saved[f"{kind}_bytes"], saved[f"{kind}_sha256"]
        if size == 0 and not partial.exists() and not final.exists():
            # An empty errors file is not left by a finished run (Checkpoint.finish).
            partial.touch()
        for path in (partial, final):
            if not path.is_file() or (path == final and path.stat().st_size != size):
                continue  # a finished file holds exactly what was recorded, no more
            digest = _prefix_hash(path, size)
            if digest is not None and digest.hexdigest() == recorded:
                if path == final:
                    os.replace(final, partial)
                return digest
            if path == partial:
                raise UsageError(
                    f"cannot resume: {partial} is not what the interrupted run wrote "
                    f"(shorter, or its checksum differs from the one in the progress file); "
                    + again
                )
        raise UsageError(f"cannot resume: {partial} is missing; {again}")

    def _write(self, output: bytes, errors: bytes) -> None:
        self._output.write(output)
        self._errors.write(errors)
        self._hashes[0].update(output)
        self._hashes[1].update(errors)

    def add(
        self,
        output: bytes,
        errors: bytes,
        *,
        lines: int,
        offset: int,
        input_sha256: str,
        extra: Mapping[str, Any],
    ) -> None:
        """Append one chunk's output and error lines, then record the progress once they
        are on disk (``input_sha256``: the checksum of the input's first ``offset`` bytes)."""
        self._write(output, errors)
        self.saved.update(offset=offset, lines=self.lines + lines, extra=dict(extra))
        self.saved["input_sha256"] = input_sha256
        self._save()

    def fail(self, reason: str) -> None:
        """Mark the run failed (``reason`` in words) and close its files: it is kept to be
        looked at, and never resumed."""
        self.saved["failed"] = reason
        self._save()
        self.close()

    def _save(self) -> None:
        for handle in (self._output, self._errors):
            handle.flush()
            os.fsync(handle.fileno())
        self.saved.update(
            output_bytes=self._output.tell(),
            errors_bytes=self._errors.tell(),
            output_sha256=self._hashes[0].hexdigest(),
            errors_sha256=self._hashes[1].hexdigest(),
        )
        self.saved["checksum"] = sealed(self.saved)
        _write_json_atomically(self.paths.sidecar, self.paths.temporary, self.saved)

    def close(self) -> None:
        """Close the files, leaving the partial run to be resumed."""
        self._output.close()
        self._errors.close()

    def finish(self, *, keep_empty_errors: bool = True) -> None:
        """Rename the partial files into place and remove the sidecar; without
        ``keep_empty_errors`` an errors file with nothing in it is not left behind (nor one
        of an earlier run)."""
        self.close()
        if keep_empty_errors or self.paths.errors_partial.stat().st_size:
            os.replace(self.paths.errors_partial, self.paths.errors)
        else:
            self.paths.errors_partial.unlink()
            self.paths.errors.unlink(missing_ok=True)
        os.replace(self.paths.partial, self.paths.output)
        self.paths.sidecar.unlink()
        self.paths.temporary.unlink(missing_ok=True)  # left by a kill mid-save
        _fsync_directory(self.paths.output.resolve())
