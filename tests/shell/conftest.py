"""The shell's fixture: a session on the tiny test base."""

from __future__ import annotations

import pytest

from expert.shell import Shell


@pytest.fixture
def shell(tiny_expert) -> Shell:
    """A shell on the tiny test base, with no facts."""
    return Shell(tiny_expert)
