"""The report of a consultation: the answer to its goal first, in plain words, then the rest.

MYCIN ended a consultation with a short report and explained on demand; so does this. The
report opens with the goal's verdict (:mod:`expert.goals`) and the one or two strongest
reasons behind it, each with a short verbatim quote, then the verdicts shown beside it, then
the other verdicts one line each, the disagreements that bear on the answer, and one line
saying how to see more. ``full`` reports list every verdict with every rule and quote.

A report lays itself out as :class:`~expert.explanation.Line` objects; :mod:`expert.render`
draws them for a terminal or as HTML, ``to_text`` as plain text.
"""

from __future__ import annotations

import attrs

from .explanation import SETTLED, Line, _Rendered
from .goals import Goal, choose_goal
from .result import Conflict, Firing, Result, Verdict
from .vocabulary import show_value

__all__ = ["HINTS", "Report", "report"]

#: How each way in says "see more": the command line's flags, the REPL's commands, the API.
HINTS = {
    "cli": "More: --all for every verdict with its rules and quotes; --how ATTR for the proof "
    "of one, --why-not ATTR=VALUE, --how-to ATTR=VALUE.",
    "repl": "More: all for every verdict with its rules and quotes; how ATTR for the proof of "
    "one, why-not ATTR VALUE, how-to ATTR VALUE.",
    "api": "More: result.how(ATTR), result.why_not(ATTR, VALUE), result.how_to(ATTR, VALUE), "
    "result.to_dict().",
}

#: The longest short quote, in characters, before it is cut at a word.
SHORT_QUOTE = 110


def _cf(value: float) -> str:
    return f"{value:.2f}"


def short_quote(quote: str, limit: int = SHORT_QUOTE) -> str:
    """The first of a rule's quotes, cut at a word boundary with an ellipsis if long."""
    first = quote.split(" … ", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


@attrs.frozen
class Report(_Rendered):
    """A consultation's report.

    Attributes:
        result: the consultation.
        goal: its goal, or ``None`` when the base declares none.
        full: list every verdict with every rule and quote.
        hints: which way in the "see more" line speaks to: ``cli``, ``repl`` or ``api``.
    """

    result: Result
    goal: Goal | None
    full: bool = False
    hints: str = "api"

    def answer(self) -> Verdict | None:
        """The verdict that answers the goal, if the rules reached one."""
        if self.goal is None or self.goal.attribute not in self.result:
            return None
        return self.result.verdict(self.goal.attribute)

    def lines(self) -> list[Line]:
        """The report as lines: the answer first, then the rest."""
        result = self.result
        facts = ", ".join(f"{n} = {show_value(v)}" for n, v in result.facts.items())
        out = [Line(0, "fact", f"You said: {facts or 'nothing yet'}.")]
        if self.full:
            return out + self._everything()
        shown: set[str] = set()
        out += self._answer(shown)
        others = [v for v in result.verdicts if v.attribute not in shown]
        if others and self.goal is None:
            # A base that declares no goal: each verdict with its strongest reason.
            for verdict in others:
                out.append(Line(0, "verdict", _one_line(verdict)))
                lead = (verdict.members[0].because if verdict.members else verdict.because)[:1]
                out += [Line(1, "quote", f"“{short_quote(f.quote)}” ({f.source})") for f in lead]
        elif others:
            out.append(Line(0, "heading", "Also concluded:"))
            out += [Line(1, "verdict", _one_line(verdict)) for verdict in others]
        if not result.verdicts:
            out.append(Line(0, "answer", "No verdicts: no rule applies to these facts."))
        bearing = self._bearing()
        disputes = [c for c in result.conflicts if c.attribute in bearing]
        if disputes:
            out.append(Line(0, "heading", "Where the articles disagree on this:"))
            out += [Line(1, "conflict", _dispute(c)) for c in disputes]
        if result.notes:
            subjects = ", ".join(dict.fromkeys(note.subject for note in result.notes))
            count = len(result.notes)
            out.append(
                Line(
                    0,
                    "note",
                    f"{count} note{'s' if count != 1 else ''} on what the articles say of "
                    f"{subjects} in general (not of this device).",
                )
            )
        out.append(Line(0, "hint", HINTS.get(self.hints, HINTS["api"])))
        return out

    def _answer(self, shown: set[str]) -> list[Line]:
        goal, answer = self.goal, self.answer()
        if goal is None:
            return []
        shown.add(goal.attribute)
        if answer is None:
            return [
                Line(
                    0,
                    "answer",
                    f"No answer on {goal.attribute}: no rule concludes it from these facts.",
                )
            ]
        out = [
            Line(
                0, "answer", f"{goal.sentence(answer.value)} (certainty {_cf(answer.certainty)})."
            )
        ]
        reasons = self._reasons(answer)[:2]
        out += [Line(1, "reason", self._because(f, goal.attribute)) for f in reasons]
        quoted = {firing.rule for firing in reasons}  # each quote is shown once
        for name in goal.with_:
            if name in self.result:
                shown.add(name)
                out += self._beside(self.result.verdict(name), quoted)
        return out

    def _reasons(self, verdict: Verdict) -> list[Firing]:
        """The strongest firings behind ``verdict`` that cite an article about the facts:
        for a verdict drawn from other conclusions (a fit from concerns), those conclusions'
        own reasons."""
        found: list[Firing] = []
        seen: set[str] = set()
        frontier = list(verdict.because)
        while frontier and len(found) < 4:
            firing = frontier.pop(0)
            if firing.rule in seen:
                continue
            seen.add(firing.rule)
            concluded = [(a, v) for a, v in firing.matched if a not in self.result.facts]
            if not concluded:
                found.append(firing)
                continue
            deeper = sorted(
                (f for a, v in concluded for f in self.result.support(a, v)),
                key=lambda f: (-abs(f.certainty), f.rule),
            )
            frontier = deeper + frontier
        return found

    def _because(self, firing: Firing, goal: str) -> str:
        """``because <the stated facts it tested>`` for a rule concluding the goal itself, or
        ``because <what it concluded>`` for one the goal was drawn from (a concern), with a
        short quote."""
        if any(a == goal for a, _ in firing.conclusions):
            rule = self.result.knowledge.rule(firing.rule)
            said = " and ".join(c.describe() for c in rule.conditions if not c.concluded)
        else:
            said = ", ".join(
                f"{a.split('.', 1)[1].replace('_', ' ')}: {show_value(v)}"
                for a, v in firing.conclusions
            )
        return f"because {said}: “{short_quote(firing.quote)}” ({firing.source})"

    def _beside(self, verdict: Verdict, quoted: set[str]) -> list[Line]:
        attribute = self.result.knowledge.attributes[verdict.attribute]
        label = attribute.doc or verdict.attribute
        if verdict.members:
            strong = [m for m in verdict.members if m.certainty >= 0.5]
            weak = [m for m in verdict.members if m.certainty < 0.5]
            values = ", ".join(show_value(m.value) for m in strong)
            if weak:
                maybe = ", ".join(f"{show_value(m.value)} {_cf(m.certainty)}" for m in weak)
                values = f"{values}; weakly: {maybe}" if values else f"weakly: {maybe}"
            lead = verdict.members[0].because[:1]
        else:
            values = f"{show_value(verdict.value)} ({_cf(verdict.certainty)})"
            lead = verdict.because[:1]
        out = [Line(1, "verdict", f"{label}: {values} [{verdict.attribute}]")]
        for firing in lead:
            if firing.rule not in quoted:
                quoted.add(firing.rule)
                out.append(Line(2, "quote", f"“{short_quote(firing.quote)}” ({firing.source})"))
        return out

    def _bearing(self) -> set[str]:
        """The attributes the answer rests on: the goal, those beside it, their premises."""
        if self.goal is None:
            return {verdict.attribute for verdict in self.result.verdicts}
        todo = [self.goal.attribute, *self.goal.with_]
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

    def _everything(self) -> list[Line]:
        out = []
        answer = self.answer()
        if self.goal is not None and answer is not None:
            sentence = self.goal.sentence(answer.value)
            out.append(Line(0, "answer", f"{sentence} (certainty {_cf(answer.certainty)})."))
        for verdict in self.result.verdicts:
            out.append(Line(0, "verdict", _one_line(verdict)))
            if verdict.members:
                for member in verdict.members:
                    out.append(
                        Line(1, "verdict", f"{show_value(member.value)} ({_cf(member.certainty)})")
                    )
                    out += [_cited(f, 2) for f in member.because]
            else:
                out += [_cited(f, 1) for f in verdict.because]
        if self.result.conflicts:
            out.append(Line(0, "heading", "Where the articles disagree:"))
            for conflict in self.result.conflicts:
                out.append(Line(1, "conflict", _dispute(conflict)))
                for value, certainty, firings in conflict.sides[1:]:
                    out.append(
                        Line(2, "conflict", f"outweighed: {show_value(value)} ({_cf(certainty)})")
                    )
                    out += [_cited(f, 3) for f in firings]
        if self.result.notes:
            out.append(
                Line(0, "heading", "What the articles say in general (not of this device):")
            )
            for note in self.result.notes:
                head = (
                    f"{note.subject}: {note.attribute.split('.', 1)[1]} {show_value(note.value)}"
                )
                out.append(Line(1, "note", f"{head} ({_cf(note.certainty)}, {note.rule})"))
                out.append(Line(2, "quote", f"“{note.quote}” ({note.source})"))
        return out


def _cited(firing: Firing, depth: int) -> Line:
    weight = f"{_cf(firing.certainty)}"
    if firing.defeated_by:
        weight += f", defeated by {', '.join(firing.defeated_by)}"
    return Line(depth, "quote", f"{firing.rule} ({firing.source}, {weight}): “{firing.quote}”")


def _one_line(verdict: Verdict) -> str:
    if verdict.members:
        values = ", ".join(f"{show_value(m.value)} {_cf(m.certainty)}" for m in verdict.members)
        return f"{verdict.attribute}: {values}"
    return f"{verdict.attribute} = {show_value(verdict.value)} ({_cf(verdict.certainty)})"


def _dispute(conflict: Conflict) -> str:
    sides = " vs ".join(
        f"{show_value(value)} ({_cf(cf)}, {', '.join(sorted({f.source for f in firings}))})"
        for value, cf, firings in conflict.sides
    )
    how = SETTLED[conflict.settled_by]
    return f"{conflict.attribute}: {sides}; {show_value(conflict.winner)} wins {how}"


def report(result: Result, *, full: bool = False, hints: str = "api") -> Report:
    """The report of ``result``, answering the goal its stated facts choose."""
    return Report(result, choose_goal(result.knowledge.goals, result.facts), full, hints)
