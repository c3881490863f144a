"""Tests of expert.kb.cache_bounds: the rule-file cache is pruned by age and by size."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from support import TINY_RULES, write_base

from expert.cli import main
from expert.kb import cache_bounds
from expert.kb import load as knowledge
from expert.kb.cache_bounds import MAX_AGE, PRUNE_EVERY, STAMP, prune

DAY = 24 * 3600
NOW = 1_700_000_000.0


def entry(root: Path, number: int, used: float, size: int = 10) -> Path:
    """An entry named as the cache names one, last used at ``used``."""
    root.mkdir(mode=0o700, exist_ok=True)
    path = root / f"{number:032x}.json"
    path.write_bytes(b"x" * size)
    os.utime(path, (used, used))
    return path


def names(root: Path) -> set[str]:
    return {path.name for path in root.iterdir()} - {STAMP}


def test_old_entries_go_and_recent_ones_stay(tmp_path):
    """An entry unused for 30 days is removed; one used yesterday is kept."""
    old = entry(tmp_path, 1, NOW - MAX_AGE - 1)
    recent = entry(tmp_path, 2, NOW - DAY)
    assert prune(tmp_path, now=NOW)
    assert not old.exists() and recent.exists()


def test_the_least_recently_used_go_until_the_size_bound_holds(tmp_path):
    """Over the bound, the oldest entries go first, until the total is within it."""
    for number in range(5):
        entry(tmp_path, number, NOW - DAY * (number + 1), size=100)
    assert prune(tmp_path, now=NOW, max_bytes=250)
    assert names(tmp_path) == {f"{0:032x}.json", f"{1:032x}.json"}
    assert sum(path.stat().st_size for path in tmp_path.glob("*.json")) <= 250


def test_files_that_are_not_entries_are_left_alone(tmp_path):
    """The key, a user's own files, a directory and a link named like an entry stay, however
    old; an abandoned temporary file of the cache goes."""
    old = NOW - 10 * MAX_AGE
    foreign = ["key", "notes.json", "ABCDEF0123456789ABCDEF0123456789.json", "tmp1234.tmp"]
    for name in foreign:
        (tmp_path / name).write_bytes(b"mine" * 100)
        os.utime(tmp_path / name, (old, old))
    (tmp_path / f"{7:032x}.json").mkdir()
    target = entry(tmp_path, 8, NOW)
    (tmp_path / f"{9:032x}.json").symlink_to(target)
    abandoned = tmp_path / ".entry-k3j_x9.tmp"
    abandoned.write_bytes(b"half")
    os.utime(abandoned, (old, old))
    assert prune(tmp_path, now=NOW, max_bytes=0)
    assert names(tmp_path) == {*foreign, f"{7:032x}.json", f"{9:032x}.json"}


def test_it_prunes_at_most_once_a_day(tmp_path):
    """The stamp records the prune: within a day nothing is looked at, after it prunes again."""
    assert prune(tmp_path, now=NOW)
    old = entry(tmp_path, 1, NOW - MAX_AGE - 1)
    assert not prune(tmp_path, now=NOW + PRUNE_EVERY - 1)
    assert old.exists()
    assert prune(tmp_path, now=NOW + PRUNE_EVERY)
    assert not old.exists()


def test_a_file_removed_meanwhile_is_no_error(tmp_path, monkeypatch):
    """Two processes pruning at once: an entry the other one removed first is skipped."""
    entry(tmp_path, 1, NOW - MAX_AGE - 1)
    real = Path.unlink

    def raced(path: Path, missing_ok: bool = False) -> None:
        real(path)  # the other process
        real(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", raced)
    assert prune(tmp_path, now=NOW)
    assert names(tmp_path) == set()


def test_a_prune_that_fails_is_ignored(tmp_path, monkeypatch):
    """A file that cannot be removed stops the prune, not the caller."""
    kept = entry(tmp_path, 1, NOW - MAX_AGE - 1)

    def refuse(path: Path, missing_ok: bool = False) -> None:
        raise PermissionError(f"cannot remove {path}")

    monkeypatch.setattr(Path, "unlink", refuse)
    assert not prune(tmp_path, now=NOW)
    assert kept.exists()


def test_using_an_entry_keeps_it(tmp_path, cache):
    """Loading a base from its entry records the use, so a base in use is never pruned."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    knowledge._CACHE.clear()
    knowledge.load(base)
    (saved,) = cache.glob("*.json")
    long_ago = time.time() - MAX_AGE + DAY
    os.utime(saved, (long_ago, long_ago))
    knowledge._CACHE.clear()
    knowledge.load(base)
    assert time.time() - saved.stat().st_mtime < DAY


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="POSIX modes, not root")
def test_an_unwritable_cache_never_fails_the_command(tmp_path, cache, capsys):
    """A cache directory that cannot be written: the command runs as without it."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    knowledge._CACHE.clear()
    knowledge.load(base)
    (saved,) = cache.glob("*.json")
    old = time.time() - 2 * MAX_AGE
    os.utime(saved, (old, old))
    os.utime(cache / STAMP, (old, old))
    cache.chmod(0o500)
    try:
        knowledge._CACHE.clear()
        assert main(["--rules", str(base), "rules"]) == 0
    finally:
        cache.chmod(0o700)
    assert "tiny.boom-headset" in capsys.readouterr().out
    assert saved.exists()


def test_a_failing_prune_never_fails_the_command(tmp_path, cache, capsys, monkeypatch):
    """Whatever goes wrong while pruning (here: reading the directory), the command runs."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})

    def broken(root: Path, *bounds: object) -> None:
        raise PermissionError(f"cannot list {root}")

    monkeypatch.setattr(cache_bounds, "_remove_old", broken)
    knowledge._CACHE.clear()
    assert main(["--rules", str(base), "rules"]) == 0
    assert "tiny.boom-headset" in capsys.readouterr().out
    assert list(cache.glob("*.json"))
