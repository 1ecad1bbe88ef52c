"""kkr-desk new and kkr-desk committee: a new meeting starts with the committee's roster."""

from __future__ import annotations

import re
from pathlib import Path

from kkr_desk.domain import AttendanceStatus
from kkr_desk.store import Store
from tests.test_cli import ROOT, kkr_desk

SEED = ROOT.parent / "shared" / "seeds" / "referat-kkr-midtjylland-2024.txt"
FIXTURE = ROOT / "tests" / "importer" / "fixtures" / "referat-kkr-test.txt"
MUNICIPALITIES = ("Randers", "Odder", "Favrskov", "Skive", "Herning", "Aarhus", "Viborg")
FIRST = ("Anne", "Bo", "Carl", "Dorte", "Erik", "Frida", "Gert")
LAST = ("Holm", "Iversen", "Juul", "Krogh", "Lund", "Munk")


def referat_text(tmp_path: Path) -> tuple[Path, str]:
    """The seed referat when ../shared is there, else one built here with 40 people; and the
    committee its name gives."""
    if SEED.exists():
        return SEED, "KKR Midtjylland"
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("K K R  M I D T J Y L L A N D", "K K R  T E S T J Y L L A N D")
    present = "".join(
        f"{FIRST[n % 7]} {LAST[n // 7]} ({'AVCF'[n % 4]}), {MUNICIPALITIES[n % 7]}\n\n"
        for n in range(34)
    )
    text = re.sub(r"Deltagere\n\n(.*?\n\n)+? \n", f"Deltagere\n\n{present} \n", text, count=1)
    path = tmp_path / "referat.txt"
    path.write_text(text, encoding="utf-8")
    return path, "KKR Testjylland"


def attendance(db: Path, meeting_id: int) -> list[tuple[str, AttendanceStatus]]:
    with Store(db) as store:
        return [(a.person.name, a.status) for a in store.meetings.load(meeting_id).attendance]


def test_a_new_meeting_and_an_imported_dagsorden_start_with_the_referats_people(tmp_path):
    db = tmp_path / "kkr.db"
    source, committee = referat_text(tmp_path)
    imported = kkr_desk("import", str(source), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    referat_id = int(imported.stdout.splitlines()[-1])
    expected = [name for name, _ in attendance(db, referat_id)]
    assert len(expected) == 40

    new = kkr_desk("new", "--committee", committee, "--date", "2024-11-07", "--db", str(db))
    assert new.returncode == 0, new.stderr
    new_id = int(new.stdout.splitlines()[-1])
    assert attendance(db, new_id) == [(name, AttendanceStatus.UNREGISTERED) for name in expected]

    # A dagsorden has no Deltagerfortegnelse: it gets the same people.
    text = source.read_text(encoding="utf-8").replace("R E F E R A T", "D A G S O R D E N")
    start, end = text.index("Deltagerfortegnelse"), text.index("1. Godkendelse")
    dagsorden = tmp_path / "dagsorden.txt"
    dagsorden.write_text(text[:start] + text[end:], encoding="utf-8")
    result = kkr_desk("import", str(dagsorden), "--db", str(db))
    assert result.returncode == 0, result.stderr
    dagsorden_id = int(result.stdout.splitlines()[-1])
    assert attendance(db, dagsorden_id) == [
        (name, AttendanceStatus.UNREGISTERED) for name in expected
    ]

    shown = kkr_desk("committee", "show", committee, "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert len(lines) == 40
    assert [line.split(" (")[0].split(",")[0] for line in lines] == expected
    assert committee in kkr_desk("committee", "list", "--db", str(db)).stdout.splitlines()


def test_committee_import_replaces_the_roster_from_a_csv(tmp_path):
    db = tmp_path / "kkr.db"
    members = tmp_path / "medlemmer.csv"
    members.write_text(
        "Navn;Parti;Kommune;Rolle;Stedfortræder;Organisation;Titel\n"
        "Anders And;V;Andeby;formand;Mickey Mouse;;\n"
        "Rip And;A;Andeby;;;;\n"
        "Fru Sekretær;;;;;KL;konsulent\n",
        encoding="utf-8",
    )
    result = kkr_desk("committee", "import", "KKR Midtjylland", str(members), "--db", str(db))
    assert result.returncode == 0, result.stderr
    shown = kkr_desk("committee", "show", "KKR Midtjylland", "--db", str(db)).stdout.splitlines()
    assert shown == [
        "Anders And (V), Andeby – formand, stedfortræder: Mickey Mouse",
        "Rip And (A), Andeby",
        "Fru Sekretær, konsulent – KL",
    ]


def test_user_mistakes_are_one_line_and_exit_2(tmp_path):
    db = str(tmp_path / "kkr.db")
    unknown = kkr_desk("new", "--committee", "KKR Ingenting", "--date", "2024-11-07", "--db", db)
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert "intet udvalg" in unknown.stderr and len(unknown.stderr.splitlines()) == 1
    bad_date = kkr_desk("new", "--committee", "KKR Midtjylland", "--date", "7-11-2024", "--db", db)
    assert bad_date.returncode == 2 and len(bad_date.stderr.splitlines()) == 1
    broken = tmp_path / "liste.xlsx"
    broken.write_bytes(b"not a zip file")
    result = kkr_desk("committee", "import", "KKR Midtjylland", str(broken), "--db", db)
    assert result.returncode == 2
    assert "ikke en læsbar Excel-fil" in result.stderr and len(result.stderr.splitlines()) == 1
    shown = kkr_desk("committee", "show", "KKR Midtjylland", "--db", db).stdout.splitlines()
    assert len(shown) == 40  # the sample's roster is untouched


def test_committee_import_from_a_referat_and_a_dagsorden_without_people(tmp_path):
    db = str(tmp_path / "kkr.db")
    result = kkr_desk("committee", "import", "KKR Test", str(FIXTURE), "--db", db)
    assert result.returncode == 0, result.stderr
    shown = kkr_desk("committee", "show", "KKR Test", "--db", db).stdout.splitlines()
    assert shown[:2] == ["Torben Hansen (A), Randers", "Lone Jakobi (A), Odder"]
    assert shown[-1] == "Mette Lund, direktør – Region Midtjylland"
    text = FIXTURE.read_text(encoding="utf-8")
    start, end = text.index("Deltagerfortegnelse"), text.index("1. Godkendelse")
    dagsorden = tmp_path / "dagsorden.txt"
    dagsorden.write_text(text[:start] + text[end:], encoding="utf-8")
    refused = kkr_desk("committee", "import", "KKR Test", str(dagsorden), "--db", db)
    assert refused.returncode == 2
    assert "ingen deltagerfortegnelse" in refused.stderr
    assert kkr_desk("committee", "show", "KKR Test", "--db", db).stdout.splitlines() == shown


def test_committee_delete_trashes_one_without_meetings_and_refuses_one_with(tmp_path):
    db = str(tmp_path / "kkr.db")
    members = tmp_path / "medlemmer.csv"
    members.write_text("Navn;Parti;Kommune\nAnders And;V;Andeby\n", encoding="utf-8")
    assert kkr_desk("committee", "import", "KKR Nyt", str(members), "--db", db).returncode == 0
    deleted = kkr_desk("committee", "delete", "kkr nyt", "--db", db)
    assert deleted.returncode == 0, deleted.stderr
    assert "udvalget KKR Nyt er flyttet til papirkurven" in deleted.stdout
    assert "KKR Nyt" not in kkr_desk("committee", "list", "--db", db).stdout.splitlines()
    with Store(Path(db)) as store:
        assert store.trash.entries()[0].label == "KKR Nyt"

    used = kkr_desk("committee", "delete", "KKR Midtjylland", "--db", db)  # the sample's
    assert used.returncode == 2 and len(used.stderr.splitlines()) == 1
    assert "bruges af 1 møde og kan ikke slettes" in used.stderr
    assert "KKR Midtjylland" in kkr_desk("committee", "list", "--db", db).stdout.splitlines()
    typo = kkr_desk("committee", "delete", "KKR Midtjyland", "--db", db)
    assert typo.returncode == 2 and "intet udvalg" in typo.stderr
