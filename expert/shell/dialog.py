"""The dialog of a guided consultation: put a guide's questions one at a time and read the
answers (a value, or ``why``, ``skip``, ``stop``).

The shell's ``ask`` and ``expert consult --ask`` hold this dialog; the
:class:`~expert.reasoning.guide.Guide` decides what to ask, this module only asks it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ExpertError
from ..model.knowledge_base import KnowledgeBase
from ..reasoning.guide import Guide
from ..reasoning.questions import Question
from .readers import Reader

__all__ = ["MAX_QUESTIONS", "Dialog"]

#: Questions one ``ask`` poses before it offers to go on.
MAX_QUESTIONS = 10


class Dialog:
    """Puts a guide's questions to a person and gives the guide the answers.

    Args:
        guide: the guided consultation; its facts and skipped questions grow as the
            person answers.
        read: reads each answer (see :data:`~expert.shell.Reader`).
        say: prints one line (text from the base, escaped by the printer).
        fail: prints one error line (an answer the guide refused).
        echo: repeat each answer after its prompt (for transcripts of piped input).
    """

    def __init__(
        self,
        guide: Guide,
        *,
        read: Reader,
        say: Callable[[str], None],
        fail: Callable[[str], None],
        echo: bool = False,
    ) -> None:
        self.guide = guide
        #: Questions put so far, the one stopped at included.
        self.put = 0
        self.read = read
        self.say = say
        self.fail = fail
        self.echo = echo

    def converse(self, limit: int) -> None:
        """Put the guide's questions until none is left, ``limit`` are put, or stop."""
        guide = self.guide
        while True:
            question = guide.next_question()
            if question is None:
                goal = guide.goal
                aim = f" on {_label(guide.expert.knowledge, goal.attribute)}" if goal else ""
                self.say(f"Nothing you could still tell me changes the answer{aim}.")
                return
            if len(guide.asked) >= limit:
                count = len(guide.questions())
                self.say(f"{count} more questions could change the answer; type ask to go on.")
                return
            if not self._pose(question, len(guide.asked) + 1):
                self.say("Stopped asking.")
                return

    def _pose(self, question: Question, number: int) -> bool:
        """Put one question until it is answered or skipped (``True``) or stopped."""
        self.put += 1
        self.say(f"Question {number}: {question.text} ({_choices(question)}) — or why, skip, stop")
        prompt = f"{question.attribute.title}? "
        while True:
            try:
                answer = self.read(prompt, question.words())
            except (EOFError, KeyboardInterrupt):
                return False
            if self.echo:
                self.say(prompt + answer)
            word = answer.strip().lower()
            if word in ("stop", "quit", "exit"):
                return False
            if word == "skip":
                self.guide.skip()
                return True
            if word == "why":
                for line in self.guide.why():
                    self.say(f"  {line}")
            elif not word or word in ("help", "?"):
                self.say(f"  answer {_choices(question)}; or why, skip, stop")
            else:
                try:
                    self.guide.answer(answer.strip())
                except ExpertError as error:
                    self.fail(str(error))
                    continue
                return True


def _label(knowledge: KnowledgeBase, name: str) -> str:
    """An attribute in the base's words."""
    spec = knowledge.attributes.get(name)
    return spec.title if spec is not None else name


def _choices(question: Question) -> str:
    """The answers a question takes, in the base's words: ``music, movies, ...``."""
    spec = question.attribute
    if spec.kind == "amount":
        return "a number"
    words = ", ".join(words for _, words in question.choices)
    return f"one or more of {words}, comma-separated" if spec.multi else words
