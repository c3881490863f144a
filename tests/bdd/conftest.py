"""Fixtures and hooks of the Gherkin specification: the expert under test and rule coverage."""

from __future__ import annotations

import os

import pytest
from steps import *  # noqa: F403 (step definitions are fixtures: they must be visible here)
from steps_explain import *  # noqa: F403
from steps_then import *  # noqa: F403
from tracking import FIRED, is_scenario, record

from expert import Expert

#: Names another rules directory to run the specification against (the mutation test uses it).
RULES_VARIABLE = "EXPERT_RULES"


@pytest.fixture(scope="session")
def expert() -> Expert:
    """The expert under test: the bundled knowledge base, or the one $EXPERT_RULES names."""
    return Expert(os.environ.get(RULES_VARIABLE) or None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "after_scenarios: runs after every scenario (it checks what they did)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Move the tests that check what the scenarios did to the end of the session."""
    last = [item for item in items if item.get_closest_marker("after_scenarios")]
    items[:] = [item for item in items if item not in last] + last


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Count the rules a scenario fired once it passed; note every scenario that ran (a skipped
    one did not run, so coverage is not checked in that session)."""
    report = yield
    if report.when == "call" and not report.skipped and is_scenario(item):
        done = record(item.config)
        done.ran.add(item.nodeid)
        if report.passed:
            done.fired |= item.stash.get(FIRED, set())
        else:
            done.failed.add(item.nodeid)
    return report
