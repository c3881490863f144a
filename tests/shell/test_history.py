"""Tests of expert.shell.history: where the history lives, and a history that never ends
a session or reads without bound."""

from __future__ import annotations

import os
import sys

from expert.shell import data_dir
from expert.shell.history import MAX_HISTORY_BYTES, open_history

# -- history ---------------------------------------------------------------------------------


def test_data_dir_follows_xdg_data_home(monkeypatch, tmp_path):
    """The history lives under $XDG_DATA_HOME when it is absolute, else under HOME."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "expert"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert data_dir() == tmp_path / ".local" / "share" / "expert"


def test_an_unusable_data_dir_keeps_history_in_memory(monkeypatch, tmp_path):
    """When the data directory cannot be made, history is kept in memory instead."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    history = open_history()
    history.append_string("set mic boom")
    assert list(history.load_history_strings()) == ["set mic boom"]


def test_an_unwritable_history_file_does_not_end_the_session(monkeypatch, tmp_path):
    """A history file that cannot be written to is ignored."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "expert" / "history").mkdir(parents=True)  # a directory cannot be appended to
    history = open_history()
    history.append_string("set mic boom")
    assert list(history.load_history_strings()) == []


def test_a_history_linked_to_dev_zero_or_a_fifo_is_neither_read_nor_written(monkeypatch, tmp_path):
    """The history file must be a regular file: /dev/zero is not read until memory runs out,
    a FIFO is not waited on."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "expert").mkdir()
    history_file = tmp_path / "expert" / "history"
    os.symlink("/dev/zero", history_file)
    assert list(open_history().load_history_strings()) == []
    history_file.unlink()
    os.mkfifo(history_file)
    history = open_history()
    assert list(history.load_history_strings()) == []
    history.store_string("set mic boom")  # would block on a FIFO nobody reads


def test_a_long_history_is_read_from_its_end(monkeypatch, tmp_path):
    """Only the last megabyte of a history file is read; its entries come back whole,
    newest first."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "expert").mkdir()
    entry = "\n# 2024-01-01 00:00:00.000000\n+set mic boom\n+# a second line {}\n"
    count = 3 * MAX_HISTORY_BYTES // len(entry)
    text = "".join(entry.format(n) for n in range(count))
    (tmp_path / "expert" / "history").write_text(text)
    strings = list(open_history().load_history_strings())
    assert strings[0] == f"set mic boom\n# a second line {count - 1}"
    assert 0 < len(strings) < count and all(s.startswith("set mic boom\n") for s in strings)
    assert strings[-1].endswith(str(count - len(strings)))  # no entry cut in half
