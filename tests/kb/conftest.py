"""Fixtures of the knowledge-base tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty rule-file cache directory of this test's own."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("EXPERT_CACHE_DIR", str(directory))
    monkeypatch.delenv("EXPERT_NO_CACHE", raising=False)
    return directory
