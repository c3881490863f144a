"""How data shows itself: explanation lines, and the hooks the presentation layer fills.

Results, verdicts and explanations are data; drawing them for a terminal (rich) or a
notebook (HTML) is the presentation layer's job. So that the data never imports its
renderers, this module keeps two hooks: :func:`show_html_with` binds a class to the function
that draws it as HTML (found along the class's MRO, so a base's drawing serves its
subclasses), and :func:`show_rich_with` names the function that styles lines for a terminal.
``expert.present.showing`` fills both, the first time a drawing is wanted
(:func:`draw_when_needed`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import attrs

from .._support.short_repr import fit, shown

__all__ = [
    "Displayable",
    "Line",
    "ShownInNotebook",
    "draw_when_needed",
    "html_of",
    "show_html_with",
    "show_rich_with",
]

# One entry per displayable class, filled once: bounded by the classes there are.
_HTML: dict[type, Callable[[Any], str]] = {}
_RICH: list[Callable[[list[Line]], Any]] = []
# What fills the hooks, called the first time a drawing is wanted (it loads the renderers, and
# rich, only then).
_FILL: list[Callable[[], None]] = []


def draw_when_needed(fill: Callable[[], None]) -> None:
    """Call ``fill`` (which binds the drawings) the first time a drawing is wanted."""
    _FILL[:] = [fill]


_FILLING = threading.Lock()


def _filled() -> None:
    if _FILL:
        with _FILLING:  # another thread drawing meanwhile waits until the hooks are filled
            if _FILL:
                _FILL[0]()
                _FILL.clear()


def show_html_with(cls: type, draw: Callable[[Any], str]) -> None:
    """Draw instances of ``cls`` (and of its subclasses without a drawing of their own) as
    HTML with ``draw``."""
    _HTML[cls] = draw


def show_rich_with(draw: Callable[[list[Line]], Any]) -> None:
    """Style explanation lines for a terminal with ``draw`` (a rich renderable back)."""
    _RICH[:] = [draw]


def html_of(shown_object: object) -> str:
    """What a notebook shows for ``shown_object``: the drawing bound to its class.

    Raises:
        LookupError: no drawing is bound to its class or a base of it.
    """
    _filled()
    for cls in type(shown_object).__mro__:
        draw = _HTML.get(cls)
        if draw is not None:
            return draw(shown_object)
    raise LookupError(f"no HTML drawing for {type(shown_object).__name__}")


class ShownInNotebook:
    """Data a notebook draws as HTML (Jupyter's ``_repr_html_`` protocol), with the drawing
    the presentation layer bound to its class."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return html_of(self)


@attrs.frozen(repr=False)
class Line:
    """One line of an explanation.

    Attributes:
        depth: indentation level.
        kind: what the line shows: ``heading``, ``rule``, ``quote``, ``fact``, ``reason``,
            ``conflict`` or ``change``; renderers style by it.
        text: the words.
        tone: what it means for the person asking, one of
            :data:`~expert.model.vocabulary.TONES` (``good``, ``bad``, ``weak``) or ``""``:
            renderers colour by it, so that colour follows meaning.
    """

    depth: int
    kind: str
    text: str
    tone: str = ""

    def __repr__(self) -> str:
        tone = f", {self.tone!r}" if self.tone else ""
        return fit(f"Line({self.depth}, {self.kind!r}, {shown(self.text, 80)}{tone})")


class Displayable(ShownInNotebook):
    """An explanation or report that lays itself out as :class:`Line` objects; subclasses
    provide ``lines()``, and every format is drawn from them."""

    __slots__ = ()

    def lines(self) -> list[Line]:
        raise NotImplementedError

    def to_text(self) -> str:
        """Plain text, indented two spaces a level."""
        return "\n".join(f"{'  ' * line.depth}{line.text}" for line in self.lines())

    def to_markdown(self) -> str:
        """A nested Markdown list."""
        return "\n".join(f"{'  ' * line.depth}- {line.text}" for line in self.lines())

    def to_rich(self) -> Any:
        """Styled text for a terminal (a rich ``Text``, drawn by :mod:`expert.present.render`)."""
        _filled()
        if not _RICH:
            raise LookupError("no terminal styling for explanation lines")
        return _RICH[0](self.lines())

    def __rich__(self) -> Any:
        """What rich prints for this explanation (``Console.print(explanation)``)."""
        return self.to_rich()

    def __str__(self) -> str:
        return self.to_text()
