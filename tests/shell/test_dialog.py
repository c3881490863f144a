"""Tests of expert.shell.dialog: the guided consultation of ask, and the questions it puts."""

from __future__ import annotations

from support import lines

from expert.reasoning.questions import open_questions
from expert.shell import Shell, scripted

# -- guided consultation ---------------------------------------------------------------------


def test_questions_are_the_needed_facts_most_needed_first(tiny_expert):
    """With no facts the tiny base asks uses first (its ask_order), then the mic, then
    budget."""
    result = tiny_expert.consult()
    assert [q.name for q in open_questions(result)] == [
        "needs.uses",
        "device.mic",
        "needs.budget",
        "device.type",  # it states device.kind outright
    ]


def test_questions_leave_out_known_facts_and_ruled_out_rules(tiny_expert):
    """Known facts are not asked; a fact whose rules a stated fact fails is not either."""
    result = tiny_expert.consult(device={"mic": "boom"}, needs={"uses": {"music"}})
    assert [q.name for q in open_questions(result)] == ["needs.budget", "device.type"]
    result = tiny_expert.consult(
        device={"mic": "boom", "type": "headset"}, needs={"uses": {"music"}, "budget": 90}
    )
    assert open_questions(result) == []


def test_ask_with_why_skip_and_answers(tiny_expert):
    """ask poses the needed questions in turn; why explains one, skip passes, and the
    verdicts end it."""
    answers = scripted(["skip", "why", "boom", "30", "why", "skip"])
    shell = Shell(tiny_expert, read=answers, echo=True)
    out = shell.execute("ask")
    assert out.index("Question 1: What will you use it for? (one or more of music,") < out.index(
        "Question 2: What kind of microphone does it have? (no microphone, an in-line microphone,"
    )
    assert out.index("Question 2: What kind of microphone does it have?") < out.index(
        "Question 3: How much do you want to spend, in USD? (a number) — or why, skip, stop"
    )
    assert "microphone? why" in out
    assert (
        "  I ask about microphone because rule tiny.boom-headset uses it: a device with a boom "
        "microphone: this device is a headset" in out
    )
    assert "“come with an attached boom microphone” (“Headphones vs. Headsets" in out
    assert "I ask about kind of device because it states what it is outright." in out
    assert "Nothing you could still tell me changes the answer." in out
    assert "You answered 2 of 4 questions, skipped 2." in out
    assert "This device is a headset (certain)." in out
    assert "What level to buy: a premium model (unlikely, -0.60)." in out
    assert shell.facts == {"device.mic": "boom", "needs.budget": 30.0}
    assert shell.skipped == {"needs.uses", "device.type"}


def test_ask_asks_again_after_a_bad_answer(tiny_expert):
    """A bad answer prints one error with a suggestion and the same question again."""
    shell = Shell(tiny_expert, read=scripted(["gamng", "gaming", "stop"]), echo=True)
    out = shell.execute("ask")
    assert "error: needs.uses: 'gamng' is not allowed" in out
    assert "(did you mean 'gaming'?)" in out
    assert out.count("Question 1: What will you use it for?") == 1
    assert "Stopped asking." in out and shell.facts == {"needs.uses": frozenset({"gaming"})}


def test_ask_stops_at_the_end_of_input(tiny_expert):
    """When the answers run out, ask stops and shows the verdicts so far."""
    shell = Shell(tiny_expert, read=scripted(["skip", "inline"]))
    out = shell.execute("ask")
    assert "Stopped asking." in out and "What it is: headphones (likely, 0.80)." in out


def test_ask_stops_after_n_questions_and_goes_on_later(tiny_expert):
    """ask N asks at most N questions; ask again goes on, not asking skipped ones again."""
    shell = Shell(tiny_expert, read=scripted(["skip", "boom", "50"]))
    out = shell.execute("ask 2")
    assert "2 more questions could change the answer; type ask to go on." in out
    out = shell.execute("ask")
    assert "Question 1: How much do you want to spend, in USD?" in out
    assert "What will you use it for?" not in out.split("\n\n")[0]
    assert shell.facts == {"device.mic": "boom", "needs.budget": 50.0}


def test_ask_with_nothing_left_to_ask_shows_the_verdicts(shell):
    """When every needed fact is known, ask asks nothing."""
    lines(shell, "set mic boom", "set uses music", "set budget 90", "set type headset")
    out = shell.execute("ask")
    assert out.startswith("Nothing you could still tell me changes the answer.")
    assert "You answered 0 of 0 questions." in out
    assert "This device is a headset (as you said)." in out
