"""Run a compiled knowledge base on stated facts; return the firing record.

This module defines the record, the :class:`Runner` protocol and the experta runner; the
CLIPS runner is :class:`expert.inference.clips.ClipsRunner`. A runner owns one engine and is not
thread-safe: :class:`~expert.api.expert.Expert` keeps one runner per thread.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Protocol, TypeAlias

from .._support.collector import collector_paused
from ..errors import ExpertError, InferenceError
from ..model.rules import Concluded
from ..model.vocabulary import FactValue
from ._compat import Fact
from .compiler import CompiledBase, Matched
from .rete import TunedNetwork, new_fact
from .rete_ports import Match

__all__ = ["Conclusions", "ExpertaRunner", "Record", "Runner", "not_settled"]

#: What a run returns: (rule index, matched (attribute, value) facts) per firing, in firing
#: order. ``matched`` lists the facts the rule's positive conditions matched, in the order of
#: its conditions (a condition on several concluded values matches one fact per value).
Record: TypeAlias = list[tuple[int, Matched]]


#: Concluded ``(attribute, value)`` facts, as a run takes them: given at the start (what the
#: stated facts state outright) or kept out of working memory (conclusions that count for
#: nothing, so that ``absent`` and ``not`` do not see them).
Conclusions: TypeAlias = Collection[Concluded]


class Runner(Protocol):
    """What an engine must offer: built once per thread, then ``run`` per consultation."""

    compiled: CompiledBase
    run_limit: int

    def __init__(self, compiled: CompiledBase, run_limit: int) -> None: ...

    def run(
        self, stated: Mapping[str, FactValue], given: Conclusions = (), kept_out: Conclusions = ()
    ) -> Record:
        """Fire the rules on ``stated`` facts (full names to values); return the record.

        Args:
            stated: the stated facts.
            given: concluded facts in working memory from the start, as if concluded before
                any rule fired (a stated ``plant.species`` states ``plant.kind``).
            kept_out: conclusions rules may still draw (their firings are recorded) that
                never enter working memory.
        """
        ...


def not_settled(compiled: CompiledBase, run_limit: int, record: Record) -> InferenceError:
    """The error for a run that hit its limit, naming the rules that fired most lately."""
    counts: dict[int, int] = {}
    for index, _ in record[-200:]:
        counts[index] = counts.get(index, 0) + 1
    ranked = sorted(counts, key=lambda index: -counts[index])
    busiest = [compiled.knowledge.rules[index].id for index in ranked[:5]]
    return InferenceError(
        f"the rules did not settle within {run_limit} firings; "
        f"rules still firing: {', '.join(busiest)}",
        rules=busiest,
    )


#: How many stated facts a runner keeps made (see ``ExpertaRunner._stated_fact``).
_STATED_CACHE_SIZE = 4096


class ExpertaRunner:
    """Runs consultations on one reusable experta engine (reset, not rebuilt, between runs).

    The engine's network is rewired once (:class:`expert.inference.rete.TunedNetwork`); working
    memory and the agenda are kept here: facts enter the network in one batch per pass,
    and activations fire stage by stage straight to the compiled actions' bookkeeping,
    without experta's fact list, agenda strategy or ``Rule.__call__``.
    """

    def __init__(self, compiled: CompiledBase, run_limit: int) -> None:
        self.compiled = compiled
        self.run_limit = run_limit
        with collector_paused():
            self.engine = compiled.new_engine()
            self.network = TunedNetwork(self.engine)
        #: The working-memory fact of each concluded (attribute, value), made once: there
        #: are only as many as the rules conclude and inputs state, and nothing changes a
        #: fact (a reset empties the memories that held it).
        self._facts: dict[Concluded, Fact] = {}
        self._stated: dict[tuple[str, type, FactValue], Fact] = {}

    def run(
        self, stated: Mapping[str, FactValue], given: Conclusions = (), kept_out: Conclusions = ()
    ) -> Record:
        """Fire the rules on ``stated`` (full fact names to values); see :class:`Runner`.

        Raises:
            InferenceError: the engine failed, or the rules did not settle within the limit.
        """
        record: Record = []
        tested = self.compiled.tested
        facts = [
            self._stated_fact(name, value) for name, value in stated.items() if name in tested
        ]
        known = {fact for fact in given if fact[0] in tested}
        facts += [self._fact(fact) for fact in known]
        try:
            self.network.reset()
            settled = self._fire(facts, record, known | set(kept_out))
        except ExpertError:
            raise
        except Exception as error:
            raise InferenceError(f"the engine failed: {error}") from error
        if not settled:
            raise not_settled(self.compiled, self.run_limit, record)
        return record

    def _fire(self, facts: list[Fact], record: Record, known: set[Concluded]) -> bool:
        """Fire the activations stage by stage; return False if the run limit was reached.

        experta's own ``run()`` asks the whole network for changes after every single firing.
        Rules of one stage never test each other's conclusions, so all activations of the
        lowest pending stage can fire before the network is asked again: a handful of passes
        per consultation instead of one per firing (CLIPS fires one activation at a time; the
        stages make batching safe here). Within a stage the order does not matter: results
        are put in a canonical order (:func:`expert.inference.verdicts.build_result`).
        """
        declared = self.compiled.declared
        # ``known``: concluded facts in working memory, and those never to enter it.
        # The matches waiting to fire, by stage (each stage's in the order they came).
        pending: dict[int, list[Match]] = {}
        fired = 0
        while True:
            added, removed = self.network.add(facts)
            facts = []
            for gone in removed:  # a `not` that no longer holds
                for stage, waiting in list(pending.items()):
                    if gone in waiting:
                        waiting = [m for m in waiting if m != gone]
                        if waiting:
                            pending[stage] = waiting
                        else:
                            del pending[stage]
            for match in added:
                queue = pending.get(match[0].stage)
                if queue is None:
                    pending[match[0].stage] = [match]
                else:
                    queue.append(match)
            if not pending:
                return True
            batch = pending.pop(min(pending))
            for action, _, context in batch:
                if fired >= self.run_limit:
                    return False
                fired += 1
                matched = tuple([context[b].pair for b in action.bindings])
                record.append((action.index, matched))
                for conclusion in declared[action.index]:
                    if conclusion not in known:  # working memory holds no duplicates
                        known.add(conclusion)
                        facts.append(self._fact(conclusion))

    def _stated_fact(self, name: str, value: FactValue) -> Fact:
        """The working-memory fact of a stated value, made once while the cache has room
        (amounts can take any value, so it is emptied when full). The value's type is part
        of the key: ``1``, ``1.0`` and ``True`` are equal but not the same fact."""
        key = (name, type(value), value)
        fact = self._stated.get(key)
        if fact is None:
            if len(self._stated) >= _STATED_CACHE_SIZE:
                self._stated.clear()
            fact = self._stated[key] = new_fact(name, value)
        return fact

    def _fact(self, conclusion: Concluded) -> Fact:
        """The working-memory fact of a concluded (attribute, value)."""
        fact = self._facts.get(conclusion)
        if fact is None:
            fact = self._facts[conclusion] = new_fact(*conclusion)
        return fact
