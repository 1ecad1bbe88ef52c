"""Decision phrases: the sentences a secretary types again and again under "Beslutning".

The list offered for an item is the item's own Indstilling turned into the past tense
("… tager orienteringen til efterretning" → "… tog orienteringen til efterretning."),
then the user's templates, where ``{udvalg}`` stands for the committee's name.
"""

from __future__ import annotations

import re

from .model import INDSTILLING, AgendaItem

COMMITTEE_PLACEHOLDER = "{udvalg}"
MAX_PHRASES = 9
"""One per key, Ctrl+1 … Ctrl+9."""

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


def decision_phrases(item: AgendaItem | None, committee: str, templates: list[str]) -> list[str]:
    """At most nine distinct phrases for the item: its Indstilling first, then the templates."""
    phrases: list[str] = []
    section = item.section(INDSTILLING) if item is not None else None
    if section is not None and section.body.strip():
        derived = phrase_from_recommendation(section.body)
        if derived:
            phrases.append(derived)
    for template in templates:
        phrase = expand_template(template, committee)
        if phrase and phrase not in phrases:
            phrases.append(phrase)
    return phrases[:MAX_PHRASES]
