"""The ``expert`` command line: ``main(argv) -> exit code``.

Exit codes: 0 success, 1 internal failure, 2 bad input (one line on stderr, no traceback
unless ``--debug``), 130 interrupted, 128 + N ended by signal N, 141 the reader of the output
went away (a closed pipe, as in ``expert rules | head``: quietly, as if by SIGPIPE).

What is where:

- :mod:`~expert.cli.parser`: the sub-commands, their options and help.
- :mod:`~expert.cli.facts`: facts and names given as ``KEY=VALUE`` flags.
- :mod:`~expert.cli.commands`: one function per sub-command, and the one that picks it.
- :mod:`~expert.cli.output`: text escaped for the terminal, results in the format asked for.
- this module: :func:`main`, which maps what went wrong to one line and an exit code.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Sequence

from .._support.safe_text import one_line
from .._support.streams import EnvironmentFailure, discard, guarded_streams
from .._support.terminal import size
from ..errors import BatchError, ExpertError, InferenceError
from .commands import run
from .output import TerminalConsole
from .parser import build_parser, parameter_flags

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    with guarded_streams():
        return _main(argv, debug="--debug" in argv)


def _main(argv: list[str], debug: bool) -> int:
    try:
        args = build_parser().parse_args(argv)
        code = run(args, TerminalConsole(highlight=False, **size()))
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
    elif isinstance(error, ExpertError):
        text = error.worded(parameter_flags())  # `workers` is --workers here
    else:
        text = str(error)
    print(f"expert: {one_line(text)}", file=sys.stderr)
