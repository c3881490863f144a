"""The installed package as its users' tools see it: a type checker outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """\
from expert import Device, Expert, FactValue

result = Expert().consult(Device(mic="boom"))
reveal_type(result)
value: FactValue = result.facts["device.mic"]
"""


def _installed_from() -> Path | None:
    """The directory ``expert`` was installed from (``pip install [-e] DIR``), or ``None``.

    Only an installed distribution says (``direct_url.json``): the ``expert.egg-info`` a
    build leaves in the checkout does not.
    """
    for dist in metadata.distributions(name="expert"):
        url = json.loads(dist.read_text("direct_url.json") or "{}").get("url", "")
        if url.startswith("file://"):
            return Path(url.removeprefix("file://")).resolve()
    return None


def test_mypy_sees_the_installed_package_and_its_types(tmp_path):
    """mypy --strict on a script in a scratch directory finds `expert` where pip installed it
    (the editable install is a plain path entry, not an import hook) and reveals `Result`."""
    if _installed_from() != ROOT:
        pytest.skip(f"expert is not installed from {ROOT}: run `pip install -e .` there")
    (tmp_path / "user_script.py").write_text(SCRIPT)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user_script.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert 'Revealed type is "expert.api.expert.Result"' in out.stdout, out.stdout + out.stderr
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_package_of_expert_is_in_the_distribution():
    """setup.cfg lists every folder of expert/ that is a package, so that a wheel ships them
    all (the list is explicit: a package left out installs without its modules)."""
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = {name.strip() for name in config["options"]["packages"].split(",")}
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "expert").rglob("__init__.py")
    }
    assert found - listed == set()
