"""Tests of expert.shell.loop: the shell on piped input, its exit status, the installed script."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expert.shell import run

# -- piped input -----------------------------------------------------------------------------


def test_run_reads_commands_and_answers_from_a_stream(tiny_base, capsys):
    """Without a terminal, run executes each line, the answers of ask included."""
    stdin = io.StringIO("set uses music\nask\nboom\n90\nskip\nbogus\nfacts\n")
    stdout = io.StringIO()
    assert run(tiny_base, stdin=stdin, stdout=stdout) == 2  # a line failed
    out = stdout.getvalue()
    assert "microphone? boom" in out and "your budget in USD? 90" in out
    assert out.endswith(
        "needs.uses = music\ndevice.mic = boom\nneeds.budget = 90\nskipped questions: device.type\n"
    )
    assert "expert>" not in out and "\x1b[" not in out
    assert (
        capsys.readouterr().err
        == "error: line 6: unknown command 'bogus'; type help for the commands\n"
    )


def test_run_stops_at_quit(tiny_base):
    """Lines after quit are not run."""
    stdout = io.StringIO()
    assert run(tiny_base, stdin=io.StringIO("quit\nset mic boom\n"), stdout=stdout) == 0
    assert stdout.getvalue() == ""


def test_the_installed_script_runs_piped_commands(tiny_base):
    """`printf ... | expert repl` runs the commands in order, and exits 2 as one failed."""
    beside = Path(sys.executable).with_name("expert")
    script = str(beside) if beside.exists() else shutil.which("expert")
    assert script, "the expert script is not on PATH; install the package"
    done = subprocess.run(
        [script, "--rules", str(tiny_base), "repl"],
        input="set mic boom\nconsutl\nconsult\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout.startswith(
        "device.mic = boom\nYou said: a device with a boom microphone.\n"
    )
    assert "This device is a headset (certain)." in done.stdout
    assert done.stderr == "error: line 2: unknown command 'consutl' (did you mean 'consult'?)\n"


def test_a_piped_huge_line_is_skipped_and_the_script_goes_on(tiny_base, capsys):
    """Without a terminal a 10 MB line is read in pieces, refused, and the next line runs."""
    stdin = io.StringIO("set mic " + "x" * 10_000_000 + "\nset mic boom\n")
    stdout = io.StringIO()
    assert run(tiny_base, stdin=stdin, stdout=stdout) == 2
    assert stdout.getvalue() == "device.mic = boom\n"
    assert capsys.readouterr().err == (
        "error: line 1: the line is longer than the limit of 10,000 characters\n"
    )


# -- exit status of scripts ------------------------------------------------------------------


def test_a_piped_script_exits_0_when_every_line_succeeds(tiny_base):
    """All lines (answers included) succeeded: status 0."""
    stdin = io.StringIO("set mic boom\nconsult\nask 1\nskip\nfacts\n")
    assert run(tiny_base, stdin=stdin, stdout=io.StringIO()) == 0


@pytest.mark.parametrize("script", ["bogus\n", "set mic boom\nset mic bom\nconsult\n",
                                    "ask 1\nbom\nstop\n", "load /no/such/file\n"])  # fmt: skip
def test_a_piped_script_exits_2_when_any_line_failed(tiny_base, capsys, script):
    """Any failed line or answer: the script still runs to its end, then exits 2."""
    assert run(tiny_base, stdin=io.StringIO(script), stdout=io.StringIO()) == 2
    assert capsys.readouterr().err.startswith("error: line ")
