"""The CLIPS engine: the compiled rules run on CLIPS (through clipspy), with the same results.

Install it with ``pip install 'expert[clips]'`` and ask for it with ``Expert(engine="clips")``
or ``expert --engine clips consult ...``.

Every fact is one ``expert-fact``, and a stated set has one ``expert-member`` per member::

    (deftemplate expert-fact (slot key) (slot attr) (slot value))
    (deftemplate expert-member (slot attr) (slot value))

``attr`` is the attribute's name as a string; ``value`` holds a single value (a string, a
number, or the symbol ``TRUE``/``FALSE``). ``key`` names the fact on the Python side, so a
firing reports what it matched as the very Python values that were stated or concluded.

Each rule becomes one ``defrule`` built from the validated :class:`~expert.model.rules.RuleSpec`,
never from user text: its conditions are translated structurally (a literal where CLIPS can
match one, a predicate on a bound variable otherwise, strings escaped), its salience encodes
the rule's stage and own salience, and its right-hand side logs the firing in the global
``?*firings*`` (rule index, number of matched facts, their keys) and asserts the conclusions
other rules test. The log is read once after the run: one crossing from CLIPS into Python per
consultation rather than one per firing.

Two clipspy 1.0.6 problems shape this module. The fact objects ``Template.assert_fact``
returns are never released (their ``__del__`` calls ``ReleaseFact`` with one argument too many
and swallows the error), so every consultation's facts would stay in memory for good and CLIPS
would slow down run after run: stated facts are asserted by two deffunctions called with CLIPS
values instead (no text is parsed). And a retracted fact with a multislot leaks, which CLIPS
reports on stdout when the environment is destroyed: set members are facts of their own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import clips

from ..errors import InferenceError, KnowledgeBaseError
from ..model.rules import Concluded, Condition, RuleSpec
from ..model.vocabulary import FactValue, SingleValue
from .compiler import CompiledBase, binds, parts
from .runner import Conclusions, Record, not_settled

__all__ = ["FUNCTIONS", "LOG", "TEMPLATES", "ClipsRunner", "construct"]

#: The templates of facts and of the members of stated sets.
TEMPLATES = (
    "(deftemplate expert-fact (slot key (type INTEGER)) (slot attr (type STRING)) (slot value))",
    "(deftemplate expert-member (slot attr (type STRING)) (slot value))",
)
#: The firing log: index, count, keys... per firing; reset empties it. The keys of the
#: conclusions a run keeps out of working memory (see :class:`expert.inference.runner.Runner`).
LOG = "(defglobal ?*firings* = (create$) ?*kept-out* = (create$))"

#: Assert a stated value, or a stated set and its members; return TRUE, not the fact.
FUNCTIONS = (
    (
        "(deffunction expert-state (?key ?attr ?value)"
        " (assert (expert-fact (key ?key) (attr ?attr) (value ?value))) TRUE)"
    ),
    (
        "(deffunction expert-set (?key ?attr $?members)"
        " (assert (expert-fact (key ?key) (attr ?attr)))"
        " (progn$ (?member ?members) (assert (expert-member (attr ?attr) (value ?member))))"
        " TRUE)"
    ),
)
_COMPARE = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def literal_of(value: SingleValue) -> str:
    """A CLIPS constant for a validated rule value: a string, a number or a boolean."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise KnowledgeBaseError(f"cannot compare with {value!r}: not a finite number")
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    raise KnowledgeBaseError(f"cannot write {type(value).__name__} {value!r} as a CLIPS value")


def _clips_value(value: SingleValue) -> SingleValue:
    """A stated single value as clipspy should pass it to CLIPS.

    An integer beyond CLIPS's 64 bits goes in as a float: rule operands are 64-bit at most,
    so it compares with every operand as the integer would. The record keeps the integer.
    """
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
        return float(value)
    return value


def _is_number(value: SingleValue) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _equal(variable: str, value: SingleValue) -> str:
    """A CLIPS test that ``variable`` equals ``value`` as Python's ``==`` would."""
    if _is_number(value):  # 50 and 50.0 are equal in Python; CLIPS types differ
        return f"(and (numberp {variable}) (= {variable} {literal_of(value)}))"
    return f"(eq {variable} {literal_of(value)})"


def _join(connective: str, tests: list[str]) -> str:
    """``(and ...)``/``(or ...)`` of the tests (CLIPS wants two or more of them)."""
    return tests[0] if len(tests) == 1 else f"({connective} {' '.join(tests)})"


def _value_pattern(condition: Condition, variable: str) -> str:
    """The ``value`` slot of a pattern that tests a stated single value."""
    values = condition.operands
    op = condition.op
    if op in _COMPARE:
        (bound,) = condition.operands  # a comparison has one operand: the parser checked it
        number = literal_of(bound)
        return f"(value {variable}&:(numberp {variable})&:({_COMPARE[op]} {variable} {number}))"
    if not any(_is_number(value) for value in values):  # literals CLIPS matches directly
        literals = [literal_of(value) for value in values]
        if op == "not":
            return f"(value {variable}" + "".join(f"&~{item}" for item in literals) + ")"
        return f"(value {'|'.join(literals)})"
    tests = _join("or", [_equal(variable, value) for value in values])
    test = f"(not {tests})" if op == "not" else tests
    return f"(value {variable}&:{test})"


def _member_patterns(condition: Condition, attr: str) -> list[str]:
    """The conditional elements on the members of a stated set, after the set's own fact."""
    literals = [literal_of(value) for value in condition.operands]
    if condition.op in ("equals", "contains"):  # every wanted member is there
        return [f"(expert-member {attr} (value {item}))" for item in literals]
    wanted = f"(expert-member {attr} (value {'|'.join(literals)}))"
    if condition.op == "one_of":  # at least one, matched once however many there are
        return [f"(exists {wanted})"]
    return [f"(not {wanted})"]  # not: none of them


def _pattern(condition: Condition, position: int) -> str:
    """The CLIPS conditional element of one condition part (see :func:`~expert.inference.compiler.parts`)."""
    attr = f"(attr {literal_of(condition.attribute)})"
    if condition.op == "absent":
        return f"(not (expert-fact {attr}))"
    if condition.concluded and condition.op == "not":
        values = "|".join(literal_of(value) for value in condition.operands)
        return f"(not (expert-fact {attr} (value {values})))"
    key = f"(key ?k{position})"
    if condition.op == "present":
        return f"(expert-fact {key} {attr})"
    if condition.concluded:  # equals (one value per part) or one_of
        values = "|".join(literal_of(value) for value in condition.operands)
        return f"(expert-fact {key} {attr} (value {values}))"
    if condition.multi:
        return " ".join([f"(expert-fact {key} {attr})", *_member_patterns(condition, attr)])
    return f"(expert-fact {key} {attr} {_value_pattern(condition, f'?v{position}')})"


def construct(
    rule: RuleSpec,
    index: int,
    salience: int,
    declared: Sequence[tuple[int, str, SingleValue]],
    negated: frozenset[str] = frozenset(),
) -> str:
    """The ``defrule`` of one rule.

    Args:
        rule: the validated rule.
        index: its position in the knowledge base (the firing record's rule index).
        salience: its CLIPS salience (stage and own salience, see :class:`ClipsRunner`).
        declared: (key, attribute, value) of the conclusions to assert when it fires.
        negated: the attributes some rule tests with ``absent`` or ``not``: only their
            conclusions can be kept out of working memory, so only they are checked.
    """
    patterns, keys = [], []
    for position, part in enumerate(parts(rule)):
        patterns.append(_pattern(part, position))
        if binds(part):
            keys.append(f"?k{position}")
    asserts = []
    for key, name, value in declared:
        fact = f"(assert (expert-fact (key {key}) (attr {literal_of(name)}) (value {literal_of(value)})))"
        if name in negated:
            fact = f"(if (not (member$ {key} ?*kept-out*)) then {fact})"
        asserts.append(fact)
    logged = " ".join([str(index), str(len(keys)), *keys])
    return "\n".join(
        [
            f"(defrule rule-{index} {literal_of(rule.id)}",
            f"  (declare (salience {salience}))",
            *(f"  {pattern}" for pattern in patterns),
            "  =>",
            f"  (bind ?*firings* (create$ ?*firings* {logged}))",
            *(f"  {line}" for line in asserts),
            ")",
        ]
    )


class ClipsRunner:
    """Runs consultations on one CLIPS environment (reset, not rebuilt, between runs).

    Salience: CLIPS fires higher salience first, in -10000..10000. Rules are ranked by
    (stage, -salience), and each rank gets its own salience from 10000 down, so a stage's
    rules all fire before the next stage's, as on experta.

    Raises:
        InferenceError: a rule could not be built in CLIPS.
    """

    def __init__(self, compiled: CompiledBase, run_limit: int) -> None:
        self.compiled = compiled
        self.run_limit = run_limit
        self.env = clips.Environment()
        for text in (*TEMPLATES, LOG, *FUNCTIONS):
            self.env.build(text)
        self._state = self.env.find_function("expert-state")
        self._set = self.env.find_function("expert-set")
        self.log = self.env.find_global("firings")
        self.kept_out = self.env.find_global("kept-out")
        # Keys of the concluded facts rules test; stated facts are numbered after them.
        self._concluded: list[Concluded] = sorted(
            {conclusion for declared in compiled.declared for conclusion in declared},
            key=lambda conclusion: (conclusion[0], str(conclusion[1])),
        )
        keys = self._keys = {conclusion: key for key, conclusion in enumerate(self._concluded)}
        ranks = sorted({(stage, negated) for stage, negated, _ in compiled.rank})
        salience = {rank: 10000 - position for position, rank in enumerate(ranks)}
        for index, rule in enumerate(compiled.knowledge.rules):
            declared = [(keys[c], c[0], c[1]) for c in compiled.declared[index]]
            text = construct(
                rule, index, salience[compiled.rank[index][:2]], declared, compiled.negated
            )
            try:
                self.env.build(text)
            except clips.CLIPSError as error:
                raise InferenceError(
                    f"the clips engine could not build rule {rule.id}: {error}", rules=[rule.id]
                ) from error

    def _record(self, stated: list[tuple[str, FactValue]]) -> Record:
        """The firings logged in ``?*firings*``, with their matched facts as Python values."""
        concluded = self._concluded
        known = len(concluded)
        log = self.log.value
        record: Record = []
        position = 0
        while position < len(log):
            index, count = log[position], log[position + 1]
            keys = log[position + 2 : position + 2 + count]
            record.append(
                (index, tuple(concluded[k] if k < known else stated[k - known] for k in keys))
            )
            position += 2 + count
        return record

    def run(
        self, stated: Mapping[str, FactValue], given: Conclusions = (), kept_out: Conclusions = ()
    ) -> Record:
        """Fire the rules on ``stated`` (full fact names to values); see
        :class:`~expert.inference.runner.Runner`.

        Raises:
            InferenceError: the engine failed, or the rules did not settle within the limit.
        """
        tested = self.compiled.tested
        stated_facts = [(name, value) for name, value in stated.items() if name in tested]
        keys = self._keys
        # A given conclusion some rule also concludes takes that conclusion's key, so that
        # the rule's own assertion is a duplicate CLIPS ignores (experta keeps one fact too).
        given_facts = [fact for fact in given if fact[0] in tested]
        stated_facts += [fact for fact in given_facts if fact not in keys]
        env = self.env
        try:
            env.reset()
            if kept_out:  # a reset empties it
                self.kept_out.value = [keys[c] for c in kept_out if c in keys]
            for fact in given_facts:
                if fact in keys:
                    self._state(keys[fact], fact[0], _clips_value(fact[1]))
            first = len(self._concluded)
            for key, (name, value) in enumerate(stated_facts, start=first):
                if isinstance(value, frozenset):
                    self._set(key, name, *sorted(value))
                else:
                    self._state(key, name, _clips_value(value))
            if self.run_limit:
                env.run(self.run_limit)
            settled = next(iter(env.activations()), None) is None
            record = self._record(stated_facts)
        except clips.CLIPSError as error:
            raise InferenceError(f"the clips engine failed: {error}") from error
        if not settled:
            raise not_settled(self.compiled, self.run_limit, record)
        return record
