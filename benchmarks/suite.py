"""The measurements of one engine, run in a fresh process: ``python -m benchmarks.suite``.

Each engine is measured in its own process so that its memory figures and caches are its own;
cold figures (import, loading, compiling, building the engine) each take yet another fresh
interpreter. The process prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from expert import Expert
from expert.headphones.facts import Device, Needs
from expert.kb.check import check
from expert.kb.load import load

from .inputs import SCOPES, random_facts, stated_facts
from .synthetic import write_grown, write_synthetic

__all__ = ["GROWN", "SIZES", "Size", "measure"]


@attrs.frozen
class Size:
    """How many times each measurement runs."""

    latency: int  # consultations per scenario (device, needs, both)
    explain: int  # explanations of each kind
    batch: int  # consultations in the throughput batch
    traced: int  # consultations of the batch rerun under tracemalloc (it slows Python ~5x)
    scaling_rules: tuple[int, ...]  # sizes of the synthetic knowledge bases
    scaling_samples: int  # consultations per synthetic base and per number of facts
    cold_repeats: int  # fresh interpreters for the import/load/build figures (median)
    warmup: int  # consultations before any timing
    check_rules: tuple[int, ...]  # sizes of the synthetic bases `expert check` verifies
    grown_rules: tuple[int, ...] = ()  # generated rules added to the bundled base


#: The grown bases of the full run: the sizes the issue on growing bases asks about.
GROWN = (5000, 20_000, 50_000)

SIZES = {
    "full": Size(
        1000, 300, 10_000, 1000, (100, 1000, 5000), 200, 5, 50, (1000, 5000, 10_000), GROWN
    ),
    "quick": Size(
        200, 100, 1000, 200, (100, 1000, 5000), 50, 3, 20, (1000, 5000, 10_000), (1000, 5000)
    ),
    "smoke": Size(5, 3, 20, 5, (50, 100), 3, 1, 2, (50, 100), (50, 100)),
}

_COLD = """
import json, sys, time
t0 = time.perf_counter()
import expert
t1 = time.perf_counter()
from expert.inference.compiler import compile_base
from expert.api.expert import RUN_LIMIT, runner_class
from expert.kb.load import load
knowledge = load()
t2 = time.perf_counter()
compiled = compile_base(knowledge)
t3 = time.perf_counter()
runner = runner_class(sys.argv[1])  # the engine's own module is imported before timing
t4 = time.perf_counter()
runner(compiled, RUN_LIMIT)
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "compile": t3 - t2, "build": t5 - t4}))
"""


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 4)


def _percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..1)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _timings(calls: Sequence[Callable[[], Any]]) -> dict[str, float]:
    samples = []
    for call in calls:
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return {
        "p50_ms": _ms(_percentile(samples, 0.5)),
        "p99_ms": _ms(_percentile(samples, 0.99)),
        "mean_ms": _ms(statistics.fmean(samples)),
        "samples": len(samples),
    }


def _consultations(expert: Expert, inputs: list[tuple[Device, Needs]]) -> dict[str, float]:
    return _timings([lambda d=d, n=n: expert.consult(d, n) for d, n in inputs])


def cold(engine: str, repeats: int) -> dict[str, float]:
    """Import, load, compile and engine-build times, each the median of fresh interpreters."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", _COLD, engine], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout))
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return {
        "import_ms": _ms(median["import"]),
        "load_ms": _ms(median["load"]),
        "compile_ms": _ms(median["compile"]),
        "load_compile_ms": _ms(median["load"] + median["compile"]),
        "engine_build_ms": _ms(median["build"]),
        "import_load_compile_ms": _ms(median["import"] + median["load"] + median["compile"]),
    }


def latency(expert: Expert, size: Size, seed: int) -> dict[str, Any]:
    """Warm single-consultation latency for a device, for needs and for both."""
    rng = random.Random(seed)
    warm = [random_facts(rng) for _ in range(size.warmup)]
    _consultations(expert, warm)
    return {
        scope: _consultations(expert, [random_facts(rng, scope) for _ in range(size.latency)])
        for scope in SCOPES
    }


def explanation(expert: Expert, size: Size, seed: int) -> dict[str, Any]:
    """Latency of ``how``, ``why_not`` and ``how_to`` (the model and its text) on varied
    results."""
    rng = random.Random(seed)
    results = []
    while len(results) < size.explain:
        result = expert.consult(*random_facts(rng))
        if result.verdicts:
            results.append(result)
    knowledge = expert.knowledge
    concluded = knowledge.verdict_attributes()
    hows, why_nots = [], []
    for result in results:
        attribute = rng.choice(result.verdicts).attribute
        hows.append(lambda r=result, a=attribute: r.how(a).to_text())
        asked = knowledge.attributes[rng.choice(concluded)]
        value = rng.choice(asked.values)
        why_nots.append(lambda r=result, a=asked.name, v=value: r.why_not(a, v).to_text())
    how_tos = []
    for result in results[: max(3, len(results) // 4)]:
        asked = knowledge.attributes[rng.choice(concluded)]
        value = rng.choice(asked.values)
        how_tos.append(lambda r=result, a=asked.name, v=value: r.how_to(a, v).to_text())
    return {"how": _timings(hows), "why_not": _timings(why_nots), "how_to": _timings(how_tos)}


def asking(expert: Expert, size: Size, seed: int) -> dict[str, Any]:
    """Latency of a question typed in words (``Expert.ask``: reading it, consulting,
    answering), after the reader is built; and the reader's build time."""
    from expert.model.words import statement

    rng = random.Random(seed)
    knowledge = expert.knowledge
    examples = knowledge.phrasing.examples() or ("what should I get?",)
    start = time.perf_counter()
    expert.read("a first question builds the reader")
    build = time.perf_counter() - start
    questions = []
    for _ in range(size.latency):
        device, needs = random_facts(rng)
        facts = {**_named(device, "device"), **_named(needs, "needs")}
        questions.append(f"{statement(knowledge, facts)}: {rng.choice(examples)}")
    return {**_timings([lambda q=q: expert.ask(q) for q in questions]), "reader_ms": _ms(build)}


def _named(facts: Device | Needs, group: str) -> dict[str, Any]:
    """The stated facts of a Device or Needs by full name."""
    fields = attrs.asdict(facts, recurse=False)
    return {f"{group}.{name}": value for name, value in fields.items() if value is not None}


def batch(expert: Expert, size: Size, seed: int) -> dict[str, Any]:
    """Throughput of varied consultations on one core, then memory under tracemalloc."""
    rng = random.Random(seed)
    inputs = [random_facts(rng, rng.choice(SCOPES)) for _ in range(size.batch)]
    start, cpu = time.perf_counter(), time.process_time()
    for device, needs in inputs:
        expert.consult(device, needs)
    seconds = time.perf_counter() - start
    # CPU time too: on a shared machine the wall time also counts waiting for the core.
    cpu_seconds = time.process_time() - cpu
    tracemalloc.start()
    tracemalloc.reset_peak()
    for device, needs in inputs[: size.traced]:
        expert.consult(device, needs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "consultations": size.batch,
        "seconds": round(seconds, 4),
        "per_second": round(size.batch / seconds, 2),
        "cpu_seconds": round(cpu_seconds, 4),
        "tracemalloc_peak_mb": round(peak / 2**20, 3),
        "traced_consultations": min(size.traced, size.batch),
    }


def scaling(engine: str, size: Size, seed: int) -> dict[str, Any]:
    """Build time and consultation time on synthetic bases and with 1, 5 or all facts."""
    rules: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="expert-bench-") as tmp:
        for count in size.scaling_rules:
            directory = write_synthetic(Path(tmp) / f"rules-{count}", count, seed)
            start = time.perf_counter()
            expert = Expert(directory, engine=engine, cache_size=0)
            expert.consult(Device())  # builds this thread's engine
            built = time.perf_counter() - start
            rng = random.Random(seed)
            inputs = [random_facts(rng) for _ in range(size.scaling_samples)]
            rules[str(count)] = {"build_ms": _ms(built), **_consultations(expert, inputs)}
    expert = Expert(engine=engine, cache_size=0)
    rng = random.Random(seed)
    _consultations(expert, [random_facts(rng) for _ in range(size.warmup)])
    facts = {
        "1" if count == 1 else "5" if count == 5 else "all": _consultations(
            expert, [stated_facts(rng, count) for _ in range(size.scaling_samples)]
        )
        for count in (1, 5, None)
    }
    return {"rules": rules, "facts": facts}


def grown(engine: str, size: Size, seed: int) -> dict[str, Any]:
    """Build (load, compile, engine) and consultation times on the bundled base grown by
    generated rules over one amount and one choice (:func:`write_grown`)."""
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="expert-bench-") as tmp:
        for count in size.grown_rules:
            directory = write_grown(Path(tmp) / f"grown-{count}", count)
            _forget()
            start = time.perf_counter()
            expert = Expert(directory, engine=engine, cache_size=0)
            expert.consult(Device())  # builds this thread's engine
            built = time.perf_counter() - start
            rng = random.Random(seed)
            inputs = [random_facts(rng) for _ in range(size.scaling_samples)]
            _consultations(expert, inputs[: size.warmup])
            figures[str(count)] = {"build_ms": _ms(built), **_consultations(expert, inputs)}
            del expert
            _forget()
    return figures


def _forget() -> None:
    """Drop the loaded and compiled bases this process keeps, and collect: each grown base
    is measured with a heap holding only what it needs."""
    from expert.inference import compiler
    from expert.kb import load as loaded

    loaded._CACHE.clear()
    compiler._COMPILED.clear()
    gc.collect()


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def grown_check(size: Size) -> dict[str, Any]:
    """Per grown base (engine-free): load with the rules in one file and one per file,
    load again with the parsed files cached, compile, and `expert check`."""
    from expert.inference.compiler import compile_base

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="expert-bench-") as tmp:
        for count in size.grown_rules:
            one = write_grown(Path(tmp) / f"one-{count}", count)
            each = write_grown(Path(tmp) / f"each-{count}", count, per_file=1)
            _forget()
            _, load_each = _timed(lambda d=each: load(d))
            _forget()
            os.environ.pop("EXPERT_NO_CACHE")
            os.environ["EXPERT_CACHE_DIR"] = str(Path(tmp) / "cache")
            load(one)  # parses, and caches the parsed file
            _forget()
            _, load_cached = _timed(lambda d=one: load(d))
            os.environ["EXPERT_NO_CACHE"] = "1"
            _forget()
            knowledge, load_one = _timed(lambda d=one: load(d))
            _, compiled = _timed(lambda k=knowledge: compile_base(k))
            _forget()
            report, checked = _timed(lambda k=knowledge: check(k))
            figures[str(count)] = {
                "rules": len(knowledge.rules),
                "load_ms": _ms(load_one),
                "load_per_file_ms": _ms(load_each),
                "load_cached_ms": _ms(load_cached),
                "compile_ms": _ms(compiled),
                "check_ms": _ms(checked),
                "problems": len(report.problems),
            }
            del knowledge, report
    figures["ru_maxrss_mb"] = _maxrss_mb()
    return figures


def _maxrss_mb() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(maxrss / (2**20 if sys.platform == "darwin" else 2**10), 2)


def check_scaling(size: Size, seed: int) -> dict[str, Any]:
    """Load and check times of synthetic bases (the static checks do not use an engine)."""
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="expert-bench-") as tmp:
        for count in size.check_rules:
            directory = write_synthetic(Path(tmp) / f"rules-{count}", count, seed)
            start = time.perf_counter()
            knowledge = load(directory)
            loaded = time.perf_counter()
            report = check(knowledge)
            checked = time.perf_counter()
            figures[str(count)] = {
                "load_ms": _ms(loaded - start),
                "check_ms": _ms(checked - loaded),
                "problems": len(report.problems),
            }
    return figures


def _one_core() -> None:
    """Pin this process to one CPU where the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except OSError:  # a sandbox may forbid it: the batch still runs in one thread
            pass


def measure(engine: str, size: Size, seed: int) -> dict[str, Any]:
    """Every figure of one engine."""
    _one_core()
    figures: dict[str, Any] = {"cold": cold(engine, size.cold_repeats)}
    expert = Expert(engine=engine, cache_size=0)
    figures["latency"] = latency(expert, size, seed)
    figures["explanation"] = explanation(expert, size, seed + 1)
    if hasattr(expert, "ask"):
        figures["ask"] = asking(expert, size, seed + 4)
    figures["batch"] = batch(expert, size, seed + 2)
    figures["scaling"] = scaling(engine, size, seed + 3)
    figures["batch"]["ru_maxrss_mb"] = _maxrss_mb()
    figures["grown"] = grown(engine, size, seed + 5)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Measure one engine and print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.suite")
    parser.add_argument("--engine", default="experta")
    parser.add_argument("--size", choices=SIZES, default="full")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--check", action="store_true", help="only the `expert check` figures")
    parser.add_argument(
        "--grown", action="store_true", help="only the engine-free figures of grown bases"
    )
    args = parser.parse_args(argv)
    # Parsed rule files are cached only where a measurement asks for it (never in the
    # user's cache directory: every base here is temporary).
    os.environ["EXPERT_NO_CACHE"] = "1"
    if args.check:
        _one_core()
        print(json.dumps(check_scaling(SIZES[args.size], args.seed)))
        return 0
    if args.grown:
        _one_core()
        print(json.dumps(grown_check(SIZES[args.size])))
        return 0
    print(json.dumps(measure(args.engine, SIZES[args.size], args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
