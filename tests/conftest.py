"""Shared fixtures: small knowledge bases written to temporary directories."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import TINY_RULES, write_base

#: pytester runs pytest on small projects (the specification plugin's tests).
pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True, scope="session")
def _private_rule_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Parsed rule files are cached in a directory of the test session, not the user's."""
    import os

    os.environ["EXPERT_CACHE_DIR"] = str(tmp_path_factory.mktemp("rule-cache"))


@pytest.fixture
def tiny_base(tmp_path: Path) -> Path:
    """A directory holding the tiny test base."""
    return write_base(tmp_path / "tiny", {"tiny": TINY_RULES})


@pytest.fixture
def tiny_expert(tiny_base: Path):
    """An expert on the tiny test base."""
    from expert import Expert

    return Expert(tiny_base)
