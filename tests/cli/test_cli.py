"""Tests of expert.cli: output, JSON shape and exit codes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expert.cli import main


def run(capsys, *argv):
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_consult_prints_the_answer_with_its_quote(capsys, tiny_base):
    """The text output answers first, in words, with its certainty and the quote; ids
    (device.kind) only in --all."""
    code, out, _ = run(capsys, "--rules", str(tiny_base), "consult", "--device", "mic=boom")
    assert code == 0
    assert out.splitlines()[1].startswith("This device is a headset (certain).")
    assert "attached boom microphone" in out and "device.kind" not in out
    code, out, _ = run(
        capsys, "--rules", str(tiny_base), "consult", "--device", "mic=boom", "--all"
    )
    assert "device.kind = headset (1.00)" in out


def test_consult_json_has_the_contract_shape(capsys, tiny_base):
    """--json prints one object with verdicts, conflicts and facts."""
    code, out, _ = run(
        capsys, "--rules", str(tiny_base), "consult", "--device", "mic=inline",
        "--needs", "uses=gaming,calls", "budget=30", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    kind = next(v for v in data["verdicts"] if v["attribute"] == "device.kind")
    assert kind["value"] == "headphones" and kind["because"][0]["source"] == "kania"
    assert data["conflicts"][0]["attribute"] == "device.kind"
    assert data["facts"] == {
        "device": {"mic": "inline"},
        "needs": {"uses": ["calls", "gaming"], "budget": 30},
    }


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["consult", "--device", "mic=bogus"], "device.mic: 'bogus' is not allowed; allowed"),
        (["consult", "--device", "mik=boom"], "did you mean 'mic'"),
        (["consult", "--device", "mic"], "--device takes KEY=VALUE"),
        (["consult", "--needs", "budget=lots"], "needs.budget: 'lots' is not a number"),
        (["consult", "--device", "mic=boom", "--how", "device.knd"], "did you mean 'device.kind'"),
        (["consult", "--why-not", "device.kind"], "--why-not takes ATTR=VALUE"),
        (["consultt"], "invalid choice"),
        (["rules", "--topic", "nope"], "no topic 'nope'"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, tiny_base, argv, expected):
    """Bad input: exit 2, one stderr line naming the problem, no traceback."""
    code, out, err = run(capsys, "--rules", str(tiny_base), *argv)
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_unreadable_rule_directory_exits_2(capsys, tmp_path):
    """--rules pointing nowhere is bad input."""
    code, _, err = run(capsys, "--rules", str(tmp_path / "none"), "rules")
    assert code == 2 and "not a directory of rule files" in err


def test_how_why_not_and_what_if_from_the_command_line(capsys, tiny_base):
    """The explanation flags print their explanations."""
    base = ["--rules", str(tiny_base), "consult", "--device", "mic=inline"]
    assert "the articles disagree" in run(capsys, *base, "--how", "device.kind")[1]
    out = run(capsys, *base, "--why-not", "device.kind=headset")[1]
    assert "outweighed" in out or "stronger" in out
    out = run(capsys, *base, "--what-if", "mic=boom", "--format", "json")[1]
    assert json.loads(out)["differences"][0]["attribute"] == "device.kind"


def test_rules_and_sources_list_the_knowledge_base(capsys, tiny_base):
    """rules prints each rule with its quote; sources counts rules per article."""
    code, out, _ = run(capsys, "--rules", str(tiny_base), "rules", "--topic", "tiny")
    assert code == 0 and "tiny.boom-headset" in out and "attached boom microphone" in out
    out = run(capsys, "--rules", str(tiny_base), "rules", "--format", "markdown")[1]
    assert out.startswith("# Rule catalogue") and "### `tiny.boom-headset`" in out
    out = run(capsys, "--rules", str(tiny_base), "sources")[1]
    assert "kania: “Headphones vs. Headsets: What Are the Differences?”" in out


def test_help_exits_0(capsys):
    """--help is not an error."""
    assert main(["--help"]) == 0
    assert "consult" in capsys.readouterr().out


SUBCOMMANDS = [
    "consult", "ask", "rules", "sources", "inputs", "repl", "check", "batch",
    "sample-catalogue", "completion", "init",
]  # fmt: skip


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_a_description_in_its_help(capsys, command):
    """`expert COMMAND --help` says in sentences what the command does, below the usage."""
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    description = out.split("\n\n")[1]
    assert not description.startswith(("positional arguments", "options")), out
    assert len(description.split()) >= 10, out


@pytest.mark.parametrize("command", ["rules", "check"])
def test_format_options_say_what_they_choose(capsys, command):
    """The --format option of rules and check has help text naming its default."""
    main([command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--format {" in out and "text (default)" in out


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_short_and_long_version_flags_print_the_version(capsys, flag):
    """-V prints what --version prints."""
    from expert import __version__

    assert main([flag]) == 0
    assert capsys.readouterr().out == f"expert {__version__}\n"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_the_shell(capsys, shell):
    """`expert completion SHELL` prints a script naming the commands and choices."""
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "expert" in script and "sample-catalogue" in script and "markdown" in script


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_the_bash_completion_completes_commands_and_choices(capsys, tmp_path):
    """Sourced in bash, the script completes a command, a --format choice and a shell."""
    main(["completion", "bash"])
    (tmp_path / "expert.bash").write_text(capsys.readouterr().out)
    probe = """
    source expert.bash
    complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _shtab_expert; \
        echo "${COMPREPLY[*]}"; }
    complete_words expert con
    complete_words expert rules --format ""
    complete_words expert completion ""
    """
    done = subprocess.run(
        ["bash", "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.splitlines() == ["consult", "text markdown json", "bash zsh fish"], done


def test_an_unknown_shell_for_completion_is_a_usage_error(capsys):
    """A shell it cannot complete for exits 2 naming the ones it can."""
    code, _, err = run(capsys, "completion", "powershell")
    assert code == 2 and "bash" in err and "fish" in err


def test_init_writes_a_starter_base_that_checks_clean(capsys, tmp_path):
    """`expert init DIR` writes the houseplant example (base, features, ini, test module),
    which loads and checks clean; it refuses a folder that holds files."""
    from expert.kb.scaffold import FILES

    target = tmp_path / "plants"
    code, out, _ = run(capsys, "init", str(target))
    assert code == 0 and f"wrote a starter knowledge base of {len(FILES)} files to" in out
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == sorted(
        FILES
    )
    assert run(capsys, "--rules", str(target), "check")[0] == 0
    code, _, err = run(capsys, "init", str(target))
    assert code == 2 and "is not an empty folder" in err


def test_the_starter_base_is_package_data():
    """setup.cfg ships the example as the package data of expert.starter, every file of it."""
    import configparser
    import fnmatch

    from expert.kb.scaffold import FILES

    config = configparser.ConfigParser()
    config.read(Path(__file__).parents[2] / "setup.cfg")
    assert "expert.starter = docs/examples/plants" in config["options"]["package_dir"]
    patterns = config["options.package_data"]["expert.starter"].split(", ")
    unshipped = [n for n in FILES if n != "test_specs.py" and not any(
        fnmatch.fnmatch(n, pattern) for pattern in patterns)]  # fmt: skip
    assert unshipped == []  # test_specs.py is shipped as a module of the package


def test_the_installed_script_runs_a_consultation():
    """The `expert` console script is installed and answers with JSON."""
    beside = Path(sys.executable).with_name("expert")
    script = str(beside) if beside.exists() else shutil.which("expert")
    assert script, "the expert script is not on PATH; install the package"
    done = subprocess.run(
        [script, "consult", "--device", "mic=boom", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    kind = next(v for v in json.loads(done.stdout)["verdicts"] if v["attribute"] == "device.kind")
    assert kind["value"] == "headset" and kind["because"]


# -- the environment: encodings, closed pipes ------------------------------------------------


def _script() -> str:
    beside = Path(sys.executable).with_name("expert")
    script = str(beside) if beside.exists() else shutil.which("expert")
    assert script, "the expert script is not on PATH; install the package"
    return script


@pytest.mark.parametrize(
    "argv",
    [
        ["consult", "--device", "mic=boom"],
        ["consult", "--device", "mic=boom", "--how", "device.kind"],
        ["consult", "--device", "mic=boom", "--json"],
        ["rules"],
        ["sources"],
        ["consult", "--device", "mic=boom", "--format", "markdown"],
    ],
)
def test_a_stdout_that_cannot_encode_the_quotes_degrades_and_exits_0(monkeypatch, argv):
    """On an ASCII stdout the curly quotes become '?' and the command still succeeds."""
    raw = io.BytesIO()
    ascii_out = io.TextIOWrapper(raw, encoding="ascii", errors="strict", write_through=True)
    monkeypatch.setattr(sys, "stdout", ascii_out)
    assert main(argv) == 0
    text = raw.getvalue().decode("ascii")
    assert text and ("?" in text or "\\u201c" in text)


def test_an_ascii_terminal_runs_the_installed_script_and_its_shell():
    """PYTHONIOENCODING=ascii: a piped shell prints, degraded, and exits 0."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    stdin = b"set mic boom\nconsult\nrule definitions.boom-mic-means-headset\n"
    done = subprocess.run(
        [_script(), "repl"], input=stdin, capture_output=True, env=env, timeout=120
    )
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    assert b"?headsets, like gaming headsets" in done.stdout
    done.stdout.decode("ascii")


def test_output_into_a_closed_pipe_ends_quietly_with_the_sigpipe_status():
    """`expert ... | head` where head has gone: no message, status 141 (128 + SIGPIPE)."""
    runs = [
        (["rules"], None),
        (["consult", "--device", "mic=boom"], None),
        (["sample-catalogue", "100000"], None),
        (["repl"], b"consult\n" * 2000),
    ]
    started = []
    for argv, stdin in runs:
        process = subprocess.Popen(
            [_script(), *argv], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        process.stdout.close()  # the reader is gone before anything is written
        started.append((argv, process, stdin))
    for argv, process, stdin in started:
        _, err = process.communicate(stdin, timeout=120)
        assert (process.returncode, err) == (141, b""), argv


# -- a knowledge base that cannot be read whole ----------------------------------------------

GOOD = """
[[rules]]
id = "t.boom"
when.device.mic = "boom"
then.device.kind = "headset"
hedge = "definite"
source = "kania"
quote = "come with an attached boom microphone"
"""

#: Every command that reads the base of --rules.
RULES_COMMANDS = [
    ["consult", "--device", "mic=boom"],
    ["ask", "is a boom mic a headset?"],
    ["rules"],
    ["sources"],
    ["inputs"],
    ["check"],
    ["check", "--gaps"],
    ["repl"],
    ["batch", "{tmp}/in.csv", "-o", "{tmp}/out.jsonl"],
]


@pytest.mark.parametrize("argv", RULES_COMMANDS, ids=lambda argv: " ".join(argv[:2]))
def test_a_rule_file_that_cannot_be_read_is_exit_2_naming_it_for_every_command(
    capsys, tmp_path, argv, monkeypatch
):
    """A topic file linked to nothing: every command taking --rules exits 2 with one line
    naming it, never running on the rules that are left."""
    from support import write_base

    base = write_base(tmp_path / "kb", {"t": GOOD})
    os.symlink(tmp_path / "gone.toml", base / "battery.toml")
    (tmp_path / "in.csv").write_text("id,mic\n1,boom\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO("consult\n"))
    argv = [arg.format(tmp=tmp_path) for arg in argv]
    code, out, err = run(capsys, "--rules", str(base), *argv)
    assert (code, out) == (2, "")
    assert err == (
        f"expert: {base / 'battery.toml'}: a symbolic link to {tmp_path / 'gone.toml'}, which "
        "cannot be read (No such file or directory); every *.toml entry is read: fix or "
        "remove the link\n"
    )
    assert not (tmp_path / "out.jsonl").exists()


def test_a_rule_directory_without_permission_is_exit_2_not_an_internal_error(tmp_path):
    """A mode-000 or unlistable rule directory (real permissions, the installed script):
    exit 2 and one line naming it, for a consultation and for check."""
    from support import unprivileged, write_base

    prefix = unprivileged()
    closed = write_base(tmp_path / "closed", {"t": GOOD})
    unlistable = write_base(tmp_path / "unlistable", {"t": GOOD})
    closed.chmod(0)
    unlistable.chmod(0o311)
    runs = [(closed, ["consult", "--device", "mic=boom"]), (unlistable, ["check"])]
    try:
        started = [
            (base, subprocess.Popen(
                [*prefix, _script(), "--rules", str(base), *argv],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ))
            for base, argv in runs
        ]  # fmt: skip
        for base, process in started:
            out, err = process.communicate(timeout=120)
            assert (process.returncode, out, err) == (
                2, "", f"expert: {base}: cannot list the rule files: Permission denied\n"
            )  # fmt: skip
    finally:
        closed.chmod(0o755)
        unlistable.chmod(0o755)


# -- closed standard streams, full disks -----------------------------------------------------

CLOSED_IN = (
    "expert: standard input is closed: nothing can be read from it (give it a terminal, a "
    "file or a pipe)\n"
)
CLOSED_OUT = (
    "expert: standard output is closed: nothing can be printed (send it to a file, a pipe or "
    "/dev/null)\n"
)
FULL_OUT = "expert: cannot write standard output: No space left on device\n"


class _Full(io.StringIO):
    """A standard output on a full disk."""

    def write(self, text):
        raise OSError(28, "No space left on device")

    flush = write


#: (arguments, the stream, what it is: None for closed, else a stream), exit status, error.
STREAMS = [
    (["repl"], "stdin", None, 2, CLOSED_IN),
    (["consult", "--ask"], "stdin", None, 2, CLOSED_IN),
    (["consult", "--device", "mic=boom"], "stdout", None, 2, CLOSED_OUT),
    (["rules"], "stdout", None, 2, CLOSED_OUT),
    (["batch", "{tmp}/in.csv", "-o", "{tmp}/out.jsonl"], "stdout", None, 2, CLOSED_OUT),
    (["consult", "--device", "mic=boom"], "stdout", _Full(), 1, FULL_OUT),
    (["consult", "--device", "mic=boom", "--how", "device.kind"], "stdout", _Full(), 1, FULL_OUT),
    (["repl"], "stdout", _Full(), 1, FULL_OUT),
    (["sources"], "stdout", _Full(), 1, FULL_OUT),
    (["batch", "{tmp}/in.csv", "-o", "{tmp}/out.jsonl"], "stdout", _Full(), 1, FULL_OUT),
    (["consult", "--device", "mic=bom"], "stderr", None, 2, ""),
    (["consult", "--device", "mic=bom"], "stderr", _Full(), 2, ""),
    (["repl"], "stdin", io.StringIO(""), 0, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "name", "stream", "status", "said"),
    STREAMS,
    ids=[
        f"{' '.join(c[0][:2])} {c[1]} {'closed' if c[2] is None else 'full/empty'}"
        for c in STREAMS
    ],
)
def test_a_closed_or_failing_standard_stream_is_one_line_and_its_status(
    capsys, monkeypatch, tmp_path, argv, name, stream, status, said
):
    """A closed standard input or output is exit 2 and one line saying which; a full one
    exit 1 and one line; a closed or full standard error leaves only the status; a batch
    refused for its output writes nothing. Nothing is printed to another stream instead."""
    (tmp_path / "in.csv").write_text("id,mic\n1,boom\n2,none\n")
    if name != "stdin":
        monkeypatch.setattr(sys, "stdin", io.StringIO("set mic boom\nconsult\n"))
    monkeypatch.setattr(sys, name, stream)
    code = main([arg.format(tmp=tmp_path) for arg in argv])
    out, err = capsys.readouterr()
    assert code == status
    if name != "stderr":
        assert err == said
    if name != "stdout":
        assert out == ""  # a guided consultation puts no question to a closed input
    assert not (tmp_path / "out.jsonl").exists()


def test_closed_and_full_streams_of_the_installed_script(tmp_path):
    """In a real process: a closed standard input or output is exit 2 with one line; a
    batch with workers and standard output closed writes nothing (no file takes the closed
    descriptor's place); /dev/full is exit 1; with standard error closed, an error is exit
    2 and nothing, on standard output either."""
    (tmp_path / "in.csv").write_text("id,mic\n1,boom\n2,none\n")
    cases = [
        (["repl"], "<&-", 2, CLOSED_IN),
        (["batch", "in.csv", "-o", "out.jsonl", "--workers", "2"], ">&-", 2, CLOSED_OUT),
        (["consult", "--device", "mic=boom"], ">/dev/full", 1, FULL_OUT),
        (["consult", "--device", "mic=bom"], "2>&-", 2, ""),
    ]
    started = []
    for argv, redirect, status, said in cases:
        words = " ".join(f"'{arg}'" for arg in argv)
        process = subprocess.Popen(
            ["bash", "-c", f"exec '{_script()}' {words} {redirect}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=tmp_path,
        )  # fmt: skip
        started.append((redirect, status, said, process))
    for redirect, status, said, process in started:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, out, err.decode()) == (status, b"", said), redirect
    assert not (tmp_path / "out.jsonl").exists()


def test_a_full_disk_stops_a_batch_with_status_1_and_it_resumes_byte_for_byte(
    capsys, monkeypatch, tmp_path
):
    """The disk fills up while a batch writes its third chunk: exit 1 and one line saying
    so and how to go on; once there is room, --resume writes what an uninterrupted run
    writes."""
    from expert.batch.checkpoint import Checkpoint
    from expert.headphones.sample import sample_catalogue

    catalogue = tmp_path / "in.csv"
    catalogue.write_bytes(b"".join(sample_catalogue(120, seed=3, fmt="csv", junk=0.1)))
    argv = ["batch", str(catalogue), "--chunk-size", "20", "-o"]
    assert run(capsys, *argv, str(tmp_path / "whole.jsonl"))[0] == 0
    write, calls = Checkpoint._write, []

    def filling(self, output, errors):
        calls.append(len(output))
        if len(calls) == 3:
            self._output.write(output[: len(output) // 2])  # half a chunk, then no room
            raise OSError(28, "No space left on device")
        write(self, output, errors)

    monkeypatch.setattr(Checkpoint, "_write", filling)
    code, out, err = run(capsys, *argv, str(tmp_path / "out.jsonl"))
    assert (code, out) == (1, "")
    assert err == (
        "expert: the batch stopped: No space left on device; continue it with --resume once "
        "that is fixed\n"
    )
    monkeypatch.setattr(Checkpoint, "_write", write)
    assert run(capsys, *argv, str(tmp_path / "out.jsonl"), "--resume")[0] == 0
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert (tmp_path / "out.jsonl.errors.jsonl").read_bytes() == (
        tmp_path / "whole.jsonl.errors.jsonl"
    ).read_bytes()


def test_a_full_disk_under_a_written_file_is_status_1_a_refused_path_2(
    capsys, monkeypatch, tmp_path
):
    """sample-catalogue -o and init: a write that fails for want of room is exit 1, a path
    that cannot be written (a missing folder) exit 2; each one line naming the file."""
    import expert.headphones.sample
    import expert.kb.scaffold

    code, _, err = run(capsys, "sample-catalogue", "5", "-o", str(tmp_path / "no" / "x.csv"))
    assert code == 2 and err.startswith(f"expert: cannot write {tmp_path}/no/x.csv: ")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(expert.headphones.sample, "write_catalogue", full)
    monkeypatch.setattr(expert.kb.scaffold, "init", full)
    code, _, err = run(capsys, "sample-catalogue", "5", "-o", str(tmp_path / "x.csv"))
    assert (code, err) == (1, f"expert: cannot write {tmp_path}/x.csv: No space left on device\n")
    code, _, err = run(capsys, "init", str(tmp_path / "kb"))
    assert (code, err) == (1, f"expert: cannot write {tmp_path}/kb: No space left on device\n")
