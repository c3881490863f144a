"""Leaf helpers every layer may use: safe text, short reprs, numbers, paths, atomic writes, strict JSON, TOML files, terminal size, streams.

Internal: import the public names from :mod:`expert`.
"""
