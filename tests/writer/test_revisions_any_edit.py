"""Any edit to any body: accepting the tracked changes gives the new text, rejecting the old."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkr_desk.domain import AgendaGroup, AgendaItem, Meeting, MeetingKind, Section
from kkr_desk.writer import document_bytes

from .revisions import DEL, INS, body, paragraphs, resolved

WORDS = st.sampled_from(["KKR", "godkendte", "tog", "til", "efterretning", "Aarhus", "2025", "og"])


@st.composite
def line(draw) -> str:
    words = draw(st.lists(WORDS, min_size=1, max_size=6))
    if draw(st.booleans()):
        words[0] = f"**{words[0]}**"
    if draw(st.booleans()):
        words[-1] = f"[{words[-1]}](https://kl.dk/{len(words)})"
    return " ".join(words) + draw(st.sampled_from(["", ".", ","]))


@st.composite
def block(draw) -> str:
    form = draw(st.sampled_from(["paragraph", "bullets", "numbers", "table", "heading"]))
    if form == "paragraph":
        return draw(line())
    if form == "heading":
        return "### " + draw(line())
    if form in ("bullets", "numbers"):
        entries = draw(st.lists(line(), min_size=1, max_size=3))
        if form == "bullets":
            marks = ["-"] * len(entries)
        else:
            marks = [f"{n + 1}." for n in range(len(entries))]
        return "\n".join(f"{mark} {entry}" for mark, entry in zip(marks, entries))
    width = draw(st.integers(1, 3))
    rows = draw(st.lists(st.lists(WORDS, min_size=width, max_size=width), min_size=1, max_size=3))
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


@st.composite
def meeting(draw) -> Meeting:
    items = [
        AgendaItem(
            draw(line()).replace("*", ""),
            sections=[
                Section(heading, "\n\n".join(draw(st.lists(block(), max_size=4))))
                for heading in draw(
                    st.lists(st.sampled_from(["Baggrund", "Indstilling", "Beslutning"]),
                             min_size=1, max_size=3, unique=True)
                )
            ],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return Meeting(
        "KKR Midtjylland",
        dt.date(2024, 9, 5),
        place=draw(st.sampled_from(["", "Viborg", "Aarhus Rådhus"])),
        groups=[AgendaGroup("Sager", items)] + ([AgendaGroup("Eventuelt")] if items else []),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting(), meeting())
def test_accept_gives_the_new_and_reject_the_old_text(sent, current):
    tracked = document_bytes(current, MeetingKind.REFERAT, changes_since=sent)
    new = document_bytes(current, MeetingKind.REFERAT)
    old = document_bytes(sent, MeetingKind.REFERAT)
    assert paragraphs(resolved(tracked, accept=True)) == paragraphs(body(new))
    assert paragraphs(resolved(tracked, accept=False)) == paragraphs(body(old))
    if paragraphs(body(new)) != paragraphs(body(old)):
        root = body(tracked)
        assert list(root.iter(INS)) or list(root.iter(DEL))
