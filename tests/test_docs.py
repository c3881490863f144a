"""The documentation's examples run and print what the pages say they print.

Every page of ``docs/`` is one test. Its fenced blocks run in page order:

- ``pycon`` blocks are doctests (``>>>`` lines and their output);
- ``python`` blocks are executed; both share one namespace per page, like one session;
- ``console`` blocks are shell sessions: each ``$ `` line (with its ``> `` continuation lines)
  runs in bash, with the installed ``expert`` script and this Python first on ``PATH``; its
  output, standard error included, must match the lines that follow.

All blocks of a page run in one scratch copy of the project made for the page (``rules/``,
``features/``, ``tests/``, ``docs/examples/``, ``setup.cfg``, ``pyproject.toml``): a file a
command writes is there for the Python examples that follow, and the other way round.

Expected output is compared as doctest does, with ``ELLIPSIS`` (``...`` stands for any text,
so a page may show only the key lines) and ``NORMALIZE_WHITESPACE``. A command must exit 0;
one that is meant to fail is shown as ``expert ...; echo "exit $?"``. Other blocks (``bash``
install steps, ``toml``, ``gherkin``, ``text``) are shown, not run.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SCRATCH = ("rules", "features", "tests", "docs/examples", "setup.cfg", "pyproject.toml")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,})(?P<info>[^`]*)$")


def pages() -> list[Path]:
    """The Markdown pages of docs/, without the build output and the generated pages."""
    skip = {"_build", "_generated", "_ext"}
    return sorted(p for p in DOCS.rglob("*.md") if not skip & set(p.relative_to(DOCS).parts))


@attrs.frozen
class Block:
    """One fenced block: its language, its text and the line its text starts on."""

    language: str
    text: str
    line: int


def blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown page (a MyST directive's info starts with ``{``)."""
    found: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        index += 1
        if not opening:
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        body: list[str] = []
        start = index + 1
        while index < len(lines) and lines[index].strip() != fence:
            body.append(lines[index][indent:])
            index += 1
        index += 1
        found.append(Block(opening["info"].strip().split(" ")[0], "\n".join(body) + "\n", start))
    return found


def commands(block: Block) -> list[tuple[str, str, int]]:
    """(command, expected output, line) of each ``$ `` command of a console block."""
    out: list[tuple[str, list[str], list[str], int]] = []
    for number, line in enumerate(block.text.splitlines(), block.line):
        if line.startswith("$ "):
            out.append((line[2:], [], [], number))
        elif not out:
            raise AssertionError(f"line {number}: console output before any $ command")
        elif (line.startswith("> ") or line == ">") and not out[-1][2]:
            out[-1][1].append(line[2:])
        else:
            out[-1][2].append(line)
    return [("\n".join([c, *more]), "\n".join(want), n) for c, more, want, n in out]


def _environment(home: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def _scratch(tmp_path: Path) -> Path:
    work = tmp_path / "project"
    work.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
    for name in SCRATCH:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, work / name)
    return work


def _where(page: Path, line: int) -> str:
    return f"{page.relative_to(ROOT)}:{line}"


def run_console(page: Path, block: Block, work: Path, env: dict[str, str]) -> None:
    checker = doctest.OutputChecker()
    for command, want, line in commands(block):
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
        )
        where = _where(page, line)
        assert done.returncode == 0, (
            f"{where}: `{command}` exited {done.returncode}:\n{done.stdout}"
        )
        if not checker.check_output(want + "\n", done.stdout, FLAGS):
            diff = checker.output_difference(
                doctest.Example(command, want + "\n"), done.stdout, FLAGS
            )
            pytest.fail(f"{where}: `{command}` printed something else:\n{diff}")


def run_python(page: Path, block: Block, namespace: dict) -> None:
    where = _where(page, block.line)
    if block.language == "python":
        exec(compile("\n" * (block.line - 1) + block.text, str(page), "exec"), namespace)
        return
    test = doctest.DocTestParser().get_doctest(block.text, namespace, where, str(page), block.line)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy; the next block sees these names
    if runner.failures:
        pytest.fail("".join(report))


@pytest.mark.parametrize("page", pages(), ids=lambda page: str(page.relative_to(DOCS)))
def test_examples_of_the_page_run(page: Path, tmp_path: Path, monkeypatch) -> None:
    """Each pycon/python block runs and each console command prints what the page shows."""
    home = tmp_path / "home"
    home.mkdir()
    env = _environment(home)
    work: Path | None = None
    namespace: dict = {"__name__": "__docs__"}
    monkeypatch.chdir(tmp_path)
    for block in blocks(page.read_text(encoding="utf-8")):
        if block.language not in ("pycon", "python", "console"):
            continue
        if work is None:
            work = _scratch(tmp_path)
            monkeypatch.chdir(work)
        if block.language == "console":
            run_console(page, block, work, env)
        else:
            run_python(page, block, namespace)


def test_the_example_runner_reads_console_blocks() -> None:
    """A console block splits into commands, continuation lines and expected output."""
    text = "```console\n$ cat <<'EOF'\n> a\n> EOF\na\n$ true\n```\n"
    (block,) = blocks(text)
    assert block.language == "console"
    assert commands(block) == [("cat <<'EOF'\na\nEOF", "a", 2), ("true", "", 6)]
