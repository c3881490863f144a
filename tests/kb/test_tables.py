"""Tests of expert.kb.tables: decision tables read as rules, in TOML rows or a CSV file beside,
checked, explained and refused with the file and the row."""

from __future__ import annotations

import re

import pytest
from support import winex_base

from expert import Expert, KnowledgeBaseError
from expert.kb.check import check
from expert.kb.load import load

#: The best qualities, concluded outright, for the wine tables to join with.
QUALITIES = """
[[rules]]
id = "color.fish-white"
when.meal.main-component = "fish"
then.wine.best-color = "white"
hedge = "definite"
source = "winex"
quote = "If the main component of the meal is fish, the best color is white."

[[rules]]
id = "color.chicken"
when.meal.main-component = "poultry"
when.meal.has-turkey = "no"
then.wine.best-color = { white = 0.9, red = 0.3 }
source = "winex"
quote = "If the main component of the meal is poultry and the meal has no turkey in it, the best color is white with certainty 90 and red with certainty 30."

[[rules]]
id = "color.strong"
when.meal.tastiness = "strong"
then.wine.best-body = { medium = 0.4, full = 0.8 }
source = "winex"
quote = "If the flavor of the meal is strong, the best body is medium with certainty 40 and full with certainty 80."

[[rules]]
id = "color.preferred-unknown"
when.preference.sweetness = "unknown"
then.wine.best-sweetness = { dry = 0.2, medium = 0.2, sweet = 0.2 }
source = "winex"
quote = "If the diner does not know which sweetness of wine they prefer, the best sweetness is dry, medium and sweet, each with certainty 20."
"""

CHARDONNAY = "Chardonnay is a white wine of medium or full body whose sweetness is medium or dry."
GEVERZTRAMINER = "Geverztraminer is a white wine of full body, of any sweetness."

TOML_TABLE = f"""
summary = "The wine list."

[table]
columns = ["id", "when.wine.best-color", "when.wine.best-body", "when.wine.best-sweetness", "then.wine.choice", "quote"]
hedge = "definite"
source = "winex"
rows = [
    ["chardonnay", "white", ["medium", "full"], ["medium", "dry"], "chardonnay", "{CHARDONNAY}"],
    ["geverztraminer", "white", "full", "any", "geverztraminer", "{GEVERZTRAMINER}"],
]
"""

CSV_HEADER = """
summary = "The wine list."

[table]
columns = ["id", "when.wine.best-color", "when.wine.best-body", "when.wine.best-sweetness", "then.wine.choice", "quote"]
csv = "wines.csv"
hedge = "definite"
source = "winex"
"""

CSV_ROWS = f"""\
id,when.wine.best-color,when.wine.best-body,when.wine.best-sweetness,then.wine.choice,quote
chardonnay,white,medium|full,medium|dry,chardonnay,{CHARDONNAY}
geverztraminer,white,full,any,geverztraminer,"{GEVERZTRAMINER}"
"""

FACTS = {
    "meal.main-component": "fish",
    "meal.tastiness": "strong",
    "preference.sweetness": "unknown",
}


def _base(tmp_path, table: str = TOML_TABLE, csv: str | None = None):
    files = {"wines.csv": csv} if csv is not None else None
    return winex_base(tmp_path / "kb", {"color": QUALITIES, "wines": table}, files)


@pytest.mark.parametrize("form", ["toml", "csv"])
def test_each_row_is_a_rule_with_its_table_and_row(tmp_path, form):
    """Rows become rules wines.<id>, each knowing its file and row number; "any" sets no
    condition and a cell with several values is one_of."""
    base = _base(tmp_path, CSV_HEADER, CSV_ROWS) if form == "csv" else _base(tmp_path)
    rows = [rule for rule in load(base).rules if rule.table]
    assert [(r.id, r.table, r.where) for r in rows] == [
        ("wines.chardonnay", "wines.toml", f"wines.{form} row 1"),
        ("wines.geverztraminer", "wines.toml", f"wines.{form} row 2"),
    ]
    chardonnay, geverztraminer = rows
    assert [(c.attribute, c.op, c.operands) for c in chardonnay.conditions] == [
        ("wine.best-color", "equals", ("white",)),
        ("wine.best-body", "one_of", ("medium", "full")),
        ("wine.best-sweetness", "one_of", ("medium", "dry")),
    ]
    assert geverztraminer.tested() == {"wine.best-color", "wine.best-body"}
    assert (chardonnay.certainty, chardonnay.source, chardonnay.quote) == (
        1.0,
        "winex",
        CHARDONNAY,
    )


@pytest.mark.parametrize("engine", ["experta", "clips"])
def test_every_way_a_row_holds_is_evidence_of_its_own(tmp_path, engine):
    """Chardonnay holds as medium-medium, medium-dry, full-medium and full-dry: four pieces
    of evidence (0.2 each), combined as WINEX combines the wine it generates four times;
    Geverztraminer, of any sweetness, holds once (full body 0.8)."""
    if engine == "clips":
        pytest.importorskip("clips", reason="clipspy is not installed")
    result = Expert(rules=_base(tmp_path), engine=engine).consult(FACTS)
    members = {m.value: round(m.certainty, 9) for m in result.verdict("wine.choice").members}
    assert members == {"chardonnay": round(1 - 0.8**4, 9), "geverztraminer": 0.8}
    firings = [f for f in result.firings if f.rule == "wines.chardonnay"]
    assert len(firings) == 4


def test_how_names_the_table_and_the_row(tmp_path):
    """how shows a row's rule with its table, file and row number."""
    result = Expert(rules=_base(tmp_path, CSV_HEADER, CSV_ROWS)).consult(FACTS)
    how = result.how("wine.choice").to_text()
    assert (
        "because rule wines.geverztraminer (rule certainty 1.00, contributes 0.80, "
        "table wines.toml, wines.csv row 2)"
    ) in how


def test_check_names_a_duplicate_row_by_file_and_row(tmp_path):
    """expert check: a row repeating another is named by file and row number."""
    rows = CSV_ROWS + f"again,white,medium|full,medium|dry,chardonnay,{CHARDONNAY}\n"
    report = check(load(_base(tmp_path, CSV_HEADER, rows)))
    assert [(p.kind, p.rules, p.message) for p in report.problems] == [
        (
            "duplicate",
            ("wines.chardonnay", "wines.again"),
            (
                "same conditions, conclusion and source: the claim is counted twice "
                "(wines.csv row 1; wines.csv row 3)"
            ),
        )
    ]


def test_a_row_never_firing_is_named_by_file_and_row(tmp_path):
    """A row asking for a value no rule concludes is reported with its file and row."""
    rows = CSV_ROWS.replace("geverztraminer,white,full,any,", "geverztraminer,red,light,sweet,")
    report = check(load(_base(tmp_path, CSV_HEADER, rows)))
    (problem,) = [p for p in report.problems if p.kind == "never-fires"]
    assert problem.rules == ("wines.geverztraminer",)
    assert problem.message.endswith("(wines.csv row 2)")


@pytest.mark.parametrize(
    ("table", "csv", "message"),
    [
        (
            TOML_TABLE.replace('"white", ["medium"', '"pink", ["medium"'),
            None,
            (
                "wines.toml: rule row 1 (wines.chardonnay): when.wine.best-color: 'pink' is not a "
                "value of wine.best-color; allowed: red, white"
            ),
        ),
        (
            CSV_HEADER,
            CSV_ROWS.replace("geverztraminer,white,full,any,", "geverztraminer,white,full,"),
            "wines.csv: rule row 2: a row must be a list of 6 cells, one per column",
        ),
        (
            CSV_HEADER,
            CSV_ROWS.replace("then.wine.choice,quote", "then.wine.choice"),
            "wines.csv: the header must be the table's columns (id, when.wine.best-color, ",
        ),
        (
            CSV_HEADER.replace('csv = "wines.csv"', 'csv = "../wines.csv"'),
            CSV_ROWS,
            "wines.toml: [table]: `csv` must name a file in kb/, not '../wines.csv'",
        ),
        (
            CSV_HEADER.replace('csv = "wines.csv"', 'csv = "gone.csv"'),
            CSV_ROWS,
            "gone.csv: [table] csv: cannot read: No such file or directory",
        ),
        (
            TOML_TABLE.replace(
                '"then.wine.choice", "quote"]', '"then.wine.choice", "quote", "colour"]'
            ),
            None,
            (
                "wines.toml: [table]: unknown column 'colour'; columns are when.<attribute>, "
                "then.<attribute> or one of id, source, quote, hedge, certainty, note, salience"
            ),
        ),
        (
            TOML_TABLE.replace("when.wine.best-color", "when.wine.colour"),
            None,
            "wines.toml: [table]: column 'when.wine.colour' names no attribute of the vocabulary",
        ),
        (
            TOML_TABLE.replace('hedge = "definite"', 'hedges = "definite"'),
            None,
            (
                "wines.toml: [table]: unknown key 'hedges'; allowed: columns, rows, csv, source, "
                "quote, hedge, certainty, note, salience"
            ),
        ),
        (
            TOML_TABLE.replace('source = "winex"', 'source = "winex"\ncsv = "wines.csv"'),
            None,
            (
                "wines.toml: [table]: give exactly one of `rows` (a list of rows, each a list of "
                "cells) or `csv`"
            ),
        ),
        (
            TOML_TABLE.replace('["geverztraminer"', '["chardonnay"'),
            None,
            (
                "wines.toml: rule row 2 (wines.chardonnay): duplicate rule id, first defined in "
                "wines.toml"
            ),
        ),
        (
            TOML_TABLE.replace(', "then.wine.choice"', ', "when.wine.choice"'),
            None,
            "wines.toml: [table]: no then.<attribute> column: rows conclude nothing",
        ),
    ],
)
def test_a_bad_table_is_one_error_naming_the_file_the_row_and_the_forms(
    tmp_path, table, csv, message
):
    """Every bad form is one load error: the file, the row when it is a row's fault, the
    problem and what is allowed."""
    with pytest.raises(KnowledgeBaseError) as caught:
        load(_base(tmp_path, table, csv))
    text = str(caught.value)
    assert "\n" not in text
    assert re.search(re.escape(message), text), text


def test_the_spec_plugin_reads_hyphenated_names_and_covers_table_rows(pytester, tmp_path):
    """Generic steps take meal.main-component; rule coverage counts each row as a rule (4
    rules and 2 rows: 6), covered when a scenario fires it."""
    from support import run_pytest

    base = _base(tmp_path)
    pytester.makefile(
        ".feature",
        **{
            "features/wines": """\
Feature: Wines
  Scenario: Fish, a strong flavor, no sweetness preferred
    Given meal.main-component is fish
    And meal.tastiness is strong
    And preference.sweetness is unknown
    When I consult the expert
    Then wine.choice includes geverztraminer
    And wine.best-body includes full with certainty 0.8
"""
        },
    )
    pytester.makepyfile(test_spec='from pytest_bdd import scenarios\n\nscenarios(".")\n')
    pytester.makeini(
        f"[pytest]\nbdd_features_base_dir = features/\nexpert_rules = {base}\n"
        "expert_rule_coverage = true\n"
    )
    result = run_pytest(pytester)
    result.assert_outcomes(passed=1, failed=0)
    assert result.ret != 0  # color.chicken fired in no scenario
    coverage = result.stdout.str().split("rule coverage")[-1].splitlines()
    assert coverage[1:3] == [
        "FAILED: 1 of 6 rules are fired by no passing scenario; write a scenario for each:",
        "  color.chicken",
    ]


def test_expert_rules_shows_rows_revisions_and_values_with_their_own_certainties(capsys):
    """expert rules on the WINEX port: a row's table and row, a revision, each value's
    certainty."""
    from support import WINEX

    from expert.cli import main

    assert main(["--rules", str(WINEX), "rules"]) == 0
    out = capsys.readouterr().out
    assert (
        "body.average\n  if        meal.tastiness is average\n"
        "  then      wine.best-body = light (0.30), wine.best-body = medium (0.60), "
        "wine.best-body = full (0.30)\n  certainty each value its own\n"
    ) in out
    assert (
        "  quote     “Chardonnay is a white wine of medium or full body whose sweetness is medium or dry.”\n  table     wines.toml, wines.csv row 4\n"
        in out
    )
    assert "\n  revises   wine.best-body\n" in out
