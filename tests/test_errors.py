"""Tests of expert.errors: messages that name parameters, worded by each front end."""

from __future__ import annotations

import pickle

import pytest

from expert.batch import BatchOptions
from expert.errors import BatchError, ExpertError, Parameter, UsageError


def test_a_message_names_a_parameter_as_the_api_does_and_says_which():
    """The library's text names the parameter in backquotes; ``parameter`` holds its name."""
    error = UsageError((Parameter("workers"), " must be a whole number"))
    assert str(error) == error.message == "`workers` must be a whole number"
    assert error.parameter == "workers"
    assert error.parts == (Parameter("workers"), " must be a whole number")


def test_worded_names_each_parameter_a_front_ends_way_and_keeps_the_rest():
    """Every parameter named is worded through the mapping; one it lacks keeps its name;
    the suggestion follows as in str()."""
    error = UsageError(
        ("give ", Parameter("workers"), " or ", Parameter("dask"), ", not both"),
        suggestion="x",
    )
    assert error.worded({"workers": "--workers"}) == (
        "give --workers or `dask`, not both (did you mean 'x'?)"
    )
    assert error.parameter == "workers"


def test_a_plain_message_names_no_parameter_unless_told():
    """A message given as text has no parameter, and text that looks like one stays text."""
    assert UsageError("use `workers`").parameter is None
    assert UsageError("use `workers`").worded({"workers": "--workers"}) == "use `workers`"
    assert ExpertError("no such file", parameter="output").parameter == "output"


def test_parts_and_parameter_survive_pickling():
    """An error sent from a worker process still words its parameters."""
    error = pickle.loads(pickle.dumps(BatchError(("continue with ", Parameter("resume")))))
    assert error.parameter == "resume"
    assert error.worded({"resume": "--resume"}) == "continue with --resume"


@pytest.mark.parametrize(
    ("options", "message", "parameter"),
    [
        ({"workers": 0}, "`workers` must be a whole number from 1 to 256, not 0", "workers"),
        (
            {"chunk_size": -1},
            "`chunk_size` must be a whole number from 1 to 1,000,000, not -1",
            "chunk_size",
        ),
        ({"workers": 2, "dask": "x:1"}, "give `workers` or `dask`, not both", "workers"),
    ],
)
def test_batch_options_name_their_parameter(options, message, parameter):
    """BatchOptions refuses a value naming the parameter as the API user knows it."""
    with pytest.raises(UsageError) as raised:
        BatchOptions(**options)
    assert raised.value.message == message and raised.value.parameter == parameter
