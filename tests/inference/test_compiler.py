"""Tests of expert.inference.compiler: stages, cycles and the compiled experta class."""

from __future__ import annotations

import pytest
from support import write_base

from expert import KnowledgeBaseError
from expert.inference.compiler import compile_base
from expert.kb.load import load
from expert.kb.stages import stages

CYCLE = """
[[rules]]
id = "loop.a"
when.device.kind = "headset"
then.device.io = "hybrid"
hedge = "definite"
source = "kania"
quote = "come with an attached boom microphone"

[[rules]]
id = "loop.b"
when.device.io = "hybrid"
then.device.kind = "headset"
hedge = "definite"
source = "kania"
quote = "come with an attached boom microphone"
"""


def test_rules_on_concluded_facts_run_in_later_stages(tiny_base):
    """A rule waits for every rule that concludes what it tests."""
    found = stages(load(tiny_base))
    assert found["tiny.boom-headset"] == 0
    assert found["tiny.headset-mic-good"] == 1
    assert found["tiny.good-mic-for-calls"] == 2
    assert found["tiny.no-kind-output"] == 1


def test_a_cycle_is_rejected_naming_its_rules(tmp_path):
    """Rules that conclude each other's conditions are a cycle, named rule by rule."""
    with pytest.raises(KnowledgeBaseError) as caught:
        stages(load(write_base(tmp_path / "kb", {"loop": CYCLE})))
    assert "cycle" in str(caught.value)
    assert "loop.a" in str(caught.value) and "loop.b" in str(caught.value)


def test_the_compiled_class_is_built_once_per_knowledge_base(tiny_base):
    """Compiling the same base twice returns the same compiled class."""
    knowledge = load(tiny_base)
    assert compile_base(knowledge) is compile_base(knowledge)
    assert compile_base(knowledge).engine_class is compile_base(knowledge).engine_class


def test_the_compiled_class_has_one_experta_rule_per_rule(tiny_base):
    """Every rule of the base becomes an experta rule of the engine."""
    compiled = compile_base(load(tiny_base))
    engine = compiled.new_engine()
    assert len(engine.get_rules()) == len(compiled.knowledge.rules)


def test_equal_tests_share_one_predicate_and_one_binding(tmp_path):
    """Rules testing the same condition (its values in any order) share its alpha test and
    bind its fact to one name, so experta builds the test once."""
    from support import rule_toml as rule

    from expert.inference.compiler import _patterns, _predicate

    rules = rule(
        "t.a",
        'when.needs.uses = { one_of = ["calls", "gaming"] }',
        'then.recommendation.kind = "headset"',
    ) + rule(
        "t.b",
        'when.needs.uses = { one_of = ["gaming", "calls"] }',
        'then.recommendation.features = "boom-mic"',
    )
    knowledge = load(write_base(tmp_path / "kb", {"t": rules}))
    a, b = knowledge.rules
    assert _predicate(a.conditions[0]) is _predicate(b.conditions[0])
    names: dict = {}
    assert _patterns(a, names, {})[1] == _patterns(b, names, {})[1] == ("c0",)


def test_the_compiled_base_cache_holds_only_what_is_in_use(tiny_base):
    """A knowledge base compiled and dropped leaves nothing behind in the cache."""
    import gc

    from expert.inference import compiler

    compiled = compile_base(load(tiny_base))
    key = id(compiled.knowledge)
    assert compiler._COMPILED[key] is compiled
    del compiled
    gc.collect()
    assert key not in compiler._COMPILED
