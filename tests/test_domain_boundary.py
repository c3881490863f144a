"""The bundled base's domain stays in expert/headphones/: no generic module names its words.

Generic modules are every module under ``expert/`` except the domain's package
(``expert/headphones/``) and the rule files (``expert/rules``, data). The words are the
bundled base's: the things it is about, its typed facts' classes, its input groups' full
names (``device.mic``) and the command line's flags for them. A module may import the domain
package only where :data:`IMPORTS_ALLOWED` says why.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import expert
from expert.headphones import GROUP_FLAGS, LABELS, bundled_inputs

PACKAGE = Path(expert.__file__).resolve().parent
DOMAIN = "expert.headphones"

#: The modules that may import the domain package, and why.
IMPORTS_ALLOWED = {
    "__init__.py": "the public surface re-exports Device and Needs (the API contract)",
    "cli/parser.py": "the command line's --device and --needs flags and examples are the "
    "bundled base's (its contract), declared by the domain",
    "cli/facts.py": "the --device and --needs flags state facts of the bundled base's groups",
    "cli/commands/batch.py": "sample-catalogue writes the bundled base's sample catalogue",
    "specs/steps.py": "a specification run against the wrong base names the bundled one",
}

#: Modules that may name the domain's words, and why.
WORDS_ALLOWED = {
    "__init__.py": "the public surface's docstring shows the bundled base in use, and it "
    "re-exports Device and Needs",
}


def _words() -> re.Pattern[str]:
    """The bundled base's words, from its own package and data where it declares them."""
    things = {"headphone", "headphones", "headset", "headsets", "microphone", "microphones",
              "mic", "mics", "earbud", "earbuds", *LABELS}  # fmt: skip
    groups = {attribute.group for attribute in bundled_inputs().values()}
    flags = {group for group, _, _ in GROUP_FLAGS}
    return re.compile(
        rf"(?i:\b(?:{'|'.join(sorted(things))})\b)"
        r"|\b(?:Device|Needs)\b"
        rf"|\b(?:{'|'.join(sorted(groups))})\.[a-z_]"
        rf"|--(?:{'|'.join(sorted(flags))})\b"
    )


def _generic_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in ("headphones", "rules")
    )


def _package_of(path: Path) -> str:
    """The package a module's relative imports start from (``expert.specs`` for steps)."""
    return ".".join(("expert", *path.relative_to(PACKAGE).parent.parts))


def _imports_domain(source: str, package: str) -> list[int]:
    """The lines of ``source``, a module of ``package``, importing the domain package,
    function-local imports included (every line of one over several)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (
                package.split(".")[: len(package.split(".")) - node.level + 1]
                if node.level
                else []
            )
            target = ".".join([*base, node.module] if node.module else base)
            names = [target, *(f"{target}.{alias.name}" for alias in node.names)]
        if any(name == DOMAIN or name.startswith(DOMAIN + ".") for name in names):
            found += range(node.lineno, (node.end_lineno or node.lineno) + 1)
    return found


def test_the_generic_modules_are_found():
    """The scan sees the package's modules, and none of the domain's."""
    names = {path.relative_to(PACKAGE).as_posix() for path in _generic_modules()}
    assert {"api/expert.py", "cli/parser.py", "specs/steps.py", "model/typed_facts.py"} <= names
    assert not any(name.startswith("headphones/") for name in names)
    assert set(IMPORTS_ALLOWED) <= names and set(WORDS_ALLOWED) <= names


@pytest.mark.parametrize(
    "path", _generic_modules(), ids=lambda path: path.relative_to(PACKAGE).as_posix()
)
def test_a_generic_module_names_no_word_of_the_bundled_domain(path):
    """No generic module names the bundled base's words, nor imports its package, unless an
    allow-list says why."""
    name = path.relative_to(PACKAGE).as_posix()
    source = path.read_text(encoding="utf-8")
    imports = _imports_domain(source, _package_of(path))
    assert name in IMPORTS_ALLOWED or not imports, f"{name} imports {DOMAIN}"
    if name in WORDS_ALLOWED:
        return
    words = _words()
    named = [
        f"{name}:{number}: {line.strip()}"
        for number, line in enumerate(source.splitlines(), 1)
        # An allowed import of the domain, or a pointer to where it lives, is not its words.
        if number not in imports and words.search(_unpointed(line))
    ]
    assert not named, "\n".join(named)


def _unpointed(line: str) -> str:
    """``line`` without the names of the domain package and its modules."""
    return re.sub(rf"\b{re.escape(DOMAIN)}(?:\.\w+)*", "", line)


def test_each_allowance_is_still_needed():
    """A module leaves an allow-list once it no longer names the words or imports the package."""
    words = _words()
    for name in WORDS_ALLOWED:
        lines = (PACKAGE / name).read_text(encoding="utf-8").splitlines()
        assert any(words.search(_unpointed(line)) for line in lines), name
    for name in IMPORTS_ALLOWED:
        source = (PACKAGE / name).read_text(encoding="utf-8")
        assert _imports_domain(source, _package_of(PACKAGE / name)), name


def test_the_word_list_catches_the_domain():
    """The words match what the domain package says, and not what generic code says."""
    words = _words()
    for text in ("a boom Microphone", "Device(mic='boom')", "needs.uses", "--device mic=boom",
                 "HEADSETS"):  # fmt: skip
        assert words.search(text), text
    for text in ("the null device", "this rule needs: x", "st_dev", "plant.light", "devices",
                 "expert.headphones"):  # fmt: skip
        assert not words.search(_unpointed(text)), text


def test_an_import_of_the_domain_is_found_however_written():
    """Relative, absolute and function-local imports of the package all count; others not."""
    source = (
        "from ..headphones import Device\n"
        "import expert.headphones.facts\n"
        "def f():\n    from .. import headphones\n"
        "from ..engine import Expert\n"
        "from .headphones import x\n"  # expert.specs.headphones: another module
    )
    assert _imports_domain(source, "expert.specs") == [1, 2, 4]
    assert _imports_domain("from ..headphones import (\n    A,\n    B,\n)\n", "expert.x") == [
        1,
        2,
        3,
        4,
    ]
    assert _imports_domain("from .headphones import Device\n", "expert") == [1]
    assert _package_of(PACKAGE / "specs" / "steps.py") == "expert.specs"
    assert _package_of(PACKAGE / "__init__.py") == "expert"
