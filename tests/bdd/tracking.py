"""Which rules the scenarios fired, and which scenarios ran: the record behind rule coverage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features

#: The Gherkin specification.
FEATURES = Path(__file__).resolve().parents[2] / "features"


@dataclass
class Record:
    """What the scenarios of this session did."""

    fired: set[str] = field(default_factory=set)  # rules fired in scenarios that passed
    ran: set[str] = field(default_factory=set)  # node ids of scenarios that ran
    failed: set[str] = field(default_factory=set)  # node ids of scenarios that failed


RECORD = pytest.StashKey[Record]()
FIRED = pytest.StashKey[set]()


def record(config: pytest.Config) -> Record:
    """The session's record, created on first use."""
    if RECORD not in config.stash:
        config.stash[RECORD] = Record()
    return config.stash[RECORD]


def note_fired(node: pytest.Item, rules) -> None:
    """Remember that ``rules`` fired in the scenario ``node`` (counted if it passes)."""
    node.stash.setdefault(FIRED, set()).update(rules)


def is_scenario(item: pytest.Item) -> bool:
    """Whether a test item is a scenario of the specification."""
    return "_pytest_bdd_example" in getattr(item, "fixturenames", ())


def features():
    """Every feature of the specification, parsed."""
    return get_features([str(path) for path in sorted(FEATURES.glob("*.feature"))])


def scenario_count() -> int:
    """How many scenario tests the features make (one per row of an outline's examples)."""
    total = 0
    for feature in features():
        for template in feature.scenarios.values():
            rows = sum(len(list(examples.as_contexts())) for examples in template.examples)
            total += rows or 1
    return total
