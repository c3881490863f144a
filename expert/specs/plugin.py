"""The pytest plugin: the knowledge base a specification runs against, the fixtures its steps
share, and rule coverage (the rules no passing scenario fired).

pytest loads this module through the ``pytest11`` entry point of the package. Settings:

- ``expert_rules`` (ini): the knowledge base's directory, relative to the ini file's
  directory; ``--expert-rules DIR`` (relative to where pytest runs) wins over it; without
  either, the bundled base.
- ``expert_rule_coverage = true`` (ini) or ``--expert-rule-coverage``: at the end of a
  session in which every scenario ran, fail the session naming each rule that no passing
  scenario fired; when only some scenarios ran, say that coverage was not checked.

When pytest-bdd is not installed the plugin registers no steps and checks nothing, so an
unrelated test run is unaffected; asking for its settings then only warns.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

from .._support.safe_text import visible
from ..api.expert import Expert, Result
from ..errors import ExpertError, KnowledgeBaseError
from ..kb.load import load
from ..model.stated_facts import given_twice

__all__ = ["Consultation", "Coverage", "note_fired"]

#: The ini keys and the module of generic steps this plugin registers.
RULES_INI = "expert_rules"
COVERAGE_INI = "expert_rule_coverage"
STEPS = "expert.specs.steps"

_RULES = pytest.StashKey["Path | None"]()
_RECORD = pytest.StashKey["_Record"]()
_REPORT = pytest.StashKey["Coverage"]()
_FIRED = pytest.StashKey["set[str]"]()  # rules fired in one scenario
_BASES = pytest.StashKey["dict[str, None]"]()  # rules of the bases one scenario consulted
_FEATURE = pytest.StashKey[str]()  # the feature file of one scenario
_PROPERTY = "expert_rules_fired"  # the report's user property that carries them


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("expert", "expert: specifications of a knowledge base")
    group.addoption(
        "--expert-rules",
        metavar="DIR",
        help="run the specification against the knowledge base in DIR (wins over the "
        f"{RULES_INI} setting; default: the bundled base)",
    )
    group.addoption(
        "--expert-rule-coverage",
        action="store_true",
        default=False,
        help="fail the session if a rule is fired by no passing scenario (checked only "
        "when every scenario ran)",
    )
    parser.addini(
        RULES_INI,
        "directory of the knowledge base the specification runs against, relative to "
        "this ini file's directory (default: the bundled base)",
        default="",
    )
    parser.addini(
        COVERAGE_INI,
        "fail the session if a rule is fired by no passing scenario",
        type="bool",
        default=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    asked = bool(config.getoption("expert_rules") or config.getini(RULES_INI)) or _covering(config)
    if not _have_pytest_bdd():
        if asked:
            config.issue_config_time_warning(
                pytest.PytestConfigWarning(
                    "expert: specifications need pytest-bdd (pip install 'expert[test]'); "
                    f"--expert-rules, {RULES_INI} and {COVERAGE_INI} are ignored"
                ),
                stacklevel=2,
            )
        return
    config.stash[_RULES] = _rules_directory(config)
    if not config.pluginmanager.has_plugin(STEPS):
        # Registered, not import_plugin()ed: an extension such as expert.headphones.steps may have
        # imported it already, and pytest would warn that it cannot rewrite its asserts (they
        # all carry their own messages).
        config.pluginmanager.register(importlib.import_module(STEPS), STEPS)
    config.pluginmanager.register(_Recorder(config), "expert-rule-coverage")


def _have_pytest_bdd() -> bool:
    """Whether pytest-bdd can be imported (a missing dependency of it is not hidden)."""
    try:
        import pytest_bdd  # noqa: F401
    except ModuleNotFoundError as error:
        if error.name != "pytest_bdd":
            raise
        return False
    return True


def _covering(config: pytest.Config) -> bool:
    return bool(config.getoption("expert_rule_coverage") or config.getini(COVERAGE_INI))


def _rules_directory(config: pytest.Config) -> Path | None:
    """The directory ``--expert-rules`` or ``expert_rules`` names, checked; ``None``: bundled.

    Raises:
        pytest.UsageError: it is not a directory, or its knowledge base is broken.
    """
    option = config.getoption("expert_rules")
    if option:
        path, where = config.invocation_params.dir / str(option), "--expert-rules"
    else:
        setting = config.getini(RULES_INI)
        if not setting:
            return None
        ini = config.inipath
        path = (ini.parent if ini else config.rootpath) / str(setting)
        where = f"{RULES_INI} in {ini}" if ini else RULES_INI
    if not path.is_dir():
        raise pytest.UsageError(visible(f"{where}: {path} is not a directory of rule files"))
    try:
        load(path)
    except KnowledgeBaseError as error:
        raise pytest.UsageError(visible(f"{where}: {error}")) from None
    return path.resolve()


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def expert(pytestconfig: pytest.Config) -> Expert:
    """The expert the steps consult: on the base of ``--expert-rules``, of the
    ``expert_rules`` setting, or the bundled one. Override it to consult another way."""
    return Expert(pytestconfig.stash.get(_RULES, None))


@attrs.define
class Consultation:
    """One scenario's conversation with the expert.

    Attributes:
        expert: the expert consulted.
        node: the scenario's test item (the rules its consultations fire are counted for
            rule coverage when it passes).
        facts: the facts stated so far, by full name.
        result: the result of the last consultation, or ``None`` before it (or after a
            new fact).
        focus: the attribute and values the last Then step spoke of, for the steps that
            follow it (``the explanation quotes ...``).
        answer: the last explanation or conflict asked about.
        change: the change of a *what if* answer a step spoke of.
    """

    expert: Expert
    node: Any = None
    facts: dict[str, Any] = attrs.field(factory=dict)
    result: Result | None = None
    focus: tuple[str, tuple[Any, ...]] | None = None
    answer: Any = None
    change: Any = None

    def state(self, facts: Mapping[str, Any], *, accumulate: bool = False) -> None:
        """Add facts by full name; with ``accumulate`` a set adds to the values already
        stated. The next consultation runs on them.

        Raises:
            FactError: a fact stated already (a set, unless ``accumulate``), as a
                consultation refuses a fact given twice: a second step does not silently
                replace the first.
        """
        for name, value in facts.items():
            if name in self.facts:
                if not (accumulate and isinstance(value, (set, frozenset))):
                    raise given_twice(name, self.facts[name], value)
                value = frozenset(self.facts[name]) | frozenset(value)
            self.facts[name] = value
        self.result = None

    def consult(self) -> Result:
        """The result on the facts stated (consulted once, until a fact is added)."""
        if self.result is None:
            self.result = self.expert.consult(self.facts)
            note_fired(self.node, self.result)
        return self.result


@pytest.fixture
def consultation(expert: Expert, request: pytest.FixtureRequest) -> Consultation:
    """The conversation of the running scenario."""
    return Consultation(expert=expert, node=request.node)


# -- rule coverage ---------------------------------------------------------------------------


@attrs.define
class _Record:
    """What the scenarios of this session did."""

    collected: int = 0  # scenario tests collected, before -k or -m deselected any
    ran: set[str] = attrs.field(factory=set)  # node ids of scenarios that ran
    failed: dict[str, None] = attrs.field(factory=dict)  # node ids of scenarios that failed
    fired: set[str] = attrs.field(factory=set)  # rules fired in scenarios that passed
    fired_failing: set[str] = attrs.field(factory=set)  # rules fired in scenarios that failed
    features: set[str] = attrs.field(factory=set)  # feature files of the scenarios that ran
    rules: dict[str, None] = attrs.field(factory=dict)  # rules of the bases consulted


def _record(config: pytest.Config) -> _Record:
    if _RECORD not in config.stash:
        config.stash[_RECORD] = _Record()
    return config.stash[_RECORD]


def note_fired(node: Any, result: Result) -> None:
    """Remember the rules ``result`` fired in the scenario ``node`` (they count for rule
    coverage if the scenario passes)."""
    if not isinstance(node, pytest.Item):
        return
    node.stash.setdefault(_FIRED, set()).update(result.fired_rules)
    node.stash.setdefault(_BASES, {}).update(
        dict.fromkeys(rule.id for rule in result.knowledge.rules)
    )


def is_scenario(item: pytest.Item) -> bool:
    """Whether a test item is a pytest-bdd scenario."""
    return "_pytest_bdd_example" in getattr(item, "fixturenames", ())


def pytest_itemcollected(item: pytest.Item) -> None:
    if is_scenario(item):
        _record(item.config).collected += 1


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any) -> None:
    request.node.stash[_FEATURE] = str(Path(feature.filename).resolve())


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_error(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: Exception
) -> None:
    """A step's unknown words are named with the feature file and line they stand on."""
    if isinstance(exception, ExpertError):
        where = getattr(feature, "rel_filename", None) or getattr(feature, "filename", "?")
        exception.add_note(visible(f"{where}:{step.line_number}: {step.keyword} {step.name}"))


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_func_lookup_error(exception: Exception) -> None:
    """A step no definition matches points to the generic steps."""
    exception.add_note(UNKNOWN_STEP)


#: What an unknown step is told: the generic steps, and where they are documented.
UNKNOWN_STEP = """\
expert: the generic steps name facts and conclusions by their full names, e.g.
  Given plant.kind is fern / Given plant.signs includes drooping
  When I consult the expert
  Then care.spot is north-window [with certainty at least 0.8] / ... is not ... / ... is not \
concluded
  Then care.tasks includes mist / Then the certainty of care.spot is at least 0.8
  Then care.spot cites houseplants / Then there is a conflict on care.watering
  Then how care.spot mentions "north-facing" / Then why care.spot is not shade mentions "..."
  Then there is a note on plants.light / Then the answer mentions "..."
all of them: "The generic steps" in docs/reference/specification.md (how to run them: \
docs/howto/specs.md), or help(expert.specs.steps); a step of your own goes in conftest.py"""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.failed and is_scenario(item) and report.longrepr is not None:
        # A scenario's failure quotes its steps, the feature file and the rules' words:
        # shown with control characters as escapes, like everything the package prints.
        report.longrepr = _VisibleFailure(report.longrepr)
    if report.when == "call" and is_scenario(item):
        # Carried on the report, so a controller of workers (pytest-xdist) sees them too.
        fired: set[str] = item.stash.get(_FIRED, set())
        bases: dict[str, None] = item.stash.get(_BASES, {})
        seen = {
            "fired": sorted(fired),
            "rules": list(bases),
            "feature": item.stash.get(_FEATURE, None),
        }
        report.user_properties.append((_PROPERTY, seen))
    return report


class _VisibleFailure:
    """A failure's report, printed with every control character shown as its escape (the
    short summary's line too); pytest's colours are kept."""

    def __init__(self, longrepr: Any) -> None:
        self.longrepr = longrepr
        crash = getattr(longrepr, "reprcrash", None)
        if dataclasses.is_dataclass(crash) and not isinstance(crash, type):
            # What the short summary quotes (FAILED test - message).
            message = visible(str(getattr(crash, "message", "")))
            self.reprcrash = dataclasses.replace(crash, message=message)

    def toterminal(self, out: Any) -> None:
        if hasattr(self.longrepr, "toterminal"):
            self.longrepr.toterminal(_VisibleWriter(out))
        else:
            out.line(visible(str(self.longrepr), lines=True))

    def __str__(self) -> str:
        return visible(str(self.longrepr), lines=True)


class _VisibleWriter:
    """A terminal writer that shows control characters in what it is given as escapes;
    the colours it adds itself are kept."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def write(self, text: str, **markup: bool) -> None:
        self._writer.write(visible(text, lines=True), **markup)

    def line(self, text: str = "", **markup: bool) -> None:
        self._writer.line(visible(text, lines=True), **markup)

    def sep(self, sepchar: str, title: str | None = None, **kwargs: Any) -> None:
        self._writer.sep(sepchar, None if title is None else visible(title), **kwargs)

    def _write_source(self, lines: list[str], indents: Any = ()) -> None:
        self._writer._write_source([visible(line) for line in lines], indents)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)


@attrs.define(eq=False)  # a plugin object must be hashable
class _Recorder:
    """Reads the scenarios' reports into the session's record, where the reports arrive:
    in the one process, or in the controller of pytest-xdist's workers."""

    config: pytest.Config

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call" or report.skipped:
            return
        seen = next((value for key, value in report.user_properties if key == _PROPERTY), None)
        if isinstance(seen, dict):
            _note_report(_record(self.config), report, seen)


def _note_report(done: _Record, report: pytest.TestReport, seen: dict[str, Any]) -> None:
    done.ran.add(report.nodeid)
    if seen["feature"]:
        done.features.add(seen["feature"])
    done.rules.update(dict.fromkeys(seen["rules"]))
    if report.passed:
        done.fired.update(seen["fired"])
    else:
        done.failed[report.nodeid] = None
        done.fired_failing.update(seen["fired"])


@attrs.frozen
class Coverage:
    """The rule coverage of one session.

    Attributes:
        ran: how many scenarios ran.
        expected: how many scenarios there are (in the feature files of
            ``bdd_features_base_dir`` and of the scenarios that ran, and collected).
        rules: the rules of the knowledge bases consulted.
        uncovered: the rules no passing scenario fired.
        failed: how many scenarios failed (their rules do not count).
        failing: the node ids of the scenarios that failed.
        fired_by_failing: the uncovered rules that a failing scenario fired before it failed.
    """

    ran: int
    expected: int
    rules: tuple[str, ...]
    uncovered: tuple[str, ...]
    failed: int
    failing: tuple[str, ...] = ()
    fired_by_failing: tuple[str, ...] = ()

    @property
    def checked(self) -> bool:
        """Whether every scenario ran, so that coverage means something."""
        return self.ran >= self.expected

    @property
    def ok(self) -> bool:
        """Whether it was checked and every rule was fired by a passing scenario."""
        return self.checked and not self.uncovered

    def lines(self) -> list[str]:
        """The report in words."""
        if not self.checked:
            ran = f"{self.ran} of {self.expected} scenarios ran"
            return [f"not checked: {ran}; rule coverage needs all of them (no -k, -m or ids)"]
        if not self.uncovered:
            return [f"every one of the {len(self.rules)} rules is fired by a passing scenario"]
        count = f"{len(self.uncovered)} of {len(self.rules)} rules"
        if self.failed:
            # A failing scenario's rules do not count: listing them as lacking a scenario
            # would send one to write scenarios that already exist.
            scenarios = "scenario" if self.failed == 1 else "scenarios"
            return [
                (
                    f"FAILED: not known: {self.failed} {scenarios} failed, and a failing "
                    "scenario's rules do not count; make these pass first:"
                ),
                *(f"  {node}" for node in self.failing),
                (
                    f"{count} are fired by no passing scenario so far; run again once every "
                    "scenario passes for the list"
                    + ("; fired only by a failing scenario:" if self.fired_by_failing else "")
                ),
                *(f"  {rule}" for rule in self.fired_by_failing),
            ]
        head = f"FAILED: {count} are fired by no passing scenario; write a scenario for each:"
        return [head, *(f"  {rule}" for rule in self.uncovered)]


def scenario_count(paths: Iterable[str]) -> int:
    """How many scenario tests the feature files make (one per row of an outline's
    examples)."""
    from pytest_bdd.feature import get_features

    total = 0
    for feature in get_features(sorted(set(paths))):
        for template in feature.scenarios.values():
            rows = sum(len(list(examples.as_contexts())) for examples in template.examples)
            total += rows or 1
    return total


def _coverage(config: pytest.Config, done: _Record) -> Coverage:
    paths = set(done.features)
    base = config.getini("bdd_features_base_dir")
    if base:  # pytest-bdd reads it relative to the root directory
        directory = config.rootpath / str(base)
        paths |= {str(path.resolve()) for path in directory.rglob("*.feature")}
    rules = tuple(done.rules) or tuple(
        rule.id for rule in load(config.stash.get(_RULES, None)).rules
    )
    return Coverage(
        ran=len(done.ran),
        expected=max(done.collected, scenario_count(paths)),
        rules=rules,
        uncovered=tuple(rule for rule in rules if rule not in done.fired),
        failed=len(done.failed),
        failing=tuple(done.failed),
        fired_by_failing=tuple(
            rule for rule in rules if rule in done.fired_failing and rule not in done.fired
        ),
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if hasattr(config, "workerinput"):  # a pytest-xdist worker: its controller reports
        return
    done = config.stash.get(_RECORD, None)
    if not _covering(config) or _RULES not in config.stash or done is None or not done.ran:
        return
    if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        return
    report = config.stash[_REPORT] = _coverage(config, done)
    if report.checked and not report.ok and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    report = config.stash.get(_REPORT, None)
    if report is None:
        return
    terminalreporter.write_sep("-", "rule coverage")
    failed = report.checked and not report.ok
    for line in report.lines():
        terminalreporter.write_line(visible(line), red=failed, green=report.ok)
