"""expert check --gaps: needs that get no advice, against the gaps a base admits."""

from __future__ import annotations

from support import rule_toml as rule
from support import write_base

from expert import Expert
from expert.cli import main
from expert.kb.gaps import find_gaps
from expert.kb.load import load

ADVICE = rule(
    "t.gaming-headset",
    'when.needs.uses = "gaming"',
    'then.recommendation.kind = "headset"',
) + rule(
    "t.cheap-budget",
    "when.needs.budget = { lt = 50 }",
    'then.recommendation.tier = "budget"',
)
POLICY = """
inputs = ["needs.uses", "needs.budget"]
pairs = ["needs.uses"]
advice = ["recommendation"]
"""
KNOWN = """
[[known]]
input = "needs.uses"
value = "{value}"
reason = "the articles never mention it"
"""


def base(tmp_path, policy: str, rules: str = ADVICE):
    directory = write_base(tmp_path / "kb", {"t": rules})
    (directory / "gaps.toml").write_text(policy, encoding="utf-8")
    return load(directory)


def test_every_value_without_advice_is_a_gap(tmp_path):
    """Each use but gaming, and a budget at or above the rules' threshold, gets no advice."""
    knowledge = base(tmp_path, POLICY)
    report = find_gaps(knowledge, Expert(knowledge).consult)
    singles = {gap.describe() for gap in report.gaps if len(gap.facts) == 1}
    assert "needs.uses = music" in singles and "needs.uses = gaming" not in singles
    assert "needs.budget = 50" in singles and "needs.budget = 25" not in singles
    assert not report.ok


def test_a_pair_with_one_advised_value_is_advised(tmp_path):
    """music and gaming together get gaming's advice; music and movies get none."""
    knowledge = base(tmp_path, POLICY)
    pairs = {gap.describe() for gap in find_gaps(knowledge, Expert(knowledge).consult).gaps}
    assert "needs.uses = music and needs.uses = movies" in pairs
    assert not any("needs.uses = gaming" in pair.split(" and ") for pair in pairs)


def test_known_gaps_are_reported_with_their_reason_and_do_not_fail(tmp_path):
    """A base that admits each of its gaps is ok; the reasons are shown."""
    rules = rule(
        "t.owns-headset", 'when.needs.owns = "headset"', 'then.recommendation.kind = "headset"'
    )
    known = "".join(
        f'[[known]]\ninput = "needs.owns"\nvalue = "{value}"\nreason = "never said"\n'
        for value in ("none", "headphones")
    )
    policy = 'inputs = ["needs.owns"]\nadvice = ["recommendation"]\n' + known
    knowledge = base(tmp_path, policy, rules)
    report = find_gaps(knowledge, Expert(knowledge).consult)
    assert report.ok and [gap.describe() for gap in report.known] == [
        "needs.owns = none",
        "needs.owns = headphones",
    ]
    assert "needs.owns = none: never said" in report.to_text()


def test_a_listed_gap_that_is_advised_now_is_stale(tmp_path):
    """Listing gaming as a gap when a rule advises on it is a problem: the list would lie."""
    knowledge = base(tmp_path, POLICY + KNOWN.format(value="gaming"))
    report = find_gaps(knowledge, Expert(knowledge).consult)
    assert [entry.facts for entry in report.stale] == [(("needs.uses", "gaming"),)]
    assert "advised now (remove them)" in report.to_text()


def test_the_command_exits_1_naming_the_need_and_0_when_all_are_known(tmp_path, capsys):
    """expert check --gaps names an unadmitted gap; removing the only advising rule shows it."""
    rules = rule(
        "t.gaming-headset", 'when.needs.uses = "gaming"', 'then.recommendation.kind = "headset"'
    )
    policy = 'inputs = ["needs.environment"]\nadvice = ["recommendation"]\n'
    advising = rule(
        "t.noisy-anc", 'when.needs.environment = "noisy"', 'then.recommendation.features = "anc"'
    )
    known_quiet = (
        '[[known]]\ninput = "needs.environment"\nvalue = "quiet"\nreason = "never said"\n'
    )
    good = base(tmp_path / "a", policy + known_quiet, rules + advising)
    assert main(["--rules", good.path, "check", "--gaps"]) == 0
    assert "quiet: never said" in capsys.readouterr().out
    bad = base(tmp_path / "b", policy + known_quiet, rules)
    assert main(["--rules", bad.path, "check", "--gaps"]) == 1
    assert "needs.environment = noisy" in capsys.readouterr().out


def test_a_base_without_gaps_toml_is_told_what_it_needs(tmp_path, capsys):
    """Without gaps.toml the command exits 2 saying what the file declares."""
    directory = write_base(tmp_path / "kb", {"t": ADVICE})
    assert main(["--rules", str(directory), "check", "--gaps"]) == 2
    assert "no gaps.toml: it declares which needs should get advice" in capsys.readouterr().err


def test_advice_given_when_nothing_is_stated_is_no_advice_on_a_value(tmp_path):
    """A rule that advises whenever no use is stated does not close the gap of a budget."""
    rules = ADVICE + rule(
        "t.decide-first",
        "when.needs.uses = { absent = true }",
        'then.recommendation.advice = "decide-what-you-need"',
    )
    knowledge = base(tmp_path, POLICY, rules)
    singles = {
        gap.describe()
        for gap in find_gaps(knowledge, Expert(knowledge).consult).gaps
        if len(gap.facts) == 1
    }
    assert "needs.budget = 50" in singles and "needs.budget = 25" not in singles


def test_a_known_pair_may_name_one_set_input_twice(tmp_path):
    """Two values of needs.uses admitted together as a known gap."""
    known = '[[known]]\npair = ["needs.uses=music", "needs.uses=movies"]\nreason = "never said"\n'
    knowledge = base(tmp_path, POLICY + known)
    report = find_gaps(knowledge, Expert(knowledge).consult)
    assert "needs.uses = music and needs.uses = movies" in {g.describe() for g in report.known}
    assert not report.stale


NOTE_ONLY = rule(
    "t.long-wear-note",
    'when.needs.session = "long"',
    'then.headsets.comfort = "designed-for-extended-use"',
    source="difference-wiki",
    quote="Modern headsets are designed for comfort during extended use.",
)


def test_a_value_whose_only_conclusions_are_notes_is_a_gap(tmp_path):
    """A long session brings a note on headsets, no advice: a gap, reported with its note."""
    policy = 'inputs = ["needs.session"]\nadvice = ["recommendation"]\n'
    knowledge = base(tmp_path, policy, ADVICE + NOTE_ONLY)
    report = find_gaps(knowledge, Expert(knowledge).consult)
    (long,) = [gap for gap in report.gaps if gap.describe() == "needs.session = long"]
    assert long.notes == ("headsets.comfort",)
    assert "needs.session = long (only notes: headsets.comfort)" in report.to_text()
    assert report.to_dict()["gaps"][-1]["notes"] == ["headsets.comfort"]
    (short,) = [gap for gap in report.gaps if gap.describe() == "needs.session = short"]
    assert short.notes == () and not report.ok


def test_a_note_only_gap_listed_as_known_is_admitted(tmp_path):
    """Listed in [[known]], the note-only value is a known gap, still shown with its note."""
    known = "".join(
        f'[[known]]\ninput = "needs.session"\nvalue = "{value}"\nreason = "never advised"\n'
        for value in ("short", "long")
    )
    policy = 'inputs = ["needs.session"]\nadvice = ["recommendation"]\n' + known
    knowledge = base(tmp_path, policy, ADVICE + NOTE_ONLY)
    report = find_gaps(knowledge, Expert(knowledge).consult)
    assert report.ok
    assert "needs.session = long (only notes: headsets.comfort): never advised" in (
        report.to_text()
    )


def test_advice_may_not_name_a_note(tmp_path, capsys):
    """Notes are never advice: `advice` naming a group of notes, or a note, is refused."""
    for advice in ('["recommendation", "headsets"]', '["headsets.comfort"]'):
        policy = f'inputs = ["needs.session"]\nadvice = {advice}\n'
        knowledge = base(tmp_path / str(len(advice)), policy, ADVICE + NOTE_ONLY)
        assert main(["--rules", knowledge.path, "check", "--gaps"]) == 2
        assert "is a note (what the articles say of a class" in capsys.readouterr().err
