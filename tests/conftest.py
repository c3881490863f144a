"""Shared fixtures: small knowledge bases written to temporary directories."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from support import TINY_RULES, write_base

# Parsed rule files are cached in a directory of this test run, not the user's: set before
# any plugin loads a base, inherited by every process the tests start.
_RULE_CACHE = tempfile.mkdtemp(prefix="expert-rule-cache-")
os.environ["EXPERT_CACHE_DIR"] = _RULE_CACHE
atexit.register(shutil.rmtree, _RULE_CACHE, ignore_errors=True)

#: pytester runs pytest on small projects (the specification plugin's tests).
pytest_plugins = ["pytester"]


@pytest.fixture
def tiny_base(tmp_path: Path) -> Path:
    """A directory holding the tiny test base."""
    return write_base(tmp_path / "tiny", {"tiny": TINY_RULES})


@pytest.fixture
def tiny_expert(tiny_base: Path):
    """An expert on the tiny test base."""
    from expert import Expert

    return Expert(tiny_base)


@pytest.fixture(scope="session")
def cluster():
    """A two-process Dask cluster on loopback, shared by the tests of one test process."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, death_timeout=60,
    ) as local:  # fmt: skip
        yield local


@pytest.fixture
def lanes(request) -> list[str]:
    """The arguments that run a batch as ``request.param`` says (see ``support.LANES``)."""
    if request.param == "dask":
        return ["--dask", request.getfixturevalue("cluster").scheduler_address]
    return ["--workers", "2"] if request.param == "workers-2" else []
