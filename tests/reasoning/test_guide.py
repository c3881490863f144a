"""Tests of expert.reasoning.guide: a guided consultation driven one call at a time, from any state,
in the base's words, with answers, skips, why and the result so far."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import attrs
import pytest

from expert import Expert, FactError, KnowledgeBaseError, UsageError
from expert.cli import main
from expert.present.notebook import question_html
from expert.reasoning.guide import Guide
from expert.reasoning.questions import question_text
from expert.shell import Shell, scripted

MEAL_VOCABULARY = """
["meal.main_component"]
input = true
values = ["poultry", "fish", "vegetables", "unknown"]
label = "main component"

["meal.sauce"]
input = true
values = ["cream", "tomato"]
label = "sauce"
ask_when.meal.main_component = "poultry"

["meal.spicy"]
input = true
kind = "flag"
label = "spiciness"

["meal.guests"]
input = true
kind = "amount"
label = "number of guests"
ask_order = 1

["wine.colour"]
values = ["red", "white"]
label = "wine colour"
"""

MEAL_RULES = """
summary = "Wine for a meal."

[[rules]]
id = "wine.fish-white"
when.meal.main_component = "fish"
then.wine.colour = "white"
hedge = "usually"
source = "cellar"
quote = "Fish goes with white wine."

[[rules]]
id = "wine.creamy-poultry-white"
when.meal.main_component = "poultry"
when.meal.sauce = "cream"
then.wine.colour = "white"
hedge = "often"
source = "cellar"
quote = "Poultry in a cream sauce goes with white wine."

[[rules]]
id = "wine.tomato-poultry-red"
when.meal.main_component = "poultry"
when.meal.sauce = "tomato"
then.wine.colour = "red"
hedge = "often"
source = "cellar"
quote = "Poultry in a tomato sauce goes with red wine."

[[rules]]
id = "wine.unknown-red"
when.meal.main_component = "unknown"
then.wine.colour = "red"
hedge = "can"
source = "cellar"
quote = "When in doubt, red wine."

[[rules]]
id = "wine.party-red"
when.meal.guests.gt = 6
then.wine.colour = "red"
hedge = "can"
source = "cellar"
quote = "A large party drinks red."
"""

MEAL_ARTICLE = (
    "Fish goes with white wine. Poultry in a cream sauce goes with white wine. Poultry in a "
    "tomato sauce goes with red wine. When in doubt, red wine. A large party drinks red."
)


def write_meal_base(directory: Path, vocabulary: str = MEAL_VOCABULARY) -> Path:
    """A small wine base with ``ask_when``, ``ask_order`` and an ``unknown`` value."""
    (directory / "articles").mkdir(parents=True)
    (directory / "articles" / "cellar.txt").write_text(MEAL_ARTICLE, encoding="utf-8")
    files = {
        "sources.toml": '[cellar]\ntitle = "The Cellar"\narticle = "cellar.txt"\n',
        "vocabulary.toml": vocabulary,
        "wine.toml": MEAL_RULES,
        "goals.toml": '[[goals]]\nwhen = ["meal"]\nattribute = "wine.colour"\n',
    }
    for name, text in files.items():
        (directory / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def expert() -> Expert:
    """An expert on the bundled base."""
    return Expert()


@pytest.fixture
def meal(tmp_path: Path) -> Expert:
    """An expert on the small wine base."""
    return Expert(write_meal_base(tmp_path / "meal"))


def test_a_device_without_needs_is_asked_about_needs(expert):
    """A device stated and no needs: the guide works toward the fit and asks a need first."""
    guide = expert.guide({"device.mic": "inline"})
    question = guide.next_question()
    assert isinstance(guide, Guide) and guide.goal.attribute == "assessment.fit"
    assert question is not None and question.name.startswith("needs.")


def test_nothing_stated_asks_needs_first_toward_the_recommendation(expert):
    """With nothing stated the goal is what to get, and every question is a need."""
    guide = expert.guide()
    assert guide.goal.attribute == "recommendation.kind"
    assert guide.questions() and all(q.name.startswith("needs.") for q in guide.questions())
    assert guide.next_question().name == "needs.uses"


def test_needs_stated_ask_what_still_changes_the_recommendation(expert):
    """With needs stated the goal stays the recommendation; stated needs are not asked."""
    guide = expert.guide({"needs.uses": {"online-gaming"}})
    names = [question.name for question in guide.questions()]
    assert guide.goal.attribute == "recommendation.kind"
    assert names and "needs.uses" not in names


def test_a_question_speaks_in_labels(expert):
    """The text is the input's question, the choices pair each value with its label."""
    question = expert.guide().next_question()
    assert question.text == "What will you use it for?"
    assert ("online-gaming", "online games") in question.choices
    assert question.multiple
    mic = expert.guide({"needs.uses": {"calls"}, "device.fit": "in-ear"}).questions()
    flag = next(q for q in mic if q.attribute.kind == "flag")
    assert [value for value, _ in flag.choices] == ["yes", "no"]
    assert "." not in flag.text


def test_answers_take_labels_values_and_several_members(expert):
    """A set takes labels or values, comma- or space-separated; the answer is recorded."""
    guide = expert.guide()
    assert guide.answer("online games, calls") == frozenset({"online-gaming", "calls"})
    assert guide.facts["needs.uses"] == frozenset({"online-gaming", "calls"})
    assert guide.asked[0].name == "needs.uses" and not guide.asked[0].skipped
    assert guide.asked[0].text == "What will you use it for?"
    verdict = guide.result.verdict("recommendation.kind")
    assert (verdict.value, verdict.certainty) == ("headset", 1.0)
    other = expert.guide()
    assert other.answer("music calls") == frozenset({"music", "calls"})


def test_a_bad_answer_names_the_allowed_values_and_changes_nothing(expert):
    """A value outside the vocabulary raises FactError naming the allowed values."""
    guide = expert.guide({"device.mic": "inline"})
    name = guide.next_question().name
    with pytest.raises(FactError, match="allowed values: .*online-gaming") as caught:
        guide.answer("teleportation")
    assert caught.value.field == name and guide.asked == [] and name not in guide.facts
    assert guide.next_question().name == name


def test_skip_is_recorded_and_not_asked_again(expert):
    """A skipped question is in asked as skipped and never put again."""
    guide = expert.guide()
    guide.skip()
    assert guide.asked[0].skipped and guide.asked[0].name == "needs.uses"
    assert guide.next_question().name != "needs.uses"
    assert "needs.uses" not in [q.name for q in guide.questions()]


def test_why_climbs_from_the_rule_in_words_to_the_goal(expert):
    """why names the rule by id and in words, then the rule it serves, up to the goal."""
    guide = expert.guide({"device.mic": "inline"})
    guide.next_question()
    first = guide.why()
    assert first[0].startswith(
        "I ask about what you use it for because rule assessment.inline-mic-for-demanding-talk"
    )
    assert "a device with an in-line microphone and what you use it for: online games" in first[0]
    assert first[1].startswith("“")
    second = guide.why()
    assert second[0].startswith("What works against your needs matters because rule ")
    third = guide.why()
    assert third[0].startswith("How well it fits your needs (assessment.fit) is what")
    assert guide.why() == ["That is as far as why goes: it is the question you came with."]


def test_the_result_so_far_is_json_ready(expert):
    """result.to_dict() holds the answers given; asked entries are JSON-ready too."""
    guide = expert.guide({"device.mic": "boom"})
    guide.answer("online games")
    data = json.loads(json.dumps(guide.result.to_dict()))
    assert data["facts"]["needs"]["uses"] == ["online-gaming"]
    assert data["goal"] == "assessment.fit" and data["answer"]["attribute"] == "assessment.fit"
    assert guide.asked[0].to_dict()["value"] == ["online-gaming"]


def test_the_guide_ends_when_nothing_could_change_the_answer(meal):
    """Once every input that bears on the goal is known, next_question is None."""
    guide = meal.guide({"meal.guests": 2, "meal.main_component": "fish"})
    assert guide.next_question() is None
    with pytest.raises(UsageError, match="no question"):
        guide.answer("cream")


def test_an_allowed_unknown_is_an_answer_not_a_skip(meal):
    """unknown is a value of the base: answering it states it, and the verdict follows."""
    guide = meal.guide({"meal.guests": 2})
    assert guide.next_question().name == "meal.main_component"
    assert guide.answer("unknown") == "unknown"
    assert not guide.asked[-1].skipped
    verdict = guide.result.verdict("wine.colour")
    assert (verdict.value, verdict.certainty) == ("red", 0.4)


def test_ask_order_first_and_ask_when_waits_for_its_conditions(meal):
    """guests (ask_order 1) comes first; sauce only once the main component is poultry."""
    guide = meal.guide()
    names = [question.name for question in guide.questions()]
    assert names[0] == "meal.guests" and "meal.sauce" not in names
    guide.answer("4")
    guide.answer("poultry")
    assert guide.next_question().name == "meal.sauce"
    assert guide.next_question().text == "Sauce?"
    assert guide.next_question().choices == (("cream", "cream"), ("tomato", "tomato"))
    guide.answer("tomato")
    assert guide.next_question() is None
    assert guide.result.verdict("wine.colour").value == "red"


def test_ask_when_may_be_alternatives_any_of_which_holds(tmp_path):
    """A list of tables is alternatives (CLIPS's ``or`` in a question's rule): the sauce is
    asked once all of one hold, a spicy meal or more than six guests, and not otherwise."""
    alternatives = "ask_when = [{ meal.spicy = true }, { meal.guests = { gt = 6 } }]"
    vocabulary = MEAL_VOCABULARY.replace('ask_when.meal.main_component = "poultry"', alternatives)
    expert = Expert(write_meal_base(tmp_path / "or", vocabulary))
    poultry = {"meal.main_component": "poultry"}
    asked = {
        "small party": {**poultry, "meal.guests": 2},
        "large party": {**poultry, "meal.guests": 8},
        "spicy": {**poultry, "meal.guests": 2, "meal.spicy": True},
    }
    names = {case: expert.guide(facts).next_question() for case, facts in asked.items()}
    assert names["small party"] is None
    assert names["large party"].name == names["spicy"].name == "meal.sauce"


def test_ask_when_and_ask_order_are_validated(tmp_path):
    """A bad ask_order, an ask_when on a concluded or unknown attribute are refused."""
    broken = {
        "ask_order = 1.5": "`ask_order` must be a whole number",
        'ask_when.meal.colour = "red"': "`ask_when` tests 'meal.colour', which is not an input",
        'ask_when.meal.spicy = "x"': "meal.spicy takes true or false",
        "ask_when = []": "`ask_when` must be a table of conditions .* or a list of such tables",
        'ask_when = [{ meal.guests = 2 }, "x"]': "`ask_when` must be a table of conditions",
        'ask_when = [{ meal.guests = 2 }, { meal.colour = "red" }]': "`ask_when` tests "
        "'meal.colour', which is not an input",
    }
    for number, (line, message) in enumerate(broken.items()):
        vocabulary = MEAL_VOCABULARY.replace('label = "spiciness"', f'label = "s"\n{line}')
        if "spicy" in line:
            vocabulary = MEAL_VOCABULARY.replace('label = "sauce"', f'label = "s"\n{line}')
        base = write_meal_base(tmp_path / str(number), vocabulary)
        with pytest.raises(KnowledgeBaseError, match=message):
            Expert(base)
    concluded = MEAL_VOCABULARY + "ask_order = 2\n"
    with pytest.raises(KnowledgeBaseError, match="`ask_order` is for an input"):
        Expert(write_meal_base(tmp_path / "concluded", concluded))


def test_the_shell_counts_an_allowed_unknown_as_an_answer(meal):
    """In the shell's ask, unknown (a value of the base) is answered and counted; a skip is
    asked but not answered."""
    shell = Shell(meal, read=scripted(["skip", "unknown"]), echo=True)
    out = shell.execute("ask")
    assert "Question 1: Number of guests? (a number) — or why, skip, stop" in out
    assert "Question 2: Main component? (poultry, fish, vegetables, unknown)" in out
    assert "Nothing you could still tell me changes the answer on wine colour." in out
    assert "You answered 1 of 2 questions, skipped 1." in out
    assert shell.facts == {"meal.main_component": "unknown"}
    assert shell.skipped == {"meal.guests"}


def test_every_input_of_the_bundled_base_asks_in_a_sentence(expert):
    """Each of the 30 inputs has a question of its own, a sentence ending in a question mark;
    a flag asks yes or no."""
    inputs = expert.knowledge.inputs
    assert len(inputs) == 30
    for spec in inputs.values():
        assert spec.question[:1].isupper() and spec.question.endswith("?"), spec.name
        assert question_text(spec) == spec.question
        if spec.kind == "flag":
            assert spec.question.split()[0] in ("Does", "Do", "Is", "Are"), spec.name
    assert inputs["device.mic"].question == "What kind of microphone does it have?"
    assert inputs["device.anc"].question == "Does it have active noise cancellation?"
    assert inputs["needs.uses"].question == "What will you use it for?"


def test_the_guide_asks_the_bundled_base_s_questions(expert):
    """The guide puts each input's question, and each answer keeps it as it was put."""
    guide = expert.guide({"needs.uses": {"calls"}, "device.fit": "in-ear"})
    texts = {question.name: question.text for question in guide.questions()}
    assert texts["device.mic"] == "What kind of microphone does it have?"
    assert texts["needs.priorities"] == "What matters most to you?"
    assert texts["device.anc"] == "Does it have active noise cancellation?"
    first = guide.next_question()
    guide.skip()
    assert guide.asked[0].to_dict()["text"] == first.text == texts[first.name]


def test_an_input_s_question_is_what_the_guide_asks_everywhere(tmp_path):
    """A ``question`` is the question's text, the answer's record and its JSON, the shell's
    and the command line's line, and a notebook's view; an input without one is asked by its
    label."""
    vocabulary = MEAL_VOCABULARY.replace(
        'label = "number of guests"', 'label = "number of guests"\nquestion = "How many guests?"'
    )
    base = write_meal_base(tmp_path / "meal", vocabulary)
    guide = Expert(base).guide()
    question = guide.next_question()
    assert question.text == "How many guests?"
    assert '<div style="font-weight:600">How many guests?</div>' in question_html(question)
    guide.answer(2)
    assert json.loads(json.dumps(guide.asked[0].to_dict()))["text"] == "How many guests?"
    assert guide.next_question().text == "Main component?"  # no question: the label asks
    out = Shell(Expert(base), read=scripted(["8", "stop"]), echo=True).execute("ask")
    assert out.startswith("Question 1: How many guests? (a number) — or why, skip, stop\n")
    assert "Question 2: Main component? (poultry, fish, vegetables, unknown)" in out


def test_without_a_question_the_label_is_asked(meal):
    """A base without ``question`` works as before: the label (else the help line) as a
    question, a label about the person ("what you ...") asked with "do"."""
    assert meal.guide().next_question().text == "Number of guests?"
    assert meal.guide({"meal.guests": 2}).next_question().text == "Main component?"
    spec = meal.knowledge.inputs["meal.guests"]
    assert question_text(attrs.evolve(spec, label="what you serve")) == "What do you serve?"
    assert question_text(attrs.evolve(spec, label="", doc="guests expected")) == (
        "Guests expected?"
    )


def test_a_question_from_the_file_reaches_a_terminal_escaped(tmp_path, capsys, monkeypatch):
    """Control characters of a question are shown as escapes in the shell and on the command
    line, and a notebook shows its markup as text."""
    vocabulary = MEAL_VOCABULARY.replace(
        'label = "number of guests"',
        'label = "number of guests"\nquestion = "How \\u001b[2Jmany <b>guests</b>?"',
    )
    base = write_meal_base(tmp_path / "meal", vocabulary)
    expert = Expert(base)
    question = expert.guide().next_question()
    assert question.text == "How \x1b[2Jmany <b>guests</b>?"
    assert "How \x1b[2Jmany &lt;b&gt;guests&lt;/b&gt;?" in question_html(question)
    out = Shell(expert, read=scripted(["stop"])).execute("ask")
    assert "Question 1: How \\x1b[2Jmany <b>guests</b>? (a number)" in out
    assert "\x1b" not in out
    monkeypatch.setattr("sys.stdin", io.StringIO("stop\n"))
    assert main(["--rules", str(base), "consult", "--ask"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Question 1: How \\x1b[2Jmany <b>guests</b>? (a number)")
    assert "\x1b" not in printed


@pytest.mark.parametrize(
    ("where", "line", "message"),
    [
        (
            'label = "wine colour"',
            'question = "Which wine?"',
            (
                "attribute wine.colour: `question` is for an input: the sentence a guided "
                "consultation asks it by"
            ),
        ),
        (
            'label = "sauce"',
            'question = ""',
            "attribute meal.sauce: `question` must be a sentence (a non-empty string), not ''",
        ),
        (
            'label = "sauce"',
            'question = "  "',
            "attribute meal.sauce: `question` must be a sentence (a non-empty string), not '  '",
        ),
        (
            'label = "spiciness"',
            "question = 42",
            "attribute meal.spicy: `question` must be a sentence (a non-empty string), not 42",
        ),
        (
            'label = "spiciness"',
            'question = ["Spicy?"]',
            (
                "attribute meal.spicy: `question` must be a sentence (a non-empty string), not "
                "['Spicy?']"
            ),
        ),
    ],
)
def test_a_bad_question_is_refused_naming_the_attribute(tmp_path, capsys, where, line, message):
    """A question on a concluded attribute, empty, blank or not a string: the base is refused
    with one line naming the attribute (exit 2 on the command line)."""
    base = write_meal_base(tmp_path / "meal", MEAL_VOCABULARY.replace(where, f"{where}\n{line}"))
    with pytest.raises(KnowledgeBaseError) as caught:
        Expert(base)
    assert str(caught.value) == f"{base / 'vocabulary.toml'}: {message}"
    assert main(["--rules", str(base), "check"]) == 2
    assert capsys.readouterr().err == f"expert: {base / 'vocabulary.toml'}: {message}\n"
