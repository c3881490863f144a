"""``python -m benchmarks``: measure the engines, print a table and save the figures as JSON.

Options: ``--quick`` (or ``--size quick``) for a short run, ``--size smoke`` for a handful of
runs of each measurement (the test suite uses it), ``--engine experta|clips|both`` and
``--json PATH`` (default ``benchmarks/results/latest.json``). Besides the engines' figures,
it times ``expert check`` on synthetic bases of 1,000, 5,000 and 10,000 rules.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .suite import SIZES

HERE = Path(__file__).resolve().parent
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


def _measure(engine: str, size: str, seed: int, *extra: str) -> dict[str, Any]:
    """Run the suite of one engine in a fresh interpreter (its memory figures are its own)."""
    command = [sys.executable, "-m", "benchmarks.suite", "--engine", engine, *extra]
    out = subprocess.run(
        [*command, "--size", size, "--seed", str(seed)],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"benchmarks: the {engine} suite failed:\n{out.stderr}")
    return json.loads(out.stdout)


def check_table(figures: dict[str, Any]) -> str:
    """The `expert check` figures: load and check time per synthetic base size."""
    lines = ["expert check (no engine): rules, load, check, problems found"]
    for count, run in figures.items():
        lines.append(
            f"  {int(count):>7,} rules  load {run['load_ms'] / 1000:7.3f} s  "
            f"check {run['check_ms'] / 1000:7.3f} s  {run['problems']:,} problems"
        )
    return "\n".join(lines)


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


def table(engines: dict[str, Any], ratio: dict[str, float] | None) -> str:
    """The figures as an aligned text table, one column per engine and the ratio."""
    names = list(engines)
    header = ["figure", *names] + (["clips/experta"] if ratio else [])
    lines = [header]
    for label, path, unit in _rows(engines):
        row = [label] + [f"{_get(engines[name], path):,.3f} {unit}" for name in names]
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
    print(table(engines, ratio))
    checks = _measure("experta", size, args.seed, "--check")
    print(check_table(checks))
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
        "check": checks,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
