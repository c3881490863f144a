"""Then steps on verdicts: what the expert concluded, how sure it is, and the articles' words."""

from __future__ import annotations

import re

from phrases import PhraseError, attribute, normalize_quote, value
from pytest_bdd import parsers, then
from steps import consult

#: How sure: `` with certainty 1.0``, `` with certainty at least 0.8``, or nothing.
SURE = r"(?P<how_sure>(?: with certainty .+)?)"
#: A concluded attribute in a person's words (``the device's sound quality``).
ATTR = r"(?P<attr>the device's [\w ]+?|the recommended [\w ]+?|the advice)"
COMPARE = {
    "": lambda cf, bound: abs(cf - bound) < 0.005,
    "at least": lambda cf, bound: cf >= bound - 1e-9,
    "at most": lambda cf, bound: cf <= bound + 1e-9,
    "above": lambda cf, bound: cf > bound,
    "below": lambda cf, bound: cf < bound,
}


def meets(how_sure: str, certainty: float, what: str) -> None:
    """Assert ``certainty`` is as sure as the words say (nothing said: any)."""
    if not how_sure:
        return
    found = re.fullmatch(
        r" with certainty (?:(at least|at most|above|below) )?(-?[\d.]+)", how_sure
    )
    if not found:
        raise PhraseError(
            f"cannot read {how_sure.strip()!r}; say: with certainty [{'|'.join(COMPARE)[1:]}] <n>"
        )
    compare, bound = found.group(1) or "", float(found.group(2))
    assert COMPARE[compare](certainty, bound), (
        f"{what} has certainty {certainty:.3f}, expected {compare or 'exactly'} {bound}"
    )


def words(text: str) -> list[str]:
    """``a, b and c`` -> ``[a, b, c]``."""
    return [word for word in re.split(r",\s*|\s+and\s+", text.strip()) if word]


def reasons(result, name: str) -> str:
    """What was concluded on ``name`` and by which rules, for failure messages."""
    sides = [
        f"{value} ({cf:.2f}: {', '.join(f.rule for f in result.support(name, value))})"
        for (attr, value), cf in result.certainties.items()
        if attr == name
    ]
    return "; ".join(sides) or "nothing"


def holds(consultation, expert, request, name: str, word: str, how_sure: str) -> None:
    """Assert the verdict on one-valued ``name`` is ``word``, as sure as said."""
    result = consult(consultation, expert, request)
    wanted = value(name, word, expert.knowledge)
    if expert.knowledge.attributes[name].multi:
        raise PhraseError(f"{name} holds several values: say 'include', not 'is'")
    verdict = result.verdict(name)
    assert verdict.value == wanted, (
        f"{name} is {verdict.value} ({verdict.certainty:.2f}), not {wanted}; "
        f"concluded: {reasons(result, name)}"
    )
    meets(how_sure, verdict.certainty, f"{name} = {wanted}")
    consultation.focus = (name, (wanted,))


def includes(consultation, expert, request, name: str, text: str, how_sure: str) -> None:
    """Assert the multi-valued ``name`` holds every value in ``text``, as sure as said."""
    result = consult(consultation, expert, request)
    wanted = tuple(value(name, word, expert.knowledge) for word in words(text))
    held = result.verdict(name).value if name in result else ()
    for each in wanted:
        assert each in held, f"{name} holds {', '.join(held) or 'nothing'}, not {each}"
        meets(how_sure, result.certainty(name, each), f"{name} includes {each}")
    consultation.focus = (name, wanted)


@then(parsers.re(r"the device is (?:an? )?(?P<word>headset|headphones)" + SURE))
def _(consultation, expert, request, word, how_sure):
    holds(consultation, expert, request, "device.kind", word, how_sure)


@then(parsers.re(r"the expert recommends (?:an? )?(?P<word>headset|headphones)" + SURE))
def _(consultation, expert, request, word, how_sure):
    holds(consultation, expert, request, "recommendation.kind", word, how_sure)


@then(parsers.re(ATTR + r" is (?!not )(?P<word>[\w.-]+)" + SURE))
def _(consultation, expert, request, attr, word, how_sure):
    holds(consultation, expert, request, attribute(attr, expert.knowledge), word, how_sure)


@then(parsers.re(ATTR + r"(?<! not) (?:includes?|are) (?P<text>.+?)" + SURE))
def _(consultation, expert, request, attr, text, how_sure):
    name = attribute(attr, expert.knowledge)
    includes(consultation, expert, request, name, text, how_sure)


@then(parsers.re(r"(?P<name>(?:device|recommendation)\.\w+) is \"(?P<text>[^\"]+)\"" + SURE))
def _(consultation, expert, request, name, text, how_sure):
    if name not in expert.knowledge.concluded_attributes():
        raise PhraseError(
            f"unknown attribute {name!r}; allowed: {expert.knowledge.concluded_attributes()}"
        )
    check = includes if expert.knowledge.attributes[name].multi else holds
    check(consultation, expert, request, name, text, how_sure)


@then(parsers.re(r"the device is suited for (?P<text>.+?)" + SURE))
def _(consultation, expert, request, text, how_sure):
    includes(consultation, expert, request, "device.suited_for", text, how_sure)


@then(parsers.re(r"(?P<attr>.+?) (?:is not|do not include|does not include) (?P<word>[\w.-]+)"))
@then(parsers.re(r"(?P<attr>the device) is not (?:an? )?(?P<word>headset|headphones)"))
@then(parsers.re(r"(?P<attr>the device) is not suited for (?P<word>[\w.-]+)"))
def _(consultation, expert, request, attr, word):
    if attr == "the device" and word not in ("headset", "headphones"):
        attr = "what the device is suited for"
    name = attribute(attr, expert.knowledge)
    result = consult(consultation, expert, request)
    wanted = value(name, word, expert.knowledge)
    if name in result:
        held = result.verdict(name).value
        held = held if isinstance(held, tuple) else (held,)
        assert wanted not in held, f"{name} is {wanted}; concluded: {reasons(result, name)}"


@then(parsers.re(r"the expert does not recommend (?:an? )?(?P<word>headset|headphones)"))
def _(consultation, expert, request, word):
    result = consult(consultation, expert, request)
    if "recommendation.kind" in result:
        verdict = result.verdict("recommendation.kind")
        assert verdict.value != word, f"it recommends {word}: {reasons(result, verdict.attribute)}"


@then(parsers.re(r"nothing is concluded about (?P<attr>.+)"))
def _(consultation, expert, request, attr):
    name = attribute(attr, expert.knowledge)
    result = consult(consultation, expert, request)
    assert name not in result, f"{name} was concluded: {reasons(result, name)}"


def source_tagged(request, firings) -> None:
    """Assert the scenario is tagged with the article of at least one of ``firings``."""
    tags = {mark.name for mark in request.node.iter_markers() if mark.name.startswith("source-")}
    sources = sorted({firing.source for firing in firings})
    assert any(f"source-{source}" in tags for source in sources), (
        f"the quote is from {', '.join(sources)}, but the scenario is tagged "
        f"{', '.join(sorted(tags)) or 'with no source'}: add @source-{sources[0]}"
    )


def quoted(consultation, request, quote: str, against: bool) -> None:
    """Assert a rule quoting ``quote`` concluded the verdict spoken of (or spoke against it)."""
    assert consultation.focus, "say what was concluded before what the explanation quotes"
    name, values = consultation.focus
    wanted = normalize_quote(quote)
    firings = [f for f in consultation.result.firings if wanted in normalize_quote(f.quote)]
    assert firings, f"no rule that fired quotes {quote!r}"
    support = [f for f in firings if all((name, each) in f.conclusions for each in values)]
    assert support, (
        f"the rules quoting it ({', '.join(f.rule for f in firings)}) concluded "
        f"{[f.conclusions for f in firings]}, not {name} = {', '.join(values)}"
    )
    counted = [f for f in support if (f.certainty < 0 if against else f.certainty > 0)]
    assert counted, (
        f"{', '.join(f.rule for f in support)} counts {[f.certainty for f in support]}: "
        f"{'not against' if against else 'not for'} {name} = {', '.join(values)}"
    )
    source_tagged(request, counted)


@then(parsers.re(r"the explanation quotes \"(?P<quote>.+)\""))
def _(consultation, request, quote):
    quoted(consultation, request, quote, against=False)


@then(parsers.re(r"the explanation quotes against it \"(?P<quote>.+)\""))
def _(consultation, request, quote):
    quoted(consultation, request, quote, against=True)
