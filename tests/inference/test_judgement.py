"""Exceptions that defeat general rules, set verdicts with members, and notes kept apart
from the verdicts on the user's device."""

from __future__ import annotations

import pytest
from support import rule_toml as rule
from support import write_base

from expert import Expert, KnowledgeBaseError
from expert.kb.check import check
from expert.kb.load import load

GENERAL = rule(
    "t.mic-headset",
    'when.device.mic = { not = "none" }',
    'then.device.kind = "headset"',
    source="digimigia",
    quote="devices that include a microphone are called headsets",
)
EXCEPTION = (
    rule(
        "t.inline-headphones",
        'when.device.mic = "inline"',
        'then.device.kind = "headphones"',
        quote="You can find certain styles of headphones with built-in microphones",
    )
    + 'overrides = ["t.mic-headset"]\n'
)
CHAINED = rule(
    "t.headset-two-way",
    'when.device.kind = "headset"',
    'then.device.communication = "two-way"',
    quote="headsets have great microphone quality",
)


@pytest.fixture
def exceptions(tmp_path) -> Expert:
    """An expert whose in-line rule is an exception to the general microphone rule."""
    return Expert(write_base(tmp_path / "kb", {"t": GENERAL + EXCEPTION + CHAINED}))


def test_an_exception_defeats_the_general_rule_when_both_fire(exceptions):
    """For an in-line mic the exception wins outright: no conflict, the general rule counts
    for nothing, and what was chained on its conclusion counts for nothing either."""
    result = exceptions.consult({"device.mic": "inline"})
    verdict = result.verdict("device.kind")
    assert (verdict.value, verdict.certainty) == ("headphones", 1.0)
    assert result.conflicts == () and result.certainty("device.kind", "headset") == 0
    assert "device.communication" not in result
    general = next(f for f in result.firings if f.rule == "t.mic-headset")
    assert general.defeated_by == ("t.inline-headphones",) and general.defeated == ("device.kind",)


def test_the_general_rule_holds_where_the_exception_does_not_apply(exceptions):
    """For a boom mic the exception does not fire, so the general rule stands."""
    result = exceptions.consult({"device.mic": "boom"})
    assert result.verdict("device.kind").value == "headset"
    assert result.verdict("device.communication").value == "two-way"


def test_how_and_why_not_say_defeated_by(exceptions):
    """Both explanations name the exception that defeated the general rule."""
    result = exceptions.consult({"device.mic": "inline"})
    how = result.how("device.kind").to_text()
    assert "defeated: rule t.mic-headset (device.kind = headset) by t.inline-headphones" in how
    why = result.why_not("device.kind", "headset")
    assert why.candidates[0].defeated_by == ("t.inline-headphones",)
    assert "fired, but was defeated by t.inline-headphones" in why.to_text()
    assert result.to_dict()["verdicts"][0]["because"][0]["rule"] == "t.inline-headphones"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ('["t.nothing"]', "`overrides` names no rule"),
        ('["t.inline-headphones"]', "`overrides` names itself"),
        ('["t.headset-two-way"]', "concludes nothing this rule concludes"),
        ('"t.mic-headset"', "must be a list"),
    ],
)
def test_a_bad_override_is_refused_at_load(tmp_path, overrides, message):
    """An override must name another rule that concludes the same attribute."""
    text = GENERAL + EXCEPTION.replace('["t.mic-headset"]', overrides) + CHAINED
    with pytest.raises(KnowledgeBaseError, match=message):
        load(write_base(tmp_path / "kb", {"t": text}))


def test_check_refuses_an_override_that_is_not_more_specific(tmp_path):
    """An exception must fire only where the rule it overrides fires."""
    broad = EXCEPTION.replace('when.device.mic = "inline"', 'when.device.fit = "in-ear"')
    report = check(load(write_base(tmp_path / "kb", {"t": GENERAL + broad})))
    assert [(f.kind, f.rules) for f in report.problems] == [
        ("override", ("t.inline-headphones", "t.mic-headset"))
    ]
    assert "is not more specific" in report.problems[0].message
    assert check(load(write_base(tmp_path / "ok", {"t": GENERAL + EXCEPTION}))).ok


def test_check_lists_no_disagreement_an_exception_decides(tmp_path):
    """The exception and the rule it overrides conclude different kinds where both fire,
    but the exception decides there: `expert check` lists that pair only without the
    override, and still lists a rival that no override decides."""
    plain = EXCEPTION.replace('overrides = ["t.mic-headset"]\n', "")
    report = check(load(write_base(tmp_path / "plain", {"t": GENERAL + plain})))
    assert [(d.attribute, dict(d.sides)) for d in report.disagreements] == [
        (
            "device.kind",
            {
                "headphones": (("t.inline-headphones", "kania"),),
                "headset": (("t.mic-headset", "digimigia"),),
            },
        )
    ]
    assert (
        check(load(write_base(tmp_path / "decided", {"t": GENERAL + EXCEPTION}))).disagreements
        == ()
    )
    rival = rule(
        "t.boom-headphones",
        'when.device.mic = "boom"',
        'then.device.kind = "headphones"',
        quote="You can find certain styles of headphones with built-in microphones",
    )
    report = check(load(write_base(tmp_path / "rival", {"t": GENERAL + EXCEPTION + rival})))
    assert [dict(d.sides) for d in report.disagreements] == [
        {
            "headphones": (("t.boom-headphones", "kania"),),
            "headset": (("t.mic-headset", "digimigia"),),
        }
    ]


MEMBERS = rule(
    "t.boom-features",
    'when.device.mic = "boom"',
    'then.recommendation.features = ["boom-mic", "mic-noise-reduction"]',
) + rule(
    "t.boom-maybe-anc",
    'when.device.mic = "boom"',
    'then.recommendation.features = "anc"',
    hedge="can",
    quote="headsets have great microphone quality",
)


def test_each_member_of_a_set_verdict_has_its_own_certainty_and_reasons(tmp_path):
    """A weak member is weak on its own, not lumped with the strong ones."""
    expert = Expert(write_base(tmp_path / "kb", {"t": MEMBERS}))
    verdict = expert.consult({"device.mic": "boom"}).verdict("recommendation.features")
    assert [(m.value, m.certainty) for m in verdict.members] == [
        ("boom-mic", 1.0),
        ("mic-noise-reduction", 1.0),
        ("anc", 0.4),
    ]
    assert [f.rule for f in verdict.member("anc").because] == ["t.boom-maybe-anc"]
    data = verdict.to_dict()
    assert data["value"] == ["boom-mic", "anc", "mic-noise-reduction"]  # vocabulary order
    assert data["members"][2] == {
        "value": "anc",
        "certainty": 0.4,
        "because": [data["members"][2]["because"][0]],
    }
    assert data["members"][2]["because"][0]["rule"] == "t.boom-maybe-anc"


# headsets.features is a note attribute of the bundled vocabulary (which write_base copies).
NOTES = rule(
    "t.headsets-often-bluetooth",
    'when.device.kind = "headset"',
    'then.headsets.features = ["bluetooth", "wireless"]',
    hedge="often",
    source="difference-wiki",
    quote="Headsets, however, frequently feature wireless technology, Bluetooth connectivity",
) + rule("t.boom-headset", 'when.device.mic = "boom"', 'then.device.kind = "headset"')


def test_class_claims_are_notes_not_verdicts_on_the_device(tmp_path):
    """What an article says of headsets in general is a note with its subject and quote."""
    expert = Expert(write_base(tmp_path / "kb", {"t": NOTES}))
    result = expert.consult({"device.mic": "boom"})
    assert "headsets.features" not in result
    assert [v.attribute for v in result.verdicts] == ["device.kind"]
    (note,) = result.notes
    assert (note.subject, note.value, note.rule) == (
        "headsets",
        ("bluetooth", "wireless"),
        "t.headsets-often-bluetooth",
    )
    assert note.certainty == pytest.approx(0.6)
    assert result.to_dict()["notes"] == [
        {
            "subject": "headsets",
            "attribute": "headsets.features",
            "value": ["bluetooth", "wireless"],
            "rule": "t.headsets-often-bluetooth",
            "source": "difference-wiki",
            "quote": note.quote,
            "certainty": 0.6,
        }
    ]


def test_why_not_counts_a_rule_once_with_its_strongest_firing(tmp_path):
    """A rule matching twice contributes its strongest firing, as verdicts count it."""
    text = rule(
        "t.uses-music",
        'when.needs.uses = { one_of = ["music", "movies"] }',
        'then.recommendation.kind = "headphones"',
        hedge="usually",
    )
    result = Expert(write_base(tmp_path / "kb", {"t": text})).consult(
        {"needs.uses": {"music", "movies"}}
    )
    (candidate,) = result.why_not("recommendation.kind", "headphones").candidates
    assert candidate.certainty == pytest.approx(0.8)


def test_a_firing_that_counted_for_nothing_is_no_reason(tmp_path):
    """A rule that fired on a defeated premise contributes nothing and is not listed among a
    verdict's reasons."""
    topic = (
        rule("t.mic-headset", 'when.device.mic = { not = "none" }', 'then.device.kind = "headset"')
        + rule(
            "t.inline-headphones",
            'when.device.mic = "inline"',
            'then.device.kind = "headphones"',
        ).replace('hedge = "definite"', 'overrides = ["t.mic-headset"]\nhedge = "definite"')
        + rule("t.headset-two-way", 'when.device.kind = "headset"', 'then.device.io = "hybrid"')
        + rule("t.mic-hybrid", 'when.device.mic = "inline"', 'then.device.io = "hybrid"')
    )
    result = Expert(write_base(tmp_path / "kb", {"t": topic})).consult({"device.mic": "inline"})
    fired = {f.rule: f.certainty for f in result.firings}
    assert fired["t.headset-two-way"] == 0
    assert [f.rule for f in result.verdict("device.io").because] == ["t.mic-hybrid"]


def test_why_not_of_a_noted_value_says_it_holds(tmp_path):
    """A note is no verdict, but why not of what a rule noted says it holds."""
    expert = Expert(write_base(tmp_path / "kb", {"t": NOTES}))
    answer = expert.consult({"device.mic": "boom"}).why_not("headsets.features", "bluetooth")
    assert answer.status == "holds" and "holds" in answer.to_text()


# -- what the person stated outranks what rules conclude -------------------------------------

STATED_KIND = (
    GENERAL
    + CHAINED
    + rule(
        "t.headphones-one-way",
        'when.device.kind = "headphones"',
        'then.device.communication = "one-way"',
        quote="headphones are designed solely for listening to audio",
        source="difference-between",
    )
)


@pytest.mark.parametrize("engine", ["experta", "clips"])
def test_a_stated_kind_outranks_the_rules_and_feeds_the_rules_on_the_kind(tmp_path, engine):
    """`device.type` states `device.kind`: the stated kind holds at 1, feeds the rules that
    test the kind, and the rule concluding another kind is overruled, shown as a conflict
    settled by what was said; what it would have chained counts for nothing."""
    pytest.importorskip("clips") if engine == "clips" else None
    expert = Expert(write_base(tmp_path / "kb", {"t": STATED_KIND}), engine=engine)
    result = expert.consult({"device.type": "headphones", "device.mic": "builtin"})
    kind = result.verdict("device.kind")
    assert (kind.value, kind.certainty, kind.stated_by) == ("headphones", 1.0, "device.type")
    assert result.verdict("device.communication").value == "one-way"
    assert result.certainty("device.communication", "two-way") == 0
    (conflict,) = result.conflicts
    assert (conflict.attribute, conflict.winner, conflict.stated) == (
        "device.kind",
        "headphones",
        "device.type",
    )
    assert conflict.settled_by == "stated"
    assert [(value, cf) for value, cf, _ in conflict.sides] == [
        ("headphones", 1.0),
        ("headset", 1.0),
    ]
    overruled = next(f for f in result.firings if f.rule == "t.mic-headset")
    assert overruled.overruled_by == "device.type" and overruled.defeated == ("device.kind",)
    assert "you said device.type = headphones" in result.how("device.kind").to_text()
    assert result.why_not("device.kind", "headset").status == "overruled"


def test_a_stated_type_that_is_no_kind_rules_every_kind_out(tmp_path):
    """A mouse is neither headphones nor a headset: the kind a rule concludes from its
    microphone is overruled, shown as a conflict the mouse wins, and no kind holds."""
    expert = Expert(write_base(tmp_path / "kb", {"t": STATED_KIND}))
    result = expert.consult({"device.type": "mouse", "device.mic": "boom"})
    assert "device.kind" not in result and "device.communication" not in result
    (conflict,) = result.conflicts
    assert (conflict.winner, conflict.stated, conflict.settled_by) == (
        "mouse",
        "device.type",
        "stated",
    )
    assert [value for value, _, _ in conflict.sides] == ["mouse", "headset"]
    why = result.why_not("device.kind", "headset")
    assert why.status == "overruled" and "you said device.type = mouse" in why.to_text()


# -- values that oppose each other -----------------------------------------------------------

OPPOSED = rule(
    "t.travel-anc",
    'when.needs.uses = "travel"',
    'then.recommendation.features = "anc"',
    hedge="can",
    source="difference-wiki",
    quote="For long flights, he preferred noise-cancelling over-ear headphones.",
) + rule(
    "t.battery-avoid-anc",
    'when.needs.priorities = "battery-life"',
    'then.recommendation.avoid = "anc"',
    quote="will eat through your battery life twice as quickly",
)


@pytest.mark.parametrize("engine", ["experta", "clips"])
def test_opposed_values_the_stronger_stays_and_the_pair_is_a_conflict(tmp_path, engine):
    """What to avoid and what to look for cannot both hold one value: the stronger stays, the
    other is no member, and the conflict names both sides with their rules."""
    pytest.importorskip("clips") if engine == "clips" else None
    expert = Expert(write_base(tmp_path / "kb", {"t": OPPOSED}), engine=engine)
    result = expert.consult({"needs.uses": {"travel"}, "needs.priorities": {"battery-life"}})
    assert result.verdict("recommendation.avoid").value == ("anc",)
    assert "recommendation.features" not in result
    (conflict,) = result.conflicts
    assert (conflict.attribute, conflict.winner, conflict.against) == (
        "recommendation.avoid",
        "anc",
        "recommendation.features",
    )
    rules = [[f.rule for f in firings] for _, _, firings in conflict.sides]
    assert rules == [["t.battery-avoid-anc"], ["t.travel-anc"]]
    assert result.to_dict()["conflicts"][0]["against"] == "recommendation.features"


def test_opposed_values_equally_sure_caution_wins(tmp_path):
    """A tie goes to the attribute that declares the opposition: what to avoid."""
    base = OPPOSED.replace('hedge = "can"', 'hedge = "definite"')
    expert = Expert(write_base(tmp_path / "kb", {"t": base}))
    result = expert.consult({"needs.uses": {"travel"}, "needs.priorities": {"battery-life"}})
    (conflict,) = result.conflicts
    assert conflict.winner == "anc" and conflict.attribute == "recommendation.avoid"
    assert conflict.settled_by == "caution"


@pytest.mark.parametrize("engine", ["experta", "clips"])
def test_a_conclusion_that_counts_for_nothing_is_not_seen_by_absent(tmp_path, engine):
    """A concern outweighed by its opposed strength is kept out of working memory, so the
    policy's "no concern" (absent) holds and the fit is good, on both engines."""
    pytest.importorskip("clips") if engine == "clips" else None
    base = (
        rule(
            "t.weak-concern",
            'when.device.mic = "boom"',
            'then.assessment.concerns = "poor-mic"',
            hedge="can",
            quote="come with an attached boom microphone",
        )
        + rule(
            "t.strong-strength",
            'when.device.mic = "boom"',
            'then.assessment.strengths = "boom-mic"',
            quote="come with an attached boom microphone",
        )
        + rule(
            "t.good-fit",
            "when.assessment.strengths = { present = true }\n"
            "when.assessment.concerns = { absent = true }",
            'then.assessment.fit = "good"',
            source="assessment-policy",
            quote="A device with strengths for the stated needs and no concern is a good fit for them.",
        )
    )
    expert = Expert(write_base(tmp_path / "kb", {"t": base}), engine=engine)
    result = expert.consult({"device.mic": "boom"})
    assert "assessment.concerns" not in result
    assert result.verdict("assessment.fit").value == "good"
    assert [c.winner for c in result.conflicts] == ["boom-mic"]


SMALL_VOCABULARY = """
["device.mic"]
input = true
values = ["none", "boom"]
{mic}

["device.kind"]
values = ["headphones", "headset"]

["recommendation.features"]
multi = true
values = ["anc", "boom-mic"]

["recommendation.avoid"]
multi = true
values = ["anc", "inline-mic"]
{avoid}
"""


@pytest.mark.parametrize(
    ("mic", "avoid", "message"),
    [
        ("", 'opposes = "device.nothing"', "`opposes` names 'device.nothing'"),
        ("", 'opposes = "device.kind"', "share no value"),
        (
            "",
            'opposes = { attribute = "recommendation.features", values = { x = "anc" } }',
            "must pair values",
        ),
        ('states = "device.kind"', "", "`states` device.kind, but they share no value"),
        ("", 'states = "device.kind"', "`states` is for an input that is a choice"),
        ('labels = { loud = "a loud one" }', "", "`labels` names 'loud', not a value"),
        ("", 'tone = "happy"', "tone 'happy' is not allowed; allowed: good, bad, weak"),
        ("", 'says = "with it"', "`says` must have {value} in it"),
    ],
)
def test_bad_words_in_the_vocabulary_are_refused_at_load(tmp_path, mic, avoid, message):
    """Each vocabulary key for words and judgement is checked, naming the problem."""
    directory = write_base(tmp_path / "kb", {})
    text = SMALL_VOCABULARY.replace("{mic}", mic).replace("{avoid}", avoid)
    (directory / "vocabulary.toml").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as raised:
        load(directory)
    assert message in str(raised.value)
