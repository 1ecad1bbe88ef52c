"""Decision phrases: the sentences a secretary types again and again under "Beslutning".

Each of the user's templates (``{udvalg}`` stands for the committee's name) keeps its key on
every item: template n is Ctrl+n, whatever the item says, so muscle memory never inserts the
wrong decision. The item's own Indstilling turned into the past tense ("… tager
orienteringen til efterretning" → "… tog orienteringen til efterretning.") has a key of its
own, Ctrl+0, and never shifts the others.
"""

from __future__ import annotations

import re

from .model import INDSTILLING, AgendaItem

COMMITTEE_PLACEHOLDER = "{udvalg}"
MAX_PHRASES = 9
"""One per key, Ctrl+1 … Ctrl+9."""
OWN_PHRASE_KEY = 0
"""Ctrl+0: the item's own Indstilling in the past tense."""

DEFAULT_TEMPLATES = (
    "Godkendt.",
    "Taget til efterretning.",
    "{udvalg} tog orienteringen til efterretning.",
    "{udvalg} godkendte indstillingen.",
    "{udvalg} drøftede sagen.",
    "Indstillingen blev tiltrådt.",
    "Det var intet at bemærke.",
)

PAST_TENSE = {
    "tager": "tog",
    "godkender": "godkendte",
    "tiltræder": "tiltrådte",
    "drøfter": "drøftede",
    "udpeger": "udpegede",
    "beslutter": "besluttede",
    "anbefaler": "anbefalede",
    "bemyndiger": "bemyndigede",
    "indstiller": "indstillede",
    "giver": "gav",
    "vedtager": "vedtog",
    "orienteres": "blev orienteret",
    "drøftes": "blev drøftet",
    "tilkendegiver": "tilkendegav",
    "udtaler": "udtalte",
    "bakker": "bakkede",
}

_AT_CLAUSE = re.compile(r"\b[Aa]t\s+(?P<clause>.+?)(?:\.\s+(?=[A-ZÆØÅ])|\.?\s*$)", re.MULTILINE)
"""An "at …" clause runs to the end of its line or sentence; "18. juni" does not end it."""
_MARKUP = re.compile(r"[*_`\[\]]|\(https?://[^)]*\)")


def expand_template(template: str, committee: str) -> str:
    return template.replace(COMMITTEE_PLACEHOLDER, committee).strip()


def phrase_from_recommendation(recommendation: str) -> str | None:
    """The Indstilling's first "at …" clause in the past tense, or None if it has no verb we know.

    "Det indstilles, at KKR Midtjylland godkender referatet." → "KKR Midtjylland godkendte
    referatet."
    """
    text = _MARKUP.sub("", recommendation)
    match = _AT_CLAUSE.search(text)
    if match is None:
        return None
    words = match.group("clause").strip().rstrip(",;:").split()
    changed = False
    for position, word in enumerate(words):
        past = PAST_TENSE.get(word.lower())
        if past is not None:
            words[position] = past
            changed = True
    if not changed:
        return None
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:] + "."


def standard_phrases(committee: str, templates: list[str]) -> list[str]:
    """The first nine templates, expanded; position n-1 is Ctrl+n on every item.

    A template that expands to nothing keeps its place (as an empty phrase), so the keys
    after it do not move.
    """
    return [expand_template(template, committee) for template in templates[:MAX_PHRASES]]


def own_phrase(item: AgendaItem | None) -> str | None:
    """The item's Indstilling in the past tense (Ctrl+0), or None when it has none we can read."""
    section = item.section(INDSTILLING) if item is not None else None
    if section is None or not section.body.strip():
        return None
    return phrase_from_recommendation(section.body)


def decision_phrases(
    item: AgendaItem | None, committee: str, templates: list[str]
) -> dict[int, str]:
    """Key number → phrase for the item: 1 … 9 the templates, 0 the item's own phrase."""
    keyed = {
        number: phrase
        for number, phrase in enumerate(standard_phrases(committee, templates), start=1)
        if phrase
    }
    own = own_phrase(item)
    if own:
        keyed[OWN_PHRASE_KEY] = own
    return keyed
