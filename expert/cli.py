"""The ``expert`` command line: ``main(argv) -> exit code``.

Exit codes: 0 success, 1 internal failure, 2 bad input (one line on stderr, no traceback
unless ``--debug``).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from typing import Any, NoReturn

from rich.console import Console

from . import __version__
from .check import check
from .engine import Expert
from .errors import ExpertError, InferenceError, UsageError, one_line
from .facts import Device, Needs
from .knowledge import load
from .render import print_result, rules_markdown, rules_text, sources_text, to_json

__all__ = ["main"]

FORMATS = ("text", "markdown", "json")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and an exception, not an exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _pairs(tokens: Sequence[str], flag: str) -> dict[str, str]:
    """``["mic=boom", "uses=gaming,calls"]`` -> ``{"mic": "boom", "uses": "gaming,calls"}``."""
    pairs: dict[str, str] = {}
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{flag} takes KEY=VALUE, got {token!r} (e.g. {flag} mic=boom)")
        pairs[key.strip()] = value
    return pairs


def _parser() -> _Parser:
    parser = _Parser(
        prog="expert",
        description="An expert system on headphones and headsets that explains its verdicts.",
    )
    parser.add_argument("--version", action="version", version=f"expert {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--rules", metavar="DIR", help="a directory of rule files to use")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    consult = commands.add_parser("consult", help="consult the expert on a device and needs")
    consult.add_argument(
        "--device", nargs="+", action="extend", default=[], metavar="KEY=VALUE",
        help="device facts, e.g. mic=boom fit=over-ear",
    )  # fmt: skip
    consult.add_argument(
        "--needs", nargs="+", action="extend", default=[], metavar="KEY=VALUE",
        help="needs, e.g. uses=gaming,calls budget=80",
    )  # fmt: skip
    consult.add_argument("--json", action="store_true", help="print the result as JSON")
    consult.add_argument("--format", choices=FORMATS, help="output format (default text)")
    consult.add_argument("--how", metavar="ATTR", help="explain how ATTR was concluded")
    consult.add_argument("--why-not", metavar="ATTR=VALUE", help="explain why ATTR is not VALUE")
    consult.add_argument(
        "--what-if", nargs="+", action="extend", default=[], metavar="KEY=VALUE",
        help="show how the verdicts change if facts change",
    )  # fmt: skip

    rules = commands.add_parser("rules", help="list the rules of the knowledge base")
    rules.add_argument("--topic", help="only this topic")
    rules.add_argument("--format", choices=FORMATS, default="text")

    commands.add_parser("sources", help="list the articles the rules cite")
    commands.add_parser("repl", help="an interactive session: set facts, consult, ask why")

    check = commands.add_parser(
        "check", help="verify the knowledge base (exit 0 when clean, 1 with a report)"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _consult(args: argparse.Namespace, out: Console) -> int:
    expert = Expert(args.rules)
    device = Device.from_mapping(_pairs(args.device, "--device"), strings=True)
    needs = Needs.from_mapping(_pairs(args.needs, "--needs"), strings=True)
    result = expert.consult(device, needs)
    fmt = "json" if args.json else (args.format or "text")
    explanation: Any = None
    if args.how:
        explanation = result.how(args.how)
    elif args.why_not:
        attribute, sep, value = args.why_not.partition("=")
        if not sep:
            raise UsageError(f"--why-not takes ATTR=VALUE, got {args.why_not!r}")
        explanation = result.why_not(attribute.strip(), value.strip())
    elif args.what_if:
        explanation = result.what_if(**_pairs(args.what_if, "--what-if"))
    if explanation is not None:
        if fmt == "json":
            print(to_json(explanation.to_dict()))
        elif fmt == "markdown":
            print(explanation.to_markdown())
        else:
            # Colour on a terminal; plain words when piped, so scripts read stable text.
            if out.is_terminal:
                out.print(explanation.to_rich())
            else:
                print(explanation.to_text())
        return 0
    if fmt == "json":
        print(to_json(result.to_dict()))
    elif fmt == "markdown":
        for verdict in result.verdicts:
            print(result.how(verdict.attribute).to_markdown())
    else:
        print_result(result, out)
    return 0


def _run(args: argparse.Namespace, out: Console) -> int:
    if args.command == "consult":
        return _consult(args, out)
    if args.command == "repl":
        from .repl import run  # prompt_toolkit is loaded only for the shell

        return run(args.rules)
    knowledge = load(args.rules)
    if args.command == "rules":
        if args.topic and args.topic not in knowledge.by_topic():
            raise UsageError(
                f"no topic {args.topic!r}; allowed: {', '.join(knowledge.by_topic())}"
            )
        if args.format == "markdown":
            print(rules_markdown(knowledge, args.topic), end="")
        elif args.format == "json":
            chosen = [r for r in knowledge.rules if not args.topic or r.topic == args.topic]
            print(to_json([_rule_dict(rule) for rule in chosen]))
        else:
            print(rules_text(knowledge, args.topic), end="")
        return 0
    if args.command == "check":
        report = check(knowledge)
        print(to_json(report.to_dict()) if args.format == "json" else report.to_text())
        return 0 if report.ok else 1
    print(sources_text(knowledge), end="")
    return 0


def _rule_dict(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.id,
        "when": [condition.describe() for condition in rule.conditions],
        "then": {c.attribute: c.value for c in rule.conclusions},
        "certainty": rule.certainty,
        "source": rule.source,
        "quote": rule.quote,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = _parser().parse_args(argv)
        return _run(args, Console(highlight=False))
    except InferenceError as error:
        _report(error, debug)
        return 1
    except ExpertError as error:
        _report(error, debug)
        return 2
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        print("expert: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the last line of defence for users
        if debug:
            traceback.print_exc()
        print(
            f"expert: internal error: {type(error).__name__}: {one_line(str(error))} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 1


def _report(error: ExpertError, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    print(f"expert: {one_line(str(error))}", file=sys.stderr)
