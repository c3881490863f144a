"""Benchmarks of ``expert``: run ``python -m benchmarks`` from the project root.

Modules: :mod:`benchmarks.inputs` (seeded facts over the vocabulary),
:mod:`benchmarks.synthetic` (generated knowledge bases), :mod:`benchmarks.suite` (the
measurements of one engine, run in a fresh process) and :mod:`benchmarks.__main__` (the
command line, the table and the JSON file).
"""
