"""Given and When steps: the facts a person states about a device and their needs, and consulting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from phrases import device_facts, needs_facts
from pytest_bdd import given, parsers, when
from tracking import note_fired

from expert import Device, Needs


@dataclass
class Consultation:
    """One scenario's conversation with the expert."""

    device: dict[str, Any] = field(default_factory=dict)
    needs: dict[str, Any] = field(default_factory=dict)
    result: Any = None  # the Result of "When I consult the expert"
    focus: tuple[str, tuple[Any, ...]] | None = None  # the verdict a Then step spoke of
    answer: Any = None  # a How, WhyNot or Difference
    change: Any = None  # the VerdictChange a Then step spoke of

    def state_needs(self, facts: dict[str, Any]) -> None:
        """Add needs; uses and priorities accumulate."""
        for name, value in facts.items():
            if isinstance(value, (set, frozenset)):
                value = set(self.needs.get(name, ())) | value
            self.needs[name] = value


@pytest.fixture
def consultation() -> Consultation:
    """The conversation of the running scenario."""
    return Consultation()


def consult(consultation: Consultation, expert, request) -> Any:
    """Consult on the stated facts (once) and remember which rules fired."""
    if consultation.result is None:
        consultation.result = expert.consult(
            device=Device.from_mapping(consultation.device),
            needs=Needs.from_mapping(consultation.needs),
        )
        note_fired(request.node, consultation.result.fired_rules)
    return consultation.result


@given(parsers.re(r"an? device (?P<phrase>.+)"))
@given(parsers.re(r"the device (?P<phrase>.+)"))
def _(consultation, phrase):
    consultation.device.update(device_facts(phrase))


@given(parsers.re(r"the user (?P<phrase>.+)"))
def _(consultation, phrase):
    consultation.state_needs(needs_facts(phrase))


@given(parsers.re(r"the device's (?P<name>\w+) is \"(?P<text>[^\"]*)\""))
def _(consultation, name, text):
    consultation.device.update(Device.from_mapping({name: text}, strings=True).to_dict())


@given(parsers.re(r"the user's (?P<name>\w+) (?:is|are) \"(?P<text>[^\"]*)\""))
def _(consultation, name, text):
    stated = Needs.from_mapping({name: text}, strings=True).known()
    consultation.state_needs({key.split(".", 1)[1]: value for key, value in stated.items()})


@when("I consult the expert")
def _(consultation, expert, request):
    consultation.result = None
    consult(consultation, expert, request)
