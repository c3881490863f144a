"""Tests of expert.inference.runner: the tuned experta runner fires what experta's own run() fires."""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from support import TINY_RULES, write_base

from expert import Expert
from expert.headphones.facts import bundled_inputs
from expert.inference._compat import Fact, ReteMatcher
from expert.inference.runner import ExpertaRunner

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmarks/ is beside tests/, not installed

from benchmarks.synthetic import write_grown  # noqa: E402


def given(expert: Expert, stated: dict[str, Any]) -> list[tuple[str, Any]]:
    """The conclusions the stated facts state outright (a stated device.type's kind)."""
    return [(name, value) for name, (value, _) in expert.knowledge.implied(stated).items()]


def plain_record(expert: Expert, stated: dict[str, Any]) -> list[tuple[int, Any]]:
    """The record of experta's untouched engine: reset(), declare(), run()."""
    # The compiled class builds its network with LinearMatcher: this engine is built by
    # experta's own ReteMatcher, so the comparison covers the network's construction too.
    plain = type("Plain", (expert.compiled.engine_class,), {"__matcher__": ReteMatcher})
    engine = plain()
    engine.reset()
    engine.record = []
    declared = [*stated.items(), *given(expert, stated)]
    facts = [Fact(attr=k, value=v) for k, v in declared if k in expert.compiled.tested]
    if facts:
        engine.declare(*facts)
    engine.run()
    return engine.record


def firings(record: list[tuple[int, Any]]) -> Counter:
    """A record as a multiset, sets made comparable."""
    return Counter(
        (index, tuple((a, tuple(sorted(v)) if isinstance(v, frozenset) else v) for a, v in m))
        for index, m in record
    )


def stated_samples(seed: int, count: int) -> list[dict[str, Any]]:
    """Seeded random stated facts by full name, about half of them each time."""
    rng = random.Random(seed)
    samples = []
    for _ in range(count):
        stated: dict[str, Any] = {}
        for name, spec in bundled_inputs().items():
            if rng.random() < 0.5:
                if spec.kind == "choice":
                    stated[name] = rng.choice(spec.values)
                elif spec.kind == "set":
                    stated[name] = frozenset(rng.sample(spec.values, rng.randint(0, 3)))
                elif spec.kind == "flag":
                    stated[name] = rng.random() < 0.5
                else:
                    stated[name] = rng.choice((10.0, 40, 50.0, 100, 250.0))
        samples.append(stated)
    return samples


@pytest.mark.parametrize(
    "base",
    [
        pytest.param("bundled", marks=pytest.mark.slow),
        "tiny",
        pytest.param("grown", marks=pytest.mark.slow),
    ],
)
def test_the_tuned_runner_fires_what_experta_fires(base, tmp_path):
    """On random facts, the tuned network and batched firing give experta's own firings;
    on a base grown by rules over one amount and one choice, with prices on and between
    their thresholds."""
    if base == "grown":
        rules = write_grown(tmp_path / "grown", 200, modulus=37)
    else:
        rules = None if base == "bundled" else write_base(tmp_path / "tiny", {"tiny": TINY_RULES})
    expert = Expert(rules, cache_size=0)
    runner = ExpertaRunner(expert.compiled, 10_000)
    count = 6 if base == "grown" else 60  # each sample builds experta's own engine anew
    samples = stated_samples(seed=11, count=count) + [{}, {"device.type": "headset"}]
    if base == "grown":
        prices = (0, 3, 3.5, 20, 36, 40.25, 1e9, -1, float("nan"), float("inf"))
        samples += [{"device.mic": "boom", "device.price": price} for price in prices]
        samples += [{"device.price": price} for price in prices]
    assert any(given(expert, stated) for stated in samples)  # stated kinds are among them
    for stated in samples:
        record = runner.run(stated, given(expert, stated))
        assert firings(record) == firings(plain_record(expert, stated)), stated


def test_a_runner_is_reusable_after_many_runs():
    """Running the same facts again on a reused runner gives the same record."""
    expert = Expert(cache_size=0)
    runner = ExpertaRunner(expert.compiled, 10_000)
    stated = {"device.mic": "boom", "needs.uses": frozenset({"gaming", "calls"})}
    first = firings(runner.run(stated))
    for other in stated_samples(seed=3, count=20):
        runner.run(other)
    assert firings(runner.run(stated)) == first
