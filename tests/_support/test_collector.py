"""Tests of expert._support.collector: the collector paused while a base is built, then resumed."""

from __future__ import annotations

import gc

from expert._support.collector import collector_paused


def test_the_collector_resumes_after_nested_builds():
    """Nested builds pause the collector; it runs again only when the outermost ends."""
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_by_the_application_stays_paused():
    """A build does not turn on a collector the application had turned off."""
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_resumes_when_a_build_fails():
    """A build that raises still resumes the collector."""
    try:
        with collector_paused():
            raise ValueError("a bad rule file")
    except ValueError:
        pass
    assert gc.isenabled()
