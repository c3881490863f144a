"""``expert rules --format json`` shows each rule as its file writes it."""

from __future__ import annotations

import json
from pathlib import Path

from expert.cli import main

WINEX = Path(__file__).resolve().parents[2] / "docs" / "examples" / "winex"


def _rules(capsys, *argv: str) -> dict[str, dict]:
    assert main([*argv, "rules", "--format", "json"]) == 0
    return {rule["id"]: rule for rule in json.loads(capsys.readouterr().out)}


def test_per_value_certainties_are_each_shown(capsys):
    """``then.wine.best-body = { light = 0.3, medium = 0.6, full = 0.3 }`` keeps every value
    with its certainty (not the last value alone)."""
    rule = _rules(capsys, "--rules", str(WINEX))["body.average"]
    assert rule["then"] == {"wine.best-body": {"light": 0.3, "medium": 0.6, "full": 0.3}}
    assert set(rule) == {"id", "when", "then", "certainty", "source", "quote"}


def test_a_revision_says_what_it_revises(capsys):
    """A declared revision shows ``revises`` and its hedge, as written."""
    rule = _rules(capsys, "--rules", str(WINEX))["body.light-preferred-over-full"]
    assert rule["then"] == {"wine.best-body": "medium"}
    assert rule["revises"] == "wine.best-body" and rule["hedge"] == "definite"
    assert rule["when"] == ["preference.body is light", "wine.best-body contains full"]


def test_a_table_row_names_its_table_file_and_row(capsys):
    """A row of the wines table names the table, the CSV it is in and its row number."""
    rules = _rules(capsys, "--rules", str(WINEX))
    gamay, burgundy = rules["wines.gamay"], rules["wines.burgundy"]
    assert (gamay["table"], gamay["file"], gamay["row"]) == ("wines.toml", "wines.csv", 1)
    assert gamay["then"] == {"wine.choice": "gamay"}
    assert burgundy["row"] == 13 and "revises" not in burgundy
    assert "table" not in rules["body.average"] and "row" not in rules["body.average"]


def test_several_values_of_one_attribute_are_all_listed(capsys):
    """A rule concluding two members of a set lists both (the bundled base)."""
    rule = _rules(capsys)["assessment.no-mic-add-external"]
    assert rule["then"] == {"assessment.look_for": ["external-mic", "clip-on-mic"]}
    assert rule["hedge"] == "can" and "revises" not in rule
