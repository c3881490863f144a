"""Knowledge-base tests for rules/connectivity.toml: wireless, Bluetooth, jacks and ports."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "connectivity.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}

CASES = [
    ("connectivity.headphones-may-be-wireless", HEADPHONES, "headphones.features", "wireless"),
    (
        "connectivity.wireless-headphones-bluetooth-to-phone",
        {"device": {"mic": "none", "connection": "wireless"}},
        "headphones.features",
        "bluetooth",
    ),
    (
        "connectivity.headphones-connect-to-various-devices",
        HEADPHONES,
        "headphones.features",
        "multi-device",
    ),
    (
        "connectivity.headsets-frequently-wireless-bluetooth",
        HEADSET,
        "headsets.features",
        "bluetooth",
    ),
    (
        "connectivity.wireless-headsets-professional-use",
        {"device": {"mic": "boom", "connection": "wireless"}},
        "device.suited_for",
        "professional-use",
    ),
    (
        "connectivity.headsets-console-compatible",
        HEADSET,
        "headsets.features",
        "console-compatible",
    ),
    (
        "connectivity.console-look-for-compatible",
        {"needs": {"platform": "console"}},
        "recommendation.features",
        "console-compatible",
    ),
    (
        "connectivity.console-look-for-compatible",
        {"needs": {"platform": "console"}},
        "recommendation.advice",
        "check-console-compatibility",
    ),
    (
        "connectivity.phones-2-5mm-headset-jack",
        {"needs": {"platform": "phone"}},
        "recommendation.plug",
        "2.5mm",
    ),
    (
        "connectivity.wired-phones-2-5mm-headset-jack",
        {"device": {"connection": "wired"}, "needs": {"platform": "phone"}},
        "recommendation.plug",
        "2.5mm",
    ),
    (
        "connectivity.phone-bluetooth",
        {"needs": {"platform": "phone"}},
        "recommendation.features",
        "bluetooth",
    ),
    (
        "connectivity.iphone-3-5mm-jack",
        {"needs": {"platform": "iphone"}},
        "recommendation.plug",
        "3.5mm",
    ),
    (
        "connectivity.wired-iphone-3-5mm-jack",
        {"device": {"connection": "wired"}, "needs": {"platform": "iphone"}},
        "recommendation.plug",
        "3.5mm",
    ),
    (
        "connectivity.iphone-workaround",
        {"needs": {"platform": "iphone"}},
        "recommendation.advice",
        "iphone-workaround",
    ),
    (
        "connectivity.wired-iphone-workaround",
        {"device": {"connection": "wired"}, "needs": {"platform": "iphone"}},
        "recommendation.advice",
        "iphone-workaround",
    ),
    (
        "connectivity.pc-headset-usb-a",
        {"needs": {"platform": "pc"}},
        "recommendation.plug",
        "usb-a",
    ),
    (
        "connectivity.pc-gaming-headset-usb-a",
        {"needs": {"platform": "pc", "uses": ["gaming"]}},
        "recommendation.plug",
        "usb-a",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("connectivity", CASES)


def test_iphone_jack_disagrees_with_typical_phone_jack(expert):
    """For an iPhone the 2.5mm phone jack and the 3.5mm iPhone jack conflict; 3.5mm wins."""
    result = expert.consult(needs={"platform": "iphone"})
    assert "recommendation.plug" in [conflict.attribute for conflict in result.conflicts]
    assert result.verdict("recommendation.plug").value == "3.5mm"


def test_other_phones_take_the_2_5mm_jack_without_conflict(expert):
    """For a phone that is not an iPhone only the 2.5mm jack is concluded."""
    result = expert.consult(needs={"platform": "phone"})
    assert "recommendation.plug" not in [conflict.attribute for conflict in result.conflicts]
    assert result.verdict("recommendation.plug").value == "2.5mm"


def test_what_many_headsets_offer_is_not_said_of_this_one(expert):
    """'Not all, but many' headsets have Bluetooth: a note, not a feature of this headset."""
    result = expert.consult(device={"mic": "boom"})
    assert "device.features" not in result
    (note,) = [
        n for n in result.notes if n.rule == "connectivity.headsets-frequently-wireless-bluetooth"
    ]
    assert "bluetooth" in note.value and note.certainty == 0.6


def test_usb_a_is_one_way_to_connect_to_a_pc_not_the_only_one(expert):
    """'It is a straightforward process to connect a gaming headset to a PC via a USB-A port'
    describes one way: `can` for any PC user, and for a PC gamer, of whom the article's steps
    speak, the same article twice over (0.4 and 0.4: 0.64), never certain."""
    assert (
        expert.consult(needs={"platform": "pc"}).certainty("recommendation.plug", "usb-a") == 0.4
    )
    gamer = expert.consult(needs={"platform": "pc", "uses": ["gaming"]})
    assert round(gamer.certainty("recommendation.plug", "usb-a"), 2) == 0.64


def test_a_wireless_device_gets_no_jack_advice_for_an_iphone(expert):
    """The iPhone's 3.5mm jack, and the ways to work around it, are about a plug: a device
    stated to be wireless gets neither, only what Bluetooth offers; stated needs alone, or a
    wired device, get both."""
    wireless = expert.consult(
        device={"type": "headphones", "connection": "wireless", "bluetooth": True},
        needs={"platform": "iphone", "uses": ["music"]},
    )
    assert "recommendation.plug" not in wireless
    assert "recommendation.advice" not in wireless or "iphone-workaround" not in (
        wireless.verdict("recommendation.advice").value
    )
    assert "bluetooth-to-phone" in wireless.verdict("assessment.strengths").value
    for device in ({}, {"connection": "wired"}):
        result = expert.consult(device=device, needs={"platform": "iphone"})
        assert result.verdict("recommendation.plug").value == "3.5mm"
        assert "iphone-workaround" in result.verdict("recommendation.advice").value
