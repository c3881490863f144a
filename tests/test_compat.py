"""Tests of expert._compat: experta imports on this Python and leaves logging alone."""

from __future__ import annotations

import subprocess
import sys


def test_importing_expert_leaves_the_root_logger_unconfigured():
    """experta's logging.basicConfig() is undone: the root logger has no new handler."""
    code = (
        "import logging; before = list(logging.getLogger().handlers); import expert; "
        "print(len(logging.getLogger().handlers) - len(before))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_an_application_logging_config_still_applies_after_import():
    """An application that configures logging after importing us gets its own format."""
    code = (
        "import expert, logging, sys; "
        "logging.basicConfig(stream=sys.stdout, format='APP %(message)s', level=logging.INFO); "
        "logging.getLogger('x').info('hello')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "APP hello"


def test_collections_aliases_point_at_collections_abc():
    """The restored aliases are the collections.abc classes, not copies."""
    import collections
    import collections.abc

    import expert._compat  # noqa: F401

    assert collections.Mapping is collections.abc.Mapping


def test_experta_names_come_from_the_compat_module():
    """The engine classes are experta's own."""
    from expert._compat import KnowledgeEngine, experta

    assert KnowledgeEngine is experta.KnowledgeEngine
