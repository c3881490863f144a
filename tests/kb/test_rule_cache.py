"""Tests of expert.kb.rule_cache: parsed rule files cached per user, signed, checked per file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import TINY_RULES, write_base

from expert.kb import load as knowledge
from expert.kb import rule_cache as _rule_cache
from expert.kb.load import load


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The names of the files parsed as TOML (not taken from the cache), in order."""
    names: list[str] = []
    real = _rule_cache.parse_toml

    def parse(text, path):
        names.append(path.name)
        return real(text, path)

    monkeypatch.setattr(_rule_cache, "parse_toml", parse)
    return names


def fresh_load(directory: Path | None):
    """Load without the in-process cache of loaded bases (a new command, as it were)."""
    knowledge._CACHE.clear()
    return load(directory)


def the_entry(cache: Path) -> Path:
    (entry,) = cache.glob("*.json")
    return entry


def test_an_unchanged_base_is_not_parsed_again(tmp_path, cache, parsed):
    """The second load parses nothing and gives the same rules; the files are private."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    first = fresh_load(base)
    assert parsed == ["vocabulary.toml", "tiny.toml"]
    parsed.clear()
    second = fresh_load(base)
    assert parsed == []
    assert second.rules == first.rules and second.attributes == first.attributes
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    assert oct((cache / "key").stat().st_mode & 0o777) == "0o600"
    assert oct(the_entry(cache).stat().st_mode & 0o777) == "0o600"


def test_a_changed_file_is_parsed_again(tmp_path, cache, parsed):
    """A stale file (its digest differs) is parsed again and its new rules are loaded."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    fresh_load(base)
    parsed.clear()
    changed = TINY_RULES.replace('id = "tiny.boom-headset"', 'id = "tiny.boom-means-headset"')
    (base / "tiny.toml").write_text(changed, encoding="utf-8")
    assert "tiny.boom-means-headset" in {rule.id for rule in fresh_load(base).rules}
    assert parsed == ["tiny.toml"]


def test_a_tampered_entry_is_rejected_and_rebuilt(tmp_path, cache, parsed):
    """An entry edited without the user's key is not trusted: the files are parsed again,
    the rules are the files' own, and the entry is written again, signed."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    fresh_load(base)
    entry = the_entry(cache)
    forged = entry.read_bytes().replace(b"tiny.boom-headset", b"tiny.forged-rule!")
    assert forged != entry.read_bytes()
    entry.write_bytes(forged)
    parsed.clear()
    rules = {rule.id for rule in fresh_load(base).rules}
    assert "tiny.boom-headset" in rules and "tiny.forged-rule!" not in rules
    assert parsed == ["vocabulary.toml", "tiny.toml"]
    assert b"tiny.forged-rule!" not in entry.read_bytes()
    parsed.clear()
    fresh_load(base)
    assert parsed == []  # the rebuilt entry is trusted again


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_key_others_can_read_turns_the_cache_off(tmp_path, cache, parsed):
    """A key file readable by others is not used: nothing is cached or trusted."""
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    fresh_load(base)
    (cache / "key").chmod(0o644)
    parsed.clear()
    fresh_load(base)
    assert parsed == ["vocabulary.toml", "tiny.toml"]


def test_the_cache_can_be_turned_off(tmp_path, cache, parsed, monkeypatch):
    """EXPERT_NO_CACHE: every file parsed, nothing written."""
    monkeypatch.setenv("EXPERT_NO_CACHE", "1")
    base = write_base(tmp_path / "kb", {"tiny": TINY_RULES})
    fresh_load(base)
    fresh_load(base)
    assert parsed == ["vocabulary.toml", "tiny.toml"] * 2
    assert not cache.exists()


def test_the_bundled_base_is_not_cached(cache, parsed):
    """The bundled base, small and installed with the library, is parsed each time."""
    fresh_load(None)
    assert "vocabulary.toml" in parsed
    assert not list(cache.glob("*.json"))
