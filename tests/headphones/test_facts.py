"""Tests of expert.headphones.facts: the Device and Needs classes and their validation."""

from __future__ import annotations

import math

import attrs
import pytest

from expert import Device, FactError, Needs
from expert.headphones.facts import bundled_inputs


def test_a_valid_device_keeps_its_facts():
    """Stated facts are kept; unknown ones are None and left out of known()."""
    device = Device(mic="boom", fit="over-ear", anc=True, price=79.5)
    assert device.known() == {
        "device.mic": "boom",
        "device.fit": "over-ear",
        "device.anc": True,
        "device.price": 79.5,
    }
    assert device.back is None


def test_facts_are_frozen_and_hashable():
    """Facts cannot be changed in place and can key a cache."""
    device = Device(mic="boom")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        device.mic = "none"  # type: ignore[misc]
    assert hash(device) == hash(Device(mic="boom"))


def test_a_bad_value_names_the_field_the_value_and_the_allowed_values():
    """device.mic = 'bogus' is rejected with the allowed values listed."""
    with pytest.raises(FactError) as caught:
        Device(mic="bogus")
    error = caught.value
    assert error.field == "device.mic"
    assert error.value == "bogus"
    assert error.allowed == ("none", "inline", "boom", "builtin", "external")
    assert "device.mic" in str(error) and "boom" in str(error) and "'bogus'" in str(error)


def test_a_misspelt_name_suggests_the_nearest_one():
    """Device(mik=...) suggests mic."""
    with pytest.raises(FactError) as caught:
        Device(mik="boom")
    assert caught.value.suggestion == "mic"
    assert "did you mean 'mic'" in str(caught.value)


def test_a_misspelt_value_suggests_the_nearest_one():
    """needs.uses 'gamin' suggests gaming."""
    with pytest.raises(FactError) as caught:
        Needs(uses=["gamin"])
    assert caught.value.suggestion == "gaming"


@pytest.mark.parametrize("price", [math.nan, math.inf, -1, "cheap", True])
def test_prices_must_be_finite_non_negative_numbers(price):
    """NaN, infinity, negatives, text and booleans are not prices."""
    with pytest.raises(FactError, match="device.price"):
        Device(price=price)


@pytest.mark.parametrize("value", [1, "maybe", None.__class__])
def test_flags_take_only_booleans_or_their_words(value):
    """A flag is True or False, or a word for one ('yes'), not 1 or 'maybe'."""
    with pytest.raises(FactError, match="device.anc"):
        Device(anc=value)


def test_text_values_read_as_typed_words():
    """Device and Needs read text as the command line does: flags, case, commas, numbers."""
    device = Device(anc="true", bluetooth="No", mic="BOOM", price="30")
    assert (device.anc, device.bluetooth, device.mic, device.price) == (True, False, "boom", 30)
    assert Needs(uses="Calls, GAMING").uses == frozenset({"calls", "gaming"})


def test_set_facts_accept_lists_sets_and_comma_text():
    """needs.uses from a list, a set or 'a,b' text all become one frozenset."""
    expected = frozenset({"gaming", "calls"})
    assert Needs(uses=["gaming", "calls"]).uses == expected
    assert Needs(uses={"gaming", "calls"}).uses == expected
    assert Needs(uses="gaming, calls").uses == expected


@pytest.mark.parametrize("value", [42, [1, 2], {"gaming": 1}])
def test_set_facts_reject_other_types(value):
    """A number, numbers or a mapping are not a set of uses."""
    with pytest.raises(FactError, match="needs.uses"):
        Needs(uses=value)


def test_from_mapping_parses_command_line_words():
    """Strings become flags, numbers and sets when asked to."""
    device = Device.from_mapping({"device.anc": "yes", "price": "30"}, strings=True)
    assert device.anc is True and device.price == 30.0
    needs = Needs.from_mapping({"uses": "gaming,calls", "budget": "80"}, strings=True)
    assert needs.uses == frozenset({"gaming", "calls"}) and needs.budget == 80.0


def test_from_mapping_rejects_bad_words():
    """'maybe' is not a flag and 'lots' not a number."""
    with pytest.raises(FactError, match="true, false"):
        Device.from_mapping({"anc": "maybe"}, strings=True)
    with pytest.raises(FactError, match="not a number"):
        Needs.from_mapping({"budget": "lots"}, strings=True)


def test_from_mapping_rejects_a_non_mapping():
    """A list is not a mapping of facts."""
    with pytest.raises(FactError, match="expected a mapping"):
        Device.from_mapping(["mic", "boom"])  # type: ignore[arg-type]


def test_to_dict_is_json_ready():
    """Sets become sorted lists under short names."""
    assert Needs(uses=["music", "calls"]).to_dict() == {"uses": ["calls", "music"]}


def test_the_contract_vocabulary_is_present():
    """Every input named by the design exists with its values."""
    specs = bundled_inputs()
    assert specs["device.plug"].values == ("3.5mm", "2.5mm", "usb-a", "usb-c")
    assert specs["needs.platform"].values == ("phone", "iphone", "pc", "console")
    assert {"online-gaming", "call-center", "late-night"} <= set(specs["needs.uses"].values)
    assert specs["device.anc"].kind == "flag" and specs["needs.budget"].kind == "amount"
