"""Tests of expert._support.terminal: any COLUMNS or LINES gives a sane width, and the answer is printed."""

from __future__ import annotations

import os
import re
import sys

import pexpect
import pytest

from expert._support.terminal import HEIGHTS, WIDTHS, size
from expert.cli import main
from expert.shell import Shell

#: What a user may have in COLUMNS and LINES: zero, one, negative, huge, not a number, a
#: superscript digit (str.isdigit() takes it, int() does not), empty.
ODD = ["0", "1", "-5", "99999999999", "abc", "²", "", "12x", "٣"]


@pytest.mark.parametrize("value", ODD)
def test_any_columns_gives_a_width_in_range(monkeypatch, value):
    """The width and height are counts clamped to their ranges, whatever the variables hold."""
    monkeypatch.setenv("COLUMNS", value)
    monkeypatch.setenv("LINES", value)
    got = size()
    assert WIDTHS[0] <= got["width"] <= WIDTHS[1] and HEIGHTS[0] <= got["height"] <= HEIGHTS[1]


def test_a_count_is_taken_then_clamped(monkeypatch):
    """A usable COLUMNS is taken as it is; too small or too large is clamped."""
    for value, width in (("120", 120), ("1", WIDTHS[0]), ("99999999999", WIDTHS[1]), ("٣", 20)):
        monkeypatch.setenv("COLUMNS", value)
        assert size()["width"] == width


COMMANDS = [
    ["consult", "--device", "mic=boom"],
    ["consult", "--device", "mic=boom", "--all"],
    ["consult", "--device", "mic=boom", "--how", "device.kind"],
    ["consult", "--device", "mic=boom", "--why-not", "device.kind=headphones"],
    ["consult", "--device", "mic=boom", "--what-if", "mic=inline"],
    ["consult", "--device", "mic=inline", "--how-to", "device.kind=headset"],
    ["ask", "is a headset with a boom mic a headset?"],
]


@pytest.mark.parametrize("value", ["0", "1", "-5", "99999999999", "²"])
def test_every_printing_command_prints_its_answer_at_any_width(
    capsys, monkeypatch, tiny_base, value
):
    """COLUMNS=0 (and 1, negative, huge, a superscript digit): every command still prints
    the answer it prints at the default width, and exits 0; so does the shell."""
    for argv in COMMANDS:
        monkeypatch.delenv("COLUMNS", raising=False)
        assert main(["--rules", str(tiny_base), *argv]) == 0
        usual = capsys.readouterr().out
        monkeypatch.setenv("COLUMNS", value)
        monkeypatch.setenv("LINES", value)
        code = main(["--rules", str(tiny_base), *argv])
        out, err = capsys.readouterr()
        assert (code, err) == (0, "") and out == usual and out.strip(), argv
    shell = Shell(color=True)
    shell.execute("set mic boom")
    assert "headset" in shell.execute("consult") and "headset" in shell.execute("all")


@pytest.mark.parametrize("value", ["0", "1", "²"])
def test_a_terminal_with_odd_columns_gets_the_answer_folded(tiny_base, value):
    """On a real terminal the report is folded to a sane width, never to nothing."""
    env = {**os.environ, "COLUMNS": value, "LINES": value, "TERM": "xterm"}
    argv = ["-m", "expert", "--rules", str(tiny_base), "consult", "--device", "mic=boom"]
    child = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    text = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", child.before).split())
    assert child.exitstatus == 0 and "This device is a headset" in text, child.before
    assert "internal error" not in text
