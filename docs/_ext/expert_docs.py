"""Pages generated at build time from the code and the knowledge base, so they cannot drift.

At ``config-inited`` this writes, under ``docs/_generated/`` (never edited by hand, ignored by
git):

- ``rules.md``: the rule catalogue, :func:`expert.present.render.rules_markdown` of the bundled base;
- ``sources.md``: the articles of ``rules/sources.toml`` and the rules that cite each;
- ``cli-commands.md``: every ``expert`` sub-command with its ``--help``, from the argparse
  parser of :mod:`expert.cli.parser` (included by ``reference/cli.md``);
- ``vocabulary-inputs.md``, ``vocabulary-concluded.md`` and ``vocabulary-goals.md``: the
  facts a user states, the attributes rules conclude (verdicts and notes) and the goals, from
  the loaded bundled base (included by ``reference/vocabulary.md``).

- ``architecture-dark.svg``: ``_static/architecture.svg`` in its dark palette (the same
  drawing with ``class="dark"`` on its root), shown by the concepts page in furo's dark theme.

It also documents the fields of :class:`expert.headphones.Device` and
:class:`expert.headphones.Needs` from the vocabulary they stand for, keeps attrs' ``NOTHING``
sentinel out of signatures, and warns about a public name (in a module's ``__all__``) that no
page documents.

A file is rewritten only when its text changes, so incremental builds stay incremental.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HELP_WIDTH = 92


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _anchor(title: str) -> str:
    """The anchor MyST gives a heading (``myst_heading_anchors``): GitHub's slug."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def _cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _values(attribute: Any) -> str:
    """The allowed values of an attribute, as a table cell."""
    if attribute.kind == "flag":
        return "`true`, `false`"
    if attribute.kind == "amount":
        return attribute.allowed_text().replace(">=", "≥")
    return ", ".join(f"`{value}`" for value in attribute.values)


#: What each kind of attribute holds, as the pages say it.
KIND_WORDS = {
    "choice": "one of",
    "set": "any of",
    "flag": "true or false",
    "amount": "a number",
}


def vocabulary_inputs(knowledge: Any) -> str:
    """The input facts, one table per group, with how many rules test each."""
    tested: dict[str, int] = {}
    for rule in knowledge.rules:
        for name in rule.tested():
            tested[name] = tested.get(name, 0) + 1
    lines: list[str] = []
    groups = dict.fromkeys(a.group for a in knowledge.inputs.values())
    for group in groups:
        lines += [
            f"### `{group}`",
            "",
            "| fact | kind | values | in words | what it means | rules |",
            "|---|---|---|---|---|---|",
        ]
        for attribute in knowledge.inputs.values():
            if attribute.group == group:
                lines.append(
                    f"| `{attribute.name}` | {attribute.kind} | {_values(attribute)} "
                    f"| {_cell(attribute.label)} | {_cell(attribute.doc)} "
                    f"| {tested.get(attribute.name, 0)} |"
                )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def vocabulary_concluded(knowledge: Any) -> str:
    """The concluded attributes: the verdicts, then the notes."""
    concluding: dict[str, int] = {}
    for rule in knowledge.rules:
        for name in rule.concluded():
            concluding[name] = concluding.get(name, 0) + 1
    concluded = [a for a in knowledge.attributes.values() if a.concluded]
    lines: list[str] = []
    for title, intro, chosen in (
        (
            "Verdicts",
            (
                "What a consultation concludes about the device and about what you should "
                "get: one {py:class}`~expert.model.outcome.Verdict` each in `Result.verdicts`."
            ),
            [a for a in concluded if not a.note],
        ),
        (
            "Notes",
            (
                "What the articles say of a whole class of devices (the group names the "
                "class), reported beside the verdicts as {py:class}`~expert.model.outcome.Note`s in "
                "`Result.notes`, never as a verdict on your device."
            ),
            [a for a in concluded if a.note],
        ),
    ):
        lines += [f"### {title}", "", intro, ""]
        if not chosen:
            lines += ["This knowledge base declares none.", ""]
            continue
        lines += [
            "| attribute | kind | values | in words | what it means | rules |",
            "|---|---|---|---|---|---|",
        ]
        for attribute in chosen:
            lines.append(
                f"| `{attribute.name}` | {attribute.kind} | {_values(attribute)} "
                f"| {_cell(attribute.label)} | {_cell(attribute.doc)} "
                f"| {concluding.get(attribute.name, 0)} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def vocabulary_goals(knowledge: Any) -> str:
    """The goals: which stated groups make which verdict the answer."""
    if not knowledge.goals:
        return "This knowledge base declares no goals.\n"
    lines = [
        "| you state | the answer | in words | shown beside it |",
        "|---|---|---|---|",
    ]
    for goal in knowledge.goals:
        when = " and ".join(f"`{group}`" for group in goal.when) or "nothing"
        if goal.conditions:
            tests = " and ".join(f"`{test.describe()}`" for test in goal.conditions)
            when += f", where {tests}"
        beside = ", ".join(f"`{name}`" for name in goal.with_) or "—"
        if goal.then_ask:
            # A guided consultation goes on from here: say where (goals.toml's then_ask).
            asks = " and ".join(f"`{group}`" for group in goal.then_ask)
            beside += f"; a guided consultation then asks about {asks}"
        lines.append(f"| {when} | `{goal.attribute}` | {_cell(goal.says)} | {beside} |")
    return "\n".join(lines) + "\n"


def dark_svg(light: Path) -> str:
    """The dark variant of a drawing that styles itself by a ``dark`` class on its root."""
    text = light.read_text(encoding="utf-8")
    if ".dark " not in text:
        raise ValueError(f"{light} has no .dark palette in its <style>")
    return text.replace("<svg ", '<svg class="dark" ', 1)


def rules_page() -> str:
    from expert.kb.load import load
    from expert.present.render import rules_markdown

    return rules_markdown(load())


def sources_page() -> str:
    from expert.kb.load import load

    knowledge = load()
    lines = [
        "# Sources",
        "",
        "The articles the knowledge base is drawn from (`rules/sources.toml`). Their text is in",
        "`rules/articles/`, so every quote can be checked (`expert check`).",
        "",
    ]
    for key, source in knowledge.sources.items():
        citing = [rule for rule in knowledge.rules if rule.source == key]
        lines += [f"## {source.title}", ""]
        lines.append(f"- **key** `{key}` (what a rule's `source` names)")
        for label, value in (
            ("author", source.author),
            ("site", source.site),
            ("published", source.published),
        ):
            if value:
                lines.append(f"- **{label}** {value}")
        lines += [f"- **rules** {len(citing)}", ""]
        for topic in dict.fromkeys(rule.topic for rule in citing):
            ids = ", ".join(
                f"[`{rule.id}`](rules.md#{_anchor(rule.id)})"
                for rule in citing
                if rule.topic == topic
            )
            lines.append(f"- {topic}: {ids}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """argparse wraps help to ``$COLUMNS``; fix it so the page does not depend on the terminal."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, Any]]:
    """(name, one-line help, parser) of each sub-command, in the order ``--help`` lists them."""
    for action in parser._actions:  # argparse has no public API for its sub-parsers
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def cli_page() -> str:
    from expert.cli.parser import build_parser

    parser = build_parser()
    with _columns(HELP_WIDTH):
        lines = ["## `expert`", "", "```text", parser.format_help().rstrip(), "```", ""]
        for name, summary, sub in _subcommands(parser):
            lines += [f"## `expert {name}`", ""]
            if summary:
                lines += [summary[0].upper() + summary[1:] + ".", ""]
            lines += ["```text", sub.format_help().rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def generate(docs: Path) -> None:
    """Write the generated pages under ``docs/_generated``."""
    out = docs / "_generated"
    _write(out / "rules.md", rules_page())
    _write(out / "sources.md", sources_page())
    _write(out / "cli-commands.md", cli_page())
    from expert.kb.load import load

    knowledge = load()
    _write(out / "vocabulary-inputs.md", vocabulary_inputs(knowledge))
    _write(out / "vocabulary-concluded.md", vocabulary_concluded(knowledge))
    _write(out / "vocabulary-goals.md", vocabulary_goals(knowledge))
    _write(out / "architecture-dark.svg", dark_svg(docs / "_static" / "architecture.svg"))


def _on_config_inited(app: Any, config: Any) -> None:
    generate(Path(app.srcdir))


def _defined_in(target: str) -> str | None:
    """Where a name reached through a module that re-exports it is defined:
    ``expert.Expert`` -> ``expert.api.expert.Expert``; ``None`` when it is not such a name."""
    import importlib

    module_name, _, name = target.rpartition(".")
    try:
        value = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError, ValueError):
        return None
    home = getattr(value, "__module__", None)
    if not isinstance(home, str) or home == module_name or not home.startswith("expert."):
        return None
    return f"{home}.{name}"


def _resolve_short_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a short name such as ``:class:`Device``` in a module that imports it.

    Docstrings name the objects a module imports by their short name (``Device``,
    ``Expert.consult_many``); Sphinx looks for them in the current module only. When exactly
    one documented object of the package ends with that name, the reference goes to it;
    otherwise it stays unresolved (and nitpicky warns). A name reached through a module that
    re-exports it (``expert.Expert``) goes to where it is defined.
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target:
        return None
    domain = env.get_domain("py")
    if target.startswith("expert."):
        home = _defined_in(target)
        if home is None or home not in domain.objects:
            return None
        return domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], home, node, contnode
        )
    types = set(domain.objtypes_for_role(node["reftype"]) or ())
    found = [
        name
        for name, entry in domain.objects.items()
        if name.startswith("expert.")
        and name.endswith("." + target)
        and entry.objtype in types
        and not entry.aliased
    ]
    if len(found) != 1:
        return None
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], found[0], node, contnode
    )


def _imported_names(module: str) -> dict[str, str]:
    """The names a module of the package imports from its siblings (``from .report import
    Report``, also under ``if TYPE_CHECKING:``), each with its full name."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return {}
    package = module if spec.submodule_search_locations else module.rpartition(".")[0]
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for statement in ast.walk(tree):
        if isinstance(statement, ast.ImportFrom) and statement.level and statement.module:
            base = importlib.util.resolve_name("." * statement.level + statement.module, package)
            for alias in statement.names:
                names[alias.asname or alias.name] = f"{base}.{alias.name}"
    return names


def _qualify_imported_names(app: Any, doctree: Any, docname: str) -> None:
    """Point a short name in a signature or docstring at the object its module imports.

    An annotation such as ``-> Report`` in :mod:`expert.model.outcome` means the ``Report`` that
    module imports (:class:`expert.present.report.Report`), even where another module of the package
    defines a ``Report`` of its own; Sphinx would find both and pick neither. Runs before the
    references are resolved, once every object is known; names of undocumented modules are
    left alone.
    """
    from sphinx.addnodes import pending_xref

    objects = app.env.get_domain("py").objects
    cache: dict[str, dict[str, str]] = {}
    for node in doctree.findall(pending_xref):
        module = node.get("py:module")
        target = node.get("reftarget", "")
        if node.get("refdomain") != "py" or not module or not module.startswith("expert"):
            continue
        head, dot, rest = target.partition(".")
        if module not in cache:
            cache[module] = _imported_names(module)
        full = cache[module].get(head)
        if full is None:
            continue
        if full not in objects:
            full = _defined_in(full) or full
        if full in objects:
            node["reftarget"] = full + dot + rest
            node["refspecific"] = False


def _post_transform() -> Any:
    from sphinx.transforms.post_transforms import SphinxPostTransform

    class QualifyImportedNames(SphinxPostTransform):
        """:func:`_qualify_imported_names`, before Sphinx resolves references (priority 10)."""

        default_priority = 5

        def run(self, **kwargs: Any) -> None:
            _qualify_imported_names(self.app, self.document, self.env.docname)

    return QualifyImportedNames


def _napoleon_except_doc_comments(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """napoleon, except on the doc comments (``#:``) of data and attributes.

    napoleon reads a doc comment's first line as ``type: description``, so "Records per
    chunk: the unit of work" would become a type named "Records per chunk". This project's
    doc comments are prose, so they are left as written.
    """
    from sphinx.ext import napoleon

    if what not in ("data", "attribute"):
        napoleon._process_docstring(app, what, name, obj, options, lines)


def _attrs_defaults(
    app: Any, what: str, name: str, obj: Any, options: Any, signature: str | None, annotation: Any
) -> tuple[str, Any] | None:
    """Show an attrs field's factory default as what it makes (``= {}``), not ``= NOTHING``.

    attrs gives a field with ``factory=`` the default ``NOTHING`` in ``__init__``'s signature
    (the factory runs inside); autodoc would print the sentinel.
    """
    import attrs

    if what != "class" or not signature or not attrs.has(obj) or "NOTHING" not in signature:
        return None
    for field in attrs.fields(obj):
        if isinstance(field.default, attrs.Factory) and not field.default.takes_self:
            made = field.default.factory
            shown = repr(made()) if made in (dict, list, set, tuple, frozenset) else "..."
            signature = re.sub(
                rf"(\b{re.escape(field.alias)}(?:: [^=]+?)?) = NOTHING\b",
                lambda match, shown=shown: f"{match[1]} = {shown}",
                signature,
                count=1,
            )
    return signature.replace("= NOTHING", "= ..."), annotation


def _facts_fields(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Document the fields of :class:`~expert.headphones.Device` and
    :class:`~expert.headphones.Needs` from the vocabulary they stand for: the type, the allowed values and the help line."""
    import attrs

    from expert.headphones.facts import Device, Needs, bundled_inputs

    if what != "class" or obj not in (Device, Needs):
        return
    inputs = bundled_inputs(obj.prefix)
    for field in attrs.fields(obj):
        attribute = inputs[f"{obj.prefix}.{field.name}"]
        if attribute.kind in ("choice", "set"):
            values = ", ".join(f"``{value}``" for value in attribute.values)
            allowed = f"{KIND_WORDS[attribute.kind]} {values}"
        elif attribute.kind == "flag":
            allowed = "true or false"
        else:
            allowed = attribute.allowed_text().replace(">=", "≥")
        doc = attribute.doc[:1].upper() + attribute.doc[1:]
        lines += [
            "",
            f".. attribute:: {field.name}",
            f"   :type: {field.type}",
            "   :value: None",
            "",
            f"   {doc}.",
            "",
            f"   ``{attribute.name}`` ({attribute.kind}): {allowed}.",
        ]


#: Packages without an underscore that are the library's internals (its layers), not part of
#: the API: their pages document them for those who read or extend the code.
# ``rules`` is the bundled knowledge base (data, installed as ``expert.rules``), not an API;
# so is ``starter``, the houseplant example ``expert init`` writes.
INTERNAL = ("model", "kb", "inference", "reasoning", "present", "api", "rules", "starter")


def _public_names(app: Any, env: Any) -> None:
    """Warn about a public module that has no API page, or a name of its ``__all__`` that no
    page documents."""
    import importlib
    import pkgutil

    from sphinx.util import logging

    import expert

    logger = logging.getLogger(__name__)
    objects = env.get_domain("py").objects
    modules = ["expert"] + [
        f"expert.{info.name}"
        for info in pkgutil.iter_modules(expert.__path__)
        if not info.name.startswith("_") and info.name not in ("__main__", *INTERNAL)
    ]
    for module_name in modules:
        if module_name not in env.get_domain("py").modules:
            logger.warning("module %s is not documented in the API reference", module_name)
            continue
        module = importlib.import_module(module_name)
        for public in getattr(module, "__all__", ()):
            if public.startswith("__"):
                continue
            value = getattr(module, public)
            home = getattr(value, "__module__", module_name) if callable(value) else module_name
            qualified = {f"{module_name}.{public}", f"{home}.{public}"}
            # A re-exported alias (expert.FactValue) has no __module__: the page of the module
            # defining it (an internal one too) documents it.
            qualified |= {
                f"{other}.{public}"
                for other in list(sys.modules)
                if other.partition(".")[0] == "expert"
                and getattr(sys.modules.get(other), public, None) is value
            }
            if not qualified & set(objects):
                logger.warning(
                    "%s.%s is public (in __all__) but documented on no page", module_name, public
                )


def _replace_napoleon_listener(app: Any) -> None:
    from sphinx.ext import napoleon

    app.setup_extension("sphinx.ext.napoleon")
    for listener in list(app.events.listeners.get("autodoc-process-docstring", [])):
        if listener.handler is napoleon._process_docstring:
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _napoleon_except_doc_comments)


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _on_config_inited)
    app.connect("missing-reference", _resolve_short_name)
    _replace_napoleon_listener(app)
    app.connect("autodoc-process-docstring", _facts_fields)
    app.connect("autodoc-process-signature", _attrs_defaults)
    app.connect("env-check-consistency", _public_names)
    app.add_post_transform(_post_transform())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
