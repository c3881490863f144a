"""Synthetic knowledge bases of any size, for the scaling benchmarks.

A synthetic base copies the bundled ``sources.toml``, ``vocabulary.toml`` and ``articles/``
(as ``tests/support.py`` does) and adds rules with random conditions on the input facts; about
one rule in ten also tests a concluded attribute, so rules chain. Every quote is a verbatim span
of the cited article, so the base loads and passes the quote check like a real one.
"""

from __future__ import annotations

import json
import random
import shutil
import tomllib
from pathlib import Path
from typing import Any

from expert.headphones.facts import bundled_inputs
from expert.kb.load import bundled_path, load
from expert.model.vocabulary import Attribute
from expert.model.vocabulary import Attribute as InputAttribute

__all__ = ["RULES_PER_FILE", "write_grown", "write_synthetic"]

#: Rules per topic file; a base of n rules has ceil(n / RULES_PER_FILE) files.
RULES_PER_FILE = 500

_HEDGES = ("definite", "usually", "often", "can")
_THRESHOLDS = (20, 50, 80, 100, 150, 200, 300)
_CHAINED = 0.1  # share of rules that also test a concluded attribute


def _toml(value: Any) -> str:
    """A TOML literal for a rule value: strings, booleans, numbers and lists of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    # A JSON string without \u escapes of non-ASCII text is a valid TOML basic string.
    return json.dumps(str(value), ensure_ascii=False)


def _input_condition(rng: random.Random, spec: InputAttribute) -> str:
    """The right-hand side of ``when.<attribute> = ...`` for one input fact."""
    if rng.random() < 0.05:
        return rng.choice(("{ present = true }", "{ absent = true }"))
    if spec.kind == "flag":
        return _toml(rng.random() < 0.7)
    if spec.kind == "amount":
        op = rng.choice(("lt", "le", "gt", "ge"))
        return f"{{ {op} = {rng.choice(_THRESHOLDS)} }}"
    op = rng.choice(
        ("equals", "equals", "one_of", "not") + (("contains",) if spec.kind == "set" else ())
    )
    if op == "equals":
        return _toml(rng.choice(spec.values))
    values = rng.sample(spec.values, min(len(spec.values), rng.randint(1, 3)))
    return f"{{ {op} = {_toml(values)} }}"


def _quotes(texts: dict[str, str]) -> dict[str, list[str]]:
    """Candidate quotes per source: spans of eight words of the article."""
    spans: dict[str, list[str]] = {}
    for key, text in texts.items():
        words = [word for word in text.split() if word.isprintable()]
        spans[key] = [" ".join(words[i : i + 8]) for i in range(0, max(len(words) - 8, 1), 5)]
    return {key: found for key, found in spans.items() if found}


def _rule(
    rng: random.Random,
    rule_id: str,
    concluded: list[Attribute],
    quotes: dict[str, list[str]],
) -> str:
    specs = list(bundled_inputs().values())
    chosen = rng.sample(specs, rng.randint(1, 3))
    lines = ["[[rules]]", f"id = {_toml(rule_id)}"]
    lines += [f"when.{spec.name} = {_input_condition(rng, spec)}" for spec in chosen]
    # Chained rules test an attribute earlier in `concluded` than the one they conclude,
    # so the attributes never form a cycle.
    if rng.random() < _CHAINED:
        position = rng.randrange(len(concluded) - 1)
        tested = concluded[position]
        lines.append(f"when.{tested.name} = {_toml(rng.choice(tested.values))}")
        target = concluded[rng.randrange(position + 1, len(concluded))]
    else:
        target = rng.choice(concluded)
    lines.append(f"then.{target.name} = {_toml(rng.choice(target.values))}")
    lines.append(f"hedge = {_toml(rng.choice(_HEDGES))}")
    source = rng.choice(sorted(quotes))
    lines.append(f"source = {_toml(source)}")
    lines.append(f"quote = {_toml(rng.choice(quotes[source]))}")
    return "\n".join(lines)


def write_synthetic(directory: Path, rules: int, seed: int = 0) -> Path:
    """Write a knowledge base of ``rules`` random rules into ``directory`` and return it."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    bundled = bundled_path()
    for name in ("sources.toml", "vocabulary.toml"):
        shutil.copy(bundled / name, directory / name)
    shutil.copytree(bundled / "articles", directory / "articles", dirs_exist_ok=True)
    knowledge = load(bundled)
    # Only vocabulary.toml is copied: attributes a topic file declares are left out.
    with (bundled / "vocabulary.toml").open("rb") as handle:
        vocabulary = tomllib.load(handle)
    vocabulary.pop("groups", None)  # words for the groups of facts, not attributes
    concluded = [
        knowledge.attributes[name] for name in vocabulary if not knowledge.attributes[name].input
    ]
    quotes = _quotes({key: source.text for key, source in knowledge.sources.items()})
    for start in range(0, rules, RULES_PER_FILE):
        topic = f"synthetic{start // RULES_PER_FILE}"
        body = [
            f'summary = "Synthetic rules {start} to {min(start + RULES_PER_FILE, rules) - 1}."'
        ]
        body += [
            _rule(rng, f"{topic}.rule-{number}", concluded, quotes)
            for number in range(start, min(start + RULES_PER_FILE, rules))
        ]
        (directory / f"{topic}.toml").write_text("\n\n".join(body) + "\n", encoding="utf-8")
    return directory


#: Generated rules of :func:`write_grown`: one amount and one choice, one conclusion.
_GROWN_PRICE = "when.device.price = {{ gt = {low}, le = {high} }}"
_GROWN_MIC = "when.device.mic = {mic}\nwhen.device.price = {{ ge = {low} }}"


def write_grown(
    directory: Path, rules: int, per_file: int | None = None, modulus: int = 997
) -> Path:
    """Write the bundled base plus ``rules`` generated rules into ``directory``.

    These are the bases of the issue on growing bases: rule ``i`` tests the price between
    ``i % modulus`` and ``i % modulus + 3``, or (every other rule) a microphone and a price
    of at least ``i % modulus``, and all conclude one value, so that many rules are equal.
    ``per_file`` rules go in each file (default: all in one file).
    """
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(bundled_path(), directory, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))  # fmt: skip
    knowledge = load(bundled_path())
    model = next(rule for rule in knowledge.rules if rule.concluded() == {"device.build_quality"})
    mics = knowledge.attributes["device.mic"].values
    per_file = per_file or max(rules, 1)
    for start in range(0, rules, per_file):
        body = [f'summary = "Generated rules {start} to {min(start + per_file, rules) - 1}."']
        for i in range(start, min(start + per_file, rules)):
            low = i % modulus
            when = (
                _GROWN_PRICE.format(low=low, high=low + 3)
                if i % 2 == 0
                else _GROWN_MIC.format(mic=_toml(mics[i % len(mics)]), low=low)
            )
            body.append(
                f'[[rules]]\nid = "grown{start // per_file}.rule-{i}"\n{when}\n'
                f'then.device.build_quality = "high"\nhedge = "usually"\n'
                f"source = {_toml(model.source)}\nquote = {_toml(model.quote)}"
            )
        name = f"grown{start // per_file}.toml"
        (directory / name).write_text("\n\n".join(body) + "\n", encoding="utf-8")
    return directory
