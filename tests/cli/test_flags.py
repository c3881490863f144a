"""The command line words the library's errors with its flags: one mapping, from the parser."""

from __future__ import annotations

import attrs
import pytest

from expert.batch import BatchOptions, run_batch
from expert.cli import main
from expert.cli.parser import build_parser, parameter_flags
from expert.errors import UsageError


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    """A one-row catalogue in a scratch directory, which is the current one."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cat.csv").write_text("id,mic\n1,boom\n", encoding="utf-8")
    (tmp_path / "cat.txt").write_text("id,mic\n1,boom\n", encoding="utf-8")
    return tmp_path


def test_every_parameter_a_batch_error_may_name_has_its_flag(capsys):
    """Each option of a batch, its input and output, and how-to's size have the command
    line's name, and that name is in the help of the command taking it."""
    options = {field.name for field in attrs.fields(BatchOptions)} - {"progress"}
    flags = parameter_flags()
    assert flags["input_format"] == "--input-format" and flags["input"] == "INPUT"
    assert flags["max_changes"] == "--changes" and flags["output"] == "--output"
    for command in ("batch", "consult"):
        assert main([command, "--help"]) == 0
    helps = capsys.readouterr().out + build_parser().format_help()
    for parameter in sorted(options | {"input", "output", "max_changes"}):
        assert flags[parameter] in helps, parameter


# (argv, the API's call, the CLI's line, the API's message, the parameter)
CASES = {
    "workers": (
        ["batch", "cat.csv", "-o", "o.jsonl", "--workers", "0"],
        lambda: run_batch("cat.csv", "o.jsonl", BatchOptions(workers=0)),
        "--workers must be a whole number from 1 to 256, not 0",
        "`workers` must be a whole number from 1 to 256, not 0",
        "workers",
    ),
    "input format": (
        ["batch", "cat.txt", "-o", "o.jsonl"],
        lambda: run_batch("cat.txt", "o.jsonl"),
        "cannot tell the format of cat.txt from its name; give --input-format csv or jsonl",
        "cannot tell the format of cat.txt from its name; give `input_format` csv or jsonl",
        "input_format",
    ),
    "errors path": (
        ["batch", "cat.csv", "-o", "o.jsonl", "--errors", "o.jsonl"],
        lambda: run_batch("cat.csv", "o.jsonl", BatchOptions(errors="o.jsonl")),
        (
            "the output o.jsonl and the errors file o.jsonl are the same file: give another "
            "path as --errors"
        ),
        (
            "the output o.jsonl and the errors file o.jsonl are the same file: give another "
            "path as `errors`"
        ),
        "errors",
    ),
    "output path": (
        ["batch", "cat.csv", "-o", "cat.csv"],
        lambda: run_batch("cat.csv", "cat.csv"),
        "the output cat.csv would overwrite the input cat.csv: give another path as --output",
        "the output cat.csv would overwrite the input cat.csv: give another path as `output`",
        "output",
    ),
    "how-to's size": (
        ["consult", "--device", "mic=boom", "--how-to", "device.kind=headset", "--changes", "0"],
        None,
        "--changes must be a whole number >= 1, not 0",
        None,
        "max_changes",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_api_names_the_parameter_and_the_command_line_its_flag(capsys, catalogue, case):
    """The same error: the API's text and ``parameter``; the command line's exact line
    with the flag, exit 2, nothing on standard output."""
    argv, call, line, message, parameter = CASES[case]
    if call is not None:
        with pytest.raises(UsageError) as raised:
            call()
        assert raised.value.message == message
        assert raised.value.parameter == parameter
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"expert: {line}\n")
    assert sorted(path.name for path in catalogue.iterdir()) == ["cat.csv", "cat.txt"]
