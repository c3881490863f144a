"""Tests of expert.kb.check: each kind of knowledge-base defect is found, and only those."""

from __future__ import annotations

import sys
import time
from itertools import combinations
from pathlib import Path

import pytest
from support import rule_toml as rule
from support import write_base

from expert.cli import main
from expert.kb import satisfiability
from expert.kb.check import check
from expert.kb.load import load

BOOM = 'when.device.mic = "boom"'
HEADSET = 'then.device.kind = "headset"'

DEFECTS = {
    "quote": rule("t.a", BOOM, HEADSET, quote="boom microphones are the best"),
    "duplicate": rule("t.a", BOOM, HEADSET) + rule("t.b", BOOM, HEADSET),
    "subsumed": rule("t.a", BOOM, HEADSET)
    + rule("t.b", BOOM + '\nwhen.device.fit = "over-ear"', HEADSET),
    "never-fires": rule("t.a", "when.device.price = { lt = 10, gt = 20 }", HEADSET),
    "never-fires-chain": rule("t.a", BOOM, HEADSET)
    + rule("t.b", 'when.device.kind = "headphones"', 'then.device.io = "output"'),
    # Each condition can hold, but a headset is only ever concluded from a boom mic.
    "never-fires-joint": rule("t.a", BOOM, HEADSET)
    + rule(
        "t.b",
        'when.device.mic = "none"\nwhen.device.kind = "headset"',
        'then.device.io = "output"',
    ),
}


@pytest.mark.parametrize("kind", DEFECTS, ids=list(DEFECTS))
def test_each_defect_is_reported_with_its_rules(tmp_path, kind):
    """A base with one defect yields exactly that finding."""
    report = check(load(write_base(tmp_path / "kb", {"t": DEFECTS[kind]})))
    assert not report.ok
    base = kind.removesuffix("-chain").removesuffix("-joint")
    assert [finding.kind for finding in report.problems] == [base]
    expected = {"quote": ["t.a"], "duplicate": ["t.a", "t.b"], "subsumed": ["t.b", "t.a"]}
    chained = kind in ("never-fires-chain", "never-fires-joint")
    assert list(report.problems[0].rules) == expected.get(base, ["t.b" if chained else "t.a"])
    assert "1 problem:" in report.to_text()


def test_a_group_of_equal_rules_is_one_finding_naming_them_all(tmp_path):
    """Four equal rules are one duplicate finding of four rules, not six pairs; a rule
    they cover is subsumed by each of them."""
    equal = "".join(rule(f"t.{name}", BOOM, HEADSET) for name in "abcd")
    narrower = rule("t.e", BOOM + '\nwhen.device.fit = "over-ear"', HEADSET)
    report = check(load(write_base(tmp_path / "kb", {"t": equal + narrower})))
    duplicates = [p for p in report.problems if p.kind == "duplicate"]
    assert [(p.rules, p.message) for p in duplicates] == [
        (
            ("t.a", "t.b", "t.c", "t.d"),
            "same conditions, conclusion and source: the claim is counted 4 times",
        )
    ]
    subsumed = [p.rules for p in report.problems if p.kind == "subsumed"]
    assert subsumed == [("t.e", "t.a"), ("t.e", "t.b"), ("t.e", "t.c"), ("t.e", "t.d")]


def test_a_subsumed_rule_is_told_about_refines(tmp_path):
    """The subsumed finding says how to declare a deliberate refinement."""
    report = check(load(write_base(tmp_path / "kb", {"t": DEFECTS["subsumed"]})))
    assert 'declare refines = "t.a" in t.b' in report.problems[0].message


def test_a_misquote_names_the_file_and_the_closest_passage(tmp_path):
    """A quote not in the article names the rule file and where the article says something
    like it."""
    text = rule("t.a", BOOM, HEADSET, quote="they come with a detached boom microphone")
    message = check(load(write_base(tmp_path / "kb", {"t": text}))).problems[0].message
    assert message.startswith("t.toml: not in the article 'kania'")
    assert "closest passage: “" in message and "attached boom microphone" in message


def test_the_same_claim_from_another_article_is_corroboration(tmp_path):
    """Same conditions and conclusion from two sources is not a duplicate."""
    text = rule("t.a", BOOM, HEADSET) + rule(
        "t.b", BOOM, HEADSET, quote="A headset includes a microphone", source="difference-wiki"
    )
    assert check(load(write_base(tmp_path / "kb", {"t": text}))).ok


def test_an_article_qualifying_its_claim_is_not_a_duplicate(tmp_path):
    """'many, not all' as +0.6 and -0.4 on the same conclusion is deliberate."""
    text = rule("t.a", BOOM, HEADSET) + rule("t.b", BOOM, HEADSET).replace(
        'hedge = "definite"', "certainty = -0.4"
    )
    assert check(load(write_base(tmp_path / "kb", {"t": text}))).ok


def test_disagreements_are_listed_but_are_not_problems(tiny_base):
    """The tiny base's in-line mic dispute is a disagreement with both sides' rules."""
    report = check(load(tiny_base))
    assert report.ok
    kind = next(d for d in report.disagreements if d.attribute == "device.kind")
    assert dict(kind.sides)["headphones"] == (("tiny.inline-headphones", "kania"),)
    assert ("tiny.mic-headset", "digimigia") in dict(kind.sides)["headset"]


def test_a_fallback_on_an_absent_conclusion_disagrees_with_no_rule_concluding_it(tmp_path):
    """A revision that concludes an attribute only when no rule did (``absent``, as a CLIPS
    rule on ``(not (repair ?))`` at a lower salience) never fires together with a rule
    concluding it: no disagreement. The same fallback on a stated fact is one."""
    fallback = rule("t.fallback", "when.device.kind = { absent = true }", HEADSET).replace(
        'hedge = "definite"', 'hedge = "definite"\nrevises = "device.kind"'
    )
    boom = rule("t.boom", BOOM, 'then.device.kind = "headphones"')
    report = check(load(write_base(tmp_path / "absent", {"t": boom + fallback})))
    assert report.ok, report.to_text()
    assert not report.disagreements
    stated = rule("t.fallback", 'when.device.fit = "over-ear"', HEADSET)
    report = check(load(write_base(tmp_path / "stated", {"t": boom + stated})))
    assert [d.attribute for d in report.disagreements] == ["device.kind"]


def test_the_report_counts_rules_per_topic_and_source(tiny_base):
    """Counts per topic and per source add up to the rule total."""
    report = check(load(tiny_base))
    assert report.rules_per_topic == {"tiny": 11}
    assert sum(report.rules_per_source.values()) == 11
    assert "Knowledge base" in report.to_text() and "No problems found." in report.to_text()


def test_expert_check_exits_0_when_clean_and_1_with_a_report(tmp_path, tiny_base, capsys):
    """The command's exit code tells clean from broken."""
    assert main(["--rules", str(tiny_base), "check"]) == 0
    broken = write_base(tmp_path / "kb", {"t": DEFECTS["duplicate"]})
    assert main(["--rules", str(broken), "check"]) == 1
    assert "[duplicate] t.a, t.b" in capsys.readouterr().out


def test_the_bundled_knowledge_base_is_clean():
    """expert check passes on the knowledge base that ships with the library."""
    report = check(load())
    assert report.ok, report.to_text()
    # The four articles and the expert's own assessment policy (which only the fit rules cite).
    assert len(report.rules_per_source) == 5 and all(report.rules_per_source.values())


# -- scale: indexes instead of pairs -----------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # benchmarks/ is beside tests/, not installed

from benchmarks.synthetic import write_grown, write_synthetic  # noqa: E402


def _pairwise(knowledge):
    """The definitions, pair by pair over the whole base: what the indexes must find."""
    from expert.kb import check as checks
    from expert.kb.derivations import Derivations

    reachable = satisfiability.reachable(knowledge)
    position = {each.id: index for index, each in enumerate(knowledge.rules)}
    found = []
    duplicates: dict = {}  # the rules each rule is a duplicate of, itself included
    for a, b in combinations(knowledge.rules, 2):
        if set(a.conclusions) != set(b.conclusions) or (a.certainty > 0) != (b.certainty > 0):
            continue
        finding = checks._pair_finding(a, b)
        if finding is None:
            continue
        if finding.kind == "duplicate":  # an equivalence: b joins the group of a
            group = duplicates.setdefault(a.id, [a.id])
            if b.id not in group:
                group.append(b.id)
                duplicates[b.id] = group
        else:
            found.append(((position[a.id], position[b.id]), finding))
    # A group of equal rules is one finding naming them all.
    groups = {tuple(group) for group in duplicates.values()}
    found += [
        ((position[g[0]], position[g[1]]), checks._duplicate([knowledge.rule(r) for r in g]))
        for g in groups
    ]
    problems = [finding for _, finding in sorted(found, key=lambda item: item[0])]
    by_attribute: dict = {}
    for each in knowledge.rules:
        for conclusion in each.conclusions:
            attribute = knowledge.attributes[conclusion.attribute]
            if not attribute.multi and each.certainty > 0:
                by_attribute.setdefault(attribute.name, []).append((each, conclusion.value))
    disagreements = []
    for name, entries in by_attribute.items():
        sides: dict = {}
        for (a, a_value), (b, b_value) in combinations(entries, 2):
            decided = a.id in b.overrides or b.id in a.overrides  # the exception decides
            if (
                a_value != b_value
                and not decided
                and satisfiability.conditions_satisfiable(
                    knowledge, a.conditions + b.conditions, reachable
                )
            ):
                sides.setdefault(a_value, set()).add((a.id, a.source))
                sides.setdefault(b_value, set()).add((b.id, b.source))
        if sides:
            order = knowledge.attributes[name].values
            disagreements.append({v: tuple(sorted(sides[v])) for v in order if v in sides})
    for mine, theirs in knowledge.oppositions():  # one value on both sides of `opposes`
        sides = {}
        for a in knowledge.concluders(*mine):
            for b in knowledge.concluders(*theirs):
                live = a.certainty > 0 and b.certainty > 0
                if live and satisfiability.conditions_satisfiable(
                    knowledge, a.conditions + b.conditions, reachable
                ):
                    sides.setdefault(f"{mine[0]} = {mine[1]}", set()).add((a.id, a.source))
                    sides.setdefault(f"{theirs[0]} = {theirs[1]}", set()).add((b.id, b.source))
        if sides:
            disagreements.append({side: tuple(sorted(rules)) for side, rules in sides.items()})
    # A rule never fires when its conditions cannot hold together, or when each value it
    # tests can be reached but not together with the rest (no way through the rules).
    premises = Derivations(knowledge)
    never = [
        each.id
        for each in knowledge.rules
        if not satisfiability.conditions_satisfiable(knowledge, each.conditions, reachable)
        or premises.ways_of_rule(each) == ()
    ]
    return problems, disagreements, never


@pytest.mark.parametrize("size", [0, 400, 700, "grown"])
def test_the_indexed_checks_find_exactly_what_the_pairwise_definitions_find(tmp_path, size):
    """Duplicates, subsumed rules, rules that never fire and disagreements: the same
    findings as comparing every pair, on the bundled base, on synthetic ones and on the
    bundled base grown by 400 rules over one amount and one choice (groups of up to six
    equal rules)."""
    if size == "grown":
        knowledge = load(write_grown(tmp_path / "kb", 400, per_file=25, modulus=37))
    else:
        knowledge = load(write_synthetic(tmp_path / "kb", size, size)) if size else load()
    report = check(knowledge)
    problems, disagreements, never = _pairwise(knowledge)
    assert [p for p in report.problems if p.kind in ("duplicate", "subsumed")] == problems
    assert [dict(d.sides) for d in report.disagreements] == disagreements
    assert [p.rules[0] for p in report.problems if p.kind == "never-fires"] == never
    if size == "grown":
        assert max(len(p.rules) for p in problems if p.kind == "duplicate") == 6
    elif size:
        assert problems and disagreements and never  # the synthetic bases exercise each


def test_check_scales_near_linearly(tmp_path):
    """3,000 rules are checked in a small part of the 3 s the pairwise checks took (the
    benchmark times 1,000, 5,000 and 10,000). CPU time, not wall time: other processes on a
    shared machine do not count against it."""
    knowledge = load(write_synthetic(tmp_path / "kb", 3000, 1))
    start = time.process_time()
    report = check(knowledge)
    assert time.process_time() - start < 1.5
    assert len(report.problems) > 100


def test_check_of_a_grown_base_is_linear(tmp_path):
    """5,000 rules over one amount and one choice, all concluding one value (the shape
    that once made 12 million pairs): groups of equal rules are one finding each, and the
    check takes a small part of what 2,500 such rules took compared pair by pair (30 s)."""
    knowledge = load(write_grown(tmp_path / "kb", 5000, per_file=25))
    start = time.process_time()
    report = check(knowledge)
    assert time.process_time() - start < 5
    duplicates = [p for p in report.problems if p.kind == "duplicate"]
    # An even rule i equals rules i + 2 * 997 and i + 4 * 997: 997 groups of 2 or 3 rules
    # below 5,000 (odd rules test another choice each time).
    assert len(duplicates) == 997
    assert sorted({len(p.rules) for p in duplicates}) == [2, 3]


@pytest.mark.parametrize(
    "when",
    [
        'when.needs.uses = { not = ["voice-commands", "studio"] }',  # any other use will do
        "when.device.price = { gt = 10, lt = 10.2 }",  # 10.1 will do
        "when.needs.budget = { ge = 0, le = 0 }",  # exactly 0
    ],
)
def test_conditions_that_can_hold_are_not_reported_as_never_firing(tmp_path, when):
    """Satisfiability is exact for sets and amounts: no false never-fires."""
    report = check(load(write_base(tmp_path / "kb", {"t": rule("t.a", when, HEADSET)})))
    assert report.ok, report.to_text()


def test_a_present_test_on_a_concluded_set_can_hold(tmp_path):
    """`present` on a concluded set is met by any value a rule concludes: not a never-fires."""
    rules = rule(
        "t.boom-feature",
        'when.device.mic = "boom"',
        'then.recommendation.features = "boom-mic"',
    ) + rule(
        "t.any-feature",
        "when.recommendation.features = { present = true }",
        'then.recommendation.advice = "keep-clean"',
    )
    report = check(load(write_base(tmp_path / "kb", {"t": rules})))
    assert report.ok, report.to_text()


def test_check_lists_rules_that_put_one_value_on_both_sides():
    """Opposed values (`opposes`) concluded on conditions that can hold together are listed
    with the rules of each side: ANC for travellers and ANC to avoid for battery life."""
    report = check(load())
    opposed = [d for d in report.disagreements if d.against == "recommendation.features"]
    anc = next(d for d in opposed if "recommendation.avoid = anc" in d.sides)
    assert ("battery.battery-seekers-avoid-anc", "kania") in anc.sides[
        "recommendation.avoid = anc"
    ]
    assert "recommendation.features = anc" in anc.sides
    assert "recommendation.avoid = anc (kania; 1 rule) vs recommendation.features = anc" in (
        report.to_text()
    )
    assert report.to_dict()["disagreements"][-1]["against"]


@pytest.mark.parametrize(
    ("when", "attributes", "message"),
    [
        (
            "when.device.price = { lt = -10 }",
            "",
            "device.price lt -10 can never hold: device.price is at least 0 (vocabulary min)",
        ),
        (
            "when.device.volume = { gt = 130 }",
            '[attributes."device.volume"]\ninput = true\nkind = "amount"\nmax = 120\n\n',
            "device.volume gt 130 can never hold: device.volume is at most 120 (vocabulary max)",
        ),
        (
            "when.device.volume = { ge = -5 }",
            '[attributes."device.volume"]\ninput = true\nkind = "amount"\nmin = -10\n\n',
            None,
        ),
    ],
)
def test_never_fires_names_the_vocabulary_bound(tmp_path, when, attributes, message):
    """A comparison no amount between the vocabulary's min and max meets is reported naming
    that bound; one the bounds allow is no finding."""
    text = attributes + rule("t.a", when, HEADSET)
    report = check(load(write_base(tmp_path / "kb", {"t": text})))
    found = [f.message for f in report.problems if f.kind == "never-fires"]
    assert found == ([message] if message else [])
