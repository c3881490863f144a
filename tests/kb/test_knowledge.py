"""Tests of expert.knowledge: loading rule files and rejecting broken ones precisely."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from support import rule_toml, winex_base, write_base

from expert import KnowledgeBaseError
from expert.kb.load import load
from expert.model.rules import Condition

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
    # Wrong types and sizes where a crash used to be (TypeError, OverflowError, RecursionError)
    "source given as a list": (GOOD_RULE.replace('"kania"', '["kania"]'), "`source` ['kania']"),
    "source given as a table": (GOOD_RULE.replace('"kania"', "{ a = 1 }"), "`source` {'a': 1}"),
    "hedge given as a list": (GOOD_RULE.replace('"definite"', '["definite"]'), "`hedge` ['def"),
    "a 400-digit certainty": (
        GOOD_RULE.replace('hedge = "definite"', "certainty = " + "9" * 400), "`certainty` must",
    ),
    "a 400-digit threshold": (
        GOOD_RULE.replace('device.mic = "boom"', "device.price = { lt = " + "9" * 400 + " }"),
        "takes a finite number",
    ),
    "TOML nested 50,000 deep": ("x = " + "[" * 50_000 + "]" * 50_000, "nested too deeply"),
    "tables nested 50,000 deep": ("x = " + "{a = " * 50_000 + "1" + "}" * 50_000, "too deeply"),
    "an id with a trailing newline": (
        GOOD_RULE + GOOD_RULE.replace('"t.boom"', '"t.boom\\n"'), "`id` must be a string",
    ),
    "an id with a leading newline": (GOOD_RULE.replace('"t.boom"', '"\\nt.boom"'), "`id`"),
    "refines with a trailing newline": (
        GOOD_RULE.replace("hedge =", 'refines = "t.other\\n"\nhedge ='), "`refines` must",
    ),
    "summary not a string": ("summary = 5\n" + GOOD_RULE, "`summary` must be a string"),
}  # fmt: skip


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
    if "TOML" not in case and "nested" not in case and "summary" not in case:
        assert "rule t." in message or "rule #" in message or "rule other." in message


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


SOURCE_FIELDS = {
    "title": ('title = "Is Headphone Input or Output?"', 'title = ["x"]', "a `title` string"),
    "author": ('author = "Bobby Kania"', 'author = ["Bobby"]', "`author` must be a string"),
    "site": ('site = "Digimigia"', "site = 5", "`site` must be a string, not int"),
    "article": ('article = "kania.txt"', "article = 5", "`article` must be a string"),
    "published": ('published = "2024-01-12"', "published = 2024-01-12", "not date"),
    "editor": ('editor = "Aimie Carlson"', "editor = { a = 1 }", "`editor` must be a string"),
    "nesting": (None, "x = " + "[" * 50_000 + "]" * 50_000, "nested too deeply"),
}


@pytest.mark.parametrize("field", SOURCE_FIELDS, ids=list(SOURCE_FIELDS))
def test_every_field_of_a_source_is_type_checked(tmp_path, field):
    """A list, number, date or table where sources.toml wants a string is a
    KnowledgeBaseError naming the file, the source and the field."""
    good, bad, expected = SOURCE_FIELDS[field]
    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    text = (base / "sources.toml").read_text()
    (base / "sources.toml").write_text(bad if good is None else text.replace(good, bad))
    with pytest.raises(KnowledgeBaseError, match=re.escape(expected)) as caught:
        load(base)
    assert "sources.toml" in str(caught.value)


@pytest.mark.parametrize("kind", ["device", "fifo", "huge"])
def test_an_article_that_is_not_a_bounded_regular_file_is_refused(tmp_path, kind, monkeypatch):
    """An article linked to /dev/zero, a FIFO or a file over the limit is an error, read
    without blocking and without reading it whole."""
    import expert.kb.load

    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    article = base / "articles" / "kania.txt"
    article.unlink()
    if kind == "device":
        os.symlink(os.devnull, article)
        expected = "must name a file in articles/"  # it resolves outside articles/
    elif kind == "fifo":
        os.mkfifo(article)
        expected = "not a regular file (a pipe)"
    else:
        monkeypatch.setattr(expert._support.toml_files, "MAX_FILE_BYTES", 1000)
        article.write_text("x" * 1001)
        expected = "larger than the limit of 1,000 bytes"
    with pytest.raises(KnowledgeBaseError, match=re.escape(expected)):
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
    from expert.kb.check import check

    narrower = GOOD_RULE.replace("t.boom", "t.narrow").replace(
        'when.device.mic = "boom"', 'when.device.mic = "boom"\nwhen.device.fit = "over-ear"'
    )
    plain = load(write_base(tmp_path / "a", {"t": GOOD_RULE + narrower}))
    assert [p.kind for p in check(plain).problems] == ["subsumed"]
    declared = narrower.replace("hedge =", 'refines = "t.boom"\nhedge =')
    assert check(load(write_base(tmp_path / "b", {"t": GOOD_RULE + declared}))).ok


# -- values with certainties of their own --------------------------------------------------

AVERAGE = """
[[rules]]
id = "body.average"
when.meal.tastiness = "average"
then.wine.best-body = { light = 0.3, medium = 0.6, full = 0.3 }
source = "winex"
quote = "If the flavor of the meal is average, the best body is light with certainty 30, medium with certainty 60 and full with certainty 30."
"""


def test_values_with_their_own_certainties_load_as_one_rule(tmp_path):
    """{ light = 0.3, medium = 0.6 } is one rule; each conclusion keeps its certainty, the
    rule's is the strongest of them."""
    (rule,) = load(winex_base(tmp_path, {"body": AVERAGE})).rules
    assert [(c.value, c.certainty) for c in rule.conclusions] == [
        ("light", 0.3),
        ("medium", 0.6),
        ("full", 0.3),
    ]
    assert (rule.certainty, rule.hedge) == (0.6, None)
    assert [rule.certainty_of(c) for c in rule.conclusions] == [0.3, 0.6, 0.3]


def test_each_value_is_concluded_and_explained_at_its_own_certainty(tmp_path):
    """The verdict's members carry the rule's certainty for each; how and why not say it per
    value."""
    from expert import Expert

    result = Expert(rules=winex_base(tmp_path, {"body": AVERAGE})).consult(
        {"meal.tastiness": "average"}
    )
    members = {m.value: m.certainty for m in result.verdict("wine.best-body").members}
    assert members == {"light": 0.3, "medium": 0.6, "full": 0.3}
    how = result.how("wine.best-body").to_text()
    assert (
        "wine.best-body = medium (certainty 0.60)\n    because rule body.average (rule certainty 0.60)"
        in how
    )
    assert (
        "wine.best-body = light (certainty 0.30)\n    because rule body.average (rule certainty 0.30)"
        in how
    )
    why = result.why_not("wine.best-body", "light").to_text()
    assert "rule body.average fired for it (contributes 0.30)" in why


def test_a_rule_certainty_applies_to_the_values_without_one(tmp_path):
    """certainty = 0.8 beside { sweet = 0.4 }: the other attribute's value is concluded at 0.8."""
    from expert import Expert

    rule = AVERAGE.replace(
        "then.wine.best-body = { light = 0.3, medium = 0.6, full = 0.3 }",
        'then.wine.best-body = { light = 0.4 }\nthen.wine.best-color = "red"\ncertainty = 0.8',
    )
    result = Expert(rules=winex_base(tmp_path, {"body": rule})).consult(
        {"meal.tastiness": "average"}
    )
    assert result.certainty("wine.best-color", "red") == 0.8
    assert result.certainty("wine.best-body", "light") == 0.4


@pytest.mark.parametrize(
    ("then", "message"),
    [
        (
            'then.wine.best-body = { light = 0.3 }\nhedge = "can"',
            "every value concluded has its own certainty: leave out `hedge` and `certainty`",
        ),
        (
            "then.wine.best-body = { light = 0.3, full = -0.3 }",
            "the certainties of one rule must all be positive or all negative",
        ),
        (
            "then.wine.best-body = { light = 0 }",
            "then.wine.best-body.light: a certainty is a number from -1 to 1, not 0; got 0",
        ),
        (
            'then.wine.best-body = { light = "high" }',
            "then.wine.best-body.light: a certainty is a number from -1 to 1, not 0; got 'high'",
        ),
        (
            "then.wine.best-body = { heavy = 0.3 }",
            (
                "then.wine.best-body: 'heavy' is not a value of wine.best-body; allowed: light, "
                "medium, full"
            ),
        ),
        ("then.wine.best-body = {}", "then.wine.best-body: empty table; write { <value> = "),
    ],
)
def test_bad_values_with_certainties_are_refused_naming_rule_and_form(tmp_path, then, message):
    """Each bad form is one load error naming the file, the rule and what is allowed."""
    bad = AVERAGE.replace("then.wine.best-body = { light = 0.3, medium = 0.6, full = 0.3 }", then)
    with pytest.raises(KnowledgeBaseError) as caught:
        load(winex_base(tmp_path, {"body": bad}))
    assert f"body.toml: rule body.average: {message}" in str(caught.value)


# -- revisions -----------------------------------------------------------------------------

REVISION = """
[[rules]]
id = "body.light-preferred-over-full"
when.preference.body = "light"
when.wine.best-body = "full"
then.wine.best-body = "medium"
hedge = "definite"
revises = "wine.best-body"
source = "winex"
quote = "If the diner prefers light bodied wines but the best body found is full, the best body is medium."
"""


def test_a_revision_runs_after_the_rules_it_revises_and_adds_to_them(tmp_path):
    """The revision sees the full body the other rules concluded (0.3) and adds medium at
    0.3 to their 0.6: 0.72, as WINEX; how says it revises."""
    from expert import Expert

    result = Expert(rules=winex_base(tmp_path, {"body": AVERAGE + REVISION})).consult(
        {"meal.tastiness": "average", "preference.body": "light"}
    )
    assert round(result.certainty("wine.best-body", "medium"), 9) == 0.72
    assert result.certainty("wine.best-body", "full") == 0.3
    how = result.how("wine.best-body").to_text()
    assert (
        "because rule body.light-preferred-over-full (rule certainty 1.00, contributes 0.30, "
        "revises wine.best-body)"
    ) in how


def test_an_undeclared_revision_is_still_a_cycle(tmp_path):
    """Without `revises`, a rule testing and concluding one attribute is a cycle."""
    from expert.kb.check import check

    report = check(
        load(
            winex_base(
                tmp_path, {"body": AVERAGE + REVISION.replace('revises = "wine.best-body"\n', "")}
            )
        )
    )
    assert [p.kind for p in report.problems] == ["cycle"]
    assert report.problems[0].message.endswith(
        "body.toml: rule body.light-preferred-over-full: rules form a cycle: "
        "body.light-preferred-over-full -> body.light-preferred-over-full"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('revises = "wine.best-body"', 'revises = "wine.best-color"'),
            (
                "rule body.light-preferred-over-full: `revises` 'wine.best-color' must name an "
                "attribute the rule both tests and concludes; allowed: wine.best-body"
            ),
        ),
        (
            ('revises = "wine.best-body"', "revises = 3"),
            "`revises` 3 must name an attribute the rule both tests and concludes",
        ),
        (
            ('then.wine.best-body = "medium"', 'then.wine.best-body = "full"'),
            "`revises` wine.best-body: the rule tests a value it concludes (full)",
        ),
    ],
)
def test_a_bad_revision_is_refused(tmp_path, change, message):
    """`revises` must name an attribute the rule tests and concludes, on other values."""
    with pytest.raises(KnowledgeBaseError, match=re.escape(message)):
        load(winex_base(tmp_path, {"body": AVERAGE + REVISION.replace(*change)}))


def test_a_revision_of_a_revision_is_refused(tmp_path):
    """A revision testing a value another revision concludes would revise a revision."""
    second = (
        REVISION.replace("light-preferred-over-full", "medium-revised")
        .replace('when.wine.best-body = "full"', 'when.wine.best-body = "medium"')
        .replace('then.wine.best-body = "medium"', 'then.wine.best-body = "light"')
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        load(winex_base(tmp_path, {"body": AVERAGE + REVISION + second}))
    assert str(caught.value).endswith(
        "body.toml: rule body.medium-revised: `revises` wine.best-body: tests "
        "wine.best-body = medium, which the revision body.light-preferred-over-full "
        "concludes; a revision may not revise a revision (there is one revision stage)"
    )


# -- hyphenated names ----------------------------------------------------------------------


def test_hyphenated_names_are_read_everywhere_a_name_is(tmp_path, capsys):
    """meal.main-component in the vocabulary, rules, --fact (or with _), short names, the
    shell, facts files and batch columns."""
    import json

    from expert import Expert
    from expert.cli import main
    from expert.kb.fact_files import read_facts
    from expert.shell import Shell

    rule = """
    [[rules]]
    id = "color.meat-red"
    when.meal.main-component = "meat"
    then.wine.best-color = "red"
    certainty = 0.9
    source = "winex"
    quote = "If the main component of the meal is meat, the best color is red with certainty 90."
    """
    base = winex_base(tmp_path / "kb", {"color": rule})
    expert = Expert(rules=base)
    for name in ("meal.main-component", "meal.main_component", "main-component", "MAIN_COMPONENT"):
        assert expert.consult({name: "meat"}).facts == {"meal.main-component": "meat"}
    assert (
        main(["--rules", str(base), "consult", "--fact", "meal.main-component=meat", "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["facts"]["meal"] == {"main-component": "meat"}
    assert Shell(expert).execute("set main-component meat") == "meal.main-component = meat\n"
    saved = tmp_path / "facts.json"
    saved.write_text('{"meal": {"main-component": "fish"}}', encoding="utf-8")
    assert read_facts(saved, expert.knowledge) == {"meal.main-component": "fish"}
    catalogue = tmp_path / "meals.csv"
    catalogue.write_text("id,meal.main-component\nm1,meat\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["--rules", str(base), "batch", str(catalogue), "-o", str(out)]) == 0
    row = json.loads(out.read_text("utf-8"))
    assert row["verdicts"]["wine.best-color"]["value"] == ["red"]


def test_names_differing_only_by_hyphen_and_underscore_are_refused(tmp_path):
    """meal.main-component and meal.main_component would be one name typed: refused."""
    base = winex_base(tmp_path, {})
    vocabulary = base / "vocabulary.toml"
    vocabulary.write_text(
        vocabulary.read_text("utf-8")
        + '\n["meal.main_component"]\ninput = true\nvalues = ["meat"]\ndoc = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        load(base)
    assert str(caught.value).endswith(
        "vocabulary.toml: attribute meal.main_component differs from meal.main-component only "
        "by - and _, which a name typed may use for each other; rename one"
    )


def _odd_entry(base, name: str, kind: str) -> str:
    """Make ``base/name`` an entry that is not a readable regular file; what it is called."""
    path = base / name
    path.unlink(missing_ok=True)
    if kind == "dangling link":
        os.symlink(base / "gone.toml", path)
        return f"a symbolic link to {base / 'gone.toml'}, which cannot be read"
    if kind == "link loop":
        os.symlink(name, path)
        return "a symbolic link in a loop"
    if kind == "directory":
        path.mkdir()
        return "a directory, not a rule file"
    if kind == "link to a directory":
        os.symlink(base / "articles", path)
        return "a directory, not a rule file"
    os.mkfifo(path)
    return "a pipe, not a rule file"


ODD = ["dangling link", "link loop", "directory", "link to a directory", "fifo"]


@pytest.mark.parametrize("name", ["battery.toml", "vocabulary.toml", "questions.toml"])
@pytest.mark.parametrize("kind", ODD)
def test_every_toml_entry_is_read_or_refused_naming_it(tmp_path, kind, name):
    """A topic, the vocabulary or an optional file that is a link to nothing, a link loop,
    a directory or a pipe is refused naming it: never skipped, loading fewer rules."""
    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    said = _odd_entry(base, name, kind)
    with pytest.raises(KnowledgeBaseError) as caught:
        load(base)
    assert str(caught.value).startswith(f"{base / name}: {said}"), caught.value
    assert "fix or remove" in str(caught.value) or "remove or rename" in str(caught.value)


def test_an_article_in_a_link_loop_is_refused_naming_it(tmp_path):
    """An article linked to itself is a KnowledgeBaseError naming it, not a crash."""
    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    article = base / "articles" / "kania.txt"
    article.unlink()
    os.symlink("kania.txt", article)
    with pytest.raises(KnowledgeBaseError, match="article kania.txt: cannot read: Too many"):
        load(base)


def test_a_directory_that_cannot_be_listed_is_refused_never_empty(tmp_path, monkeypatch):
    """A rule directory that cannot be listed is a KnowledgeBaseError naming it, from
    load() and Expert(rules=...), never a base of 0 rules."""
    from expert import Expert

    base = write_base(tmp_path / "kb", {"t": GOOD_RULE})
    real = os.scandir

    def refused(path="."):
        if os.fspath(path) == str(base):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refused)
    expected = f"{base}: cannot list the rule files: Permission denied"
    for attempt in (load, Expert):
        with pytest.raises(KnowledgeBaseError) as caught:
            attempt(base)
        assert str(caught.value) == expected


def test_a_base_without_rules_is_refused(tmp_path):
    """A base whose topic files hold no rules (or that has none) is refused: an expert
    that concludes nothing looks like one whose rules were skipped."""
    base = write_base(tmp_path / "kb", {})
    with pytest.raises(KnowledgeBaseError, match=r"kb: no rules: no topic file \(\*\.toml "):
        load(base)
    (base / "t.toml").write_text('summary = "nothing yet"\n')
    with pytest.raises(KnowledgeBaseError, match="no rules"):
        load(base)


def test_an_unreadable_rule_file_or_directory_is_refused_in_a_process(tmp_path):
    """With real permissions (mode 000 directory, mode 311 directory, mode 000 topic),
    load() raises a KnowledgeBaseError naming the path and saying why."""
    from support import unprivileged

    prefix = unprivileged()
    cases = {}
    for mode, name in ((0o000, "closed"), (0o311, "unlistable")):
        base = write_base(tmp_path / name, {"t": GOOD_RULE})
        base.chmod(mode)
        cases[name] = f"{base}: cannot list the rule files: Permission denied"
    base = write_base(tmp_path / "unreadable", {"t": GOOD_RULE})
    (base / "t.toml").chmod(0)
    cases["unreadable"] = f"{base / 't.toml'}: cannot read: Permission denied"
    probe = (
        "import sys\nfrom expert.kb.load import load\nfrom expert import KnowledgeBaseError\n"
        "for path in sys.argv[1:]:\n    try:\n        load(path)\n"
        "    except KnowledgeBaseError as e:\n        print(e)\n"
    )
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-c", probe, *(str(tmp_path / name) for name in cases)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.stdout.splitlines() == list(cases.values()), done.stderr
    finally:
        for name in cases:
            (tmp_path / name).chmod(0o755)
