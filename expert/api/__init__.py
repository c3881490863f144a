"""The public facade: the Expert and the Result it returns.

Internal: import the public names from :mod:`expert`.
"""
