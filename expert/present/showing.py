"""Attach the presentation layer's drawings to the data's display hooks.

The data classes show themselves in a notebook and a terminal through the hooks of
:mod:`expert.model.display`, without importing their renderers; this module binds each class to
its drawing (:mod:`expert.present.notebook` for HTML, :mod:`expert.present.render` for rich). The
:class:`~expert.api.expert.Expert`'s module calls :func:`attach_drawings` on import.
"""

from __future__ import annotations

from ..model.display import Displayable, show_html_with, show_rich_with
from ..model.outcome import Conflict, Verdict
from ..reasoning.answer import Answer
from ..reasoning.how import How
from ..reasoning.questions import Question
from .notebook import answer_box, conflict_html, how_html, lines_box, question_html, verdict_html
from .render import styled_lines

__all__ = ["attach_drawings"]


def _lines_html(shown: Displayable) -> str:
    return lines_box(shown.lines())


def attach_drawings() -> None:
    """Bind every displayable class to its HTML drawing, and explanation lines to their
    terminal styling (idempotent)."""
    show_html_with(Displayable, _lines_html)
    show_html_with(How, how_html)
    show_html_with(Verdict, verdict_html)
    show_html_with(Conflict, conflict_html)
    show_html_with(Answer, answer_box)
    show_html_with(Question, question_html)
    show_rich_with(styled_lines)
