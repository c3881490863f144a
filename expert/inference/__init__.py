"""Running the rules: the compiler, the experta network (behind one module), the runners, CLIPS, and building verdicts from a firing record.

Internal: import the public names from :mod:`expert`.
"""
