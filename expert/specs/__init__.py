"""Gherkin specifications for any knowledge base, run by pytest-bdd through a pytest plugin.

Installing ``expert`` with pytest-bdd (the ``test`` extra) is enough: pytest loads
:mod:`expert.specs.plugin` through the ``pytest11`` entry point. The modules are

- :mod:`expert.specs.plugin`: the ``expert`` and ``consultation`` fixtures, the
  ``expert_rules`` and ``expert_rule_coverage`` settings, and rule coverage;
- :mod:`expert.specs.steps`: the generic steps, which name facts and conclusions by their
  full names (``Given plant.kind is fern``, ``Then care.spot is north-window``);
- a base may add steps in a person's words as a pytest plugin of its own, loaded only when
  asked for (the bundled base's: ``-p expert.headphones.steps``).

Nothing here imports pytest-bdd until pytest does: without it the plugin stays out of the
way of an unrelated test run.
"""
