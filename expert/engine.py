"""The :class:`Expert`: consultations on an inference engine, turned into explained results."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._paths import check_path_argument
from .compiler import compile_base
from .errors import EngineUnavailableError, FactError, InferenceError, UsageError, brief, suggest
from .knowledge import KnowledgeBase, load
from .result import Result
from .runner import ExpertaRunner, Runner
from .typed_facts import TypedFacts, group_of
from .verdicts import build_result, could_change, not_counting

if TYPE_CHECKING:  # asking and guiding load their libraries only when used
    from .guide import Guide
    from .reading import Reading

__all__ = ["ENGINES", "RUN_LIMIT", "Expert", "expert_for", "runner_class"]

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
        rules: a directory of rule files, or a loaded knowledge base; the bundled knowledge
            base by default.
        engine: the inference engine: one of :data:`ENGINES`.
        run_limit: the most rule firings one consultation may take.
        cache_size: how many consultations to remember (0 turns the cache off).

    Attributes:
        knowledge (KnowledgeBase): the knowledge base consulted: its rules, vocabulary
            (``knowledge.inputs``, the facts a user may state), sources and goals.
        engine (str): the inference engine's name, one of :data:`ENGINES`.
        compiled: the rules compiled for that engine, built once and shared by every
            thread's engine.
        run_limit (int): the most rule firings one consultation may take.

    Raises:
        KnowledgeBaseError: the rule files are broken.
        UsageError: an unknown engine or a bad limit.
        EngineUnavailableError: the engine's optional package is not installed.
        TypeError: ``rules`` is not a path (``str`` or ``os.PathLike``), or ``engine`` is
            not a ``str``.
    """

    def __init__(
        self,
        rules: str | Path | KnowledgeBase | None = None,
        *,
        engine: str = "experta",
        run_limit: int = RUN_LIMIT,
        cache_size: int = 1024,
    ) -> None:
        if not isinstance(rules, KnowledgeBase):
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
        self.knowledge: KnowledgeBase = rules if isinstance(rules, KnowledgeBase) else load(rules)
        self.compiled = compile_base(self.knowledge)
        #: The groups of the base's inputs, the keywords :meth:`consult` takes.
        self._groups = tuple(dict.fromkeys(a.group for a in self.knowledge.inputs.values()))
        self.run_limit = run_limit
        self._local = threading.local()
        self._consult_cached = (
            lru_cache(maxsize=cache_size)(self._consult) if cache_size else self._consult
        )

    def consult(
        self,
        *facts: TypedFacts | Mapping[str, object],
        **groups: TypedFacts | Mapping[str, object] | None,
    ) -> Result:
        """Run the rules on the facts and return the explained verdicts.

        Args:
            facts: a mapping of full fact names to values, for any knowledge base
                (``{"group.name": value}``), and/or typed facts, one object per group
                (:class:`~expert.typed_facts.TypedFacts`, such as the bundled base's).
            groups: by a group of the base's inputs, its typed facts or a mapping of its
                facts by short name (``group={"name": value}``); ``None`` states nothing.

        Raises:
            FactError: a fact or group is unknown to this knowledge base, given twice, or
                outside its vocabulary.
            InferenceError: the rules did not settle within the run limit.
        """
        # Pairs, not a dict: a fact in two of the arguments is refused, not overwritten.
        stated: list[tuple[str, Any]] = []
        if groups:
            known = self._groups
            for group, given in groups.items():
                if group not in known:
                    raise FactError(
                        f"consult() has no group {group!r}; allowed groups: {', '.join(known)}",
                        field="consult",
                        value=group,
                        allowed=known,
                        suggestion=suggest(group, known),
                    )
                if given is not None:
                    stated += _named(given, group)
        kinds: set[str | None] = set()  # a group's typed facts, or None for the mapping
        for fact in facts:
            typed = group_of(fact)
            if (typed is None and not isinstance(fact, Mapping)) or typed in kinds:
                got = type(fact).__name__
                if typed in kinds:
                    got = "another mapping" if typed is None else f"another {got} ({typed})"
                raise FactError(
                    "consult() takes a mapping of facts and/or typed facts, one per group, "
                    f"got {got}",
                    field="consult",
                    value=fact,
                    allowed=("mapping", "typed facts"),
                )
            kinds.add(typed)
            stated += _named(fact)
        checked = self.knowledge.state(stated)
        return self._consult_cached(tuple(sorted(checked.items(), key=_first)))

    def ask(self, text: str, facts: Mapping[str, object] | None = None) -> Result:
        """Answer a question typed in plain words (``"where should I put my fern?"``).

        The question is read with the base's words (:mod:`expert.reading`): the facts it
        states are consulted on, and the kind of question it is chooses the verdict that
        answers. The result carries the reading (``result.question``); a question the
        sources do not cover gets no answer (``result.answer.value`` is ``None``), with the
        closest questions the base does answer.

        Args:
            text: the question.
            facts: what is known already (a conversation's earlier facts, by full name);
                the question's own facts replace those of the same name.

        Raises:
            UsageError: ``text`` is empty, not a string or too long.
            FactError: ``facts`` holds an unknown fact or value, or a fact twice.
        """
        reading = self.read(text)
        known = self.knowledge.state(_named(facts)) if facts else {}
        merged = {**known, **reading.facts}
        return attrs.evolve(self.consult(merged), question=reading)

    def read(self, text: str) -> Reading:
        """How :meth:`ask` reads ``text``: the facts it states, the kind of question, the
        words not understood and the closest questions the base answers.

        Raises:
            UsageError: ``text`` is empty, not a string or too long.
        """
        reader = getattr(self._local, "reader", None)
        if reader is None:  # one a thread: the stemmer keeps state while it works
            from .reading import Reader

            reader = self._local.reader = Reader(self.knowledge)
        return reader.read(text)

    def guide(
        self, facts: Mapping[str, object] | None = None, *, skipped: Iterable[str] = ()
    ) -> Guide:
        """Start a guided consultation from ``facts``: the expert asks what could still change
        the answer, one question at a time (:class:`~expert.guide.Guide`).

        Args:
            facts: the facts known so far, by full name (``{"group.name": value}``), as
                :meth:`consult` takes them.
            skipped: full names of inputs not to ask about (skipped before).

        Raises:
            FactError: a fact is unknown to this knowledge base, given twice, or outside its
                vocabulary.
        """
        from .guide import Guide

        return Guide(self, self.knowledge.state(_named(facts or {})), set(skipped))

    def consult_many(self, records: Iterable[Any]) -> Iterable[Result]:
        """Consult on each record lazily: a mapping of full fact names, typed facts, a tuple
        of typed facts (one per group), or a mapping whose keys are all groups of the base's
        inputs (``{"group": {"name": value}}``).

        Raises:
            TypeError: ``records`` is not iterable (at once, not at the first record).
        """
        if not isinstance(records, Iterable):
            raise TypeError(f"records must be iterable, not {type(records).__name__}")
        return self._consult_each(records)

    def _consult_each(self, records: Iterable[Any]) -> Iterator[Result]:
        groups = set(self._groups)
        for record in records:
            if group_of(record) is not None:
                yield self.consult(record)
            elif isinstance(record, tuple):
                yield self.consult(*record)
            elif isinstance(record, Mapping) and set(record) <= groups:
                yield self.consult(**record)
            elif isinstance(record, Mapping):
                yield self.consult(record)
            else:
                raise FactError(
                    f"cannot consult on a {type(record).__name__}; give a mapping of facts, "
                    "typed facts, a tuple of them or a mapping with the base's groups as keys",
                    field="record",
                    value=record,
                )

    # -- inference ---------------------------------------------------------------------------

    def _runner(self) -> Runner:
        runner = getattr(self._local, "runner", None)
        if runner is None:
            runner = self._local.runner = self._runner_class(self.compiled, self.run_limit)
        return runner

    def _consult(self, facts: tuple[tuple[str, Any], ...]) -> Result:
        stated = dict(facts)
        compiled = self.compiled
        given: tuple[tuple[str, Any], ...] = ()
        implied = self.knowledge.implied(stated) if compiled.stating else {}
        if implied:
            given = tuple((a, v) for a, (v, _) in implied.items() if v is not None)
        kept_out: frozenset[tuple[str, Any]] = frozenset()
        while True:
            try:
                record = self._runner().run(stated, given, kept_out)
            except InferenceError:
                self._local.runner = None  # an engine that failed midway is not reused
                raise
            result = build_result(
                compiled, stated, record, engine=self.engine, run_limit=self.run_limit,
                implied=implied,
            )  # fmt: skip
            # A conclusion that counts for nothing must not satisfy `absent` or fail a
            # `not`: run again without it where that could change what fires (rare; each
            # run keeps more out, so this ends).
            more = not_counting(compiled, record, result.certainties)
            if more <= kept_out:
                return result
            kept_out |= more
            if not could_change(compiled, stated, given, record, kept_out):
                return result


def _first(item: tuple[str, Any]) -> str:
    return item[0]


def _named(facts: Any, group: str | None = None) -> list[tuple[str, Any]]:
    """Facts as (full name, value) pairs: typed facts, or a mapping (short names of
    ``group`` when given). Pairs, so that ``name`` and ``group.name`` in one mapping stay
    two and are refused as a fact given twice."""
    typed = group_of(facts)
    if typed is not None:
        if group is not None and typed != group:
            raise FactError(
                f"{group} must be typed facts of {group} or a mapping of its facts, "
                f"not {type(facts).__name__} (facts of {typed})",
                field=group,
                value=facts,
            )
        known: dict[str, Any] = facts.known()
        return list(known.items())
    if not isinstance(facts, Mapping):
        name = group or "facts"
        raise FactError(
            f"{name} must be a mapping of fact names to values, not {type(facts).__name__}",
            field=name,
            value=facts,
        )
    if group is None:
        return [(str(name), value) for name, value in facts.items()]
    return [(f"{group}.{str(name).removeprefix(group + '.')}", v) for name, v in facts.items()]


_SHARED: dict[tuple[int, str, int], Expert] = {}
_SHARED_LOCK = threading.Lock()


def expert_for(
    knowledge: KnowledgeBase, engine: str = "experta", run_limit: int = RUN_LIMIT
) -> Expert:
    """An :class:`Expert` on a loaded knowledge base, shared by every caller asking for the
    same one (a :class:`~expert.result.Result` consults again through it, for *what if*)."""
    key = (id(knowledge), engine, run_limit)
    with _SHARED_LOCK:
        found = _SHARED.get(key)
        if found is None or found.knowledge is not knowledge:
            found = _SHARED[key] = Expert(knowledge, engine=engine, run_limit=run_limit)
        return found
