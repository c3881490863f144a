"""The vocabulary as data: input facts declared in vocabulary.toml, one attribute type, any
groups, consulting by full name, and results that stand alone."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import attrs
import pytest

from expert import Device, Expert, FactError, KnowledgeBaseError, Needs
from expert.cli import main
from expert.kb.load import load
from expert.kb.vocabulary_file import declare
from expert.model.vocabulary import Attribute, resolve

PLANTS = Path(__file__).parents[2] / "docs" / "examples" / "plants"


@pytest.fixture(scope="module")
def plants() -> Expert:
    """An expert on the small houseplant base shipped with the docs."""
    return Expert(PLANTS)


def test_device_and_needs_fields_are_the_bundled_inputs():
    """The typed fronts name exactly the bundled base's device.* and needs.* inputs."""
    inputs = load().inputs
    for cls in (Device, Needs):
        fields = [f"{cls.prefix}.{field.name}" for field in attrs.fields(cls)]
        assert fields == [name for name in inputs if name.startswith(cls.prefix + ".")]
    assert {attribute.group for attribute in inputs.values()} == {"device", "needs"}


def test_device_values_come_from_the_vocabulary_file():
    """A value is allowed because vocabulary.toml lists it, and refused with that list."""
    mic = load().inputs["device.mic"]
    assert mic.values == ("none", "inline", "boom", "builtin", "external")
    with pytest.raises(FactError) as caught:
        Device(mic="bom")
    assert caught.value.allowed == mic.values and caught.value.suggestion == "boom"


@pytest.mark.parametrize(
    ("kind", "word", "value"),
    [
        ("flag", "yes", True),
        ("flag", "OFF", False),
        ("amount", "80", 80.0),
        ("set", "b, a", frozenset({"a", "b"})),
        ("choice", "A", "a"),
        ("flag", " On ", True),
        ("flag", "n", False),
        ("flag", "1", True),
        ("set", "A, b ", frozenset({"a", "b"})),
    ],
)
def test_one_attribute_type_parses_words(kind, word, value):
    """parse turns a typed word into a value of the attribute's kind."""
    values = ("a", "b") if kind in ("set", "choice") else ()
    assert Attribute("x.y", kind, values, input=True).parse(word) == value


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("amount", 10**400, "is not a finite number; allowed: a number >= 0"),
        ("amount", float("nan"), "is not a finite number"),
        ("amount", -1, "is not allowed"),
        ("amount", "eighty", "is not a number"),
        ("flag", "maybe", "allowed values: true, false"),
        ("flag", 1, "allowed values: true, false"),
        ("set", ["a", "z"], "'z' is not allowed; allowed values: a, b"),
        ("set", 5, "is not a set of values"),
        ("choice", "z", "allowed values: a, b"),
    ],
)
def test_one_attribute_type_validates_values(kind, value, message):
    """validate refuses a value outside the attribute's kind, naming the allowed values."""
    values = ("a", "b") if kind in ("set", "choice") else ()
    with pytest.raises(FactError, match=message.replace("(", r"\(")):
        Attribute("x.y", kind, values, input=True).validate(value)


@pytest.mark.parametrize(
    ("kind", "given", "value"),
    [
        ("flag", "yes", True),
        ("flag", "FALSE", False),
        ("amount", " 80 ", 80.0),
        ("set", "B, a", frozenset({"a", "b"})),
        ("set", ["A", " b"], frozenset({"a", "b"})),
        ("choice", " B", "b"),
    ],
)
def test_validate_reads_text_as_parse_does(kind, given, value):
    """A value given as text from Python is read as the same words as typed text."""
    attribute = Attribute("x.y", kind, ("a", "b") if kind in ("set", "choice") else (), input=True)
    assert attribute.validate(given) == attribute.parse(given) == value


def test_case_decides_only_between_values_that_differ_by_case():
    """A choice with values `a` and `A` takes each exactly and refuses a third spelling."""
    attribute = Attribute("x.y", "choice", ("a", "A", "Usb-C"), input=True)
    assert [attribute.validate(word) for word in ("a", "A", "usb-c")] == ["a", "A", "Usb-C"]
    with pytest.raises(FactError):
        Attribute("x.y", "choice", ("ab", "AB"), input=True).validate("Ab")


#: The same words, in the spellings a person or a program may give them.
WORDS = {"device.anc": "On", "device.mic": "BOOM", "device.foldable": "n",
         "needs.uses": "Calls, Online-Gaming", "needs.budget": "80"}  # fmt: skip
STATED = {
    "device.anc": True,
    "device.mic": "boom",
    "device.foldable": False,
    "needs.uses": frozenset({"calls", "online-gaming"}),
    "needs.budget": 80.0,
}


def _grouped(words: dict[str, str], group: str) -> dict[str, str]:
    return {k.split(".")[1]: v for k, v in words.items() if k.startswith(group + ".")}


def test_every_way_in_reads_words_alike(capsys, tmp_path):
    """Device/Needs, a mapping, JSON (as the web-app service passes it), the command line, a
    batch row and the shell's set read flags, sets, choices and numbers with one parser."""
    from expert.batch.formats import facts as row_facts
    from expert.shell import Shell

    expert = Expert()
    device, needs = _grouped(WORDS, "device"), _grouped(WORDS, "needs")
    assert expert.consult(Device(**device), Needs(**needs)).facts == STATED
    assert expert.consult(WORDS).facts == STATED
    body = json.loads(json.dumps({"device": device, "needs": needs}))
    assert expert.consult(device=body["device"], needs=body["needs"]).facts == STATED
    argv = ["consult", "--json", "--device", *(f"{k}={v}" for k, v in device.items())]
    assert main([*argv, "--needs", *(f"{k}={v}" for k, v in needs.items())]) == 0
    facts = json.loads(capsys.readouterr().out)["facts"]
    assert facts == {"device": {"anc": True, "mic": "boom", "foldable": False},
                     "needs": {"uses": ["calls", "online-gaming"], "budget": 80}}  # fmt: skip
    assert row_facts({"id": "1", **WORDS}, {"id"}, load().inputs) == STATED
    shell = Shell(expert)
    shell.execute("set " + " ".join(f"{k}={v.replace(' ', '')}" for k, v in WORDS.items()))
    assert shell.facts == STATED


def test_short_names_resolve_only_when_unambiguous():
    """A short name finds its attribute when one group has it; two groups make it ambiguous."""
    inputs = {
        "a.size": Attribute("a.size", "amount", input=True),
        "b.size": Attribute("b.size", "amount", input=True),
        "b.kind": Attribute("b.kind", "choice", ("x",), input=True),
    }
    assert resolve(inputs, "kind").name == "b.kind"
    with pytest.raises(FactError, match="ambiguous; say which: a.size, b.size"):
        resolve(inputs, "size")
    with pytest.raises(FactError, match="b has no fact 'knd'") as caught:
        resolve(inputs, "b.knd")
    assert caught.value.suggestion == "b.kind"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"Plant.kind": {"values": ["a"]}}, "must be named group.name"),
        ({"plant.kind": {"input": True, "kind": "colour"}}, "`kind` 'colour' is not allowed"),
        ({"plant.kind": {"kind": "flag"}}, "rules conclude a choice or a set"),
        ({"plant.kind": {"values": []}}, "needs `values`"),
        ({"plant.kind": {"values": ["a,b"]}}, "needs `values`"),
        ({"plant.kind": {"input": "yes", "values": ["a"]}}, "`input` must be true or false"),
        ({"plant.size": {"input": True, "kind": "amount", "values": ["a"]}}, "has no `values`"),
        ({"plant.kind": {"values": ["a"], "vals": 1}}, "unknown key 'vals'"),
        ({"plant.kind": {"values": ["a"], "note": True, "input": True}}, "cannot be `input"),
        ({"plant.kind": {"input": True, "values": ["a"], "min": 1}}, "`min` is for an amount"),
        (
            {"plant.size": {"input": True, "kind": "amount", "max": "big"}},
            "`max` must be a number",
        ),
        ({"plant.size": {"input": True, "kind": "amount", "min": True}}, "`min` must be a number"),
        ({"plant.size": {"input": True, "kind": "amount", "max": float("inf")}}, "finite"),
        ({"plant.size": {"input": True, "kind": "amount", "max": -5}}, "below `min` 0"),
        (
            {"plant.size": {"input": True, "kind": "amount", "min": 9, "max": 3}},
            "`max` 3 is below",
        ),
        (
            {"plant.kind": {"input": True, "values": ["a"], "catalogue_label": True}},
            "`catalogue_label` is for a concluded choice: the verdict a catalogue's label",
        ),
        (
            {"care.tasks": {"multi": True, "values": ["a"], "catalogue_label": True}},
            "`catalogue_label` is for a concluded choice",
        ),
        ({"care.spot": {"values": ["a"], "catalogue_label": 1}}, "must be true or false"),
    ],
)
def test_a_bad_vocabulary_entry_is_refused(table, message):
    """Each broken declaration names the attribute, the file and the problem."""
    with pytest.raises(KnowledgeBaseError, match=message) as caught:
        declare({}, table, "vocabulary.toml")
    assert str(caught.value).startswith("vocabulary.toml: ")


def test_one_verdict_at_most_is_the_catalogue_label():
    """The bundled base declares device.kind (the domain's LABELLED); two declared are refused
    naming both."""
    from expert.headphones import LABELLED
    from expert.kb.load import load
    from expert.kb.vocabulary_file import check_references

    assert load().catalogue_label == LABELLED
    attributes: dict = {}
    table = {n: {"values": ["a"], "catalogue_label": True} for n in ("care.spot", "care.when")}
    declare(attributes, table, "vocabulary.toml")
    with pytest.raises(KnowledgeBaseError, match="declared on care.spot, care.when; a catalogue"):
        check_references(attributes, {}, "vocabulary.toml")


def test_any_group_names_consult_by_full_name(plants):
    """A base about plants concludes from plant.* facts given by full name."""
    result = plants.consult({"plant.kind": "fern"})
    verdict = result.verdict("care.spot")
    assert (verdict.value, verdict.certainty) == ("north-window", 1.0)
    assert "north-facing window" in verdict.because[0].quote
    assert result.to_dict()["facts"] == {"plant": {"kind": "fern"}}


def test_consulting_by_name_validates_against_the_loaded_base(plants):
    """Unknown names and values of the loaded base are a FactError with the allowed ones."""
    with pytest.raises(FactError, match="allowed values: fern, cactus, other"):
        plants.consult({"plant.kind": "rose"})
    with pytest.raises(FactError, match="plant has no fact 'knd'"):
        plants.consult({"plant.knd": "fern"})
    with pytest.raises(FactError, match="no fact 'device.mic'; allowed names: plant.kind"):
        plants.consult(Device(mic="boom"))  # the bundled base's facts mean nothing here


def test_the_bundled_base_consults_by_full_name_as_by_device_and_needs():
    """A mapping of full names gives the same result as Device and Needs."""
    expert = Expert()
    by_name = expert.consult({"device.mic": "boom", "needs.uses": {"calls"}})
    typed = expert.consult(Device(mic="boom"), Needs(uses={"calls"}))
    assert by_name.to_dict() == typed.to_dict()
    assert by_name is typed  # the same facts hit the cache, in any order of statement


def test_a_result_pickles_and_explains_what_if_after(plants):
    """A Result holds its knowledge base, not the Expert: it pickles and still re-consults."""
    result = plants.consult({"plant.kind": "fern"})
    copy = pickle.loads(pickle.dumps(result))
    assert copy.to_dict() == result.to_dict()
    difference = copy.what_if({"plant.kind": "cactus"})
    assert [change.attribute for change in difference.changed] == ["care.spot"]
    assert "care.watering" in [change.attribute for change in difference.gained]


def test_what_if_takes_full_names_and_short_ones():
    """what_if accepts a mapping of full names and keyword short names alike."""
    result = Expert().consult(Device(mic="boom"))
    by_full = result.what_if({"device.mic": "none"}).to_dict()
    assert by_full == result.what_if(mic="none").to_dict()


def test_cli_consults_any_base_by_fact(capsys):
    """expert --rules DIR consult --fact NAME=VALUE concludes from that base's rules."""
    assert main(["--rules", str(PLANTS), "consult", "--fact", "plant.kind=cactus"]) == 0
    out = capsys.readouterr().out
    assert "Put it in a bright window (certain)." in out
    assert "Watering: only when the soil is dry (certain)." in out  # the base's own words


def test_cli_refuses_a_bad_fact_with_the_allowed_values(capsys):
    """A bad value given with --fact exits 2 naming the allowed values."""
    assert main(["--rules", str(PLANTS), "consult", "--fact", "plant.kind=rose"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "allowed values: fern, cactus, other" in err


def test_cli_device_shorthand_and_fact_agree(capsys):
    """--device mic=boom is short for --fact device.mic=boom; naming one fact twice is refused."""
    main(["consult", "--device", "mic=boom", "--json"])
    short = capsys.readouterr().out
    main(["consult", "--fact", "device.mic=boom", "--json"])
    assert capsys.readouterr().out == short
    assert main(["consult", "--device", "mic=boom", "--fact", "device.mic=none"]) == 2
    assert "device.mic is given twice" in capsys.readouterr().err


def test_cli_lists_the_inputs_of_the_loaded_base(capsys):
    """expert inputs lists every input fact with its allowed values."""
    assert main(["--rules", str(PLANTS), "inputs"]) == 0
    out = capsys.readouterr().out
    assert "plant.kind: fern, cactus, other" in out and "plant.soil_wet: true or false" in out


@pytest.mark.parametrize(
    ("bounds", "value", "allowed"),
    [
        ({}, -1, "allowed: a number >= 0"),
        ({"max": 500}, 501, "allowed: a number from 0 to 500"),
        ({"min": -60}, -61, "allowed: a number >= -60"),
        ({"min": -60, "max": 60.5}, "61", "allowed: a number from -60 to 60.5"),
    ],
)
def test_an_amount_is_refused_outside_its_min_and_max(bounds, value, allowed):
    """A stated amount below `min` (0 unless declared) or above `max` is refused, the message
    naming the bounds."""
    attributes: dict[str, Attribute] = {}
    declare(attributes, {"x.t": {"input": True, "kind": "amount", **bounds}}, "vocabulary.toml")
    attribute = attributes["x.t"]
    with pytest.raises(FactError, match=allowed.replace(".", r"\.")) as caught:
        attribute.validate(value)
    assert caught.value.allowed == (allowed.removeprefix("allowed: "),)
    assert attribute.validate(bounds.get("min", 0)) == bounds.get("min", 0)


def test_a_negative_min_works_from_rules_to_the_command_line(tmp_path, capsys):
    """`min = -60` (a temperature): a rule on -10 fires at -20, -61 is refused, and `expert
    inputs` and `expert check` agree with the bounds."""
    from support import rule_toml, write_base

    topic = (
        '[attributes."device.temperature"]\ninput = true\nkind = "amount"\nmin = -60\nmax = 60\n'
        'doc = "the coldest it works at, in degrees C"\n\n'
        + rule_toml(
            "t.cold", "when.device.temperature = { lt = -10 }", 'then.device.kind = "headset"'
        )
    )
    base = write_base(tmp_path / "kb", {"t": topic})
    result = Expert(base).consult({"device.temperature": "-20"})
    assert result.facts["device.temperature"] == -20 and "t.cold" in result.fired_rules
    with pytest.raises(FactError, match="allowed: a number from -60 to 60"):
        Expert(base).consult({"device.temperature": -61})
    assert main(["--rules", str(base), "inputs"]) == 0
    assert "device.temperature: a number from -60 to 60" in capsys.readouterr().out
    assert main(["--rules", str(base), "check"]) == 0
