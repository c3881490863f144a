"""Hostile input on every entry point: each gets the project's own error, never a crash."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import hostile_values
from support import rule_toml, write_base

from expert import Device, Expert, ExpertError, FactError, KnowledgeBaseError, Needs
from expert.cli import main
from expert.headphones.facts import bundled_inputs
from expert.kb.load import load
from expert.shell import Shell

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

DEVICE_NAMES = sorted(n.split(".", 1)[1] for n in bundled_inputs() if n.startswith("device."))


# -- Python API ------------------------------------------------------------------------------


@FUZZ
@given(name=st.sampled_from(DEVICE_NAMES), value=hostile_values)
def test_any_bad_device_value_is_a_fact_error(name, value):
    """A hostile value for any device fact is a FactError naming that fact (or is valid)."""
    try:
        Device(**{name: value})
    except FactError as error:
        assert error.field == f"device.{name}"
        assert "\n" not in error.message


@FUZZ
@given(name=st.text(min_size=1, max_size=30).filter(lambda n: n not in DEVICE_NAMES))
def test_any_unknown_fact_name_is_a_fact_error(name):
    """Unknown names, however odd, are a FactError listing the allowed names."""
    with pytest.raises(FactError, match="allowed names"):
        Device.from_mapping({name: "boom"})


@FUZZ
@given(value=st.one_of(hostile_values, st.lists(hostile_values, max_size=3)))
def test_consult_rejects_anything_that_is_not_facts(value):
    """consult() with junk raises FactError, never TypeError or AttributeError."""
    expert = _shared_expert()
    for call in (
        lambda: expert.consult(value),
        lambda: expert.consult(device=value),
        lambda: expert.consult(needs=value),
    ):
        with contextlib.suppress(FactError):
            call()


_EXPERT: list[Expert] = []


def _shared_expert() -> Expert:
    if not _EXPERT:
        _EXPERT.append(Expert())
    return _EXPERT[0]


# -- command line ----------------------------------------------------------------------------

WORDS = [
    "consult", "rules", "sources", "check", "--device", "--needs", "--json", "--how",
    "--why-not", "--what-if", "--format", "--topic", "mic=boom", "uses=gaming,calls",
    "budget=80", "price=nan", "anc=maybe", "device.kind", "device.kind=headset", "json",
    "markdown", "=", "mic=", "=boom", "--", "-x", "microphone",
]  # fmt: skip


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Run the CLI capturing its output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@FUZZ
@given(
    argv=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), min_size=1, max_size=8)
)
def test_any_command_line_ends_in_0_1_or_2_with_one_error_line(argv):
    """Fuzzed argv: never a traceback; bad input is exit 2 with one line on stderr."""
    if argv[0] in ("repl", "batch", "sample-catalogue"):
        argv = ["consult", *argv[1:]]  # those read stdin or write files: fuzzed elsewhere
    code, _, err = run_cli(argv)
    assert code in (0, 2, 1), code
    assert "Traceback" not in err and "internal error" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err
    if code == 1:
        assert "check" in argv  # only `expert check` reports problems with exit 1


# -- REPL lines ------------------------------------------------------------------------------

REPL_WORDS = [
    "set", "unset", "facts", "consult", "how", "why-not", "what-if", "conflicts", "rules",
    "rule", "sources", "reset", "help", "device.mic", "mic", "boom", "needs.uses",
    "gaming,calls", "device.kind", "headset", "price", "nan", "-1", "1e999", "\x00", "\u202e",
]  # fmt: skip


@pytest.fixture(scope="module")
def shell_dir(tmp_path_factory) -> Path:
    """A working directory for fuzzed shells, so no file lands in the project."""
    return tmp_path_factory.mktemp("shell")


@FUZZ
@given(
    words=st.lists(
        st.one_of(st.sampled_from(REPL_WORDS), st.text(max_size=10)), min_size=1, max_size=5
    )
)
def test_any_repl_line_answers_without_crashing_or_losing_facts(shell_dir, words):
    """Fuzzed REPL lines: no internal error, and a failed line leaves the facts intact."""
    cwd = os.getcwd()
    os.chdir(shell_dir)
    try:
        shell = Shell(_shared_expert())
        shell.execute("set device.mic boom")
        shell.execute("set needs.uses gaming")
        before = dict(shell.facts)
        output = shell.execute(" ".join(words))
    finally:
        os.chdir(cwd)
    assert "internal error" not in output
    if output.startswith("error:"):
        assert shell.facts == before
        assert len(output.strip().splitlines()) == 1


BAD_FACT_FILES = {
    "deeply nested": "[" * 100_000 + "]" * 100_000,
    "truncated": '{"device": {"mic": "bo',
    "binary junk": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
    "not an object": "[1, 2, 3]",
    "NaN price": '{"device": {"price": NaN}}',
    "infinite price": '{"device": {"price": 1e999}}',
    "wrong shape": '{"device": ["mic", "boom"]}',
    "unknown key": '{"devise": {"mic": "boom"}}',
    "empty": "",
    "huge string": json.dumps({"device": {"mic": "x" * 1_000_000}}),
}


@pytest.mark.parametrize("case", BAD_FACT_FILES, ids=list(BAD_FACT_FILES))
def test_loading_a_bad_facts_file_is_one_error_line(tmp_path, case):
    """Every kind of broken facts file: one error line, facts kept."""
    path = tmp_path / "facts.json"
    content = BAD_FACT_FILES[case]
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    shell = Shell(_shared_expert())
    shell.execute("set device.mic boom")
    output = shell.execute(f"load {path}")
    assert output.startswith("error:") and "internal error" not in output, output
    assert len(output.strip().splitlines()) == 1
    assert len(output) < 1000
    assert shell.facts == {"device.mic": "boom"}


# -- rule files ------------------------------------------------------------------------------

GOOD = rule_toml("t.boom", 'when.device.mic = "boom"', 'then.device.kind = "headset"')


@pytest.fixture(scope="module")
def fuzz_base(tmp_path_factory) -> Path:
    """A base whose topic file the fuzzers overwrite."""
    return write_base(tmp_path_factory.mktemp("fuzz") / "kb", {"t": GOOD})


def _load_or_error(base: Path, text: str | bytes) -> None:
    topic = base / "t.toml"
    if isinstance(text, bytes):
        topic.write_bytes(text)
    else:
        topic.write_text(text, encoding="utf-8", errors="surrogatepass")
    os.utime(topic, ns=(os.stat(topic).st_mtime_ns + 1_000_000,) * 2)
    try:
        load(base)
    except KnowledgeBaseError as error:
        assert str(error) and "\n" not in str(error).strip("\n").split("\n")[0]
        return
    Expert(base).consult(Device(mic="boom"))  # whatever loads must also run


@pytest.mark.slow
@FUZZ
@given(cuts=st.lists(st.tuples(st.integers(0, len(GOOD)), st.text(max_size=5)), max_size=4))
def test_mutated_rule_files_load_or_fail_with_a_knowledge_base_error(fuzz_base, cuts):
    """Random edits of a good rule file: it loads and runs, or fails precisely."""
    text = GOOD
    for position, insert in cuts:
        text = text[:position] + insert + text[position + len(insert) :]
    _load_or_error(fuzz_base, text)


@FUZZ
@given(junk=st.binary(max_size=200))
def test_binary_junk_as_a_rule_file_is_a_knowledge_base_error(fuzz_base, junk):
    """Bytes that are not TOML (or not UTF-8) are reported, not raised raw."""
    _load_or_error(fuzz_base, junk)


SCALARS = st.one_of(
    st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8), st.sampled_from(["boom", "headset", "kania", "definite", "t.x"]),
    st.sampled_from(["device.kind", "any", "when.device.mic", "then.device.kind", "t.csv"]),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["device", "needs", "mic", "kind", "lt", "one_of", "x", "headset"]),
        inner,
        max_size=3,
    ), max_leaves=8,
)  # fmt: skip
RULE_KEYS = [
    "id", "when", "then", "hedge", "certainty", "source", "quote", "note", "refines", "revises",
]  # fmt: skip
TABLE_KEYS = ["columns", "rows", "csv", "source", "quote", "hedge", "certainty", "note"]


def _toml(value) -> str:
    """A value as TOML inline syntax (enough for the fuzzer's shapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


@pytest.mark.slow
@FUZZ
@given(entry=st.dictionaries(st.sampled_from(RULE_KEYS), VALUES, max_size=7))
def test_rules_of_any_shape_load_or_fail_with_a_knowledge_base_error(fuzz_base, entry):
    """Wrong types and shapes in any rule field are reported with the file and rule."""
    body = "\n".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in entry.items())
    _load_or_error(fuzz_base, f"[[rules]]\n{body}\n")


@pytest.mark.slow
@FUZZ
@given(
    table=st.dictionaries(st.sampled_from(TABLE_KEYS), VALUES, max_size=6),
    columns=st.lists(
        st.sampled_from(["id", "when.device.mic", "then.device.kind", "quote", "x", "when.a"]),
        max_size=4,
    ),
    rows=st.lists(st.lists(VALUES, max_size=4), max_size=3),
)
def test_tables_of_any_shape_load_or_fail_with_a_knowledge_base_error(
    fuzz_base, table, columns, rows
):
    """Wrong types and shapes in a decision table's keys, columns and cells are reported with
    the file (and the row), never raised raw."""
    table = {"columns": columns, "rows": rows, **table}
    body = "\n".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in table.items())
    _load_or_error(fuzz_base, f"[table]\n{body}\n")


@FUZZ
@given(text=st.text(max_size=120))
def test_any_csv_rows_load_or_fail_with_a_knowledge_base_error(fuzz_base, text):
    """Any text as a table's CSV file loads or is one error naming the file."""
    (fuzz_base / "t.csv").write_text(
        "id,when.device.mic,then.device.kind,quote\n" + text, encoding="utf-8", errors="replace"
    )
    header = (
        '[table]\ncolumns = ["id", "when.device.mic", "then.device.kind", "quote"]\n'
        'csv = "t.csv"\nhedge = "definite"\nsource = "kania"\n'
    )
    _load_or_error(fuzz_base, header)


# -- safety ----------------------------------------------------------------------------------


def test_no_code_is_evaluated_anywhere_in_the_library():
    """The library never evaluates text: no eval, exec, pickle or shell commands."""
    package = Path(__file__).resolve().parents[1] / "expert"
    pattern = re.compile(
        r"(?<![.\w])(eval|exec|compile)\(|pickle|shell=True|__import__|os\.system"
    )
    offenders = [
        f"{path.name}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def test_a_runaway_rule_set_is_stopped_naming_its_rules(tmp_path):
    """A cycle a user wrote is refused at load, naming the rules that form it."""
    cycle = GOOD.replace('when.device.mic = "boom"', 'when.device.io = "hybrid"') + GOOD.replace(
        "t.boom", "t.back"
    ).replace('when.device.mic = "boom"', 'when.device.kind = "headset"').replace(
        'then.device.kind = "headset"', 'then.device.io = "hybrid"'
    )
    with pytest.raises(KnowledgeBaseError, match=r"cycle: t\.\S+ -> t\.\S+ -> t\."):
        Expert(write_base(tmp_path / "kb", {"t": cycle}))


def test_needs_facts_reject_hostile_sets():
    """Sets of junk are a FactError on needs.uses."""
    for junk in (["\x00"], ["gaming", 3], "gaming,,\u202e"):
        with pytest.raises(FactError, match="needs.uses"):
            Needs(uses=junk)


def test_errors_are_expert_errors():
    """Every error the library raises on input derives from ExpertError."""
    assert issubclass(FactError, ExpertError) and issubclass(KnowledgeBaseError, ExpertError)


# -- API types: the documented errors, at once -------------------------------------------


def _api_calls(tmp_path):
    from expert.batch import BatchOptions, consult_records, on_dask, run_batch
    from expert.headphones.sample import sample_catalogue, write_catalogue
    from expert.kb.check import check
    from expert.kb.fact_files import read_facts, write_facts

    catalogue, out = tmp_path / "cat.csv", tmp_path / "o.jsonl"  # refused before any read
    return {
        "Expert(rules=5)": (lambda: Expert(rules=5), TypeError, "rules must be a path"),
        "Expert(b'/x')": (lambda: Expert(b"/x"), TypeError, "rules must be a path"),
        "Expert(engine=5)": (lambda: Expert(engine=5), TypeError, "engine must be a str"),
        "Expert(cache_size=10**400)": (
            lambda: Expert(cache_size=10**400), ExpertError, "cache_size must be a whole",
        ),
        "Expert(run_limit=-1)": (lambda: Expert(run_limit=-1), ExpertError, "run_limit"),
        "run_batch(None, ...)": (lambda: run_batch(None, out), TypeError, "input must be a path"),
        "run_batch(..., None)": (
            lambda: run_batch(catalogue, None), TypeError, "output must be a path",
        ),
        "run_batch(errors=5)": (
            lambda: run_batch(catalogue, out, BatchOptions(errors=5)), TypeError, "errors must be a path",
        ),
        "run_batch(ignore='abc')": (
            lambda: run_batch(catalogue, out, BatchOptions(ignore="abc")), TypeError, "ignore must be",
        ),
        "run_batch(id_column=5)": (
            lambda: run_batch(catalogue, out, BatchOptions(id_column=5)), TypeError, "id_column must be a str",
        ),
        "run_batch(workers=10**400)": (
            lambda: run_batch(catalogue, out, BatchOptions(workers=10**400)), ExpertError,
            "`workers` must",
        ),
        "run_batch(resume='yes')": (
            lambda: run_batch(catalogue, out, BatchOptions(resume="yes")), TypeError, "resume must be a bool",
        ),
        "consult_records(None)": (lambda: consult_records(None), TypeError, "records must be"),
        "consult_records(rules=5)": (
            lambda: consult_records([], rules=5), TypeError, "rules must be a path",
        ),
        "on_dask(records, None)": (
            lambda: on_dask([], None), TypeError, "client_or_address must be",
        ),
        "consult_many(None)": (lambda: _shared_expert().consult_many(None), TypeError, "records must be"),
        "load(5)": (lambda: load(5), TypeError, "path must be a path"),
        "check(None)": (lambda: check(None), TypeError, "knowledge must be a KnowledgeBase"),
        "sample_catalogue('x')": (lambda: sample_catalogue("x"), TypeError, "rows must not"),
        "sample_catalogue(junk='a')": (
            lambda: sample_catalogue(3, junk="a"), TypeError, "junk must not",
        ),
        "sample_catalogue(junk=nan)": (
            lambda: sample_catalogue(3, junk=float("nan")), ValueError, "junk must be a",
        ),
        "write_catalogue(None, [])": (
            lambda: write_catalogue(None, []), TypeError, "path must be a path",
        ),
        "write_catalogue(path, 5)": (
            lambda: write_catalogue(tmp_path / "c.csv", 5), TypeError, "lines must be iterable",
        ),
        "read_facts(5, ...)": (
            lambda: read_facts(5, _shared_expert().knowledge), TypeError, "path must be a path",
        ),
        "write_facts(5, ...)": (lambda: write_facts(5, {}), TypeError, "path must be a path"),
        "Shell(5)": (lambda: Shell(5), TypeError, "expert must be an Expert"),
        "Shell().execute(None)": (
            lambda: Shell(_shared_expert()).execute(None), TypeError, "line must be a str",
        ),
        "what_if(price=10**400)": (
            lambda: _shared_expert().consult(Device(mic="boom")).what_if(price=10**400), FactError,
            "finite number",
        ),
        "Device(price=10**400)": (lambda: Device(price=10**400), FactError, "finite number"),
    }  # fmt: skip


API_CASES = list(_api_calls(Path("/nonexistent")))


@pytest.mark.parametrize("case", API_CASES)
def test_public_functions_raise_their_documented_errors_naming_the_argument(tmp_path, case):
    """A plainly wrong type is a TypeError naming the parameter; a bad value the library's
    own error (an ExpertError, or the ValueError sample_catalogue documents); never a raw
    TypeError, OverflowError or AttributeError from deep inside."""
    call, error, words = _api_calls(tmp_path)[case]
    with pytest.raises(error) as caught:
        call()
    assert words in str(caught.value)
    if error is TypeError:
        assert not isinstance(caught.value, ExpertError)
        frame = caught.traceback[-1]
        assert "site-packages" not in str(frame.path)  # raised by the library, at its door
