"""Presentation: the report, terminal and Markdown renderings, notebook HTML.

Internal: import the public names from :mod:`expert`.
"""
