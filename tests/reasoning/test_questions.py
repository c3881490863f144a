"""Guided consultation toward the goal: needs first for a shopper, only questions that could
change the answer, a stop of its own accord, and MYCIN's why climbing to the goal."""

from __future__ import annotations

import io

from expert import Expert
from expert.cli import main
from expert.model.goals import choose_goal
from expert.reasoning.questions import open_questions
from expert.shell import Shell, guided, scripted


def test_a_shopper_with_no_device_is_asked_about_needs_first():
    """With nothing stated the goal is the recommendation, so the first question is a need."""
    expert = Expert()
    result = expert.consult({})
    goal = choose_goal(expert.knowledge.goals, {})
    questions = open_questions(result, goal=goal)
    assert goal.attribute == "recommendation.kind"
    assert questions and all(q.name.startswith("needs.") for q in questions)


def test_asking_stops_by_itself_once_the_answer_cannot_change():
    """Every question that could still move the recommendation is put; then it says so."""
    out = io.StringIO()
    answers = scripted(["online-gaming", *["skip"] * 10])
    shell = Shell(Expert(), out=out, read=answers, echo=True)
    shell.execute("ask")
    text = out.getvalue()
    assert text.startswith("Question 1: What will you use it for? (one or more of music, movies,")
    assert "what you use it for? online-gaming" in text
    assert "Question 2: What matters most to you?" in text
    assert "Nothing you could still tell me changes the answer on what to get." in text
    assert "You answered 1 of 6 questions, skipped 5." in text
    assert "For these needs, get a headset" in text


def test_every_question_asked_could_still_change_the_goal():
    """Each question's chain ends at a rule concluding the goal's attribute."""
    expert = Expert()
    result = expert.consult({"needs.priorities": {"comfort"}})
    goal = choose_goal(expert.knowledge.goals, result.facts)
    for question in open_questions(result, goal=goal):
        assert question.chain and goal.attribute in question.chain[-1][0].concluded()


def test_why_climbs_from_the_rule_to_the_goal():
    """why names the rule that needs the answer (by id and in words); why again names the
    goal; then it stops."""
    out = io.StringIO()
    answers = scripted(["why", "why", "why", "stop"])
    Shell(Expert(), out=out, read=answers, echo=True).execute("ask")
    text = out.getvalue()
    first = text.index("  I ask about what you use it for because rule sound.")
    second = text.index("  What to get (recommendation.kind) is what this consultation is for")
    assert first < second < text.index("That is as far as why goes")
    assert "uses it: a device for studio work: for these needs, get headphones" in text


def test_consult_ask_runs_the_same_dialog_on_the_command_line(capsys, monkeypatch):
    """expert consult --ask asks from standard input, then prints the report."""
    monkeypatch.setattr("sys.stdin", io.StringIO("online-gaming\n"))
    assert main(["consult", "--ask"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Question 1: What will you use it for? (")
    assert "what you use it for? online-gaming" in out and "For these needs, get a headset" in out
    assert "More: --all" in out  # the command line's hints, not the REPL's


def test_guided_starts_from_the_facts_given():
    """Facts given on the command line are not asked again."""
    out = io.StringIO()
    code = guided(
        Expert(), {"needs.uses": frozenset({"online-gaming"})}, stdin=io.StringIO(""), stdout=out
    )
    assert code == 0 and "What will you use it for?" not in out.getvalue()
    assert "Question 1: What matters most to you?" in out.getvalue()


def test_consult_ask_with_a_device_asks_about_needs(capsys, monkeypatch):
    """consult --device mic=inline --ask asks about needs, toward how well the device fits;
    a skip is counted as asked, not answered."""
    monkeypatch.setattr("sys.stdin", io.StringIO("online-gaming\nskip\nstop\n"))
    assert main(["consult", "--device", "mic=inline", "--ask"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Question 1: What will you use it for? (one or more of music, movies,")
    assert "Question 2: What matters most to you? (one or more of sound quality," in out
    assert "You answered 1 of 3 questions, skipped 1." in out
    assert "You said: a device with an in-line microphone, for online games." in out
    assert "For these needs this device is a" in out
