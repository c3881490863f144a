"""The Gherkin specification: every scenario of every feature in features/ is a test."""

from __future__ import annotations

from pytest_bdd import scenarios
from tracking import FEATURES

for feature in sorted(FEATURES.glob("*.feature")):
    scenarios(feature.name)
