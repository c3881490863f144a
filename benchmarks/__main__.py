"""``python -m benchmarks``: measure the engines, print a table and save the figures as JSON.

Options: ``--quick`` (or ``--size quick``) for a short run, ``--size smoke`` for a handful of
runs of each measurement (the test suite uses it), ``--engine experta|clips|both``,
``--json PATH`` (default ``benchmarks/results/latest.json``) and ``--baseline REV``: the
same measurements of experta on the code and rules of git revision ``REV`` (default
:data:`BASELINE`), run in the same session so that before and after stand side by side,
then consult p50 of before and now again, taking turns round after round (:func:`turns`);
``--baseline none`` skips it. Besides the engines' figures, it times ``expert check`` on
synthetic bases of 1,000, 5,000 and 10,000 rules, and load, compile, check, build and consult
on the bundled base grown by 5,000, 20,000 and 50,000 rules (1,000 and 5,000 with
``--quick``).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .inputs import SCOPES
from .suite import SIZES

HERE = Path(__file__).resolve().parent

#: The revision "before" is measured on by default: the code and rules before the answers a
#: shopper can trust (what was stated outranks the rules, opposed values, answers in words,
#: the hedges and advice that work brought).
BASELINE = "4c4d8d8"
DEFAULT_JSON = HERE / "results" / "latest.json"

#: (label, path into an engine's figures, unit); higher is better only for throughput.
ROWS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("import expert", ("cold", "import_ms"), "ms"),
    ("load rules", ("cold", "load_ms"), "ms"),
    ("compile rules", ("cold", "compile_ms"), "ms"),
    ("import + load + compile", ("cold", "import_load_compile_ms"), "ms"),
    ("engine build", ("cold", "engine_build_ms"), "ms"),
    ("consult device p50", ("latency", "device", "p50_ms"), "ms"),
    ("consult device p99", ("latency", "device", "p99_ms"), "ms"),
    ("consult needs p50", ("latency", "needs", "p50_ms"), "ms"),
    ("consult needs p99", ("latency", "needs", "p99_ms"), "ms"),
    ("consult both p50", ("latency", "both", "p50_ms"), "ms"),
    ("consult both p99", ("latency", "both", "p99_ms"), "ms"),
    ("how p50", ("explanation", "how", "p50_ms"), "ms"),
    ("why_not p50", ("explanation", "why_not", "p50_ms"), "ms"),
    ("how_to p50", ("explanation", "how_to", "p50_ms"), "ms"),
    ("ask p50 (read, consult, answer)", ("ask", "p50_ms"), "ms"),
    ("ask p99", ("ask", "p99_ms"), "ms"),
    ("ask: build the reader", ("ask", "reader_ms"), "ms"),
    ("batch time", ("batch", "seconds"), "s"),
    ("batch throughput", ("batch", "per_second"), "/s"),
    ("batch CPU time", ("batch", "cpu_seconds"), "s"),
    ("tracemalloc peak", ("batch", "tracemalloc_peak_mb"), "MB"),
    ("ru_maxrss", ("batch", "ru_maxrss_mb"), "MB"),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short run (--size quick)")
    parser.add_argument("--size", choices=SIZES, help="full (default), quick or smoke")
    parser.add_argument("--engine", choices=("experta", "clips", "both"), default="both")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to save")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the random inputs")
    parser.add_argument(
        "--instructions", action="store_true",
        help="with a baseline, also count each consultation's instructions before and now "
        "with valgrind (deterministic; a few minutes)",
    )  # fmt: skip
    parser.add_argument(
        "--baseline", default=BASELINE, metavar="REV",
        help=f"measure experta on this git revision too, side by side (default {BASELINE}; "
        "none to skip)",
    )  # fmt: skip
    return parser


def _engines(choice: str) -> list[str]:
    if choice != "both":
        return [choice]
    try:
        import clips  # noqa: F401
    except ModuleNotFoundError:
        print("clipspy is not installed: measuring experta only", file=sys.stderr)
        return ["experta"]
    return ["experta", "clips"]


def _measure(
    engine: str,
    size: str,
    seed: int,
    *extra: str,
    tree: Path = HERE.parent,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Run the suite of one engine in a fresh interpreter (its memory figures are its own)."""
    command = [sys.executable, "-m", "benchmarks.suite", "--engine", engine, *extra]
    out = subprocess.run(
        [*command, "--size", size, "--seed", str(seed)],
        cwd=tree,
        capture_output=True,
        text=True,
        env=env,
    )
    if out.returncode:
        raise SystemExit(f"benchmarks: the {engine} suite failed:\n{out.stderr}")
    return json.loads(out.stdout)


def _measure_baseline(
    revision: str, size: str, seed: int, count_instructions: bool = False
) -> dict[str, Any] | None:
    """experta's figures on the code, rules and suite of git revision ``revision``, run from
    a scratch copy of that tree (its ``expert`` imported ahead of the installed one), or
    ``None`` with a note when the revision cannot be had."""
    with tempfile.TemporaryDirectory(prefix="expert-baseline-") as scratch:
        tree = Path(scratch)
        try:
            archive = subprocess.run(
                ["git", "archive", "--format=tar", revision],
                cwd=HERE.parent, capture_output=True, check=True,
            )  # fmt: skip
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(tree, filter="data")
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"benchmarks: no baseline: cannot read revision {revision}: {error}",
                  file=sys.stderr)  # fmt: skip
            return None
        # The installed package maps expert.rules to this checkout's rules/: point the copy's
        # own expert.rules at its own rules, so "before" runs on the rules of its day.
        (tree / "expert" / "rules").symlink_to(tree / "rules", target_is_directory=True)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        figures = _measure("experta", size, seed, tree=tree, env=env)
        vocabulary = subprocess.run(
            [sys.executable, "-c", _VOCABULARY], cwd=tree, env=env, capture_output=True,
            text=True, check=True,
        ).stdout  # fmt: skip
        try:
            figures["turns"] = turns(tree, env, size, seed, vocabulary)
        except TurnFailed as error:  # e.g. a revision whose suite has no `latency` yet
            print(f"benchmarks: no turns: {error}", file=sys.stderr)
        if count_instructions:
            now = {k: v for k, v in os.environ.items() if k != "EXPERT_BENCH_VOCABULARY"}
            try:
                figures["instructions"] = {
                    "before": instructions(tree, env, size, seed),
                    "now": instructions(HERE.parent, now, size, seed),
                    "now_same_facts": instructions(
                        HERE.parent, {**now, "EXPERT_BENCH_VOCABULARY": vocabulary}, size, seed
                    ),
                }
            except TurnFailed as error:
                print(f"benchmarks: no instruction counts: {error}", file=sys.stderr)
    return figures


#: Consultations counted per scope by ``--instructions`` (callgrind runs about 50x slower).
INSTRUCTION_COUNT = {"full": 200, "quick": 100, "smoke": 10}

#: Makes ``count`` inputs of one scope (as the suite's latency draws them, or every input
#: stated) and consults them only when asked: the difference of the two runs' instruction
#: counts is what the consultations cost.
_INSTRUCTIONS = """
import random, sys
from benchmarks.inputs import random_facts, stated_facts
from expert import Expert
scope, count, consult, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
expert = Expert(cache_size=0)
rng = random.Random(seed)
for device, needs in [random_facts(rng) for _ in range(20)]:
    expert.consult(device, needs)
inputs = [
    stated_facts(rng, None) if scope == "all facts" else random_facts(rng, scope)
    for _ in range(count)
]
if consult:
    for device, needs in inputs:
        expert.consult(device, needs)
"""


def instructions(tree: Path, env: dict[str, str], size: str, seed: int) -> dict[str, float]:
    """Instructions per consultation for each scope, counted by valgrind's callgrind: the same
    count on every run of the same code on the same inputs (hash seed fixed), whatever else a
    shared machine is doing, where consult p50 moves by tens of per cent between runs.

    Raises:
        TurnFailed: valgrind or the measured interpreter failed.
    """
    count = INSTRUCTION_COUNT[size]
    figures = {}
    for scope in (*SCOPES, "all facts"):
        collected = []
        for consult in ("0", "1"):
            out = subprocess.run(
                ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                 sys.executable, "-c", _INSTRUCTIONS, scope, str(count), consult, str(seed)],
                cwd=tree, env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True,
            )  # fmt: skip
            found = re.search(r"Collected : (\d+)", out.stderr)
            if out.returncode or not found:
                raise TurnFailed(f"counting instructions in {tree} failed:\n{out.stderr[-2000:]}")
            collected.append(int(found.group(1)))
        figures[scope] = (collected[1] - collected[0]) / count
    return figures


def instructions_table(
    before: dict[str, float], now: dict[str, float], now_same_facts: dict[str, float]
) -> str:
    """Instructions per consultation, before and now (:func:`instructions`)."""
    same = now_same_facts
    header = ("", "before", "now", "now/before", "now, before's facts", "now/before")
    lines = [
        "consult instructions per consultation (callgrind, the same on every run):",
        "  {:10}{:>11}{:>11}{:>12}{:>21}{:>12}".format(*header),
    ]
    lines.extend(
        f"  {scope:10}{before[scope] / 1e6:9.3f} M{now[scope] / 1e6:9.3f} M"
        f"{now[scope] / before[scope]:12.2f}{same[scope] / 1e6:19.3f} M"
        f"{same[scope] / before[scope]:12.2f}"
        for scope in before
    )
    return "\n".join(lines)


class TurnFailed(Exception):
    """A turn's interpreter failed (its error output is the message)."""


#: Rounds of turns per size (see :func:`turns`).
TURNS = {"full": 5, "quick": 3, "smoke": 1}

#: Consult p50 (ms) of the ``expert`` and suite in the working directory, on its own inputs:
#: a device, needs, both (as the suite's latency) and every input stated.
_TURN = """
import json, random, sys
from benchmarks.inputs import stated_facts
from benchmarks.suite import SIZES, _consultations, _one_core, latency
from expert import Expert
size, seed = SIZES[sys.argv[1]], int(sys.argv[2])
_one_core()
expert = Expert(cache_size=0)
figures = {scope: run["p50_ms"] for scope, run in latency(expert, size, seed).items()}
rng = random.Random(seed)
every = [stated_facts(rng, None) for _ in range(size.latency)]
figures["all facts"] = _consultations(expert, every)["p50_ms"]
print(json.dumps(figures))
"""


def _turn(tree: Path, env: dict[str, str], size: str, seed: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _TURN, size, str(seed)],
        cwd=tree, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode:
        raise TurnFailed(f"a turn in {tree} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def turns(
    tree: Path, env: dict[str, str], size: str, seed: int, vocabulary: str
) -> dict[str, Any]:
    """Consult p50 before and now, measured in turns: each round measures the baseline
    ``tree`` on its own inputs, now on all of today's inputs, and now on the baseline's
    inputs and values only (the very facts "before" was given), each in a fresh interpreter.

    A shared machine's load drifts over a run; measured one after the other, before and now
    would each get a different share of it. Taking turns, round after round, gives both the
    same conditions; the median of the rounds is reported.
    """
    now = {key: value for key, value in os.environ.items() if key != "EXPERT_BENCH_VOCABULARY"}
    same = {**now, "EXPERT_BENCH_VOCABULARY": vocabulary}
    rounds: dict[str, list[dict[str, float]]] = {"before": [], "now": [], "now_same_facts": []}
    for _ in range(TURNS[size]):
        rounds["before"].append(_turn(tree, env, size, seed))
        rounds["now"].append(_turn(HERE.parent, now, size, seed))
        rounds["now_same_facts"].append(_turn(HERE.parent, same, size, seed))
    median = {
        kind: {scope: statistics.median(run[scope] for run in runs) for scope in runs[0]}
        for kind, runs in rounds.items()
    }
    return {"rounds": rounds, "median": median}


#: Prints the input vocabulary of the ``expert`` importable from the working directory,
#: whichever its age: ``expert.facts.input_specs`` of old, then ``expert.facts.bundled_inputs``,
#: the headphones package's now.
_VOCABULARY = """
import json
try:
    from expert.headphones import bundled_inputs as input_specs
except ImportError:
    try:
        from expert.facts import input_specs
    except ImportError:
        from expert.facts import bundled_inputs as input_specs
specs = input_specs()
print(json.dumps({name: list(spec.values) for name, spec in specs.items()}))
"""


def turns_table(turned: dict[str, Any]) -> str:
    """Consult p50 before and now, measured in turns (:func:`turns`): now on all of today's
    inputs, and now on the very facts "before" was given (what the new rules cost)."""
    median = turned["median"]
    before, now, same = median["before"], median["now"], median["now_same_facts"]
    rounds = len(turned["rounds"]["before"])
    plural = "s" if rounds > 1 else ""
    header = ("", "before", "now", "now/before", "now, before's facts", "now/before")
    lines = [
        f"consult p50, before and now taking turns (median of {rounds} round{plural}):",
        "  {:10}{:>11}{:>11}{:>12}{:>21}{:>12}".format(*header),
    ]
    lines.extend(
        f"  {scope:10}{before[scope]:8.3f} ms{now[scope]:8.3f} ms"
        f"{now[scope] / before[scope]:12.2f}{same[scope]:18.3f} ms"
        f"{same[scope] / before[scope]:12.2f}"
        for scope in before
    )
    return "\n".join(lines)


def check_table(figures: dict[str, Any]) -> str:
    """The `expert check` figures: load and check time per synthetic base size."""
    lines = ["expert check (no engine): rules, load, check, problems found"]
    for count, run in figures.items():
        lines.append(
            f"  {int(count):>7,} rules  load {run['load_ms'] / 1000:7.3f} s  "
            f"check {run['check_ms'] / 1000:7.3f} s  {run['problems']:,} problems"
        )
    return "\n".join(lines)


def grown_table(engines: dict[str, Any], base: dict[str, Any]) -> str:
    """The grown bases: engine-free figures (load with the rules in one file, one per file,
    and with the parsed files cached; compile; check), then build and consult p50 per
    engine, and the ratio of each figure per rule to that of the smallest base."""
    counts = [count for count in base if count.isdigit()]
    names = list(engines)
    header = ["generated rules", "load", "load, 1 per file", "load, cached", "compile", "check"]
    header += [f"build {name}" for name in names] + [f"consult p50 {name}" for name in names]
    if len(names) == 2:
        header.append(f"p50 {names[0]}/{names[1]}")
    rows = [header]
    for count in counts:
        run = base[count]
        row = [f"{int(count):,} ({run['rules']:,} in all)"]
        keys = ("load_ms", "load_per_file_ms", "load_cached_ms", "compile_ms", "check_ms")
        row += [f"{run[key] / 1000:.2f} s" for key in keys]
        row += [f"{engines[name]['grown'][count]['build_ms'] / 1000:.2f} s" for name in names]
        row += [f"{engines[name]['grown'][count]['p50_ms']:.2f} ms" for name in names]
        if len(names) == 2:
            first, second = (engines[name]["grown"][count]["p50_ms"] for name in names)
            row.append(f"{first / second:.2f}")
        rows.append(row)
    # Per rule, against the smallest base: linear growth keeps these near 1.
    first = base[counts[0]]
    per_rule = ["per rule vs the first"]
    for count in counts[1:]:
        scale = base[count]["rules"] / first["rules"]
        parts = [
            f"{key.removesuffix('_ms')} {base[count][key] / first[key] / scale:.2f}"
            for key in ("load_ms", "load_per_file_ms", "compile_ms", "check_ms")
        ] + [
            f"build {name} "
            f"{engines[name]['grown'][count]['build_ms'] / engines[name]['grown'][counts[0]]['build_ms'] / scale:.2f}"
            for name in names
        ]
        per_rule.append(f"  {int(count):,}: " + ", ".join(parts))
    widths = [max(len(line[i]) for line in rows) for i in range(len(header))]
    lines = [
        (
            "grown bases (the bundled base plus rules over one amount and one choice, one "
            f"file; check's process peaked at {base['ru_maxrss_mb']:,.0f} MB):"
        )
    ]
    lines += [
        "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                         enumerate(zip(line, widths, strict=True)))
        for line in rows
    ]  # fmt: skip
    return "\n".join(lines + per_rule)


def _get(figures: dict[str, Any], path: Sequence[str]) -> float:
    for key in path:
        figures = figures[key]
    return figures  # type: ignore[return-value]


def _rows(engines: dict[str, Any]) -> Iterator[tuple[str, tuple[str, ...], str]]:
    yield from ROWS
    first = next(iter(engines.values()))
    for count in first["scaling"]["rules"]:
        yield (f"{count} rules: build", ("scaling", "rules", count, "build_ms"), "ms")
        yield (f"{count} rules: consult p50", ("scaling", "rules", count, "p50_ms"), "ms")
    for count in first["scaling"]["facts"]:
        yield (f"{count} facts: consult p50", ("scaling", "facts", count, "p50_ms"), "ms")


def ratios(engines: dict[str, Any]) -> dict[str, float]:
    """clips / experta for every figure (below 1: CLIPS takes less time or memory)."""
    experta, clips = engines["experta"], engines["clips"]
    return {
        ".".join(path): round(_get(clips, path) / _get(experta, path), 4)
        for _, path, _ in _rows(engines)
    }


def _cell(figures: dict[str, Any], path: Sequence[str], unit: str) -> str:
    try:
        return f"{_get(figures, path):,.3f} {unit}"
    except (KeyError, TypeError):
        return "-"  # not measured by that revision's suite


def table(
    engines: dict[str, Any],
    ratio: dict[str, float] | None,
    baseline: tuple[str, dict[str, Any]] | None = None,
) -> str:
    """The figures as an aligned text table: the baseline revision's experta ("before"),
    one column per engine now, the ratio of experta now to before, and clips/experta."""
    names = list(engines)
    header = ["figure"]
    if baseline:
        header.append(f"experta @ {baseline[0]} (before)")
    header += [f"{name} (now)" if baseline else name for name in names]
    if baseline and "experta" in engines:
        header.append("now/before")
    if ratio:
        header.append("clips/experta")
    lines = [header]
    for label, path, unit in _rows(engines):
        row = [label]
        if baseline:
            row.append(_cell(baseline[1], path, unit))
        row += [_cell(engines[name], path, unit) for name in names]
        if baseline and "experta" in engines:
            try:
                row.append(f"{_get(engines['experta'], path) / _get(baseline[1], path):.2f}")
            except (KeyError, TypeError, ZeroDivisionError):
                row.append("-")
        if ratio:
            row.append(f"{ratio['.'.join(path)]:.3f}")
        lines.append(row)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table, save the JSON; return the exit code."""
    args = _parser().parse_args(argv)
    size = args.size or ("quick" if args.quick else "full")
    engines = {engine: _measure(engine, size, args.seed) for engine in _engines(args.engine)}
    ratio = ratios(engines) if len(engines) == 2 else None
    before = None
    if args.baseline.lower() != "none":
        if args.instructions and not shutil.which("valgrind"):
            print("benchmarks: --instructions needs valgrind on PATH", file=sys.stderr)
        counting = args.instructions and bool(shutil.which("valgrind"))
        figures = _measure_baseline(args.baseline, size, args.seed, counting)
        before = (args.baseline, figures) if figures else None
    print(table(engines, ratio, before))
    if before and "turns" in before[1]:
        print(
            "now/before above: one run of each suite, one after the other (a shared "
            "machine's load drifts between them); the consult figures below take turns."
        )
        print(turns_table(before[1]["turns"]))
    if before and "instructions" in before[1]:
        print(instructions_table(**before[1]["instructions"]))
    checks = _measure("experta", size, args.seed, "--check")
    print(check_table(checks))
    grown = _measure("experta", size, args.seed, "--grown")
    print(grown_table(engines, grown))
    from expert import __version__

    report = {
        "meta": {
            "size": size,
            "seed": args.seed,
            "expert": __version__,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        },
        "engines": engines,
        "ratio": ratio,
        "baseline": {"revision": before[0], "experta": before[1]} if before else None,
        "check": checks,
        "grown": grown,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
