"""A rule-based expert system that explains its verdicts, for any knowledge base.

The public surface is what this module exports (``__all__``), with :mod:`expert.errors`,
:mod:`expert.headphones`, :mod:`expert.specs` (the pytest plugin), :mod:`expert.batch` and
the command line. The layer packages (``model``, ``kb``, ``inference``, ``reasoning``,
``present``, ``api``, ``_support``) are internal: their modules may move between releases.

The bundled base is about headphones and headsets; its typed facts, :class:`Device` and
:class:`Needs`, come from :mod:`expert.headphones`. Typical use::

    from expert import Expert, Device
    result = Expert().consult(Device(mic="boom"))
    result.verdict("device.kind").value        # 'headset'
"""

__version__ = "0.1.0"

from .api.expert import Expert, Result
from .errors import (
    BatchError,
    EngineUnavailableError,
    ExpertError,
    ExplanationError,
    FactError,
    InferenceError,
    KnowledgeBaseError,
    PhraseError,
    UsageError,
)
from .headphones import Device, Needs
from .model.outcome import Conflict, Firing, Verdict
from .model.vocabulary import FactValue, SingleValue, VerdictValue

__all__ = [
    "BatchError",
    "Conflict",
    "Device",
    "EngineUnavailableError",
    "Expert",
    "ExpertError",
    "ExplanationError",
    "FactError",
    "FactValue",
    "Firing",
    "InferenceError",
    "KnowledgeBaseError",
    "Needs",
    "PhraseError",
    "Result",
    "SingleValue",
    "UsageError",
    "Verdict",
    "VerdictValue",
    "__version__",
]
