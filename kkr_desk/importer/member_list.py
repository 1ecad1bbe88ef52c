"""A committee's member list as KL's secretariats keep it: a CSV file or an Excel sheet
(.xlsx), one person a row under a header row (docs/import.md, "Member lists").

Columns (the header names them, in any order, case ignored): Navn (required), Parti,
Kommune, Rolle (formand, næstformand or medlem), Stedfortræder, Organisation (empty for
an elected member, else e.g. KL or KD-Net: staff), Titel. Files are from outside: sizes
and row counts are bounded before and while reading.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ..bounded_file import FileTooLarge, NotARegularFile, read_at_most
from ..domain import Person
from ..domain.committee import Member, Role
from .errors import DocumentImportError

MAX_LIST_BYTES = 5 * 1024 * 1024
"""A CSV or .xlsx member list (a real one is a few kB)."""
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 2_000
MAX_COLUMNS = 30

COLUMNS = {
    "navn": "name",
    "parti": "party",
    "kommune": "municipality",
    "rolle": "role",
    "stedfortræder": "substitute",
    "organisation": "organisation",
    "titel": "title",
}
MEMBER_LIST_SUFFIXES = (".csv", ".xlsx")


def is_member_list(path: Path) -> bool:
    return Path(path).suffix.lower() in MEMBER_LIST_SUFFIXES


def read_member_list(path: Path) -> tuple[list[Member], list[Person]]:
    """The members (politicians, in file order) and the staff in a CSV or .xlsx file.

    Raises DocumentImportError with a Danish message for a file that cannot be used.
    """
    path = Path(path)
    try:
        data = read_at_most(path, MAX_LIST_BYTES)
    except FileNotFoundError:
        raise DocumentImportError(f"filen {path} findes ikke") from None
    except NotARegularFile:
        raise DocumentImportError(f"{path} er ikke en almindelig fil") from None
    except FileTooLarge as error:
        raise DocumentImportError(
            f"{path.name} er for stor til en medlemsliste ({error.size // 1024} kB; "
            f"højst {MAX_LIST_BYTES // 1024 // 1024} MB)"
        ) from None
    rows = _xlsx_rows(data, path.name) if path.suffix.lower() == ".xlsx" else _csv_rows(data)
    return people_from_rows(rows, path.name)


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on a Danish Windows
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise DocumentImportError(f"CSV-filen kan ikke læses ({error})") from None
    return rows


def _xlsx_rows(data: bytes, name: str) -> list[list[str]]:
    damaged = f"{name} er ikke en læsbar Excel-fil (.xlsx)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise DocumentImportError(damaged) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise DocumentImportError(f"{name} fylder for meget udpakket til en medlemsliste")
    from openpyxl import load_workbook  # loaded only for an Excel file

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a damaged package
        raise DocumentImportError(damaged) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise DocumentImportError(f"{name} har intet regneark")
        rows = []
        for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            rows.append(["" if value is None else str(value) for value in values])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def people_from_rows(rows: list[list[str]], name: str) -> tuple[list[Member], list[Person]]:
    """Members and staff from a header row and data rows (blank rows are skipped)."""
    rows = [[cell.strip() for cell in row] for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise DocumentImportError(f"{name} er tom")
    if len(rows) > MAX_ROWS + 1:
        raise DocumentImportError(f"{name} har over {MAX_ROWS} rækker; det er ikke en medlemsliste")
    header = [COLUMNS.get(cell.casefold()) for cell in rows[0]]
    if "name" not in header:
        raise DocumentImportError(
            f"{name} mangler en kolonne 'Navn' i første række "
            "(kolonner: Navn, Parti, Kommune, Rolle, Stedfortræder, Organisation, Titel)"
        )
    members: list[Member] = []
    staff: list[Person] = []
    for number, row in enumerate(rows[1:], start=2):
        fields = {key: row[i] for i, key in enumerate(header) if key and i < len(row)}
        person_name = " ".join(fields.get("name", "").split())
        if not person_name:
            raise DocumentImportError(f"{name}, række {number}: navnet mangler")
        person = Person(
            name=person_name,
            party=fields.get("party", ""),
            municipality=fields.get("municipality", ""),
            title=fields.get("title", ""),
            organisation=fields.get("organisation", ""),
        )
        if not person.is_politician:
            staff.append(person)
            continue
        role_text = fields.get("role", "").casefold() or Role.MEDLEM.value
        try:
            role = Role(role_text)
        except ValueError:
            raise DocumentImportError(
                f"{name}, række {number}: rollen {fields['role']!r} er ikke formand, "
                "næstformand eller medlem"
            ) from None
        substitute = " ".join(fields.get("substitute", "").split())
        members.append(
            Member(
                person=person,
                role=role,
                substitute=Person(substitute, party=person.party) if substitute else None,
            )
        )
    return members, staff
