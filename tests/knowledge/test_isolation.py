"""Knowledge-base tests for rules/isolation.toml: styles, closed-back seal and noise cancelling."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "isolation.toml"

HEADPHONES = {"device": {"mic": "none"}}
ISOLATION_FIRST = {"needs": {"priorities": ["isolation"]}}
NOISY = {"needs": {"environment": "noisy"}}

CASES = [
    ("isolation.anc-only-certain-models", {"device": {"mic": "none"}}, "device.features", "anc"),
    ("isolation.headphone-styles", HEADPHONES, "device.styles", "open-back"),
    ("isolation.customize-isolation", ISOLATION_FIRST, "recommendation.kind", "headphones"),
    (
        "isolation.closed-over-ear-best",
        {"device": {"back": "closed", "fit": "over-ear"}},
        "device.isolation",
        "best",
    ),
    (
        "isolation.isolation-seekers-closed-over-ear",
        ISOLATION_FIRST,
        "recommendation.features",
        "closed-back",
    ),
    ("isolation.noisy-closed-over-ear", NOISY, "recommendation.features", "over-ear"),
    ("isolation.noisy-anc", NOISY, "recommendation.features", "anc"),
    ("isolation.headphones-range-to-anc", HEADPHONES, "device.features", "anc"),
    ("isolation.headphones-earbuds-to-over-ear", HEADPHONES, "device.styles", "in-ear"),
    ("isolation.headphones-shapes-and-sizes", HEADPHONES, "device.styles", "on-ear"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("isolation", CASES)


def test_anc_only_certain_models(expert):
    """The 'certain models' rule fires as evidence against ANC being typical of headphones."""
    result = expert.consult(**HEADPHONES)
    assert "isolation.anc-only-certain-models" in result.fired_rules
    firing = next(f for f in result.firings if f.rule == "isolation.anc-only-certain-models")
    assert ("device.features", "anc") in firing.conclusions
    assert result.certainty("device.features", "anc") < 0.8


def test_open_back_is_not_best(expert):
    """Only the closed-back over-ear combination is concluded to isolate best."""
    result = expert.consult(device={"back": "open", "fit": "over-ear"})
    assert "isolation.closed-over-ear-best" not in result.fired_rules
