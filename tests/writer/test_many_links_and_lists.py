"""A long referat: every link keeps its own address and every list its own numbering.

Links and lists get their Word ids without searching what was made before (that made a
1,000-item referat quadratic); these tests check the ids still come out right.
"""

from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from kkr_desk.domain import AgendaGroup, AgendaItem, MeetingKind, Section
from kkr_desk.writer import export_meeting

from ..conftest import make_meeting

ITEMS = 40


def long_meeting():
    meeting = make_meeting()
    items = [
        AgendaItem(
            f"Punkt {number}",
            sections=[
                Section(
                    "Baggrund",
                    f"Se [notat {number}](https://www.kl.dk/notat-{number}.pdf) og igen "
                    f"[notat {number} igen](https://www.kl.dk/notat-{number}.pdf).\n\n"
                    "1) første\n2) anden",
                )
            ],
        )
        for number in range(ITEMS)
    ]
    meeting.groups.append(AgendaGroup("Mange punkter", items))
    return meeting


def test_each_link_points_at_its_own_address_and_one_address_has_one_id(tmp_path):
    path = tmp_path / "lang.docx"
    export_meeting(long_meeting(), path, kind=MeetingKind.REFERAT)

    document = docx.Document(str(path))
    rels = document.part.rels
    ids_by_url: dict[str, set[str]] = {}
    for link in document.element.body.iter(qn("w:hyperlink")):
        rel_id = link.get(qn("r:id"))
        rel = rels[rel_id]
        assert rel.reltype == RT.HYPERLINK and rel.is_external
        text = "".join(t.text for t in link.iter(qn("w:t")))
        if text.startswith("notat "):
            number = text.split()[1]
            assert rel.target_ref == f"https://www.kl.dk/notat-{number}.pdf"
        ids_by_url.setdefault(rel.target_ref, set()).add(rel_id)
    assert sum(url.startswith("https://www.kl.dk/notat-") for url in ids_by_url) == ITEMS
    assert all(len(ids) == 1 for ids in ids_by_url.values())
    assert len({rel_id for ids in ids_by_url.values() for rel_id in ids}) == len(ids_by_url)


def test_each_numbered_list_has_its_own_numbering_instance(tmp_path):
    path = tmp_path / "lang.docx"
    export_meeting(long_meeting(), path, kind=MeetingKind.REFERAT)

    document = docx.Document(str(path))
    used = [
        num_id.get(qn("w:val"))
        for paragraph in document.element.body.iter(qn("w:p"))
        for num_id in paragraph.iter(qn("w:numId"))
        if "første" in "".join(t.text for t in paragraph.iter(qn("w:t")))
    ]
    defined = {
        num.get(qn("w:numId"))
        for num in document.part.numbering_part.element.findall(qn("w:num"))
    }
    assert len(used) == len(set(used)) == ITEMS
    assert set(used) <= defined
