"""Hypothesis strategies for facts, shared by the property and hostile-input tests."""

from __future__ import annotations

from hypothesis import strategies as st

from expert import Device, Needs
from expert.headphones.facts import bundled_inputs
from expert.model.vocabulary import Attribute


def value_of(spec: Attribute) -> st.SearchStrategy:
    """Any valid value of one input fact."""
    if spec.kind == "flag":
        return st.booleans()
    if spec.kind == "amount":
        return st.one_of(st.integers(0, 1000), st.floats(0, 1e6, allow_nan=False))
    if spec.kind == "set":
        return st.frozensets(st.sampled_from(spec.values), max_size=len(spec.values))
    return st.sampled_from(spec.values)


def facts_of(cls: type) -> st.SearchStrategy:
    """A Device or Needs with any subset of its facts stated."""
    specs = {a.short: a for a in bundled_inputs(cls.prefix).values()}
    return st.fixed_dictionaries(
        {}, optional={name: value_of(spec) for name, spec in specs.items()}
    ).map(lambda values: cls(**values))


devices = facts_of(Device)
needs = facts_of(Needs)

#: Values no fact accepts: wrong types, odd numbers, odd text.
hostile_values = st.one_of(
    st.none().map(lambda _: float("nan")),
    st.just(float("inf")),
    st.just(-float("inf")),
    st.integers(-(10**30), -1),
    st.text(max_size=50),
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just("\x00\x1b[31m\u202e"),
    st.just("x" * 100_000),
)


def profile_of(inputs: dict[str, Attribute]) -> st.SearchStrategy:
    """A full answer profile: a value for every input, by full name (what a person would
    answer to each question of a guided consultation)."""
    return st.fixed_dictionaries({name: value_of(spec) for name, spec in inputs.items()})


#: A full answer profile for the bundled base.
profiles = profile_of({**bundled_inputs("device"), **bundled_inputs("needs")})
