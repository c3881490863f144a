"""The :class:`Expert`: consultations on the experta engine, turned into explained results."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._compat import Fact
from .certainty import THRESHOLD, combine_all
from .compiler import compile_base
from .errors import ExpertError, FactError, InferenceError
from .facts import Device, Needs
from .knowledge import KnowledgeBase, load
from .result import Conflict, Firing, Result, Verdict

__all__ = ["Expert"]

#: Default bound on rule firings per consultation.
RUN_LIMIT = 10_000


class Expert:
    """An expert on a knowledge base, ready to consult.

    One ``Expert`` compiles its rules once. It may be shared by threads: each thread gets
    its own experta engine (experta has no locks), reused from one consultation to the next.
    Results of recent consultations are cached by their (immutable) facts.

    Args:
        rules: a directory of rule files; the bundled knowledge base by default.
        run_limit: the most rule firings one consultation may take.
        cache_size: how many consultations to remember (0 turns the cache off).

    Raises:
        KnowledgeBaseError: the rule files are broken.
    """

    def __init__(
        self,
        rules: str | Path | None = None,
        *,
        run_limit: int = RUN_LIMIT,
        cache_size: int = 1024,
    ) -> None:
        self.knowledge: KnowledgeBase = load(rules)
        self._compiled = compile_base(self.knowledge)
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
        mapping with ``device`` and/or ``needs`` keys."""
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

    def _engine(self) -> Any:
        engine = getattr(self._local, "engine", None)
        if engine is None:
            engine = self._local.engine = self._compiled.new_engine()
        return engine

    def _consult(self, device: Device, needs: Needs) -> Result:
        stated = {**device.known(), **needs.known()}
        engine = self._engine()
        engine.reset()
        engine.record = []
        tested = self._compiled.tested
        # One batch: experta updates its agenda once per declare() call.
        engine.declare(
            *(Fact(attr=name, value=value) for name, value in stated.items() if name in tested)
        )
        try:
            settled = self._run(engine)
        except ExpertError:
            raise
        except Exception as error:
            self._local.engine = None  # an engine that failed midway is not reused
            raise InferenceError(f"the engine failed: {error}") from error
        record = engine.record
        if not settled:
            self._local.engine = None
            raise InferenceError(
                f"the rules did not settle within {self.run_limit} firings; "
                f"rules still firing: {', '.join(self._busiest(record))}",
                rules=self._busiest(record),
            )
        return self._result(stated, record)

    def _run(self, engine: Any) -> bool:
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

    def _busiest(self, record: list[tuple[int, Any]]) -> list[str]:
        counts: dict[int, int] = {}
        for index, _ in record[-200:]:
            counts[index] = counts.get(index, 0) + 1
        ranked = sorted(counts, key=lambda index: -counts[index])
        return [self.knowledge.rules[index].id for index in ranked[:5]]

    # -- certainty and verdicts --------------------------------------------------------------

    def _result(self, stated: dict[str, Any], record: list[tuple[int, Any]]) -> Result:
        rules = self.knowledge.rules
        stages = self._compiled.stages
        # Stage order guarantees a premise's certainty is final before it is used.
        ordered = sorted(
            enumerate(record), key=lambda item: (stages[rules[item[1][0]].id], item[0])
        )
        # One rule is one piece of evidence: when it fires on several matches (its premise
        # holds in more than one way), it counts once, with its strongest match (MYCIN).
        contributions: dict[tuple[str, Any], dict[str, float]] = {}
        certainties: dict[tuple[str, Any], float] = {}
        firings: list[tuple[int, Firing]] = []
        current_stage = None
        for position, (index, matched) in ordered:
            rule = rules[index]
            stage = stages[rule.id]
            if stage != current_stage:
                certainties.update(
                    {key: combine_all(by_rule.values()) for key, by_rule in contributions.items()}
                )
                current_stage = stage
            premise = min(
                (certainties.get(fact, 0.0) for fact in matched if fact[0] not in stated),
                default=1.0,
            )
            strength = rule.certainty * premise if premise >= THRESHOLD else 0.0
            for conclusion in rule.conclusions:
                key = (conclusion.attribute, conclusion.value)
                by_rule = contributions.setdefault(key, {})
                if strength and abs(strength) > abs(by_rule.get(rule.id, 0.0)):
                    by_rule[rule.id] = strength
            firings.append(
                (
                    position,
                    Firing(
                        rule=rule.id,
                        source=rule.source,
                        quote=rule.quote,
                        conclusions=tuple((c.attribute, c.value) for c in rule.conclusions),
                        matched=matched,
                        rule_certainty=rule.certainty,
                        certainty=strength,
                        stage=stage,
                    ),
                )
            )
        certainties = {
            key: combine_all(by_rule.values()) for key, by_rule in contributions.items()
        }
        in_order = tuple(firing for _, firing in sorted(firings, key=lambda item: item[0]))
        verdicts, conflicts = self._verdicts(certainties, in_order)
        return Result(
            facts=stated,
            firings=in_order,
            verdicts=verdicts,
            conflicts=conflicts,
            certainties=certainties,
            expert=self,
        )

    def _verdicts(
        self, certainties: dict[tuple[str, Any], float], firings: tuple[Firing, ...]
    ) -> tuple[tuple[Verdict, ...], tuple[Conflict, ...]]:
        by_conclusion: dict[tuple[str, Any], list[Firing]] = {}
        for firing in firings:
            for conclusion in firing.conclusions:
                by_conclusion.setdefault(conclusion, []).append(firing)

        def because(attribute: str, values: Iterable[Any]) -> tuple[Firing, ...]:
            strongest: dict[str, Firing] = {}
            for value in values:
                for firing in by_conclusion.get((attribute, value), ()):
                    kept = strongest.get(firing.rule)
                    if kept is None or abs(firing.certainty) > abs(kept.certainty):
                        strongest[firing.rule] = firing
            return tuple(sorted(strongest.values(), key=lambda f: -abs(f.certainty)))

        verdicts: list[Verdict] = []
        conflicts: list[Conflict] = []
        for name in self.knowledge.concluded_attributes():
            attribute = self.knowledge.attributes[name]
            scores = {
                value: certainties[(name, value)]
                for value in attribute.values
                if (name, value) in certainties
            }
            if not scores:
                continue
            if attribute.multi:
                held = tuple(value for value, score in scores.items() if score > 0)
                if not held:
                    continue
                verdicts.append(
                    Verdict(
                        attribute=name,
                        value=held,
                        certainty=min(scores[value] for value in held),
                        because=because(name, held),
                        alternatives=scores,
                    )
                )
                continue
            # Ties go to the value more articles support, then to vocabulary order.
            winner = max(
                scores,
                key=lambda value: (
                    round(scores[value], 9),
                    len({f.source for f in because(name, [value]) if f.certainty > 0}),
                ),
            )
            verdicts.append(
                Verdict(
                    attribute=name,
                    value=winner,
                    certainty=scores[winner],
                    because=because(name, [winner]),
                    alternatives=scores,
                )
            )
            positive = [value for value, score in scores.items() if score > 0]
            if len(positive) > 1:
                others = sorted((v for v in positive if v != winner), key=lambda v: -scores[v])
                ranked = [winner, *others]
                conflicts.append(
                    Conflict(
                        attribute=name,
                        winner=winner,
                        sides=tuple(
                            (value, scores[value], because(name, [value])) for value in ranked
                        ),
                    )
                )
        return tuple(verdicts), tuple(conflicts)


def _as_facts(cls: type, value: Any, name: str) -> Any:
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, Mapping):
        return cls.from_mapping(value)
    raise FactError(
        f"{name} must be a {cls.__name__} or a mapping of its facts, not {type(value).__name__}",
        field=name,
        value=value,
    )
