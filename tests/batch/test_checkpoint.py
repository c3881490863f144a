"""Tests of expert.batch.checkpoint through `expert batch`: nothing of an interrupted run is trusted
on resumption, and a run interrupted by any signal, with or without workers, resumes to the
bytes of an uninterrupted one and leaves no process behind."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import TINY_RULES, write_base

import expert
from expert.batch import run as batch
from expert.batch.checkpoint import Checkpoint
from expert.cli import main
from expert.headphones.sample import sample_catalogue, write_catalogue


def run(capsys, *argv):
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def interrupted(monkeypatch, capsys, argv: list, chunks: int) -> None:
    """Run a batch in this process and stop it with Ctrl-C after ``chunks`` chunks."""
    real, done = Checkpoint.add, []

    def add(self, *args, **kwargs):
        real(self, *args, **kwargs)
        done.append(1)
        if len(done) == chunks:
            raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Checkpoint, "add", add)
        code, _, err = run(capsys, *argv)
    assert code == 130 and "--resume" in err, err


def reseal(data: dict) -> None:
    """Give an edited sidecar a matching checksum, as a careful forger would."""
    content = {key: value for key, value in data.items() if key != "checksum"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"))
    data["checksum"] = hashlib.sha256(text.encode()).hexdigest()


def _edit(change, sealed=False):
    def damage(sidecar: Path, partial: Path) -> None:
        data = json.loads(sidecar.read_text())
        change(data)
        if sealed:
            reseal(data)
        sidecar.write_text(json.dumps(data))

    return damage


def _write(which: str, content):
    def damage(sidecar: Path, partial: Path) -> None:
        path = sidecar if which == "sidecar" else partial
        path.write_bytes(content(path) if callable(content) else content)

    return damage


def _garbage(path: Path) -> bytes:
    return b"x" * path.stat().st_size


DAMAGE = {
    "offset off by 7": (_edit(lambda d: d.update(offset=d["offset"] + 7)), "edited"),
    "offset off by 7, resealed": (
        _edit(lambda d: d.update(offset=d["offset"] + 7), sealed=True), "does not end line",
    ),
    "negative offset": (_edit(lambda d: d.update(offset=-1), sealed=True), "`offset`"),
    "huge offset": (_edit(lambda d: d.update(offset=10**30), sealed=True), "past the end"),
    "string offset": (_edit(lambda d: d.update(offset="12"), sealed=True), "`offset`"),
    "missing field": (_edit(lambda d: d.pop("lines"), sealed=True), "missing lines"),
    "lines off by one": (
        _edit(lambda d: d.update(lines=d["lines"] + 1), sealed=True), "does not end line",
    ),
    "counts that do not add up": (
        _edit(lambda d: d["extra"].update(rows=d["extra"]["rows"] + 5), sealed=True),
        "do not add up",
    ),
    "counts of the wrong type": (
        _edit(lambda d: d["extra"].update(rejected=[]), sealed=True), "bad rejected",
    ),
    "extra missing a count": (
        _edit(lambda d: d["extra"].pop("verdicts"), sealed=True), "not a batch summary",
    ),
    "another version": (_edit(lambda d: d.update(version=1), sealed=True), "version 1"),
    "a bad checksum field": (_edit(lambda d: d.update(output_sha256=5), sealed=True), "SHA-256"),
    "partial overwritten with garbage of the same size": (
        _write("partial", _garbage), "is not what the interrupted run wrote",
    ),
    "partial cut short": (
        _write("partial", lambda p: p.read_bytes()[:-3]), "is not what the interrupted run",
    ),
    "partial missing": (lambda sidecar, partial: partial.unlink(), "is missing"),
    "sidecar not JSON": (_write("sidecar", b"{not json"), "is unreadable"),
    "sidecar nested deeply": (_write("sidecar", b"[" * 100_000), "is unreadable"),
    "sidecar of two megabytes": (_write("sidecar", b" " * (2 << 20) + b"{}"), "limit"),
    "sidecar an array": (_write("sidecar", b"[1, 2]"), "not a JSON object"),
}  # fmt: skip


def _whole(directory: Path, rows: int, chunk: int) -> tuple[Path, bytes, bytes]:
    source = directory / "cat.csv"
    write_catalogue(source, sample_catalogue(rows, seed=11, junk=0.03))
    target = directory / "whole.jsonl"
    assert main(["batch", str(source), "-o", str(target), "--chunk-size", str(chunk)]) == 0
    return source, target.read_bytes(), (directory / "whole.jsonl.errors.jsonl").read_bytes()


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> tuple[Path, bytes, bytes]:
    """A catalogue with junk rows and the output and errors of an uninterrupted run."""
    return _whole(tmp_path_factory.mktemp("whole"), 1000, 50)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, bytes, bytes]:
    """The same for a catalogue of 200 rows in chunks of 20."""
    return _whole(tmp_path_factory.mktemp("small"), 200, 20)


def _listing(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.mark.parametrize("case", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_interrupted_run_is_refused_saying_how_to_start_over(
    capsys, monkeypatch, tmp_path, small, case
):
    """Resuming from a damaged sidecar or partial file is exit 2 with one line, and touches
    nothing; deleting what it names starts a run equal to an uninterrupted one."""
    source, whole, whole_errors = small
    (tmp_path / "cat.csv").write_bytes(source.read_bytes())
    monkeypatch.chdir(tmp_path)
    argv = ["batch", "cat.csv", "-o", "out.jsonl", "--chunk-size", "20"]
    interrupted(monkeypatch, capsys, argv, chunks=3)
    damage, expected = DAMAGE[case]
    damage(tmp_path / "out.jsonl.partial.json", tmp_path / "out.jsonl.partial")
    before = _listing(tmp_path)
    code, out, err = run(capsys, *argv, "--resume")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert expected in err and "out.jsonl.partial and " in err and "to start over" in err
    assert _listing(tmp_path) == before
    for name in ("out.jsonl.partial", "out.jsonl.partial.json"):
        (tmp_path / name).unlink(missing_ok=True)
    assert run(capsys, *argv, "--resume")[0] == 0
    assert (tmp_path / "out.jsonl").read_bytes() == whole
    assert (tmp_path / "out.jsonl.errors.jsonl").read_bytes() == whole_errors


# Every format and moment in one process; one of each with workers and on Dask.
RESUMES = [
    *[("jsonl", 1, "serial"), ("jsonl", 7, "serial"), ("csv", 1, "serial"), ("csv", 7, "serial")],
    ("csv", 7, "workers-2"),
    pytest.param("jsonl", 1, "dask", marks=pytest.mark.dask),
]


@pytest.mark.parametrize(("fmt", "chunks", "lanes"), RESUMES, indirect=["lanes"])
def test_resume_after_ctrl_c_equals_an_uninterrupted_run(
    capsys, monkeypatch, tmp_path, small, fmt, chunks, lanes
):
    """Stopped after any chunk, here, on workers or on Dask, a resumed run writes the bytes
    of an uninterrupted one."""
    source, _, _ = small
    argv = ["batch", source, "--chunk-size", "20"]
    assert run(capsys, *argv, "-o", tmp_path / f"whole.{fmt}")[0] == 0
    target = tmp_path / f"out.{fmt}"
    interrupted(monkeypatch, capsys, [*argv, "-o", target, *lanes], chunks)
    assert not target.exists()
    code, out, _ = run(capsys, *argv, "-o", target, "--resume", *lanes)
    assert code == 0 and "resumed after" in out
    assert target.read_bytes() == (tmp_path / f"whole.{fmt}").read_bytes()
    errors = (tmp_path / f"whole.{fmt}.errors.jsonl").read_bytes()
    assert (tmp_path / f"out.{fmt}.errors.jsonl").read_bytes() == errors
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == [
        f"out.{fmt}", f"out.{fmt}.errors.jsonl",
    ]  # fmt: skip


def _rewrite_keeping_time(source: Path) -> None:
    """Change a byte the interrupted run read, keeping the file's size and time."""
    info = source.stat()
    data = bytearray(source.read_bytes())
    at = data.index(b"headset", 300)
    data[at : at + 7] = b"HEADSET"
    source.write_bytes(bytes(data))
    os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns))


def _replace_by_a_copy(source: Path) -> None:
    """Put a copy of the same bytes in its place (another inode)."""
    copy = source.with_name("copy.csv")
    copy.write_bytes(source.read_bytes())
    os.replace(copy, source)


def _append_a_row(source: Path) -> None:
    with open(source, "ab") as handle:
        handle.write(b"SKU-X,headset,boom" + b"," * 17 + b"\n")


INPUT_CHANGES = {
    "a row appended": (_append_a_row, "size 1"),
    "a byte rewritten, size and time kept": (_rewrite_keeping_time, "does not hold what the"),
    "replaced by a copy of itself": (_replace_by_a_copy, "another file under the same name"),
}


@pytest.mark.parametrize("change", INPUT_CHANGES)
def test_resume_refuses_another_input_or_other_settings(
    capsys, monkeypatch, tmp_path, small, change
):
    """A resumed run must read the same file (path, size, time, inode), holding the bytes
    the interrupted run read, with the same settings; each refusal says what differs."""
    source = tmp_path / "cat.csv"
    source.write_bytes(small[0].read_bytes())
    argv = ["batch", source, "-o", tmp_path / "out.jsonl", "--chunk-size", "20"]
    interrupted(monkeypatch, capsys, argv, chunks=2)
    code, _, err = run(capsys, *argv, "--resume", "--ignore", "weight")
    assert code == 2 and "other settings (ignore)" in err and "start over" in err
    alter, expected = INPUT_CHANGES[change]
    alter(source)
    code, out, err = run(capsys, *argv, "--resume")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert expected in err and "cannot resume: the input" in err and "to start over" in err


def _edit(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\n# edited\n")


BASE_CHANGES = {
    "a rule file edited": (lambda kb: _edit(kb / "tiny.toml"), "changed tiny.toml"),
    "the vocabulary edited": (lambda kb: _edit(kb / "vocabulary.toml"), "changed vocabulary"),
    "an article edited": (lambda kb: _edit(kb / "articles" / "kania.txt"), "articles/kania.txt"),
    "a topic added": (
        lambda kb: (kb / "more.toml").write_text('summary = "more"\n'), "added more.toml",
    ),
    "a file removed": (lambda kb: (kb / "extra.toml").unlink(), "removed extra.toml"),
}  # fmt: skip


@pytest.mark.parametrize("change", BASE_CHANGES)
def test_resume_refuses_other_rules_saying_what_changed(
    capsys, monkeypatch, tmp_path, small, change
):
    """The progress file pins every file the knowledge base was read from: a resume on a
    base edited, added to or cut is exit 2 naming the files, touching nothing; on the
    base put back it writes the bytes of an uninterrupted run."""
    kb = write_base(tmp_path / "kb", {"tiny": TINY_RULES, "extra": 'summary = "extra"\n'})
    saved = {path: path.read_bytes() for path in kb.rglob("*") if path.is_file()}
    out = tmp_path / "run"
    out.mkdir()
    argv = ["--rules", kb, "batch", small[0], "--chunk-size", "20", "-o"]
    assert run(capsys, *argv, tmp_path / "whole.jsonl")[0] == 0
    whole = (tmp_path / "whole.jsonl").read_bytes()
    whole_errors = (tmp_path / "whole.jsonl.errors.jsonl").read_bytes()
    argv.append(out / "out.jsonl")
    interrupted(monkeypatch, capsys, argv, chunks=3)
    alter, expected = BASE_CHANGES[change]
    alter(kb)
    before = _listing(out)
    code, text, err = run(capsys, *argv, "--resume")
    assert code == 2 and text == "" and len(err.splitlines()) == 1, err
    assert "judged by other rules: the knowledge base changed since" in err
    assert expected in err and "to start over" in err
    assert _listing(out) == before
    (kb / "more.toml").unlink(missing_ok=True)
    for path, data in saved.items():
        path.write_bytes(data)
    assert run(capsys, *argv, "--resume")[0] == 0
    assert (out / "out.jsonl").read_bytes() == whole
    assert (out / "out.jsonl.errors.jsonl").read_bytes() == whole_errors


def test_resume_refuses_another_version_of_the_package(capsys, monkeypatch, tmp_path, small):
    """A run interrupted under one version of expert is not resumed by another."""
    argv = ["batch", small[0], "-o", tmp_path / "out.jsonl", "--chunk-size", "20"]
    interrupted(monkeypatch, capsys, argv, chunks=2)
    monkeypatch.setattr(batch, "__version__", "99.0")
    code, _, err = run(capsys, *argv, "--resume")
    assert code == 2 and len(err.splitlines()) == 1
    assert f"made by expert {expert.__version__}, this is expert 99.0" in err
    assert "to start over" in err


def _cut(source: Path) -> None:
    """Cut the catalogue to its first 60 lines, as `head -60 > cat.csv` would."""
    lines = source.read_bytes().splitlines(keepends=True)
    source.write_bytes(b"".join(lines[:60]))


INPUT_REWRITES = {
    "cut short": (_cut, "size 1"),
    "grown": (_append_a_row, "size 1"),
    "replaced": (_replace_by_a_copy, "another file under the same name"),
    "rewritten in place, size and time kept": (_rewrite_keeping_time, "its bytes are not those"),
}
REWRITES = [
    *[(case, "serial") for case in INPUT_REWRITES],
    ("cut short", "workers-2"),
    pytest.param("cut short", "dask", marks=pytest.mark.dask),
]


@pytest.mark.parametrize(("change", "lanes"), REWRITES, indirect=["lanes"])
def test_an_input_rewritten_during_a_run_fails_it_and_says_so(
    capsys, monkeypatch, tmp_path, small, change, lanes
):
    """A catalogue changed while a batch reads it fails the batch with exit 1 and one line;
    nothing is put in place, and the partial state says so: neither --resume nor a new run
    takes it, until it is deleted."""
    source = tmp_path / "cat.csv"
    source.write_bytes(small[0].read_bytes())
    argv = ["batch", source, "-o", tmp_path / "out.jsonl", "--chunk-size", "20", *lanes]
    alter, expected = INPUT_REWRITES[change]
    real, done = Checkpoint.add, []

    def add(self, *args, **kwargs):
        real(self, *args, **kwargs)
        done.append(1)
        if len(done) == 2:
            alter(source)

    with monkeypatch.context() as patch:
        patch.setattr(Checkpoint, "add", add)
        code, out, err = run(capsys, *argv)
    assert code == 1 and out == "" and len(err.splitlines()) == 1, err
    assert f"the input {source} changed while the batch ran" in err and expected in err
    assert "to start over" in err and not (tmp_path / "out.jsonl").exists()
    sidecar = json.loads((tmp_path / "out.jsonl.partial.json").read_text())
    assert "changed while the batch ran" in sidecar["failed"]
    for again, says in ((["--resume"], "the interrupted run failed"), ([], "holds a failed run")):
        code, _, err = run(capsys, *argv, *again)
        assert code == 2 and says in err and "to start over" in err, err
    for name in ("out.jsonl.partial", "out.jsonl.partial.json"):
        (tmp_path / name).unlink()
    assert run(capsys, *argv)[0] == 0


def test_a_run_stopped_between_its_final_renames_resumes(capsys, monkeypatch, tmp_path):
    """Killed after renaming its files but before removing the sidecar, a run resumes to
    the same files; an unrelated file where the output goes is never taken for it."""
    source = tmp_path / "cat.jsonl"
    write_catalogue(source, sample_catalogue(40, seed=3, fmt="jsonl"))
    argv = ["batch", source, "-o", tmp_path / "o.jsonl", "--chunk-size", "10"]
    assert run(capsys, *argv)[0] == 0
    whole = (tmp_path / "o.jsonl").read_bytes()
    (tmp_path / "o.jsonl").unlink()
    real = Path.unlink

    def unlink(self, *args, **kwargs):
        if self.name == "o.jsonl.partial.json":
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "unlink", unlink)
        assert run(capsys, *argv)[0] == 130
    assert (tmp_path / "o.jsonl").read_bytes() == whole
    assert run(capsys, *argv, "--resume")[0] == 0
    assert (tmp_path / "o.jsonl").read_bytes() == whole
    assert not (tmp_path / "o.jsonl.partial.json").exists()


def _wait_for_progress(sidecar: Path, process: subprocess.Popen, lines: int) -> None:
    """Wait until the sidecar records at least ``lines`` lines done (at most 60 s)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the batch finished before it could be interrupted"
        try:
            if json.loads(sidecar.read_text("utf-8"))["lines"] >= lines:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    raise AssertionError("the batch made no progress in 60 s")


# Each signal once (SIGTERM and SIGKILL with workers, whose clean-up they test too): the
# serial SIGTERM path is the one Ctrl-C takes, the serial SIGKILL one the workers' parent's.
SIGNALS = [("SIGINT", 1, 130), ("SIGTERM", 2, 143), ("SIGKILL", 2, -9)]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("name", "workers", "status"), SIGNALS,
                         ids=[f"{n}-workers-{w}" for n, w, _ in SIGNALS])  # fmt: skip
def test_a_signalled_run_leaves_no_process_and_resumes_byte_for_byte(
    capsys, tmp_path, catalogue, name, workers, status
):
    """Every signal that ends the batch ends its workers (stdout closes: nobody holds it),
    leaves its files resumable and, while it runs, keeps a second run off its output."""
    source, whole, whole_errors = catalogue
    target = tmp_path / "out.jsonl"
    argv = ["batch", source, "-o", target, "--chunk-size", "50"]
    process = subprocess.Popen(
        [sys.executable, "-m", "expert", *map(str, argv), "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait_for_progress(tmp_path / "out.jsonl.partial.json", process, 150)
        # Stopped at once (hundreds of rows before its end), it cannot finish before the
        # signal reaches it, however slow this machine is.
        process.send_signal(signal.SIGSTOP)
        code, _, err = run(capsys, *argv, "--resume")
        assert code == 2 and f"another run (process {process.pid}) is writing" in err
        process.send_signal(getattr(signal, name))
        process.send_signal(signal.SIGCONT)
        out, err = process.communicate(timeout=60)  # returns once every holder of the pipes exits
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == status, err
    if name != "SIGKILL":
        assert err.decode() == "expert: interrupted; continue the batch with --resume\n"
    assert not target.exists()
    code, out, _ = run(capsys, *argv, "--resume")
    assert code == 0 and "resumed after" in out
    assert target.read_bytes() == whole
    assert (tmp_path / "out.jsonl.errors.jsonl").read_bytes() == whole_errors
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "out.jsonl",
        "out.jsonl.errors.jsonl",
    ]


# -- signals at random moments ----------------------------------------------------------------

#: Runs of the stress test: each signal at each moment (and two more), with a seeded choice of
#: workers and of the line it is sent at.
STRESS_RUNS = 8

#: How long a signalled batch may take to end, every process of it included, in seconds
#: (stopping workers is bounded by twice expert.batch.workers.GRACE; the rest is exiting).
ENDS_WITHIN = 6.0


def _progress(sidecar: Path) -> int:
    try:
        return json.loads(sidecar.read_text("utf-8"))["lines"]
    except (OSError, ValueError, KeyError):
        return -1


def _signal_at_random(directory: Path, source: Path, kb: Path, seed: int) -> dict:
    """Start a batch, signal it at a seeded moment, and say how it ended."""
    rng = random.Random(seed)
    name, workers = ("SIGINT", "SIGTERM")[seed % 2], rng.choice((1, 2, 2))
    moment = ("starting", "mid-chunk", "finishing")[seed // 2 % 3]
    lines = {"starting": None, "mid-chunk": rng.randrange(20, 160), "finishing": 180}[moment]
    target = directory / "out.jsonl"
    argv = ["--rules", kb, "batch", source, "-o", target, "--chunk-size", "20"]
    process = subprocess.Popen(
        [sys.executable, "-m", "expert", *map(str, argv), "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        lock = directory / "out.jsonl.partial.lock"
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if lines is None and lock.exists() or lines and _progress(target.with_name(
                "out.jsonl.partial.json")) >= lines:  # fmt: skip
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        sent = time.monotonic()
        process.send_signal(getattr(signal, name))
        out, err = process.communicate(timeout=60)  # once every holder of the pipes exits
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    return {"run": (seed, name, workers, moment), "argv": argv, "status": process.returncode,
            "signum": getattr(signal, name), "took": took, "err": err.decode()}  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_signals_at_random_moments_end_the_run_at_once_and_leave_it_resumable(capsys, tmp_path):
    """SIGTERM or SIGINT at seeded random moments (starting, mid-chunk, finishing), with
    and without workers: every run ends within a few seconds with nothing left running,
    and its resumption writes the bytes of an uninterrupted run."""
    kb = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    source = tmp_path / "cat.csv"
    write_catalogue(source, sample_catalogue(200, seed=13, junk=0.03))
    assert (
        main(["--rules", str(kb), "batch", str(source), "-o", str(tmp_path / "whole.jsonl")]) == 0
    )
    capsys.readouterr()
    whole = (tmp_path / "whole.jsonl").read_bytes()
    whole_errors = (tmp_path / "whole.jsonl.errors.jsonl").read_bytes()
    directories = [tmp_path / f"run{seed}" for seed in range(STRESS_RUNS)]
    for directory in directories:
        directory.mkdir()
    # Four at a time: most of a run is waiting for processes to start.
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(_signal_at_random, directories, [source] * STRESS_RUNS,
                             [kb] * STRESS_RUNS, range(STRESS_RUNS)))  # fmt: skip
    for directory, done in zip(directories, runs, strict=True):
        signum = done["signum"]
        assert done["took"] < ENDS_WITHIN, done
        assert done["status"] in (0, 128 + signum, -signum), done
        if done["status"] == 128 + signum:
            assert done["err"] == "expert: interrupted; continue the batch with --resume\n", done
        assert "Traceback" not in done["err"], done
        code, _, err = run(capsys, *done["argv"], "--resume")
        assert code == 0, (done, err)
        assert (directory / "out.jsonl").read_bytes() == whole, done
        assert (directory / "out.jsonl.errors.jsonl").read_bytes() == whole_errors, done
        assert sorted(path.name for path in directory.iterdir()) == [
            "out.jsonl", "out.jsonl.errors.jsonl",
        ], done  # fmt: skip
    stopped = [done for done in runs if done["status"] != 0]
    assert len(stopped) >= STRESS_RUNS // 2, runs  # most signals land while the batch runs
