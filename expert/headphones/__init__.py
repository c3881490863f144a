"""The bundled knowledge base's domain: headphones and headsets.

The generic library knows nothing of any base's subject; this package holds what is particular
to the bundled one, and plugs in at the top: no generic module imports it, only the public
surface (:mod:`expert`) and the apps, for their defaults on the bundled base.

- :mod:`expert.headphones.facts`: :class:`Device` and :class:`Needs`, the typed front of its
  inputs (typed facts, :class:`expert.model.typed_facts.TypedFacts`; re-exported by :mod:`expert`);
- the apps' defaults: the command line's shorthand flags (:data:`GROUP_FLAGS`) and examples,
  and the kinds a catalogue's label column may name (:data:`LABELS`);
- :mod:`expert.headphones.phrases` and :mod:`expert.headphones.steps`: Gherkin steps in a
  person's words (``Given a device with a boom microphone``), loaded only when asked for
  (``-p expert.headphones.steps``).

The base itself is data, the rule files shipped as ``expert.rules`` (the default of
:func:`expert.kb.load.load` and :class:`expert.Expert`).
"""

from __future__ import annotations

from .facts import Device, Needs, bundled_inputs

__all__ = [
    "BASE_NAME",
    "EXAMPLE",
    "GROUP_FLAGS",
    "LABELLED",
    "LABELS",
    "QUESTION",
    "SUBJECT",
    "Device",
    "Needs",
    "bundled_inputs",
]

#: The verdict a catalogue's label column is checked against (a batch run's disagreements):
#: the one rules/vocabulary.toml declares ``catalogue_label = true``.
LABELLED = "device.kind"

#: The values a catalogue's label may take (those of ``device.kind``).
LABELS = ("headphones", "headset")

#: The groups the command line takes by short name, with an example each: ``--device
#: mic=boom`` is short for ``--fact device.mic=boom``.
GROUP_FLAGS = (
    ("device", "device facts", "mic=boom fit=over-ear"),
    ("needs", "needs", "uses=gaming,calls budget=80"),
)

#: A consultation on the command line, for help texts.
EXAMPLE = "--device mic=boom --needs uses=online-gaming"

#: A question in one's own words, for help texts.
QUESTION = "is a keyboard input or output?"

#: What the bundled base is about, in words.
SUBJECT = "headphones and headsets"

#: The bundled base in words, where a message names the base loaded.
BASE_NAME = "the bundled headphones base"
