"""Shared fixtures: small knowledge bases written to temporary directories."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import TINY_RULES, write_base

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
