"""The :class:`Expert`: consultations on an inference engine, turned into explained results."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._paths import check_path_argument
from .compiler import compile_base
from .errors import EngineUnavailableError, FactError, InferenceError, UsageError, brief, suggest
from .facts import Device, Needs
from .knowledge import KnowledgeBase, load
from .result import Result
from .runner import ExpertaRunner, Runner
from .verdicts import build_result

__all__ = ["ENGINES", "RUN_LIMIT", "Expert", "runner_class"]

#: Default bound on rule firings per consultation.
RUN_LIMIT = 10_000

#: The largest run limit and cache size an Expert takes.
MAX_LIMIT = 1_000_000_000

#: The inference engines an :class:`Expert` can run on: experta (the default, pure Python)
#: and CLIPS (through clipspy, the ``clips`` extra). Their results are identical.
ENGINES = ("experta", "clips")


def runner_class(engine: str) -> type[Runner]:
    """The runner class of ``engine``, importing an optional engine only when asked for.

    Raises:
        UsageError: ``engine`` is not one of :data:`ENGINES`.
        EngineUnavailableError: the engine's package is not installed.
    """
    if engine == "experta":
        return ExpertaRunner
    if engine == "clips":
        try:
            from .clips import ClipsRunner
        except ModuleNotFoundError as error:
            if error.name != "clips":
                raise
            raise EngineUnavailableError(
                "the clips engine needs clipspy: pip install 'expert[clips]'", engine=engine
            ) from error
        return ClipsRunner
    raise UsageError(
        f"unknown engine {engine!r}; allowed: {', '.join(ENGINES)}",
        suggestion=suggest(engine, ENGINES),
    )


class Expert:
    """An expert on a knowledge base, ready to consult.

    One ``Expert`` compiles its rules once. It may be shared by threads: each thread gets
    its own engine (neither experta nor a CLIPS environment has locks), reused from one
    consultation to the next.
    Results of recent consultations are cached by their (immutable) facts.

    Args:
        rules: a directory of rule files; the bundled knowledge base by default.
        engine: the inference engine: one of :data:`ENGINES`.
        run_limit: the most rule firings one consultation may take.
        cache_size: how many consultations to remember (0 turns the cache off).

    Raises:
        KnowledgeBaseError: the rule files are broken.
        UsageError: an unknown engine or a bad limit.
        EngineUnavailableError: the engine's optional package is not installed.
        TypeError: ``rules`` is not a path (``str`` or ``os.PathLike``), or ``engine`` is
            not a ``str``.
    """

    def __init__(
        self,
        rules: str | Path | None = None,
        *,
        engine: str = "experta",
        run_limit: int = RUN_LIMIT,
        cache_size: int = 1024,
    ) -> None:
        check_path_argument(rules, "rules", optional=True)
        if not isinstance(engine, str):
            raise TypeError(f"engine must be a str, not {type(engine).__name__}")
        self._runner_class = runner_class(engine)
        for name, value in (("run_limit", run_limit), ("cache_size", cache_size)):
            if (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not 0 <= value <= MAX_LIMIT
            ):
                raise UsageError(
                    f"{name} must be a whole number from 0 to {MAX_LIMIT:,}, not {brief(value)}"
                )
        self.engine = engine
        self.knowledge: KnowledgeBase = load(rules)
        self.compiled = compile_base(self.knowledge)
        self.run_limit = run_limit
        self._local = threading.local()
        self._consult_cached = (
            lru_cache(maxsize=cache_size)(self._consult) if cache_size else self._consult
        )

    def consult(
        self,
        *facts: Device | Needs,
        device: Device | Mapping[str, Any] | None = None,
        needs: Needs | Mapping[str, Any] | None = None,
    ) -> Result:
        """Run the rules on the facts and return the explained verdicts.

        Args:
            facts: a :class:`Device` and/or a :class:`Needs`.
            device: a :class:`Device` or a mapping of its fields.
            needs: a :class:`Needs` or a mapping of its fields.

        Raises:
            FactError: a fact is unknown or outside the vocabulary.
            InferenceError: the rules did not settle within the run limit.
        """
        device_facts = _as_facts(Device, device, "device")
        needs_facts = _as_facts(Needs, needs, "needs")
        for fact in facts:
            if isinstance(fact, Device) and device_facts is None:
                device_facts = fact
            elif isinstance(fact, Needs) and needs_facts is None:
                needs_facts = fact
            else:
                raise FactError(
                    f"consult() takes one Device and one Needs, got {type(fact).__name__}",
                    field="consult",
                    value=fact,
                    allowed=("Device", "Needs"),
                )
        return self._consult_cached(device_facts or Device(), needs_facts or Needs())

    def consult_many(self, records: Iterable[Any]) -> Iterable[Result]:
        """Consult on each record lazily: a Device, a Needs, a (Device, Needs) pair, or a
        mapping with ``device`` and/or ``needs`` keys.

        Raises:
            TypeError: ``records`` is not iterable (at once, not at the first record).
        """
        if not isinstance(records, Iterable):
            raise TypeError(f"records must be iterable, not {type(records).__name__}")
        return self._consult_each(records)

    def _consult_each(self, records: Iterable[Any]) -> Iterator[Result]:
        for record in records:
            if isinstance(record, (Device, Needs)):
                yield self.consult(record)
            elif isinstance(record, tuple):
                yield self.consult(*record)
            elif isinstance(record, Mapping):
                yield self.consult(device=record.get("device"), needs=record.get("needs"))
            else:
                raise FactError(
                    f"cannot consult on a {type(record).__name__}; give a Device, a Needs, "
                    "a pair of them or a mapping with device/needs keys",
                    field="record",
                    value=record,
                )

    # -- inference ---------------------------------------------------------------------------

    def _runner(self) -> Runner:
        runner = getattr(self._local, "runner", None)
        if runner is None:
            runner = self._local.runner = self._runner_class(self.compiled, self.run_limit)
        return runner

    def _consult(self, device: Device, needs: Needs) -> Result:
        stated = {**device.known(), **needs.known()}
        try:
            record = self._runner().run(stated)
        except InferenceError:
            self._local.runner = None  # an engine that failed midway is not reused
            raise
        return build_result(self, stated, record)


def _as_facts(cls: Any, value: Any, name: str) -> Any:
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, Mapping):
        return cls.from_mapping(value)
    raise FactError(
        f"{name} must be a {cls.__name__} or a mapping of its facts, not {type(value).__name__}",
        field=name,
        value=value,
    )
