"""Tests of expert._support.key_value: NAME=VALUE words split at the first ``=``."""

from __future__ import annotations

import pytest

from expert._support.key_value import key_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("device.mic=boom", ("device.mic", "boom")),
        ("a=b=c", ("a", "b=c")),
        (" uses = gaming ", (" uses ", " gaming ")),
        ("=x", ("", "x")),
        ("x=", ("x", "")),
        ("no equals sign", None),
        ("", None),
    ],
)
def test_key_value_splits_at_the_first_equals_sign_as_written(text, expected):
    """The key and the value as written, or None without an ``=``."""
    assert key_value(text) == expected
