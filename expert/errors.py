"""The exceptions the library raises; every one derives from :class:`ExpertError`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, TypeAlias

__all__ = [
    "BatchError",
    "EngineUnavailableError",
    "ExpertError",
    "ExplanationError",
    "FactError",
    "InferenceError",
    "KnowledgeBaseError",
    "Message",
    "Parameter",
    "PhraseError",
    "UsageError",
    "brief",
    "suggest",
    "unknown_key",
]


def suggest(word: object, choices: Iterable[object]) -> str | None:
    """Return the allowed choice closest to ``word``, or ``None`` when nothing is close."""
    names = [str(choice) for choice in choices]
    try:
        text = str(word)
    except ValueError:  # an int of more digits than Python will write out
        return None
    # A match needs a similarity of 0.6, which a word over twice as long as every choice
    # cannot reach; comparing a huge word would only take time.
    if len(text) > 2 * max(map(len, names), default=0) + 2:
        return None
    found = difflib.get_close_matches(text, names, n=1, cutoff=0.6)
    return found[0] if found else None


def brief(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, so a huge input cannot flood a message."""
    try:
        shown = repr(value)
    except ValueError:  # an int of more digits than Python will write out
        shown = f"<{type(value).__name__} too large to show>"
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def unknown_key(given: Iterable[object], allowed: Sequence[str]) -> tuple[str, str | None] | None:
    """The first key of ``given`` (in sorted order) that is not in ``allowed``, as the words
    every table of a file says it with ("unknown key 'x'; allowed: a, b", ``allowed`` listed
    in the order given) and the closest allowed key; ``None`` when every key is allowed."""
    unknown = sorted(str(key) for key in set(given) - set(allowed))
    if not unknown:
        return None
    return (
        f"unknown key {brief(unknown[0])}; allowed: {', '.join(allowed)}",
        suggest(unknown[0], allowed),
    )


class Parameter(NamedTuple):
    """A parameter of the library named in an error's message.

    The library's own text names it as the Python API does (`` `workers` ``); a front end
    with names of its own (the command line's ``--workers``) words the message with them
    through :meth:`ExpertError.worded`, never by rewriting the text.
    """

    name: str

    def __str__(self) -> str:
        return f"`{self.name}`"


#: An error's message: plain text, or its parts where some name a :class:`Parameter`
#: (``("give ", Parameter("workers"), " or ", Parameter("dask"), ", not both")``).
Message: TypeAlias = str | Sequence[str | Parameter]


class ExpertError(Exception):
    """Root of the library's errors.

    Attributes:
        message: one line saying what was wrong (parameters named as the API names them).
        suggestion: a did-you-mean or a hint, or ``None``.
        parameter: the name of the parameter the error is about (the one to give or
            change): by default the first one the message names; ``None`` when none.
        parts: the message in parts, each parameter it names as a :class:`Parameter`.
    """

    def __init__(
        self, message: Message, *, suggestion: str | None = None, parameter: str | None = None
    ) -> None:
        self.parts: tuple[str | Parameter, ...] = (
            (message,) if isinstance(message, str) else tuple(message)
        )
        named = [part.name for part in self.parts if isinstance(part, Parameter)]
        self.parameter = parameter if parameter is not None else next(iter(named), None)
        self.message = "".join(map(str, self.parts))
        self.suggestion = suggestion
        super().__init__(self.message)

    def worded(self, names: Mapping[str, str]) -> str:
        """The error as ``str()`` says it, each parameter it names called as ``names``
        calls it (a front end's own names, such as the command line's flags); a parameter
        ``names`` lacks keeps the library's name."""
        message = "".join(
            names.get(part.name, str(part)) if isinstance(part, Parameter) else part
            for part in self.parts
        )
        if self.suggestion:
            return f"{message} (did you mean {self.suggestion!r}?)"
        return message

    def __str__(self) -> str:
        return self.worded({})


class FactError(ExpertError, ValueError):
    """A fact has an unknown name or a value outside its allowed values.

    Attributes:
        field: the fact's full name, e.g. ``plant.light``.
        value: the rejected name or value.
        allowed: the allowed names or values, in vocabulary order.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str,
        value: object,
        allowed: Iterable[object] = (),
        suggestion: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.allowed = tuple(allowed)
        shown = value.rsplit(".", 1)[-1] if isinstance(value, str) else value
        super().__init__(message, suggestion=suggestion or suggest(shown, self.allowed))


class KnowledgeBaseError(ExpertError):
    """A rule file, the vocabulary or the sources are broken.

    Attributes:
        path: the file at fault, or ``None``.
        rule_id: the rule at fault, or ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: object = None,
        rule_id: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.path = path
        self.rule_id = rule_id
        where = ": ".join(str(part) for part in (path, rule_id and f"rule {rule_id}") if part)
        super().__init__(f"{where}: {message}" if where else message, suggestion=suggestion)


class InferenceError(ExpertError):
    """The engine failed or hit its run limit; ``rules`` names the rules involved."""

    def __init__(self, message: str, *, rules: Iterable[str] = ()) -> None:
        self.rules = tuple(rules)
        super().__init__(message)


class ExplanationError(ExpertError, LookupError):
    """There is nothing to explain for the attribute or value asked about."""

    def __init__(
        self, message: Message, *, attribute: str, allowed: Iterable[object] = ()
    ) -> None:
        self.attribute = attribute
        self.allowed = tuple(allowed)
        super().__init__(message, suggestion=suggest(attribute, self.allowed))


class BatchError(ExpertError):
    """A batch cannot go on, through no fault of its arguments: a file it reads (the
    catalogue, a rule file, an article) changed while it ran, or a worker process died.
    What it wrote is kept; the command line exits 1."""


class EngineUnavailableError(ExpertError, ImportError):
    """An optional inference engine was asked for but its package is not installed.

    Attributes:
        engine: the engine's name, e.g. ``clips``.
    """

    def __init__(self, message: str, *, engine: str) -> None:
        self.engine = engine
        super().__init__(message)


class PhraseError(ExpertError, ValueError):
    """A step of a specification uses words the knowledge base does not know (an attribute,
    a value, a source, a phrase); the message lists the ones it knows.

    Attributes:
        allowed: the words allowed where the unknown one stood.
    """

    def __init__(
        self, message: str, *, allowed: Iterable[object] = (), suggestion: str | None = None
    ) -> None:
        self.allowed = tuple(allowed)
        super().__init__(message, suggestion=suggestion)


class UsageError(ExpertError):
    """A command line or REPL line is malformed."""
