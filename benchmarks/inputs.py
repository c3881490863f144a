"""Seeded, reproducible facts drawn from the input vocabulary (``expert.headphones.facts.bundled_inputs``).

With ``EXPERT_BENCH_VOCABULARY`` set (JSON: input names to their allowed values), facts are
drawn from those inputs and values only, in the bundled order: the same seed then states the
same facts as a suite of an older revision whose vocabulary that is.
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

import attrs

from expert.headphones.facts import Device, Needs, bundled_inputs
from expert.model.vocabulary import Attribute

__all__ = ["AMOUNTS", "SCOPES", "random_facts", "random_value", "stated_facts"]

#: Prices and budgets drawn for amounts: around the thresholds rules use.
AMOUNTS = (10.0, 20.0, 35.0, 50.0, 80.0, 100.0, 150.0, 200.0, 300.0, 500.0)

#: Which facts a consultation states: the device's, the needs' or both.
SCOPES = ("device", "needs", "both")


def _inputs() -> dict[str, Attribute]:
    """The inputs facts are drawn from (see the module docstring)."""
    inputs = bundled_inputs()
    limited = os.environ.get("EXPERT_BENCH_VOCABULARY")
    if not limited:
        return inputs
    allowed = json.loads(limited)
    return {
        name: attrs.evolve(
            attribute, values=tuple(v for v in attribute.values if v in allowed[name])
        )
        for name, attribute in inputs.items()
        if name in allowed
    }


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
    specs = _inputs()
    names = [name for name in specs if scope == "both" or name.startswith(scope)]
    chosen = {name: random_value(rng, specs[name]) for name in names if rng.random() < share}
    if not chosen:
        name = rng.choice(names)
        chosen[name] = random_value(rng, specs[name])
    return _split(chosen)


def stated_facts(rng: random.Random, count: int | None) -> tuple[Device, Needs]:
    """A device and needs stating exactly ``count`` facts (all of them for ``None``)."""
    specs = _inputs()
    names = list(specs) if count is None else rng.sample(list(specs), count)
    return _split({name: random_value(rng, specs[name]) for name in names})
