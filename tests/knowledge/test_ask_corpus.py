"""Questions in people's own words (``ask_corpus.toml``), read and answered on the bundled
base: each is read with the facts it plainly states, answered by the verdict its kind asks
for (with the value the articles give, where the entry names one), and a question the
articles do not cover gets no answer."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

CORPUS = tomllib.loads((Path(__file__).parent / "ask_corpus.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", CORPUS["questions"], ids=lambda entry: entry["text"][:60])
def test_a_question_is_read_and_answered(expert, entry: dict[str, Any]) -> None:
    result = expert.ask(entry["text"])
    read = dict(result.question.facts)
    for name, want in entry["facts"].items():
        if isinstance(want, list):
            assert set(want) <= set(read.get(name, ())), f"{name}: read {read}"
        else:
            assert read.get(name) == want, f"{name}: read {read}"
    if not entry["answerable"]:
        assert result.answer.value is None, result.answer.text
        assert result.answer.text.startswith("No answer")
        return
    assert result.answer.value is not None, result.report().to_text()
    if "goal" in entry:
        assert result.answer.attribute == entry["goal"], result.answer.text
    if "value" in entry:  # a set answer must name these members
        value = result.answer.value
        if isinstance(entry["value"], list):
            assert set(entry["value"]) <= set(value), result.answer.text
        else:
            assert value == entry["value"], result.answer.text
    # Answered from the articles: a reason that quotes one, unless the person stated it.
    assert result.answer.because or result.answer.stated_by, result.answer.text


def test_the_corpus_is_large_and_varied() -> None:
    questions = CORPUS["questions"]
    assert len(questions) >= 80
    assert sum(not q["answerable"] for q in questions) >= 15
    assert len({q["text"].lower() for q in questions}) == len(questions)
