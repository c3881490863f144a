"""The features' tags: registered as pytest markers, naming each scenario's topic and article."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pytest_bdd.feature import get_features

FEATURES = Path(__file__).resolve().parents[2] / "features"


def features():
    """Every feature of the specification, parsed."""
    return get_features([str(path) for path in sorted(FEATURES.glob("*.feature"))])


def scenario_tags():
    """(feature, scenario, tags of each example row or of the scenario) for every scenario."""
    for feature in features():
        for name, template in feature.scenarios.items():
            tags = feature.tags | template.tags
            rows = [tags | examples.tags for examples in template.examples] or [tags]
            yield feature, name, rows


def test_every_tag_in_the_features_is_a_registered_marker(pytestconfig):
    """setup.cfg runs --strict-markers: an unregistered tag would break collection."""
    registered = {
        line.split(":")[0].split("(")[0].strip() for line in pytestconfig.getini("markers")
    }
    used = {tag for _, _, rows in scenario_tags() for tags in rows for tag in tags}
    missing = sorted(used - registered)
    assert not missing, (
        "register these tags under `markers =` in setup.cfg [tool:pytest]: " + ", ".join(missing)
    )


def test_every_scenario_is_tagged_with_its_topic_and_its_article(expert):
    """The topic is the feature file's name; the article is a @source-<key> of sources.toml."""
    sources = {f"source-{key}" for key in expert.knowledge.sources}
    untagged = []
    for feature, name, rows in scenario_tags():
        topic = feature.rel_filename.rsplit("/", 1)[-1].removesuffix(".feature")
        for tags in rows:
            named = {tag for tag in tags if tag.startswith("source-")}
            if topic not in tags or not named or not named <= sources:
                untagged.append(f"{feature.rel_filename}: {name} {sorted(tags)}")
    assert not untagged, "tag with @<topic> and @source-<article>:\n  " + "\n  ".join(untagged)


def test_scenario_names_are_unique():
    """Test ids and the cucumber report name scenarios; two of the same name would be ambiguous."""
    names = Counter(name for _, name, _ in scenario_tags())
    twice = [name for name, count in names.items() if count > 1]
    assert not twice, f"rename these scenarios: {twice}"


def test_every_topic_of_the_knowledge_base_has_a_feature(expert):
    """rules/<topic>.toml is specified by features/<topic>.feature."""
    topics = {rule.id.split(".", 1)[0] for rule in expert.knowledge.rules}
    written = {f.rel_filename.rsplit("/", 1)[-1].removesuffix(".feature") for f in features()}
    assert not sorted(topics - written), (
        f"write features/<topic>.feature for {sorted(topics - written)}"
    )
