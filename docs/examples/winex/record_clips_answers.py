"""Record what CLIPS's own WINEX answers for every profile of answers it can be given.

Usage: ``python record_clips_answers.py PATH/TO/wine.clp [OUT.csv.gz]``

``wine.clp`` is the example of CLIPS 6.4 (``examples/wine.clp`` of the CLIPS sources); it is
not part of this repository. The program is loaded unchanged into a clipspy ``Environment``;
then two things are added, neither of which changes its reasoning:

* ``ask-question`` is defined again to look the answer up in the profile instead of reading
  it from a terminal (the answer is always one of the allowed values, so the original's loop
  would not have asked twice), and the order of the questions is recorded;
* a rule of the PRINT-RESULTS module, above every other there, records each ``wine``
  attribute with its raw certainty before the module prints and retracts them; one of the
  WINES module, above ``generate-wines``, records the best color, body and sweetness the
  same way (their value ``any`` left out).

The printed table is captured from CLIPS's standard output and parsed: a wine is listed with
the integer percent CLIPS prints (``%2d`` of the certainty). Each run starts as a fresh load
would: fact duplication off before ``(reset)``, as the program's own ``start`` rule turns it on
only once its initial facts are in (so the wine list's second Zinfandel is a duplicate and
is not asserted).

The table (``clips-answers.csv.gz``, gzip-compressed CSV) has one line per profile: the
answer to each question (empty where CLIPS does not ask it); ``wines``, the wines CLIPS
prints, in its order, each as ``Name=percent=raw certainty``; and ``best-color``,
``best-body``, ``best-sweetness``, each value with its raw certainty (``value=certainty``).

Only reachable profiles are enumerated: ``has-turkey`` is asked only when the main component
is poultry, ``sauce`` only when the meal has a sauce.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import sys
from pathlib import Path

import clips
from clips.routers import Router

#: The questions of WINEX by attribute, with their allowed answers, in the program's order.
QUESTIONS = {
    "main-component": ["meat", "fish", "poultry", "unknown"],
    "has-turkey": ["yes", "no", "unknown"],
    "has-sauce": ["yes", "no", "unknown"],
    "sauce": ["sauce", "spicy", "sweet", "cream", "tomato", "unknown"],
    "tastiness": ["delicate", "average", "strong", "unknown"],
    "preferred-body": ["light", "medium", "full", "unknown"],
    "preferred-color": ["red", "white", "unknown"],
    "preferred-sweetness": ["dry", "medium", "sweet", "unknown"],
}

#: The first words of each question, enough to tell which attribute CLIPS asks about.
ASKS = {
    "Is the main component": "main-component",
    "Does the meal have turkey": "has-turkey",
    "Does the meal have a sauce": "has-sauce",
    "Is the sauce for the meal": "sauce",
    "Is the flavor of the meal": "tastiness",
    "Do you generally prefer light": "preferred-body",
    "Do you generally prefer red": "preferred-color",
    "Do you generally prefer dry": "preferred-sweetness",
}


#: The qualities WINES joins the wine list with, recorded beside the wines.
BEST = ("best-color", "best-body", "best-sweetness")


def profiles():
    """Every combination of answers CLIPS can be given: unasked questions are left out."""
    for main in QUESTIONS["main-component"]:
        turkeys = QUESTIONS["has-turkey"] if main == "poultry" else [None]
        for turkey, has_sauce in itertools.product(turkeys, QUESTIONS["has-sauce"]):
            sauces = QUESTIONS["sauce"] if has_sauce == "yes" else [None]
            rest = [QUESTIONS[name] for name in list(QUESTIONS)[4:]]
            for sauce, *others in itertools.product(sauces, *rest):
                values = [main, turkey, has_sauce, sauce, *others]
                yield {k: v for k, v in zip(QUESTIONS, values, strict=True) if v is not None}


class _Capture(Router):
    """Collects what CLIPS prints to standard output."""

    def __init__(self) -> None:
        super().__init__("winex-capture", 30)
        self.text: list[str] = []

    def query(self, name: str) -> bool:
        return name in ("stdout", "t")

    def write(self, name: str, message: str) -> None:
        self.text.append(message)


class Winex:
    """wine.clp loaded once, run once per profile."""

    def __init__(self, path: str | Path) -> None:
        self.env = clips.Environment()
        self.env.load(str(path))
        self.profile: dict[str, str] = {}
        self.asked: list[str] = []
        self.raw: dict[str, float] = {}
        self.best: dict[str, dict[str, float]] = {}
        self.capture = _Capture()
        self.env.add_router(self.capture)
        self.env.eval("(set-current-module MAIN)")
        self.env.define_function(self._answer, "winex-answer")
        self.env.build(
            "(deffunction MAIN::ask-question (?question ?allowed-values)"
            " (winex-answer ?question ?allowed-values))"
        )
        self.env.eval("(set-current-module WINES)")
        self.env.define_function(self._best, "winex-best")
        self.env.build(
            "(defrule WINES::winex-best (declare (salience 1000))"
            " (attribute (name ?name&best-color|best-body|best-sweetness)"
            " (value ?value&~any) (certainty ?certainty))"
            " => (winex-best ?name ?value ?certainty))"
        )
        self.env.eval("(set-current-module PRINT-RESULTS)")
        self.env.define_function(self._record, "winex-record")
        self.env.build(
            "(defrule PRINT-RESULTS::winex-record (declare (salience 1000))"
            " (attribute (name wine) (value ?name) (certainty ?certainty))"
            " => (winex-record ?name ?certainty))"
        )

    def _answer(self, question: str, *allowed) -> clips.Symbol:
        (attribute,) = [name for start, name in ASKS.items() if str(question).startswith(start)]
        self.asked.append(attribute)
        answer = self.profile[attribute]  # a KeyError: CLIPS asked what was thought unreachable
        assert answer in [str(value) for value in allowed]
        return clips.Symbol(answer)

    def _record(self, name, certainty) -> None:
        assert str(name) not in self.raw
        self.raw[str(name)] = float(certainty)

    def _best(self, name, value, certainty) -> None:
        values = self.best.setdefault(str(name), {})
        assert str(value) not in values
        values[str(value)] = float(certainty)

    def run(self, profile: dict[str, str]) -> tuple[list[tuple[str, int, float]], list[str]]:
        """The wines CLIPS prints for ``profile`` (name, percent, raw certainty), in its
        order, and the attributes it asked about, in its order."""
        self.profile, self.asked, self.raw, self.best = profile, [], {}, {}
        self.capture.text.clear()
        self.env.eval("(set-fact-duplication FALSE)")
        self.env.reset()
        self.env.run()
        assert sorted(self.asked) == sorted(profile), (profile, self.asked)
        lines = "".join(self.capture.text).splitlines()
        start = lines.index(" -------------------------------") + 1
        wines = []
        for line in lines[start:]:
            if line.strip():
                name, percent = line.split()
                wines.append((name, int(percent.rstrip("%")), self.raw[name]))
        return wines, list(self.asked)


def main(argv: list[str]) -> int:
    clp = argv[1]
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).parent / "clips-answers.csv.gz"
    winex = Winex(clp)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([*QUESTIONS, "wines", *BEST])
    orders = set()
    under_20 = 0
    count = 0
    for profile in profiles():
        wines, asked = winex.run(profile)
        orders.add(tuple(asked))
        under_20 += sum(percent < 20 for _, percent, _ in wines)
        cells = [profile.get(name, "") for name in QUESTIONS]
        best = [winex.best.get(name, {}) for name in BEST]
        writer.writerow(
            [
                *cells,
                " ".join(f"{n}={p}={r!r}" for n, p, r in wines),
                *(" ".join(f"{v}={c!r}" for v, c in values.items()) for values in best),
            ]
        )
        count += 1
    # No name and no time in the gzip header: the same answers make the same bytes.
    with out.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as stream:
        stream.write(text.getvalue().encode())
    print(f"{count} profiles, {under_20} printed wines under 20%, written to {out}")
    for order in sorted(orders):
        print("question order:", " ".join(order))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
