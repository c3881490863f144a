"""Tests of expert.inference.network: the linear build gives experta's own network."""

from __future__ import annotations

from typing import Any

import pytest
from support import TINY_RULES, write_base

from expert import Expert
from expert.inference._compat import ConflictSetNode, FactCapture, FeatureTesterNode, ReteMatcher
from expert.inference.network import LinearMatcher


def shape(root: Any) -> str:
    """The network below ``root`` as text: each node's kind, its test, the rule of a
    conflict-set node, and its children with the callback each is reached by. experta
    orders children and names the capture of an unbound pattern after the pattern object's
    id, both of which change from one build to the next: children are sorted and such
    captures written as one name."""
    made: dict[int, str] = {}

    def form(node: Any) -> str:
        if id(node) not in made:
            what = ""
            if type(node) is FeatureTesterNode:
                check = node.matcher
                anonymous = type(check) is FactCapture and check.bind.startswith("__pattern_")
                what = "capture" if anonymous else repr(check)
            elif type(node) is ConflictSetNode:
                what = repr((node.rule._wrapped, node.rule.salience, tuple(node.rule)))
            children = sorted(f"{c.callback.__name__}:{form(c.node)}" for c in node.children)
            made[id(node)] = f"{type(node).__name__}({what})[{', '.join(children)}]"
        return made[id(node)]

    return form(root)


@pytest.mark.parametrize("base", ["bundled", "tiny"])
def test_the_linear_build_makes_experta_s_network(base, tmp_path):
    """Nodes, tests, rules and edges are those experta's ReteMatcher builds."""
    rules = None if base == "bundled" else write_base(tmp_path / "tiny", {"tiny": TINY_RULES})
    compiled = Expert(rules, cache_size=0).compiled
    assert compiled.engine_class.__matcher__ is LinearMatcher
    linear = compiled.new_engine()
    plain = type("Plain", (compiled.engine_class,), {"__matcher__": ReteMatcher})()
    assert shape(linear.matcher.root_node) == shape(plain.matcher.root_node)
