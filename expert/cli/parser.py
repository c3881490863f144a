"""The command line's parser: its sub-commands, their options and their help.

The examples and the group flags (``--GROUP KEY=VALUE``) are the bundled base's, declared by
its domain package; ``--fact`` names the facts of any base.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any, NoReturn, cast

from .. import __version__
from ..api.expert import ENGINES
from ..batch.formats import FORMATS as BATCH_FORMATS
from ..errors import UsageError
from ..headphones import EXAMPLE, GROUP_FLAGS, LABELS, QUESTION, SUBJECT
from ..present.render import FORMATS

__all__ = [
    "BATCH_FORMATS",
    "COMPLETION_SHELLS",
    "EXAMPLE_FACT",
    "Parser",
    "build_parser",
    "parameter_flags",
]

COMPLETION_SHELLS = ("bash", "zsh", "fish")


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and an exception, not an exit, and which
    records the name the command line gives each parameter it sets.

    Attributes:
        flags: by parameter (an option's ``dest``, named as the library's parameter it
            feeds), the command line's name for it: the long flag (``--input-format``), or
            a positional argument's metavar (``INPUT``). One mapping, shared by the
            sub-commands' parsers, through which errors naming a parameter are worded
            (:meth:`~expert.errors.ExpertError.worded`).
    """

    def __init__(self, *args: Any, flags: dict[str, str] | None = None, **kwargs: Any) -> None:
        self.flags: dict[str, str] = {} if flags is None else flags  # before -h is added
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        longest = max(action.option_strings, key=len, default=None)
        self.flags.setdefault(action.dest, longest or str(action.metavar or action.dest))
        return action

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


#: A short-named fact of the bundled base, for the examples of help and error lines.
EXAMPLE_FACT = GROUP_FLAGS[0][2].split()[0]


def _flags() -> str:
    """The bundled base's group flags: ``--a, --b``."""
    return ", ".join(f"--{group}" for group, _, _ in GROUP_FLAGS)


def build_parser() -> Parser:
    """The parser of the command line and its sub-commands (``--help`` shows it)."""
    parser = Parser(
        prog="expert",
        description=f"A rule-based expert system that explains its verdicts (the bundled "
        f"knowledge base: {SUBJECT}).",
    )
    parser.add_argument(
        "-V", "--version", action="version", version=f"expert {__version__}",
        help="print the version and exit",
    )  # fmt: skip
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--rules", metavar="DIR", help="a directory of rule files to use")
    parser.add_argument(
        "--engine", choices=ENGINES, default="experta",
        help="the inference engine of consult (clips needs: pip install 'expert[clips]')",
    )  # fmt: skip
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND",
        # The sub-commands' parsers record their flags in the same mapping.
        parser_class=cast(type[Parser], functools.partial(Parser, flags=parser.flags)),
    )  # fmt: skip
    commands.required = True
    group, fact = GROUP_FLAGS[0][0], EXAMPLE_FACT

    consult = commands.add_parser(
        "consult", help="consult the expert on the facts you state",
        description=f"Consult the expert on the facts you state ({_flags()}, or --fact "
        "for any knowledge base) and print its report: the answer first, then the other "
        "verdicts, each with the rules and quotes it rests on. --how, --why-not, --how-to and "
        "--what-if explain one verdict instead; --ask asks you questions until the answer is "
        f"settled. Each fact is stated once, however it is named (--{group} {fact} and --fact "
        f"{group}.{fact} are the same fact): a fact given twice is refused, and a set's "
        "values go in one comma-separated value (NAME=a,b, not NAME=a NAME=b). An empty value "
        "(NAME=) is refused too: leave out a fact you do not know. "
        f"e.g. expert consult {EXAMPLE}",
    )  # fmt: skip
    consult.add_argument(
        "--fact", nargs="+", action="extend", default=[], metavar="NAME=VALUE",
        help="facts by full name, for any knowledge base, e.g. "
        f"{' '.join(f'{g}.{e.split()[0]}' for g, _, e in GROUP_FLAGS)} (sets comma-separated)",
    )  # fmt: skip
    for group, words, example in GROUP_FLAGS:
        consult.add_argument(
            f"--{group}", nargs="+", action="extend", default=[], metavar="KEY=VALUE",
            help=f"{words}, e.g. {example} (short for --fact {group}.{example.split()[0]} ...)",
        )  # fmt: skip
    consult.add_argument("--json", action="store_true", help="print the result as JSON")
    consult.add_argument(
        "--all", action="store_true",
        help="every verdict with every rule and quote, the disagreements and the notes",
    )  # fmt: skip
    consult.add_argument("--format", choices=FORMATS, help="output format (default text)")
    consult.add_argument(
        "--ask", action="store_true",
        help="a guided consultation: the expert asks what could still change its answer",
    )  # fmt: skip
    consult.add_argument("--how", metavar="ATTR", help="explain how ATTR was concluded")
    consult.add_argument("--why-not", metavar="ATTR=VALUE", help="explain why ATTR is not VALUE")
    consult.add_argument(
        "--how-to", metavar="ATTR=VALUE",
        help="the smallest changes of the stated facts that would make ATTR be VALUE",
    )  # fmt: skip
    consult.add_argument(
        "--changes", type=int, default=2, metavar="N", dest="max_changes",
        help="with --how-to: the most facts one answer may change (default 2)",
    )  # fmt: skip
    consult.add_argument(
        "--what-if", nargs="+", action="extend", default=[], metavar="KEY=VALUE",
        help="show how the verdicts change if facts change",
    )  # fmt: skip

    ask = commands.add_parser(
        "ask", help="ask a question in your own words",
        description=f"Ask a question in plain words, e.g. expert ask \"{QUESTION}\". It says how it read the question, then answers from the articles; a "
        "question they do not cover gets no answer and the closest ones they do.",
    )  # fmt: skip
    ask.add_argument("question", nargs="+", metavar="QUESTION", help="the question, in words")
    ask.add_argument("--json", action="store_true", help="print the result as JSON")
    ask.add_argument("--all", action="store_true", help="every verdict with its rules and quotes")
    ask.add_argument("--format", choices=FORMATS, help="output format (default text)")

    rules = commands.add_parser(
        "rules", help="list the rules of the knowledge base",
        description="List the rules of the knowledge base (the bundled one, or --rules DIR): "
        "each rule's id, conditions, conclusions, certainty and the quote of the article it "
        "cites, topic by topic.",
    )  # fmt: skip
    rules.add_argument("--topic", help="only this topic")
    rules.add_argument(
        "--format", choices=FORMATS, default="text",
        help="text (default), markdown (the rule catalogue of the docs) or json",
    )  # fmt: skip

    commands.add_parser(
        "sources", help="list the articles the rules cite",
        description="List the articles the rules cite (sources.toml): each one's key, title, "
        "author and address, and how many rules quote it.",
    )  # fmt: skip
    commands.add_parser(
        "inputs", help="list the facts a user can state, with their values",
        description="List the facts one can state to the knowledge base (its vocabulary's "
        f"inputs), each with its full name, kind and allowed values: the names {_flags()} "
        "and --fact take.",
    )  # fmt: skip
    commands.add_parser(
        "repl", help="an interactive session: set facts, consult, ask why",
        description="An interactive shell on a terminal: state facts, consult, ask how, why "
        "not and what if, with completion and history. Type help in it for its commands.",
    )  # fmt: skip

    check = commands.add_parser(
        "check", help="verify the knowledge base (exit 0 when clean, 1 with a report)",
        description="Verify the knowledge base as a whole: quotes that are not in their "
        "article, duplicate and subsumed rules, rules that can never fire, and the "
        "disagreements between rules (listed, not defects). Exit 0 when clean, 1 with a "
        "report of what was found.",
    )  # fmt: skip
    check.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text (default) or json (the same findings, for a program)",
    )  # fmt: skip
    check.add_argument(
        "--gaps", action="store_true",
        help="list the needs that get no advice, against the known gaps of gaps.toml "
        "(exit 1 on one that is not known)",
    )  # fmt: skip
    _batch_parsers(commands)
    completion = commands.add_parser(
        "completion", help="print a shell completion script (bash, zsh or fish)",
        description="Print a script that completes expert's commands and options in SHELL. "
        "Load it in the shell's start-up file, e.g. in ~/.bashrc: "
        'eval "$(expert completion bash)"; zsh: expert completion zsh > '
        '"${fpath[1]}/_expert"; fish: expert completion fish > '
        "~/.config/fish/completions/expert.fish",
    )  # fmt: skip
    completion.add_argument("shell", choices=COMPLETION_SHELLS, help="the shell")
    init = commands.add_parser(
        "init", help="write a starter knowledge base (the houseplant example) to DIR",
        description="Write a small, complete knowledge base to start from into DIR (created; "
        "it must be missing or empty): the houseplant example of the docs, with its article, "
        "vocabulary, seven rules, goals, questions, and a Gherkin specification with its "
        "pytest.ini. Then: expert --rules DIR check.",
    )  # fmt: skip
    init.add_argument("directory", metavar="DIR", help="the folder to write it to")
    return parser


def _batch_parsers(commands: Any) -> None:
    """The ``batch`` and ``sample-catalogue`` sub-commands."""
    batch = commands.add_parser(
        "batch",
        help="judge every record of a catalogue (CSV or JSON Lines)",
        description="Judge a catalogue, one record a line; write one row per record. Bad "
        "records go to the errors file and are counted: the batch still exits 0. The "
        "summary goes to stdout, the progress bar (on a terminal) to stderr.",
    )
    batch.add_argument("input", metavar="INPUT", help="a .csv or .jsonl catalogue")
    batch.add_argument("-o", "--output", required=True, help="a .jsonl or .csv output file")
    batch.add_argument("--input-format", choices=BATCH_FORMATS, help="default: by extension")
    batch.add_argument("--output-format", choices=BATCH_FORMATS, help="default: by extension")
    batch.add_argument("--errors", metavar="PATH", help="default: OUTPUT.errors.jsonl")
    batch.add_argument("--id-column", metavar="COL", help="default: id, else the line number")
    batch.add_argument("--label-column", metavar="COL", help="the catalogue's own kind "
                       f"({'/'.join(LABELS)}); default: label, if there")  # fmt: skip
    batch.add_argument(
        "--ignore", metavar="COL,...", type=_names, action="extend", default=[],
        help="columns that are neither facts nor id nor label",
    )  # fmt: skip
    batch.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes")
    batch.add_argument("--dask", metavar="ADDRESS", help="run on this Dask scheduler")
    batch.add_argument("--chunk-size", type=int, default=500, metavar="N", help="rows a chunk")
    batch.add_argument("--resume", action="store_true",
                       help="continue an interrupted run (or start one if there is none)")  # fmt: skip
    batch.add_argument("--json", action="store_true", help="print the summary as JSON")

    sample = commands.add_parser(
        "sample-catalogue", help="write a seeded sample catalogue to try `expert batch` on",
        description="Write N rows of a sample catalogue of the bundled base (CSV or JSON "
        "Lines), the same rows for the same seed, to try `expert batch` on. With -o FILE it "
        "says on stderr what it wrote; without, the rows go to stdout and nothing else does.",
    )  # fmt: skip
    sample.add_argument("rows", type=int, metavar="N", help="how many rows")
    sample.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    sample.add_argument("--seed", type=int, default=0, help="the same seed, the same rows")
    sample.add_argument("--format", choices=BATCH_FORMATS, help="default: by extension, or csv")
    sample.add_argument("--junk", type=float, default=0.0, metavar="FRACTION",
                        help="the fraction of bad rows, from 0 to 1 (default 0: no bad rows; "
                        "e.g. 0.01)")  # fmt: skip


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


@functools.cache
def parameter_flags() -> dict[str, str]:
    """The command line's name for each parameter it sets (:attr:`Parser.flags`)."""
    return dict(build_parser().flags)
