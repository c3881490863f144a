"""From files to the model: loading, decision tables, validation, checks, gaps, scaffolds and facts files.

Internal: import the public names from :mod:`expert`.
"""
