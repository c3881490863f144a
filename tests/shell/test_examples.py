"""The shell's help, usage lines and banner show the loaded base's own names."""

from __future__ import annotations

from pathlib import Path

import pytest

from expert import Expert
from expert.kb.load import load
from expert.shell import Shell
from expert.shell.examples import Examples
from expert.shell.loop import banner

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture(scope="module")
def plants() -> Shell:
    return Shell(Expert(EXAMPLES / "plants"))


def test_help_draws_its_examples_from_the_loaded_base(plants):
    """help set, what-if, how and rule name the houseplant base's facts, verdict and rule."""
    assert plants.execute("help set").splitlines()[1] == (
        "NAME is a fact such as plant.kind or its short name kind. Sets (plant.signs) take "
        "values separated by commas: set signs brown-tips,drooping. Flags take true/false "
        "(or yes/no), amounts a number. Example: set kind fern"
    )
    assert "Example: what-if kind cactus" in plants.execute("help what-if")
    assert "Example: why-not care.spot north-window" in plants.execute("help why-not")
    assert "Example: rule care.fern-north-window" in plants.execute("help rule")


def test_usage_lines_and_hints_name_the_loaded_base(plants):
    """A command given too little says so with an example of this base."""
    assert plants.execute("why-not") == (
        "error: why-not takes an attribute and a value, e.g. why-not care.spot north-window\n"
    )
    assert plants.execute("set") == (
        "error: set takes a fact and a value, e.g. set kind fern (see help set)\n"
    )
    assert plants.execute("facts") == (
        "No facts yet: state one with set (e.g. set kind fern), or type ask.\n"
    )


def test_the_examples_work_as_typed(plants):
    """The examples are commands the base takes: set, then why-not, answer without error."""
    assert not plants.execute("set kind fern").startswith("error")
    assert not plants.execute("why-not care.spot north-window").startswith("error")


def test_a_base_without_sets_leaves_them_out_of_help():
    """WINEX has no set input: help set says nothing of sets; names are its own."""
    lines = Shell(Expert(EXAMPLES / "winex")).execute("help set").splitlines()
    assert lines[1] == (
        "NAME is a fact such as meal.main-component or its short name main-component. Flags "
        "take true/false (or yes/no), amounts a number. Example: set main-component meat"
    )


def test_the_banner_names_what_the_base_is_about():
    """The banner is the base's input groups in its words, or neutral when it has none,
    with its first example question if it gives any (WINEX gives none)."""
    assert banner(Examples.of(load(EXAMPLES / "plants"))) == (
        "expert on a plant: ask a question in your own words (such as “Where should I put my "
        "fern?”), type ask for a guided consultation, help for the commands, Ctrl-D to leave."
    )
    assert banner(Examples.of(load(EXAMPLES / "winex"))).startswith(
        "expert on a meal and your taste in wine: ask a question"
    )
    assert banner(Examples()).startswith("expert: ask a question in your own words")


def test_on_the_bundled_base_the_texts_still_read_well():
    """The bundled base's help, usage lines and banner, as a reader sees them."""
    shell = Shell(Expert())
    assert shell.execute("help set").splitlines()[1] == (
        "NAME is a fact such as device.mic or its short name mic. Sets (needs.uses, "
        "needs.priorities) take values separated by commas: set uses music,movies. Flags take "
        "true/false (or yes/no), amounts a number. Example: set mic none"
    )
    assert shell.execute("why-not") == (
        "error: why-not takes an attribute and a value, e.g. why-not assessment.fit good\n"
    )
    assert shell.execute("help rules").splitlines()[1] == "Example: rules assessment"
    assert banner(shell.examples) == (
        "expert on a device: ask a question in your own words (such as “Is headphone input or "
        "output?”), type ask for a guided consultation, help for the commands, Ctrl-D to leave."
    )
