"""Tests of expert.shell.completion: what Tab offers at the prompt."""

from __future__ import annotations

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from expert.shell import Shell, ShellCompleter

# -- completion ------------------------------------------------------------------------------


def completions(shell: Shell, text: str) -> list[str]:
    """What Tab offers after ``text``."""
    completer = ShellCompleter(shell)
    found = completer.get_completions(Document(text, len(text)), CompleteEvent())
    return [completion.text for completion in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("s", ["set", "sources", "save"]),
        ("set device.mi", ["device.mic", "device.mic_noise_reduction"]),
        ("set mic b", ["boom", "builtin"]),
        ("set device.anc ", ["true", "false"]),
        ("set uses gaming,ca", ["calls", "call-center"]),
        ("what-if mic=i", ["inline"]),
        ("why-not device.kind ", ["headphones", "headset"]),
        ("rule tiny.boom", ["tiny.boom-headset"]),
        ("rules ", ["tiny"]),
        ("help wh", ["why-not", "what-if"]),
        ("ask ", []),
    ],
)
def test_tab_completes_commands_facts_and_values(shell, text, expected):
    """Tab offers the commands, fact names, allowed values, attributes, rules and topics."""
    assert completions(shell, text) == expected


def test_unset_completes_only_stated_facts(shell):
    """unset offers the facts that are set."""
    shell.execute("set mic boom")
    assert completions(shell, "unset ") == ["device.mic"]
