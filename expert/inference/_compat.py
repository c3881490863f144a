"""The one place that imports experta, made to work on Python 3.10+ and to leave logging alone.

experta 1.9.4 pins frozendict 1.2, which subclasses ``collections.Mapping``; that alias was
removed from :mod:`collections` in Python 3.10. We restore the aliases (pointing at the same
:mod:`collections.abc` classes) before experta is imported.

experta also calls ``logging.basicConfig()`` at import, which would configure the root logger
of every application that imports us. We undo exactly the handler it added.

Everything in the project imports experta names from here. :mod:`expert.inference.rete` rewires
experta's RETE network through its internals, which are those of experta 1.9.4 only: any other
version is refused here with a clear message rather than failing strangely mid-consultation.
"""

from __future__ import annotations

import collections
import collections.abc
import logging
from types import ModuleType

for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "Hashable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))


def _import_experta_quietly() -> tuple[ModuleType, ModuleType]:
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    import experta
    from experta import watchers

    for handler in root.handlers[:]:
        if handler not in handlers_before:
            root.removeHandler(handler)
    return experta, watchers


experta, _watchers = _import_experta_quietly()

#: The experta version expert.inference.rete was written against (setup.cfg pins the same).
EXPERTA_VERSION = "1.9.4"

if getattr(experta, "__version__", None) != EXPERTA_VERSION:
    raise ImportError(
        f"expert needs experta {EXPERTA_VERSION} (its engine relies on that version's "
        f"internals), but experta {getattr(experta, '__version__', 'unknown')} is installed: "
        f"pip install 'experta=={EXPERTA_VERSION}'"
    )

from experta import AS, NOT, Fact, KnowledgeEngine, P, Rule  # noqa: E402

# The RETE internals that expert.inference.rete rewires for speed.
from experta.activation import Activation  # noqa: E402
from experta.fact import InitialFact  # noqa: E402
from experta.fieldconstraint import L  # noqa: E402
from experta.matchers import ReteMatcher  # noqa: E402
from experta.matchers.rete.check import (  # noqa: E402
    FactCapture,
    FeatureCheck,
    SameContextCheck,
    TypeCheck,
)
from experta.matchers.rete.mixins import ChildNode, NoMemory  # noqa: E402
from experta.matchers.rete.nodes import (  # noqa: E402
    ConflictSetNode,
    FeatureTesterNode,
    NotNode,
    OrdinaryMatchNode,
    WhereNode,
)
from experta.matchers.rete.token import Token, TokenInfo  # noqa: E402

__all__ = [
    "AS",
    "EXPERTA_VERSION",
    "NOT",
    "Activation",
    "ChildNode",
    "ConflictSetNode",
    "Fact",
    "FactCapture",
    "FeatureCheck",
    "FeatureTesterNode",
    "InitialFact",
    "KnowledgeEngine",
    "L",
    "NoMemory",
    "NotNode",
    "OrdinaryMatchNode",
    "P",
    "ReteMatcher",
    "Rule",
    "SameContextCheck",
    "Token",
    "TokenInfo",
    "TypeCheck",
    "WhereNode",
    "experta",
]
