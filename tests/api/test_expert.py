"""Tests of expert.api.expert: consultations, certainty, conflicts, threads and the cache."""

from __future__ import annotations

import gc
import pickle
import subprocess
import sys
import weakref
from concurrent.futures import ThreadPoolExecutor

import pytest
from support import rule_toml, write_base

from expert import Device, Expert, ExplanationError, FactError, InferenceError, Needs


def test_a_boom_mic_makes_a_headset_with_the_quote(tiny_expert):
    """The verdict carries its value, certainty and the cited quote."""
    verdict = tiny_expert.consult(Device(mic="boom")).verdict("device.kind")
    assert verdict.value == "headset"
    assert verdict.certainty == 1.0
    assert [f.rule for f in verdict.because] == ["tiny.boom-headset"]
    assert verdict.because[0].quote == "come with an attached boom microphone"
    assert verdict.because[0].source == "kania"


def test_consult_accepts_instances_mappings_and_keywords(tiny_expert):
    """Device(...), device={...} and a Needs in any position give the same result."""
    a = tiny_expert.consult(Device(mic="boom"), Needs(uses=["gaming"]))
    b = tiny_expert.consult(device={"mic": "boom"}, needs={"uses": ["gaming"]})
    c = tiny_expert.consult(Needs(uses=["gaming"]), device=Device(mic="boom"))
    assert a.to_dict() == b.to_dict() == c.to_dict()


@pytest.mark.parametrize(
    "call",
    [
        lambda ex: ex.consult(42),
        lambda ex: ex.consult(device=42),
        lambda ex: ex.consult(device={"mic": "bogus"}),
        lambda ex: ex.consult(Device(), Device()),
    ],
)
def test_bad_arguments_raise_fact_error(tiny_expert, call):
    """Wrong types and bad values raise FactError, never a bare TypeError."""
    with pytest.raises(FactError):
        call(tiny_expert)


def test_two_rules_for_one_value_combine_by_mycin(tiny_expert):
    """0.6 and 0.4 for recommendation.kind = headset combine to 0.76."""
    result = tiny_expert.consult(needs={"uses": ["online-gaming"]})
    verdict = result.verdict("recommendation.kind")
    assert verdict.certainty == pytest.approx(0.76)
    assert {f.rule for f in verdict.because} == {
        "tiny.gaming-headset",
        "tiny.online-gaming-headset",
    }


def test_opposing_values_are_kept_and_reported_as_a_conflict(tiny_expert):
    """In-line mic: headphones (0.8, kania) beats headset (0.6, digimigia); both reported."""
    result = tiny_expert.consult(Device(mic="inline"))
    assert result.verdict("device.kind").value == "headphones"
    conflict = next(c for c in result.conflicts if c.attribute == "device.kind")
    assert conflict.winner == "headphones"
    sides = {value: (cf, [f.source for f in firings]) for value, cf, firings in conflict.sides}
    assert sides == {"headphones": (0.8, ["kania"]), "headset": (0.6, ["digimigia"])}
    assert result.to_dict()["conflicts"][0]["attribute"] == "device.kind"


def test_chained_certainty_is_rule_times_weakest_premise(tiny_expert):
    """built-in -> headset 0.6 -> mic good 0.8*0.6 -> calls 0.6*0.48."""
    result = tiny_expert.consult(Device(mic="builtin"))
    assert result.certainty("device.mic_quality", "good") == pytest.approx(0.48)
    assert result.verdict("device.suited_for").value == ("calls",)
    assert result.verdict("device.suited_for").certainty == pytest.approx(0.288)


def test_negative_certainty_is_evidence_against(tiny_expert):
    """A rule with certainty -0.6 gives a verdict with negative certainty."""
    verdict = tiny_expert.consult(needs={"budget": 20}).verdict("recommendation.tier")
    assert verdict.value == "premium" and verdict.certainty == pytest.approx(-0.6)


def test_absent_on_a_concluded_fact_waits_for_its_concluders(tiny_expert):
    """'no kind concluded' holds for mic=none and not for mic=boom, whatever the order."""
    assert tiny_expert.consult(Device(mic="none")).verdict("device.io").value == "output"
    assert "tiny.no-kind-output" not in tiny_expert.consult(Device(mic="boom")).fired_rules


def test_a_verdict_nobody_concluded_is_an_explanation_error(tiny_expert):
    """Asking for an unknown or unconcluded attribute names what is allowed."""
    result = tiny_expert.consult(Device(mic="boom"))
    with pytest.raises(ExplanationError, match="allowed"):
        result.verdict("device.kindd")
    with pytest.raises(ExplanationError, match="no rule concluded it"):
        result.verdict("device.battery_life")
    assert "device.kind" in result and "device.battery_life" not in result


def test_the_run_limit_stops_a_consultation_and_names_the_rules(tiny_base):
    """With a run limit of 1, a consultation needing more firings fails clearly."""
    expert = Expert(tiny_base, run_limit=1)
    with pytest.raises(InferenceError) as caught:
        expert.consult(Device(mic="inline"))
    assert "did not settle within 1 firings" in str(caught.value)
    assert caught.value.rules


def test_consultations_are_cached_by_their_facts(tiny_expert):
    """The same facts give the very same (immutable) result."""
    assert tiny_expert.consult(Device(mic="boom")) is tiny_expert.consult(Device(mic="boom"))


def test_the_cache_can_be_turned_off(tiny_base):
    """cache_size=0 consults afresh, with equal results."""
    expert = Expert(tiny_base, cache_size=0)
    first, second = expert.consult(Device(mic="boom")), expert.consult(Device(mic="boom"))
    assert first is not second and first.to_dict() == second.to_dict()


def test_threads_sharing_an_expert_get_the_serial_results(tiny_base):
    """Many threads consulting one uncached Expert agree with serial consultations."""
    expert = Expert(tiny_base, cache_size=0)
    cases = [
        (Device(mic=mic), Needs(uses=uses, budget=budget))
        for mic in ("none", "inline", "boom", "builtin", "external")
        for uses in ([], ["gaming"], ["online-gaming"])
        for budget in (20, 200)
    ]
    serial = [expert.consult(*case).to_dict() for case in cases]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda case: expert.consult(*case).to_dict(), cases * 4))
    assert parallel == serial * 4


def test_consult_many_streams_results(tiny_expert):
    """Records of several shapes each give a result, lazily."""
    records = [Device(mic="boom"), (Device(mic="none"), Needs()), {"needs": {"uses": "gaming"}}]
    results = tiny_expert.consult_many(iter(records))
    assert next(results).verdict("device.kind").value == "headset"
    assert [r.facts for r in results] == [
        {"device.mic": "none"},
        {"needs.uses": frozenset({"gaming"})},
    ]
    with pytest.raises(FactError, match="cannot consult on a int"):
        list(tiny_expert.consult_many([7]))


def test_to_dict_has_the_contract_shape(tiny_expert):
    """The goal and its answer, verdicts with attribute/value/certainty/because, conflicts,
    notes and facts."""
    data = tiny_expert.consult(Device(mic="boom"), Needs(uses=["gaming"])).to_dict()
    assert set(data) == {"goal", "answer", "verdicts", "conflicts", "notes", "facts"}
    assert set(data["answer"]) == {"attribute", "value", "certainty", "text", "because"}
    verdict = data["verdicts"][0]
    assert set(verdict) == {"attribute", "value", "certainty", "because"}
    assert set(verdict["because"][0]) >= {"rule", "source", "quote"}
    assert data["facts"] == {"device": {"mic": "boom"}, "needs": {"uses": ["gaming"]}}


BOOM_QUOTE = "come with an attached boom microphone"
WIKI_QUOTE = "A headset includes a microphone for speaking, unlike headphones."
DIGI_QUOTE = "devices that include a microphone are called headsets"


def test_a_rule_matching_twice_counts_once(tmp_path):
    """A one_of premise met by two concluded values is one piece of evidence, not two."""
    boom = 'when.device.mic = "boom"'
    text = (
        rule_toml("e.a", boom, 'then.device.kind = "headphones"', quote=BOOM_QUOTE)
        + rule_toml(
            "e.b", boom, 'then.device.kind = "headset"', source="digimigia", quote=DIGI_QUOTE
        )
        + rule_toml(
            "e.c",
            'when.device.kind = { one_of = ["headphones", "headset"] }',
            'then.device.io = "hybrid"',
            hedge="often",
        )
    )
    result = Expert(write_base(tmp_path / "kb", {"e": text})).consult(Device(mic="boom"))
    assert [f.rule for f in result.firings].count("e.c") == 2
    assert result.verdict("device.io").certainty == pytest.approx(0.6)
    assert [f.rule for f in result.verdict("device.io").because] == ["e.c"]


def test_a_tie_goes_to_the_value_more_articles_support(tmp_path):
    """mid-range (one article) and high (two articles) both at 1.0: high wins."""
    boom = 'when.device.mic = "boom"'
    text = (
        rule_toml("e.a", boom, 'then.device.sound_quality = "mid-range"', quote=BOOM_QUOTE)
        + rule_toml(
            "e.b", boom, 'then.device.sound_quality = "high"', source="digimigia", quote=DIGI_QUOTE
        )
        + rule_toml(
            "e.c",
            boom,
            'then.device.sound_quality = "high"',
            source="difference-wiki",
            quote=WIKI_QUOTE,
        )
    )
    result = Expert(write_base(tmp_path / "kb", {"e": text})).consult(Device(mic="boom"))
    assert result.verdict("device.sound_quality").value == "high"
    (conflict,) = result.conflicts
    assert conflict.winner == "high" and conflict.sides[0][0] == "high"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"engine": "clip"}, "unknown engine 'clip'; allowed: experta"),
        ({"run_limit": -1}, "run_limit must be a whole number from 0 to 1,000,000,000"),
        ({"cache_size": 1.5}, "cache_size must be a whole number from 0 to 1,000,000,000"),
        ({"cache_size": 10**400}, "cache_size must be a whole number from 0 to"),
    ],
)
def test_bad_expert_options_are_usage_errors(tiny_base, kwargs, message):
    """Unknown engines and bad limits are named with what is allowed."""
    from expert import UsageError

    with pytest.raises(UsageError, match=message):
        Expert(tiny_base, **kwargs)


def test_the_clips_engine_without_clipspy_names_the_extra(tiny_base, monkeypatch):
    """Asking for CLIPS when clipspy is missing says how to install it."""
    import sys

    from expert import EngineUnavailableError

    monkeypatch.delitem(sys.modules, "expert.inference.clips", raising=False)
    monkeypatch.setitem(sys.modules, "clips", None)  # what a missing package looks like
    with pytest.raises(EngineUnavailableError, match=r"pip install 'expert\[clips\]'"):
        Expert(tiny_base, engine="clips")


def test_a_certain_value_rules_out_the_others_of_a_one_valued_attribute(tiny_expert):
    """In-line: the microphone is poor outright (1.0), so the good one chained from the
    possible headset (0.48) counts for nothing and nothing is chained on it (MYCIN's
    single-valued parameters); the conflict still shows both, with the ruled-out certainty."""
    result = tiny_expert.consult(Device(mic="inline"))
    assert result.verdict("device.mic_quality").value == "poor"
    assert result.certainty("device.mic_quality", "good") == 0
    assert "device.suited_for" not in result  # calls was chained on the good microphone
    (conflict,) = [c for c in result.conflicts if c.attribute == "device.mic_quality"]
    assert [(v, round(cf, 2)) for v, cf, _ in conflict.sides] == [("poor", 1.0), ("good", 0.48)]
    # Neither kind is certain: both stay, each chaining at its own certainty.
    assert result.certainty("device.kind", "headset") == pytest.approx(0.6)


def test_a_result_consults_again_through_the_expert_that_made_it():
    """*what if* runs on the result's own expert (its cache answers); a stored and restored
    result makes one expert of its own and keeps it."""
    expert = Expert()
    result = expert.consult(Device(mic="boom"))
    assert result.consult_again({"device.mic": "none"}) is expert.consult(Device(mic="none"))
    copy = pickle.loads(pickle.dumps(result))
    again = copy.consult_again({"device.mic": "none"})
    assert again is copy.consult_again({"device.mic": "none"})
    assert again is not expert.consult(Device(mic="none"))
    assert again.verdict("device.kind").value == "headphones"


def _experts() -> int:
    gc.collect()
    return sum(isinstance(found, Expert) for found in gc.get_objects())


def test_no_registry_keeps_an_expert_alive():
    """*what if* leaves no expert behind: once its results are gone, every expert it used is
    freed (nothing global holds experts)."""
    before = _experts()
    expert = Expert()
    gone = weakref.ref(expert)
    expert.consult(Device(mic="boom")).what_if(mic="none")
    del expert
    assert _experts() == before
    assert gone() is None


def test_importing_and_consulting_load_no_renderer_until_one_is_wanted():
    """``import expert`` and a consultation load neither rich nor the presentation layer; the
    first drawing wanted (a verdict in a notebook) loads them and draws."""
    script = (
        "import sys\n"
        "import expert\n"
        "result = expert.Expert().consult({'device.mic': 'boom'})\n"
        "print('rich' in sys.modules, 'expert.present.report' in sys.modules)\n"
        "print(result.verdict('device.kind')._repr_html_().startswith('<div'))\n"
        "print(type(result.how('device.kind').__rich__()).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split("\n") == ["False False", "True", "Text", ""]
