"""Record what CLIPS's own Automotive Expert System answers for every set of answers it can
be given.

Usage: ``python record_clips_answers.py PATH/TO/auto.clp [OUT.csv.gz]``

``auto.clp`` is the example of CLIPS 6.4 (``examples/auto.clp`` of the CLIPS sources); it is
not part of this repository. The program is loaded unchanged into a clipspy ``Environment``;
then ``ask-question`` is defined again to look the answer up instead of reading it from a
terminal (``yes-or-no-p`` calls it, so every question comes through it), and to record which
question was asked. The answer is always one of the allowed values, so the original's loop
would not have asked twice. Nothing else is added: the repair is read from what the program
prints under ``Suggested Repair:``.

Every combination of answers to the program's eleven questions is run, 3072 of them (ten
answered yes or no, the points normal, burned or contaminated), each from a ``(reset)``. The
program asks only some of them, in an order of its own; the others are never read. ``y`` and
``n``, which the program takes for ``yes`` and ``no``, are not run separately.

The table (``clips-answers.csv.gz``, gzip-compressed CSV) has one line per combination: the
answer to each question; ``asked``, the questions CLIPS asked, in its order, separated by
spaces; and ``repair``, the repair it printed, as printed.
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

#: The questions of the program by attribute, with their allowed answers, in its order.
QUESTIONS = {
    "engine-starts": ["yes", "no"],
    "runs-normally": ["yes", "no"],
    "engine-rotates": ["yes", "no"],
    "engine-sluggish": ["yes", "no"],
    "engine-misfires": ["yes", "no"],
    "engine-knocks": ["yes", "no"],
    "engine-output-low": ["yes", "no"],
    "tank-has-gas": ["yes", "no"],
    "battery-has-charge": ["yes", "no"],
    "point-surface-state": ["normal", "burned", "contaminated"],
    "conductivity-test-positive": ["yes", "no"],
}

#: The first words of each question, enough to tell which attribute CLIPS asks about.
ASKS = {
    "Does the engine start": "engine-starts",
    "Does the engine run normally": "runs-normally",
    "Does the engine rotate": "engine-rotates",
    "Is the engine sluggish": "engine-sluggish",
    "Does the engine misfire": "engine-misfires",
    "Does the engine knock": "engine-knocks",
    "Is the output of the engine low": "engine-output-low",
    "Does the tank have any gas": "tank-has-gas",
    "Is the battery charged": "battery-has-charge",
    "What is the surface state of the points": "point-surface-state",
    "Is the conductivity test": "conductivity-test-positive",
}

#: What the program prints before the repair.
HEADING = "Suggested Repair:"


def combinations():
    """Every combination of answers to all the questions, asked or not."""
    for values in itertools.product(*QUESTIONS.values()):
        yield dict(zip(QUESTIONS, values, strict=True))


class _Capture(Router):
    """Collects what CLIPS prints to standard output."""

    def __init__(self) -> None:
        super().__init__("auto-capture", 30)
        self.text: list[str] = []

    def query(self, name: str) -> bool:
        return name in ("stdout", "t")

    def write(self, name: str, message: str) -> None:
        self.text.append(message)


class Auto:
    """auto.clp loaded once, run once per combination of answers."""

    def __init__(self, path: str | Path) -> None:
        self.env = clips.Environment()
        self.env.load(str(path))
        self.answers: dict[str, str] = {}
        self.asked: list[str] = []
        self.capture = _Capture()
        self.env.add_router(self.capture)
        self.env.define_function(self._answer, "auto-answer")
        self.env.build(
            "(deffunction ask-question (?question $?allowed-values)"
            " (auto-answer ?question ?allowed-values))"
        )

    def _answer(self, question: str, *allowed) -> clips.Symbol:
        (attribute,) = [name for start, name in ASKS.items() if str(question).startswith(start)]
        assert attribute not in self.asked, f"{attribute} asked twice"
        self.asked.append(attribute)
        answer = self.answers[attribute]
        assert answer in [str(value) for value in allowed]
        return clips.Symbol(answer)

    def run(self, answers: dict[str, str]) -> tuple[str, list[str]]:
        """The repair CLIPS prints for ``answers``, and the questions it asked, in order."""
        self.answers, self.asked = answers, []
        self.capture.text.clear()
        self.env.reset()
        self.env.run()
        printed = "".join(self.capture.text)
        assert printed.count(HEADING) == 1, printed
        return printed.split(HEADING)[1].strip(), list(self.asked)


def main(argv: list[str]) -> int:
    clp = argv[1]
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).parent / "clips-answers.csv.gz"
    auto = Auto(clp)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([*QUESTIONS, "asked", "repair"])
    profiles = set()
    count = 0
    for answers in combinations():
        repair, asked = auto.run(answers)
        profiles.add(tuple((name, answers[name]) for name in asked))
        writer.writerow([*answers.values(), " ".join(asked), repair])
        count += 1
    # No name and no time in the gzip header: the same answers make the same bytes.
    with out.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as stream:
        stream.write(text.getvalue().encode())
    print(f"{count} combinations, {len(profiles)} profiles of asked answers, written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
