"""Tests of expert.shell.tokenizer: lines split as shlex splits them, in linear time."""

from __future__ import annotations

import shlex
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from expert.shell.tokenizer import split_line


@settings(max_examples=400, deadline=None, derandomize=True)
@given(line=st.text(alphabet="ab '\"\\#\t\r\n", max_size=16))
def test_lines_are_split_into_words_as_shlex_splits_them(line):
    """The linear splitter gives shlex's words, and fails where shlex fails."""
    from expert import UsageError

    try:
        expected = shlex.split(line, comments=True)
    except ValueError:
        with pytest.raises(UsageError, match="cannot read the line"):
            split_line(line)
        return
    assert split_line(line) == expected


def test_splitting_is_linear_in_the_length_of_a_word():
    """A megabyte-long word is split at once (shlex took 20 s: it grows a word a character
    at a time)."""

    start = time.process_time()
    assert split_line("a" * 1_000_000 + ' "b c" d\\ e') == ["a" * 1_000_000, "b c", "d e"]
    assert time.process_time() - start < 1
