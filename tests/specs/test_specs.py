"""The pytest plugin (expert.specs): generic steps for any base, choosing the base, clear
failures for unknown words, and staying out of the way without pytest-bdd."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import run_pytest

PLANTS = Path(__file__).parents[2] / "docs" / "examples" / "plants"

#: Runs every feature of features/ (the base directory is set in each ini below).
TEST_FEATURES = 'from pytest_bdd import scenarios\n\nscenarios(".")\n'


def plant_base(directory: Path) -> Path:
    """A copy of the houseplant example's knowledge base (without its specs) in ``directory``."""
    shutil.copytree(PLANTS, directory, ignore=shutil.ignore_patterns("features", "*.py", "*.ini"))
    return directory


def specs(pytester: pytest.Pytester, feature: str, ini: str = "") -> None:
    """A project with one feature, a test module running it, and an ini file."""
    pytester.makefile(".feature", **{"features/spec": feature})
    pytester.makepyfile(test_spec=TEST_FEATURES)
    pytester.makeini(f"[pytest]\nbdd_features_base_dir = features/\n{ini}")


FERN = """\
Feature: Ferns
  Scenario: A fern stands in a north window
    Given plant.kind is fern
    When I consult the expert
    Then care.spot is north-window
"""


def test_the_base_is_the_ini_setting_relative_to_the_ini_file(pytester, monkeypatch):
    """expert_rules is read from the ini file's directory, not from where pytest runs."""
    plant_base(pytester.path / "project" / "plants")
    project = pytester.path / "project"
    (project / "features").mkdir()
    (project / "features" / "spec.feature").write_text(FERN)
    (project / "test_spec.py").write_text(TEST_FEATURES)
    ini = project / "pytest.ini"
    ini.write_text("[pytest]\nbdd_features_base_dir = features/\nexpert_rules = plants\n")
    elsewhere = pytester.mkdir("elsewhere")
    monkeypatch.chdir(elsewhere)
    result = run_pytest(pytester, "-c", str(ini), str(project))
    result.assert_outcomes(passed=1)


def test_the_command_line_wins_over_the_ini(pytester):
    """--expert-rules (relative to where pytest runs) replaces the ini's base."""
    plant_base(pytester.path / "plants")
    specs(pytester, FERN, "expert_rules = nowhere\n")
    run_pytest(pytester, "--expert-rules", "plants").assert_outcomes(passed=1)


def test_a_base_that_is_not_there_is_a_usage_error(pytester):
    """A bad expert_rules stops the session at once, naming the setting and the path."""
    specs(pytester, FERN, "expert_rules = nowhere\n")
    result = run_pytest(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*expert_rules in *tox.ini: *nowhere is not a directory of rule files"]
    )


def test_a_broken_base_is_a_usage_error_naming_the_file(pytester):
    """A knowledge base that does not load is reported before any scenario runs."""
    base = plant_base(pytester.path / "plants")
    (base / "care.toml").write_text('[[rules]]\nid = "care.x"\n')
    specs(pytester, FERN)
    result = run_pytest(pytester, "--expert-rules", "plants")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--expert-rules: *care.toml: rule care.x: *"])


def test_without_a_setting_the_steps_consult_the_bundled_base(pytester):
    """Generic steps of every kind on the bundled base: choice, set (accumulating), flag and
    amount; and a project's own step reads the same consultation."""
    pytester.makeconftest(
        """
        from pytest_bdd import parsers, then

        @then(parsers.parse("the stated uses are {uses}"))
        def _(consultation, uses):
            assert sorted(consultation.facts["needs.uses"]) == uses.split(", ")
        """
    )
    specs(
        pytester,
        """\
Feature: The bundled base by full names
  Scenario: Headphones owned, for calls and games, with ANC, at $120
    Given needs.owns is headphones
    And needs.uses includes calls
    And needs.uses includes online-gaming
    And device.anc is true
    And device.price is 120
    When I consult the expert
    Then the stated uses are calls, online-gaming
    And recommendation.features includes boom-mic
    And recommendation.features includes external-mic and clip-on-mic with certainty 0.4
    And device.battery_life is halved
    And device.sound_gap is apparent
    And device.sound_gap cites kania
    And device.kind is not concluded
""",
    )
    run_pytest(pytester).assert_outcomes(passed=1)


#: Steps with words the houseplant base does not know, and what their failure says.
UNKNOWN_WORDS = [
    ("Given plant.lite is low", "plant.lite is unknown; the facts one states: plant.kind, "),
    ("Given plant.kind is rose", "plant.kind: 'rose' is not allowed; allowed values: fern, "),
    ("Given plant.signs includes webbing", "'webbing' is not a value of plant.signs; allowed"),
    ("Given care.spot is north-window", "care.spot is concluded by the rules, not stated"),
    # A second step does not silently replace the first (a set may grow by `includes`).
    (
        "Given plant.kind is cactus",
        "plant.kind is given twice ('fern' and 'cactus'); give it once",
    ),
    ("Then care.spto is north-window", "care.spto is unknown; the rules conclude: care.spot"),
    ("Then care.spot is south-window", "'south-window' is not a value of care.spot; allowed"),
    (
        "Then care.spot cites wikipedia",
        "no source 'wikipedia' in sources.toml; allowed: house",
    ),
    ("Then plant.kind is fern", "plant.kind is stated, not concluded by the rules"),
    ("Then the certainty of care.spto is 1", "(did you mean 'care.spot'?)"),
]

#: Steps that do not hold for a fern, and what their failure says was concluded instead.
NOT_SO = [
    ("Then care.spot is bright-window", "care.spot is north-window (1.00), not bright-window"),
    ("Then care.spot is not north-window", "care.spot is north-window; concluded: north-"),
    ("Then care.watering is when-dry", "care.watering is not concluded; concluded: care.spot"),
    ("Then care.spot is not concluded", "care.spot is concluded: north-window (1.00: care."),
    ("Then the certainty of care.spot is at most 0.5", "expected at most 0.5"),
    ("Then care.tasks includes repot", "care.tasks holds mist, not repot"),
    ("Then there is a conflict on care.spot", "no conflict on care.spot; concluded: north-"),
    ('Then how care.spot mentions "south"', "how care.spot does not mention 'south'"),
]


def one_step_scenarios(cases: list[tuple[str, str]]) -> str:
    """A feature of one scenario per case: a fern, then the case's step."""
    scenarios = "".join(
        f"  Scenario: Case {number}\n    Given plant.kind is fern\n    {step}\n"
        for number, (step, _) in enumerate(cases)
    )
    return "Feature: Cases\n" + scenarios


@pytest.mark.parametrize("cases", [UNKNOWN_WORDS, NOT_SO], ids=["unknown", "not-so"])
def test_a_step_fails_with_a_message_naming_what_is_allowed_or_concluded(pytester, cases):
    """An unknown attribute, value or source fails naming the allowed words; a wrong
    expectation fails naming what the expert concluded instead."""
    plant_base(pytester.path / "plants")
    specs(pytester, one_step_scenarios(cases), "expert_rules = plants\n")
    result = run_pytest(pytester, "--tb=line")
    result.assert_outcomes(failed=len(cases))
    out = result.stdout.str()
    missing = [f"{step}: {message}" for step, message in cases if message not in out]
    assert not missing, "these failures do not say what they should:\n" + "\n".join(missing)


def test_without_pytest_bdd_an_unrelated_run_is_unaffected(tmp_path):
    """With pytest-bdd not importable the plugin registers nothing; its settings only warn."""
    # First on the path, a pytest_bdd whose import fails as if it were not installed (its
    # own plugin is disabled with -p no:pytest-bdd).
    blocker = tmp_path / "site" / "pytest_bdd"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'pytest_bdd'\", name='pytest_bdd')\n"
    )
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_plain.py").write_text("def test_plain():\n    assert 1 + 1 == 2\n")
    env = {**os.environ, "PYTHONPATH": str(blocker.parent)}
    command = [sys.executable, "-m", "pytest", "-p", "no:pytest-bdd", "-p", "no:cacheprovider"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*command, *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
        )

    plain = run("-q")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "1 passed" in plain.stdout and "expert" not in plain.stdout
    asked = run("-q", "--expert-rules", "nowhere", "--expert-rule-coverage")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    assert "specifications need pytest-bdd (pip install 'expert[test]')" in asked.stdout


NOTE_BASE = """
[attributes."plants.habits"]
note = true
multi = true
values = ["humidity-loving", "overwatered"]
doc = "what houseplants as a class are like"

[[rules]]
id = "notes.most-killed-by-water"
when.plant.kind = { present = true }
then.plants.habits = "overwatered"
hedge = "usually"
source = "houseplants"
quote = "Most houseplants are killed by too much water rather than too little."
"""

NOTES = """\
Feature: Notes, the answer and what it would take
  Scenario: A class claim is a note, not a verdict
    Given plant.kind is cactus
    When I consult the expert
    Then there is a note on plants.habits
    And a note on plants.habits says overwatered
    And the notes quote "killed by too much water"
    And the answer mentions "bright light"

  Scenario: A wrong note value fails
    Given plant.kind is cactus
    When I consult the expert
    Then a note on plants.habits says humidity-loving

  Scenario: What it would take for a north window
    Given plant.kind is cactus
    When I consult the expert
    Then how to make care.spot north-window mentions "plant.kind: cactus -> fern"
"""


def test_note_answer_and_how_to_steps(pytester):
    """Notes are asserted as notes, the answer by its words, how-to by its text; a wrong
    value fails naming what the notes say."""
    base = plant_base(pytester.path / "plants")
    (base / "notes.toml").write_text(NOTE_BASE, encoding="utf-8")
    specs(pytester, NOTES, "expert_rules = plants\n")
    result = run_pytest(pytester)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*no note on plants.habits says humidity-loving*"])


BAD_WORD = """\
Feature: A misspelt value
  Scenario: The value is not in the vocabulary
    Given plant.kind is fren
    When I consult the expert
    Then care.spot is north-window
"""


def test_an_unknown_word_names_the_feature_file_and_line(pytester):
    """A step whose words the base does not know fails naming where it stands."""
    plant_base(pytester.path / "plants")
    specs(pytester, BAD_WORD, "expert_rules = plants\n")
    result = run_pytest(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*features/spec.feature:3: Given plant.kind is fren*"])
    result.stdout.fnmatch_lines(["*allowed values: fern, cactus, other*"])


def plant_project(pytester: pytest.Pytester) -> None:
    """The houseplant example as a project of its own: base, features, test module, ini."""
    shutil.copytree(PLANTS, pytester.path, dirs_exist_ok=True)
    # Renamed: a test module must not share its name with this one.
    (pytester.path / "test_specs.py").rename(pytester.path / "test_plants.py")


def own_project(pytester: pytest.Pytester, *, choose_base: bool) -> None:
    """The houseplant project with or without its ``expert_rules`` setting, plus a scenario
    with a step nobody defined."""
    plant_project(pytester)
    ini = pytester.path / "pytest.ini"
    if not choose_base:
        lines = ini.read_text().splitlines(keepends=True)
        ini.write_text("".join(line for line in lines if not line.startswith("expert_rules")))
    feature = pytester.path / "features" / "care.feature"
    feature.write_text(
        feature.read_text() + "\n  Scenario: Said in words\n    Given the plant is a fern\n"
    )


def test_without_a_setting_an_own_base_is_told_which_base_runs_and_how_to_choose(pytester):
    """A base of one's own run without ``expert_rules``: each step says the bundled base is
    loaded and how to choose another, and coverage says scenarios failed instead of listing
    the bundled base's rules as lacking one."""
    own_project(pytester, choose_base=False)
    result = run_pytest(pytester, "--tb=short")
    out = result.stdout.str()
    assert "plant.kind is unknown: the bundled headphones base (" in out
    assert "has no group 'plant'" in out
    assert "set `expert_rules = DIR` in pytest.ini or pass `--expert-rules DIR`" in out
    assert "FAILED: not known: 8 scenarios failed" in out
    assert "test_plants.py::test_said_in_words" in out
    assert "write a scenario for each" not in out
    assert "usage.office-headsets" not in out  # no rule of the bundled base listed


def test_an_unknown_step_points_to_the_generic_steps(pytester):
    """A step that no definition matches lists the generic steps and names their page."""
    own_project(pytester, choose_base=True)
    result = run_pytest(pytester, "--tb=short")
    result.assert_outcomes(passed=7, failed=1)
    out = result.stdout.str()
    assert 'Step definition is not found: Given "the plant is a fern"' in out
    assert "Given plant.kind is fern" in out and "When I consult the expert" in out
    assert "docs/reference/specification.md" in out


def test_coverage_counts_a_rule_fired_only_by_a_failing_scenario_as_such(pytester):
    """A rule whose only scenario fails is reported with the failure, not as lacking one."""
    plant_project(pytester)
    feature = pytester.path / "features" / "care.feature"
    text = feature.read_text().replace("care.tasks includes repot", "care.tasks includes mist")
    feature.write_text(text)
    result = run_pytest(pytester, "--tb=no")
    result.assert_outcomes(passed=6, failed=1)
    out = result.stdout.str()
    assert "FAILED: not known: 1 scenario failed" in out
    assert "fired only by a failing scenario:\n  care.repot-every-two-years" in out


#: A terminal title change (OSC 0 ... BEL) and a colour, as a hostile feature file holds them.
TITLE = "\x1b]0;owned\x07"
RED = "\x1b[31m"

HOSTILE = f"""\
Feature: Hostile {RED}words
  Scenario: A step with escapes {TITLE}
    Given plant.kind is fern{TITLE}
    When I consult the expert

  Scenario: A wrong expectation {RED}
    Given plant.kind is fern
    When I consult the expert
    Then how care.spot mentions "{TITLE}"

  Scenario: An unknown step {RED}
    Given the plant is {TITLE}
"""


@pytest.mark.parametrize("tb", ["auto", "short", "line", "native"])
def test_escape_sequences_in_a_feature_are_shown_visibly_in_every_report(pytester, tb):
    """Escape sequences in a feature file's steps, scenario and feature names and its file
    name reach the pytest report only as escapes (notes, messages, the short summary and
    rule coverage), whatever the traceback style."""
    plant_base(pytester.path / "plants")
    pytester.makefile(".feature", **{f"features/spec{RED}": HOSTILE})
    pytester.makepyfile(test_spec=TEST_FEATURES)
    pytester.makeini(
        "[pytest]\nbdd_features_base_dir = features/\nexpert_rules = plants\n"
        "expert_rule_coverage = true\n"
    )
    result = run_pytest(pytester, f"--tb={tb}", "-rA", "--color=no")
    result.assert_outcomes(passed=0, failed=3)
    out = "\n".join(result.outlines + result.errlines)
    assert "\x1b" not in out and "\x07" not in out, out
    assert "\\x1b]0;owned\\x07" in out
    if tb != "native":
        assert "fern\\x1b]0;owned\\x07" in out  # the note naming the step


def test_a_base_with_an_odd_rule_file_is_a_usage_error_naming_it(pytester):
    """A topic file linked to nothing: the session stops naming it, never runs on fewer
    rules."""
    base = plant_base(pytester.path / "plants")
    os.symlink(pytester.path / "gone.toml", base / "extra.toml")
    specs(pytester, FERN, "expert_rules = plants\n")
    result = run_pytest(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*plants/extra.toml: a symbolic link to *gone.toml*"])
