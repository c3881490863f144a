"""Mutation test: when a rule's conclusion changes, the scenario that covers it fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expert.kb.load import bundled_path

pytestmark = pytest.mark.slow  # each case runs the scenarios of a topic in a new pytest

ROOT = Path(__file__).resolve().parents[2]

#: rule, its conclusion, the changed conclusion, the tag of its feature, the scenario that must fail
MUTATIONS = [
    (
        "sound.top-headset-mid-range",
        'then.device.sound_quality = "mid-range"',
        'then.device.sound_quality = "high"',
        "sound",
        "Headsets lack the sound quality serious audiophiles need",
    ),
    (
        "assessment.inline-mic-for-demanding-talk",
        'then.assessment.concerns = "poor-mic"',
        'then.assessment.concerns = "makeshift-mic"',
        "assessment",
        "An in-line mic leaves much to be desired for online games: a poor fit",
    ),
    (
        "definitions.boom-mic-means-headset",
        'then.device.kind = "headset"',
        'then.device.kind = "headphones"',
        "definitions",
        "A gaming headset comes with an attached boom microphone",
    ),
]


def mutate(directory: Path, rule_id: str, before: str, after: str) -> None:
    """Replace ``before`` by ``after`` in the rule ``rule_id`` of a copied base."""
    path = directory / f"{rule_id.split('.', 1)[0]}.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id = "{rule_id}"')
    end = text.find("[[rules]]", start)
    end = len(text) if end < 0 else end
    assert before in text[start:end], f"{rule_id} does not conclude {before}"
    block = text[start:end].replace(before, after, 1)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def run_features(rules: Path, tag: str, report: Path) -> subprocess.CompletedProcess:
    """Run the scenarios tagged ``tag`` against the base in ``rules``; cucumber JSON to ``report``."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/bdd",
        "-m",
        tag,
        "-q",
        "-n",
        "0",  # pytest-bdd writes the cucumber report only where the scenarios run
        "-p",
        "no:cacheprovider",
        f"--expert-rules={rules}",
        f"--cucumberjson={report}",
    ]
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def failed_scenarios(report: Path) -> set[str]:
    """The names of the scenarios with a failed step in a cucumber JSON report."""
    return {
        element["name"]
        for feature in json.loads(report.read_text(encoding="utf-8"))
        for element in feature["elements"]
        if any(step["result"]["status"] == "failed" for step in element["steps"])
    }


@pytest.mark.parametrize(
    ("rule_id", "before", "after", "tag", "scenario"), MUTATIONS, ids=[m[0] for m in MUTATIONS]
)
def test_a_changed_conclusion_fails_the_scenario_that_covers_it(
    tmp_path, rule_id, before, after, tag, scenario
):
    """The unchanged copy passes; the changed one fails, naming the scenario of that rule."""
    rules = shutil.copytree(bundled_path(), tmp_path / "rules")
    control = run_features(rules, tag, tmp_path / "control.json")
    assert control.returncode == 0, f"the unchanged copy fails:\n{control.stdout[-3000:]}"
    mutate(rules, rule_id, before, after)
    run = run_features(rules, tag, tmp_path / "mutated.json")
    assert run.returncode == 1, f"exit status {run.returncode}:\n{run.stdout[-3000:]}"
    failed = failed_scenarios(tmp_path / "mutated.json")
    assert scenario in failed, f"{scenario!r} did not fail; these did: {sorted(failed)}"
