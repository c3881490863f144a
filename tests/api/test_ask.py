"""Asking in one's own words: a typed question read into facts and a kind of question, then
answered from the articles, or not answered when the sources do not cover it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from expert import Expert, KnowledgeBaseError, UsageError
from expert.cli import main
from expert.shell import Shell

PLANTS = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants"


@pytest.fixture(scope="module")
def plants() -> Expert:
    return Expert(PLANTS)


def test_a_question_states_facts_and_asks_for_a_verdict(plants):
    result = plants.ask("Where should I put my maidenhair?")
    assert dict(result.facts) == {"plant.kind": "fern"}  # a synonym of the value
    assert result.question is not None
    assert result.question.question is not None
    assert result.question.question.attributes == ("care.spot",)
    assert result.answer.attribute == "care.spot"
    assert result.answer.value == "north-window"
    lines = result.report().to_text().splitlines()
    assert lines[0] == "I read this as: a fern; you ask where to put it."
    assert lines[1] == "Put it in a north-facing window (certain)."


def test_the_kind_of_question_chooses_the_verdict_that_answers(plants):
    """The same facts asked two ways get two answers: where to put it, what to do for it."""
    where = plants.ask("where to put a cactus in low light?")
    what = plants.ask("my cactus sits in low light, what should I do?")
    assert where.answer.attribute == "care.spot"
    assert where.answer.value == "bright-window"
    assert what.answer.attribute == "care.tasks"
    assert what.answer.value == ("move-to-light",)
    assert what.question.unread == ("sits",)


def test_word_stems_labels_and_small_typos_are_read(plants):
    result = plants.ask("My FERN has browm tips and YELLOWING foliage")
    assert dict(result.facts) == {
        "plant.kind": "fern",
        "plant.leaves": "yellow",
        "plant.signs": frozenset({"brown-tips"}),
    }


def test_a_flag_named_is_true_and_false_after_a_negation(plants):
    assert plants.read("a fern in soggy soil").facts["plant.soil_wet"] is True
    assert plants.read("a fern with no soggy soil").facts["plant.soil_wet"] is False


def test_a_number_beside_the_words_of_an_amount_gives_it(plants):
    assert plants.read("I repotted my fern 3 years ago").facts["plant.pot_years"] == 3
    assert "plant.pot_years" not in plants.read("I have 3 ferns").facts  # no amount named


def test_a_question_the_sources_do_not_cover_gets_no_answer(plants):
    result = plants.ask("Which fertilizer is best for a fern?")
    assert result.answer.value is None
    assert result.answer.attribute is None
    assert result.answer.text == "No answer: the sources do not say."
    text = result.report().to_text()
    assert "which the care guide does not cover" in text
    assert "Questions the sources do answer:" in text
    assert set(result.question.closest) <= set(plants.knowledge.phrasing.examples())
    assert result.question.closest


def test_nothing_read_is_no_answer_even_if_rules_fire_without_facts(plants):
    result = plants.ask("what is the capital of France?")
    assert result.answer.value is None
    assert result.question.unread == ("capital", "france")
    assert (
        result.report()
        .to_text()
        .startswith(
            "I read this as: nothing the sources speak of. Not understood: capital, france."
        )
    )


def test_earlier_facts_are_the_context_and_the_question_overrides_them(plants):
    result = plants.ask("where should it stand?", {"plant.kind": "cactus", "plant.light": "low"})
    assert dict(result.facts) == {"plant.kind": "cactus", "plant.light": "low"}
    assert result.answer.value == "bright-window"
    assert "With what you said before: a cactus in low light." in result.report().to_text()
    again = plants.ask("and a fern?", dict(result.facts))
    assert again.facts["plant.kind"] == "fern"
    # A question of its own that reads nothing is not answered from the context.
    assert plants.ask("and the weather?", dict(result.facts)).answer.value is None


def test_the_json_carries_the_question_beside_the_answer(plants):
    data = plants.ask("how often should I water a cactus?").to_dict()
    assert data["question"] == {
        "text": "how often should I water a cactus?",
        "facts": {"plant.kind": "cactus"},
        "goal": "care.watering",
        "unread": [],
        "closest": data["question"]["closest"],
        "left_open": {},
    }
    assert data["answer"]["value"] == "when-dry"
    assert data["answer"]["because"][0]["rule"] == "care.cactus-bright-and-dry"


def test_alternatives_joined_by_or_leave_a_fact_open_and_are_answered_each(plants):
    """ "A fern or a cactus" states no kind: the question is answered for each, and the
    headline says what the answer depends on instead of picking one."""
    result = plants.ask("where should I put a fern or a cactus in low light?")
    assert dict(result.question.left_open) == {"plant.kind": ("fern", "cactus")}
    assert dict(result.facts) == {"plant.light": "low"}
    assert [dict(one.facts) for one in result.alternatives] == [
        {"plant.kind": "fern", "plant.light": "low"},
        {"plant.kind": "cactus", "plant.light": "low"},
    ]
    answer = result.answer
    assert (answer.attribute, answer.value) == ("care.spot", None)
    assert [(dict(a.facts), a.answer.value) for a in answer.alternatives] == [
        ({"plant.kind": "fern"}, "north-window"),
        ({"plant.kind": "cactus"}, "bright-window"),
    ]
    assert answer.text == (
        "It depends on the kind of plant. A fern: Put it in a north-facing window "
        "(certain). A cactus: Put it in a bright window (certain)."
    )
    lines = result.report().to_text().splitlines()
    assert lines[0] == (
        "I read this as: a plant in low light; you ask where to put it. Left open, as you "
        "named more than one: kind of plant (a fern or a cactus)."
    )
    assert lines[1] == "It depends on the kind of plant:"
    assert lines[2] == "  A fern: Put it in a north-facing window (certain)."
    assert lines[3].startswith("    for a fern: “A fern does best in a north-facing window")
    assert "  A cactus: Put it in a bright window (certain)." in lines
    data = result.to_dict()
    assert data["question"]["left_open"] == {"plant.kind": ["fern", "cactus"]}
    assert [(a["facts"], a["value"]) for a in data["answer"]["alternatives"]] == [
        ({"plant.kind": "fern"}, "north-window"),
        ({"plant.kind": "cactus"}, "bright-window"),
    ]
    html = result._repr_html_()
    assert "It depends on the kind of plant:" in html
    assert html.index("north-facing") < html.index("A cactus") < html.index("bright window")


def test_alternatives_that_agree_give_their_answer_at_the_weakest_certainty(expert):
    result = expert.ask("is a wired or wireless headset good for gaming?")
    assert dict(result.question.left_open) == {"device.connection": ("wired", "wireless")}
    assert "device.connection" not in result.facts
    assert result.facts["device.type"] == "headset"
    answer = result.answer
    each = [a.answer for a in answer.alternatives]
    assert [a.value for a in each] == ["good", "good"]
    assert (answer.attribute, answer.value) == ("assessment.fit", "good")
    assert answer.certainty == min(a.certainty for a in each)
    assert answer.text == (
        "For these needs this device is a good fit (certain), whichever you meant: by cable "
        "or wirelessly."
    )
    assert result.report().to_text().splitlines()[1] == answer.text


def test_a_fact_stating_what_the_question_asks_is_not_a_given(expert):
    """ "Is a headset with no mic still a headset?" asks what kind of device it is: the
    headset named is what is asked about, not a statement that would answer itself."""
    result = expert.ask("is a headset with no mic still a headset?")
    assert dict(result.facts) == {"device.mic": "none"}
    assert (result.answer.attribute, result.answer.value) == ("device.kind", "headphones")
    assert result.report().to_text().splitlines()[:2] == [
        "I read this as: a device with no microphone; you ask what kind of device it is.",
        "This device is headphones (certain).",
    ]
    # Asked about something else, the same words state the device.
    assert expert.ask("is a headset with no mic good for calls?").facts["device.type"] == "headset"


def test_values_named_apart_are_a_comparison_and_the_first_is_stated(expert):
    result = expert.ask("how does a headset sound compared to headphones")
    assert result.facts["device.type"] == "headset"
    assert not result.question.left_open
    assert result.alternatives == ()
    assert "Left open" not in result.report().to_text()


def test_a_fact_left_open_replaces_what_was_known_of_it(plants):
    result = plants.ask("and a fern or a cactus?", {"plant.kind": "cactus", "plant.light": "low"})
    assert dict(result.facts) == {"plant.light": "low"}
    assert len(result.alternatives) == 2


def test_too_many_alternatives_are_left_open_without_an_answer_each():
    from expert.reasoning.reading import MAX_ALTERNATIVES, Reading

    two = Reading("q", left_open={"a": ("x", "y"), "b": ("1", "2", "3")})
    assert two.choices() == [
        {"a": "x", "b": "1"}, {"a": "x", "b": "2"}, {"a": "x", "b": "3"},
        {"a": "y", "b": "1"}, {"a": "y", "b": "2"}, {"a": "y", "b": "3"},
    ]  # fmt: skip
    assert len(two.choices()) == MAX_ALTERNATIVES
    assert Reading("q", left_open={"a": tuple("xyz"), "b": tuple("123")}).choices() == []
    assert Reading("q").choices() == []


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_an_empty_or_huge_question_is_refused(plants, text):
    with pytest.raises(UsageError, match="question"):
        plants.ask(text)


def test_ask_on_the_command_line(capsys):
    assert main(["--rules", str(PLANTS), "ask", "where", "to", "put", "my", "fern?"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "I read this as: a fern; you ask where to put it."
    assert out[1] == "Put it in a north-facing window (certain)."
    assert main(["--rules", str(PLANTS), "ask", "--json", "price of a cactus?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answer"]["value"] is None
    assert data["question"]["facts"] == {"plant.kind": "cactus"}
    assert main(["--rules", str(PLANTS), "ask", " "]) == 2
    assert "a question is a sentence in words" in capsys.readouterr().err


def test_a_line_that_is_no_command_is_a_question_in_the_shell():
    shell = Shell(Expert(PLANTS))
    out = shell.execute("where should my cactus stand?")
    assert out.splitlines()[:2] == [
        "I read this as: a cactus; you ask where to put it.",
        "Put it in a bright window (certain).",
    ]
    assert shell.facts == {"plant.kind": "cactus"}  # kept for how, why-not, what-if
    assert "plant.kind = cactus" in shell.execute("facts")
    assert shell.execute("ask what should I do in low light?").splitlines()[1] == (
        "Move it to more light (certain)."
    )
    assert "unknown command 'hwo' (did you mean 'how'?)" in shell.execute("hwo")
    assert shell.failures == 1


def _base_with(tmp_path: Path, questions: str) -> Path:
    base = tmp_path / "plants"
    shutil.copytree(PLANTS, base)
    (base / "questions.toml").write_text(questions, encoding="utf-8")
    return base


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        ('[attributes."care.spot"]\nwords = ["spot"]\n', "not an input"),
        (
            '[attributes."plant.kind"]\nvalues.palm = ["palm"]\n',
            "'palm' is not a value of plant.kind; allowed: fern, cactus, other",
        ),
        ('[attributes."plant.kind"]\nwords = "fern"\n', "must be a list of phrases"),
        ('[attributes."plant.kind"]\nsynonyms = ["x"]\n', "allowed keys: words, values"),
        ('[[questions]]\nwords = ["x"]\nattribute = "plant.kind"\n', "not a concluded"),
        ('[[questions]]\nwords = ["x"]\n', "needs `words` and `attribute`"),
        ('[[questions]]\nwords = ["x"]\nattribute = []\nasks = "y"\n', "unknown key"),
        ("topics = []\n", "unknown top-level key"),
    ],
)
def test_a_malformed_questions_file_is_refused_naming_the_problem(tmp_path, questions, message):
    with pytest.raises(KnowledgeBaseError, match=message):
        Expert(_base_with(tmp_path, questions))


def test_a_base_without_questions_toml_still_reads_its_labels(tmp_path):
    base = tmp_path / "plants"
    shutil.copytree(PLANTS, base)
    (base / "questions.toml").unlink()
    result = Expert(base).ask("a cactus in low light")
    assert dict(result.facts) == {"plant.kind": "cactus", "plant.light": "low"}
    assert result.question.question is None
    assert result.answer.value == "bright-window"  # the goal of the facts answers


# -- the bundled base ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def headphones() -> Expert:
    return Expert()


def test_headphones_without_a_mic_for_gaming_chat(headphones):
    result = headphones.ask("my headphones have no mic, can I use them for gaming chat?")
    assert dict(result.facts) == {
        "device.type": "headphones",
        "device.mic": "none",
        "needs.uses": frozenset({"gaming", "voip"}),
    }
    assert result.answer.attribute == "assessment.fit"
    assert result.answer.value == "poor"
    assert result.answer.because[0].source == "difference-between"
    assert "designed solely for listening to audio" in result.answer.because[0].quote
    lines = result.report().to_text().splitlines()
    assert lines[0] == (
        "I read this as: headphones with no microphone, for gaming and VoIP calls; you ask "
        "whether it suits your needs."
    )
    assert lines[1] == "For these needs this device is a poor fit (certain)."


def test_a_keyboard_is_input_in_digimigias_words(capsys):
    assert main(["ask", "is a keyboard input or output"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "I read this as: a keyboard; you ask whether it is input or output.",
        "This device is an input device (certain).",
        (
            "  for a keyboard: “A computer mouse and keyboard are also good examples of input "
            "devices.” (Digimigia)"
        ),
    ]


def test_the_best_brand_is_not_in_the_sources(capsys):
    assert main(["ask", "--json", "what's the best brand?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answer"]["value"] is None
    assert data["answer"]["text"] == "No answer: the sources do not say."
    assert data["question"]["goal"] is None
    assert len(data["question"]["closest"]) == 3
    assert main(["ask", "what's the best brand?"]) == 0
    out = capsys.readouterr().out
    assert "which the articles do not cover" in out.splitlines()[0]
    assert "Questions the sources do answer:" in out
