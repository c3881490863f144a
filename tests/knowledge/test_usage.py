"""Knowledge-base tests for rules/usage.toml: what each device is for and who should get what."""

from __future__ import annotations

from pathlib import Path

from support import rule_case_tests

from expert.kb.check import check

RULES = Path(__file__).resolve().parents[2] / "rules" / "usage.toml"

HEADPHONES = {"device": {"mic": "none"}}
HEADSET = {"device": {"mic": "boom"}}

CASES = [
    (
        "usage.headphones-for-music-movies-personal-audio",
        HEADPHONES,
        "device.suited_for",
        "movies",
    ),
    (
        "usage.headsets-for-gaming-calls-professional-use",
        HEADSET,
        "device.suited_for",
        "professional-use",
    ),
    ("usage.headphones-private-listening", HEADPHONES, "headphones.uses", "late-night"),
    ("usage.headsets-suitable-for-teleconferencing", HEADSET, "device.suited_for", "conferencing"),
    (
        "usage.headphones-for-calls-with-mic",
        {"device": {"mic": "inline"}},
        "device.suited_for",
        "calls",
    ),
    ("usage.headphones-mostly-for-music", HEADPHONES, "device.suited_for", "music"),
    ("usage.headsets-gaming-office-call-center", HEADSET, "headsets.models", "call-center"),
    (
        "usage.sports-headphones-exist",
        {"device": {"mic": "none"}, "needs": {"uses": ["sports"]}},
        "headphones.models",
        "sports",
    ),
    (
        "usage.sweat-resistant-for-sports",
        {"device": {"sweat_resistant": True}},
        "device.suited_for",
        "sports",
    ),
    (
        "usage.communication-headsets",
        {"needs": {"uses": ["call-center"]}},
        "recommendation.kind",
        "headset",
    ),
    (
        "usage.chart-music-movies-headphones",
        {"needs": {"uses": ["movies"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.chart-gaming-calls-headset",
        {"needs": {"uses": ["calls"]}},
        "headsets.uses",
        "calls",
    ),
    (
        "usage.late-night-headphones",
        {"needs": {"uses": ["late-night"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.late-night-headphones",
        {"needs": {"uses": ["private-listening"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.jogging-headphones",
        {"needs": {"uses": ["sports"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.joggers-one-earbud",
        {"needs": {"priorities": ["awareness"]}},
        "recommendation.advice",
        "one-earbud-for-awareness",
    ),
    (
        "usage.sports-sweat-resistant-secure",
        {"needs": {"uses": ["sports"]}},
        "recommendation.features",
        "secure-fit",
    ),
    (
        "usage.online-gaming-needs-headset",
        {"needs": {"uses": ["online-gaming"]}},
        "recommendation.kind",
        "headset",
    ),
    (
        "usage.office-headsets",
        {"needs": {"uses": ["office"]}},
        "recommendation.features",
        "mic-noise-reduction",
    ),
    (
        "usage.long-flights-noise-cancelling-headphones",
        {"needs": {"uses": ["travel"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.listening-typically-headphones",
        {"needs": {"uses": ["podcasts"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.communicating-commonly-headsets",
        {"needs": {"uses": ["voip"]}},
        "recommendation.kind",
        "headset",
    ),
    (
        "usage.headphones-as-makeshift-headset",
        {"needs": {"owns": "headphones", "uses": ["calls"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.recording-needs-headset",
        {"needs": {"uses": ["recording"]}},
        "recommendation.kind",
        "headset",
    ),
    (
        "usage.receive-and-transmit-needs-headset",
        {"needs": {"priorities": ["sound-quality", "mic-quality"]}},
        "recommendation.kind",
        "headset",
    ),
    ("usage.office-voip-headset", {"needs": {"uses": ["voip"]}}, "recommendation.kind", "headset"),
    (
        "usage.console-gamer-headset",
        {"needs": {"platform": "console"}},
        "recommendation.kind",
        "headset",
    ),
    (
        "usage.listeners-mostly-headphones",
        {"needs": {"uses": ["audiobooks"]}},
        "recommendation.kind",
        "headphones",
    ),
    (
        "usage.ask-yourself-what-you-need",
        {"needs": {"budget": 50}},
        "recommendation.advice",
        "decide-what-you-need",
    ),
]

test_rule_fires, test_every_rule_has_a_case = rule_case_tests("usage", CASES)


def test_no_advice_to_decide_once_a_use_is_stated(expert):
    """The 'decide what you need' advice is only given when no use is stated."""
    result = expert.consult(needs={"uses": ["music"]})
    assert "usage.ask-yourself-what-you-need" not in result.fired_rules


def test_makeshift_headphones_disagree_with_headset_advice(expert):
    """Keeping one's headphones for online gaming conflicts with the headset advice; headset wins."""
    result = expert.consult(needs={"owns": "headphones", "uses": ["online-gaming"]})
    assert "recommendation.kind" in [conflict.attribute for conflict in result.conflicts]
    assert result.verdict("recommendation.kind").value == "headset"


def test_owning_headphones_for_calls_keeps_them(expert):
    """difference-between's own exception: someone who owns headphones and makes calls is
    told to add a microphone, not that headsets are commonly used (no conflict, no 1.0)."""
    result = expert.consult(needs={"owns": "headphones", "uses": ["calls"]})
    verdict = result.verdict("recommendation.kind")
    assert (verdict.value, verdict.certainty) == ("headphones", 0.4)
    assert "recommendation.kind" not in [conflict.attribute for conflict in result.conflicts]
    (firing,) = [f for f in result.firings if f.rule == "usage.communicating-commonly-headsets"]
    assert firing.defeated_by == ("usage.headphones-as-makeshift-headset",)
    assert "external-mic" in result.verdict("recommendation.features").value


def test_frequent_talkers_who_own_headphones_get_a_dedicated_headset(expert):
    """'If you frequently need to communicate ...': the makeshift advice gives way, and the
    sentence counts once on the kind."""
    result = expert.consult(
        needs={"owns": "headphones", "uses": ["calls"], "talk_frequency": "frequent"}
    )
    verdict = result.verdict("recommendation.kind")
    assert (verdict.value, verdict.certainty) == ("headset", 0.4)
    assert "recommendation.kind" not in [conflict.attribute for conflict in result.conflicts]


def test_calls_alone_are_no_certain_headset(expert):
    """The chart's 'For gaming, calls, and professional use.' is a note, not advice at 1.0:
    for calls difference-wiki asks for a built-in microphone; the headset is difference-
    between's 'commonly used' (`often`)."""
    result = expert.consult(needs={"uses": ["calls"]})
    assert result.verdict("recommendation.kind").certainty == 0.6
    assert result.certainty("recommendation.features", "built-in-mic") == 1.0
    assert any(note.rule == "usage.chart-gaming-calls-headset" for note in result.notes)
    result = expert.consult(device={"mic": "builtin"}, needs={"uses": ["calls"]})
    assert result.verdict("assessment.fit").value == "good"
    assert result.verdict("recommendation.kind").certainty < 1.0


def test_makeshift_rule_needs_owned_headphones(expert):
    """Without headphones of one's own, online gaming gives a headset without a conflict."""
    result = expert.consult(needs={"uses": ["online-gaming"]})
    assert "usage.headphones-as-makeshift-headset" not in result.fired_rules
    assert result.verdict("recommendation.kind").value == "headset"


def test_headphones_with_a_mic_make_calls_and_talk(expert):
    """difference-wiki's own exception to 'headphones are for listening': with a mic they call."""
    result = expert.consult(device={"mic": "builtin"})
    assert result.verdict("device.communication").value == "two-way"
    assert "calls" in result.verdict("device.suited_for").value


def test_receive_and_transmit_is_the_exception_to_the_best_shoppers(expert):
    """kania: 'If you're looking to receive and transmit excellent audio levels, you will need
    a headset.' For someone who puts both sound and microphone quality first it overrides the
    same article's 'nothing but the best' headphones: a headset, no tie, no conflict."""
    for needs in (
        {"priorities": ["sound-quality", "mic-quality"]},
        {"priorities": ["sound-quality", "mic-quality"], "budget": 150},
    ):
        result = expert.consult(needs=needs)
        assert result.verdict("recommendation.kind").value == "headset"
        assert result.certainty("recommendation.kind", "headset") == 1.0
        assert "recommendation.kind" not in [c.attribute for c in result.conflicts]
    result = expert.consult(needs={"priorities": ["sound-quality", "mic-quality"]})
    (general,) = [f for f in result.firings if f.rule == "sound.best-shoppers-headphones"]
    assert "usage.receive-and-transmit-needs-headset" in general.defeated_by


def test_the_exception_is_more_specific_than_the_rule_it_overrides(expert):
    """`expert check` accepts the override: it fires only where the sound seeker's rule fires."""
    problems = check(expert.knowledge).problems
    assert not [p for p in problems if "usage.receive-and-transmit-needs-headset" in p.rules]
