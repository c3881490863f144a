"""Tests of expert.inference.clips: the CLIPS engine gives exactly the experta engine's results."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path
from typing import Any

import pytest
from support import write_base

pytest.importorskip("clips", reason="clipspy is not installed: pip install 'expert[clips]'")

from expert import Device, Expert, InferenceError, Needs  # noqa: E402
from expert.cli import main  # noqa: E402
from expert.headphones.facts import bundled_inputs  # noqa: E402
from expert.inference.clips import ClipsRunner, construct  # noqa: E402

KNOWLEDGE_TESTS = sorted((Path(__file__).parents[1] / "knowledge").glob("test_*.py"))

#: A base using every operator on every kind of attribute, stated and concluded.
OPERATOR_RULES = """
[[rules]]
id = "ops.price-is-50"
when.device.price = 50
then.device.bulk = "light"
hedge = "usually"
source = "kania"
quote = "You can find cheap ones for short-term usage"

[[rules]]
id = "ops.price-one-of"
when.device.price = { one_of = [20, 80.5] }
then.device.bulk = "bulky"
hedge = "can"
source = "kania"
quote = "You can find cheap ones for short-term usage"

[[rules]]
id = "ops.price-not"
when.device.price = { not = [50, 20] }
when.device.anc = true
then.device.features = "sound-controls"
hedge = "often"
source = "kania"
quote = "come with an attached boom microphone"

[[rules]]
id = "ops.cheap"
when.needs.budget = { lt = 40, ge = 10 }
then.recommendation.tier = "budget"
hedge = "usually"
source = "kania"
quote = "You can find cheap ones for short-term usage"

[[rules]]
id = "ops.dear"
when.needs.budget = { gt = 300 }
then.recommendation.tier = "premium"
hedge = "can"
source = "kania"
quote = "You can find cheap ones for short-term usage"

[[rules]]
id = "ops.cheap-not-premium"
when.needs.budget = { le = 40 }
then.recommendation.tier = "premium"
certainty = -0.6
source = "kania"
quote = "You can find cheap ones for short-term usage"

[[rules]]
id = "ops.fit-known"
when.device.fit = { present = true }
when.device.back = { absent = true }
then.device.comfort = "moderate"
hedge = "can"
source = "digimigia"
quote = "devices that include a microphone are called headsets"

[[rules]]
id = "ops.no-flag"
when.device.foldable = false
when.device.weight = { not = "heavy" }
then.device.portability = "high"
hedge = "often"
source = "digimigia"
quote = "devices that include a microphone are called headsets"

[[rules]]
id = "ops.uses-all"
when.needs.uses = { contains = ["gaming", "calls"] }
then.recommendation.kind = "headset"
hedge = "usually"
source = "difference-wiki"
quote = "Commonly used in gaming for interactive communication."

[[rules]]
id = "ops.uses-any"
when.needs.uses = { one_of = ["music", "movies", "podcasts"] }
then.recommendation.kind = "headphones"
hedge = "often"
source = "difference-wiki"
quote = "Commonly used in gaming for interactive communication."

[[rules]]
id = "ops.uses-none"
when.needs.uses = { not = ["gaming", "calls"] }
when.needs.priorities = "comfort"
then.recommendation.features = ["over-ear", "thick-padding"]
hedge = "can"
source = "difference-wiki"
quote = "Commonly used in gaming for interactive communication."

[[rules]]
id = "ops.no-uses"
when.needs.uses = { absent = true }
when.needs.priorities = { present = true }
then.recommendation.advice = "decide-what-you-need"
hedge = "definite"
source = "difference-wiki"
quote = "Commonly used in gaming for interactive communication."

[[rules]]
id = "ops.both-features"
when.recommendation.features = { contains = ["over-ear", "thick-padding"] }
then.recommendation.tier = "mid-range"
hedge = "can"
source = "kania"
quote = "headsets have great microphone quality"

[[rules]]
id = "ops.some-feature"
when.device.features = { present = true }
when.recommendation.kind = { one_of = ["headset", "headphones"] }
then.device.suited_for = "music"
hedge = "can"
source = "kania"
quote = "headsets have great microphone quality"
salience = 5

[[rules]]
id = "ops.not-concluded"
when.recommendation.kind = { not = "headset" }
when.device.comfort = { absent = true }
then.recommendation.advice = "keep-clean"
hedge = "often"
source = "kania"
quote = "headsets have great microphone quality"
salience = -3

[[rules]]
id = "ops.level-known"
when.device.bulk = { present = true }
when.device.suited_for = { contains = ["music"] }
then.device.longevity = "years"
hedge = "can"
source = "kania"
quote = "headsets have great microphone quality"
"""


def _value(rng: random.Random, spec: Any) -> Any:
    if spec.kind == "choice":
        return rng.choice(spec.values)
    if spec.kind == "set":
        return frozenset(rng.sample(spec.values, rng.randint(0, 3)))
    if spec.kind == "flag":
        return rng.random() < 0.5
    return rng.choice((0, 10, 20, 35, 40, 50, 50.0, 80.5, 100, 301.5, 10**30))


def random_facts(seed: int, count: int) -> list[tuple[Device, Needs]]:
    """``count`` seeded random (Device, Needs) pairs stating about half of the facts."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        groups: dict[str, dict[str, Any]] = {"device": {}, "needs": {}}
        for name, spec in bundled_inputs().items():
            if rng.random() < 0.5:
                group, short = name.split(".", 1)
                groups[group][short] = _value(rng, spec)
        cases.append((Device(**groups["device"]), Needs(**groups["needs"])))
    return cases


def knowledge_cases() -> list[dict[str, Any]]:
    """The fact sets of every CASES table in tests/knowledge/test_*.py."""
    found = []
    for path in KNOWLEDGE_TESTS:
        spec = importlib.util.spec_from_file_location(f"_clips_{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.extend(case[1] for case in getattr(module, "CASES", ()))
    return found


def explained(result: Any) -> dict[str, Any]:
    """Everything a result says: its dict, its firings, and each verdict's explanations."""
    knowledge = result.knowledge
    return {
        "result": result.to_dict(),
        "firings": [(f.rule, f.matched, f.certainty, f.stage) for f in result.firings],
        "certainties": dict(result.certainties),
        "how": [result.how(verdict.attribute).to_text() for verdict in result.verdicts],
        "why_not": [
            result.why_not(name, value).to_text()
            for name in knowledge.concluded_attributes()[:6]
            for value in knowledge.attributes[name].values
        ],
    }


@pytest.fixture(scope="module")
def engines() -> tuple[Expert, Expert]:
    """The bundled base on experta and on CLIPS, uncached."""
    return Expert(cache_size=0), Expert(engine="clips", cache_size=0)


@pytest.mark.slow
def test_random_consultations_are_identical(engines):
    """300 seeded random devices and needs: the same verdicts, firings and explanations."""
    experta, clips = engines
    for device, needs in random_facts(seed=2024, count=300):
        assert explained(clips.consult(device, needs)) == explained(
            experta.consult(device, needs)
        ), (device, needs)


@pytest.mark.slow
def test_every_knowledge_case_is_identical(engines):
    """Every fact set of the knowledge tests' CASES gives the same result on both engines."""
    experta, clips = engines
    cases = knowledge_cases()
    assert len(cases) > 100
    for facts in cases:
        assert explained(clips.consult(**facts)) == explained(experta.consult(**facts)), facts


def test_every_operator_is_identical(tmp_path):
    """A base using every operator on every kind of fact agrees on 300 random cases."""
    base = write_base(tmp_path / "ops", {"ops": OPERATOR_RULES})
    experta, clips = Expert(base, cache_size=0), Expert(base, engine="clips", cache_size=0)
    fired: set[str] = set()
    chosen = [(Device(price=50, anc=True), Needs(uses=["gaming", "calls", "music"], budget=35))]
    for device, needs in random_facts(seed=7, count=300) + chosen:
        result = clips.consult(device, needs)
        assert explained(result) == explained(experta.consult(device, needs)), (device, needs)
        fired |= result.fired_rules
    assert fired == {rule.id for rule in experta.knowledge.rules}


def test_the_tiny_base_is_identical(tiny_base):
    """The tiny test base (chaining, conflicts, negative evidence) agrees on every case."""
    experta, clips = Expert(tiny_base), Expert(tiny_base, engine="clips")
    for mic in ("none", "inline", "boom", "builtin", "external", None):
        for uses in (None, [], ["gaming"], ["online-gaming", "calls"]):
            for budget in (None, 20, 200):
                device = Device(mic=mic)
                needs = Needs(uses=uses, budget=budget)
                expected = explained(experta.consult(device, needs))
                assert explained(clips.consult(device, needs)) == expected


def test_the_run_limit_applies_to_clips(tiny_base):
    """The clips engine stops at the run limit with the same error as experta."""
    with pytest.raises(InferenceError, match="did not settle within 1 firings"):
        Expert(tiny_base, engine="clips", run_limit=1).consult(Device(mic="inline"))


def test_rule_text_is_escaped_not_evaluated(tiny_base):
    """Quotes and backslashes in values become CLIPS string escapes, not CLIPS code."""
    expert = Expert(tiny_base)
    rule = expert.knowledge.rules[0]
    text = construct(rule, 0, 10, [(1, 'device.kind"', 'a\\") (halt')])
    assert '(attr "device.kind\\"")' in text
    assert '(value "a\\\\\\") (halt")' in text
    ClipsRunner(expert.compiled, 10)  # the real constructs build


def test_the_cli_consults_on_clips(capsys):
    """`expert --engine clips consult --json` prints what the default engine prints."""
    argv = ["consult", "--device", "mic=inline", "--needs", "uses=online-gaming,calls", "--json"]
    assert main(argv) == 0
    expected = json.loads(capsys.readouterr().out)
    assert main(["--engine", "clips", *argv]) == 0
    assert json.loads(capsys.readouterr().out) == expected
