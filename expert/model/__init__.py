"""The data of a knowledge base and of a consultation: vocabulary, rules, goals, phrases, the firing record, verdicts, notes, conflicts, certainty arithmetic.

Internal: import the public names from :mod:`expert`.
"""
