"""The package's shape: one-way layers, no import cycle, no overlong module.

The static import graph of ``expert/`` counts top-level and function-local imports (not
those under ``if TYPE_CHECKING:``, which never run). Layers, lowest first, each importing
only from itself and the layers below it (docs/concepts.md draws them).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "expert"

#: Layer of each top-level part of the package, lowest first.
LAYERS = {
    "errors": 0,
    "_support": 1,
    "model": 2,
    "kb": 3,
    "inference": 4,
    "reasoning": 5,
    "present": 6,
    "api": 7,
    "cli": 8,
    "shell": 8,
    "batch": 8,
    "specs": 8,
    "__main__": 8,
    "headphones": 8,
    "__init__": 10,
}

#: The most lines a module may have.
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of the package that ``name`` imports when it runs."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            test = node.test
            if "TYPE_CHECKING" in (getattr(test, "id", None), getattr(test, "attr", None)):
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            out.update(alias.name for alias in node.names)

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            if node.level:
                parts = package.split(".")
                module = ".".join(
                    parts[: len(parts) - node.level + 1] + ([node.module] if node.module else [])
                )
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{alias.name}" for alias in node.names)

    Visitor().visit(ast.parse(path.read_text(encoding="utf-8")))
    return {t for t in out if t in known and t != name and not name.startswith(t + ".")}


def _graph() -> dict[str, set[str]]:
    known = _modules()
    return {name: _imports(name, path, known) for name, path in known.items()}


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph``, or ``[]``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_every_part_of_the_package_has_a_layer():
    """Each top-level module and subpackage of expert/ is placed in a layer."""
    parts = {
        path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in _modules().values()
    }
    assert sorted(parts - set(LAYERS)) == []


def test_no_import_cycle():
    """No module imports itself through others, counting function-local imports."""
    assert _cycle(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    """The check above can fail: a graph with a loop is reported."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_imports_point_down_the_layers():
    """No module imports from a layer above its own."""
    upward = [
        f"{module} -> {target}"
        for module, targets in _graph().items()
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]
    assert upward == []


def test_no_module_is_over_600_lines():
    """Every module does one job in at most 600 lines."""
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in _modules().values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
