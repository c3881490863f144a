"""Helpers for the per-topic knowledge-base tests: one consultation per rule."""

from __future__ import annotations

import pytest

from expert import Expert


@pytest.fixture(scope="session")
def expert() -> Expert:
    """One expert on the bundled knowledge base, shared by the whole session."""
    return Expert()
