"""The full report: every verdict by its id, with every rule that concluded it and its
quote, then the disagreements and the notes (``--all``, ``report(full=True)``)."""

from __future__ import annotations

from .._support.short_repr import cf
from ..model.display import Line
from ..model.outcome import Conflict, Firing, Outcome, Verdict
from ..model.vocabulary import SingleValue, show_value
from ..model.words import SETTLED, stated_subject
from ..reasoning.answer import Answer

__all__ = ["full_lines"]


def full_lines(result: Outcome, answer: Answer) -> list[Line]:
    """Every verdict by its id with every rule and quote, the disagreements and the notes:
    the report of ``--all`` (ids, not words, for those who write the rules)."""
    out = []
    if answer.attribute is not None:
        out.append(Line(0, "answer", answer.text))
    for verdict in result.verdicts:
        out.append(Line(0, "verdict", _one_line(verdict)))
        if verdict.members:
            for member in verdict.members:
                out.append(
                    Line(1, "verdict", f"{show_value(member.value)} ({cf(member.certainty)})")
                )
                out += [_cited(f, 2) for f in member.because]
        else:
            out += [_cited(f, 1) for f in verdict.because]
    if result.conflicts:
        out.append(Line(0, "heading", "Where the articles disagree:"))
        for conflict in result.conflicts:
            out.append(Line(1, "conflict", _ids_dispute(conflict)))
            for value, certainty, firings in conflict.sides[1:]:
                lost = "overruled" if conflict.stated else "outweighed"
                out.append(Line(2, "conflict", f"{lost}: {show_value(value)} ({cf(certainty)})"))
                out += [_cited(f, 3) for f in firings]
    if result.notes:
        of = stated_subject(result.knowledge, result.facts)
        out.append(Line(0, "heading", f"What the articles say in general (not of {of}):"))
        for note in result.notes:
            head = f"{note.subject}: {note.attribute.split('.', 1)[1]} {show_value(note.value)}"
            out.append(Line(1, "note", f"{head} ({cf(note.certainty)}, {note.rule})"))
            out.append(Line(2, "quote", f"“{note.quote}” ({note.source})"))
    return out


def _cited(firing: Firing, depth: int) -> Line:
    weight = f"{cf(firing.certainty)}"
    if firing.defeated_by:
        weight += f", defeated by {', '.join(firing.defeated_by)}"
    elif firing.overruled_by:
        weight += f", overruled by what you said ({firing.overruled_by})"
    return Line(depth, "quote", f"{firing.rule} ({firing.source}, {weight}): “{firing.quote}”")


def _one_line(verdict: Verdict) -> str:
    if verdict.members:
        values = ", ".join(f"{show_value(m.value)} {cf(m.certainty)}" for m in verdict.members)
        return f"{verdict.attribute}: {values}"
    said = f", stated by {verdict.stated_by}" if verdict.stated_by else ""
    return f"{verdict.attribute} = {show_value(verdict.value)} ({cf(verdict.certainty)}{said})"


def _ids_dispute(conflict: Conflict) -> str:
    def side(value: SingleValue, certainty: float, firings: tuple[Firing, ...]) -> str:
        sources = ", ".join(sorted({f.source for f in firings}))
        return (
            f"{show_value(value)} ({cf(certainty)}, {sources})"
            if sources
            else (f"{show_value(value)} ({cf(certainty)})")
        )

    winner, *losers = conflict.sides
    shown = side(*winner)
    if conflict.stated:
        shown = f"{show_value(conflict.winner)} (stated by {conflict.stated})"
    rest = " vs ".join(side(*loser) for loser in losers)
    where = f"{conflict.attribute}" + (f" vs {conflict.against}" if conflict.against else "")
    how = SETTLED[conflict.settled_by]
    return f"{where}: {shown} vs {rest}; {show_value(conflict.winner)} wins {how}"
