"""Tests of expert.inference.rete_amounts: amount tests whose memories are read lazily."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from expert import Expert
from expert.inference._compat import Fact, ReteMatcher
from expert.inference.rete import TunedNetwork, new_fact
from expert.inference.rete_amounts import LazyMemory
from expert.inference.rete_indexes import passing

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmarks/ is beside tests/, not installed

from benchmarks.synthetic import write_grown  # noqa: E402


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Expert:
    return Expert(write_grown(tmp_path_factory.mktemp("grown"), 200, modulus=37), cache_size=0)


def activations(matches: list[Any]) -> Counter:
    """Matches as (rule index, matched facts) pairs, comparable across engines."""
    return Counter(
        (
            action.index,
            frozenset((fact["attr"], fact["value"]) for fact in facts if "attr" in fact),
        )
        for action, facts, _ in matches
    )


def plain_activations(expert: Expert, facts: list[tuple[str, Any]]) -> Counter:
    """The activations experta's own network and agenda hold for ``facts``, before firing."""
    plain = type("Plain", (expert.compiled.engine_class,), {"__matcher__": ReteMatcher})
    engine = plain()
    engine.reset()
    engine.declare(*(Fact(attr=name, value=value) for name, value in facts))
    return Counter(
        (
            activation.rule._wrapped.index,
            frozenset(
                (fact["attr"], fact["value"]) for fact in activation.facts if "attr" in fact
            ),
        )
        for activation in engine.agenda.activations
    )


def test_a_grown_base_s_prices_sit_behind_a_lazy_index(grown):
    """Every price test of the generated rules captures its fact at once: its memory is a
    view of the index's facts, and the joins it feeds read that view."""
    network = TunedNetwork(grown.compiled.engine_class())
    index = max(network._amounts, key=lambda amounts: len(amounts.index.children))
    assert len(index.index.children) > 60
    assert all(type(memory) is LazyMemory for memory in index.memories.values())


@pytest.mark.parametrize(
    "facts",
    [
        [("device.price", 20)],
        [("device.mic", "boom"), ("device.price", 20)],
        [("device.price", 20), ("device.mic", "boom")],
        [("device.price", 3), ("device.price", 7.5), ("device.mic", "boom")],
        [("device.mic", "boom"), ("device.price", 36), ("device.price", 0)],
        [("device.price", float("inf")), ("device.price", float("nan"))],
    ],
)
def test_the_lazy_index_matches_what_experta_matches(grown, facts):
    """One or several prices, before or after the microphone: the tuned network's matches
    (before any rule fires) are experta's own, with no match twice."""
    network = TunedNetwork(grown.compiled.engine_class())
    network.reset()
    added, removed = network.add(new_fact(name, value) for name, value in facts)
    assert removed == []
    ours = activations(added)
    assert ours == plain_activations(grown, facts)
    assert max(ours.values()) == 1
    network.reset()  # and again on the same network, emptied
    again, _ = network.add(new_fact(name, value) for name, value in facts)
    assert activations(again) == ours


def routes_eagerly(index: Any, position: int, value: Any) -> bool:
    """Whether a test passed by ``value``, the index's only fact, sends it on to anything
    when the eager memories are filled in the siblings' order (the definition)."""
    grouped = index.routes[position]
    if grouped is None:
        return True
    for other, _ in grouped:
        if other is None:
            return True
        if type(other) is LazyMemory:
            if other.position < position and other.passes(value):
                return True
        elif other:
            return True
    return False


@pytest.mark.parametrize("price", [0, 3, 20, 20.5, 36, 1e9])
def test_a_price_goes_only_to_the_tests_that_can_route_it(grown, price):
    """Alone in the index, a price reaches exactly the tests it passes that send it on,
    found by bisection: here the later test of each generated range holding it, and the
    tests feeding rules of one pattern; far fewer than the tests it passes."""
    network = TunedNetwork(grown.compiled.engine_class())
    network.reset()
    index = max(network._amounts, key=lambda amounts: len(amounts.index.children))
    passed = passing(index.index.ops, price)
    expected = [p for p in passed if routes_eagerly(index, p, price)]
    assert index._reachable(price) == expected
    assert len(expected) <= 5 < len(passed)
