"""``expert init``: a starter knowledge base, the houseplant example, written to a folder.

The example ships with the package as data (``expert.starter``, from
``docs/examples/plants`` of the source tree): one article, its sources, a vocabulary, seven
rules, goals, questions in people's words, and a Gherkin specification with its test module
and ini file.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import UsageError

__all__ = ["FILES", "init"]

#: The starter's files, relative to its folder.
FILES = (
    "articles/houseplants.txt",
    "care.toml",
    "features/care.feature",
    "goals.toml",
    "pytest.ini",
    "questions.toml",
    "sources.toml",
    "test_specs.py",
    "vocabulary.toml",
)


def _starter() -> Traversable:
    """The starter's folder: the installed package data, else the source tree's example
    (a checkout run without installing)."""
    try:
        installed: Traversable | None = resources.files("expert.starter")
    except ModuleNotFoundError:
        installed = None
    if installed is not None and installed.joinpath("vocabulary.toml").is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants"


def init(directory: str | Path) -> list[Path]:
    """Write the starter base to ``directory`` (created; it must be missing or empty) and
    return the files written.

    Raises:
        UsageError: ``directory`` is a file or holds files already.
        OSError: a file cannot be written.
    """
    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(
            f"{target} is not an empty folder; expert init writes a new base into a missing "
            "or empty one"
        )
    source = _starter()
    written = []
    for name in FILES:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        found = source
        for part in name.split("/"):  # one part at a time: what every Traversable takes
            found = found.joinpath(part)
        path.write_bytes(found.read_bytes())
        written.append(path)
    return written
