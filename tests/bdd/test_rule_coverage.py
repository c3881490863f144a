"""Rule coverage: every rule of the knowledge base is fired by a scenario that passed."""

from __future__ import annotations

import pytest
from tracking import record, scenario_count


@pytest.mark.after_scenarios
def test_every_rule_is_fired_by_a_passing_scenario(request, expert):
    """Runs after the scenarios; skips (saying why) when only some of them were selected."""
    done = record(request.config)
    expected = scenario_count()
    if len(done.ran) < expected:
        pytest.skip(
            f"only {len(done.ran)} of {expected} scenarios ran in this session; rule coverage "
            "needs all of them: python -m pytest tests/bdd"
        )
    rules = [rule.id for rule in expert.knowledge.rules]
    uncovered = [rule for rule in rules if rule not in done.fired]
    failed = f" ({len(done.failed)} failed scenarios do not count)" if done.failed else ""
    assert not uncovered, (
        f"{len(uncovered)} of {len(rules)} rules are fired by no passing scenario{failed}; "
        "write a scenario for each:\n  " + "\n  ".join(uncovered)
    )
