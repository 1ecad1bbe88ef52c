"""Deterministic big meetings for the benchmarks: the same N items on every run and machine.

``big_meeting(n)`` builds a domain Meeting whose items carry long case presentations in the
editor's Markdown (sub-headings, bullets, numbered points, pipe tables, links, attachment
lines), about 30 paragraphs per item. ``seed_form_text(meeting)`` writes the same meeting the
way a PDF-to-text extraction of a KL referat looks, so the importer can be timed on it
without reading the real seed at run time.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from kkr_desk.domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    Person,
    Section,
)
from kkr_desk.domain.agenda import numbered_groups
from kkr_desk.domain.model import BAGGRUND, BESLUTNING, INDSTILLING, SAGSFREMSTILLING

ITEMS_PER_GROUP = 10
GROUP_TITLES = (
    "Godkendelse af referat",
    "Siden sidst",
    "Regionalpolitiske sager",
    "Udpegninger",
    "Klima og natur",
    "Beskæftigelse og uddannelse",
    "Sundhed og ældre",
    "Børn og unge",
    "Infrastruktur og mobilitet",
    "Eventuelt",
)
WORDS = (
    "kommunerne regionen aftale analyse behovet velfærdsuddannelser lærepladser fordeling "
    "dimensionering indsatser samarbejde forhandlinger rekruttering fastholdelse status "
    "udvikling beskæftigelse sundhedsområdet klimaindsatsen omlægning planlægning "
    "implementering økonomi budget borgerne erhvervshus styregruppe formandskab strategi "
    "handlingsplan opfølgning anbefalinger ekspertgruppe udpegning repræsentanter "
    "vandopland naturstyrelsen landbruget skovrejsning lavbundsjorde kapacitet praksis "
    "sygehus almen psykiatri rammeaftale specialundervisning infrastruktur kollektiv trafik "
    "letbane vejnet bredbånd digitalisering data evaluering resultatkontrakt "
    "udviklingsbidrag prisniveau lønniveau fremskrevet tiltrædes drøftes orienteres godkendes "
    "samtidig desuden derudover herunder blandt andet forventeligt løbende tæt fælles "
    "nationalt lokalt regionalt midtjyske seneste kommende årlige væsentligt"
).split()
FIRST_NAMES = (
    "Anne Bo Carsten Dorte Erik Frederik Gitte Hans Inge Jens Karen Lars Mette Niels Ole "
    "Pia Rasmus Susanne Thomas Ulla Vibeke"
).split()
LAST_NAMES = (
    "Andersen Bech Christensen Damgaard Eriksen Frandsen Gade Hansen Iversen Jensen "
    "Kristensen Lauritsen Madsen Nielsen Olesen Pedersen Rasmussen Sørensen Thomsen Vestergaard"
).split()
PARTIES = ("A", "V", "C", "F", "O", "B", "D", "Ø", "K")
MUNICIPALITIES = (
    "Aarhus Randers Odder Favrskov Skive Viborg Herning Holstebro Horsens Hedensted "
    "Silkeborg Skanderborg Syddjurs Norddjurs Lemvig Struer Samsø Ikast-Brande Ringkøbing-Skjern"
).split()


def big_meeting(item_count: int, *, seed: int = 7) -> Meeting:
    """A referat with ``item_count`` long items in groups of ten, the same for the same seed."""
    rng = random.Random(seed * 100_003 + item_count)
    groups: list[AgendaGroup] = []
    for index in range(item_count):
        if index % ITEMS_PER_GROUP == 0:
            group_number = index // ITEMS_PER_GROUP
            title = GROUP_TITLES[group_number % len(GROUP_TITLES)]
            if group_number >= len(GROUP_TITLES):
                title = f"{title} ({group_number // len(GROUP_TITLES) + 1})"
            groups.append(AgendaGroup(title))
        groups[-1].items.append(_item(rng, index))
    return Meeting(
        committee="KKR Midtjylland",
        date=dt.date(2031, 3, 6),
        start_time=dt.time(10, 0),
        end_time=dt.time(15, 30),
        place="Regionshuset Viborg, Skottenborg 26, 8800 Viborg",
        mission="KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati.",
        vision="KL opnår indflydelse og resultater på kommunernes vegne.",
        attendance=_attendance(rng),
        groups=groups,
    )


def _attendance(rng: random.Random) -> list[Attendance]:
    entries: list[Attendance] = []
    for index in range(38):
        person = Person(
            f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[(index * 7) % len(LAST_NAMES)]}",
            party=PARTIES[index % len(PARTIES)],
            municipality=MUNICIPALITIES[index % len(MUNICIPALITIES)],
        )
        status = AttendanceStatus.APOLOGY if index % 3 == 2 else AttendanceStatus.PRESENT
        entries.append(Attendance(person, status))
    entries.append(
        Attendance(
            Person("Christian Brincker Nordbek", title="chefkonsulent", organisation="KL"),
            AttendanceStatus.PRESENT,
        )
    )
    entries.append(
        Attendance(
            Person("Jonna Holm Pedersen", title="specialkonsulent", organisation="KL"),
            AttendanceStatus.PRESENT,
        )
    )
    entries.append(
        Attendance(
            Person(
                "Jesper Kaas Schmidt",
                title="kommunaldirektør",
                municipality="Randers",
                organisation="KD-Net",
            ),
            AttendanceStatus.PRESENT,
        )
    )
    return entries


def _item(rng: random.Random, index: int) -> AgendaItem:
    number = index + 1
    title = _sentence(rng, 4, 9).rstrip(".")
    return AgendaItem(
        title=title,
        case_number=f"SAG-2031-{number:05d}",
        case_officers="chbn/jhp" if index % 2 else "jhp",
        status=ItemStatus.DECIDED,
        sections=[
            Section(BAGGRUND, _baggrund(rng, number)),
            Section(INDSTILLING, f"Det indstilles, at KKR Midtjylland {_proposal(rng)}"),
            Section(SAGSFREMSTILLING, _sagsfremstilling(rng, number)),
            Section(BESLUTNING, _paragraphs(rng, 2)),
        ],
    )


def _proposal(rng: random.Random) -> str:
    return _sentence(rng, 8, 16).lower()


def _baggrund(rng: random.Random, number: int) -> str:
    url = f"https://www.kl.dk/media/kkr-midtjylland/punkt-{number}.pdf"
    link = f"[analysen for punkt {number}]({url})"
    return _paragraphs(rng, 3) + f"\n\nMateriale kan ses via dette link: {link}."


def _sagsfremstilling(rng: random.Random, number: int) -> str:
    blocks = [
        f"### {_sentence(rng, 3, 6).rstrip('.')}",
        _paragraphs(rng, 4),
        "\n".join(f"- {_sentence(rng, 5, 12)}" for _ in range(4)),
        "\n".join(f"{point}) {_sentence(rng, 4, 10)}" for point in range(1, 4)),
        _table(rng),
        f"### {_sentence(rng, 3, 6).rstrip('.')}",
        _paragraphs(rng, 3),
        f"./. Notat om punkt {number} er vedlagt som bilag.",
    ]
    return "\n\n".join(blocks)


def _table(rng: random.Random) -> str:
    header = "| KKR | Dimensionering 2030 | Dimensionering 2031 | Ændring |"
    rows = [header, "|---|---:|---:|---:|"]
    for region in ("Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland"):
        before = rng.randrange(300, 1800)
        after = before + rng.randrange(-40, 41)
        rows.append(f"| KKR {region} | {before} | {after} | {after - before:+d} |")
    return "\n".join(rows)


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(
        " ".join(_sentence(rng, 10, 22) for _ in range(rng.randrange(2, 5))) for _ in range(count)
    )


def _sentence(rng: random.Random, shortest: int, longest: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randrange(shortest, longest + 1))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


# Block view: what "paragraphs" means for the export figures -------------------------------


@dataclass(frozen=True)
class Block:
    """One paragraph-level thing of the referat: a heading, a paragraph or a whole table."""

    kind: str  # "heading", "paragraph", "bullet", "numbered", "table"
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    source: str = ""  # the Markdown it came from, links included


LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
NUMBERED = re.compile(r"^\d+\)\s+")


def meeting_blocks(meeting: Meeting) -> list[Block]:
    """The meeting's agenda as the plain blocks a naive python-docx script would add."""
    blocks: list[Block] = []
    for number, group in numbered_groups(meeting):
        blocks.append(Block("heading", f"{number} {group.title}", level=1))
        for item_index, item in enumerate(group.items, start=1):
            blocks.append(Block("heading", f"{number}{item_index}. {item.title}", level=2))
            blocks.append(Block("paragraph", item.case_line))
            for section in item.sections:
                blocks.append(Block("heading", section.heading, level=3))
                blocks.extend(markdown_blocks(section.body))
    return blocks


def markdown_blocks(body: str) -> list[Block]:
    """Split the editor's Markdown (as this generator writes it) into blocks, links as text."""
    blocks: list[Block] = []
    for chunk in body.split("\n\n"):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("|"):
            rows = [
                tuple(cell.strip() for cell in line.strip("|").split("|"))
                for line in lines
                if not set(line) <= set("|-: ")
            ]
            blocks.append(Block("table", rows=tuple(rows)))
        elif lines[0].startswith("### "):
            blocks.append(Block("heading", _plain(lines[0][4:]), level=4, source=lines[0]))
        elif lines[0].startswith("- "):
            blocks.extend(Block("bullet", _plain(line[2:]), source=line) for line in lines)
        elif NUMBERED.match(lines[0]):
            blocks.extend(
                Block("numbered", _plain(NUMBERED.sub("", line)), level=point, source=line)
                for point, line in enumerate(lines, start=1)
            )
        else:
            text = " ".join(lines)
            blocks.append(Block("paragraph", _plain(text), source=text))
    return blocks


def paragraph_count(meeting: Meeting) -> int:
    """Blocks that become paragraphs in Word (a table counts as one block)."""
    return len(meeting_blocks(meeting))


def _plain(text: str) -> str:
    return LINK.sub(r"\1", text)


# The seed's text-extraction form ---------------------------------------------------------

LINE_WIDTH = 78
LINES_PER_PAGE = 46


def seed_form_text(meeting: Meeting) -> str:
    """The meeting as PDF text extraction renders a KL referat.

    As in the seed: every line ends in a space and is followed by an empty line; a page's
    first line begins with a space and follows the previous page without a blank line;
    long words are split with a hyphen at line ends (no space after it); the URLs of a
    page's links follow the page, twice, without blank lines; tables come out one row of
    cell texts per line; each group starts a new page.
    """
    pages: list[list[str | _Url]] = [_front_page(meeting), _attendance_page(meeting)]
    for number, group in numbered_groups(meeting):
        lines: list[str | _Url] = [f"{number} {group.title} ", "", ""]
        for item_index, item in enumerate(group.items, start=1):
            lines.append(f"{number}{item_index}. {item.title}")
            lines.append(item.case_line)
            lines.append("")
            for section in item.sections:
                lines.append(section.heading)
                for block in markdown_blocks(section.body):
                    lines.extend(_block_lines(block))
                    lines.extend(_Url(url) for url in _link_targets(block.source))
                lines.append("")
            lines.append(" ")
        pages.append(lines)
    return "".join(_render_page(page) for logical in pages for page in _paginate(logical))


@dataclass(frozen=True)
class _Url:
    """A link target; extraction prints it after the page its text is on."""

    url: str


def _front_page(meeting: Meeting) -> list[str | _Url]:
    return ["", "Mission", "", *_wrap(meeting.mission), "", "Vision", "", *_wrap(meeting.vision)]


def _attendance_page(meeting: Meeting) -> list[str | _Url]:
    politicians = [a for a in meeting.attendance if a.person.is_politician]
    lines: list[str | _Url] = ["Deltagerfortegnelse ", "", "Deltagere"]
    lines += [_politician(a.person) for a in politicians if _present(a)]
    lines += ["", "Afbud"] + [_politician(a.person) for a in politicians if not _present(a)]
    lines += ["", "Fra KL "]
    lines += [
        f"{a.person.name}, {a.person.title} "
        for a in meeting.attendance
        if a.person.organisation == "KL"
    ]
    lines += ["", "Fra KD-Net"]
    lines += [
        f"{a.person.name}, {a.person.title}, {a.person.municipality}"
        for a in meeting.attendance
        if a.person.organisation == "KD-Net"
    ]
    return lines


def _link_targets(markdown: str) -> list[str]:
    return [match.group(2) for match in LINK.finditer(markdown)]


def _present(entry: Attendance) -> bool:
    return entry.status is AttendanceStatus.PRESENT


def _politician(person: Person) -> str:
    return f"{person.name} ({person.party}), {person.municipality} "


def _block_lines(block: Block) -> list[str]:
    if block.kind == "table":
        return [" ".join(row) for row in block.rows] + [""]
    if block.kind == "bullet":
        return _wrap("- " + block.text)
    if block.kind == "numbered":
        return _wrap(f"{block.level}) " + block.text)
    if block.kind == "heading":
        return [block.text]
    return _wrap(block.text) + [""]


def _wrap(text: str) -> list[str]:
    """Fill lines to LINE_WIDTH, splitting the overflowing long word with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= LINE_WIDTH:
            current = candidate
            continue
        room = min(LINE_WIDTH - len(current) - 2, len(word) - 3)
        if len(word) >= 10 and room >= 3 and word.isalpha():
            lines.append(f"{current} {word[:room]}-")
            current = word[room:]
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _paginate(lines: list[str | _Url]) -> list[tuple[list[str], list[str]]]:
    """Printed pages of LINES_PER_PAGE lines, each with the URLs of the links on it."""
    pages: list[tuple[list[str], list[str]]] = [([], [])]
    for line in lines:
        if isinstance(line, _Url):
            pages[-1][1].append(line.url)
            continue
        if len(pages[-1][0]) == LINES_PER_PAGE:
            pages.append(([], []))
        pages[-1][0].append(line)
    return pages


def _render_page(page: tuple[list[str], list[str]]) -> str:
    lines, urls = page
    out: list[str] = []
    for position, line in enumerate(lines):
        split_word = line.endswith("-") and not line.endswith(" -")
        text = line if line.endswith(" ") or split_word else line + " "
        if position == 0:
            text = " " + text.lstrip(" ")
        last = position == len(lines) - 1
        out.append(text + ("\n" if last and not urls else "\n\n"))
    out.extend(f"{url}\n{url}\n" for url in urls)
    return "".join(out)
