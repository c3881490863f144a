"""The Gherkin specification: every scenario of every feature in features/ is a test.

The steps come from the expert pytest plugin (:mod:`expert.specs.steps`) and, for the
bundled base's phrases, :mod:`expert.headphones.steps` (``-p expert.headphones.steps`` in
setup.cfg).
"""

from __future__ import annotations

from pathlib import Path

from pytest_bdd import scenarios

#: The Gherkin specification.
FEATURES = Path(__file__).resolve().parents[2] / "features"

for feature in sorted(FEATURES.glob("*.feature")):
    scenarios(feature.name)
