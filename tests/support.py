"""Test support shared by all test modules: small knowledge bases and assertions."""

from __future__ import annotations

import ast
import os
import re
import shutil
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from expert.kb.load import bundled_path

#: A small base that exercises chaining, combination, conflicts and negative evidence.
TINY_RULES = """
summary = "A small base for tests."

[[rules]]
id = "tiny.boom-headset"
when.device.mic = "boom"
then.device.kind = "headset"
hedge = "definite"
source = "kania"
quote = "come with an attached boom microphone"

[[rules]]
id = "tiny.inline-headphones"
when.device.mic = "inline"
then.device.kind = "headphones"
hedge = "usually"
source = "kania"
quote = "You can find certain styles of headphones with built-in microphones"

[[rules]]
id = "tiny.mic-headset"
when.device.mic = { one_of = ["inline", "builtin"] }
then.device.kind = "headset"
hedge = "often"
source = "digimigia"
quote = "devices that include a microphone are called headsets"

[[rules]]
id = "tiny.mic-hybrid"
when.device.mic = { not = "none" }
then.device.io = "hybrid"
hedge = "definite"
source = "digimigia"
quote = "If you have a microphone in your headphones, those headphones work both as an input and an output."

[[rules]]
id = "tiny.headset-mic-good"
when.device.kind = "headset"
then.device.mic_quality = "good"
hedge = "usually"
source = "kania"
quote = "headsets have great microphone quality"

[[rules]]
id = "tiny.inline-mic-poor"
when.device.mic = "inline"
then.device.mic_quality = "poor"
hedge = "definite"
source = "kania"
quote = "these mics leave much to be desired regarding sound quality"

[[rules]]
id = "tiny.good-mic-for-calls"
when.device.mic_quality = "good"
then.device.suited_for = "calls"
hedge = "often"
source = "difference-between"
quote = "Headsets are commonly used for voice calls, gaming, video conferencing"

[[rules]]
id = "tiny.gaming-headset"
when.needs.uses = { one_of = ["gaming", "online-gaming"] }
then.recommendation.kind = "headset"
hedge = "often"
source = "difference-wiki"
quote = "Commonly used in gaming for interactive communication."

[[rules]]
id = "tiny.online-gaming-headset"
when.needs.uses = "online-gaming"
then.recommendation.kind = "headset"
hedge = "can"
source = "difference-wiki"
quote = "A headset is recommended for interactive communication in online gaming."

[[rules]]
id = "tiny.cheap-not-premium"
when.needs.budget = { lt = 50 }
then.recommendation.tier = "premium"
certainty = -0.6
source = "kania"
quote = "You can find cheap ones for short-term usage"

[[rules]]
id = "tiny.no-kind-output"
when.device.kind = { absent = true }
when.device.mic = "none"
then.device.io = "output"
hedge = "definite"
source = "digimigia"
quote = "headphones that don't have a microphone are only output devices"
"""


def rule_toml(
    rule_id: str,
    when: str,
    then: str,
    *,
    source: str = "kania",
    quote: str = "come with an attached boom microphone",
    hedge: str = "definite",
) -> str:
    """One rule as TOML text; ``when``/``then`` are its condition and conclusion lines."""
    return (
        f'[[rules]]\nid = "{rule_id}"\n{when}\n{then}\nhedge = "{hedge}"\n'
        f'source = "{source}"\nquote = "{quote}"\n\n'
    )


def write_base(directory: Path, topics: dict[str, str]) -> Path:
    """Write a knowledge base: the bundled sources, vocabulary and articles plus ``topics``."""
    directory.mkdir(parents=True, exist_ok=True)
    bundled = bundled_path()
    for name in ("sources.toml", "vocabulary.toml"):
        shutil.copy(bundled / name, directory / name)
    shutil.copytree(bundled / "articles", directory / "articles", dirs_exist_ok=True)
    for topic, text in topics.items():
        (directory / f"{topic}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


def assert_concludes(result, rule_id: str, attribute: str, value) -> None:
    """Assert that ``rule_id`` fired, concluded ``attribute = value`` and is cited for it."""
    fired = [firing for firing in result.firings if firing.rule == rule_id]
    assert fired, f"{rule_id} did not fire; fired: {sorted(result.fired_rules)}"
    assert any((attribute, value) in firing.conclusions for firing in fired), (
        f"{rule_id} fired but concluded {[f.conclusions for f in fired]}"
    )
    support = result.support(attribute, value)
    assert any(firing.rule == rule_id and firing.quote for firing in support), (
        f"{rule_id} is not among the reasons for {attribute} = {value}"
    )


def lines(shell, *commands: str) -> str:
    """Run shell commands in order and return everything they printed."""
    return "".join(shell.execute(command) for command in commands)


def errors(output: str) -> list[str]:
    """The error lines of some output."""
    return [line for line in output.splitlines() if line.startswith("error:")]


def rule_case_tests(topic: str, cases: list[tuple[str, dict, str, object]]) -> tuple:
    """The two tests every topic's case list gets: each rule fires, every rule has a case.

    Use as ``test_rule_fires, test_every_rule_has_a_case = rule_case_tests("sound", CASES)``;
    a case is ``(rule id, facts for consult(), attribute, value)``.
    """
    import pytest

    @pytest.mark.parametrize(
        ("rule_id", "facts", "attribute", "value"), cases, ids=[case[0] for case in cases]
    )
    def test_rule_fires(expert, rule_id, facts, attribute, value):
        """Each rule fires on facts that meet its conditions and is cited for its conclusion."""
        assert_concludes(expert.consult(**facts), rule_id, attribute, value)

    def test_every_rule_has_a_case(expert):
        """Every rule of the topic has at least one case."""
        ids = {rule.id for rule in expert.knowledge.by_topic()[topic]}
        missing = sorted(ids - {case[0] for case in cases})
        assert not missing, f"rules of {topic} without a case: {missing}"

    return test_rule_fires, test_every_rule_has_a_case


#: Plugins a pytest run on a small project does without: hypothesis's end-of-session summary
#: alone takes seconds, and a cache would be written into the project.
QUIET_PLUGINS = ("-p", "no:hypothesispytest", "-p", "no:cacheprovider")


def run_pytest(pytester, *args: str, subprocess: bool = False):
    """Run pytest on ``pytester``'s project (in this process, or in a subprocess)."""
    run = pytester.runpytest_subprocess if subprocess else pytester.runpytest
    return run(*QUIET_PLUGINS, *args)


#: The WINEX example: a base with hyphenated names, sets of concluded values and a table.
WINEX = Path(__file__).resolve().parent.parent / "docs" / "examples" / "winex"


def winex_base(
    directory: Path, topics: dict[str, str], files: dict[str, str] | None = None
) -> Path:
    """A base with WINEX's vocabulary, source and article, and ``topics`` as its rule files
    (``files``: other files beside them, such as a table's CSV)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("sources.toml", "vocabulary.toml", "goals.toml"):
        shutil.copy(WINEX / name, directory / name)
    shutil.copytree(WINEX / "articles", directory / "articles", dirs_exist_ok=True)
    for topic, text in topics.items():
        (directory / f"{topic}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in (files or {}).items():
        (directory / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


#: The ways a batch runs (the ``lanes`` fixture's parameters): in this process, on two
#: worker processes, on a local Dask cluster.
LANES = [
    pytest.param("serial"),
    pytest.param("workers-2"),
    pytest.param("dask", marks=pytest.mark.dask),
]


def unprivileged() -> list[str]:
    """A command prefix under which file permissions hold: empty for an ordinary user; for
    root, ``setpriv`` dropping the capabilities that override them (else the test skips)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("run as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def original_questions(example: Path, names: list[str] | tuple[str, ...]) -> dict[str, str]:
    """The questions of a ported program, by its attribute names (``names`` in the order of
    its questions), each as the restatement in ``example/articles`` quotes it
    (``It asks: "..."``); checked against the first words its recorder knew CLIPS's own
    question by (``ASKS`` in ``record_clips_answers.py``, read as data, not run)."""
    (article,) = (example / "articles").glob("*.txt")
    quoted = re.findall(r'^It asks: "([^"]+)"', article.read_text(encoding="utf-8"), re.M)
    questions = dict(zip(names, quoted, strict=True))
    tree = ast.parse((example / "record_clips_answers.py").read_text(encoding="utf-8"))
    (asks,) = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["ASKS"]
    ]
    for start, name in ast.literal_eval(asks).items():
        assert questions[name].startswith(start), (name, questions[name], start)
    return questions


def guided(guide: Any, answers: Mapping[str, Any], most: int) -> list[Any]:
    """Drive ``guide`` (an :class:`~expert.reasoning.guide.Guide`), answering each question
    from ``answers``; the questions put, in order. A question ``answers`` lacks, one asked
    twice, or more than ``most`` questions fail the test."""
    put: list[Any] = []
    for _ in range(most + 1):
        question = guide.next_question()
        if question is None:
            return put
        name = question.name
        assert name in answers, f"asked {name}, which the original does not ask"
        assert name not in [asked.name for asked in put], f"asked {name} twice"
        put.append(question)
        guide.answer(answers[name])
    pytest.fail("the guide kept asking")
