"""The shell (``expert repl``): a command interpreter testable without a terminal, and its
prompt loop.

What is where:

- :mod:`~expert.shell.interpreter`: :class:`Shell`, one session's facts and the commands
  that use them; :meth:`Shell.execute <expert.shell.Shell.execute>` runs one line and
  returns what it printed.
- :mod:`~expert.shell.commands`: the command table (:data:`COMMANDS`), aliases and ``help``.
- :mod:`~expert.shell.arguments`: a command's arguments: fact names, values, a file name.
- :mod:`~expert.shell.examples`: the loaded base's names for the examples of help, usage
  lines and the banner.
- :mod:`~expert.shell.tokenizer`: the words of a line, as the POSIX shell splits them.
- :mod:`~expert.shell.dialog`: the guided consultation of ``ask``, one question at a time.
- :mod:`~expert.shell.readers`: where lines and answers come from (:func:`scripted`, a
  stream read line by line).
- :mod:`~expert.shell.completion`: Tab completion at the prompt and at a question.
- :mod:`~expert.shell.history`: the history file and :func:`data_dir`.
- :mod:`~expert.shell.loop`: :func:`run` (the shell on a terminal or piped input) and
  :func:`guided` (``expert consult --ask``).

Arrows point one way: ``loop`` uses ``completion``, ``history`` and the ``interpreter``;
``completion`` uses the ``interpreter``, which uses ``commands``, ``arguments``,
``tokenizer``, ``dialog``, ``readers`` and ``examples``.
"""

from __future__ import annotations

from .arguments import parse_value, resolve_fact
from .commands import COMMANDS, Command
from .completion import ShellCompleter
from .history import data_dir
from .interpreter import Shell
from .loop import guided, run
from .readers import Reader, scripted

__all__ = [
    "COMMANDS",
    "Command",
    "Reader",
    "Shell",
    "ShellCompleter",
    "data_dir",
    "guided",
    "parse_value",
    "resolve_fact",
    "run",
    "scripted",
]
