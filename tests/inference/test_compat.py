"""Tests of expert.inference._compat: experta imports on this Python and leaves logging alone."""

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

    import expert.inference._compat  # noqa: F401

    assert collections.Mapping is collections.abc.Mapping


def test_experta_names_come_from_the_compat_module():
    """The engine classes are experta's own."""
    from expert.inference._compat import KnowledgeEngine, experta

    assert KnowledgeEngine is experta.KnowledgeEngine


def test_another_experta_version_is_refused_with_a_clear_message():
    """An experta other than the one the engine's rewiring was written for fails at import,
    naming the version needed and how to install it."""
    code = (
        "import collections, collections.abc; "
        "collections.Mapping = collections.abc.Mapping; "  # let this experta import at all
        "collections.MutableMapping = collections.abc.MutableMapping; "
        "import experta; experta.__version__ = '2.0.0'; import expert"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0
    assert (
        "expert needs experta 1.9.4" in out.stderr and "experta 2.0.0 is installed" in out.stderr
    )
    assert "pip install 'experta==1.9.4'" in out.stderr
