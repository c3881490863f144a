"""Tests of expert.batch.files through `expert batch`: every output is checked against every input
and every other output before any work starts, a refused start creates nothing, and one
output is written by one run at a time."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import TINY_RULES, write_base

from expert._support.paths import read_regular
from expert.batch import BatchOptions, run_batch
from expert.batch.files import RunFiles, locked
from expert.cli import main
from expert.headphones.sample import sample_catalogue, write_catalogue


def run(capsys, *argv):
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def listing(directory: Path) -> dict[str, bytes | str]:
    """Every entry of a directory tree: a file's bytes, a link's target, or ``dir``."""
    found: dict[str, bytes | str] = {}
    for path in sorted(directory.rglob("*")):
        name = str(path.relative_to(directory))
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "dir"
    return found


@pytest.fixture
def work(tmp_path, monkeypatch) -> Path:
    """A working directory holding a catalogue ``cat.csv``, a JSONL one and a tiny base."""
    monkeypatch.chdir(tmp_path)
    write_catalogue(tmp_path / "cat.csv", sample_catalogue(30, seed=5))
    write_catalogue(tmp_path / "cat.jsonl", sample_catalogue(30, seed=5, fmt="jsonl"))
    write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    os.link(tmp_path / "cat.csv", tmp_path / "hard.csv")
    os.symlink("cat.csv", tmp_path / "link.csv")
    (tmp_path / "sub").mkdir()
    return tmp_path


CLASHES = {
    "output is the input": (["cat.csv", "-o", "cat.csv"], "the output cat.csv", "the input"),
    "output is the input by another name": (
        ["cat.csv", "-o", "sub/../cat.csv"], "would overwrite the input", "cat.csv",
    ),
    "output is a hard link to the input": (
        ["cat.csv", "-o", "hard.csv"], "the output hard.csv", "the input cat.csv",
    ),
    "output is a symbolic link to the input": (
        ["cat.csv", "-o", "link.csv"], "would overwrite the input cat.csv", "cat.csv",
    ),
    "errors file is the input": (
        ["cat.csv", "-o", "o.jsonl", "--errors", "cat.csv"], "the errors file cat.csv",
        "the input cat.csv",
    ),
    "errors file is the output": (
        ["cat.csv", "-o", "o.jsonl", "--errors", "o.jsonl"], "the output o.jsonl",
        "the errors file o.jsonl",
    ),
    "errors file is the partial output": (
        ["cat.csv", "-o", "o.jsonl", "--errors", "o.jsonl.partial"],
        "the errors file o.jsonl.partial", "the partial output o.jsonl.partial",
    ),
    "errors file is the progress file": (
        ["cat.csv", "-o", "o.jsonl", "--errors", "o.jsonl.partial.json"],
        "the errors file o.jsonl.partial.json", "the progress file o.jsonl.partial.json",
    ),
    "partial errors are the output": (
        ["cat.csv", "-o", "e.jsonl.partial", "--errors", "e.jsonl", "--output-format", "jsonl"],
        "the output e.jsonl.partial", "the partial errors file e.jsonl.partial",
    ),
    "input is the partial output": (
        ["o.jsonl.partial", "-o", "o.jsonl", "--input-format", "jsonl"],
        "the partial output o.jsonl.partial", "would overwrite the input o.jsonl.partial",
    ),
    "output is a rule file": (
        ["--rules", "kb", "batch", "cat.csv", "-o", "kb/tiny.toml", "--output-format", "csv"],
        "the output kb/tiny.toml", "the rule file kb/tiny.toml",
    ),
    "output is an article": (
        ["--rules", "kb", "batch", "cat.csv", "-o", "kb/articles/kania.txt",
         "--output-format", "jsonl"],
        "the output kb/articles/kania.txt", "the article kb/articles/kania.txt",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CLASHES, ids=list(CLASHES))
def test_an_output_that_is_an_input_or_another_output_is_refused(capsys, work, case):
    """Exit 2 with one line naming both paths, before any file is written or created."""
    argv, first, second = CLASHES[case]
    if argv[0] == "o.jsonl.partial":
        (work / "o.jsonl.partial").write_bytes((work / "cat.jsonl").read_bytes())
    before = listing(work)
    argv = argv if argv[0] == "--rules" else ["batch", *argv]
    code, out, err = run(capsys, *argv)
    assert code == 2, err
    assert len(err.splitlines()) == 1 and err.startswith("expert: ") and out == ""
    assert first in err and second in err and "give another path" in err
    assert listing(work) == before


def test_a_catalogue_is_never_its_own_partial_output(capsys, work):
    """``-o cat.jsonl.partial`` writes ``cat.jsonl.partial.partial``: allowed, input intact."""
    before = (work / "cat.jsonl").read_bytes()
    code, _, err = run(capsys, "batch", "cat.jsonl", "-o", "cat.jsonl.partial",
                       "--output-format", "jsonl")  # fmt: skip
    assert code == 0, err
    assert (work / "cat.jsonl").read_bytes() == before


@pytest.mark.parametrize("kind", ["directory", "device", "fifo", "dangling dir"])
def test_an_output_that_is_not_a_regular_file_is_refused_before_any_work(capsys, work, kind):
    """A directory, a device or a FIFO as output (or errors file) is exit 2 at once."""
    if kind == "directory":
        argv, expected = ["-o", "sub"], "the output sub is a directory"
    elif kind == "device":
        argv, expected = ["-o", "o.jsonl", "--errors", os.devnull], "is a device"
    elif kind == "fifo":
        os.mkfifo(work / "pipe.jsonl")
        argv, expected = ["-o", "pipe.jsonl"], "the output pipe.jsonl is a pipe"
    else:
        argv, expected = ["-o", "gone/o.jsonl"], "there is no directory"
    before = listing(work)
    code, _, err = run(capsys, "batch", "cat.csv", "--output-format", "jsonl", *argv)
    assert code == 2 and expected in err and len(err.splitlines()) == 1, err
    assert listing(work) == before


@contextlib.contextmanager
def descriptor_on(number: int, descriptor: int):
    """Point this process's descriptor ``number`` (1: standard output) at ``descriptor``."""
    saved = os.dup(number)
    os.dup2(descriptor, number)
    try:
        yield
    finally:
        os.dup2(saved, number)
        os.close(saved)


STREAM_OUTPUTS = {
    "-o /dev/stdout on a pipe": (1, "pipe", ["-o", "/dev/stdout"], "the output /dev/stdout is a pipe"),
    "-o /dev/stdout on a file": (1, "file", ["-o", "/dev/stdout"], "is this command's standard output"),
    "-o naming the file stdout goes to": (
        1, "file", ["-o", "shown.jsonl"], "shown.jsonl is this command's standard output",
    ),
    "--errors /dev/stderr on a pipe": (
        2, "pipe", ["-o", "o.jsonl", "--errors", "/dev/stderr"], "the errors file /dev/stderr is a pipe",
    ),
    "--errors /dev/stderr on a file": (
        2, "file", ["-o", "o.jsonl", "--errors", "/dev/stderr"], "is this command's standard error",
    ),
}  # fmt: skip


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
@pytest.mark.parametrize("case", STREAM_OUTPUTS)
def test_an_output_on_a_standard_stream_is_refused_saying_why(capsys, work, case):
    """An output that is a pipe, or the very file standard output or error goes to (where
    the summary would be lost when the finished file is renamed into place), is refused
    with exit 2 and one line saying why, before anything is written."""
    number, kind, argv, expected = STREAM_OUTPUTS[case]
    if kind == "pipe":
        reader, writer = os.pipe()
    else:
        reader, writer = -1, os.open(work / "shown.jsonl", os.O_WRONLY | os.O_CREAT, 0o644)
    before = listing(work)
    try:
        with descriptor_on(number, writer):
            code, out, err = run(capsys, "batch", "cat.csv", "--output-format", "jsonl", *argv)
    finally:
        for descriptor in (reader, writer):
            if descriptor >= 0:
                os.close(descriptor)
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert expected in err and "renames them into place" in err
    assert listing(work) == before


def test_a_symlinked_output_is_written_through(capsys, work):
    """An output that is a link keeps the link; the file it points to gets the rows."""
    (work / "real.jsonl").write_text("old\n")
    os.symlink("real.jsonl", work / "out.jsonl")
    os.symlink("sub/errors.jsonl", work / "errs.jsonl")  # dangling: created through it
    code, _, err = run(capsys, "batch", "cat.csv", "-o", "out.jsonl", "--errors", "errs.jsonl")
    assert code == 0, err
    assert os.readlink(work / "out.jsonl") == "real.jsonl"
    assert os.readlink(work / "errs.jsonl") == "sub/errors.jsonl"
    assert (work / "real.jsonl").read_text().count("\n") == 30
    assert (work / "sub" / "errors.jsonl").read_bytes() == b""
    assert not list(work.rglob("*.partial*")) and not list(work.rglob("*.lock"))


REFUSALS = {
    "errors in a missing directory": ["-o", "o.jsonl", "--errors", "no/such/dir/e.jsonl"],
    "output in a missing directory": ["-o", "no/o.jsonl"],
    "unknown id column": ["-o", "o.jsonl", "--id-column", "sku"],
    "bad workers": ["-o", "o.jsonl", "--workers", "0"],
    "huge chunk size": ["-o", "o.jsonl", "--chunk-size", str(10**400)],
    "unknown format": ["-o", "o.txt"],
    "output is the input": ["-o", "cat.csv"],
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_a_refused_start_creates_nothing_and_the_corrected_rerun_runs(capsys, work, case):
    """A start refused with exit 2 leaves no file behind to block the corrected run."""
    before = listing(work)
    code, _, err = run(capsys, "batch", "cat.csv", *REFUSALS[case])
    assert code == 2 and len(err.splitlines()) == 1, err
    assert listing(work) == before
    code, out, err = run(capsys, "batch", "cat.csv", "-o", "o.jsonl")
    assert code == 0 and "30 rows" in out, err


def test_a_refused_read_of_a_pipe_as_input_waits_for_nothing(capsys, work):
    """A FIFO as input is refused at once (it could not be read again to resume)."""
    os.mkfifo(work / "in.csv")
    code, _, err = run(capsys, "batch", "in.csv", "-o", "o.jsonl")
    assert code == 2 and "not a regular file" in err and len(err.splitlines()) == 1
    assert not (work / "o.jsonl.partial").exists()


def test_a_second_run_on_a_locked_output_exits_2_at_once(capsys, work):
    """While a run holds an output, another run on it (under any name) is refused."""
    os.symlink("o.jsonl", work / "alias.jsonl")
    before = listing(work)
    with locked(RunFiles.of(work / "o.jsonl").locks()):
        for argv in (
            ["-o", "o.jsonl"],
            ["-o", "alias.jsonl", "--resume"],
            ["-o", "other.jsonl", "--errors", "o.jsonl"],  # its errors are that output
        ):
            code, _, err = run(capsys, "batch", "cat.csv", *argv)
            assert code == 2 and len(err.splitlines()) == 1, err
            assert f"another run (process {os.getpid()}) is writing" in err
            assert "o.jsonl" in err
    assert listing(work) == before  # the refused runs left nothing; the lock is gone
    assert run(capsys, "batch", "cat.csv", "-o", "o.jsonl")[0] == 0


def test_read_regular_refuses_devices_pipes_and_big_files(tmp_path):
    """Bounded reads: /dev/zero and FIFOs are refused without reading; big files by size."""
    with pytest.raises(ValueError, match="not a regular file"):
        read_regular(os.devnull, 10)
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(ValueError, match="a pipe"):
        read_regular(tmp_path / "fifo", 10)
    (tmp_path / "big").write_bytes(b"x" * 11)
    with pytest.raises(ValueError, match="larger than the limit of 10 bytes"):
        read_regular(tmp_path / "big", 10)
    assert read_regular(tmp_path / "big", 11) == b"x" * 11


def test_the_python_api_refuses_the_same_clashes(tmp_path):
    """run_batch raises UsageError for an output that is its input, as the CLI exits 2."""
    from expert import UsageError

    source = tmp_path / "cat.csv"
    write_catalogue(source, sample_catalogue(3))
    with pytest.raises(UsageError, match="would overwrite the input"):
        run_batch(source, source, BatchOptions(output_format="csv"))


def test_two_processes_on_one_output_one_is_refused(tmp_path):
    """Two `expert batch` processes on one output: the second exits 2 with one line."""
    source = tmp_path / "cat.csv"
    write_catalogue(source, sample_catalogue(20))
    target = tmp_path / "o.jsonl"
    command = [sys.executable, "-m", "expert", "batch", str(source), "-o", str(target)]
    with locked(RunFiles.of(target).locks()):  # the first run, held open
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1 and "another run" in done.stderr


def test_other_writers_write_through_links_and_refuse_what_is_not_a_file(capsys, work):
    """sample-catalogue -o and the shell's save keep a symlinked target's link and refuse a
    directory or device (they used to rename over it)."""
    from expert.shell import Shell

    os.symlink("real.csv", work / "sample.csv")
    assert run(capsys, "sample-catalogue", "5", "-o", "sample.csv")[0] == 0
    assert os.readlink(work / "sample.csv") == "real.csv"
    assert (work / "real.csv").read_bytes().count(b"\n") == 6
    code, _, err = run(capsys, "sample-catalogue", "5", "-o", "sub", "--format", "csv")
    assert code == 2 and "not a regular file" in err and (work / "sub").is_dir()
    os.symlink("facts-real.json", work / "facts.json")
    shell = Shell()
    shell.execute("set mic boom")
    assert shell.execute("save facts.json") == "saved 1 facts to facts.json\n"
    assert os.readlink(work / "facts.json") == "facts-real.json"
    assert '"mic": "boom"' in (work / "facts-real.json").read_text()
    output = shell.execute("save sub")
    assert output.startswith("error: cannot save to sub: not a regular file")
