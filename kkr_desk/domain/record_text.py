"""The fixed Danish sentences of an item's record and of the Deltagerfortegnelse.

The one place the wording lives (documented in docs/referat.md). The writer prints these
forms and the importer reads them back with the patterns below, so a referat written by
KKR Desk imports into the same data. The wording follows Danish municipal minutes:
"… erklærede sig inhabil og deltog ikke i behandlingen af punktet", "For stemte: …",
"… ønskede følgende ført til protokol: …", "forlod mødet kl. 11.40 efter punkt 3.4".
"""

from __future__ import annotations

import re

from .clock import clock
from .model import (
    AgendaItem,
    Person,
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteChoice,
)
from .record import Absence, AbsenceReason, ItemPresence

INHABIL = "{who} erklærede sig inhabil og deltog ikke i behandlingen af punktet."
NOT_PRESENT = "{who} deltog ikke i behandlingen af punktet."
REMARK = "{who} ønskede følgende ført til protokol: {text}"
SUBSTITUTE = "stedfortræder for {name}"
VOTE_HEADS = {
    VoteChoice.FOR: "For stemte",
    VoteChoice.AGAINST: "Imod stemte",
    VoteChoice.ABSTAIN: "Undlod at stemme",
}
EVENT_WORDS = {
    PresenceKind.ARRIVED: "ankom",
    PresenceKind.LEFT: "forlod mødet",
    PresenceKind.RETURNED: "kom tilbage",
}


def who(person: Person) -> str:
    """A member named in a sentence: "Dorte West (V)"."""
    return f"{person.name} ({person.party})" if person.party else person.name


def short_number(number: str) -> str:
    """"3.4." as a sentence says it: "3.4"."""
    return number.rstrip(".")


def inhabil_sentence(person: Person) -> str:
    return INHABIL.format(who=who(person))


def not_present_sentence(person: Person) -> str:
    return NOT_PRESENT.format(who=who(person))


def remark_sentence(remark: ProtocolRemark) -> str:
    speaker = who(remark.person) if remark.person is not None else remark.party
    return REMARK.format(who=speaker, text=remark.text.strip())


def vote_sentence(vote: Vote) -> str:
    """"For stemte: A, C, V (14). Imod stemte: Ø (2). Undlod at stemme: F (1)."."""
    parts = []
    for choice, head in VOTE_HEADS.items():
        lines = [line for line in vote.lines if line.choice is choice]
        if not lines:
            continue
        names = ", ".join(who(l.person) if l.person is not None else l.party for l in lines)
        parts.append(f"{head}: {names} ({vote.total(choice)}).")
    return " ".join(parts)


def substitute_text(person: Person) -> str:
    return SUBSTITUTE.format(name=person.name)


def event_text(event: PresenceEvent, numbers: dict[int, str], previous: dict[int, str]) -> str:
    """"forlod mødet kl. 11.40 efter punkt 3.4", "ankom kl. 10.25 under punkt 3.2".

    ``numbers`` maps ``id(item)`` to its short number; ``previous`` to the number of the item
    before it (a departure is said after the last item the person took part in).
    """
    text = EVENT_WORDS[event.kind]
    if event.at is not None:
        text += f" kl. {clock(event.at)}"
    if event.item is None or id(event.item) not in numbers:
        return text
    if event.comes:
        return f"{text} under punkt {numbers[id(event.item)]}"
    if id(event.item) in previous:
        return f"{text} efter punkt {previous[id(event.item)]}"
    return f"{text} før punkt {numbers[id(event.item)]}"


def item_numbers(items: list[tuple[str, AgendaItem]]) -> tuple[dict[int, str], dict[int, str]]:
    """The ``numbers`` and ``previous`` maps ``event_text`` takes, from numbered items."""
    numbers = {id(item): short_number(number) for number, item in items}
    previous = {}
    for (before, _), (_, item) in zip(items, items[1:]):
        previous[id(item)] = short_number(before)
    return numbers, previous


# Reading the sentences back -----------------------------------------------------------

_WHO = r"(?P<name>[^()]+?)(?:\s*\((?P<party>[^()]{1,5})\))?"
INHABIL_FORM = re.compile(
    rf"^{_WHO}\s+(?:erklærede sig inhabil og )?(?:deltog|medvirkede) ikke (?:i|ved|under) "
    r"behandlingen af (?:punktet|pkt\.?\s*(?P<number>[\d.]+?)|punkt\s*(?P<number2>[\d.]+?))"
    r"\.?(?:,? idet (?:han|hun|vedkommende) (?:var|erklærede sig) inhabil\.?)?$",
)
REMARK_FORM = re.compile(
    rf"^{_WHO}\s+ønskede (?:følgende )?ført til protokol(?:len)?:\s*(?P<text>.+)$", re.DOTALL
)
VOTE_PART = re.compile(
    r"(?P<head>For stemte|Imod stemte|Undlod at stemme|Imod|For|Undlod):\s*"
    r"(?P<names>.+?)\s*\((?P<count>\d+)\)\.?(?=\s*(?:For|Imod|Undlod)\b|\s*$)"
)
EVENT_FORM = re.compile(
    r"^(?P<word>ankom|forlod mødet|kom tilbage)(?: kl\.?\s*(?P<time>\d{1,2}[.:]\d{2}))?"
    r"(?: (?P<where>under|efter|før) (?:punkt|pkt\.?)\s*(?P<number>\d+(?:\.\d+)*)\.?)?$",
    re.IGNORECASE,
)
SUBSTITUTE_FORM = re.compile(r"^(?:stedfortræder|suppleant|deltog i stedet) for (?P<name>.+)$",
                             re.IGNORECASE)


def is_inhabil_wording(text: str) -> bool:
    return "inhabil" in text


def person_with_substitute(line: str, substitute_for: Person | None) -> str:
    """The Deltagerfortegnelse's start of a line: "Hanne Berg (A), Randers, stedfortræder for …"."""
    return line if substitute_for is None else f"{line}, {substitute_text(substitute_for)}"


__all__ = [
    "EVENT_FORM",
    "INHABIL_FORM",
    "REMARK_FORM",
    "SUBSTITUTE_FORM",
    "VOTE_PART",
    "absence_note",
    "event_text",
    "inhabil_sentence",
    "item_absences",
    "item_numbers",
    "item_sentences",
    "not_present_sentence",
    "remark_sentence",
    "substitute_text",
    "vote_sentence",
    "who",
]


def item_sentences(presence: ItemPresence, item: AgendaItem) -> list[str]:
    """What the referat prints under the item, before the decision text, in this order:
    members who had not come or had gone, those inhabil, the vote, the remarks."""
    sentences = [
        not_present_sentence(absence.entry.person)
        for absence in presence.absent
        if absence.reason in (AbsenceReason.LEFT, AbsenceReason.NOT_ARRIVED)
    ]
    sentences += [inhabil_sentence(person) for person in item.inhabil]
    if item.vote is not None and item.vote.lines:
        sentences.append(vote_sentence(item.vote))
    sentences += [remark_sentence(remark) for remark in item.remarks]
    return sentences


def item_absences(presence: ItemPresence) -> list[str]:
    """The absences that belong to the item (afbud is for the whole meeting)."""
    return [absence_note(a) for a in presence.absent if a.reason is not AbsenceReason.APOLOGY]


def absence_note(absence: Absence) -> str:
    """An absence as the record check says it: "Ole Vind (gik 11.40)", "Dorte West (inhabil)"."""
    reason = absence.reason.value
    if absence.at is not None and absence.reason is AbsenceReason.LEFT:
        reason = f"gik {clock(absence.at)}"
    elif absence.at is not None and absence.reason is AbsenceReason.NOT_ARRIVED:
        reason = f"ankom {clock(absence.at)}"
    return f"{absence.entry.person.name} ({reason})"


TYPED_PERSON = re.compile(
    r"^\s*(?P<name>[^(),]+?)\s*(?:\((?P<party>[^()]{1,5})\))?\s*(?:,\s*(?P<municipality>[^,]+?))?\s*$"
)


def typed_person(text: str) -> Person | None:
    """A member typed the way the list prints them: "Hanne Berg (A), Randers"; None if not."""
    match = TYPED_PERSON.match(text)
    if not match or not match.group("name").strip():
        return None
    return Person(
        " ".join(match.group("name").split()),
        party=(match.group("party") or "").strip(),
        municipality=(match.group("municipality") or "").strip(),
    )
