"""The Automotive Expert System example (docs/examples/auto), a port of CLIPS 6.4's car
diagnosis program, answers as CLIPS itself does, and asks as it asks.

docs/examples/auto/clips-answers.csv.gz holds what CLIPS printed for every combination of
answers to its eleven questions (3072; recorded by docs/examples/auto/record_clips_answers.py
from the original auto.clp with clipspy), with the questions it asked, in its order. CLIPS
reads only the answers to the questions it asks: 15 profiles of asked answers. For every
combination, on both engines, the port must suggest the repair CLIPS printed, in its words,
given every answer (the answers CLIPS never read change nothing) and given only the answers
CLIPS read.

The guided consultation (``Expert.guide``) must ask the questions CLIPS asked, in its order,
and no other, by the vocabulary's ``ask_when`` (the conditions of the program's question
rules), its ``ask_order`` (the program's order), and by asking nothing whose answer could
change nothing (the program's ``(not (repair ?))``: no question once a repair is found).
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest
from support import guided, original_questions

from expert import Expert
from expert.cli import main

AUTO = Path(__file__).parent.parent / "docs" / "examples" / "auto"

#: The program's questions (the table's first columns), each the port's input `car.<name>`.
QUESTIONS = (
    "engine-starts",
    "runs-normally",
    "engine-rotates",
    "engine-sluggish",
    "engine-misfires",
    "engine-knocks",
    "engine-output-low",
    "tank-has-gas",
    "battery-has-charge",
    "point-surface-state",
    "conductivity-test-positive",
)

#: The program's own questions, word for word, by name.
ORIGINAL_QUESTIONS = original_questions(AUTO, QUESTIONS)


def _load() -> list[dict]:
    """The recorded combinations: every answer, the answers CLIPS read (in its order), and
    the repair it printed."""
    with gzip.open(AUTO / "clips-answers.csv.gz", "rt", newline="") as stream:
        rows = list(csv.DictReader(stream))
    combinations = []
    for row in rows:
        every = {f"car.{name}": row[name] for name in QUESTIONS}
        asked = {f"car.{name}": row[name] for name in row["asked"].split()}
        combinations.append({"every": every, "asked": asked, "repair": row["repair"]})
    return combinations


COMBINATIONS = _load()
#: The profiles: the answers CLIPS read, in the order it asked, with the repair it printed.
PROFILES = list({tuple(c["asked"].items()): c for c in COMBINATIONS}.values())


def _repair(result) -> str:
    """The repair of a result in the program's words (its label): what CLIPS prints."""
    verdict = result.verdict("diagnosis.repair")
    if verdict is None:
        return "(none)"
    return result.knowledge.attributes["diagnosis.repair"].labels[verdict.value]


def test_the_table_holds_every_combination_and_15_profiles():
    """3072 combinations, each once; CLIPS read 15 different profiles of answers among them,
    each a path of its questions: one ends in each case of repairs.csv, three in the
    mechanic."""
    keys = {tuple(c["every"].values()) for c in COMBINATIONS}
    assert len(COMBINATIONS) == len(keys) == 2**10 * 3
    assert len(PROFILES) == 15
    repairs = [p["repair"] for p in PROFILES]
    assert repairs.count("Take your car to a mechanic.") == 3
    assert len(set(repairs)) == 11  # every repair the program knows


def test_expert_check_finds_no_problem(capsys):
    """expert --rules docs/examples/auto check: every quote is in the restatement of the
    program's rules (articles/auto.txt), every rule can fire, and no two repairs can be
    concluded together (the cases exclude each other; the mechanic is the fallback)."""
    assert main(["--rules", str(AUTO), "check"]) == 0
    out = capsys.readouterr().out
    assert "13 rules" in out and "per topic: fallback 1, repairs 12" in out
    assert "Disagreements (different values on conditions that can hold together): 0" in out
    assert "No problems found." in out


@pytest.mark.parametrize("engine", ["experta", "clips"])
def test_every_combination_gets_the_repair_clips_prints(engine):
    """Every recorded combination, on each engine: the repair CLIPS printed, given every
    answer and given only those CLIPS read, with certainty 1 and no conflict."""
    if engine == "clips":
        pytest.importorskip("clips", reason="clipspy is not installed")
    expert = Expert(rules=AUTO, engine=engine, cache_size=0)
    wrong = {}
    for combination in COMBINATIONS:
        for facts in (combination["every"], combination["asked"]):
            result = expert.consult(facts)
            verdict = result.verdict("diagnosis.repair")
            got = (_repair(result), verdict.certainty if verdict else None, result.conflicts)
            if got != (combination["repair"], 1.0, ()):
                wrong[str(facts)] = f"{got} != CLIPS {combination['repair']!r}"
    assert not wrong, f"{len(wrong)} differ, e.g. " + str(next(iter(wrong.items())))


def test_a_consultation_reads_as_the_program_prints(capsys):
    """One case end to end on the command line: the repair in the program's words, the
    case of the table that gave it, and its quote."""
    argv = ["--rules", str(AUTO), "consult", "--fact", "car.engine-starts=no"]
    argv += ["--fact", "car.engine-rotates=yes", "--fact", "car.tank-has-gas=yes"]
    argv += ["--fact", "car.point-surface-state=burned", "--how", "diagnosis.repair"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "diagnosis.repair = replace-the-points (certainty 1.00)" in out
    assert "because rule repairs.no-start-points-burned" in out
    assert "repairs.csv row 8" in out


def test_the_answer_ends_one_sentence_and_names_are_echoed_as_typed(capsys):
    """The facts said back in the vocabulary's order; a repair's words end a sentence of
    their own ("Charge the battery."): the answer keeps one full stop. A hyphenated name that
    is not there is named as typed."""
    argv = ["--rules", str(AUTO), "consult", "--fact", "car.engine-starts=no"]
    argv += ["--fact", "car.engine-rotates=no", "--fact", "car.battery-has-charge=no"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    # Said back in the vocabulary's order (the program's), not in the order of the names.
    assert lines[0] == (
        "You said: a car whose engine does not start, which does not rotate, with a flat battery."
    )
    assert lines[1] == "Suggested repair: Charge the battery (certain)."
    assert main(["--rules", str(AUTO), "consult", "--fact", "car.lights-work=no"]) == 2
    assert capsys.readouterr().err.startswith(
        "expert: car has no fact 'lights-work'; allowed names: engine-starts, "
    )


def test_the_mechanic_is_the_fallback_revision():
    """Where no case holds, the mechanic, by the revision that runs after every repair rule
    and sees none concluded; ``how`` says so."""
    (mechanic,) = [
        p
        for p in PROFILES
        if p["repair"] == "Take your car to a mechanic." and len(p["asked"]) == 6
    ]
    result = Expert(rules=AUTO).consult(mechanic["asked"])
    assert _repair(result) == "Take your car to a mechanic."
    assert "revises diagnosis.repair" in str(result.how("diagnosis.repair"))


@pytest.mark.parametrize("engine", ["experta", "clips"])
def test_the_guide_asks_what_clips_asks_in_its_order(engine):
    """Driven by the guide, answering from each profile, the port asks exactly the
    questions CLIPS asked, in CLIPS's order and in the program's words, and suggests CLIPS's
    repair. A question the profile lacks is one CLIPS never asked: it fails the test."""
    if engine == "clips":
        pytest.importorskip("clips", reason="clipspy is not installed")
    expert = Expert(rules=AUTO, engine=engine)
    for profile in PROFILES:
        guide = expert.guide({})
        put = guided(guide, profile["asked"], len(QUESTIONS))
        for question in put:
            assert question.text == ORIGINAL_QUESTIONS[question.name.removeprefix("car.")]
        asked = [question.name for question in put]
        assert asked == list(profile["asked"]), "not CLIPS's questions in CLIPS's order"
        assert _repair(guide.result) == profile["repair"]


def test_a_question_waits_for_its_rule_s_conditions():
    """The guide asks a question only where the program's question rule could: with the
    running of a starting engine skipped (unknown), neither the questions about an engine
    that runs badly (their rule needs ``runs-normally no``) nor the points (``engine-starts
    no`` and ``engine-rotates yes``, or ``engine-output-low yes``) are asked."""
    guide = Expert(rules=AUTO).guide({})
    assert guide.next_question().name == "car.engine-starts"
    assert guide.next_question().text == "Does the engine start (yes/no)?"
    guide.answer("yes")
    assert guide.next_question().name == "car.runs-normally"
    guide.skip()
    assert guide.next_question() is None
    assert _repair(guide.result) == "Take your car to a mechanic."


def test_every_question_is_the_program_s_own():
    """Each input's question is the program's, word for word (as its restatement quotes it,
    beginning as CLIPS's own did when recorded); the help line says what is asked and when."""
    inputs = Expert(rules=AUTO).knowledge.inputs
    assert {name: inputs[f"car.{name}"].question for name in QUESTIONS} == ORIGINAL_QUESTIONS
    assert inputs["car.runs-normally"].doc == (
        "whether the engine runs normally (asked when the engine starts)"
    )
