"""The report of a consultation: the answer first, in the person's words, then the rest.

MYCIN ended a consultation with a short report and explained on demand; so does this. The
report opens with what was stated, then the answer (:mod:`expert.reasoning.answer`) and the one or two
strongest reasons behind it, each with a short verbatim quote, then the verdicts shown beside
it, the other verdicts one line each, the disagreements that bear on the answer, and one line
saying how to see more. It speaks in the vocabulary's words (:mod:`expert.model.words`); ids appear
only in the ``full`` report, which lists every verdict with every rule and quote.

A report lays itself out as :class:`~expert.model.display.Line` objects; :mod:`expert.present.render`
draws them for a terminal or as HTML, ``to_text`` as plain text.
"""

from __future__ import annotations

from typing import Any

import attrs

from .._support.short_repr import cf, fit, shown
from ..model.display import Displayable, Line
from ..model.goals import Goal, choose_goal
from ..model.outcome import Conflict, Firing, Member, Outcome, Verdict
from ..model.vocabulary import Attribute, FactValue, SingleValue, join_words, show_value
from ..model.words import (
    capitalised,
    certainty_words,
    group_words,
    member_words,
    short_quote,
    source_words,
    statement,
    tested,
    you_said,
)
from ..reasoning.answer import STRONG, Answer, answer_of, depends_on
from .full_report import full_lines
from .notebook import report_html

__all__ = ["HINTS", "MORE", "SETTLED_WORDS", "Report", "report", "short_quote"]

#: How each way in says "see more": the command line's flags, the REPL's commands, the API.
HINTS = {
    "cli": "More: --all for every verdict with its rules and quotes; --how ATTR for the proof "
    "of one, --why-not ATTR=VALUE, --how-to ATTR=VALUE.",
    "repl": "More: all for every verdict with its rules and quotes; how ATTR for the proof of "
    "one, why-not ATTR VALUE, how-to ATTR VALUE.",
    "api": "More: result.how(ATTR), result.why_not(ATTR, VALUE), result.how_to(ATTR, VALUE), "
    "result.to_dict().",
}

#: How a disagreement was settled, in words for the person asking (``how`` explains it in
#: the engine's terms: expert.model.words.SETTLED).
SETTLED_WORDS = {
    "stated": "because you said so",
    "certainty": "as the surer side",
    "articles": "equally sure, but more articles say so",
    "caution": "equally sure; the caution stays",
    "vocabulary order": "an even split (the first listed is shown)",
}

#: How each way in says what to state when nothing was concluded.
MORE = {
    "cli": "Tell me more: `expert inputs` lists what you can state, and `expert consult "
    "--ask` asks you.",
    "repl": "Tell me more: `inputs` lists what you can state, and `ask` asks you.",
    "api": "Tell me more: `knowledge.inputs` lists what you can state.",
}


@attrs.frozen(repr=False)
class Report(Displayable):
    """A consultation's report.

    Attributes:
        result: the consultation.
        goal: its goal, or ``None`` when the base declares none.
        full: list every verdict with every rule and quote.
        hints: which way in the "see more" line speaks to: ``cli``, ``repl`` or ``api``.
    """

    result: Outcome
    goal: Goal | None
    full: bool = False
    hints: str = "api"

    def __repr__(self) -> str:
        answer = self.answered
        full = ", full" if self.full else ""
        if answer.attribute is None:
            return fit(f"Report(no answer{full})")
        said = f"{answer.attribute}={shown(answer.value, 60)}, {cf(answer.certainty)}"
        return fit(f"Report({said}{full})")

    def _repr_html_(self) -> str:
        """What a notebook shows: the answer first with its reasons quoted, the verdicts as
        a table in the vocabulary's words, certainties as bars, then the disagreements and
        the notes, folded (open in the ``full`` report)."""
        return report_html(self)

    @property
    def answered(self) -> Answer:
        """The answer that heads the report (:func:`expert.reasoning.answer.answer_of`)."""
        return answer_of(self.result)

    def answer(self) -> Verdict | None:
        """The verdict that answers the goal, if the rules reached one."""
        if self.goal is None or self.goal.attribute not in self.result:
            return None
        return self.result.verdict(self.goal.attribute)

    def lines(self) -> list[Line]:
        """The report as lines: what you said, the answer, then the rest."""
        result = self.result
        answer = self.answered
        if self.full:  # every verdict by its id: the facts by theirs too
            facts = ", ".join(f"{n} = {show_value(v)}" for n, v in result.facts.items())
            return [Line(0, "fact", f"You said: {facts or 'nothing yet'}.")] + full_lines(
                result, answer
            )
        question = result.question
        if question is not None:
            out = [Line(0, "fact", question.read_as(result.knowledge, result.facts))]
        else:
            out = [Line(0, "fact", you_said(result.knowledge, result.facts))]
        shown: set[str] = set() if answer.attribute is None else {answer.attribute}
        if answer.alternatives and answer.value is None:
            assert question is not None  # only a typed question names alternatives
            out.append(Line(0, "answer", f"{depends_on(result.knowledge, question)}:"))
            out += self._alternatives(answer)
        elif answer.attribute is None:
            out.append(Line(0, "answer", answer.text))
            if question is not None and question.closest:
                out.append(Line(0, "heading", "Questions the sources do answer:"))
                out += [Line(1, "hint", example) for example in question.closest]
            out.append(Line(0, "hint", MORE.get(self.hints, MORE["api"])))
            return out
        else:
            out += self._answer(answer, shown)
        others = [v for v in result.verdicts if v.attribute not in shown]
        if others:
            out.append(Line(0, "heading", "Also concluded:"))
            out += [self._one_line(verdict) for verdict in others]
        bearing = self._bearing(answer)
        disputes = [
            c
            for c in result.conflicts
            if c.stated or c.attribute in bearing or c.against in bearing
        ]
        if disputes:
            out.append(Line(0, "heading", "Where the articles disagree on this:"))
            for conflict in disputes:
                out += self._dispute(conflict)
        if result.notes:
            subjects = [group_words(result.knowledge, note.subject) for note in result.notes]
            count = len(result.notes)
            out.append(
                Line(
                    0,
                    "note",
                    f"{count} note{'s' if count != 1 else ''} on what the articles say of "
                    f"{join_words(list(dict.fromkeys(subjects)))} in general.",
                )
            )
        out.append(Line(0, "hint", HINTS.get(self.hints, HINTS["api"])))
        return out

    # -- the answer and what stands beside it ------------------------------------------------

    def _attribute(self, name: str) -> Attribute:
        return self.result.knowledge.attributes[name]

    def _answer(self, answer: Answer, shown: set[str]) -> list[Line]:
        assert answer.attribute is not None
        attribute = self._attribute(answer.attribute)
        values = answer.value if isinstance(answer.value, tuple) else (answer.value,)
        tones = {attribute.tone_of(value) for value in values}
        out = [Line(0, "answer", answer.text, tone=tones.pop() if len(tones) == 1 else "")]
        said = ""
        for firing in answer.because[:2]:
            line = self._because(firing, answer.attribute)
            head, _, quote = line.text.partition(": “")
            if head == said:  # the same facts again: say them once
                line = attrs.evolve(line, depth=2, text=f"and “{quote}")
            said = head
            out.append(line)
        # Each quote is shown once (two rules may open with the same sentence).
        quoted = {short_quote(firing.quote) for firing in answer.because[:2]}
        if answer.attribute in self.result:  # the weaker members of a set answer
            verdict = self.result.verdict(answer.attribute)
            weaker = [m for m in verdict.members if m.value not in values]
            if weaker:
                also = "; ".join(
                    f"{member_words(attribute, band)} ({sure})" for sure, band in _bands(weaker)
                )
                out.append(Line(1, "verdict", f"Also: {also}.", attribute.tone))
        goal = self.goal
        if goal is not None and answer.by != goal:
            # The goal had no verdict: say so, and answer from the next that holds.
            missing = self._attribute(goal.attribute).title
            out.append(Line(1, "note", f"Nothing the articles say decides {missing}."))
        beside = [
            *(answer.by.with_ if answer.by is not None else ()),
            *(goal.with_ if goal else ()),
        ]
        for name in dict.fromkeys(beside):
            if name in self.result and name not in shown:
                shown.add(name)
                out += self._beside(self.result.verdict(name), quoted)
        return out

    def _alternatives(self, answer: Answer) -> list[Line]:
        """Each alternative's answer, with its reasons, under what it depends on."""
        out = []
        knowledge = self.result.knowledge
        for one, alternative in zip(self.result.alternatives, answer.alternatives, strict=True):
            mine = alternative.answer
            said = capitalised(alternative.words(knowledge))
            if mine.attribute is None:
                out.append(Line(1, "answer", f"{said}: {mine.text}"))
                continue
            lines = Report(one, mine.goal, self.full, self.hints)._answer(mine, set())
            head, rest = lines[0], lines[1:]
            out.append(attrs.evolve(head, depth=1, text=f"{said}: {head.text}"))
            out += [attrs.evolve(line, depth=line.depth + 1) for line in rest]
        return out

    def _because(self, firing: Firing, answering: str) -> Line:
        """``for <the stated facts the rule tested>: “quote” (source)`` for a rule on the
        answer itself, or ``because of <what it concluded> (<the needs>)`` for a reason
        drawn from another conclusion (a concern)."""
        knowledge = self.result.knowledge
        source = source_words(knowledge, firing.source)
        quote = f"“{short_quote(firing.quote)}” ({source})"
        if any(a == answering for a, _ in firing.conclusions):
            facts = self._tested(firing)
            said = statement(knowledge, facts) if facts else ""
            return Line(1, "reason", f"for {said}: {quote}" if said else f"because {quote}")
        held = self._held()
        name, value = next(
            ((a, v) for a, v in firing.conclusions if (a, v) in held), firing.conclusions[0]
        )
        attribute = self._attribute(name)
        need = self._needs(firing)
        what = attribute.word(value) + (f" ({need})" if need else "")
        return Line(1, "reason", f"because of {what}: {quote}", attribute.tone_of(value))

    def _held(self) -> set[tuple[str, FactValue]]:
        return {key for key, cf in self.result.certainties.items() if cf > 0}

    def _tested(self, firing: Firing, groups: tuple[str, ...] = ()) -> dict[str, Any]:
        """The stated facts a firing's rule tested (only of ``groups`` when given), a set cut
        to the members it asked about; a concluded attribute the person stated outright
        (a stated ``plant.species`` for ``plant.kind``) counts as its statement."""
        result = self.result
        rule = result.knowledge.rule(firing.rule)
        facts = tested(result.knowledge, rule.conditions, result.facts)
        implied = result.knowledge.implied(result.facts)
        for condition in rule.conditions:
            if condition.attribute in implied and implied[condition.attribute][0] is not None:
                name = implied[condition.attribute][1]
                facts[name] = result.facts[name]
        if groups:
            facts = {n: v for n, v in facts.items() if n.split(".", 1)[0] in groups}
        return {name: facts[name] for name in result.facts if name in facts}

    def _needs(self, firing: Firing) -> str:
        """The stated needs a firing tested, in words (``for long trips``), when the goal
        names whose facts a strength or concern serves (``for`` in goals.toml)."""
        if self.goal is None or not self.goal.for_:
            return ""
        attributes = self.result.knowledge.attributes
        facts = self._tested(firing, self.goal.for_)
        return ", ".join(attributes[name].phrase(value) for name, value in facts.items())

    def _beside(self, verdict: Verdict, quoted: set[str]) -> list[Line]:
        attribute = self._attribute(verdict.attribute)
        if verdict.members:
            strong = [m for m in verdict.members if m.certainty >= STRONG]
            weak = [m for m in verdict.members if m.certainty < STRONG]
            parts = [self._members(attribute, strong, needs=True)] if strong else []
            if weak:
                parts.append("possibly " + self._members(attribute, weak, needs=True))
            values = "; ".join(parts)
            lead = self._leads(verdict.members)
            tone = attribute.tone
        else:
            values = f"{attribute.word(verdict.value)} ({self._sure(verdict)})"
            lead = list(verdict.because[:1])
            tone = attribute.tone_of(verdict.value)
        out = [Line(1, "verdict", f"{capitalised(attribute.title)}: {values}.", tone)]
        for firing in lead:
            quote = short_quote(firing.quote)
            if quote not in quoted:
                quoted.add(quote)
                source = source_words(self.result.knowledge, firing.source)
                out.append(Line(2, "quote", f"“{quote}” ({source})"))
        return out

    def _leads(self, members: tuple[Member, ...]) -> list[Firing]:
        """The reasons quoted under a set verdict: its first member's, and that of the first
        member resting on other stated facts (a hearing warning beside care advice)."""
        leads: list[Firing] = []
        covered: set[str] = set()
        for member in members:
            if not member.because:
                continue
            firing = member.because[0]
            facts = set(self._tested(firing))
            if not leads or (facts and not facts <= covered):
                leads.append(firing)
                covered |= facts
            if len(leads) == 2:
                break
        return leads

    def _members(self, attribute: Attribute, members: list[Member], needs: bool = False) -> str:
        """Members in words; with ``needs``, grouped by the stated needs they serve or work
        against (``a weak battery (for long trips)``)."""
        if not needs:
            return member_words(attribute, [member.value for member in members])
        groups: dict[str, list[Any]] = {}
        for member in members:
            need = self._needs(member.because[0]) if member.because else ""
            groups.setdefault(need, []).append(member.value)
        return "; ".join(
            member_words(attribute, values) + (f" ({need})" if need else "")
            for need, values in groups.items()
        )

    def _sure(self, verdict: Verdict) -> str:
        return "as you said" if verdict.stated_by else certainty_words(verdict.certainty)

    def _one_line(self, verdict: Verdict) -> Line:
        """One verdict on one line, in words: ``Kind of plant: a fern (certain).``"""
        attribute = self._attribute(verdict.attribute)
        title = capitalised(attribute.title)
        if not verdict.members:
            tone = attribute.tone_of(verdict.value)
            words = f"{attribute.word(verdict.value)} ({self._sure(verdict)})"
            return Line(1, "verdict", f"{title}: {words}.", tone)
        text = "; ".join(
            f"{member_words(attribute, values)} ({sure})"
            for sure, values in _bands(verdict.members)
        )
        return Line(1, "verdict", f"{title}: {text}.", attribute.tone)

    # -- disagreements -----------------------------------------------------------------------

    def _bearing(self, answer: Answer) -> set[str]:
        """The attributes the answer rests on: its own, those beside it, their premises."""
        todo = [answer.attribute or "", *(self.goal.with_ if self.goal is not None else ())]
        seen: set[str] = set()
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            for firing in self.result.firings:
                if any(a == name for a, _ in firing.conclusions):
                    todo += [a for a, _ in firing.matched if a not in self.result.facts]
        return seen

    def _side(
        self,
        name: str,
        value: SingleValue,
        certainty: float,
        firings: tuple[Firing, ...],
        needs: str = "",
    ) -> str:
        """One side of a disagreement: the value, how sure, who says so (and, for opposed
        values resting on different statements, for what)."""
        attribute = self._attribute(name)
        sources = join_words(
            list(dict.fromkeys(source_words(self.result.knowledge, f.source) for f in firings))
        )
        said = "; ".join(part for part in (certainty_words(certainty), sources, needs) if part)
        return f"{attribute.word(value)} ({said})"

    def _for(self, firings: tuple[Firing, ...]) -> str:
        """What the strongest of ``firings`` rested on of the stated facts, in words."""
        if not firings:
            return ""
        attributes = self.result.knowledge.attributes
        facts = self._tested(firings[0])
        return ", ".join(attributes[name].phrase(value) for name, value in facts.items())

    def _dispute(self, conflict: Conflict) -> list[Line]:
        """A disagreement in words, then one short quote of each side."""
        knowledge = self.result.knowledge
        attribute = self._attribute(conflict.attribute)
        title = capitalised(attribute.title)
        (value, certainty, firings), *losers = conflict.sides
        out: list[Line] = []
        if conflict.stated:
            said = self._attribute(conflict.stated).word(value)  # in the words it was stated
            for lost, lost_cf, lost_firings in losers:
                sources = join_words(
                    list(dict.fromkeys(source_words(knowledge, f.source) for f in lost_firings))
                )
                out.append(
                    Line(
                        1,
                        "conflict",
                        f"{title}: you said {said}; {sources} would say "
                        f"{attribute.word(lost)} ({certainty_words(lost_cf)}). What you said "
                        "stands.",
                    )
                )
                out += self._quotes(lost_firings, set())
            return out
        # Opposed values often rest on different needs (avoid it for long trips, enough
        # for short ones): say which, where the two sides' statements differ.
        grounds = [self._for(firings)] + [self._for(fs) for _, _, fs in losers]
        apart = bool(conflict.against) and len(set(grounds)) > 1
        winner = self._side(
            conflict.attribute, value, certainty, firings, grounds[0] if apart else ""
        )
        other = conflict.against or conflict.attribute
        lost_title = self._attribute(other).title
        against = " and ".join(
            f"{lost_title + ': ' if conflict.against else ''}"
            + self._side(other, v, cf, fs, ground if apart else "")
            for (v, cf, fs), ground in zip(losers, grounds[1:], strict=True)
        )
        how = SETTLED_WORDS[conflict.settled_by]
        out.append(Line(1, "conflict", f"{title}: {winner} over {against}, {how}."))
        shown: set[str] = set()
        out += self._quotes(firings, shown)
        for _, _, lost_firings in losers:
            out += self._quotes(lost_firings, shown)
        return out

    def _quotes(self, firings: tuple[Firing, ...], shown: set[str]) -> list[Line]:
        """The first quote of the strongest firing not yet ``shown`` in this disagreement
        (one article may give both sides, its rules opening with the same sentence)."""
        knowledge = self.result.knowledge
        for firing in firings[:1]:
            quotes = [q for q in firing.quote.split(" … ") if q.strip() not in shown]
            if quotes:
                shown.add(quotes[0].strip())
                text = short_quote(quotes[0])
                return [Line(2, "quote", f"“{text}” ({source_words(knowledge, firing.source)})")]
        return []


def _bands(members: tuple[Member, ...] | list[Member]) -> list[tuple[str, list[SingleValue]]]:
    """Members grouped by their certainty in words (``certain``, ``likely``), in order."""
    bands: list[tuple[str, list[SingleValue]]] = []
    for member in members:
        sure = certainty_words(member.certainty).split(",")[0]
        if bands and bands[-1][0] == sure:
            bands[-1][1].append(member.value)
        else:
            bands.append((sure, [member.value]))
    return bands


def report(result: Outcome, *, full: bool = False, hints: str = "api") -> Report:
    """The report of ``result``, answering the question it was asked: typed in words, or
    the one its stated facts ask."""
    if result.question is not None:
        return Report(result, answer_of(result).goal, full, hints)
    return Report(result, choose_goal(result.knowledge.goals, result.facts), full, hints)
