"""The report: the answer to the consultation's goal first, the rest after, readable on a
terminal, in a pipe, in a notebook and as a Python value."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from expert import Device, Expert, Needs
from expert.cli import main
from expert.model.display import Line
from expert.present.render import print_lines, wrapped_lines

README = ["consult", "--device", "mic=inline", "--needs", "uses=online-gaming,calls"]


def bundled() -> Expert:
    return Expert()


def test_the_report_opens_with_the_goal_answer_and_its_reasons():
    """With needs only, the first lines answer what to get, with quoted reasons."""
    result = bundled().consult(Needs(uses={"online-gaming"}))
    lines = [line for line in str(result).splitlines() if line.strip()]
    assert lines[0] == "You said: a device for online games."
    assert lines[1] == "For these needs, get a headset (certain)."
    assert lines[2] == (
        "  for a device for online games: “A headset is recommended for interactive "
        "communication in online gaming.” (Difference Wiki)"
    )


def test_a_device_alone_is_answered_with_what_it_is():
    """With only a device stated, the goal is what the device is."""
    text = str(bundled().consult(Device(mic="boom")))
    assert text.splitlines()[1] == "This device is a headset (certain)."


def test_the_rest_is_one_line_a_verdict_then_how_to_see_more():
    """Other verdicts take one line each; the report ends with the hint for its way in."""
    result = bundled().consult(Device(mic="inline"), Needs(uses={"online-gaming", "calls"}))
    report = result.report(hints="cli")
    text = report.to_text()
    assert "Also concluded:" in text
    also = text.split("Also concluded:\n", 1)[1].splitlines()
    verdict_lines = [line for line in also if line.startswith("  ") and "(" in line]
    assert all("“" not in line for line in verdict_lines)  # no quotes among the one-liners
    assert text.rstrip().splitlines()[-1].startswith("More: --all")
    assert "how ATTR" in result.report(hints="repl").to_text().splitlines()[-1]


def test_all_lists_every_verdict_with_every_rule():
    """The full report names every rule behind every verdict; the short one does not."""
    result = bundled().consult(Device(mic="inline"), Needs(uses={"online-gaming", "calls"}))
    short, full = result.report().to_text(), result.report(full=True).to_text()
    for firing in result.firings:
        if firing.certainty and not firing.defeated:
            assert firing.rule in full
    assert len(full.splitlines()) > len(short.splitlines())


def test_readme_command_fits_in_40_lines_piped(capsys):
    """The README's consultation is at most 40 lines when piped, and --all prints more."""
    assert main(README) == 0
    piped = capsys.readouterr().out.splitlines()
    assert len(piped) <= 40, len(piped)
    assert main([*README, "--all"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > len(piped)


def test_readme_command_fits_a_120_column_terminal_in_60_lines():
    """On a 120-column terminal the report takes at most 60 lines, none wider."""
    result = bundled().consult(Device(mic="inline"), Needs(uses={"online-gaming", "calls"}))
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, force_terminal=True, color_system=None)
    print_lines(result.report(hints="cli").lines(), console)
    shown = buffer.getvalue().splitlines()
    assert len(shown) <= 60, len(shown)
    assert max(len(line) for line in shown) <= 120


def test_wrapping_never_splits_an_id_or_a_name():
    """Folding breaks at spaces only: dotted ids and hyphenated words stay whole."""
    text = "because microphone.inline-mic-poor-quality says “these mics leave much to be desired”"
    folded = wrapped_lines([Line(1, "reason", text)], 30)
    words = [word for line in folded for word in line.text.split()]
    assert words == text.split()
    assert "microphone.inline-mic-poor-quality" in words


def test_repr_is_one_short_line_and_str_is_the_report():
    """repr names the facts and counts; str is the report."""
    result = bundled().consult(Device(mic="boom"))
    assert "\n" not in repr(result) and len(repr(result)) < 200
    assert repr(result).startswith("<Result of device.mic='boom': ")
    assert str(result) == result.report().to_text()


def test_a_notebook_shows_escaped_html_and_rich_shows_the_report():
    """_repr_html_ escapes every text; __rich__ renders the same lines."""
    result = bundled().consult(Device(mic="boom"))
    html = result._repr_html_()
    assert html.startswith('<div class="expert"') and "&ldquo;" not in html
    assert "<script" not in html and re.search(r"This device is a headset", html)
    buffer = io.StringIO()
    Console(file=buffer, width=200, no_color=True).print(result)
    assert buffer.getvalue().splitlines()[1].startswith("This device is a headset")
    how_html = result.how("device.kind")._repr_html_()
    assert how_html.startswith('<div class="expert"') and "device.kind = headset" in how_html


def test_the_readme_api_tour_runs():
    """Every line of the README's API tour runs on the bundled base (records aside)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A tour of the API", 1)[1].split("```python\n", 1)[1].split("```")[0]
    code = tour.replace("ex.consult_many(records)", "list(ex.consult_many([Device(mic='boom')]))")
    exec(compile(code, "README.md", "exec"), {"print": lambda *args: None})  # noqa: S102


def _styles(result, kind: str) -> set[str]:
    """The rich styles of the report's lines of one kind."""
    from expert.present.render import styled_lines

    lines = [line for line in result.report().lines() if line.kind == kind]
    return {str(span.style) for span in styled_lines(lines).spans}


def test_colour_follows_meaning_not_the_kind_of_line():
    """A poor fit is red, a good fit green; a reason citing a concern is red, and the answer
    is never green for a poor fit."""
    poor = bundled().consult(Device(mic="inline"), Needs(uses={"online-gaming"}))
    good = bundled().consult(Device(mic="boom"), Needs(uses={"online-gaming"}))
    assert poor.answer.value == "poor" and good.answer.value == "good"
    assert _styles(poor, "answer") == {"bold red"}
    assert _styles(good, "answer") == {"bold green"}
    assert _styles(poor, "reason") == {"red"}  # because of a concern
    assert "green" not in " ".join(_styles(poor, "answer") | _styles(poor, "reason"))


def test_no_color_is_honoured_by_the_shell_and_the_command_line(monkeypatch):
    """NO_COLOR turns colour off on a terminal, in the shell as on the command line."""
    from expert.shell import Shell

    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    shell = Shell(bundled(), out=out, color=True)
    shell.execute("set mic inline")
    shell.execute("set uses online-gaming")
    shell.execute("consult")
    assert "poor fit" in out.getvalue() and not re.search(r"\x1b\[[0-9;]*3[0-7]m", out.getvalue())
    buffer = io.StringIO()
    result = bundled().consult(Device(mic="inline"), Needs(uses={"online-gaming"}))
    print_lines(result.report().lines(), Console(file=buffer, force_terminal=True))
    assert "poor fit" in buffer.getvalue() and "\x1b[31" not in buffer.getvalue()
    monkeypatch.delenv("NO_COLOR")
    buffer = io.StringIO()
    print_lines(result.report().lines(), Console(file=buffer, force_terminal=True))
    assert "\x1b[1;31m" in buffer.getvalue()  # the poor fit, bold red


def test_the_readme_shows_what_its_first_command_prints(capsys):
    """The README's sample of its first command's report is what the command prints."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    sample = readme.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    shown = sample[: sample.index("...")] if "..." in sample else sample
    assert main(README) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[: len(shown)] == shown
