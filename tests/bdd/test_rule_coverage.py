"""Rule coverage: a session that ran every scenario fails naming each rule no passing scenario
fired (the project's own features are held to it by ``expert_rule_coverage`` in setup.cfg)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import run_pytest

PLANTS = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants"

#: A rule of the houseplant base that no scenario of its features fires.
UNCOVERED = """
[[rules]]
id = "care.other-plants-indirect-light"
when.plant.kind = "other"
then.care.spot = "north-window"
hedge = "can"
source = "houseplants"
quote = "Ferns love humidity and indirect light."
"""


@pytest.fixture
def plants(pytester: pytest.Pytester) -> Path:
    """A copy of the houseplant example (base, features, pytest.ini) to run pytest in.

    pytest runs in a subprocess there: in this process the example's ``test_specs`` module
    would clash with ``tests/specs/test_specs.py``, already imported under that name.
    """
    shutil.copytree(PLANTS, pytester.path, dirs_exist_ok=True)
    return pytester.path


def test_every_rule_fired_by_a_passing_scenario_passes(pytester, plants):
    """The example's specs fire all its rules: the session passes and says so."""
    result = run_pytest(pytester, subprocess=True)
    result.assert_outcomes(passed=7)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*- rule coverage -*", "every one of the 7 rules is fired*"])


def test_a_rule_no_scenario_fires_fails_the_session_naming_it(pytester, plants):
    """Every scenario passes, yet the session fails: one rule is fired by none of them."""
    with (plants / "care.toml").open("a", encoding="utf-8") as rules:
        rules.write(UNCOVERED)
    result = run_pytest(pytester, subprocess=True)
    result.assert_outcomes(passed=7)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "FAILED: 1 of 8 rules are fired by no passing scenario; write a scenario for each:",
            "  care.other-plants-indirect-light",
        ]
    )


def test_a_failed_scenario_does_not_cover_its_rules(pytester, plants):
    """The only scenario firing the repotting rule fails: the report names the scenario and
    the rule as fired only by it, not as lacking a scenario."""
    feature = plants / "features" / "care.feature"
    text = feature.read_text(encoding="utf-8")
    feature.write_text(text.replace("care.tasks is 0.8", "care.tasks is 0.9"), encoding="utf-8")
    result = run_pytest(pytester, subprocess=True)
    result.assert_outcomes(passed=6, failed=1)
    result.stdout.fnmatch_lines(
        [
            "FAILED: not known: 1 scenario failed, and a failing scenario's rules do not count*",
            "  test_specs.py::test_a_plant_in_the_same_pot_for_three_years_should_be_repotted",
            (
                "1 of 7 rules are fired by no passing scenario so far; run again once every "
                "scenario passes for the list; fired only by a failing scenario:"
            ),
            "  care.repot-every-two-years",
        ]
    )


@pytest.mark.parametrize(
    "selection",
    [("-k", "fern"), ("test_specs.py::test_a_cactus_needs_bright_light_and_dry_soil",)],
)
def test_when_only_some_scenarios_ran_coverage_is_not_checked(pytester, plants, selection):
    """Selecting scenarios (-k, -m, node ids) skips the check, saying why; the run passes."""
    with (plants / "care.toml").open("a", encoding="utf-8") as rules:
        rules.write(UNCOVERED)
    result = run_pytest(pytester, *selection, subprocess=True)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["not checked: * of 7 scenarios ran; rule coverage needs all*"])


def test_coverage_is_asked_for_by_the_ini_or_the_command_line(pytester, plants):
    """Without expert_rule_coverage there is no report; --expert-rule-coverage turns it on."""
    ini = plants / "pytest.ini"
    ini.write_text(ini.read_text().replace("expert_rule_coverage = true", ""), encoding="utf-8")
    quiet = run_pytest(pytester, subprocess=True)
    assert "rule coverage" not in quiet.stdout.str()
    run_pytest(pytester, "--expert-rule-coverage", subprocess=True).stdout.fnmatch_lines(
        ["every one of the 7 *"]
    )


@pytest.mark.parametrize("uncovered", [False, True], ids=["covered", "uncovered"])
def test_under_xdist_workers_coverage_is_gathered_and_printed_once(pytester, plants, uncovered):
    """With scenarios spread over two pytest-xdist workers, the controller gathers what each
    fired: the section is printed once, and an uncovered rule still fails the session."""
    if uncovered:
        with (plants / "care.toml").open("a", encoding="utf-8") as rules:
            rules.write(UNCOVERED)
    result = run_pytest(pytester, "-n", "2", subprocess=True)
    result.assert_outcomes(passed=7)
    out = result.stdout.str()
    assert out.count("rule coverage") == 1, out
    if uncovered:
        assert result.ret == pytest.ExitCode.TESTS_FAILED
        result.stdout.fnmatch_lines(
            ["FAILED: 1 of 8 rules*", "  care.other-plants-indirect-light"]
        )
    else:
        assert result.ret == pytest.ExitCode.OK
        result.stdout.fnmatch_lines(["every one of the 7 rules is fired*"])
