"""Knowledge-base tests for rules/isolation.toml: styles, closed-back seal and noise cancelling."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "isolation.toml"

HEADPHONES = {"device": {"mic": "none"}}
ISOLATION_FIRST = {"needs": {"priorities": ["isolation"]}}
NOISY = {"needs": {"environment": "noisy"}}

CASES = [
    ("isolation.headphone-styles", HEADPHONES, "headphones.styles", "open-back"),
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
    ("isolation.headphones-range-to-anc", HEADPHONES, "headphones.features", "anc"),
    ("isolation.headphones-earbuds-to-over-ear", HEADPHONES, "headphones.styles", "in-ear"),
    ("isolation.headphones-shapes-and-sizes", HEADPHONES, "headphones.styles", "on-ear"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("isolation", CASES)


def test_styles_and_anc_of_the_class_are_notes(expert):
    """A closed-back over-ear pair is not said to come in open-back or in-ear styles, nor to
    have ANC: what headphones come in and have is a note."""
    result = expert.consult(device={"mic": "none", "fit": "over-ear", "back": "closed"})
    assert "device.features" not in result
    assert not [v for v in result.verdicts if "style" in v.attribute]
    noted = {note.attribute for note in result.notes}
    assert {"headphones.styles", "headphones.features"} <= noted


def test_open_back_is_not_best(expert):
    """Only the closed-back over-ear combination is concluded to isolate best."""
    result = expert.consult(device={"back": "open", "fit": "over-ear"})
    assert "isolation.closed-over-ear-best" not in result.fired_rules
