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

A ``{code-block}`` whose ``:caption:`` names a file (``service.py``) is what a reader saves
under that name: it is written to the scratch copy, for the blocks after it to use (``from
service import app``). Such a Python file also runs on its own, in a fresh interpreter, and
so does every pycon block of its page (:func:`test_a_saved_file_and_each_session_run_alone`):
the imports they need are on the page, in the block a reader would paste.

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
from typing import Any

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
    """One fenced block: its language, its text and the line its text starts on; for a
    ``{code-block}`` saved as a file, the file's name."""

    language: str
    text: str
    line: int
    file: str | None = None


CAPTION = re.compile(r":caption: *(?P<name>[\w.-]+\.\w+) *$")


def _directive(info: str, body: list[str], start: int) -> Block:
    """A ``{code-block} LANGUAGE`` block: its options (``:caption: service.py``) come first;
    a caption that is a file name makes it a file."""
    language = info.split()[1] if len(info.split()) > 1 else ""
    name = None
    while body and body[0].startswith(":"):
        caption = CAPTION.match(body.pop(0))
        name = caption["name"] if caption else name
        start += 1
    while body and not body[0].strip():
        body.pop(0)
        start += 1
    return Block(language, "\n".join(body) + "\n", start, name)


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
        info = opening["info"].strip()
        if info.startswith("{code-block}"):
            found.append(_directive(info, body, start))
        else:
            found.append(Block(info.split(" ")[0], "\n".join(body) + "\n", start))
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


#: Pages whose sessions run for many seconds (nested pytest runs, batches, terminals).
SLOW_PAGES = {"howto/add-a-rule.md", "howto/specs.md", "howto/own-base.md", "howto/repl.md",
              "howto/batch.md", "howto/ask.md"}  # fmt: skip


def _marked(page: Path) -> Any:
    slow = str(page.relative_to(DOCS)) in SLOW_PAGES
    return pytest.param(page, marks=pytest.mark.slow) if slow else page


@pytest.mark.parametrize(
    "page", [_marked(page) for page in pages()], ids=lambda page: str(page.relative_to(DOCS))
)
def test_examples_of_the_page_run(page: Path, tmp_path: Path, monkeypatch) -> None:
    """Each pycon/python block runs and each console command prints what the page shows."""
    home = tmp_path / "home"
    home.mkdir()
    env = _environment(home)
    work: Path | None = None
    namespace: dict = {"__name__": "__docs__"}
    monkeypatch.chdir(tmp_path)
    before = set(sys.modules)
    try:
        for block in blocks(page.read_text(encoding="utf-8")):
            if block.language not in ("pycon", "python", "console") and block.file is None:
                continue
            if work is None:
                work = _scratch(tmp_path)
                monkeypatch.chdir(work)
                monkeypatch.syspath_prepend(str(work))  # a saved file imports, as from a shell
            if block.file is not None:
                (work / block.file).write_text(block.text, encoding="utf-8")
            elif block.language == "console":
                run_console(page, block, work, env)
            else:
                run_python(page, block, namespace)
    finally:
        for name in set(sys.modules) - before:  # the page's own modules (service.py) go
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if work is not None and origin.startswith(str(work)):
                del sys.modules[name]


def test_the_example_runner_reads_console_blocks() -> None:
    """A console block splits into commands, continuation lines and expected output."""
    text = "```console\n$ cat <<'EOF'\n> a\n> EOF\na\n$ true\n```\n"
    (block,) = blocks(text)
    assert block.language == "console"
    assert commands(block) == [("cat <<'EOF'\na\nEOF", "a", 2), ("true", "", 6)]


def _saved_files(page: Path) -> list[Block]:
    return [block for block in blocks(page.read_text(encoding="utf-8")) if block.file]


def _run(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "page",
    [page for page in pages() if any(b.file.endswith(".py") for b in _saved_files(page))],
    ids=lambda page: str(page.relative_to(DOCS)),
)
def test_a_saved_file_and_each_session_run_alone(page: Path, tmp_path: Path) -> None:
    """The Python file a page has a reader save runs in a fresh interpreter, and each of the
    page's pycon sessions runs alone beside it: no block leans on another's imports."""
    home = tmp_path / "home"
    home.mkdir()
    for block in _saved_files(page):
        (tmp_path / block.file).write_text(block.text, encoding="utf-8")
    for block in _saved_files(page):
        if block.file.endswith(".py"):
            # As `python FILE` runs it, less the `if __name__ == "__main__":` part.
            done = _run(["-c", f"import runpy; runpy.run_path({block.file!r})"], tmp_path, home)
            assert done.returncode == 0, f"{_where(page, block.line)}:\n{done.stdout}"
    sessions = [b for b in blocks(page.read_text(encoding="utf-8")) if b.language == "pycon"]
    for number, block in enumerate(sessions):
        session = tmp_path / f"session-{number}.txt"
        session.write_text(block.text, encoding="utf-8")
        done = _run(
            ["-m", "doctest", "-o", "ELLIPSIS", "-o", "NORMALIZE_WHITESPACE", session.name],
            tmp_path,
            home,
        )
        assert done.returncode == 0, f"{_where(page, block.line)} run alone:\n{done.stdout}"


WSGI_HARNESS = r"""
import io, json, sys, wsgiref.simple_server
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import service


def call(method, path, body=b""):
    environ = {"REQUEST_METHOD": method, "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": ""}
    environ["wsgi.input"] = io.BytesIO(body)
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))
        return lambda data: None

    chunks = validator(service.app)(environ, start_response)
    try:
        data = json.loads(b"".join(chunks))
    finally:
        chunks.close()
    return answer["status"], answer["headers"]["Content-Type"], data


served = []


class Server:
    def __init__(self, host, port, app, server_class):
        served.append((host, port, app.__name__, server_class.__name__))

    def serve_forever(self):
        pass


good = json.dumps({"device": {"mic": "boom"}, "needs": {"uses": ["online-gaming"]}})
status, kind, data = call("POST", "/consult", good.encode())
print(status, kind, data["verdicts"][0]["attribute"], data["verdicts"][0]["value"])
print(*call("POST", "/consult", b'{"device": {"mic": "bom"}}')[:2])
print(*call("POST", "/consult", b"not json")[:2])
print(*call("POST", "/consult", b"[1, 2]")[:2])
print(*call("GET", "/")[:2])
wsgiref.simple_server.make_server = lambda *args, **kwargs: Server(*args, **kwargs)
import runpy
runpy.run_path("service.py", run_name="__main__")
print(len(served), *served[0])
"""


def test_the_web_service_answers_as_a_wsgi_application(tmp_path: Path) -> None:
    """howto/web-app.md's service.py, saved and run in a fresh interpreter, answers WSGI
    calls (checked by wsgiref's validator) and `python service.py` serves it on port 8000."""
    (service,) = (b for b in _saved_files(DOCS / "howto" / "web-app.md") if b.file == "service.py")
    (tmp_path / "service.py").write_text(service.text, encoding="utf-8")
    (tmp_path / "harness.py").write_text(WSGI_HARNESS, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    done = _run(["-W", "error::wsgiref.validate.WSGIWarning", "harness.py"], tmp_path, home)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        "200 OK application/json device.kind headset",
        "400 Bad Request application/json",
        "400 Bad Request application/json",
        "400 Bad Request application/json",
        "404 Not Found application/json",
        "1 127.0.0.1 8000 app ThreadingWSGIServer",
    ]


def test_the_api_index_lists_every_name_the_package_exports() -> None:
    """reference/api/index.md's table names everything in ``expert.__all__``."""
    import expert

    table = (DOCS / "reference" / "api" / "index.md").read_text(encoding="utf-8")
    missing = [name for name in expert.__all__ if not re.search(rf"[.`]{re.escape(name)}`", table)]
    assert missing == []
