"""The :class:`Expert`: consultations on an inference engine, turned into explained results."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .._support.paths import check_path_argument
from ..errors import EngineUnavailableError, FactError, InferenceError, UsageError, brief, suggest
from ..inference.compiler import compile_base
from ..inference.negation import could_change, not_counting
from ..inference.runner import ExpertaRunner, Runner
from ..inference.verdicts import build_result
from ..kb.load import load
from ..model.display import draw_when_needed
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Outcome
from ..model.rules import Concluded
from ..model.typed_facts import TypedFacts, group_of, named_facts
from ..model.vocabulary import FactValue, SingleValue

# Explaining, reporting, asking and guiding load their modules (and rich) only when used:
# `import expert` stays as light as consulting needs.
if TYPE_CHECKING:
    from ..present.report import Report
    from ..reasoning.answer import Answer
    from ..reasoning.guide import Guide
    from ..reasoning.how import How
    from ..reasoning.how_to import HowTo
    from ..reasoning.reading import Reading
    from ..reasoning.what_if import Difference
    from ..reasoning.why_not import WhyNot

__all__ = ["ENGINES", "RUN_LIMIT", "Expert", "Result", "runner_class"]


def _attach_drawings() -> None:
    from ..present.showing import attach_drawings

    attach_drawings()


draw_when_needed(_attach_drawings)

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
            from ..inference.clips import ClipsRunner
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
        #: Builds each consultation's Result, which keeps this expert to consult again.
        self._result = functools.partial(Result, expert=self)

    def consult(
        self,
        *facts: TypedFacts | Mapping[str, object],
        **groups: TypedFacts | Mapping[str, object] | None,
    ) -> Result:
        """Run the rules on the facts and return the explained verdicts.

        Args:
            facts: a mapping of full fact names to values, for any knowledge base
                (``{"group.name": value}``), and/or typed facts, one object per group
                (:class:`~expert.model.typed_facts.TypedFacts`, such as the bundled base's).
            groups: by a group of the base's inputs, its typed facts or a mapping of its
                facts by short name (``group={"name": value}``); ``None`` states nothing.

        Raises:
            FactError: a fact or group is unknown to this knowledge base, given twice, or
                outside its vocabulary.
            InferenceError: the rules did not settle within the run limit.
        """
        # Pairs, not a dict: a fact in two of the arguments is refused, not overwritten.
        stated: list[tuple[str, object]] = []  # as given: checked below
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
                    stated += named_facts(given, group)
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
            stated += named_facts(fact)
        checked = self.knowledge.state(stated)
        return self._consult_cached(tuple(sorted(checked.items(), key=_first)))

    def ask(self, text: str, facts: Mapping[str, object] | None = None) -> Result:
        """Answer a question typed in plain words (``"where should I put my fern?"``).

        The question is read with the base's words (:mod:`expert.reasoning.reading`): the facts it
        states are consulted on, and the kind of question it is chooses the verdict that
        answers. The result carries the reading (``result.question``); a question the
        sources do not cover gets no answer (``result.answer.value`` is ``None``), with the
        closest questions the base does answer. Alternatives named for a fact that takes
        one value ("a fern or a cactus") leave it open and are answered one by one
        (``result.alternatives``, ``result.answer.alternatives``).

        Args:
            text: the question.
            facts: what is known already (a conversation's earlier facts, by full name);
                the question's own facts replace those of the same name.

        Raises:
            UsageError: ``text`` is empty, not a string or too long.
            FactError: ``facts`` holds an unknown fact or value, or a fact twice.
        """
        reading = self.read(text)
        known = self.knowledge.state(named_facts(facts)) if facts else {}
        # A fact the question leaves open is open, whatever was known of it before.
        known = {name: value for name, value in known.items() if name not in reading.left_open}
        merged = {**known, **reading.facts}
        each = tuple(
            attrs.evolve(self.consult({**merged, **choice}), question=reading)
            for choice in reading.choices()
        )
        return attrs.evolve(self.consult(merged), question=reading, alternatives=each)

    def read(self, text: str) -> Reading:
        """How :meth:`ask` reads ``text``: the facts it states, the kind of question, the
        words not understood and the closest questions the base answers.

        Raises:
            UsageError: ``text`` is empty, not a string or too long.
        """
        reader = getattr(self._local, "reader", None)
        if reader is None:  # one a thread: the stemmer keeps state while it works
            from ..reasoning.reading import Reader

            reader = self._local.reader = Reader(self.knowledge)
        return reader.read(text)

    def guide(
        self, facts: Mapping[str, object] | None = None, *, skipped: Iterable[str] = ()
    ) -> Guide:
        """Start a guided consultation from ``facts``: the expert asks what could still change
        the answer, one question at a time (:class:`~expert.reasoning.guide.Guide`).

        Args:
            facts: the facts known so far, by full name (``{"group.name": value}``), as
                :meth:`consult` takes them.
            skipped: full names of inputs not to ask about (skipped before).

        Raises:
            FactError: a fact is unknown to this knowledge base, given twice, or outside its
                vocabulary.
        """
        from ..reasoning.guide import Guide

        return Guide(self, self.knowledge.state(named_facts(facts or {})), set(skipped))

    def consult_many(self, records: Iterable[object]) -> Iterable[Result]:
        """Consult on each record lazily: a mapping of full fact names, typed facts, a tuple
        of typed facts (one per group), or a mapping whose keys are all groups of the base's
        inputs (``{"group": {"name": value}}``).

        Raises:
            TypeError: ``records`` is not iterable (at once, not at the first record).
        """
        if not isinstance(records, Iterable):
            raise TypeError(f"records must be iterable, not {type(records).__name__}")
        return self._consult_each(records)

    # Records are user input: each is dispatched by its shape, and consult() checks it.
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

    def _consult(self, facts: tuple[tuple[str, FactValue], ...]) -> Result:
        stated = dict(facts)
        compiled = self.compiled
        given: tuple[Concluded, ...] = ()
        implied = self.knowledge.implied(stated) if compiled.stating else {}
        if implied:
            given = tuple((a, v) for a, (v, _) in implied.items() if v is not None)
        kept_out: frozenset[Concluded] = frozenset()
        while True:
            try:
                record = self._runner().run(stated, given, kept_out)
            except InferenceError:
                self._local.runner = None  # an engine that failed midway is not reused
                raise
            result = build_result(
                compiled, stated, record, engine=self.engine, run_limit=self.run_limit,
                implied=implied, make=self._result,
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


def _first(item: tuple[str, FactValue]) -> str:
    return item[0]


@attrs.frozen(eq=False, repr=False)
class Result(Outcome):
    """The outcome of one consultation, explained. Immutable; safe to share between threads.

    A :class:`~expert.model.outcome.Outcome` (facts, firings, verdicts, conflicts, notes and the
    knowledge base) with what needs reasoning and presentation: *how*, *why not*, *what
    if*, *how to*, the answer and the report. A result stands alone: it holds its knowledge
    base, and can be stored or sent to another process whole. It keeps the :class:`Expert`
    that made it to consult again (*what if*, *how to*); that expert stays in its process (it
    is left out of the result's state), and a result restored elsewhere makes its own from its
    knowledge base, engine and run limit the first time it consults again.
    """

    _expert: Expert | None = attrs.field(default=None, kw_only=True, alias="expert")

    def how(self, attribute: str) -> How:
        """Explain how the verdict on ``attribute`` was reached (its proof tree)."""
        from ..reasoning.how import how

        return how(self, attribute)

    def why_not(self, attribute: str, value: SingleValue) -> WhyNot:
        """Explain why ``attribute`` is not ``value``: each rule that could conclude it and
        the conditions that failed."""
        from ..reasoning.why_not import why_not

        return why_not(self, attribute, value)

    def what_if(
        self, changes: Mapping[str, object] | None = None, /, **more: object
    ) -> Difference:
        """Consult again with changed facts and return the difference in verdicts.

        Keys are fact names, full (``plant.light``, as a mapping) or short where unambiguous
        (``light=...``); ``None`` forgets a fact. A fact changed twice (``light=...`` and
        ``plant.light`` in the mapping) is a :class:`~expert.errors.FactError`.
        """
        from ..reasoning.what_if import what_if

        if changes is not None and not isinstance(changes, Mapping):
            raise TypeError(f"changes must be a mapping, not {type(changes).__name__}")
        return what_if(self, [*(changes or {}).items(), *more.items()], self.consult_again)

    def how_to(self, attribute: str, value: SingleValue, max_changes: int = 2) -> HowTo:
        """What would it take: the smallest changes of the stated facts (at most
        ``max_changes`` of them) under which ``attribute`` would be ``value``, each with the
        rules that would then fire."""
        from ..reasoning.how_to import how_to

        return how_to(self, attribute, value, max_changes, self.consult_again)

    def consult_again(self, facts: Mapping[str, object]) -> Result:
        """Consult the same knowledge base, on the same engine, with other facts."""
        expert = self._expert
        if expert is None:  # made elsewhere, or restored: the expert did not travel
            limit = self.run_limit if self.run_limit is not None else RUN_LIMIT
            expert = Expert(self.knowledge, engine=self.engine, run_limit=limit)
            object.__setattr__(self, "_expert", expert)  # a cache: the result is unchanged
        return expert.consult(facts)

    def report(self, *, full: bool = False, hints: str = "api") -> Report:
        """The report: the answer to the consultation's goal first, then the rest
        (``full``: every verdict with every rule and quote)."""
        from ..present.report import report

        return report(self, full=full, hints=hints)

    @property
    def answer(self) -> Answer:
        """The goal's verdict, or else the strongest conclusion resting on what was stated,
        as the answer to the question the stated facts ask (:mod:`expert.reasoning.answer`)."""
        from ..reasoning.answer import answer_of

        return answer_of(self)

    def __str__(self) -> str:
        return self.report().to_text()

    def __rich__(self) -> Any:  # a rich renderable
        return self.report().__rich__()

    def _repr_html_(self) -> str:
        return self.report()._repr_html_()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, the same shape as ``expert consult --json``."""
        answer = self.answer
        goal = answer.goal.attribute if answer.goal is not None else None
        asked = {"question": self.question.to_dict(goal)} if self.question is not None else {}
        return {**asked, "goal": goal, "answer": answer.to_dict(), **super().to_dict()}

    def __getstate__(self) -> dict[str, Any]:
        state = {field.name: getattr(self, field.name) for field in attrs.fields(type(self))}
        state["_expert"] = None  # the expert, its engines and caches stay in this process
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
