"""The ``expert`` command line: ``main(argv) -> exit code``.

Exit codes: 0 success, 1 internal failure, 2 bad input (one line on stderr, no traceback
unless ``--debug``), 130 interrupted, 128 + N ended by signal N, 141 the reader of the output
went away (a closed pipe, as in ``expert rules | head``: quietly, as if by SIGPIPE).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from rich.console import Console

from . import __version__
from ._support.safe_text import visible
from ._support.streams import WRITE_FAILURES, EnvironmentFailure, discard, guarded_streams
from ._support.terminal import size
from .api.expert import ENGINES, Expert
from .batch.formats import EXTENSIONS
from .batch.formats import FORMATS as CATALOGUE_FORMATS
from .errors import BatchError, ExpertError, InferenceError, UsageError, one_line
from .headphones import EXAMPLE, GROUP_FLAGS, LABELS, QUESTION, SUBJECT
from .kb.check import check
from .kb.load import load
from .model.vocabulary import resolve
from .present.render import (
    FORMATS,
    inputs_text,
    print_lines,
    rules_markdown,
    rules_text,
    sources_text,
    to_json,
)
from .reasoning.what_if import what_if

__all__ = ["main"]

BATCH_FORMATS = CATALOGUE_FORMATS
COMPLETION_SHELLS = ("bash", "zsh", "fish")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and an exception, not an exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


#: A short-named fact of the bundled base, for the examples of error lines.
_EXAMPLE_FACT = GROUP_FLAGS[0][2].split()[0]


def _pairs(
    tokens: Sequence[str], flag: str, example: str = _EXAMPLE_FACT
) -> list[tuple[str, str]]:
    """``["a=x", "b=y,z"]`` -> ``[("a", "x"), ("b", "y,z")]``, in order and each kept: a fact
    given twice is refused where facts are named."""
    pairs: list[tuple[str, str]] = []
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{flag} takes KEY=VALUE, got {token!r} (e.g. {flag} {example})")
        pairs.append((key.strip(), value))
    return pairs


def _flags() -> str:
    """The bundled base's group flags: ``--a, --b``."""
    return ", ".join(f"--{group}" for group, _, _ in GROUP_FLAGS)


def _parser() -> _Parser:
    parser = _Parser(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    group, fact = GROUP_FLAGS[0][0], _EXAMPLE_FACT

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
        "--changes", type=int, default=2, metavar="N",
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


class _Stopped(BaseException):
    """A signal that ends the process (SIGTERM, SIGHUP), raised where the batch was, so its
    workers are stopped and its partial files left resumable."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into :class:`_Stopped` for the block (in the main thread)."""
    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    numbers = [getattr(signal, name) for name in names]

    def stop(signum: int, frame: Any) -> None:
        for number in numbers:  # a second signal must not cut the clean-up short
            signal.signal(number, signal.SIG_IGN)
        raise _Stopped(signum)

    previous = {number: signal.signal(number, stop) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _batch(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, run_batch

    sys.stdout.write("")  # a closed standard output is refused before the run, not after it
    try:
        with _signals_raise():
            options = BatchOptions(
                errors=args.errors, input_format=args.input_format,
                output_format=args.output_format, id_column=args.id_column,
                label_column=args.label_column, ignore=args.ignore, rules=args.rules,
                engine=getattr(args, "engine", "experta"), workers=args.workers,
                dask=args.dask, chunk_size=args.chunk_size, resume=args.resume,
            )  # fmt: skip
            summary = run_batch(args.input, args.output, options)
    except (UsageError, BatchError) as error:
        raise _with_flags(error) from None
    except (KeyboardInterrupt, _Stopped) as stop:
        print("expert: interrupted; continue the batch with --resume", file=sys.stderr)
        return 128 + getattr(stop, "signum", signal.SIGINT)
    except OSError as error:  # a full disk: what was written is kept, as at an interrupt
        where = f" ({error.filename})" if error.filename else ""
        raise EnvironmentFailure(
            f"the batch stopped: {error.strerror or error}{where}; continue it with --resume "
            "once that is fixed",
            1,
        ) from None
    _print(to_json(summary.to_dict()) if args.json else summary.to_text())
    return 0


def _with_flags(error: UsageError | BatchError) -> UsageError | BatchError:
    """The batch's error as the command line says it: the options it names as flags."""
    from .batch.options import spell

    text = spell(error.message, lambda name: "--" + name.replace("_", "-"))
    return type(error)(text, suggestion=error.suggestion)


def _sample_catalogue(args: argparse.Namespace) -> int:
    from .headphones.sample import sample_catalogue, write_catalogue

    suffix = args.output.rsplit(".", 1)[-1].lower() if args.output else ""
    fmt = args.format or EXTENSIONS.get(f".{suffix}", "csv")
    try:
        lines = sample_catalogue(args.rows, seed=args.seed, fmt=fmt, junk=args.junk)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.output is None:
        sys.stdout.buffer.writelines(lines)
        return 0
    try:
        write_catalogue(args.output, lines)
    except OSError as error:
        raise _cannot_write(args.output, error) from None
    # On stderr: standard output stays clean for whatever reads it.
    rows = "row" if args.rows == 1 else "rows"
    print(visible(f"expert: wrote {args.rows:,} {rows} to {args.output}"), file=sys.stderr)
    return 0


def _cannot_write(path: str, error: OSError) -> Exception:
    """The error for a file the user named that could not be written: the command line's
    fault when refused (a directory, a missing folder, no permission: exit 2), the
    system's when writing failed (a full disk: exit 1)."""
    message = f"cannot write {path}: {error.strerror or error}"
    if error.errno in WRITE_FAILURES:
        return EnvironmentFailure(message, 1)
    return UsageError(message)


def _consult(args: argparse.Namespace, out: Console) -> int:
    expert = Expert(args.rules, engine=args.engine)
    facts = _pairs(args.fact, "--fact")
    for group, _, _ in GROUP_FLAGS:
        for name, value in _pairs(getattr(args, group), f"--{group}"):
            facts.append((resolve(expert.knowledge.inputs, name, group=group).name, value))
    stated = expert.knowledge.state(facts)
    if args.ask:
        from .shell import guided  # prompt_toolkit is loaded only for a dialog

        return guided(expert, stated)
    result = expert.consult(stated)
    fmt = "json" if args.json else (args.format or "text")
    explanation: Any = None
    if args.how:
        explanation = result.how(args.how)
    elif args.why_not:
        attribute, sep, value = args.why_not.partition("=")
        if not sep:
            raise UsageError(f"--why-not takes ATTR=VALUE, got {args.why_not!r}")
        explanation = result.why_not(attribute.strip(), value.strip())
    elif args.how_to:
        attribute, sep, value = args.how_to.partition("=")
        if not sep:
            raise UsageError(f"--how-to takes ATTR=VALUE, got {args.how_to!r}")
        explanation = result.how_to(attribute.strip(), value.strip(), args.changes)
    elif args.what_if:
        explanation = what_if(result, _pairs(args.what_if, "--what-if"), result.consult_again)
    if explanation is not None:
        if fmt == "json":
            _print(to_json(explanation.to_dict()))
        elif fmt == "markdown":
            _print(explanation.to_markdown())
        else:
            # Colour, folded at words, on a terminal; plain lines when piped.
            print_lines(explanation.lines(), out)
        return 0
    return _show(result, args, out)


def _ask(args: argparse.Namespace, out: Console) -> int:
    result = Expert(args.rules, engine=args.engine).ask(" ".join(args.question))
    return _show(result, args, out)


def _show(result: Any, args: argparse.Namespace, out: Console) -> int:
    """Print a result's report as ``--json``, ``--format`` and ``--all`` ask."""
    fmt = "json" if args.json else (args.format or "text")
    if fmt == "json":
        _print(to_json(result.to_dict()))
        return 0
    report = result.report(full=args.all, hints="cli")
    if fmt == "markdown":
        _print(report.to_markdown())
    else:
        print_lines(report.lines(), out)
    return 0


def _run(args: argparse.Namespace, out: Console) -> int:
    if args.command == "consult":
        return _consult(args, out)
    if args.command == "ask":
        return _ask(args, out)
    if args.command == "repl":
        from .shell import run  # prompt_toolkit is loaded only for the shell

        return run(args.rules, engine=args.engine)
    if args.command == "batch":
        return _batch(args)
    if args.command == "sample-catalogue":
        return _sample_catalogue(args)
    if args.command == "init":
        from .kb.scaffold import init

        try:
            written = init(args.directory)
        except OSError as error:
            raise _cannot_write(args.directory, error) from None
        _print(f"wrote a starter knowledge base of {len(written)} files to {args.directory}:")
        _print("\n".join(f"  {path}" for path in written))
        return 0
    if args.command == "completion":
        import shtab

        print(shtab.complete(_parser(), shell=args.shell), end="")
        return 0
    knowledge = load(args.rules)
    if args.command == "rules":
        if args.topic and args.topic not in knowledge.by_topic():
            raise UsageError(
                f"no topic {args.topic!r}; allowed: {', '.join(knowledge.by_topic())}"
            )
        if args.format == "markdown":
            _print(rules_markdown(knowledge, args.topic), end="")
        elif args.format == "json":
            chosen = [r for r in knowledge.rules if not args.topic or r.topic == args.topic]
            _print(to_json([_rule_dict(rule) for rule in chosen]))
        else:
            _print(rules_text(knowledge, args.topic), end="")
        return 0
    if args.command == "check" and args.gaps:
        from .kb.gaps import find_gaps

        expert = Expert(knowledge, engine=args.engine)
        gaps = find_gaps(knowledge, expert.consult)
        _print(to_json(gaps.to_dict()) if args.format == "json" else gaps.to_text())
        return 0 if gaps.ok else 1
    if args.command == "check":
        report = check(knowledge)
        _print(to_json(report.to_dict()) if args.format == "json" else report.to_text())
        return 0 if report.ok else 1
    if args.command == "inputs":
        _print(inputs_text(knowledge), end="")
        return 0
    _print(sources_text(knowledge), end="")
    return 0


def _print(text: str, end: str = "\n") -> None:
    """Print text that may hold words from rule files, catalogues or paths, with its control
    characters shown as escapes (line breaks kept)."""
    print(visible(text, lines=True), end=end)


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
    _tolerant_streams()
    with guarded_streams():
        return _main(argv, debug="--debug" in argv)


def _main(argv: list[str], debug: bool) -> int:
    try:
        args = _parser().parse_args(argv)
        code = _run(args, _Console(highlight=False, **size()))
        sys.stdout.flush()  # a closed pipe shows here, not after main has returned
        return code
    except (InferenceError, BatchError) as error:
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
        discard(sys.stdout)
        return 128 + 13  # SIGPIPE's status: what `yes | head` reports for yes
    except EnvironmentFailure as failure:
        _report(failure, debug)
        return failure.status
    except OSError as error:  # the system failed a file the command was using
        _report(error, debug)
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence for users
        if debug:
            traceback.print_exc()
        print(
            f"expert: internal error: {type(error).__name__}: {one_line(str(error))} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 1


class _Console(Console):
    """A rich console that leaves a closed pipe to :func:`main` (rich would exit with 1)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def _tolerant_streams() -> None:
    """Let output degrade rather than fail on a terminal or pipe that cannot encode it
    (``PYTHONIOENCODING=ascii``): characters it lacks are written as ``?``; undecodable
    input bytes are read as U+FFFD."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stdin, "replace")):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=errors)


def _report(error: Exception, debug: bool) -> None:
    """One line on standard error saying what went wrong (a traceback too with --debug)."""
    if debug:
        traceback.print_exc()
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        text = f"stopped: {where}{error.strerror or error}"
    else:
        text = str(error)
    print(f"expert: {one_line(text)}", file=sys.stderr)
