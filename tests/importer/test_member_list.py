"""Member lists as CSV and .xlsx: the columns, the Danish refusals, the bounds."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from kkr_desk.domain.committee import Role
from kkr_desk.importer import DocumentImportError, member_list
from kkr_desk.importer.member_list import read_member_list


def test_an_xlsx_list_in_any_column_order(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Rolle", "NAVN", "Kommune", "Parti", "Stedfortræder", "Organisation", "Titel"])
    sheet.append(["Næstformand", "Lone Jakobi", "Odder", "A", "Mette Frederiksen", None, None])
    sheet.append([None, None, None, None, None, None, None])  # a blank row is skipped
    sheet.append([None, "Jonna Holm Pedersen", None, None, None, "KL", "specialkonsulent"])
    sheet.append(["medlem", "Ib Lauritsen", "Ikast-Brande", "V", None, None, None])
    path = tmp_path / "medlemmer.xlsx"
    book.save(path)
    members, staff = read_member_list(path)
    assert [(m.person.name, m.person.party, m.person.municipality, m.role) for m in members] == [
        ("Lone Jakobi", "A", "Odder", Role.NAESTFORMAND),
        ("Ib Lauritsen", "V", "Ikast-Brande", Role.MEDLEM),
    ]
    assert members[0].substitute.name == "Mette Frederiksen"
    assert [(p.name, p.organisation, p.title) for p in staff] == [
        ("Jonna Holm Pedersen", "KL", "specialkonsulent")
    ]


def test_a_danish_excel_csv_in_windows_1252_with_semicolons(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes("Navn;Parti;Kommune\nHans Østergaard;V;Ringkøbing-Skjern\n".encode("cp1252"))
    members, staff = read_member_list(path)
    assert [(m.person.name, m.person.municipality) for m in members] == [
        ("Hans Østergaard", "Ringkøbing-Skjern")
    ]
    assert staff == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Parti;Kommune\nA;Odder\n", "mangler en kolonne 'Navn'"),
        (b"Navn;Rolle\nLone;kasserer\n", "række 2: rollen 'kasserer'"),
        (b"Navn;Parti\n;A\n", "række 2: navnet mangler"),
        (b"\n\n", "er tom"),
    ],
)
def test_bad_lists_are_refused_in_danish(tmp_path, content, message):
    path = tmp_path / "liste.csv"
    path.write_bytes(content)
    with pytest.raises(DocumentImportError, match=message):
        read_member_list(path)


def test_a_damaged_xlsx_and_a_folder_are_refused(tmp_path):
    path = tmp_path / "liste.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(DocumentImportError, match="ikke en læsbar Excel-fil"):
        read_member_list(path)
    folder = tmp_path / "mappe.csv"
    folder.mkdir()
    with pytest.raises(DocumentImportError, match="ikke en almindelig fil"):
        read_member_list(folder)


def test_sizes_and_rows_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(member_list, "MAX_LIST_BYTES", 100)
    big = tmp_path / "stor.csv"
    big.write_bytes(b"Navn\n" + b"x" * 200)
    with pytest.raises(DocumentImportError, match="for stor"):
        read_member_list(big)
    monkeypatch.setattr(member_list, "MAX_LIST_BYTES", 5 * 1024 * 1024)
    monkeypatch.setattr(member_list, "MAX_ROWS", 3)
    many = tmp_path / "mange.csv"
    many.write_text("Navn\n" + "".join(f"Person {n}\n" for n in range(10)), encoding="utf-8")
    with pytest.raises(DocumentImportError, match="over 3 rækker"):
        read_member_list(many)
    monkeypatch.setattr(member_list, "MAX_XLSX_UNPACKED_BYTES", 1000)
    book = Workbook()
    book.active.append(["Navn"])
    book.active.append(["y" * 5000])
    packed = tmp_path / "pakket.xlsx"
    book.save(packed)
    with pytest.raises(DocumentImportError, match="udpakket"):
        read_member_list(packed)
