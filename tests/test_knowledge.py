"""Tests of expert.knowledge: loading rule files and rejecting broken ones precisely."""

from __future__ import annotations

import pytest
from support import rule_toml, write_base

from expert import KnowledgeBaseError
from expert.knowledge import Condition, load

GOOD_RULE = rule_toml("t.boom", 'when.device.mic = "boom"', 'then.device.kind = "headset"')


def test_the_tiny_base_loads_with_its_rules_sources_and_attributes(tiny_base):
    """Rules keep their order, certainty comes from the hedge, sources have their text."""
    knowledge = load(tiny_base)
    assert knowledge.rules[0].id == "tiny.boom-headset"
    assert knowledge.rules[0].certainty == 1.0 and knowledge.rules[0].hedge == "definite"
    assert knowledge.rule("tiny.cheap-not-premium").certainty == -0.6
    assert "boom microphone" in knowledge.sources["kania"].text
    assert knowledge.attributes["device.kind"].concluded
    assert not knowledge.attributes["device.mic"].concluded
    assert knowledge.attributes["recommendation.features"].multi


def test_an_unknown_rule_id_suggests_the_nearest(tiny_base):
    """knowledge.rule() with a typo suggests the real id."""
    with pytest.raises(KnowledgeBaseError) as caught:
        load(tiny_base).rule("tiny.boom-headsett")
    assert caught.value.suggestion == "tiny.boom-headset"


BROKEN = {
    "not TOML": ("[[rules]\nid = 1", "not valid TOML"),
    "unknown key": (GOOD_RULE.replace("hedge =", "hedg = 'x'\nhedge ="), "unknown key 'hedg'"),
    "unknown source": (GOOD_RULE.replace('"kania"', '"kanja"'), "`source` 'kanja'"),
    "bad hedge": (GOOD_RULE.replace('"definite"', '"surely"'), "`hedge` 'surely'"),
    "hedge and certainty": (
        GOOD_RULE.replace("hedge =", "certainty = 0.5\nhedge ="),
        "exactly one of `hedge`",
    ),
    "certainty out of range": (
        GOOD_RULE.replace('hedge = "definite"', "certainty = 1.5"),
        "`certainty` must be a number from -1 to 1",
    ),
    "unknown attribute": (GOOD_RULE.replace("device.mic", "device.mik"), "'device.mik'"),
    "bad value": (GOOD_RULE.replace('"boom"', '"bom"'), "'bom' is not a value of device.mic"),
    "concluding an input": (
        GOOD_RULE.replace("then.device.kind", "then.device.fit").replace('"headset"', '"in-ear"'),
        "stated by the user and cannot be concluded",
    ),
    "numeric test on a choice": (
        GOOD_RULE.replace('"boom"', "{ lt = 3 }"),
        "lt compares numbers",
    ),
    "contains on a single value": (
        GOOD_RULE.replace('"boom"', '{ contains = "boom" }'),
        "contains tests a set",
    ),
    "one_of without a list": (
        GOOD_RULE.replace('"boom"', '{ one_of = "boom" }'),
        "one_of takes a list",
    ),
    "unknown operator": (GOOD_RULE.replace('"boom"', '{ equal = "boom" }'), "unknown operator"),
    "id of another topic": (GOOD_RULE.replace("t.boom", "other.boom"), "file's topic 't'"),
    "no conditions": (GOOD_RULE.replace('when.device.mic = "boom"\n', ""), "`when` must be"),
    "empty quote": (GOOD_RULE.replace('"come with an attached boom microphone"', '""'), "quote"),
    "list for one value": (
        GOOD_RULE.replace('"headset"', '["headset", "headphones"]'),
        "takes one value, not a list",
    ),
    "flag given text": (
        GOOD_RULE.replace('device.mic = "boom"', 'device.anc = "yes"'),
        "takes true or false",
    ),
    "duplicate id": (GOOD_RULE + GOOD_RULE, "duplicate rule id"),
    "duplicate TOML key": (GOOD_RULE.replace("hedge =", 'source = "kania"\nhedge ='), "TOML"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_rule_file_names_the_file_the_rule_and_the_problem(tmp_path, case):
    """Each kind of defect raises KnowledgeBaseError with the file and a precise message."""
    text, expected = BROKEN[case]
    base = write_base(tmp_path / "kb", {"t": text})
    with pytest.raises(KnowledgeBaseError) as caught:
        load(base)
    message = str(caught.value)
    assert "t.toml" in message
    assert expected in message
    if case not in ("not TOML", "duplicate TOML key"):
        assert "rule t." in message or "rule #1" in message or "rule other." in message


def test_a_missing_sources_file_is_reported(tmp_path):
    """A directory without sources.toml is not a knowledge base."""
    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    (base / "sources.toml").unlink()
    with pytest.raises(KnowledgeBaseError, match="missing sources.toml"):
        load(base)


def test_a_missing_directory_is_reported(tmp_path):
    """A path that is not a directory is rejected."""
    with pytest.raises(KnowledgeBaseError, match="not a directory"):
        load(tmp_path / "nowhere")


def test_an_article_path_must_stay_inside_articles(tmp_path):
    """sources.toml cannot point a rule base at files elsewhere."""
    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    (base / "sources.toml").write_text('[kania]\ntitle = "x"\narticle = "../../etc/passwd"\n')
    with pytest.raises(KnowledgeBaseError, match="must name a file in articles/"):
        load(base)


def test_only_toml_files_are_read(tmp_path):
    """A Python file in the rule directory is ignored, never imported."""
    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    (base / "evil.py").write_text("raise SystemExit('executed')\n")
    assert [rule.id for rule in load(base).rules] == ["t.boom"]


def test_a_topic_file_may_declare_its_own_attribute(tmp_path):
    """[attributes] in a topic file adds a concluded attribute."""
    text = '[attributes."device.vibe"]\nvalues = ["chill"]\n' + GOOD_RULE.replace(
        'then.device.kind = "headset"', 'then.device.vibe = "chill"'
    )
    knowledge = load(write_base(tmp_path / "kb", {"t": text}))
    assert knowledge.attributes["device.vibe"].values == ("chill",)


def test_an_attribute_declared_twice_is_rejected(tmp_path):
    """A topic file cannot redefine a vocabulary attribute."""
    text = '[attributes."device.kind"]\nvalues = ["x"]\n' + GOOD_RULE
    with pytest.raises(KnowledgeBaseError, match="declared twice"):
        load(write_base(tmp_path / "kb", {"t": text}))


@pytest.mark.parametrize(
    ("condition", "state", "holds"),
    [
        (Condition("device.mic", "equals", "boom"), "boom", True),
        (Condition("device.mic", "equals", "boom"), None, False),
        (Condition("device.mic", "not", ("none",)), "boom", True),
        (Condition("device.mic", "not", ("none",)), None, False),
        (Condition("device.price", "lt", 50), 49.9, True),
        (Condition("device.price", "ge", 50), 49.9, False),
        (Condition("needs.uses", "equals", "gaming", multi=True), frozenset({"gaming"}), True),
        (Condition("needs.uses", "contains", ("a", "b"), multi=True), frozenset({"a"}), False),
        (Condition("needs.uses", "one_of", ("a", "b"), multi=True), frozenset({"b"}), True),
        (Condition("needs.uses", "not", ("a",), multi=True), frozenset({"b"}), True),
        (Condition("device.kind", "not", ("headset",), concluded=True), frozenset(), True),
        (Condition("device.kind", "absent", True, concluded=True), frozenset(), True),
        (Condition("device.mic", "present", True), "none", True),
    ],
)
def test_conditions_hold_as_documented(condition, state, holds):
    """Each operator's meaning on stated values, sets and concluded values."""
    assert condition.holds(state) is holds


def test_conditions_describe_themselves_in_words():
    """describe() reads as the why-not explanation uses it."""
    assert Condition("device.price", "lt", 50).describe() == "device.price is below 50"
    assert Condition("needs.uses", "equals", "gaming", multi=True).describe() == (
        "needs.uses contains gaming"
    )


def test_refines_must_name_a_rule_of_the_same_source(tmp_path):
    """A refinement of a missing rule, or of another article's rule, is rejected."""
    narrower = GOOD_RULE.replace("t.boom", "t.narrow").replace(
        'when.device.mic = "boom"', 'when.device.mic = "boom"\nwhen.device.fit = "over-ear"'
    )
    missing = GOOD_RULE + narrower.replace("hedge =", 'refines = "t.bom"\nhedge =')
    with pytest.raises(KnowledgeBaseError, match="`refines` names no rule") as caught:
        load(write_base(tmp_path / "a", {"t": missing}))
    assert caught.value.suggestion == "t.boom"
    other = GOOD_RULE.replace('"kania"', '"digimigia"').replace(
        "come with an attached boom microphone", "called headsets"
    ) + narrower.replace("hedge =", 'refines = "t.boom"\nhedge =')
    with pytest.raises(KnowledgeBaseError, match="same source"):
        load(write_base(tmp_path / "b", {"t": other}))


def test_a_declared_refinement_is_not_reported_as_subsumed(tmp_path):
    """refines = <broader rule> silences the subsumption finding, and only that."""
    from expert.check import check

    narrower = GOOD_RULE.replace("t.boom", "t.narrow").replace(
        'when.device.mic = "boom"', 'when.device.mic = "boom"\nwhen.device.fit = "over-ear"'
    )
    plain = load(write_base(tmp_path / "a", {"t": GOOD_RULE + narrower}))
    assert [p.kind for p in check(plain).problems] == ["subsumed"]
    declared = narrower.replace("hedge =", 'refines = "t.boom"\nhedge =')
    assert check(load(write_base(tmp_path / "b", {"t": GOOD_RULE + declared}))).ok
