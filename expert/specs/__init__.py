"""Gherkin specifications for any knowledge base, run by pytest-bdd through a pytest plugin.

Installing ``expert`` with pytest-bdd (the ``test`` extra) is enough: pytest loads
:mod:`expert.specs.plugin` through the ``pytest11`` entry point. The modules are

- :mod:`expert.specs.plugin`: the ``expert`` and ``consultation`` fixtures, the
  ``expert_rules`` and ``expert_rule_coverage`` settings, and rule coverage;
- :mod:`expert.specs.steps`: the generic steps, which name facts and conclusions by their
  full names (``Given plant.kind is fern``, ``Then care.spot is north-window``);
- :mod:`expert.specs.bundled` and :mod:`expert.specs.phrases`: steps in a person's words
  for the bundled headphones base (``Given a device with a boom microphone``), loaded only
  when asked for (``-p expert.specs.bundled``).

Nothing here imports pytest-bdd until pytest does: without it the plugin stays out of the
way of an unrelated test run.
"""
