"""HTML for notebooks: a consultation, its answer and its explanations as structure.

The answer comes first with its sentence, the verdicts form a table in the vocabulary's
words, a certainty is a bar, a quote is a ``<blockquote>`` citing its article, a proof is a
nested list, and colour follows meaning (a line's tone: good green, bad red, weak yellow).
Explanations are drawn from their :class:`~expert.model.display.Line` objects, the report
from its result, answer and lines, so no content is derived twice.

Every text from rules, articles, files or the person asking is escaped. The HTML stands
alone: inline styles, no script, no stylesheet, no external resource.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, TypeAlias

from .._support.short_repr import cf
from ..model.vocabulary import SingleValue, show_value
from ..model.words import SETTLED, capitalised, certainty_words, short_quote, source_words
from ..reasoning.answer import depends_on

if TYPE_CHECKING:
    from ..model.display import Line
    from ..model.knowledge_base import KnowledgeBase
    from ..model.outcome import Conflict, Firing, Verdict
    from ..reasoning.answer import Answer
    from ..reasoning.how import How
    from ..reasoning.questions import Question
    from .report import Report

__all__ = [
    "TONE_COLOURS",
    "bar",
    "answer_box",
    "answer_html",
    "conflict_html",
    "how_html",
    "lines_box",
    "lines_html",
    "question_html",
    "quote_html",
    "report_html",
    "verdict_html",
]

#: Text colours by a line's tone, what it means for the person asking.
TONE_COLOURS = {"good": "#1a7f37", "bad": "#cf222e", "weak": "#9a6700"}
#: Bar colours by tone; a certainty of no tone is blue, evidence against grey.
_BAR_COLOURS = {"good": "#2da44e", "bad": "#e5534b", "weak": "#d4a72c", "": "#4c8bf5"}

_BOX = (
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;"
    "line-height:1.45;max-width:60em"
)
_QUOTE = "margin:0.3em 0 0.5em 0;padding:0.2em 0.8em;border-left:3px solid #d0d7de;color:#444"
_CITE = "display:block;font-size:0.85em;color:#666;font-style:normal"
_MUTED = "color:#666"
_TABLE = "border-collapse:collapse;margin:0.4em 0"
_CELL = (
    "padding:0.2em 0.8em 0.2em 0;border-bottom:1px solid #eee;text-align:left;vertical-align:top"
)
_LIST = "margin:0.1em 0;padding-left:1.4em"
_QUOTED = re.compile(r"^“(?P<quote>.*?)”(?: \((?P<cite>.*)\))?(?P<rest>.*)$", re.DOTALL)


def _tone(tone: str) -> str:
    colour = TONE_COLOURS.get(tone)
    return f"color:{colour};" if colour else ""


def _box(inner: str) -> str:
    return f'<div class="expert" style="{_BOX}">{inner}</div>'


def bar(certainty: float, tone: str = "") -> str:
    """A certainty as a bar of its size with the figure beside it (evidence against in
    grey)."""
    width = round(min(1.0, abs(certainty)) * 100)
    colour = _BAR_COLOURS.get(tone, _BAR_COLOURS[""]) if certainty >= 0 else "#8c959f"
    return (
        f'<span class="expert-bar" title="certainty {cf(certainty)}" style="display:inline-block;'
        "width:5em;height:0.65em;background:#eaeef2;border-radius:3px;vertical-align:middle;"
        f'margin-right:0.4em"><span style="display:block;width:{width}%;height:100%;'
        f'background:{colour};border-radius:3px"></span></span>'
        f'<span style="font-variant-numeric:tabular-nums">{cf(certainty)}</span>'
    )


def quote_html(quote: str, cite: str = "", title: str = "") -> str:
    """A quote as a ``<blockquote>``, its article named in a ``<cite>``."""
    hover = f' title="{escape(title)}"' if title else ""
    shown = f'<cite style="{_CITE}"{hover}>{escape(cite)}</cite>' if cite else ""
    return f'<blockquote style="{_QUOTE}">“{escape(quote)}”{shown}</blockquote>'


def _source_quote(knowledge: KnowledgeBase | None, key: str, quote: str) -> str:
    """A quote citing the article ``key``: by its label, its full reference on hover."""
    if knowledge is None:
        return quote_html(quote, key, key)
    source = knowledge.sources.get(key)
    full = source.cite() if source is not None else key
    return quote_html(quote, source_words(knowledge, key), full)


def _firing_quote(knowledge: KnowledgeBase | None, firing: Firing) -> str:
    return _source_quote(knowledge, firing.source, short_quote(firing.quote))


# -- lines -----------------------------------------------------------------------------------


def _line_html(line: Line) -> str:
    """One line: a quote as a blockquote citing its source, the others as text in their
    tone."""
    if line.kind == "quote":
        found = _QUOTED.match(line.text)
        if found is not None and not found["rest"]:
            return quote_html(found["quote"], found["cite"] or "")
    weight = "font-weight:600;" if line.kind in ("heading", "answer") else ""
    muted = f"{_MUTED};" if line.kind in ("hint", "note") else ""
    style = f"{weight}{muted}{_tone(line.tone)}"
    return f'<span class="expert-{escape(line.kind)}" style="{style}">{escape(line.text)}</span>'


def lines_html(lines: Sequence[Line]) -> str:
    """Lines as nested lists, one ``<ul>`` a level of depth (a proof tree reads as one); a
    quote is a blockquote under the line it belongs to, without a bullet."""
    if not lines:
        return ""
    base = min(line.depth for line in lines)
    out: list[str] = []
    depth = -1
    for line in lines:
        level = line.depth - base
        item = '<li style="list-style:none">' if line.kind == "quote" else "<li>"
        if level > depth:
            for opened in range(depth + 1, level + 1):
                out.append(f'<ul style="{_LIST}">')
                out.append(item if opened == level else '<li style="list-style:none">')
        else:
            out.append("</li>")
            out += ["</ul></li>"] * (depth - level)
            out.append(item)
        depth = level
        out.append(_line_html(line))
    out.append("</li>")
    out += ["</ul></li>"] * depth
    out.append("</ul>")
    return "".join(out)


def lines_box(lines: Sequence[Line]) -> str:
    """Lines as nested lists in a self-contained box."""
    return _box(lines_html(lines))


# -- values ----------------------------------------------------------------------------------


#: A value of an attribute in words: ``words(attribute, value)``.
_Words: TypeAlias = Callable[[str, SingleValue], str]


def _sides_table(conflict: Conflict, words: _Words, knowledge: KnowledgeBase | None = None) -> str:
    rows = []
    for index, (value, certainty, firings) in enumerate(conflict.sides):
        sources = ", ".join(
            dict.fromkeys(
                source_words(knowledge, f.source) if knowledge is not None else f.source
                for f in firings
            )
        )
        mark = "✓ " if index == 0 else ""
        name = conflict.against if index and conflict.against else conflict.attribute
        rows.append(
            f'<tr><td style="{_CELL}">{mark}{escape(words(name, value))}</td>'
            f'<td style="{_CELL}">{bar(certainty)}</td>'
            f'<td style="{_CELL};{_MUTED}">{escape(sources)}</td></tr>'
        )
    return f'<table style="{_TABLE}">{"".join(rows)}</table>'


def _side_quotes(conflict: Conflict, knowledge: KnowledgeBase | None) -> str:
    shown: list[str] = []
    for _, _, firings in conflict.sides:
        if firings:
            shown.append(_firing_quote(knowledge, firings[0]))
    return "".join(shown)


def conflict_html(conflict: Conflict) -> str:
    """A disagreement: each side with its certainty and sources, the winner first and
    ticked, then the strongest quote of each side."""
    head = (
        f'<div style="font-weight:600">{escape(conflict.attribute)}: '
        f"{escape(show_value(conflict.winner))} wins {escape(SETTLED[conflict.settled_by])}</div>"
    )
    return _box(
        head
        + _sides_table(conflict, lambda _, value: show_value(value))
        + _side_quotes(conflict, None)
    )


def verdict_html(verdict: Verdict) -> str:
    """A verdict: its value (each member of a set with its own certainty) and the quotes
    of the rules that concluded it."""
    rows = []
    if verdict.members:
        rows += [
            f'<tr><td style="{_CELL}">{escape(show_value(member.value))}</td>'
            f'<td style="{_CELL}">{bar(member.certainty)}</td></tr>'
            for member in verdict.members
        ]
    else:
        said = f" (stated by {verdict.stated_by})" if verdict.stated_by else ""
        rows.append(
            f'<tr><td style="{_CELL}">{escape(show_value(verdict.value) + said)}</td>'
            f'<td style="{_CELL}">{bar(verdict.certainty)}</td></tr>'
        )
    quotes = "".join(_firing_quote(None, firing) for firing in verdict.because[:3])
    head = f'<div style="font-weight:600">{escape(verdict.attribute)}</div>'
    return _box(f'{head}<table style="{_TABLE}">{"".join(rows)}</table>{quotes}')


# -- the answer and the report ---------------------------------------------------------------


def _answer_head(answer: Answer, tone: str) -> str:
    sure = bar(answer.certainty, tone) if answer.attribute is not None else ""
    return (
        f'<div class="expert-answer" style="font-size:1.2em;font-weight:600;{_tone(tone)}">'
        f"{escape(answer.text)}</div>"
        + (f'<div style="margin:0.2em 0 0.4em 0">{sure}</div>' if sure else "")
    )


def answer_html(answer: Answer, knowledge: KnowledgeBase | None = None, tone: str = "") -> str:
    """An answer: its sentence, how sure, and its strongest reasons quoted."""
    if knowledge is not None and answer.attribute is not None and answer.value is not None:
        attribute = knowledge.attributes[answer.attribute]
        values = answer.value if isinstance(answer.value, tuple) else (answer.value,)
        tones = {attribute.tone_of(value) for value in values}
        tone = tone or (tones.pop() if len(tones) == 1 else "")
    quotes = "".join(_firing_quote(knowledge, firing) for firing in answer.because[:2])
    return _answer_head(answer, tone) + quotes


def _alternatives_html(answer: Answer, knowledge: KnowledgeBase, depends: str) -> str:
    """Answers differing by the alternatives a question named: what they depend on, then
    each alternative's answer with its reasons."""
    items = "".join(
        f'<li><div style="{_MUTED}">{escape(capitalised(one.words(knowledge)))}</div>'
        f"{answer_html(one.answer, knowledge)}</li>"
        for one in answer.alternatives
    )
    return (
        f'<div class="expert-answer" style="font-size:1.2em;font-weight:600">'
        f'{escape(depends)}:</div><ul style="margin:0.2em 0 0.4em 0">{items}</ul>'
    )


def answer_box(answer: Answer) -> str:
    """An answer on its own, in a self-contained box."""
    return _box(answer_html(answer))


def _verdicts_table(report: Report, answered: str | None) -> str:
    result = report.result
    knowledge = result.knowledge
    rows = []
    for verdict in result.verdicts:
        attribute = knowledge.attributes[verdict.attribute]
        if verdict.members:
            value = "; ".join(
                attribute.word(member.value)
                + ("" if member.certainty >= 0.9 else f" ({certainty_words(member.certainty)})")
                for member in verdict.members
            )
            tone = attribute.tone
        else:
            value = attribute.word(verdict.value)
            tone = attribute.tone_of(verdict.value)
        sure = "as you said" if verdict.stated_by else bar(verdict.certainty, tone)
        strong = "font-weight:600;" if verdict.attribute == answered else ""
        rows.append(
            f'<tr><th scope="row" style="{_CELL};font-weight:normal;{_MUTED}" '
            f'title="{escape(verdict.attribute)}">{escape(capitalised(attribute.title))}</th>'
            f'<td style="{_CELL};{strong}{_tone(tone)}">{escape(value)}</td>'
            f'<td style="{_CELL};white-space:nowrap">{sure}</td></tr>'
        )
    head = (
        f'<thead><tr><th style="{_CELL}">What</th><th style="{_CELL}">Verdict</th>'
        f'<th style="{_CELL}">Certainty</th></tr></thead>'
    )
    return f'<table class="expert-verdicts" style="{_TABLE}">{head}<tbody>{"".join(rows)}</tbody></table>'


def _details(summary: str, inner: str, open_: bool = False) -> str:
    return (
        f'<details{" open" if open_ else ""} style="margin:0.4em 0">'
        f'<summary style="cursor:pointer;font-weight:600">{escape(summary)}</summary>'
        f"{inner}</details>"
    )


def _words_of(knowledge: KnowledgeBase) -> _Words:
    def words(name: str, value: SingleValue) -> str:
        spec = knowledge.attributes.get(name)
        return spec.word(value) if spec is not None else show_value(value)

    return words


def report_html(report: Report) -> str:
    """A consultation as a notebook shows it: what was said, the answer with its reasons,
    the verdicts as a table, then the disagreements and the notes, folded."""
    result = report.result
    knowledge = result.knowledge
    lines = report.lines()
    answer = report.answered
    said = next((line.text for line in lines if line.kind == "fact"), "")
    tone = next((line.tone for line in lines if line.kind == "answer"), "")
    out = [f'<p style="{_MUTED};margin:0 0 0.3em 0">{escape(said)}</p>']
    if answer.alternatives and answer.value is None and result.question is not None:
        out.append(_alternatives_html(answer, knowledge, depends_on(knowledge, result.question)))
    else:
        out.append(answer_html(answer, knowledge, tone))
    if answer.attribute is None and not answer.alternatives:
        rest = [line for line in lines if line.kind not in ("fact", "answer")]
        out.append(lines_html(rest))
        return _box("".join(out))
    if result.verdicts:
        out.append(_verdicts_table(report, answer.attribute))
    if result.conflicts:
        words = _words_of(knowledge)
        parts = []
        for conflict in result.conflicts:
            title = capitalised(knowledge.attributes[conflict.attribute].title)
            parts.append(
                f'<div style="margin:0.5em 0 0 1em"><div>{escape(title)}</div>'
                + _sides_table(conflict, words, knowledge)
                + _side_quotes(conflict, knowledge)
                + "</div>"
            )
        count = len(result.conflicts)
        summary = f"Where the articles disagree ({count})"
        out.append(_details(summary, "".join(parts), report.full))
    if result.notes:
        items = []
        for note in result.notes:
            attribute = knowledge.attributes[note.attribute]
            subject = knowledge.group_words.get(note.subject)
            label = subject.label if subject is not None and subject.label else note.subject
            items.append(
                f"<li>{escape(capitalised(label))}, {escape(attribute.title)}: "
                f"{escape(attribute.words_of(note.value))} {bar(note.certainty)}"
                + _source_quote(knowledge, note.source, short_quote(note.quote))
                + "</li>"
            )
        summary = f"What the articles say in general ({len(result.notes)} notes)"
        out.append(_details(summary, f'<ul style="{_LIST}">{"".join(items)}</ul>', report.full))
    hint = next((line.text for line in lines if line.kind == "hint"), "")
    if hint:
        out.append(f'<p style="{_MUTED};font-size:0.85em">{escape(hint)}</p>')
    return _box("".join(out))


# -- explanations ----------------------------------------------------------------------------


def how_html(how: How) -> str:
    """A proof tree: the verdict with its certainty as a bar, then its lines as nested
    lists, each rule's quote a blockquote under it."""
    verdict = how.verdict
    head = (
        f'<div style="font-weight:600">{escape(verdict.attribute)} = '
        f"{escape(show_value(verdict.value))} {bar(verdict.certainty)}</div>"
    )
    return _box(head + lines_html(how.lines()[1:]))


def question_html(question: Question) -> str:
    """A question of a guided consultation: its words and the answers it takes."""
    choices: Iterable[tuple[str, str]] = question.choices
    items = "".join(
        f"<li>{escape(words)} <code>{escape(str(value))}</code></li>" for value, words in choices
    )
    listed = f'<ul style="{_LIST}">{items}</ul>' if items else ""
    return _box(f'<div style="font-weight:600">{escape(question.text)}</div>{listed}')
