"""Pages generated at build time from the code and the knowledge base, so they cannot drift.

At ``config-inited`` this writes, under ``docs/_generated/`` (never edited by hand, ignored by
git):

- ``rules.md``: the rule catalogue, :func:`expert.render.rules_markdown` of the bundled base;
- ``sources.md``: the articles of ``rules/sources.toml`` and the rules that cite each;
- ``cli-commands.md``: every ``expert`` sub-command with its ``--help``, from the argparse
  parser of :mod:`expert.cli` (included by ``reference/cli.md``).

A file is rewritten only when its text changes, so incremental builds stay incremental.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
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


def rules_page() -> str:
    from expert.knowledge import load
    from expert.render import rules_markdown

    return rules_markdown(load())


def sources_page() -> str:
    from expert.knowledge import load

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
    from expert.cli import _parser

    parser = _parser()
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


def _on_config_inited(app: Any, config: Any) -> None:
    generate(Path(app.srcdir))


def _resolve_short_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a short name such as ``:class:`Device``` in a module that imports it.

    Docstrings name the objects a module imports by their short name (``Device``,
    ``Expert.consult_many``); Sphinx looks for them in the current module only. When exactly
    one documented object of the package ends with that name, the reference goes to it;
    otherwise it stays unresolved (and nitpicky warns).
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target or target.startswith("expert."):
        return None
    domain = env.get_domain("py")
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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
