"""Seeded, reproducible facts drawn from the input vocabulary (``expert.facts.bundled_inputs``)."""

from __future__ import annotations

import random
from typing import Any

from expert.facts import Device, Needs, bundled_inputs
from expert.vocabulary import Attribute

__all__ = ["AMOUNTS", "SCOPES", "random_facts", "random_value", "stated_facts"]

#: Prices and budgets drawn for amounts: around the thresholds rules use.
AMOUNTS = (10.0, 20.0, 35.0, 50.0, 80.0, 100.0, 150.0, 200.0, 300.0, 500.0)

#: Which facts a consultation states: the device's, the needs' or both.
SCOPES = ("device", "needs", "both")


def random_value(rng: random.Random, spec: Attribute) -> Any:
    """One allowed value of ``spec``: a set holds one to three members."""
    if spec.kind == "choice":
        return rng.choice(spec.values)
    if spec.kind == "set":
        return frozenset(rng.sample(spec.values, rng.randint(1, 3)))
    if spec.kind == "flag":
        return rng.random() < 0.5
    return rng.choice(AMOUNTS)


def _split(chosen: dict[str, Any]) -> tuple[Device, Needs]:
    groups: dict[str, dict[str, Any]] = {"device": {}, "needs": {}}
    for name, value in chosen.items():
        group, short = name.split(".", 1)
        groups[group][short] = value
    return Device(**groups["device"]), Needs(**groups["needs"])


def random_facts(
    rng: random.Random, scope: str = "both", share: float = 0.5
) -> tuple[Device, Needs]:
    """A device and needs stating each fact of ``scope`` with probability ``share``.

    At least one fact is stated, so no consultation is empty.
    """
    names = [name for name in bundled_inputs() if scope == "both" or name.startswith(scope)]
    specs = bundled_inputs()
    chosen = {name: random_value(rng, specs[name]) for name in names if rng.random() < share}
    if not chosen:
        name = rng.choice(names)
        chosen[name] = random_value(rng, specs[name])
    return _split(chosen)


def stated_facts(rng: random.Random, count: int | None) -> tuple[Device, Needs]:
    """A device and needs stating exactly ``count`` facts (all of them for ``None``)."""
    specs = bundled_inputs()
    names = list(specs) if count is None else rng.sample(list(specs), count)
    return _split({name: random_value(rng, specs[name]) for name in names})
