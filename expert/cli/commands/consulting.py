"""``expert consult`` and ``expert ask``: a consultation's report, or one explanation of it."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

from ...api.expert import Expert
from ...reasoning.what_if import what_if
from ..facts import attribute_value, pairs, stated_facts
from ..output import output_format, show, show_result

__all__ = ["ask", "consult"]


def consult(args: argparse.Namespace, out: Console) -> int:
    """Consult on the stated facts; print the report, or the one explanation asked for."""
    expert = Expert(args.rules, engine=args.engine)
    stated = stated_facts(expert, args)
    if args.ask:
        from ...shell import guided  # prompt_toolkit is loaded only for a dialog

        return guided(expert, stated)
    result = expert.consult(stated)
    explanation: Any = None
    if args.how:
        explanation = result.how(args.how)
    elif args.why_not:
        explanation = result.why_not(*attribute_value(args.why_not, "--why-not"))
    elif args.how_to:
        explanation = result.how_to(*attribute_value(args.how_to, "--how-to"), args.max_changes)
    elif args.what_if:
        explanation = what_if(result, pairs(args.what_if, "--what-if"), result.consult_again)
    if explanation is None:
        return show_result(result, args, out)
    show(explanation, output_format(args), out)
    return 0


def ask(args: argparse.Namespace, out: Console) -> int:
    """Answer a question typed in words."""
    result = Expert(args.rules, engine=args.engine).ask(" ".join(args.question))
    return show_result(result, args, out)
