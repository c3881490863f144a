"""The specification of the houseplant base: each scenario of features/ is a test."""

from pytest_bdd import scenarios

scenarios("care.feature")
