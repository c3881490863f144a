"""Knowledge tests for rules/assessment.toml: a stated device against stated needs, and the fit
the expert's own policy (assessment-policy) draws from the concerns and strengths."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import rule_case_tests

RULES = Path(__file__).resolve().parents[2] / "rules" / "assessment.toml"

INLINE_ONLINE_GAMER = {"device": {"mic": "inline"}, "needs": {"uses": ["online-gaming"]}}
OPEN_BACK_IN_NOISE = {"device": {"mic": "none", "back": "open"}, "needs": {"environment": "noisy"}}
BOOM_GAMER = {"device": {"mic": "boom"}, "needs": {"uses": ["online-gaming"]}}

CASES = [
    (
        "assessment.no-mic-for-calls",
        {"device": {"mic": "none"}, "needs": {"uses": ["calls"]}},
        "assessment.concerns",
        "no-mic",
    ),
    (
        "assessment.no-mic-for-calls",
        {"device": {"mic": "none"}, "needs": {"uses": ["calls"]}},
        "assessment.look_for",
        "built-in-mic",
    ),
    (
        "assessment.no-mic-for-online-games",
        {"device": {"mic": "none"}, "needs": {"uses": ["online-gaming"]}},
        "assessment.concerns",
        "no-mic",
    ),
    (
        "assessment.no-mic-for-online-games",
        {"device": {"mic": "none"}, "needs": {"uses": ["online-gaming"]}},
        "assessment.look_for",
        "headset",
    ),
    (
        "assessment.headphones-mic-unstated-for-talk",
        {"device": {"type": "headphones"}, "needs": {"uses": ["conferencing"]}},
        "assessment.concerns",
        "no-mic",
    ),
    (
        "assessment.headphones-mic-unstated-for-calls",
        {"device": {"type": "headphones"}, "needs": {"uses": ["calls"]}},
        "assessment.look_for",
        "built-in-mic",
    ),
    (
        "assessment.no-mic-listening-only",
        {"device": {"mic": "none"}, "needs": {"uses": ["calls"]}},
        "assessment.concerns",
        "no-mic",
    ),
    (
        "assessment.no-mic-add-external",
        {"device": {"mic": "none"}, "needs": {"uses": ["calls"]}},
        "assessment.look_for",
        "external-mic",
    ),
    (
        "assessment.no-mic-for-recording",
        {"device": {"mic": "none"}, "needs": {"uses": ["recording"]}},
        "assessment.concerns",
        "no-mic",
    ),
    (
        "assessment.inline-mic-for-demanding-talk",
        {"device": {"mic": "inline"}, "needs": {"uses": ["online-gaming"]}},
        "assessment.concerns",
        "poor-mic",
    ),
    (
        "assessment.inline-mic-for-mic-quality",
        {"device": {"mic": "inline"}, "needs": {"priorities": ["mic-quality"]}},
        "assessment.concerns",
        "poor-mic",
    ),
    (
        "assessment.inline-mic-in-noise",
        {"device": {"mic": "inline"}, "needs": {"environment": "noisy", "uses": ["calls"]}},
        "assessment.concerns",
        "mic-picks-up-noise",
    ),
    (
        "assessment.inline-mic-enough-for-calls",
        {"device": {"mic": "inline"}, "needs": {"uses": ["calls"]}},
        "assessment.strengths",
        "mic-enough-for-calls",
    ),
    (
        "assessment.inline-mic-enough-for-calls",
        {"device": {"mic": "inline"}, "needs": {"uses": ["conferencing"]}},
        "assessment.strengths",
        "mic-enough-for-calls",
    ),
    (
        "assessment.mic-for-phone-calls",
        {"device": {"mic": "builtin"}, "needs": {"uses": ["calls"]}},
        "assessment.strengths",
        "has-mic-for-calls",
    ),
    (
        "assessment.boom-mic-for-mic-quality",
        {"device": {"mic": "boom"}, "needs": {"priorities": ["mic-quality"]}},
        "assessment.strengths",
        "boom-mic",
    ),
    (
        "assessment.boom-mic-for-demanding-talk",
        {"device": {"mic": "boom"}, "needs": {"uses": ["gaming"]}},
        "assessment.strengths",
        "boom-mic",
    ),
    (
        "assessment.headset-mic-for-mic-quality",
        {"needs": {"priorities": ["mic-quality"]}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "clear-mic",
    ),
    (
        "assessment.external-mic-works-as-headset",
        {"device": {"mic": "external"}, "needs": {"uses": ["calls"]}},
        "assessment.strengths",
        "works-as-headset",
    ),
    (
        "assessment.external-mic-below-dedicated",
        {"device": {"mic": "external"}, "needs": {"uses": ["calls"]}},
        "assessment.concerns",
        "makeshift-mic",
    ),
    (
        "assessment.external-mic-for-mic-quality",
        {"device": {"mic": "external"}, "needs": {"priorities": ["mic-quality"]}},
        "assessment.concerns",
        "makeshift-mic",
    ),
    (
        "assessment.noise-reduction-for-noisy-calls",
        {
            "device": {"mic_noise_reduction": True},
            "needs": {"environment": "noisy", "uses": ["calls"]},
        },
        "assessment.strengths",
        "mic-noise-reduction",
    ),
    (
        "assessment.no-noise-reduction-for-noisy-calls",
        {
            "device": {"mic_noise_reduction": False, "mic": "inline"},
            "needs": {"environment": "noisy", "uses": ["calls"]},
        },
        "assessment.concerns",
        "mic-picks-up-noise",
    ),
    (
        "assessment.noise-reduction-for-office",
        {"device": {"mic_noise_reduction": True}, "needs": {"uses": ["office"]}},
        "assessment.strengths",
        "mic-noise-reduction",
    ),
    (
        "assessment.no-noise-reduction-for-office",
        {"device": {"mic_noise_reduction": False}, "needs": {"uses": ["office"]}},
        "assessment.look_for",
        "mic-noise-reduction",
    ),
    (
        "assessment.headset-mid-range-sound",
        {"device": {"mic": "boom"}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.concerns",
        "mid-range-sound",
    ),
    (
        "assessment.headset-mid-range-sound",
        {"device": {"type": "headset"}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.concerns",
        "mid-range-sound",
    ),
    (
        "assessment.inline-mic-for-demanding-talk",
        {"device": {"mic": "inline"}, "needs": {"uses": ["recording"]}},
        "assessment.concerns",
        "poor-mic",
    ),
    (
        "assessment.headset-mid-range-sound-at-100",
        {"device": {"mic": "boom", "price": 100}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.concerns",
        "mid-range-sound",
    ),
    (
        "assessment.headset-no-gap-at-20",
        {"device": {"price": 20, "mic": "boom"}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.strengths",
        "no-noticeable-gap",
    ),
    (
        "assessment.headset-high-quality-speakers",
        {"needs": {"priorities": ["sound-quality"]}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "high-quality-speakers",
    ),
    (
        "assessment.headphones-better-sound",
        {"needs": {"priorities": ["sound-quality"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "better-sound",
    ),
    (
        "assessment.professional-headphones-sound",
        {
            "device": {"tier": "professional", "mic": "none"},
            "needs": {"priorities": ["sound-quality"]},
        },
        "assessment.strengths",
        "better-sound",
    ),
    (
        "assessment.headset-in-the-studio",
        {"device": {"type": "headset"}, "needs": {"uses": ["studio"]}},
        "assessment.concerns",
        "mid-range-sound",
    ),
    (
        "assessment.headphones-in-the-studio",
        {"device": {"type": "headphones"}, "needs": {"uses": ["studio"]}},
        "assessment.strengths",
        "better-sound",
    ),
    (
        "assessment.headphones-high-quality-sound-wiki",
        {"needs": {"priorities": ["sound-quality"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "high-quality-sound",
    ),
    (
        "assessment.headphones-high-quality-sound-digimigia",
        {"needs": {"priorities": ["sound-quality"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "high-quality-sound",
    ),
    (
        "assessment.over-ear-for-sound",
        {"device": {"fit": "over-ear", "mic": "none"}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.strengths",
        "over-ear",
    ),
    (
        "assessment.wired-for-sound",
        {"device": {"connection": "wired"}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.strengths",
        "wired-sound",
    ),
    (
        "assessment.wireless-for-sound",
        {"device": {"connection": "wireless"}, "needs": {"priorities": ["sound-quality"]}},
        "assessment.concerns",
        "wireless-sound",
    ),
    (
        "assessment.closed-over-ear-in-noise",
        {"device": {"back": "closed", "fit": "over-ear"}, "needs": {"environment": "noisy"}},
        "assessment.strengths",
        "best-isolation",
    ),
    (
        "assessment.closed-over-ear-for-isolation",
        {"device": {"back": "closed", "fit": "over-ear"}, "needs": {"priorities": ["isolation"]}},
        "assessment.strengths",
        "best-isolation",
    ),
    (
        "assessment.open-back-in-noise",
        {"device": {"back": "open"}, "needs": {"environment": "noisy"}},
        "assessment.concerns",
        "weaker-isolation",
    ),
    (
        "assessment.not-over-ear-in-noise",
        {"device": {"fit": "on-ear"}, "needs": {"environment": "noisy"}},
        "assessment.concerns",
        "weaker-isolation",
    ),
    (
        "assessment.open-back-for-isolation",
        {"device": {"back": "open"}, "needs": {"priorities": ["isolation"]}},
        "assessment.concerns",
        "weaker-isolation",
    ),
    (
        "assessment.not-over-ear-for-isolation",
        {"device": {"fit": "on-ear"}, "needs": {"priorities": ["isolation"]}},
        "assessment.concerns",
        "weaker-isolation",
    ),
    (
        "assessment.anc-in-noise",
        {"device": {"anc": True}, "needs": {"environment": "noisy"}},
        "assessment.strengths",
        "anc",
    ),
    (
        "assessment.no-anc-in-noise",
        {"device": {"anc": False}, "needs": {"environment": "noisy"}},
        "assessment.concerns",
        "no-anc",
    ),
    (
        "assessment.anc-for-travel",
        {"device": {"anc": True}, "needs": {"uses": ["travel"]}},
        "assessment.strengths",
        "anc",
    ),
    (
        "assessment.anc-for-isolation",
        {"device": {"anc": True, "fit": "in-ear"}, "needs": {"priorities": ["isolation"]}},
        "assessment.strengths",
        "anc",
    ),
    (
        "assessment.no-anc-for-isolation",
        {"device": {"anc": False}, "needs": {"priorities": ["isolation"]}},
        "assessment.concerns",
        "no-anc",
    ),
    (
        "assessment.anc-drains-battery",
        {"device": {"anc": True}, "needs": {"priorities": ["battery-life"]}},
        "assessment.concerns",
        "anc-battery-drain",
    ),
    (
        "assessment.no-anc-spares-battery",
        {"device": {"anc": False}, "needs": {"priorities": ["battery-life"]}},
        "assessment.strengths",
        "no-anc-drain",
    ),
    (
        "assessment.padding-for-comfort",
        {"device": {"padded": True}, "needs": {"priorities": ["comfort"]}},
        "assessment.strengths",
        "thick-padding",
    ),
    (
        "assessment.no-padding-for-comfort",
        {"device": {"padded": False}, "needs": {"priorities": ["comfort"]}},
        "assessment.look_for",
        "thick-padding",
    ),
    (
        "assessment.headphones-for-comfort",
        {"needs": {"priorities": ["comfort"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "most-comfortable",
    ),
    (
        "assessment.headset-bulk-for-comfort",
        {"device": {"mic": "boom"}, "needs": {"priorities": ["comfort"]}},
        "assessment.concerns",
        "bulkier",
    ),
    (
        "assessment.light-headset-for-comfort",
        {"device": {"weight": "light", "mic": "boom"}, "needs": {"priorities": ["comfort"]}},
        "assessment.strengths",
        "lightweight",
    ),
    (
        "assessment.heavy-for-comfort",
        {"device": {"weight": "heavy"}, "needs": {"priorities": ["comfort"]}},
        "assessment.concerns",
        "heavy",
    ),
    (
        "assessment.headset-comfortable",
        {"needs": {"priorities": ["comfort"]}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "comfortable",
    ),
    (
        "assessment.over-ear-for-comfort",
        {"device": {"fit": "over-ear", "mic": "none"}, "needs": {"priorities": ["comfort"]}},
        "assessment.strengths",
        "over-ear",
    ),
    (
        "assessment.headset-long-wear",
        {"needs": {"session": "long"}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "designed-for-long-wear",
    ),
    (
        "assessment.headphones-long-wear",
        {"needs": {"session": "long"}, "device": {"mic": "none"}},
        "assessment.strengths",
        "designed-for-long-wear",
    ),
    (
        "assessment.foldable-for-travel",
        {"device": {"foldable": True}, "needs": {"uses": ["travel"]}},
        "assessment.strengths",
        "foldable",
    ),
    (
        "assessment.detachable-mic-for-travel",
        {"device": {"detachable_mic": True}, "needs": {"uses": ["travel"]}},
        "assessment.strengths",
        "detachable-mic",
    ),
    (
        "assessment.foldable-for-portability",
        {"device": {"foldable": True}, "needs": {"priorities": ["portability"]}},
        "assessment.strengths",
        "foldable",
    ),
    (
        "assessment.detachable-mic-for-portability",
        {"device": {"detachable_mic": True}, "needs": {"priorities": ["portability"]}},
        "assessment.strengths",
        "detachable-mic",
    ),
    (
        "assessment.foldable-in-the-studio",
        {"device": {"foldable": True}, "needs": {"uses": ["studio"]}},
        "assessment.concerns",
        "unneeded-travel-features",
    ),
    (
        "assessment.detachable-mic-in-the-studio",
        {"device": {"detachable_mic": True}, "needs": {"uses": ["studio"]}},
        "assessment.concerns",
        "unneeded-travel-features",
    ),
    (
        "assessment.wireless-for-mobility",
        {"device": {"connection": "wireless"}, "needs": {"priorities": ["mobility"]}},
        "assessment.strengths",
        "wireless",
    ),
    (
        "assessment.wired-for-mobility",
        {"device": {"connection": "wired"}, "needs": {"priorities": ["mobility"]}},
        "assessment.concerns",
        "wired-limits-movement",
    ),
    (
        "assessment.phone-plug-mismatch",
        {"device": {"plug": "3.5mm"}, "needs": {"platform": "phone"}},
        "assessment.concerns",
        "plug-mismatch",
    ),
    (
        "assessment.phone-plug-matches",
        {"device": {"plug": "2.5mm"}, "needs": {"platform": "phone"}},
        "assessment.strengths",
        "plug-matches",
    ),
    (
        "assessment.iphone-plug-mismatch",
        {"device": {"plug": "2.5mm"}, "needs": {"platform": "iphone"}},
        "assessment.concerns",
        "plug-mismatch",
    ),
    (
        "assessment.iphone-plug-matches",
        {"device": {"plug": "3.5mm"}, "needs": {"platform": "iphone"}},
        "assessment.strengths",
        "plug-matches",
    ),
    (
        "assessment.pc-gaming-usb-a",
        {"device": {"plug": "usb-a"}, "needs": {"platform": "pc", "uses": ["gaming"]}},
        "assessment.strengths",
        "plug-matches",
    ),
    (
        "assessment.pc-gaming-other-plug",
        {"device": {"plug": "3.5mm"}, "needs": {"platform": "pc", "uses": ["gaming"]}},
        "assessment.look_for",
        "usb-a",
    ),
    (
        "assessment.headset-on-console",
        {"needs": {"platform": "console"}, "device": {"mic": "boom"}},
        "assessment.look_for",
        "console-compatible",
    ),
    (
        "assessment.headphones-for-console-gaming",
        {"needs": {"platform": "console"}, "device": {"mic": "none"}},
        "assessment.look_for",
        "headset",
    ),
    (
        "assessment.bluetooth-to-phone",
        {"device": {"bluetooth": True}, "needs": {"platform": "phone"}},
        "assessment.strengths",
        "bluetooth-to-phone",
    ),
    (
        "assessment.headphones-for-listening-wiki",
        {"needs": {"uses": ["music"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "made-for-listening",
    ),
    (
        "assessment.headphones-for-listening-difference-between",
        {"needs": {"uses": ["music"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "made-for-listening",
    ),
    (
        "assessment.headset-for-listening",
        {"needs": {"uses": ["podcasts"]}, "device": {"type": "headset"}},
        "assessment.strengths",
        "made-for-listening",
    ),
    (
        "assessment.headset-for-gaming-and-calls",
        {"needs": {"uses": ["gaming"]}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "made-for-communication",
    ),
    (
        "assessment.headset-for-conferencing",
        {"needs": {"uses": ["conferencing"]}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "made-for-communication",
    ),
    (
        "assessment.headset-for-communicating",
        {"needs": {"uses": ["calls"]}, "device": {"mic": "boom"}},
        "assessment.strengths",
        "made-for-communication",
    ),
    (
        "assessment.headphones-for-private-listening",
        {"needs": {"uses": ["late-night"]}, "device": {"mic": "none"}},
        "assessment.strengths",
        "private-listening",
    ),
    (
        "assessment.wireless-headset-at-work",
        {"device": {"connection": "wireless", "mic": "boom"}, "needs": {"uses": ["office"]}},
        "assessment.strengths",
        "reliable-wireless",
    ),
    (
        "assessment.headphones-for-sports",
        {"device": {"type": "headphones"}, "needs": {"uses": ["sports"]}},
        "assessment.strengths",
        "worn-while-jogging",
    ),
    (
        "assessment.sweat-resistant-for-sports",
        {"device": {"sweat_resistant": True}, "needs": {"uses": ["sports"]}},
        "assessment.strengths",
        "sweat-resistant",
    ),
    (
        "assessment.not-sweat-resistant-for-sports",
        {"device": {"sweat_resistant": False}, "needs": {"uses": ["sports"]}},
        "assessment.concerns",
        "not-sweat-resistant",
    ),
    (
        "assessment.translation-device",
        {"device": {"translation": True}, "needs": {"uses": ["translation"]}},
        "assessment.strengths",
        "translation",
    ),
    (
        "assessment.no-translation",
        {"device": {"translation": False}, "needs": {"uses": ["translation"]}},
        "assessment.concerns",
        "no-translation",
    ),
    (
        "assessment.headset-materials-for-durability",
        {"device": {"mic": "boom"}, "needs": {"priorities": ["durability"]}},
        "assessment.concerns",
        "lower-quality-materials",
    ),
    (
        "assessment.lower-tier-headset-materials-for-durability",
        {"device": {"mic": "boom", "tier": "budget"}, "needs": {"priorities": ["durability"]}},
        "assessment.concerns",
        "lower-quality-materials",
    ),
    (
        "assessment.top-tier-for-durability",
        {"device": {"tier": "premium"}, "needs": {"priorities": ["durability"]}},
        "assessment.strengths",
        "top-tier-build",
    ),
    (
        "assessment.budget-tier-for-durability",
        {"device": {"tier": "budget"}, "needs": {"priorities": ["durability"]}},
        "assessment.concerns",
        "short-term-build",
    ),
    (
        "assessment.premium-headphones-for-price",
        {"device": {"tier": "premium", "mic": "none"}, "needs": {"priorities": ["price"]}},
        "assessment.concerns",
        "premium-price",
    ),
    (
        "assessment.premium-tier-for-price",
        {"device": {"tier": "premium"}, "needs": {"priorities": ["price"]}},
        "assessment.concerns",
        "premium-price",
    ),
    (
        "assessment.budget-tier-for-long-term",
        {"device": {"type": "headset", "tier": "budget"}, "needs": {"term": "long-term"}},
        "assessment.concerns",
        "short-term-build",
    ),
    (
        "assessment.top-tier-for-long-term",
        {"device": {"tier": "professional"}, "needs": {"term": "long-term"}},
        "assessment.strengths",
        "top-tier-build",
    ),
    ("assessment.major-concern-poor-fit", INLINE_ONLINE_GAMER, "assessment.fit", "poor"),
    ("assessment.minor-concerns-fair-fit", OPEN_BACK_IN_NOISE, "assessment.fit", "fair"),
    ("assessment.strengths-no-concern-good-fit", BOOM_GAMER, "assessment.fit", "good"),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("assessment", CASES)

MAJOR = [
    "no-mic",
    "poor-mic",
    "mid-range-sound",
    "anc-battery-drain",
    "no-translation",
]


def test_an_in_line_mic_is_a_poor_fit_for_online_games(expert):
    """kania's in-line mic 'leaves much to be desired': a major concern, a poor fit, and a boom
    mic to look for."""
    result = expert.consult(**INLINE_ONLINE_GAMER)
    assert result.verdict("assessment.fit").value == "poor"
    concern = result.verdict("assessment.concerns").member("poor-mic")
    assert {f.source for f in concern.because} == {"kania"}
    assert "leave much to be desired" in concern.because[0].quote
    assert "boom-mic" in result.verdict("assessment.look_for").value


def test_only_minor_concerns_make_a_fair_fit(expert):
    """Open-back headphones in a noisy place: weaker isolation, a minor concern."""
    result = expert.consult(**OPEN_BACK_IN_NOISE)
    assert result.verdict("assessment.concerns").value == ("weaker-isolation",)
    assert result.verdict("assessment.fit").value == "fair"


def test_strengths_and_no_concern_make_a_good_fit(expert):
    """A boom-mic headset for online games: strengths, no concern."""
    result = expert.consult(**BOOM_GAMER)
    assert "assessment.concerns" not in result
    assert result.verdict("assessment.fit").value == "good"
    assert {f.source for f in result.verdict("assessment.fit").because} == {"assessment-policy"}


def test_a_major_concern_outweighs_strengths(expert):
    """A headset for a sound-quality priority: mid-range sound (kania, definite), not
    high-quality speakers too (difference-between, usually); the two are a conflict with
    both quotes, the concern kept."""
    result = expert.consult(device={"mic": "boom"}, needs={"priorities": ["sound-quality"]})
    assert "assessment.strengths" not in result  # its only strength lost to the concern
    assert "mid-range-sound" in result.verdict("assessment.concerns").value
    (conflict,) = [c for c in result.conflicts if c.against == "assessment.strengths"]
    assert conflict.attribute == "assessment.concerns" and conflict.winner == "mid-range-sound"
    assert conflict.settled_by == "certainty"
    assert [firing.source for _, _, firings in conflict.sides for firing in firings] == [
        "kania",
        "difference-between",
    ]
    assert result.verdict("assessment.fit").value == "poor"


def test_no_fit_without_needs(expert):
    """Without needs there is nothing to weigh the device against."""
    result = expert.consult(device={"mic": "inline", "anc": True})
    assert not [v for v in result.verdicts if v.attribute.startswith("assessment.")]


@pytest.mark.parametrize("concern", MAJOR)
def test_the_fit_rules_name_every_major_concern(expert, concern):
    """The poor-fit rule lists exactly the concerns the policy calls major."""
    (poor,) = [r for r in expert.knowledge.rules if r.id == "assessment.major-concern-poor-fit"]
    assert concern in poor.conditions[0].operands


def test_the_policy_text_lists_every_concern(expert):
    """The policy says of every concern whether it is major or minor."""
    text = expert.knowledge.sources["assessment-policy"].text
    values = expert.knowledge.attributes["assessment.concerns"].values
    missing = [value for value in values if f"({value}" not in text and f", {value})" not in text]
    assert not missing, missing


def test_a_light_headset_gets_no_bulk_concern(expert):
    """kania's lightweight headsets: a strength, no 'bulkier' concern, a good fit."""
    result = expert.consult(
        device={"mic": "boom", "weight": "light"}, needs={"priorities": ["comfort"]}
    )
    assert "assessment.concerns" not in result
    assert "lightweight" in result.verdict("assessment.strengths").value
    assert result.verdict("assessment.fit").value == "good"


def test_an_in_line_mic_device_is_not_assessed_as_a_headset(expert):
    """kania's exception makes it headphones: no headset concern (mid-range sound) for it."""
    result = expert.consult(device={"mic": "inline"}, needs={"priorities": ["sound-quality"]})
    assert "assessment.concerns" not in result
    assert result.verdict("assessment.fit").value == "good"


def test_a_stated_headset_is_assessed_as_a_headset_whatever_its_mic(expert):
    """The kind alone decides: a device stated to be a headset, microphone not stated, gets
    kania's headset concerns (no condition on the mic keeps them out any more)."""
    for priority, concern in (
        ("sound-quality", "mid-range-sound"),
        ("comfort", "bulkier"),
        ("durability", "lower-quality-materials"),
    ):
        result = expert.consult(device={"type": "headset"}, needs={"priorities": [priority]})
        assert concern in result.verdict("assessment.concerns").value, priority
    result = expert.consult(
        device={"type": "headset"}, needs={"uses": ["music"], "priorities": ["sound-quality"]}
    )
    assert result.verdict("assessment.fit").value == "poor"


def test_an_in_line_mic_device_gets_no_headset_concern_for_any_priority(expert):
    """kania's exception makes an in-line-mic device headphones: the headset rules' firings,
    chained on the defeated kind, count for nothing, for sound, comfort and durability alike
    (no condition on the mic is needed to keep them out)."""
    result = expert.consult(
        device={"mic": "inline"},
        needs={"priorities": ["sound-quality", "comfort", "durability"]},
    )
    assert "assessment.concerns" not in result
    assert result.verdict("assessment.fit").value == "good"


def test_an_in_line_mic_is_a_poor_fit_for_recording(expert):
    """In-line mics are 'only designed to be strong enough for things like phone calls and
    voice-activated commands': recording asks more (a major concern by the policy)."""
    result = expert.consult(device={"mic": "inline"}, needs={"uses": ["recording"]})
    assert "poor-mic" in result.verdict("assessment.concerns").value
    assert "boom-mic" in result.verdict("assessment.look_for").value
    assert result.verdict("assessment.fit").value == "poor"


def test_a_premium_device_of_any_kind_costs_a_premium(expert):
    """kania's range of prices covers headphones and headsets alike: a premium device is a
    premium-price concern for someone watching the price, kind stated or not."""
    for device in ({"tier": "premium"}, {"type": "headset", "tier": "professional"}):
        result = expert.consult(device=device, needs={"priorities": ["price"]})
        assert result.certainty("assessment.concerns", "premium-price") == 1.0
        assert result.verdict("assessment.fit").value == "fair"


def test_keeping_it_for_years_weighs_the_tier(expert):
    """'You can find cheap ones for short-term usage'; top-tier ones 'last for years'."""
    budget = expert.consult(
        device={"type": "headset", "tier": "budget"}, needs={"term": "long-term"}
    )
    assert "short-term-build" in budget.verdict("assessment.concerns").value
    assert budget.verdict("assessment.fit").value == "fair"
    premium = expert.consult(device={"tier": "premium"}, needs={"term": "long-term"})
    assert "top-tier-build" in premium.verdict("assessment.strengths").value
    assert premium.verdict("assessment.fit").value == "good"


def test_anc_that_halves_the_battery_is_no_strength(expert):
    """A concern and a strength about the same ANC for the same person cannot both hold: the
    battery drain (kania, definite) stays, ANC for travel (difference-wiki, can) counts for
    nothing."""
    result = expert.consult(
        device={"anc": True}, needs={"priorities": ["battery-life"], "uses": ["travel"]}
    )
    assert "anc-battery-drain" in result.verdict("assessment.concerns").value
    assert "assessment.strengths" not in result
    (conflict,) = [c for c in result.conflicts if c.against == "assessment.strengths"]
    assert (conflict.attribute, conflict.winner) == ("assessment.concerns", "anc-battery-drain")
    assert result.verdict("assessment.fit").value == "poor"


def test_weight_does_not_oppose_comfort(expert):
    """kania: 'Headsets aren't uncomfortable, but they have an attached microphone that can
    make them bulkier and heavier': heavy and comfortable can both hold, so the vocabulary
    does not oppose them."""
    opposed = expert.knowledge.attributes["assessment.concerns"].opposes
    assert not {"comfortable", "most-comfortable"} & set(opposed.values.get("heavy", ()))


def test_the_poor_fit_rule_names_only_the_major_concerns(expert):
    """No concern the policy calls minor makes a poor fit."""
    (poor,) = [r for r in expert.knowledge.rules if r.id == "assessment.major-concern-poor-fit"]
    assert set(poor.conditions[0].operands) == set(MAJOR)


def test_at_twenty_dollars_the_difference_between_the_kinds_may_go_unnoticed(expert):
    """kania: 'While you might not notice a difference between a $20 headset and a $20 pair of
    headsets, the changes will be much more apparent when they're $100 or more.' At $20 or less
    neither its mid-range concern on a headset (nor the headphones to look for instead) nor its
    better sound of headphones holds; the headset's strength is that the gap may go unnoticed."""
    needs = {"priorities": ["sound-quality"], "budget": 20}
    headset = expert.consult(device={"type": "headset", "price": 20}, needs=needs)
    assert "assessment.concerns" not in headset
    assert "assessment.look_for" not in headset
    assert headset.certainty("assessment.strengths", "no-noticeable-gap") == 0.4
    assert headset.verdict("assessment.fit").value == "good"
    assert "recommendation.tier" not in headset  # no premium model on a $20 budget
    pair = expert.consult(
        device={"type": "headphones", "tier": "budget", "price": 15}, needs=needs
    )
    assert "better-sound" not in pair.verdict("assessment.strengths").value
    assert "assessment.headphones-better-sound" not in pair.fired_rules
    for price in (21, 150):
        dearer = expert.consult(device={"type": "headset", "price": price}, needs=needs)
        assert "mid-range-sound" in dearer.verdict("assessment.concerns").value, price


def test_a_plug_that_does_not_fit_the_iphone_is_a_minor_concern(expert):
    """The iPhone's 3.5mm jack 'can make using a headset a bit more complicated. Nevertheless,
    there are ways to work around this limitation': the mismatch is certain, but the device
    still connects, so the fit is fair, not poor."""
    result = expert.consult(
        device={"mic": "boom", "plug": "2.5mm"}, needs={"platform": "iphone", "uses": ["calls"]}
    )
    assert result.certainty("assessment.concerns", "plug-mismatch") == 1.0
    assert result.verdict("assessment.fit").value == "fair"
    assert result.verdict("assessment.fit").certainty == 1.0


def test_a_stated_feature_is_certain_though_some_headsets_have_it(expert):
    """'Some advanced headsets offer real-time translation features' says how many headsets
    have it; whether this one does is stated, so the concern or strength is certain."""
    for has, attribute, value, fit in (
        (True, "assessment.strengths", "translation", "good"),
        (False, "assessment.concerns", "no-translation", "poor"),
    ):
        result = expert.consult(
            device={"type": "headset", "translation": has}, needs={"uses": ["translation"]}
        )
        assert result.certainty(attribute, value) == 1.0
        assert result.verdict("assessment.fit").value == fit
        assert result.verdict("assessment.fit").certainty == 1.0


def test_a_headset_is_designed_for_listening_too(expert):
    """difference-between: headsets 'are designed for both listening to audio and
    communicating with others': a headset for music, podcasts or audiobooks is a good fit."""
    for use in ("music", "podcasts", "audiobooks", "movies"):
        result = expert.consult(device={"type": "headset"}, needs={"uses": [use]})
        assert result.certainty("assessment.strengths", "made-for-listening") == 1.0, use
        assert result.verdict("assessment.fit").value == "good", use


def test_in_the_studio_a_headset_falls_short_and_headphones_serve(expert):
    """kania's studio user is a sound mixer, told to get professional headphones: a headset's
    mid-range sound is a major concern there, headphones' better sound a strength."""
    headset = expert.consult(device={"type": "headset"}, needs={"uses": ["studio"]})
    assert headset.verdict("assessment.fit").value == "poor"
    assert "headphones" in headset.verdict("assessment.look_for").value
    pair = expert.consult(device={"type": "headphones"}, needs={"uses": ["studio"]})
    assert pair.verdict("assessment.fit").value == "good"


def test_headphones_whose_microphone_is_not_stated_for_calls(expert):
    """'In general, headphones do not have a built-in microphone' (a default): a likely
    concern, and difference-wiki's answer, 'Yes, if they include a built-in microphone', what
    to look for. A stated microphone decides instead."""
    result = expert.consult(device={"type": "headphones"}, needs={"uses": ["calls"]})
    assert result.certainty("assessment.concerns", "no-mic") == 0.8
    assert result.verdict("assessment.fit").value == "poor"
    assert result.verdict("assessment.fit").certainty == 0.8
    assert "built-in-mic" in result.verdict("assessment.look_for").value
    stated = expert.consult(
        device={"type": "headphones", "mic": "builtin"}, needs={"uses": ["calls"]}
    )
    assert "assessment.concerns" not in stated
    assert stated.verdict("assessment.fit").value == "good"


def test_an_in_line_mic_is_strong_enough_for_conference_calls(expert):
    """'Things like phone calls': conference and VoIP calls are calls."""
    for use in ("conferencing", "voip"):
        result = expert.consult(device={"mic": "inline"}, needs={"uses": [use]})
        assert "mic-enough-for-calls" in result.verdict("assessment.strengths").value
        assert result.verdict("assessment.fit").value == "good"


def test_noise_cancellation_serves_someone_who_wants_to_block_out_noise(expert):
    """An in-ear pair with ANC for isolation: weaker isolation than closed-back over-ear
    (a minor concern) and ANC (a strength, can): a fair fit."""
    result = expert.consult(
        device={"fit": "in-ear", "anc": True}, needs={"priorities": ["isolation"]}
    )
    assert result.certainty("assessment.strengths", "anc") == 0.4
    assert result.verdict("assessment.fit").value == "fair"


def test_the_first_quote_of_a_concern_fits_the_use(expert):
    """A report shows a rule's first quote: no microphone for online games is backed by the
    words on online games, for calls by the words on calls."""
    for use, words in (
        ("online-gaming", "A headset is recommended for interactive communication in online"),
        ("calls", "Can headphones be used for phone calls?"),
    ):
        result = expert.consult(device={"mic": "none"}, needs={"uses": [use]})
        firing = result.verdict("assessment.concerns").member("no-mic").because[0]
        assert firing.quote.startswith(words), use
