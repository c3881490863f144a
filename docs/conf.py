"""Sphinx configuration of the expert documentation (MyST Markdown, furo theme).

Build: ``sphinx-build -W --keep-going -n -b html docs docs/_build/html``. The rule catalogue,
the sources, the vocabulary's tables and the command-line reference are generated at build time
by ``_ext/expert_docs``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import expert

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "expert"
author = "the expert authors"
copyright = "the expert authors"  # noqa: A001 - Sphinx's name for it
release = version = expert.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_copybutton",
    "expert_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# The generated pieces that a page includes are not pages of their own.
exclude_patterns = [
    "_build",
    "_generated/cli-commands.md",
    "_generated/vocabulary-*.md",
    "Thumbs.db",
    ".DS_Store",
]

# -- MyST ------------------------------------------------------------------------------------
myst_heading_anchors = 3  # `[...](rules.md#microphoneboom-means-headset)` links to a rule

# -- autodoc and napoleon --------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- nitpicky: every reference must resolve ---------------------------------------------------
# Without network there is no intersphinx; the standard library's and third-party types are
# named here instead (builtins and typing names are resolved by Sphinx itself).
nitpicky = True
nitpick_ignore_regex = [
    ("py:class", r"(collections\.abc|pathlib|argparse|io|typing|types)\.\w+"),
    ("py:class", r"(Path|TextIO|Iterable|Iterator|Mapping|Sequence|Callable)"),
    ("py:class", r"(attrs|rich|prompt_toolkit|experta|clips|pytest|_pytest)(\.\w+)+"),
    ("py:mod", r"tomllib"),
    # The engine's internals (compiler, runners, verdict building) and private modules are not
    # documented.
    ("py:class", r"expert\.inference\.(compiler|runner|verdicts)\.\w+"),
    ("py:class", r"expert\.(\w+\.)?_\w+(\.\w+)+"),
]

# -- copy buttons ----------------------------------------------------------------------------
# A console or pycon block copies as the commands alone, without their prompts and output, so
# that it pastes into a shell or a Python prompt as it is; a block without prompts copies whole.
copybutton_prompt_text = r">>> |\.\.\. |\$ |> "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_remove_prompts = True

# -- HTML ------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"expert {release}"
html_static_path = ["_static"]
# Console and output blocks wrap at the page's edge (furo scrolls them sideways otherwise).
html_css_files = ["wrap.css"]
