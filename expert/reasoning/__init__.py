"""Reasoning on a consultation: how, why not, what if, how to, the next question, guided consultations, reading questions, the answer.

Internal: import the public names from :mod:`expert`.
"""
