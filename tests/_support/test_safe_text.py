"""Tests of expert._support.safe_text through every command that prints: text from rule files,
articles, catalogues, paths and the user's input is printed as text, with rich markup left
as words and control characters shown as escapes, on terminals and in pipes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from support import write_base

from expert import Device, Expert
from expert._support.safe_text import json_safe, one_line, visible
from expert.cli import main
from expert.present.render import print_lines
from expert.shell import Shell

#: Markup that crashed rich or was rendered, terminal escapes (title, clear screen, CSI as
#: one C1 byte), a bell, a carriage return, a bidi override and a line separator.
HOSTILE = "say [/i] and [bold]loud[/bold] \x1b]0;pwned\x07 \x1b[2J \x9b31m \r \u202eevil\u2028end"

#: What must never reach a terminal raw.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

#: The styling rich itself writes on a terminal.
STYLING = re.compile(r"\x1b\[[0-9;]*m")


def _toml(text: str) -> str:
    return json.dumps(text)  # a JSON string with \\u escapes is a TOML basic string


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory) -> Path:
    """A base whose article, quotes, note, source and summary hold HOSTILE, with a
    conflict between two of its rules."""
    rules = f"summary = {_toml('topic ' + HOSTILE)}\n"
    for rule_id, mic, kind in (("t.boom", "boom", "headset"), ("t.other", "boom", "headphones")):
        rules += (
            f'[[rules]]\nid = "{rule_id}"\nwhen.device.mic = "{mic}"\n'
            f'then.device.kind = "{kind}"\nhedge = "usually"\nsource = "evil"\n'
            f"quote = {_toml(HOSTILE)}\nnote = {_toml('note ' + HOSTILE)}\n\n"
        )
    base = write_base(tmp_path_factory.mktemp("hostile") / "kb", {"t": rules})
    (base / "articles" / "evil.txt").write_text(f"An article: {HOSTILE}.", encoding="utf-8")
    (base / "sources.toml").write_text(
        f"[evil]\ntitle = {_toml('title ' + HOSTILE)}\nauthor = {_toml(HOSTILE)}\n"
        'article = "evil.txt"\n',
        encoding="utf-8",
    )
    return base


def assert_safe(text: str, *, styled: bool = False, quoted: bool = True) -> None:
    """No raw control character but line breaks (and, when styled, rich's own styling); the
    markup and the escapes shown as words."""
    plain = STYLING.sub("", text) if styled else text
    found = UNSAFE.findall(plain)
    assert not found, f"raw control characters {found!r} in {text[:300]!r}"
    if not quoted:
        return
    assert "[/i]" in plain and "[bold]loud[/bold]" in plain
    assert "\\x1b]0;pwned\\x07" in plain and "\\u202e" in plain


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


COMMANDS = {
    "consult": ["consult", "--device", "mic=boom"],
    "how": ["consult", "--device", "mic=boom", "--how", "device.kind"],
    "why-not": ["consult", "--device", "mic=boom", "--why-not", "device.kind=headphones"],
    "what-if": ["consult", "--device", "mic=none", "--what-if", "mic=boom"],
    "markdown": ["consult", "--device", "mic=boom", "--format", "markdown"],
    "rules": ["rules"],
    "rules markdown": ["rules", "--format", "markdown"],
    "sources": ["sources"],
}


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_every_command_prints_rule_text_as_text(capsys, hostile_base, command):
    """Quotes, notes, titles and summaries: markup kept as words, controls escaped."""
    code, out, err = run(capsys, "--rules", hostile_base, *COMMANDS[command])
    assert code in (0, 1) and err == "", err  # check exits 1: a quote holds a bell
    assert_safe(out, quoted=command != "what-if")


@pytest.mark.parametrize(
    "argv",
    [
        ["consult", "--device", "mic=boom", "--json"],
        ["consult", "--device", "mic=boom", "--how", "device.kind", "--json"],
        ["rules", "--format", "json"],
    ],
)
def test_json_output_escapes_every_control_character_and_reads_back(capsys, hostile_base, argv):
    """JSON output holds no raw control character, and parses back to the same text."""
    _, out, _ = run(capsys, "--rules", hostile_base, *argv)
    assert not UNSAFE.findall(out)
    assert HOSTILE in _strings(json.loads(out))


def _strings(data) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return [data] if isinstance(data, str) else []


def test_check_reports_a_quote_with_control_characters_safely(capsys, hostile_base, tmp_path):
    """A quote not in its article is quoted in the report, escaped, in text and JSON."""
    base = tmp_path / "kb"
    base.mkdir()
    for path in hostile_base.rglob("*"):
        if path.is_file():
            (base / path.relative_to(hostile_base)).parent.mkdir(exist_ok=True)
            (base / path.relative_to(hostile_base)).write_bytes(path.read_bytes())
    (base / "articles" / "evil.txt").write_text("another text")
    code, out, err = run(capsys, "--rules", base, "check")
    assert code == 1 and err == ""
    assert_safe(out)
    code, out, _ = run(capsys, "--rules", base, "check", "--format", "json")
    assert code == 1 and not UNSAFE.findall(out)
    assert any(HOSTILE in text for text in _strings(json.loads(out)))


def test_the_terminal_renderings_print_markup_as_words(hostile_base):
    """The verdict table and the styled explanations on a terminal: no MarkupError, no
    markup rendered, no raw escape."""
    result = Expert(hostile_base).consult(Device(mic="boom"))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    print_lines(result.report(full=True).lines(), console)
    print_lines(result.report().lines(), console)
    console.print(result)
    console.print(result.how("device.kind").to_rich())
    console.print(result.why_not("device.kind", "headphones").to_rich())
    assert_safe(buffer.getvalue(), styled=True)
    assert "\x1b[1m" + "loud" not in buffer.getvalue()  # [bold] was not applied


@pytest.mark.parametrize("color", [False, True])
def test_the_shell_prints_rule_text_and_echoed_input_as_text(hostile_base, tmp_path, color):
    """Every shell command that shows rule text, and the answers it echoes, are safe."""
    answers = iter(["why", "\x1b[2J\u202eboom", "boom"])
    shell = Shell(Expert(hostile_base), color=color, echo=True, read=lambda *_: next(answers))
    shell.execute("set mic boom")
    for line in ("consult", "how device.kind", "why-not device.kind headphones", "conflicts",
                 "rule t.boom", "rules t", "rules", "sources"):  # fmt: skip
        assert_safe(shell.execute(line), styled=color, quoted=line != "rules")
    shell.execute("reset")
    asked = shell.execute("ask 1")
    assert not UNSAFE.findall(STYLING.sub("", asked))
    assert "\\x1b[2J\\u202eboom" in asked  # the echoed answer and its error, shown


def test_paths_with_escape_sequences_are_shown_escaped(capsys, tmp_path, monkeypatch):
    """A path holding terminal escapes is printed escaped: in a batch summary, in the
    shell's save and load lines, and in error lines."""
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "cat.jsonl"
    source.write_text('{"mic": "boom"}\n')
    name = "o\x1b]0;title\x07\x1b[2J.jsonl"
    code, out, err = run(capsys, "batch", source, "-o", name)
    assert code == 0 and "o\\x1b]0;title\\x07\\x1b[2J.jsonl" in out
    assert not UNSAFE.findall(out + err)
    code, out, err = run(capsys, "batch", "in\x1b[2J.jsonl", "-o", "x.jsonl")
    assert code == 2 and "in\\x1b[2J.jsonl" in err and not UNSAFE.findall(err.rstrip("\n"))
    shell = Shell(Expert())
    shell.execute("set mic boom")
    for line in ("save 'f\x1b[2J.json'", "load 'f\x1b[2J.json'", "load 'none\x1b]0;x\x07'"):
        output = shell.execute(line)
        assert "\\x1b[2J" in output or "\\x1b]0;x\\x07" in output, output
        assert not UNSAFE.findall(output.rstrip("\n"))


def test_visible_and_json_safe_escape_what_a_terminal_would_act_on():
    """The two helpers: every control character escaped (line breaks kept on request);
    JSON text keeps its meaning."""
    assert visible("a\x1b[2Jb\tc\nd\x9b\u202e\ud800 é “q”") == (
        "a\\x1b[2Jb\\tc\\nd\\x9b\\u202e\\ud800 é “q”"
    )
    assert visible("a\nb\x07", lines=True) == "a\nb\\x07"
    text = json.dumps({"q": "\x85\u2028\u202e\ud800"}, ensure_ascii=False)
    assert not UNSAFE.findall(json_safe(text)) and json.loads(json_safe(text)) == json.loads(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unknown value 'boom'", "unknown value 'boom'"),
        ("a\nb\tc", "a\\nb\\tc"),
        ("\x1b[2J\x9b\u202eevil\u2028", "\\x1b[2J\\x9b\\u202eevil\\u2028"),
        ("zero\u200bwidth\u00a0space", "zero\\u200bwidth\\xa0space"),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
        ("naïve café ８０", "naïve café ８０"),
    ],
)
def test_one_line_escapes_every_character_python_does_not_print(text, expected):
    """A message line: controls, line breaks and invisible characters escaped, the space and
    printable letters of any script kept."""
    assert one_line(text) == expected
