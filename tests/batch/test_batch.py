"""Tests of expert.batch and expert.headphones.sample: catalogue batches from files and from Python,
bad rows, resumption after a kill, worker processes, Dask, and sample catalogues."""

from __future__ import annotations

import codecs
import csv
import json
import math
import os
import stat
import sys
import time
from pathlib import Path

import pytest
from support import LANES

from expert import Device, Needs
from expert.batch import BatchOptions, consult_records, on_dask, run_batch
from expert.cli import main
from expert.errors import UsageError
from expert.headphones.sample import sample_catalogue, write_catalogue


def run(capsys, *argv):
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(path: Path) -> list[dict]:
    """The objects of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def sample(path: Path, rows: int, *, seed: int = 7, junk: float = 0.0) -> Path:
    """Write a sample catalogue (its format by the file's extension) and return its path."""
    fmt = "jsonl" if path.suffix == ".jsonl" else "csv"
    write_catalogue(path, sample_catalogue(rows, seed=seed, fmt=fmt, junk=junk))
    return path


CSV_CATALOGUE = """\
id,label,mic,fit,price,uses
gs-1,headset,boom,over-ear,79.99,
hp-2,headphones,none,over-ear,199,
eb-3,headset,inline,in-ear,9.99,
nd-4,,,,,"online-gaming,calls"
"""


def test_csv_in_jsonl_out_has_id_verdicts_certainties_and_rules(capsys, tmp_path):
    """Each CSV row becomes a JSONL row with its id and each verdict's value, certainty, rules."""
    source = tmp_path / "cat.csv"
    source.write_text(CSV_CATALOGUE, encoding="utf-8")
    code, out, err = run(capsys, "batch", source, "-o", tmp_path / "out.jsonl")
    assert code == 0 and err == ""
    rows = jsonl(tmp_path / "out.jsonl")
    assert [row["id"] for row in rows] == ["gs-1", "hp-2", "eb-3", "nd-4"]
    assert [row["line"] for row in rows] == [2, 3, 4, 5]
    kind = rows[0]["verdicts"]["device.kind"]
    assert kind["value"] == "headset" and kind["certainty"] == 1.0
    assert "definitions.boom-mic-means-headset" in kind["rules"]
    assert rows[1]["verdicts"]["device.kind"]["value"] == "headphones"
    assert rows[3]["verdicts"]["recommendation.kind"]["value"] == "headset"
    assert "device.kind" not in rows[3]["verdicts"]  # a needs row says nothing of a device
    assert "4 rows" in out and "0 rejected" in out and "device.kind: headphones 2" in out
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()  # nothing rejected
    assert not list(tmp_path.glob("*.partial*"))


def test_jsonl_in_csv_out_with_devices_needs_and_nested_groups(capsys, tmp_path):
    """JSONL records may be devices, needs, both, or nested groups; CSV output has 3 columns
    per attribute."""
    source = tmp_path / "cat.jsonl"
    records = [
        {"mic": "boom", "device.fit": "over-ear", "anc": True},
        {"needs.uses": ["gaming", "calls"], "budget": 40},
        {"device": {"mic": "none"}, "needs": {"uses": "music"}},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, _, _ = run(capsys, "batch", source, "-o", tmp_path / "out.csv")
    assert code == 0
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["1", "2", "3"]  # line numbers stand in for ids
    assert rows[0]["device.kind"] == "headset" and rows[0]["device.kind.certainty"] == "1.0"
    assert "definitions.boom-mic-means-headset" in rows[0]["device.kind.rules"].split()
    assert rows[1]["recommendation.kind"] == "headset" and rows[1]["device.kind"] == ""
    assert rows[2]["device.kind"] == "headphones"


def test_formats_can_be_given_where_extensions_say_nothing(capsys, tmp_path):
    """--input-format and --output-format override the extensions."""
    source = tmp_path / "cat.txt"
    source.write_text('{"id": "a", "mic": "boom"}\n', encoding="utf-8")
    target = tmp_path / "out.data"
    code, _, _ = run(
        capsys, "batch", source, "-o", target, "--input-format", "jsonl",
        "--output-format", "jsonl",
    )  # fmt: skip
    assert code == 0 and jsonl(target)[0]["id"] == "a"


def test_label_disagreements_are_flagged_and_counted(capsys, tmp_path):
    """With --label-column, each row says whether the label differs from device.kind."""
    source = tmp_path / "cat.csv"
    source.write_text(CSV_CATALOGUE, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "batch", source, "-o", target, "--label-column", "label", "--json")
    assert code == 0
    flags = {row["id"]: (row["label"], row["disagrees"]) for row in jsonl(target)}
    assert flags == {
        "gs-1": ("headset", False),
        "hp-2": ("headphones", False),
        "eb-3": ("headset", True),  # an in-line mic leaves it headphones, by kania's exception
        "nd-4": (None, None),
    }
    summary = json.loads(out)
    assert (summary["labelled"], summary["disagreements"]) == (3, 1)
    code, out, _ = run(capsys, "batch", source, "-o", tmp_path / "again.jsonl")
    assert code == 0
    assert "  label disagrees with device.kind: 1 of 3 labelled rows (33.3%); no verdict 0" in out


def test_a_base_declaring_no_catalogue_label_refuses_labels_saying_how(capsys, tmp_path):
    """The verdict labels are checked against is the base's own declaration
    (``catalogue_label = true``); a base with none refuses a label, saying how to declare it."""
    plants = Path(__file__).resolve().parents[2] / "docs" / "examples" / "plants"
    source = tmp_path / "cat.jsonl"
    source.write_text('{"id": "a", "kind": "fern", "label": "north-window"}\n', encoding="utf-8")
    code, _, _ = run(
        capsys, "--rules", plants, "batch", source, "-o", tmp_path / "out.jsonl",
        "--errors", tmp_path / "errors.jsonl",
    )  # fmt: skip
    assert code == 0
    (error,) = jsonl(tmp_path / "errors.jsonl")
    assert error["error"] == "bad-label"
    assert error["reason"] == (
        "'north-window' is not allowed; allowed: none (the knowledge base declares no verdict "
        "to check a label against: `catalogue_label = true` in its vocabulary)"
    )


JUNK_JSONL = [
    b'{"id": "ok-1", "mic": "boom"}\n',
    b'{"id": "unknown", "mik": "boom"}\n',
    b'{"id": "bad-value", "mic": "bom"}\n',
    b'{"id": "nan", "mic": "boom", "price": NaN}\n',
    b"\n",
    b"\xff\xfe\x00garbage\x9c\n",
    b'{"id": "truncated", "mic": "bo\n',
    b'["not", "an", "object"]\n',
    b'{"id": "bad-label", "mic": "boom", "label": "earbuds"}\n',
    b'{"id": "nothing", "label": "headset"}\n',
    b'{"id": "ok-2", "mic": "none"}',  # no newline at the end of the file
]


@pytest.mark.parametrize("lanes", LANES, indirect=True)
def test_junk_rows_land_in_the_errors_file_and_the_batch_finishes(capsys, tmp_path, lanes):
    """Every kind of bad row is reported with its line number and reason, here, on workers
    or on Dask; exit 0."""
    source = tmp_path / "junk.jsonl"
    source.write_bytes(b"".join(JUNK_JSONL))
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "batch", source, "-o", target, "--label-column", "label", *lanes)
    assert code == 0
    assert [row["id"] for row in jsonl(target)] == ["ok-1", "ok-2"]
    errors = {row["line"]: row for row in jsonl(tmp_path / "out.jsonl.errors.jsonl")}
    kinds = {line: row["error"] for line, row in errors.items()}
    assert kinds == {
        2: "unknown-fact", 3: "bad-value", 4: "bad-value", 5: "empty", 6: "not-utf8",
        7: "bad-json", 8: "bad-json", 9: "bad-label", 10: "no-facts",
    }  # fmt: skip
    assert "did you mean 'mic'" in errors[2]["reason"] and errors[2]["id"] == "unknown"
    assert "did you mean 'boom'" in errors[3]["reason"]
    assert (
        "device.price: nan is not a finite number; allowed: a number >= 0" in errors[4]["reason"]
    )
    assert errors[7]["text"].startswith('{"id": "truncated"')
    assert "11 rows" in out and "9 rejected" in out and "bad-value 2" in out


def test_junk_csv_rows_with_bad_fields_quotes_and_bytes(tmp_path):
    """CSV rows with too few fields, an unclosed quote, NaN or garbage are rejected alone."""
    source = tmp_path / "junk.csv"
    source.write_bytes(
        b'id,mic,price\na,boom,10\nb,boom\nc,"boom,10\nd,boom,nan\n\x00\xff,\x01\ne,none,\n'
    )
    summary = run_batch(source, tmp_path / "out.jsonl")
    assert [row["id"] for row in jsonl(tmp_path / "out.jsonl")] == ["a", "e"]
    errors = jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(row["line"], row["error"]) for row in errors] == [
        (3, "bad-csv"), (4, "bad-csv"), (5, "bad-value"), (6, "not-utf8"),
    ]  # fmt: skip
    assert summary.rows == 6 and summary.rejected == {"bad-csv": 2, "bad-value": 1, "not-utf8": 1}


def test_an_interrupted_run_is_refused_without_resume(capsys, tmp_path):
    """Leftovers of an interrupted run stop a new run with exit 2 rather than being lost."""
    source = sample(tmp_path / "cat.csv", 5)
    (tmp_path / "out.jsonl.partial").write_text("")
    code, _, err = run(capsys, "batch", source, "-o", tmp_path / "out.jsonl")
    assert code == 2 and "--resume" in err and len(err.strip().splitlines()) == 1


def test_two_workers_write_what_one_process_writes(capsys, tmp_path):
    """--workers 2 gives the same rows in the same order as a serial run."""
    source = sample(tmp_path / "cat.jsonl", 600, junk=0.03)
    argv = ["batch", source, "--label-column", "label", "--chunk-size", "50"]
    assert run(capsys, *argv, "-o", tmp_path / "serial.jsonl")[0] == 0
    assert run(capsys, *argv, "-o", tmp_path / "pool.jsonl", "--workers", "2")[0] == 0
    assert (tmp_path / "pool.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()
    serial_errors = (tmp_path / "serial.jsonl.errors.jsonl").read_bytes()
    assert (tmp_path / "pool.jsonl.errors.jsonl").read_bytes() == serial_errors


@pytest.mark.dask
def test_a_local_cluster_writes_what_one_process_writes(capsys, tmp_path, cluster):
    """--dask on a LocalCluster gives the same rows in the same order as a serial run."""
    source = sample(tmp_path / "cat.csv", 300, junk=0.03)
    argv = ["batch", source, "--label-column", "label", "--chunk-size", "40"]
    assert run(capsys, *argv, "-o", tmp_path / "serial.csv")[0] == 0
    code, _, err = run(
        capsys, *argv, "-o", tmp_path / "dask.csv", "--dask", cluster.scheduler_address
    )
    assert code == 0, err
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "serial.csv").read_bytes()


@pytest.mark.dask
def test_on_dask_equals_consult_records(cluster):
    """on_dask judges Python records on the cluster exactly as consult_records does here."""
    records = [
        {"id": f"r{n}", "mic": mic, "price": price, "label": "headset"}
        for n, (mic, price) in enumerate(
            [("boom", 59.99), ("inline", 9.99), ("bom", 1.0), ("none", 99.0), (None, None)] * 40
        )
    ]
    from distributed import Client

    with Client(cluster.scheduler_address, timeout=60) as client:
        remote = on_dask(records, client, label_column="label", partition_size=30)
    local = list(consult_records(records, label_column="label"))
    assert remote == local and len(remote) == 200
    assert local[2]["error"] == "bad-value" and local[4]["error"] == "no-facts"


def test_dask_missing_exits_2_saying_how_to_install(capsys, tmp_path, monkeypatch):
    """Without Dask, --dask exits 2 with one line naming the extra to install."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    source = sample(tmp_path / "cat.csv", 5)
    code, _, err = run(
        capsys, "batch", source, "-o", tmp_path / "o.jsonl", "--dask", "tcp://127.0.0.1:8786",
    )  # fmt: skip
    assert code == 2 and "install expert[dask]" in err and len(err.strip().splitlines()) == 1


MALFORMED_ADDRESSES = [
    "nonsense:::", "", "tcp://", "[::1", "tcp://:8786", "tcp://h:99999", "tcp://h:port",
    "http://h:8786", "tcp://h:8786/x", " tcp://h:8786",
]  # fmt: skip


@pytest.mark.parametrize("address", MALFORMED_ADDRESSES)
def test_a_malformed_dask_address_exits_2_at_once_making_no_client(
    capsys, tmp_path, monkeypatch, address
):
    """A --dask address that is not [SCHEME://]HOST[:PORT] is exit 2 with one line before
    any client exists (none is left to fail in its destructor), from the CLI and the API."""
    distributed = pytest.importorskip("distributed")
    made = []

    class Client:
        def __init__(self, *args, **kwargs):
            made.append(args)

    monkeypatch.setattr(distributed, "Client", Client)
    source = sample(tmp_path / "cat.csv", 5)
    started = time.monotonic()
    code, out, err = run(capsys, "batch", source, "-o", tmp_path / "o.jsonl", "--dask", address)
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert "is not a scheduler address" in err and "tcp://127.0.0.1:8786" in err
    assert time.monotonic() - started < 5 and made == []
    assert sorted(os.listdir(tmp_path)) == ["cat.csv"]
    with pytest.raises(UsageError, match="is not a scheduler address"):
        on_dask([{"mic": "boom"}], address)
    assert made == []


def test_an_unreachable_scheduler_exits_2_before_any_file_is_made(capsys, tmp_path, monkeypatch):
    """A well-formed address whose scheduler cannot be reached is one line and exit 2, and
    leaves no partial run behind: the corrected command runs at once."""
    distributed = pytest.importorskip("distributed")

    class Client:
        def __init__(self, address, **kwargs):
            raise OSError(f"Timed out trying to connect to {address} after 10 s")

    monkeypatch.setattr(distributed, "Client", Client)
    source = sample(tmp_path / "cat.csv", 5)
    argv = ["batch", source, "-o", tmp_path / "o.jsonl"]
    code, out, err = run(capsys, *argv, "--dask", "tcp://127.0.0.1:1")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:1'" in err
    assert sorted(os.listdir(tmp_path)) == ["cat.csv"]
    assert run(capsys, *argv)[0] == 0


def test_consult_records_takes_mappings_and_fact_objects():
    """The Python API judges mappings, Devices, Needs and pairs, and reports bad records."""
    rows = list(
        consult_records([Device(mic="boom"), (Device(mic="none"), Needs(uses={"music"})), 42])
    )
    assert rows[0]["verdicts"]["device.kind"]["value"] == "headset"
    assert rows[1]["verdicts"]["device.kind"]["value"] == "headphones"
    assert rows[2]["error"] == "bad-record" and rows[2]["line"] == 3


def test_the_summary_is_quiet_about_progress_when_piped(capsys, tmp_path):
    """No progress bar when stderr is not a terminal; one with rate and ETA when asked."""
    source = sample(tmp_path / "cat.csv", 50)
    run_batch(source, tmp_path / "a.jsonl")
    assert capsys.readouterr().err == ""
    run_batch(source, tmp_path / "b.jsonl", BatchOptions(progress=True))
    err = capsys.readouterr().err
    assert "50/50" in err and "rows/s" in err


def test_sample_catalogue_writes_with_the_umask_and_states_its_default_junk(capsys, tmp_path):
    """The file gets the mode the umask gives a new file (not the temporary file's 0600);
    a file written again keeps its mode; --help states the default share of bad rows."""
    target = tmp_path / "cat.csv"
    old = os.umask(0o027)
    try:
        assert run(capsys, "sample-catalogue", "10", "-o", target)[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o664)
    assert run(capsys, "sample-catalogue", "5", "-o", target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert main(["sample-catalogue", "--help"]) == 0
    assert "default 0: no bad rows" in " ".join(capsys.readouterr().out.split())


def test_a_clean_batch_leaves_no_errors_file_but_a_named_one_is_kept(capsys, tmp_path):
    """Nothing rejected: no OUTPUT.errors.jsonl, and a stale one of an earlier run is gone;
    an errors file named with --errors is written even when empty."""
    source = sample(tmp_path / "cat.csv", 20)
    stale = tmp_path / "out.jsonl.errors.jsonl"
    stale.write_text('{"line": 2}\n')
    code, out, _ = run(capsys, "batch", source, "-o", tmp_path / "out.jsonl", "--json")
    assert code == 0 and not stale.exists()
    assert json.loads(out)["errors"] is None
    named = tmp_path / "bad.jsonl"
    code, out, _ = run(capsys, "batch", source, "-o", tmp_path / "two.jsonl", "--errors", named)
    assert code == 0 and named.read_text() == ""
    junk = sample(tmp_path / "junk.csv", 200, junk=0.1)
    assert run(capsys, "batch", junk, "-o", tmp_path / "j.jsonl")[0] == 0
    assert (tmp_path / "j.jsonl.errors.jsonl").read_text()


def test_sample_catalogue_is_determined_by_its_seed(capsys, tmp_path):
    """The same seed gives the same bytes; another seed other rows; junk is a fraction."""
    one = b"".join(sample_catalogue(500, seed=3, junk=0.1))
    assert one == b"".join(sample_catalogue(500, seed=3, junk=0.1))
    assert one != b"".join(sample_catalogue(500, seed=4, junk=0.1))
    plain = b"".join(sample_catalogue(50, seed=3))
    assert run(capsys, "sample-catalogue", "50", "--seed", "3")[1].encode() == plain
    code, out, err = run(
        capsys, "sample-catalogue", "200", "-o", tmp_path / "c.jsonl", "--seed", "3"
    )
    assert out == "" and err == f"expert: wrote 200 rows to {tmp_path / 'c.jsonl'}\n"
    records = jsonl(tmp_path / "c.jsonl")
    assert code == 0 and len(records) == 200 and records[0]["id"] == "SKU-0000001"
    assert {record["label"] for record in records} == {"headphones", "headset"}
    summary = run_batch(sample(tmp_path / "j.csv", 2000, junk=0.05), tmp_path / "j.jsonl",
                        BatchOptions(label_column="label"))  # fmt: skip
    assert 50 <= sum(summary.rejected.values()) <= 150
    assert 0.02 <= summary.disagreements / summary.labelled <= 0.09


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["batch", "{cat}", "-o", "{tmp}/out.txt"], "give --output-format"),
        (["batch", "{tmp}/none.csv", "-o", "{tmp}/o.jsonl"], "cannot read"),
        (["batch", "{cat}", "-o", "{tmp}/o.jsonl", "--id-column", "sku"], "no column 'sku'"),
        (["batch", "{bad}", "-o", "{tmp}/o.jsonl"], "column 'mik' is not a fact"),
        (["batch", "{cat}", "-o", "{tmp}/o.jsonl", "--label-column", "kind"], "no column 'kind'"),
        (["batch", "{cat}", "-o", "{tmp}/o.jsonl", "--workers", "0"], "--workers must be"),
        (["batch", "{cat}", "-o", "{tmp}/o.jsonl", "--chunk-size", "x"], "invalid int value"),
        (["batch", "{cat}", "-o", "{tmp}/o.jsonl", "--workers", "2", "--dask", "x"], "not both"),
        (["batch", "{cat}"], "required: -o/--output"),
        (["sample-catalogue", "-5"], "rows must be >= 0"),
        (["sample-catalogue", "5", "--junk", "1.5"], "junk must be a fraction"),
        (["sample-catalogue", "5", "-o", "{tmp}/no/such/dir.csv"], "cannot write"),
    ],
)  # fmt: skip
def test_bad_cli_input_exits_2_with_one_line(capsys, tmp_path, argv, expected):
    """Bad batch or sample-catalogue input: exit 2 and one stderr line naming the problem."""
    cat = sample(tmp_path / "cat.csv", 3)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,mik\n1,boom\n", encoding="utf-8")
    argv = [arg.format(cat=cat, bad=bad, tmp=tmp_path) for arg in argv]
    code, _, err = run(capsys, *argv)
    assert code == 2, err
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "o.jsonl").exists()


CATALOGUE_TEXT = "id,mic\nsku-1,boom\n"
ENCODED = {
    "UTF-16 CSV": ("csv", CATALOGUE_TEXT.encode("utf-16"), "it is UTF-16 (it starts with a UTF-16"),
    "UTF-16 big-endian JSON Lines": (
        "jsonl", codecs.BOM_UTF16_BE + '{"mic": "boom"}\n'.encode("utf-16-be"), "it is UTF-16",
    ),
    "UTF-32 JSON Lines": ("jsonl", '{"mic": "boom"}\n'.encode("utf-32"), "it is UTF-32"),
    "UTF-16 CSV without a mark": (
        "csv", CATALOGUE_TEXT.encode("utf-16-le"), "holds NUL bytes: the file is not UTF-8",
    ),
    "Latin-1 CSV header": ("csv", "id,mic,prïce\n".encode("latin-1"), "is not UTF-8 text (byte 10)"),
}  # fmt: skip


@pytest.mark.parametrize("case", ENCODED)
def test_a_catalogue_that_is_not_utf8_is_refused_naming_its_encoding(capsys, tmp_path, case):
    """A catalogue in UTF-16 or UTF-32 (by its byte-order mark), or whose header is not
    UTF-8, is exit 2 with one line saying so, not a header or row error."""
    fmt, data, expected = ENCODED[case]
    source = tmp_path / f"cat.{fmt}"
    source.write_bytes(data)
    code, out, err = run(capsys, "batch", source, "-o", tmp_path / "o.jsonl")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert expected in err and "must be a header" not in err
    assert sorted(os.listdir(tmp_path)) == [source.name]


def test_a_junk_row_that_starts_like_a_byte_order_mark_is_only_a_bad_row(capsys, tmp_path):
    """A first line of junk bytes that happen to start with FF FE is a not-utf8 row, and the
    batch goes on."""
    source = tmp_path / "cat.jsonl"
    source.write_bytes(b"\xff\xfe\x81\x00\x9c\xd8\x01\x02\n" + b'{"mic": "boom"}\n')
    code, out, err = run(capsys, "batch", source, "-o", tmp_path / "o.jsonl")
    assert code == 0, err
    assert [row["error"] for row in jsonl(tmp_path / "o.jsonl.errors.jsonl")] == ["not-utf8"]
    assert len(jsonl(tmp_path / "o.jsonl")) == 1


def test_the_errors_file_can_go_elsewhere(capsys, tmp_path):
    """--errors names the errors file; the output is never left half-written."""
    source = tmp_path / "cat.jsonl"
    source.write_bytes(b'{"mic": "boom"}\n{"mic": 3}\n')
    code, out, _ = run(capsys, "batch", source, "-o", tmp_path / "o.jsonl", "--errors",
                       tmp_path / "bad.jsonl")  # fmt: skip
    assert code == 0 and str(tmp_path / "bad.jsonl") in out
    assert [row["line"] for row in jsonl(tmp_path / "bad.jsonl")] == [2]
    assert sorted(os.listdir(tmp_path)) == ["bad.jsonl", "cat.jsonl", "o.jsonl"]


def strict_json(line: str):
    """Parse one line as strict JSON (RFC 8259): NaN and infinities are errors."""

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(line, parse_constant=refuse)


CRASHING_JSONL = {
    2: (b"[" * 30_000 + b"]" * 30_000, "bad-json", "nested too deeply"),
    3: (b'{"id": "big", "price": ' + b"1" * 400 + b"}", "bad-value", "device.price"),
    4: (b'{"id": "\\ud800", "mic": "boom"}', "bad-id", "lone surrogate"),
    5: (b'{"id": 1e309, "mic": "boom"}', "bad-id", "inf is not a finite number"),
    6: (b'{"id": NaN, "mic": "boom"}', "bad-id", "nan is not a finite number"),
    7: (b'{"id": -Infinity, "mic": "boom"}', "bad-id", "-inf is not a finite number"),
    8: (b'{"id": ["a"], "mic": "boom"}', "bad-id", "not list"),
    9: (b'{"id": "n", "mic": "boom", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}", "bad-json", ""),
    10: (b'{"id": "b", "budget": -' + b"9" * 400 + b"}", "bad-value", "needs.budget"),
    11: (b'{"id": "u", "uses": ["gaming", ' + b"1" * 400 + b"]}", "bad-value", "needs.uses"),
    12: (b'{"id": "long", "mic": "' + b"x" * 70_000 + b'"}', "too-long", "65,536 bytes"),
    13: (b'{"id": "s", "mic": "\\udfff"}', "bad-value", "device.mic"),
    14: (b'{"id": "p", "price": 1e999}', "bad-value", "device.price"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "lanes"),
    [("jsonl", "serial"), ("csv", "serial"), ("jsonl", "workers-2"),
     pytest.param("csv", "dask", marks=pytest.mark.dask)],
    indirect=["lanes"],
)  # fmt: skip
def test_rows_that_would_crash_the_reader_are_errors_and_the_output_stays_strict(
    capsys, tmp_path, fmt, lanes
):
    """Deep nesting, huge numbers, lone surrogates, non-finite ids, over-long lines: each
    row goes to the errors file with its line and reason, here, on workers or on Dask;
    every line written is strict JSON (or CSV that reads back to the same ids)."""
    lines = [b'{"id": "ok-1", "mic": "boom"}', *(CRASHING_JSONL[n][0] for n in range(2, 15))]
    lines += [b'{"id": "cr\\rlf\\n\\"q\\",", "mic": "none"}', b'{"id": 12345678901234567890123}']
    source = tmp_path / "junk.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "batch", source, "-o", target, *lanes)
    assert code == 0 and err == "" and "16 rows" in out
    errors = [strict_json(line) for line in (tmp_path / f"out.{fmt}.errors.jsonl").open()]
    found = {row["line"]: (row["error"], row["reason"]) for row in errors}
    assert sorted(found) == [*range(2, 15), 16]
    for number, (_, kind, words) in CRASHING_JSONL.items():
        assert found[number][0] == kind and words in found[number][1], found[number]
    assert found[16][0] == "no-facts"
    expected_ids = ["ok-1", 'cr\rlf\n"q",']
    if fmt == "jsonl":
        assert [strict_json(line)["id"] for line in target.open()] == expected_ids
    else:
        with open(target, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert [row[0] for row in rows[1:]] == expected_ids
        assert [row[1] for row in rows[1:]] == ["1", "15"]


def test_a_quoted_csv_field_may_hold_line_breaks(tmp_path):
    """A CSV record whose quoted field holds line breaks is one record, numbered by its
    first line; a stray quote is one bad row and the rows after it are still read."""
    source = tmp_path / "cat.csv"
    source.write_bytes(
        b'id,mic,price\n"a\nb",boom,10\nc,"in\r\nline",5\nd,none,1\ne,"boom,2\nf,boom,3\n'
    )
    summary = run_batch(source, tmp_path / "out.csv")
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["id"], row["line"]) for row in rows] == [("a\nb", "2"), ("d", "6"), ("f", "8")]
    errors = jsonl(tmp_path / "out.csv.errors.jsonl")
    assert [(row["line"], row["error"]) for row in errors] == [(4, "bad-value"), (7, "bad-csv")]
    assert summary.rows == 5


def test_huge_numbers_are_fact_errors_in_every_entry_point(tmp_path):
    """A 400-digit price is a FactError in Device, Needs and what_if, and one error line in
    the REPL's load; an int too long to print does not break the message."""
    from expert import Expert, FactError
    from expert.shell import Shell

    for make in (
        lambda: Device(price=10**400),
        lambda: Device(price=10**5000),
        lambda: Needs(budget=-(10**400)),
        lambda: Expert().consult(Device(mic="boom")).what_if(price=10**400),
        lambda: Device.from_mapping({"price": "1" * 400}, strings=True),
    ):
        with pytest.raises(FactError, match="is not a finite number; allowed: a number >= 0"):
            make()
    facts = tmp_path / "facts.json"
    facts.write_text('{"device": {"price": ' + "1" * 400 + "}}")
    shell = Shell()
    output = shell.execute(f"load {facts}")
    assert output.startswith("error: ") and output.count("\n") == 1 and "device.price" in output


def test_a_row_that_cannot_be_written_strictly_becomes_an_error(monkeypatch):
    """Whatever a judged row holds, no output line is invalid: a row that cannot be written
    as strict JSON is written to the errors file instead."""
    from expert.batch import chunks
    from expert.batch.judge import Settings

    monkeypatch.setattr(
        chunks, "judge", lambda record, number, options: {"id": "x", "verdicts": {"v": math.nan}}
    )
    results, summary = chunks.judge_chunk([(1, b'{"mic": "boom"}')], Settings())
    [(output, errors)] = results
    assert output == b"" and strict_json(errors.decode())["error"] == "unwritable"
    assert summary.rejected == {"unwritable": 1} and summary.consulted == 0
