"""Run a compiled knowledge base on stated facts; return the firing record.

A runner owns one experta engine and is not thread-safe: :class:`~expert.engine.Expert` keeps
one runner per thread.
"""

from __future__ import annotations

from typing import Any

from ._compat import Fact
from .compiler import CompiledBase
from .errors import ExpertError, InferenceError

__all__ = ["ExpertaRunner", "Record"]

#: What a run returns: (rule index, matched (attribute, value) facts) per firing, in order.
Record = list[tuple[int, tuple[tuple[str, Any], ...]]]


class ExpertaRunner:
    """Runs consultations on one reusable experta engine (reset, not rebuilt, between runs)."""

    def __init__(self, compiled: CompiledBase, run_limit: int) -> None:
        self.compiled = compiled
        self.run_limit = run_limit
        self.engine = compiled.new_engine()

    def run(self, stated: dict[str, Any]) -> Record:
        """Fire the rules on ``stated`` (full fact names to values).

        Raises:
            InferenceError: the engine failed, or the rules did not settle within the limit.
        """
        engine = self.engine
        engine.reset()
        engine.record = []
        tested = self.compiled.tested
        # One batch: experta updates its agenda once per declare() call.
        engine.declare(
            *(Fact(attr=name, value=value) for name, value in stated.items() if name in tested)
        )
        try:
            settled = self._fire(engine)
        except ExpertError:
            raise
        except Exception as error:
            raise InferenceError(f"the engine failed: {error}") from error
        record: Record = engine.record
        if not settled:
            busiest = self._busiest(record)
            raise InferenceError(
                f"the rules did not settle within {self.run_limit} firings; "
                f"rules still firing: {', '.join(busiest)}",
                rules=busiest,
            )
        return record

    def _fire(self, engine: Any) -> bool:
        """Fire the agenda stage by stage; return False if the run limit was reached.

        experta's own ``run()`` asks the whole network for changes after every single firing.
        Rules of one stage never test each other's conclusions, so all activations of the
        current stage can fire before the network is asked again: a handful of passes per
        consultation instead of one per firing (CLIPS fires one activation at a time too;
        the stages make batching safe here).
        """
        engine.running = True  # declarations made by actions wait for the next pass
        agenda = engine.agenda
        fired = 0
        try:
            while True:
                added, removed = engine.get_activations()
                engine.strategy.update_agenda(agenda, added, removed)
                activations = agenda.activations
                if not activations:
                    return True
                stage = activations[-1].rule._wrapped.stage
                batch = []
                while activations and activations[-1].rule._wrapped.stage == stage:
                    batch.append(activations.pop())
                for activation in batch:
                    if fired >= self.run_limit:
                        return False
                    fired += 1
                    context = activation.context
                    activation.rule(
                        engine, **{k: v for k, v in context.items() if not k.startswith("__")}
                    )
        finally:
            engine.running = False

    def _busiest(self, record: Record) -> list[str]:
        counts: dict[int, int] = {}
        for index, _ in record[-200:]:
            counts[index] = counts.get(index, 0) + 1
        ranked = sorted(counts, key=lambda index: -counts[index])
        return [self.compiled.knowledge.rules[index].id for index in ranked[:5]]
