"""The how-to "Write your own knowledge base" works end to end on a copy of its example,
docs/examples/plants: check, consult, the API, and its specs through the pytest plugin."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expert import Expert
from expert.cli import main

PLANTS = Path(__file__).parent.parent / "docs" / "examples" / "plants"


@pytest.fixture
def plants(tmp_path: Path) -> Path:
    """A copy of the example directory, as a user would have written it."""
    return shutil.copytree(
        PLANTS, tmp_path / "plants", ignore=shutil.ignore_patterns("__pycache__")
    )


def run_specs(directory: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m pytest`` in ``directory``: its pytest.ini, its features, the plugin."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_expert_check_finds_no_problem(plants, capsys):
    """expert --rules DIR check: every quote is in the article, every rule can fire."""
    assert main(["--rules", str(plants), "check"]) == 0
    out = capsys.readouterr().out
    assert "7 rules" in out and "No problems found." in out


def test_consult_by_fact_concludes_the_spot(plants, capsys):
    """consult --fact plant.kind=fern --json concludes care.spot with the article's words."""
    assert main(["--rules", str(plants), "consult", "--fact", "plant.kind=fern", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    spot = next(v for v in data["verdicts"] if v["attribute"] == "care.spot")
    assert spot["value"] == "north-window" and spot["certainty"] == 1.0
    assert spot["because"][0]["source"] == "houseplants"
    assert data["facts"] == {"plant": {"kind": "fern"}}


def test_a_bad_value_exits_2_naming_the_allowed_ones(plants, capsys):
    """A value outside the vocabulary is one line on stderr with the allowed values."""
    assert main(["--rules", str(plants), "consult", "--fact", "plant.kind=rose"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "allowed values: fern, cactus, other" in err


def test_the_api_consults_and_the_result_pickles(plants):
    """Expert(rules=DIR).consult({...}) by full names; the Result pickles and explains after."""
    result = Expert(rules=plants).consult(
        {"plant.kind": "fern", "plant.signs": {"brown-tips"}, "plant.pot_years": 3}
    )
    copy = pickle.loads(pickle.dumps(result))
    assert copy.to_dict() == result.to_dict()
    assert copy.verdict("care.spot").value == "north-window"
    assert copy.verdict("care.tasks").value == ("mist", "repot")
    assert "misting the plant may help" in copy.how("care.tasks").to_text()
    changed = {d.attribute: d for d in copy.what_if({"plant.kind": "cactus"}).changed}
    assert changed["care.spot"].after.value == "bright-window"


def test_the_specs_pass_through_the_plugin(plants):
    """`python -m pytest` in the example runs its scenarios and checks rule coverage."""
    run = run_specs(plants)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "7 passed" in run.stdout
    assert "every one of the 7 rules is fired by a passing scenario" in run.stdout


def test_a_scenario_expecting_a_wrong_value_fails_naming_it(plants):
    """One wrong expectation: exit 1, the scenario named, and what was concluded instead."""
    feature = plants / "features" / "care.feature"
    text = feature.read_text(encoding="utf-8")
    wrong = text.replace("Then care.spot is north-window", "Then care.spot is bright-window")
    assert wrong != text
    feature.write_text(wrong, encoding="utf-8")
    run = run_specs(plants, "--cucumberjson=report.json")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "care.spot is north-window (1.00), not bright-window" in run.stdout
    assert "FAILED test_specs.py::test_a_fern_does_best_in_a_northfacing_window" in run.stdout
    report = json.loads((plants / "report.json").read_text(encoding="utf-8"))
    failed = [
        scenario["name"]
        for feature in report
        for scenario in feature["elements"]
        if any(step["result"]["status"] == "failed" for step in scenario["steps"])
    ]
    assert failed == ["A fern does best in a north-facing window"]
