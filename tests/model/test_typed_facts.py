"""Tests of expert.model.typed_facts: any base's typed facts and groups, consulted by the generic engine."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import attrs
import pytest

from expert import Expert, FactError
from expert.model.typed_facts import group_of

PLANTS = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants"


@attrs.frozen
class Plant:
    """Typed facts of the houseplant example's ``plant`` group, written as any base would."""

    prefix: ClassVar[str] = "plant"
    kind: str | None = None
    light: str | None = None

    def known(self) -> dict[str, object]:
        return {
            f"plant.{name}": value
            for name, value in attrs.asdict(self).items()
            if value is not None
        }


@pytest.fixture(scope="module")
def plants() -> Expert:
    return Expert(PLANTS)


def test_typed_facts_of_another_base_are_consulted_like_a_mapping(plants):
    """A class of the plants base's own, with a prefix and known(), states its facts."""
    typed = plants.consult(Plant(kind="fern", light="low"))
    mapping = plants.consult({"plant.kind": "fern", "plant.light": "low"})
    assert typed.to_dict() == mapping.to_dict()
    assert typed.facts == {"plant.kind": "fern", "plant.light": "low"}


def test_a_keyword_names_a_group_of_any_base(plants):
    """consult(plant={...}) states the plant group's facts by short name."""
    keyword = plants.consult(plant={"kind": "fern"})
    assert keyword.facts == {"plant.kind": "fern"}
    assert keyword.to_dict() == plants.consult({"plant.kind": "fern"}).to_dict()


def test_a_keyword_takes_the_groups_typed_facts_only(plants):
    """plant=Plant(...) is that group's; typed facts of another group are refused, naming it."""
    assert plants.consult(plant=Plant(kind="cactus")).facts == {"plant.kind": "cactus"}

    @attrs.frozen
    class Care(Plant):
        prefix: ClassVar[str] = "care"

    with pytest.raises(FactError) as raised:
        plants.consult(plant=Care(kind="fern"))
    assert str(raised.value) == (
        "plant must be typed facts of plant or a mapping of its facts, not Care (facts of care)"
    )


def test_a_group_the_base_lacks_is_a_fact_error_naming_its_groups(plants):
    """consult(device=...) on the plants base names the groups it has."""
    with pytest.raises(FactError) as raised:
        plants.consult(device={"mic": "boom"})
    assert str(raised.value) == "consult() has no group 'device'; allowed groups: plant"
    assert raised.value.allowed == ("plant",)


def test_two_typed_facts_of_one_group_are_refused(plants):
    """One object per group: a second of the same group is named, as is a second mapping."""
    with pytest.raises(FactError, match=r"got another Plant \(plant\)$"):
        plants.consult(Plant(kind="fern"), Plant(light="low"))
    with pytest.raises(FactError, match="got another mapping$"):
        plants.consult({}, {})


def test_consult_many_reads_records_by_the_bases_groups(plants):
    """Records: typed facts, a tuple of them, a mapping by group or by full name."""
    results = list(
        plants.consult_many(
            [Plant(kind="fern"), (Plant(kind="fern"),), {"plant": {"kind": "fern"}},
             {"plant.kind": "fern"}]
        )
    )  # fmt: skip
    assert [r.facts for r in results] == [{"plant.kind": "fern"}] * 4


@pytest.mark.parametrize(
    ("facts", "group"),
    [
        (Plant(), "plant"),
        ({"prefix": "plant", "known": None}, None),  # a mapping is never typed facts
        (Plant, None),  # the class itself states nothing
        (42, None),
    ],
)
def test_group_of_finds_typed_facts_by_their_class(facts, group):
    """group_of: the prefix of an object whose class has a prefix and known(), else None."""
    assert group_of(facts) == group
