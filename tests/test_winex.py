"""The WINEX example (docs/examples/winex), a port of CLIPS 6.4's wine advisor, answers as
CLIPS itself does; so does its plain port (docs/examples/winex/plain), which writes the same
rules without decision tables, per-value certainties, revisions or hyphenated names.

docs/examples/winex/clips-answers.csv.gz holds what CLIPS printed for every profile of answers
it can be given (9216; recorded by docs/examples/winex/record_clips_answers.py from the
original wine.clp with clipspy). For each profile the port must select the same wines, each
with the certainty CLIPS prints (its integer percent) and the raw certainty behind it, after
the same removal of wines under 20; and the best color, body and sweetness it joins the wine
list with must be the same values at the same certainties. Every profile runs on both engines
(about ten seconds in all).

The guided consultation (``Expert.guide``) asks the port's questions as WINEX asks them, by
the vocabulary's ``ask_when`` and ``ask_order``:

    meal.has-turkey   ask_when.meal.main-component = "poultry"  (WINEX asks about turkey
                      only for poultry)
    meal.sauce        ask_when.meal.has-sauce = "yes"           (WINEX asks the kind of
                      sauce only when there is one)

CLIPS asks in this order (its depth strategy takes the last question of its list first;
a question whose precursor is met comes right after it), which is the ``ask_order`` given:

    1 preference.sweetness   2 preference.color   3 preference.body
    4 meal.tastiness   5 meal.has-sauce   6 meal.sauce   7 meal.main-component
    8 meal.has-turkey
"""

from __future__ import annotations

import csv
import gzip
import math
import time
from pathlib import Path

import pytest
from support import guided, original_questions

from expert import Expert
from expert.cli import main

WINEX = Path(__file__).parent.parent / "docs" / "examples" / "winex"
PLAIN = WINEX / "plain"

#: WINEX's attribute names (the columns of the table) and the port's: WINEX's own.
PORT_NAMES = {
    "main-component": "meal.main-component",
    "has-turkey": "meal.has-turkey",
    "has-sauce": "meal.has-sauce",
    "sauce": "meal.sauce",
    "tastiness": "meal.tastiness",
    "preferred-body": "preference.body",
    "preferred-color": "preference.color",
    "preferred-sweetness": "preference.sweetness",
}
#: The port's names and WINEX's.
WINEX_NAMES = {port: name for name, port in PORT_NAMES.items()}
PORT_BEST = {
    "best-color": "wine.best-color",
    "best-body": "wine.best-body",
    "best-sweetness": "wine.best-sweetness",
}
#: WINEX's attribute names and the plain port's.
NAMES = {
    "main-component": "meal.main_component",
    "has-turkey": "meal.has_turkey",
    "has-sauce": "meal.has_sauce",
    "sauce": "meal.sauce",
    "tastiness": "meal.tastiness",
    "preferred-body": "preference.body",
    "preferred-color": "preference.color",
    "preferred-sweetness": "preference.sweetness",
}
BEST = {
    "best-color": "wine.best_color",
    "best-body": "wine.best_body",
    "best-sweetness": "wine.best_sweetness",
}
#: WINEX's own questions, word for word, by its names.
ORIGINAL_QUESTIONS = original_questions(WINEX, tuple(PORT_NAMES))
#: The order in which CLIPS asks (see the module's docstring).
CLIPS_ORDER = (
    "preference.sweetness",
    "preference.color",
    "preference.body",
    "meal.tastiness",
    "meal.has-sauce",
    "meal.sauce",
    "meal.main-component",
    "meal.has-turkey",
)


def _load(names: dict[str, str], best_names: dict[str, str]) -> list[dict]:
    """The recorded profiles: a port's facts, and what CLIPS answered for them."""
    with gzip.open(WINEX / "clips-answers.csv.gz", "rt", newline="") as stream:
        rows = list(csv.DictReader(stream))
    profiles = []
    for row in rows:
        wines = {}
        for item in row["wines"].split():
            name, percent, raw = item.split("=")
            wines[name.lower()] = (int(percent), float(raw))
        best = {
            best_names[name]: {
                value: float(certainty)
                for value, certainty in (item.split("=") for item in row[name].split())
            }
            for name in best_names
        }
        facts = {names[name]: row[name] for name in names if row[name]}
        profiles.append({"facts": facts, "wines": wines, "best": best})
    return profiles


PROFILES = _load(PORT_NAMES, PORT_BEST)
PLAIN_PROFILES = _load(NAMES, BEST)


def _percent(certainty: float) -> int:
    """The integer percent CLIPS prints (``%2d`` truncates), of a certainty in 0..1."""
    return math.floor(round(certainty * 100, 9))


def _selected(result) -> dict[str, float]:
    """The wines of a result, as WINEX lists them: those at 0.2 or more."""
    verdict = result.verdict("wine.choice")
    members = verdict.members if verdict is not None else ()
    return {m.value: m.certainty for m in members if round(m.certainty, 9) >= 0.2}


def _differences(profile: dict, result) -> list[str]:
    """What the port concluded differently from CLIPS on one profile (nothing: the same)."""
    wrong = []
    selected = _selected(result)
    if set(selected) != set(profile["wines"]):
        wrong.append(f"wines {sorted(selected)} != CLIPS {sorted(profile['wines'])}")
    for wine in set(selected) & set(profile["wines"]):
        percent, raw = profile["wines"][wine]
        mine = selected[wine]
        if _percent(mine) != percent or not math.isclose(mine * 100, raw, abs_tol=1e-9):
            wrong.append(f"{wine}: {mine * 100!r} != CLIPS {raw!r} ({percent}%)")
    for attribute, expected in profile["best"].items():
        verdict = result.verdict(attribute)
        got = {m.value: m.certainty * 100 for m in (verdict.members if verdict else ())}
        if set(got) != set(expected) or any(
            not math.isclose(got[v], expected[v], abs_tol=1e-9) for v in got
        ):
            wrong.append(f"{attribute}: {got} != CLIPS {expected}")
    return wrong


def test_the_table_holds_every_reachable_profile():
    """9216 profiles, each once: turkey asked only for poultry, the sauce only with one."""
    keys = {tuple(sorted(p["facts"].items())) for p in PROFILES}
    assert len(PROFILES) == len(keys) == 6 * 8 * 4 * 4 * 3 * 4
    for profile in PROFILES:
        facts = profile["facts"]
        assert ("meal.has-turkey" in facts) == (facts["meal.main-component"] == "poultry")
        assert ("meal.sauce" in facts) == (facts["meal.has-sauce"] == "yes")
        assert all(percent >= 20 for percent, _ in profile["wines"].values())


@pytest.mark.parametrize(
    ("base", "count", "topics"),
    [
        (WINEX, 39, "body 11, color 9, sweetness 6, wines 13"),
        (PLAIN, 68, "body 20, color 12, sweetness 12, wines 24"),
    ],
    ids=["port", "plain"],
)
def test_expert_check_finds_no_problem(capsys, base, count, topics):
    """expert --rules docs/examples/winex check: every quote is in the restatement of WINEX's
    rules (articles/winex.txt), every rule can fire. The port takes 39 rules (13 of them the
    wine list's rows) where the plain format takes 68: at most two thirds."""
    assert main(["--rules", str(base), "check"]) == 0
    out = capsys.readouterr().out
    assert f"{count} rules" in out and "No problems found." in out
    assert f"per topic: {topics}" in out
    assert 39 <= 68 * 2 / 3


@pytest.mark.parametrize("engine", ["experta", "clips"])
@pytest.mark.parametrize("base", ["port", pytest.param("plain", marks=pytest.mark.slow)])
def test_every_profile_selects_the_wines_clips_selects(engine, base):
    """Every recorded profile: the same wines at the same certainties, on each engine, for
    the port and for the plain port."""
    if engine == "clips":
        pytest.importorskip("clips", reason="clipspy is not installed")
    directory, profiles = (WINEX, PROFILES) if base == "port" else (PLAIN, PLAIN_PROFILES)
    expert = Expert(rules=directory, engine=engine, cache_size=0)
    started = time.perf_counter()
    wrong = {}
    for profile in profiles:
        differences = _differences(profile, expert.consult(profile["facts"]))
        if differences:
            wrong[str(profile["facts"])] = differences
    assert not wrong, f"{len(wrong)} of {len(profiles)} profiles differ, e.g. " + str(
        next(iter(wrong.items()))
    )
    assert time.perf_counter() - started < 120


def test_a_consultation_reads_as_winex_prints():
    """One profile end to end: the wines strongest first, as CLIPS prints them, and the
    report's answer."""
    facts = {
        "meal.main-component": "poultry",
        "meal.has-turkey": "no",
        "meal.has-sauce": "yes",
        "meal.sauce": "sweet",
        "meal.tastiness": "delicate",
        "preference.body": "light",
        "preference.color": "white",
        "preference.sweetness": "sweet",
    }
    (profile,) = [p for p in PROFILES if p["facts"] == facts]
    result = Expert(rules=WINEX).consult(facts)
    members = result.verdict("wine.choice").members
    percents = [_percent(m.certainty) for m in members]
    assert percents == sorted(percents, reverse=True)  # ties in their own order, not CLIPS's
    assert {m.value: _percent(m.certainty) for m in members} == {
        "chenin-blanc": 96,
        "riesling": 96,
        "soave": 40,
        "valpolicella": 30,
        "cabernet-sauvignon": 30,
        "zinfandel": 30,
    }
    assert {m.value: _percent(m.certainty) for m in members} == {
        wine: percent for wine, (percent, _) in profile["wines"].items()
    }
    assert result.answer.attribute == "wine.choice"
    assert "Chenin Blanc" in result.answer.text


#: One expert for the guided runs (loading the port once).
WINEX_EXPERT = Expert(rules=WINEX)


def _spread(count: int) -> list[dict]:
    """``count`` profiles spread evenly over the table (every main component, sauces,
    turkeys and preferences among them)."""
    step = len(PROFILES) // count
    return PROFILES[::step][:count]


def _guided(profile: dict) -> list[str]:
    """Drive the guide with one profile's answers; the questions it asked, in order."""
    guide = WINEX_EXPERT.guide({})
    put = guided(guide, profile["facts"], len(PORT_NAMES))
    for question in put:
        assert question.text == ORIGINAL_QUESTIONS[WINEX_NAMES[question.name]]
    asked = [question.name for question in put]
    assert asked == [name for name in CLIPS_ORDER if name in asked], "not in CLIPS's order"
    assert not _differences(profile, guide.result)
    return asked


def test_guide_matches_clips():
    """Driven by the guide, answering from the profile, the port selects CLIPS's wines, on
    256 profiles spread over the table.

    A profile holds exactly the answers CLIPS was asked for. The guide must ask only those
    questions: a question the profile lacks is one CLIPS never asked (the turkey of a meal that
    is not poultry, the sauce of a meal without one), which ``ask_when`` keeps from being asked;
    answering it ``unknown`` would state a fact CLIPS never had, and skipping it would hide that
    the guide asked what WINEX does not. So such a question fails the test. Each question the
    guide asks is answered from the profile; the questions come in CLIPS's order, each in
    WINEX's own words; the wines at the end are CLIPS's. The guide may leave out a question
    whose answer could change nothing, but then the wines still have to be CLIPS's.
    """
    for profile in _spread(256):
        try:
            _guided(profile)
        except AssertionError as error:
            raise AssertionError(f"{profile['facts']}: {error}") from error


@pytest.mark.parametrize(("base", "names"), [(WINEX, PORT_NAMES), (PLAIN, NAMES)])
def test_every_question_is_winex_s_own(base, names):
    """Each input's question is WINEX's, word for word (as its restatement quotes it,
    beginning as CLIPS's own did when recorded), in both ports."""
    inputs = Expert(rules=base).knowledge.inputs
    asked = {name: inputs[port].question for name, port in names.items()}
    assert asked == ORIGINAL_QUESTIONS
    assert len(inputs) == len(names)
