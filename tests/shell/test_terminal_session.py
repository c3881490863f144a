"""Tests of the shell on a real terminal (a pseudo-terminal driven by pexpect): completion,
guided consultation, error recovery, Ctrl-C, Ctrl-D and history."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

#: Generous: the first prompt waits for Python, experta and prompt_toolkit to load.
TIMEOUT = 90

PROMPT = "expert>"
CTRL_C = "\x03"
UP = "\x1b[A"

#: Terminal control sequences prompt_toolkit may put between the characters it draws.
_CONTROL = r"(?:\x1b\[[0-9;?]*[A-Za-z]|[\r\n\x08])*"


def expert_script() -> str:
    """The installed `expert` console script."""
    beside = Path(sys.executable).with_name("expert")
    script = str(beside) if beside.exists() else shutil.which("expert")
    assert script, "the expert script is not on PATH; install the package"
    return script


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home directory of its own, so history starts empty and stays in tmp."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def spawn(tiny_base, home):
    """Start `expert repl` on the tiny base in a pseudo-terminal; close it afterwards."""
    children = []

    def start(data_home: Path | None = None, **overrides: str) -> pexpect.spawn:
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_DATA_HOME": str(data_home or home / "data"),
            "TERM": "xterm",
            # pexpect does not answer cursor position requests; do not wait for them.
            "PROMPT_TOOLKIT_NO_CPR": "1",
            **overrides,
        }
        env.pop("NO_COLOR", None)
        child = pexpect.spawn(
            expert_script(),
            ["--rules", str(tiny_base), "repl"],
            env=env,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(40, 160),
        )
        children.append(child)
        child.expect(PROMPT)
        return child

    yield start
    for child in children:
        child.close(force=True)


def on_screen(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` as drawn, maybe in pieces with control sequences between."""
    return re.compile(_CONTROL.join(re.escape(char) for char in text))


def command(child: pexpect.spawn, line: str, *expected: str) -> None:
    """Type a line, wait for each expected text in order, then for the next prompt."""
    child.send(line + "\r")
    for text in expected:
        child.expect_exact(text)
    child.expect_exact(PROMPT)


def test_tab_completes_a_fact_name(spawn):
    """`set device.mi<TAB>` completes to device.mic, which then takes a value."""
    child = spawn()
    child.send("set device.mi\t")
    child.expect_exact("device.mic_noise_reduction")  # the menu of both completions
    command(child, " boom", "device.mic = boom")


def test_tab_completes_a_value(spawn):
    """Tab after a fact name completes its allowed value."""
    child = spawn()
    child.send("set fit over\t")
    child.expect(on_screen("set fit over-ear"))  # completion runs in the background
    command(child, "", "device.fit = over-ear")


def test_a_guided_consultation_with_why(spawn):
    """ask poses four questions in words; why explains one with its quote; the verdicts end
    it."""
    child = spawn()
    child.send("ask\r")
    child.expect_exact("Question 1: What will you use it for? (one or more of music, movies")
    child.expect_exact("what you use it for?")
    child.send("gaming\r")
    child.expect_exact(
        "Question 2: What kind of microphone does it have? (no microphone, an in-line microphone"
    )
    child.expect_exact("microphone?")
    child.send("why\r")
    child.expect_exact("I ask about microphone because rule tiny.boom-headset uses it:")
    child.expect_exact("“come with an attached boom microphone”")
    child.expect_exact("microphone?")
    child.send("bo\t")
    child.expect(on_screen("boom"))  # completion runs in the background: wait for it
    child.send("\r")
    child.expect_exact("Question 3: How much do you want to spend, in USD? (a number)")
    child.expect_exact("your budget in USD?")
    child.send("30\r")
    child.expect_exact("Question 4: What kind of device is it?")
    child.expect_exact("kind of device?")
    child.send("skip\r")
    child.expect_exact("Nothing you could still tell me changes the answer")
    child.expect_exact("You answered 3 of 4 questions, skipped 1.")
    child.expect_exact("You said: a device with a boom microphone")
    child.expect_exact("What to get: a headset")
    child.expect_exact(PROMPT)
    command(child, "facts", "needs.uses = gaming", "device.mic = boom", "needs.budget = 30")


def test_mistakes_leave_the_session_going(spawn):
    """Errors print one line with a suggestion and the facts stay."""
    child = spawn()
    command(child, "set mic boom", "device.mic = boom")
    command(child, "consutl", "error: unknown command 'consutl' (did you mean 'consult'?)")
    command(child, "set mic bom", "(did you mean 'boom'?)")
    command(child, "load /nonexistent/facts.json", "error: cannot read /nonexistent/facts.json")
    command(child, "facts", "device.mic = boom")
    assert "Traceback" not in child.before


def test_ctrl_c_cancels_the_line(spawn):
    """Ctrl-C drops the line being typed; the session goes on."""
    child = spawn()
    child.send("set mic none")
    child.send(CTRL_C)
    child.expect_exact(PROMPT)
    command(child, "facts", "No facts yet")


def test_ctrl_d_leaves_with_status_0(spawn):
    """Ctrl-D on an empty line ends the session with exit status 0."""
    child = spawn()
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_quit_leaves_with_status_0(spawn):
    """quit ends the session with exit status 0."""
    child = spawn()
    child.send("quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_history_is_kept_across_sessions(spawn, home):
    """A line typed in one session comes back with Up in the next."""
    first = spawn()
    command(first, "set mic inline", "device.mic = inline")
    first.sendeof()
    first.expect(pexpect.EOF)
    assert "set mic inline" in (home / "data" / "expert" / "history").read_text()
    second = spawn()
    second.send(UP)
    command(second, "", "device.mic = inline")


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"HOME": ""}, {"HOME": "relative"}])
def test_a_dumb_terminal_or_no_usable_home_still_runs_the_shell(spawn, env, tmp_path, monkeypatch):
    """TERM=dumb, an empty or a relative HOME: the shell prompts, answers and ends with 0,
    writing no history into the current directory."""
    monkeypatch.chdir(tmp_path)
    child = spawn(**env, XDG_DATA_HOME="")
    command(child, "set mic boom", "device.mic = boom")
    # quit, not Ctrl-D: on a dumb terminal the prompt is written before the terminal is put
    # in raw mode, and a Ctrl-D typed ahead in that moment is taken by the terminal itself.
    child.send("quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (tmp_path / ".local").exists() and not (tmp_path / "relative").exists()


def test_an_unusable_data_dir_does_not_stop_the_shell(spawn, home):
    """When the history cannot be stored the shell still works."""
    blocker = home / "not-a-directory"
    blocker.write_text("")
    child = spawn(data_home=blocker)
    command(child, "set mic boom", "device.mic = boom")
