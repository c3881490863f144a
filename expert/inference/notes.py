"""Notes from a firing record: what the articles say of whole classes of things, with the
certainty each rule gave it.
"""

from __future__ import annotations

from ..model.certainty import combined
from ..model.outcome import Firing, Note
from ..model.rules import Concluded
from .compiler import CompiledBase, SaidNotes


def note_certainties(
    compiled: CompiledBase, noting: list[tuple[Firing, int]]
) -> dict[Concluded, float]:
    """The combined certainty of each value the notes conclude that no rule tests (those a
    rule tests are weighed with the verdicts, stage by stage): each rule once, at its
    strongest."""
    by_key: dict[Concluded, dict[str, float]] = {}
    untested = compiled.untested_notes
    for firing, index in noting:
        for name, values in untested[index]:
            if name in firing.defeated:
                continue
            for value in values:
                by_rule = by_key.setdefault((name, value), {})
                if abs(firing.certainty) > abs(by_rule.get(firing.rule, 0.0)):
                    by_rule[firing.rule] = firing.certainty
    return {key: combined(by_rule) for key, by_rule in by_key.items()}


#: How many (rule, certainty) entries a base's note cache holds before it starts afresh
#: (certainties come from premises, so there is no fixed bound on how many there are).
_NOTE_CACHE_SIZE = 4096


def class_notes(compiled: CompiledBase, noting: list[tuple[Firing, int]]) -> tuple[Note, ...]:
    """One note per counting firing of a rule that concludes a note attribute (a claim about
    a class), in firing order; a rule that fired on several matches says it once."""
    cache = compiled.note_cache
    notes: dict[tuple[str, str], Note] = {}
    for firing, index in noting:
        # A note depends only on its rule and the firing's certainty: the Note objects
        # (frozen) are made once and shared by every result that says them.
        said = cache.get((index, firing.certainty))
        if said is None:
            if len(cache) >= _NOTE_CACHE_SIZE:
                cache.clear()
            said = cache[index, firing.certainty] = _rule_notes(compiled, firing, index)
        for key, note in said:
            if key not in notes:
                notes[key] = note
    return tuple(notes.values())


def _rule_notes(compiled: CompiledBase, firing: Firing, index: int) -> SaidNotes:
    """The notes of a firing of rule ``index``, each with its key (rule id, attribute)."""
    attributes = compiled.knowledge.attributes
    said = []
    for name, value in compiled.notes[index]:
        note = Note(
            subject=attributes[name].group,
            attribute=name,
            value=value,
            rule=firing.rule,
            source=firing.source,
            quote=firing.quote,
            certainty=firing.certainty,
        )
        said.append(((firing.rule, name), note))
    return tuple(said)
