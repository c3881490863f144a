"""Presentation: the report, terminal and Markdown renderings, notebook HTML."""
