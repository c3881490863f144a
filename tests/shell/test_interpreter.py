"""Tests of expert.shell.interpreter: the shell's commands, their mistakes, files and bounds."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from support import lines

from expert import Expert
from expert.cli import main
from expert.shell import COMMANDS, Shell
from expert.shell.readers import MAX_LINE

# -- facts -----------------------------------------------------------------------------------


def test_set_takes_full_and_short_names(shell):
    """set accepts device.mic and mic alike and confirms with the full name."""
    assert shell.execute("set device.mic boom") == "device.mic = boom\n"
    assert shell.execute("set budget 80") == "needs.budget = 80\n"
    assert shell.facts == {"device.mic": "boom", "needs.budget": 80.0}


def test_set_reads_sets_with_commas_and_spaces(shell):
    """A set-valued fact takes comma-separated values, spaces allowed."""
    assert shell.execute("set needs.uses gaming, calls") == "needs.uses = calls,gaming\n"
    assert shell.facts["needs.uses"] == frozenset({"gaming", "calls"})


def test_set_takes_several_name_value_pairs(shell):
    """set NAME=VALUE ... states several facts at once."""
    out = shell.execute("set mic=inline anc=yes uses=music,calls")
    assert out.splitlines() == [
        "device.mic = inline",
        "device.anc = true",
        "needs.uses = calls,music",
    ]
    assert shell.facts["device.anc"] is True


def test_facts_lists_what_was_stated(shell):
    """facts shows each stated fact, or how to start when there is none."""
    assert "No facts yet" in shell.execute("facts")
    out = lines(shell, "set mic boom", "set detachable-mic no", "facts")
    assert out.splitlines()[-2:] == ["device.mic = boom", "device.detachable_mic = false"]


def test_unset_forgets_a_fact(shell):
    """unset forgets a stated fact and says when it was not set."""
    lines(shell, "set mic boom", "set fit over-ear")
    assert shell.execute("unset mic") == "forgot device.mic\n"
    assert shell.execute("unset device.mic") == "device.mic was not set\n"
    assert shell.facts == {"device.fit": "over-ear"}


def test_reset_forgets_everything(shell):
    """reset forgets every fact."""
    lines(shell, "set mic boom", "set uses gaming")
    assert shell.execute("reset") == "forgot 2 facts\n"
    assert shell.facts == {}


# -- consultation and explanations -----------------------------------------------------------


def test_consult_prints_verdicts_with_quotes(shell):
    """consult prints the facts, each verdict with its certainty and its strongest quote."""
    out = lines(shell, "set mic boom", "consult")
    assert "You said: a device with a boom microphone." in out
    assert "This device is a headset (certain)." in out
    assert "“come with an attached boom microphone” (Kania)" in out
    assert "all for every verdict" in out  # the hint names the REPL's command, not a flag
    assert "\x1b[" not in out


def test_all_prints_every_rule_of_every_verdict(shell):
    """all lists each verdict with every rule behind it, its weight and its whole quote."""
    out = lines(shell, "set mic boom", "all")
    assert "tiny.boom-headset (kania, 1.00): “come with an attached boom microphone”" in out


def test_consult_without_facts_says_no_rule_applies(shell):
    """With no facts nothing fires: consult says so, and how to tell it more in the
    shell's own commands."""
    out = shell.execute("consult")
    assert "No answer: nothing the rules know applies to what you said." in out
    assert "`inputs` lists what you can state, and `ask` asks you" in out
    assert "device.mic" in shell.execute("inputs")


def test_how_shows_the_proof(shell):
    """how ATTR shows the rules, quotes and the stated facts behind a verdict."""
    out = lines(shell, "set mic boom", "how device.kind")
    assert "because rule tiny.boom-headset" in out and "device.mic = boom (you said so)" in out


def test_how_accepts_a_short_name_only_when_unique(shell):
    """A short attribute name works when one attribute has it, and is refused when two do."""
    shell.execute("set mic boom")
    assert "device.io = hybrid" in shell.execute("how io")
    assert "'kind' is ambiguous: device.kind, recommendation.kind" in shell.execute("how kind")


def test_why_not_explains_a_missing_value(shell):
    """why-not ATTR VALUE (or ATTR=VALUE) names the rule and the failed condition."""
    shell.execute("set mic boom")
    out = shell.execute("why-not device.kind headphones")
    assert "tiny.inline-headphones did not fire" in out and "device.mic is boom" in out
    assert shell.execute("why-not device.kind=headphones") == out


def test_what_if_shows_changed_verdicts_and_keeps_the_facts(shell):
    """what-if shows what would change, without changing the session's facts."""
    shell.execute("set mic boom")
    out = shell.execute("what-if mic inline")
    assert out.startswith("If device.mic = inline:") and "device.mic_quality" in out
    assert shell.facts == {"device.mic": "boom"}
    assert "device.mic = (unknown)" in shell.execute("what-if mic unknown")


def test_conflicts_lists_both_sides_with_quotes(shell):
    """conflicts shows where the articles disagree, with each side's quotes."""
    assert "No conflicts" in lines(shell, "set mic boom", "conflicts")
    out = lines(shell, "set mic inline", "conflicts")
    assert "device.kind: headphones" in out and "headset" in out
    assert "tiny.mic-headset (digimigia): “devices that include a microphone" in out


# -- the knowledge base ----------------------------------------------------------------------


def test_rules_lists_topics_then_the_rules_of_one(shell):
    """rules lists the topics; rules TOPIC lists that topic's rules with quotes."""
    assert shell.execute("rules").startswith("tiny (11 rules): A small base for tests.")
    out = shell.execute("rules tiny")
    assert "tiny.boom-headset" in out and "attached boom microphone" in out


def test_rule_shows_conditions_conclusion_certainty_source_and_quote(shell):
    """rule ID shows everything about one rule, by id or by its slug."""
    out = shell.execute("rule tiny.inline-headphones")
    assert "if        device.mic is inline" in out
    assert "then      device.kind = headphones" in out
    assert "certainty 0.80 (usually)" in out
    assert "“Headphones vs. Headsets: What Are the Differences?”" in out
    assert "“You can find certain styles of headphones with built-in microphones”" in out
    assert "did not fire" in out
    assert shell.execute("rule inline-headphones") == out


def test_sources_lists_the_articles(shell):
    """sources lists the articles with their rule counts."""
    assert "kania: “Headphones vs. Headsets: What Are the Differences?”" in shell.execute(
        "sources"
    )


def test_help_lists_commands_and_explains_one(shell):
    """help lists every command; help COMMAND explains it, with the facts for set."""
    out = shell.execute("help")
    assert all(name in out for name in COMMANDS)
    out = shell.execute("help set")
    assert "Sets (needs.uses" in out and "device.mic: none, inline, boom, builtin, external" in out
    assert shell.execute("help ?") == shell.execute("help help")


@pytest.mark.parametrize("word", ["quit", "exit", "QUIT"])
def test_quit_and_exit_end_the_session(shell, word):
    """quit and exit mark the session done."""
    assert shell.execute(word) == ""
    assert shell.done


def test_blank_lines_and_comments_do_nothing(shell):
    """Empty lines and # comments are ignored, so scripts may have them."""
    assert lines(shell, "", "   ", "# a comment") == ""


# -- mistakes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("consutl", "unknown command 'consutl' (did you mean 'consult'?)"),
        ("frobnicate", "unknown command 'frobnicate'; type help for the commands"),
        ("set mik boom", "no fact 'mik'; type help set for the list (did you mean 'mic'?)"),
        ("set device.mik boom", "(did you mean 'device.mic'?)"),
        ("set mic bom", "device.mic: 'bom' is not allowed; allowed values: none, inline"),
        ("set mic bom", "(did you mean 'boom'?)"),
        ("set uses gaming,cals", "needs.uses: 'cals' is not allowed"),
        ("set uses gaming,cals", "(did you mean 'calls'?)"),
        ("set budget lots", "needs.budget: 'lots' is not a number"),
        ("set budget -5", "needs.budget: -5.0 is not allowed"),
        ("set anc maybe", "device.anc: 'maybe' is not allowed; allowed values: true, false"),
        ("set mic", "device.mic needs a value: none, inline, boom, builtin, external"),
        ("set", "set takes a fact and a value"),
        ("set uses ,", "needs.uses: ',' has an empty member; allowed values: music,"),
        ("set mic 'boom", "cannot read the line: No closing quotation"),
        ("unset mik", "(did you mean 'mic'?)"),
        ("how device.knd", "(did you mean 'device.kind'?)"),
        ("how", "how takes one attribute"),
        ("why-not device.kind headphone", "(did you mean 'headphones'?)"),
        ("why-not device.kind", "why-not takes an attribute and a value"),
        ("what-if mic bom", "(did you mean 'boom'?)"),
        ("rules tiyn", "no topic 'tiyn'; topics: tiny (did you mean 'tiny'?)"),
        ("rule tiny.boom-headst", "(did you mean 'tiny.boom-headset'?)"),
        ("facts now", "facts takes no arguments"),
        ("ask lots", "ask takes the most questions to ask"),
        ("help sett", "no command 'sett' (did you mean 'set'?)"),
        ("load", "load takes one file name"),
    ],
)
def test_a_mistake_prints_one_line_and_keeps_the_facts(shell, line, expected):
    """Each mistake prints one error line with a hint, and the facts stay as they were."""
    lines(shell, "set mic boom", "set uses gaming")
    before = dict(shell.facts)
    out = shell.execute(line)
    assert len(out.splitlines()) == 1 and out.startswith("error: "), out
    assert expected in out
    assert shell.facts == before


def test_an_internal_failure_is_one_line_too(shell, monkeypatch):
    """Even a bug in a command prints one line and the session goes on."""

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    shell.execute("set mic boom")
    monkeypatch.setattr(shell.expert, "consult", broken)
    assert shell.execute("consult") == "error: internal error: RuntimeError: boom\n"
    assert shell.facts == {"device.mic": "boom"}


def test_a_bad_value_in_several_pairs_sets_none_of_them(shell):
    """set with several pairs changes nothing when one of them is bad."""
    shell.execute("set mic=boom fit=over-eer")
    assert shell.facts == {}


def test_output_goes_to_the_streams_as_it_is_made(tiny_expert):
    """With streams, output goes to out and errors to err as well as being returned."""
    out, err = io.StringIO(), io.StringIO()
    shell = Shell(tiny_expert, out=out, err=err)
    lines(shell, "set mic boom", "set mic bom")
    assert out.getvalue() == "device.mic = boom\n"
    assert err.getvalue().startswith("error: device.mic: 'bom'")


# -- files -----------------------------------------------------------------------------------


def test_save_and_load_round_trip(shell, tmp_path, tiny_expert):
    """Facts saved to JSON load back into another session unchanged."""
    lines(shell, "set mic boom", "set uses gaming,calls", "set budget 80", "set anc yes")
    path = tmp_path / "facts.json"
    assert shell.execute(f"save {path}") == f"saved 4 facts to {path}\n"
    assert json.loads(path.read_text()) == {
        "device": {"mic": "boom", "anc": True},
        "needs": {"uses": ["calls", "gaming"], "budget": 80},
    }
    other = Shell(tiny_expert)
    assert other.execute(f"load {path}") == f"loaded 4 facts from {path}\n"
    assert other.facts == shell.facts


def test_save_replaces_the_file_atomically(shell, tmp_path, monkeypatch):
    """save writes a temporary file beside the target and renames it; on failure the old
    file stays whole and no temporary file is left."""
    folder = tmp_path / "saved"
    folder.mkdir()
    path = folder / "facts.json"
    path.write_text('{"device": {"mic": "none"}}')
    shell.execute("set mic boom")
    replaced = []
    real_replace = os.replace

    def spy(source, target):
        replaced.append((Path(source).parent, Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    shell.execute(f"save {path}")
    assert replaced == [(folder, path)]
    assert json.loads(path.read_text())["device"] == {"mic": "boom"}

    def fail(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    out = shell.execute(f"save {path}")
    assert out == f"error: cannot save to {path}: No space left on device\n"
    assert json.loads(path.read_text())["device"] == {"mic": "boom"}
    assert [p.name for p in folder.iterdir()] == ["facts.json"]


def test_save_into_a_missing_directory_is_an_error(shell, tmp_path):
    """Saving where no directory exists prints one error line."""
    out = shell.execute(f"save {tmp_path}/nowhere/facts.json")
    assert out.startswith("error: cannot save to") and len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON: Expecting property name"),
        ('["mic"]', "expected an object like"),
        ('{"devise": {"mic": "boom"}}', "unknown key 'devise'; allowed: device, needs"),
        ('{"device": {"mik": "boom"}}', "device has no fact 'mik'"),
        ('{"device": {"mic": "bom"}}', "(did you mean 'boom'?)"),
        ('{"needs": {"budget": "lots"}}', "needs.budget: 'lots' is not a number"),
    ],
)
def test_load_reports_a_bad_file_and_keeps_the_facts(shell, tmp_path, content, expected):
    """A bad file is reported in one line naming it, and the current facts stay."""
    path = tmp_path / "bad.json"
    path.write_text(content)
    shell.execute("set mic inline")
    out = shell.execute(f"load {path}")
    assert out.startswith(f"error: {path}: ") and len(out.splitlines()) == 1, out
    assert expected in out
    assert shell.facts == {"device.mic": "inline"}


def test_load_a_missing_file_is_an_error(shell, tmp_path):
    """Loading a file that is not there says so."""
    out = shell.execute(f"load {tmp_path}/none.json")
    assert out == f"error: cannot read {tmp_path}/none.json: No such file or directory\n"


def test_load_reads_the_output_of_consult_json(shell, tmp_path, capsys, tiny_base):
    """The JSON of `expert consult --json` loads as facts."""
    main(["--rules", str(tiny_base), "consult", "--device", "mic=boom", "--json"])
    path = tmp_path / "consult.json"
    path.write_text(capsys.readouterr().out)
    shell.execute(f"load {path}")
    assert shell.facts == {"device.mic": "boom"}


def test_the_repl_uses_the_bundled_base_by_default():
    """Without --rules the shell consults the bundled knowledge base."""
    shell = Shell()
    assert len(shell.knowledge.rules) > 100
    assert Expert().knowledge.path == shell.knowledge.path


# -- bounded input ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["device", "fifo", "big"])
def test_load_reads_only_a_bounded_regular_file(shell, tmp_path, kind):
    """`load /dev/zero`, a FIFO or a file over the limit: one error line, at once, facts
    kept."""
    from expert.kb.fact_files import MAX_BYTES as MAX_FACTS_BYTES

    if kind == "device":
        path, expected = Path("/dev/zero"), "not a regular file (a device)"
    elif kind == "fifo":
        path, expected = tmp_path / "fifo", "not a regular file (a pipe)"
        os.mkfifo(path)
    else:
        path, expected = tmp_path / "big.json", f"larger than the limit of {MAX_FACTS_BYTES:,}"
        path.write_text(" " * MAX_FACTS_BYTES + "{}")
    shell.execute("set mic boom")
    output = shell.execute(f"load {path}")
    assert output.startswith("error: ") and expected in output and output.count("\n") == 1
    assert shell.facts == {"device.mic": "boom"}


def test_a_ten_megabyte_line_is_one_error_line_at_once(shell):
    """A huge line is refused by its length; nothing reads it a character at a time."""
    shell.execute("set mic boom")
    output = shell.execute("set mic " + "x" * 10_000_000)
    assert output == f"error: the line is longer than the limit of {MAX_LINE:,} characters\n"
    assert shell.facts == {"device.mic": "boom"}


def test_a_question_leaving_a_fact_open_says_how_to_go_on_with_one():
    """Alternatives are answered each, the fact is not kept, and the shell says how to state
    one to go on (``how`` on the open question has no verdict to explain)."""
    plants = Shell(Expert(Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants"))
    out = plants.execute("where should I put a fern or a cactus in low light?")
    assert "It depends on the kind of plant:" in out
    assert out.splitlines()[-1] == (
        "plant.kind is left open; to go on with one: set plant.kind fern or set plant.kind cactus"
    )
    assert plants.facts == {"plant.light": "low"}
    plants.execute("set plant.kind fern")
    assert plants.execute("how care.spot").startswith("care.spot = north-window")
