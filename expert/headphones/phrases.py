"""The bundled base's words: a person's phrases turned into facts, attributes and values.

``with a boom microphone`` is ``device.mic = boom``, ``plays online games`` is
``needs.uses`` including ``online-gaming``, ``the device's sound quality`` is
``device.sound_quality``. A phrase these tables do not know raises
:class:`~expert.errors.PhraseError` listing the words they do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..errors import PhraseError
from ..model.knowledge_base import KnowledgeBase
from .facts import bundled_inputs

__all__ = ["attribute", "attribute_phrases", "device_facts", "needs_facts", "value"]

PLATFORM = bundled_inputs()["needs.platform"].values
USES = bundled_inputs()["needs.uses"].values


def _choose(kind: str, word: str, table: dict[str, Any]) -> Any:
    """Look ``word`` up in ``table``, or fail listing the allowed words."""
    key = word.strip().lower()
    if key not in table:
        raise PhraseError(f"unknown {kind} {word!r}; allowed words: {', '.join(table)}")
    return table[key]


# -- the device ------------------------------------------------------------------------------

MICS = {
    "boom": "boom",
    "in-line": "inline",
    "inline": "inline",
    "built-in": "builtin",
    "builtin": "builtin",
    "external": "external",
    "clip-on": "external",
    "add-on": "external",
}
#: "the device is <word>"
DEVICE_IS = {
    "over-ear": ("fit", "over-ear"),
    "on-ear": ("fit", "on-ear"),
    "in-ear": ("fit", "in-ear"),
    "open-back": ("back", "open"),
    "closed-back": ("back", "closed"),
    "wired": ("connection", "wired"),
    "wireless": ("connection", "wireless"),
    "foldable": ("foldable", True),
    "sweat-resistant": ("sweat_resistant", True),
    "thickly padded": ("padded", True),
    "light": ("weight", "light"),
    "heavy": ("weight", "heavy"),
    "a budget model": ("tier", "budget"),
    "a mid-range model": ("tier", "mid-range"),
    "a premium model": ("tier", "premium"),
    "a professional model": ("tier", "professional"),
}
#: "the device has <thing>" or "has no <thing>" (flags)
DEVICE_HAS = {
    "active noise cancellation": "anc",
    "bluetooth": "bluetooth",
    "a detachable microphone": "detachable_mic",
    "a noise-reducing microphone": "mic_noise_reduction",
    "a built-in amplifier": "amplifier",
    "adjustable sound controls": "sound_controls",
    "real-time translation": "translation",
    "thick padding": "padded",
    "foldable ear cups": "foldable",
}
PLUGS = {"3.5mm": "3.5mm", "2.5mm": "2.5mm", "usb-a": "usb-a", "usb-c": "usb-c"}


def _device_has(no: str | None, thing: str) -> dict[str, Any]:
    bare = {re.sub(r"^an? ", "", key): name for key, name in DEVICE_HAS.items()}
    table = {**DEVICE_HAS, **bare}
    return {_choose("feature", thing, table): not no}


_THINGS = "|".join(re.escape(re.sub(r"^an? ", "", key)) for key in DEVICE_HAS)
DEVICE_PHRASES: list[tuple[str, Callable[..., dict[str, Any]]]] = [
    (rf"has (?:(?P<no>no) )?(?P<thing>(?:an? )?(?:{_THINGS}))", _device_has),
    (r"has no (?:microphone|mic)", lambda: {"mic": "none"}),
    (
        r"has an? (?P<word>\S+) (?:microphone|mic)",
        lambda word: {"mic": _choose("microphone", word, MICS)},
    ),
    (r"has an? (?P<word>\S+) plug", lambda word: {"plug": _choose("plug", word, PLUGS)}),
    (r"costs \$(?P<amount>\d+(?:\.\d+)?)", lambda amount: {"price": float(amount)}),
    (r"has (?:(?P<no>no) )?(?P<thing>.+)", _device_has),
    (r"is (?P<word>.+)", lambda word: dict([_choose("description", word, DEVICE_IS)])),
]
DEVICE_HELP = (
    "with a <mic> microphone (mic: boom, in-line, built-in, external, clip-on), "
    "with no microphone, is <"
    + "|".join(DEVICE_IS)
    + ">, has [no] <"
    + "|".join(DEVICE_HAS)
    + ">, has a <3.5mm|2.5mm|USB-A|USB-C> plug, costs $<n>"
)


def _normalize_device(phrase: str) -> str:
    phrase = phrase.strip()
    phrase = re.sub(r"^(?:that|which) ", "", phrase)
    phrase = re.sub(r"^without (?:an? )?", "has no ", phrase)
    phrase = re.sub(r"^with ", "has ", phrase)
    return phrase


def _match(
    phrase: str,
    table: list[tuple[str, Callable[..., dict[str, Any]]]],
    what: str,
    help_text: str,
) -> dict[str, Any]:
    for pattern, build in table:
        found = re.fullmatch(pattern, phrase, flags=re.IGNORECASE)
        if found:
            built: dict[str, Any] = build(**found.groupdict())
            return built
    raise PhraseError(f"cannot read {what} {phrase!r}; say one of: {help_text}")


def device_facts(phrase: str) -> dict[str, Any]:
    """``with a boom microphone`` -> ``{"mic": "boom"}``."""
    return _match(_normalize_device(phrase), DEVICE_PHRASES, "the device", DEVICE_HELP)


# -- the user --------------------------------------------------------------------------------

#: "the user <activity>"
ACTIVITIES = {
    "plays online games": "online-gaming",
    "plays games": "gaming",
    "listens to music": "music",
    "watches movies": "movies",
    "listens to podcasts": "podcasts",
    "listens to audiobooks": "audiobooks",
    "makes calls": "calls",
    "makes phone calls": "calls",
    "joins video conferences": "conferencing",
    "works in a call center": "call-center",
    "works in an office": "office",
    "does sports": "sports",
    "goes jogging": "sports",
    "travels": "travel",
    "commutes": "commuting",
    "works in a studio": "studio",
    "listens late at night": "late-night",
    "gives voice commands": "voice-commands",
    "records sound": "recording",
    "needs translation": "translation",
    "makes voip calls": "voip",
    "listens privately": "private-listening",
}
PRIORITIES = {
    "sound quality": "sound-quality",
    "microphone quality": "mic-quality",
    "noise isolation": "isolation",
    "comfort": "comfort",
    "portability": "portability",
    "battery life": "battery-life",
    "price": "price",
    "durability": "durability",
    "moving freely": "mobility",
    "hearing their surroundings": "awareness",
}
PLATFORMS = {name.lower(): name for name in PLATFORM} | {"computer": "pc"}
OWNED = {"headphones": "headphones", "a headset": "headset", "nothing yet": "none"}


def _words(text: str) -> list[str]:
    return [word for word in re.split(r",\s*|\s+and\s+", text.strip()) if word]


def _uses(text: str) -> dict[str, Any]:
    allowed = {use: use for use in USES}
    return {"uses": {_choose("use", word, allowed) for word in _words(text)}}


NEEDS_PHRASES: list[tuple[str, Callable[..., dict[str, Any]]]] = [
    (r"uses it for (?P<text>.+)", _uses),
    (
        r"cares (?:most )?about (?P<text>.+)",
        lambda text: {"priorities": {_choose("priority", w, PRIORITIES) for w in _words(text)}},
    ),
    (r"(?:has a budget of|can spend) \$(?P<n>\d+(?:\.\d+)?)", lambda n: {"budget": float(n)}),
    (r"listens in a (?P<word>noisy|quiet) place", lambda word: {"environment": word.lower()}),
    (
        r"(?:uses|has|connects it to) (?:an? )?(?P<word>\S+)",
        lambda word: {"platform": _choose("platform", word, PLATFORMS)},
    ),
    (r"already owns (?P<word>.+)", lambda word: {"owns": _choose("owned", word, OWNED)}),
    (r"owns (?P<word>nothing yet)", lambda word: {"owns": "none"}),
    (r"listens at (?P<word>low|moderate|high) volume", lambda word: {"volume": word.lower()}),
    (r"wears it for (?P<word>short|long) sessions", lambda word: {"session": word.lower()}),
    (r"keeps it for the (?P<word>short|long) term", lambda word: {"term": f"{word.lower()}-term"}),
    (
        r"talks with others (?P<word>frequently|occasionally)",
        lambda word: {"talk_frequency": "frequent" if word == "frequently" else "occasional"},
    ),
    (r"has not said what (?:it|the device) is for", lambda: {}),
]
NEEDS_HELP = (
    "<" + "|".join(ACTIVITIES) + ">, uses it for <use>[, <use>] (" + ", ".join(USES) + "), "
    "cares most about <" + "|".join(PRIORITIES) + ">, has a budget of $<n>, "
    "listens in a <noisy|quiet> place, uses a <phone|iPhone|PC|console>, "
    "already owns <headphones|a headset|nothing yet>, listens at <low|moderate|high> volume, "
    "wears it for <short|long> sessions, keeps it for the <short|long> term, "
    "talks with others <frequently|occasionally>, has not said what it is for"
)


def needs_facts(phrase: str) -> dict[str, Any]:
    """``plays online games`` -> ``{"uses": {"online-gaming"}}``."""
    phrase = phrase.strip()
    if phrase.lower() in ACTIVITIES:
        return {"uses": {ACTIVITIES[phrase.lower()]}}
    return _match(phrase, NEEDS_PHRASES, "the user", NEEDS_HELP)


# -- concluded attributes and their values ---------------------------------------------------

ALIASES = {
    "the device": "device.kind",
    "the device's microphone quality": "device.mic_quality",
    "the device's microphone noise rejection": "device.mic_noise_rejection",
    "the device's input and output": "device.io",
    "the device's design focus": "device.focus",
    "what the device is suited for": "device.suited_for",
    "the recommendation": "recommendation.kind",
    "the advice": "recommendation.advice",
}


def attribute_phrases(knowledge: KnowledgeBase) -> dict[str, str]:
    """Every way to name a concluded attribute: ``the device's sound quality`` and aliases."""
    phrases = {}
    for name in knowledge.concluded_attributes():
        group, short = name.split(".", 1)
        words = short.replace("_", " ")
        # Other groups (assessment.*, the notes' classes) are named in full by the generic steps.
        if group == "device":
            phrases["the device's " + words] = name
        elif group == "recommendation":
            phrases["the recommended " + words] = name
    return phrases | {alias: name for alias, name in ALIASES.items() if name in phrases.values()}


def attribute(phrase: str, knowledge: KnowledgeBase) -> str:
    """``the device's sound quality`` -> ``device.sound_quality``."""
    phrases = attribute_phrases(knowledge)
    key = phrase.strip()
    if key not in phrases:
        raise PhraseError(f"unknown attribute {phrase!r}; say one of: {', '.join(phrases)}")
    return phrases[key]


def value(name: str, word: str, knowledge: KnowledgeBase) -> str:
    """A value of the concluded attribute ``name``, checked against the vocabulary."""
    word = re.sub(r"^(?:an?|the) ", "", word.strip())
    allowed = knowledge.attributes[name].values
    if word not in allowed:
        raise PhraseError(f"{word!r} is not a value of {name}; allowed: {', '.join(allowed)}")
    return word
