"""The public surface of ``expert``: ``__all__`` is exactly what the package exports."""

import importlib
import types

import expert

#: The package's public modules besides ``expert`` itself (documented in the API reference).
PUBLIC_MODULES = {"errors", "headphones", "specs", "batch", "cli", "shell"}

#: The layer packages: the implementation, internal (docs/concepts.md draws them).
INTERNAL = {"_support", "model", "kb", "inference", "reasoning", "present", "api"}

#: Packages of data, not code: the bundled knowledge base and the starter base.
DATA = {"rules", "starter"}


def _exported() -> dict[str, object]:
    # Only identifiers: pytest's assertion rewriting adds names such as "@py_builtins".
    return {
        name: value
        for name, value in vars(expert).items()
        if name.isidentifier() and not name.startswith("_")
    }


def test_all_is_sorted():
    """``__all__`` is kept sorted."""
    assert expert.__all__ == sorted(expert.__all__)


def test_every_name_of_all_exists():
    """Each name ``__all__`` promises is there."""
    assert [name for name in expert.__all__ if not hasattr(expert, name)] == []


def test_every_public_name_is_in_all_and_nothing_else():
    """The names the package exports, modules apart, are exactly ``__all__``'s."""
    names = {
        name for name, value in _exported().items() if not isinstance(value, types.ModuleType)
    }
    assert names == set(expert.__all__) - {"__version__"}


def test_every_submodule_is_public_or_internal():
    """A module reachable from ``expert`` is a documented public one or an internal layer."""
    for name in (*PUBLIC_MODULES, *INTERNAL):
        importlib.import_module(f"expert.{name}")
    modules = {
        name
        for name, value in vars(expert).items()
        if name.isidentifier() and isinstance(value, types.ModuleType)
    }
    assert modules - PUBLIC_MODULES - INTERNAL - DATA == set()


def test_the_internal_packages_say_so():
    """Each layer package's docstring tells a reader it is internal."""
    for name in sorted(INTERNAL):
        doc = importlib.import_module(f"expert.{name}").__doc__ or ""
        assert "Internal: import the public names from :mod:`expert`." in doc, name
