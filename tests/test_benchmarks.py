"""Tests of benchmarks/: the benchmark script runs and reports every figure (no timings)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "4c4d8d8"  # benchmarks.__main__.BASELINE

COLD = {
    "import_ms", "load_ms", "compile_ms", "load_compile_ms", "engine_build_ms",
    "import_load_compile_ms",
}  # fmt: skip
TIMING = {"p50_ms", "p99_ms", "mean_ms", "samples"}
BATCH = {
    "consultations", "seconds", "per_second", "cpu_seconds", "tracemalloc_peak_mb",
    "traced_consultations", "ru_maxrss_mb",
}  # fmt: skip


def _numbers(tree: object, path: str = "") -> list[tuple[str, object]]:
    """Every leaf of a JSON tree with its path."""
    if isinstance(tree, dict):
        return [leaf for key, sub in tree.items() for leaf in _numbers(sub, f"{path}.{key}")]
    return [(path, tree)]


@pytest.mark.slow
def test_the_smoke_run_reports_every_figure(tmp_path):
    """`python -m benchmarks --size smoke` saves JSON with every figure, each above zero."""
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--size", "smoke", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "consult both p50" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["meta"]["size"] == "smoke"
    engines = ["experta", "clips"] if find_spec("clips") else ["experta"]
    assert sorted(report["engines"]) == sorted(engines)
    for figures in report["engines"].values():
        assert set(figures["cold"]) == COLD
        assert set(figures["latency"]) == {"device", "needs", "both"}
        assert all(set(timing) == TIMING for timing in figures["latency"].values())
        assert set(figures["explanation"]) == {"how", "why_not", "how_to"}
        assert set(figures["batch"]) == BATCH
        assert figures["scaling"]["rules"]
        assert all(
            set(run) == TIMING | {"build_ms"} for run in figures["scaling"]["rules"].values()
        )
        assert set(figures["scaling"]["facts"]) == {"1", "5", "all"}
        assert sorted(figures["grown"], key=int) == ["50", "100"]
        assert all(set(run) == TIMING | {"build_ms"} for run in figures["grown"].values())
        for path, value in _numbers(figures):
            assert isinstance(value, (int, float)) and value > 0, path
    if len(engines) == 2:
        assert report["ratio"] and all(value > 0 for value in report["ratio"].values())
    assert sorted(report["check"], key=int) == ["50", "100"]
    for run in report["check"].values():
        assert set(run) == {"load_ms", "check_ms", "problems"} and run["check_ms"] > 0
    assert "expert check (no engine)" in done.stdout and "100 rules" in done.stdout
    grown = report["grown"]
    assert sorted(k for k in grown if k.isdigit()) == ["100", "50"] and grown["ru_maxrss_mb"] > 0
    assert set(grown["100"]) == {
        "rules", "load_ms", "load_per_file_ms", "load_cached_ms", "compile_ms", "check_ms",
        "problems",
    }  # fmt: skip
    assert grown["100"]["rules"] == grown["50"]["rules"] + 50
    assert "grown bases" in done.stdout and "100 (" in done.stdout
    # "Before" is measured in the same run, on the baseline revision's own code and rules
    # (a checkout without that history says so and goes on).
    if _has_revision(BASELINE):
        assert report["baseline"]["revision"] == BASELINE and "now/before" in done.stdout
        assert report["baseline"]["experta"]["latency"]["both"]["p50_ms"] > 0
        # Before and now also take turns, round after round, on the same scenarios.
        turns = report["baseline"]["experta"]["turns"]
        assert set(turns["median"]) == {"before", "now", "now_same_facts"}
        scopes = {"device", "needs", "both", "all facts"}
        for kind, runs in turns["rounds"].items():
            assert len(runs) == 1 and set(runs[0]) == scopes, kind
            assert all(runs[0][scope] > 0 for scope in scopes), kind
        assert "before and now taking turns (median of 1 round)" in done.stdout
    else:
        assert report["baseline"] is None and "no baseline" in done.stderr


def _has_revision(revision: str) -> bool:
    found = subprocess.run(
        ["git", "cat-file", "-e", f"{revision}^{{commit}}"], cwd=ROOT, capture_output=True
    )
    return found.returncode == 0


def test_a_turn_on_a_revision_whose_suite_cannot_take_it_says_which_and_why(tmp_path):
    """A revision whose suite lacks what a turn needs fails with ``TurnFailed`` naming the
    tree and the error (the benchmark then prints "no turns" and keeps the other figures)."""
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks import __main__ as bench
    finally:
        sys.path.remove(str(ROOT))
    old = tmp_path / "old"
    (old / "benchmarks").mkdir(parents=True)
    (old / "benchmarks" / "__init__.py").write_text("", encoding="utf-8")
    (old / "benchmarks" / "suite.py").write_text("SIZES = {}\n", encoding="utf-8")
    with pytest.raises(
        bench.TurnFailed,
        match=r"(?s)a turn in .*old failed:.*No module named 'benchmarks\.inputs'",
    ):
        bench.turns(old, {"PYTHONPATH": str(old)}, "smoke", 2024, "{}")


def test_the_instruction_table_reads_the_saved_figures():
    """The --instructions table takes the figures as the JSON saves them and prints ratios."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.__main__ import instructions_table

    figures = {
        "before": {"device": 2e6, "needs": 1e6},
        "now": {"device": 2.2e6, "needs": 1e6},
        "now_same_facts": {"device": 2.1e6, "needs": 0.9e6},
    }
    text = instructions_table(**figures)
    assert text.splitlines()[0].startswith("consult instructions per consultation")
    assert "1.10" in text.splitlines()[2] and "1.05" in text.splitlines()[2]
    assert "0.90" in text.splitlines()[3]
