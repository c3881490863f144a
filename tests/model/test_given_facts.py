"""Facts as given by every way in: each fact named once, values and numbers read one way."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expert import Device, Expert, FactError, Needs, UsageError
from expert.cli import main
from expert.kb.fact_files import read_facts
from expert.shell import Shell

TWICE = "device.mic is given twice"


def run(capsys, *argv):
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(path):
    """The objects of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def bundled():
    """The bundled expert, shared: it is only read."""
    return Expert()


# -- a fact given twice ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--fact", "device.mic=boom", "--fact", "device.mic=none"], TWICE + " ('boom' and "),
        (["--device", "mic=boom", "--fact", "device.mic=boom"], TWICE),
        (["--device", "mic=boom", "MIC=none"], TWICE),
        (
            ["--needs", "uses=gaming", "--needs", "uses=calls"],
            (
                "needs.uses is given twice ('gaming' and 'calls'); give it once, its values "
                "comma-separated"
            ),
        ),
        (["--device", "mic=boom", "--what-if", "mic=none", "device.mic=inline"], TWICE),
    ],
)
def test_a_fact_given_twice_on_the_command_line_exits_2(capsys, tiny_base, argv, expected):
    """The same fact twice, by any name, with a set too: exit 2, one line, nothing printed."""
    code, out, err = run(capsys, "--rules", tiny_base, "consult", *argv)
    assert (code, out) == (2, "")
    assert expected in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "make",
    [
        lambda ex: ex.consult({"mic": "boom", "device.mic": "none"}),
        lambda ex: ex.consult(Device(mic="boom"), {"device.mic": "none"}),
        lambda ex: ex.consult({"device.mic": "boom"}, device={"mic": "none"}),
        lambda ex: ex.consult(device={"mic": "boom", "device.mic": "none"}),
        lambda ex: ex.consult(Device(mic="boom")).what_if(mic="none", **{"device.mic": "inline"}),
        lambda ex: ex.consult(Device(mic="boom")).what_if({"mic": "none"}, mic="inline"),
        lambda ex: ex.ask("is it a headset?", {"mic": "boom", "device.mic": "none"}),
        lambda ex: ex.guide({"mic": "boom", "device.mic": "none"}),
        lambda ex: Device.from_mapping({"mic": "boom", "device.mic": "none"}),
        lambda ex: Device.from_mapping({"mic": "boom", "device.mic": "none"}, strings=True),
        lambda ex: ex.knowledge.state([("device.mic", "boom"), ("mic", "none")]),
    ],
)
def test_a_fact_given_twice_to_the_api_is_a_fact_error(bundled, make):
    """Every Python way in refuses a fact given twice with the same FactError."""
    with pytest.raises(FactError, match=TWICE):
        make(bundled)


def test_none_states_nothing_so_it_is_no_second_statement(bundled):
    """``None`` (not known) beside a value is one statement; in what_if ``None`` forgets, a
    statement like any other."""
    assert bundled.consult({"mic": None, "device.mic": "boom"}).facts == {"device.mic": "boom"}
    with pytest.raises(FactError, match=TWICE):
        bundled.consult(Device(mic="boom")).what_if(mic=None, **{"device.mic": "none"})


@pytest.mark.parametrize(
    "line",
    ["set mic=boom mic=none", "set mic=boom device.mic=none", "what-if mic=none device.mic=boom"],
)
def test_a_fact_given_twice_in_one_shell_line_is_one_error_line(tiny_expert, line):
    """One shell line naming a fact twice is an error line; the facts stay as they were.
    (A later ``set`` changes a fact: that is what ``set`` is for.)"""
    shell = Shell(tiny_expert)
    shell.execute("set mic inline")
    out = shell.execute(line)
    assert out.startswith(f"error: {TWICE}") and out.count("\n") == 1
    assert shell.facts == {"device.mic": "inline"}
    shell.execute("set mic boom")
    assert shell.facts == {"device.mic": "boom"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"device": {"mic": "boom", "mic": "none"}}', "not facts: key 'mic' is given twice"),
        ('{"device": {"detachable_mic": true, "detachable-mic": false}}', "given twice"),
        ('{"device": {"mic": ""}}', "device.mic: '' is empty; allowed values: none, inline"),
    ],
)
def test_a_facts_file_giving_a_fact_twice_or_empty_is_refused(
    tmp_path, tiny_expert, text, expected
):
    """A facts file (read_facts, and the shell's load) refuses a key given twice, two names
    of one fact and an empty value, in one line."""
    path = tmp_path / "facts.json"
    path.write_text(text)
    with pytest.raises(UsageError, match="given twice|is empty") as caught:
        read_facts(path, tiny_expert.knowledge)
    assert expected in str(caught.value)
    out = Shell(tiny_expert).execute(f"load {path}")
    assert out.startswith("error: ") and expected in out and out.count("\n") == 1


def test_a_batch_row_giving_a_fact_twice_goes_to_the_errors_file(capsys, tmp_path, tiny_base):
    """Two names of one fact, a nested and a flat one, or a JSON key twice: each row is an
    error with its reason, the others are judged; a blank cell states nothing."""
    rows = [
        {"id": "ok", "mic": "boom"},
        {"id": "two-names", "mic": "boom", "device.mic": "none"},
        {"id": "nested", "device": {"mic": "boom"}, "device.mic": "none"},
        {"id": "blank", "mic": " ", "device.mic": "boom"},
    ]
    lines = [json.dumps(row) for row in rows] + ['{"id": "key", "mic": "boom", "mic": "none"}']
    source = tmp_path / "rows.jsonl"
    source.write_text("\n".join(lines) + "\n")
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "--rules", tiny_base, "batch", source, "-o", target)
    assert code == 0 and err == ""
    assert [row["id"] for row in jsonl(target)] == ["ok", "blank"]
    errors = {row["line"]: row for row in jsonl(tmp_path / "out.jsonl.errors.jsonl")}
    assert sorted(errors) == [2, 3, 5]
    assert errors[2]["error"] == errors[3]["error"] == "given-twice"
    assert TWICE in errors[2]["reason"] and TWICE in errors[3]["reason"]
    assert errors[5]["error"] == "bad-json" and "'mic' is given twice" in errors[5]["reason"]


def test_two_csv_columns_of_one_fact_are_refused_before_the_batch(capsys, tmp_path, tiny_base):
    """CSV columns ``mic`` and ``device.mic``: exit 2 at once naming both, nothing written."""
    (tmp_path / "run").mkdir()
    source = tmp_path / "run" / "rows.csv"
    source.write_text("id,mic,device.mic\n1,boom,none\n")
    target = tmp_path / "run" / "out.jsonl"
    code, out, err = run(capsys, "--rules", tiny_base, "batch", source, "-o", target)
    assert (code, out) == (2, "")
    assert "columns 'mic' and 'device.mic' are both device.mic; keep one" in err
    assert [p.name for p in source.parent.iterdir()] == ["rows.csv"]


def test_consult_records_refuses_a_fact_given_nested_and_flat(tiny_base):
    """The batch API judges a record as a row: a fact nested and flat is an error row."""
    from expert.batch import consult_records

    rows = list(
        consult_records([{"device": {"mic": "boom"}, "device.mic": "none"}], rules=tiny_base)
    )
    assert rows[0]["error"] == "given-twice" and TWICE in rows[0]["reason"]


# -- values: empty, blank, any case ----------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        ("--device mic=", "device.mic: '' is empty; allowed values: none, inline, boom"),
        ("--device mic=\t ", "device.mic: '\\t ' is empty; allowed values: none, inline"),
        ("--device price=", "device.price: '' is empty; allowed: a number >= 0"),
        ("--device anc=", "device.anc: '' is empty; allowed values: true, false"),
        ("--needs uses=,,", "needs.uses: ',,' has an empty member; allowed values: music,"),
        ("--needs uses=gaming,,calls", "has an empty member; allowed values: music,"),
        ("--needs uses=gaming,", "has an empty member; allowed values: music,"),
        ("--what-if mic=", "device.mic: '' is empty; allowed values: none"),
    ],
)
def test_an_empty_value_on_the_command_line_names_the_allowed_values(
    capsys, tiny_base, fact, expected
):
    """An empty value, a blank one or an empty member of a set is refused, never read as
    "not stated" nor as a set of nothing."""
    flag, value = fact.split(" ", 1)
    argv = ["--device", "mic=boom", flag, value] if flag == "--what-if" else [flag, value]
    code, out, err = run(capsys, "--rules", tiny_base, "consult", *argv)
    assert (code, out) == (2, "")
    assert expected in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "make",
    [
        lambda ex: ex.consult({"device.mic": ""}),
        lambda ex: ex.consult({"needs.uses": ",,"}),
        lambda ex: Needs(uses="gaming,,calls"),
        lambda ex: ex.consult(Device(mic="boom")).what_if(uses=" , "),
        lambda ex: ex.guide({"device.mic": "  "}),
    ],
)
def test_an_empty_value_given_to_the_api_is_a_fact_error(bundled, make):
    """The API refuses empty values and empty members as the command line does."""
    with pytest.raises(FactError, match="is empty|has an empty member"):
        make(bundled)


def test_the_shell_refuses_an_empty_member_and_reads_spaces_between_values(tiny_expert):
    """``set uses=,,`` is an error; spaces and commas between values both separate them."""
    shell = Shell(tiny_expert)
    assert shell.execute("set uses=,,").startswith("error: needs.uses: ',,' has an empty member")
    assert shell.execute("set uses=gaming,,calls").startswith("error: needs.uses:")
    assert shell.facts == {}
    for line in ("set uses=gaming, calls", "set uses gaming calls", "set uses gaming ,calls"):
        shell.execute(line)
        assert shell.facts == {"needs.uses": frozenset({"gaming", "calls"})}, line


def test_any_case_names_the_vocabulary_value_everywhere(capsys, tmp_path, tiny_base, bundled):
    """``BOOM`` is ``boom`` in the API, on the command line, in the shell, in a facts file
    and in a batch row: one normalisation, in the one place values are read."""
    assert bundled.consult({"device.mic": "BOOM"}).facts == {"device.mic": "boom"}
    assert Device(mic="Boom").mic == "boom" and Needs(uses={"GAMING"}).uses == {"gaming"}
    code, out, _ = run(capsys, "--rules", tiny_base, "consult", "--device", "mic=BOOM", "--json")
    assert code == 0 and json.loads(out)["facts"]["device"] == {"mic": "boom"}
    shell = Shell(Expert(tiny_base))
    shell.execute("set mic BOOM")
    assert shell.facts == {"device.mic": "boom"}
    path = tmp_path / "facts.json"
    path.write_text('{"device": {"mic": "BOOM"}}')
    assert read_facts(path, shell.knowledge) == {"device.mic": "boom"}
    source = tmp_path / "rows.csv"
    source.write_text("id,mic\n1,BOOM\n")
    code, _, _ = run(capsys, "--rules", tiny_base, "batch", source, "-o", tmp_path / "o.jsonl")
    assert code == 0 and jsonl(tmp_path / "o.jsonl")[0]["verdicts"]["device.kind"]["value"] == (
        "headset"
    )


# -- numbers typed -----------------------------------------------------------------------------

#: Characters a number may be typed with, or mistaken for: ASCII, Arabic-Indic, fullwidth,
#: superscript, circled and Ethiopic digits, a vulgar fraction, signs, points, separators.
_NUMBERISH = "0123456789٣３²³¹⑩፩½.-+e_, " + "\u00a0\u2009"
numberish = st.one_of(
    st.text(st.sampled_from(_NUMBERISH), min_size=1, max_size=8),
    st.sampled_from(["nan", "inf", "1_000", " 1 ", "٣", "３", "²", "1e400", "9" * 120]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=numberish)
def test_a_number_is_read_one_way_through_every_way_in(capsys, tiny_base, tmp_path, text):
    """Any text typed as a number reads as the same number, or is refused with the same
    message, through the API, the command line, a facts file, a batch row and the shell;
    as a count in the shell (``ask``, ``how-to``) and in a question it never is an internal
    error."""
    expert = Expert(tiny_base)
    try:
        expected = ("value", expert.consult({"device.price": text}).facts["device.price"])
    except FactError as error:
        expected = ("error", error.message)
    code, out, err = run(
        capsys, "--rules", tiny_base, "consult", "--json", "--device", f"price={text}"
    )
    if expected[0] == "value":
        assert code == 0 and json.loads(out)["facts"]["device"]["price"] == expected[1]
    else:
        assert code == 2 and err == f"expert: {expected[1]}\n"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"device": {"price": text}}))
    try:
        assert read_facts(path, expert.knowledge) == {"device.price": expected[1]}
    except UsageError as error:
        assert str(error) == f"{path}: {expected[1]}"
    from expert.batch.formats import facts as row_facts
    from expert.batch.rejections import Rejection

    row = row_facts({"price": text}, set(), expert.knowledge.inputs)
    if text.strip():  # a blank cell states nothing
        assert row == (
            {"device.price": expected[1]}
            if expected[0] == "value"
            else Rejection("bad-value", expected[1])
        )
    shell = Shell(expert)
    for line in (f"set price {text}", f"ask {text}", f"how-to device.kind headset {text}"):
        said = shell.execute(line)
        assert "internal error" not in said and "Traceback" not in said, (line, said)
    assert shell.facts in ({}, {"device.price": expected[1]})
    reading = expert.read(f"headphones that cost {text} dollars")
    assert all(
        isinstance(v, (int, float)) for k, v in reading.facts.items() if k == "device.price"
    )


@pytest.mark.parametrize(
    ("typed", "value"),
    [("80", 80), (" 80 ", 80), ("８０", 80), ("٨٠", 80), ("²", 2), ("1.5e2", 150)],
)
def test_digits_of_any_script_are_read_as_numbers(bundled, typed, value):
    """Decimal digits of any script, fullwidth and superscript ones read as their digits."""
    assert bundled.consult({"device.price": typed}).facts["device.price"] == value


@pytest.mark.parametrize("typed", ["1_000", "1,000", "፩", "½", "0x10", "1e", ".", "--1"])
def test_what_is_not_a_decimal_number_is_refused(bundled, typed):
    """Python's 1_000, separators, digits NFKC leaves non-decimal: not a number."""
    with pytest.raises(FactError, match="is not a number; allowed: a number >= 0"):
        bundled.consult({"device.price": typed})


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("how-to device.kind headset ፩", "error: how-to takes an attribute"),
        ("ask ፩", "error: line 1: ask takes the most questions"),
    ],
)
def test_a_digit_int_cannot_read_is_one_error_line_in_the_shell(tiny_expert, line, expected):
    """A character str.isdigit() takes but int() refuses is a plain error, not a crash."""
    out = Shell(tiny_expert).execute(line)
    assert out.count("\n") == 1 and "internal error" not in out
    assert out.startswith(expected.replace("line 1: ", "")) or expected in out


def test_a_question_with_a_digit_int_cannot_read_answers(capsys, tiny_base):
    """``expert ask`` with an Ethiopic digit: read as words, not understood, exit 0."""
    code, out, err = run(capsys, "--rules", tiny_base, "ask", "headphones that cost ፩")
    assert code == 0 and err == "" and "Not understood: " in out and "፩" in out
