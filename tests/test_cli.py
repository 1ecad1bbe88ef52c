"""The kkr-desk command, run as a real process the way a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kkr_desk import cli

ROOT = Path(__file__).resolve().parent.parent


def kkr_desk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kkr_desk", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_list_on_a_new_file_shows_the_sample_meeting(tmp_path):
    result = kkr_desk("list", "--db", str(tmp_path / "new.db"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["1\tKKR Midtjylland\t05-09-2024\tafholdt\t10 punkter"]


def test_db_before_the_sub_command_works_too(tmp_path):
    result = kkr_desk("--db", str(tmp_path / "new.db"), "list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1\t")


def test_dump_load_dump_is_identical(tmp_path):
    db = str(tmp_path / "a.db")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert kkr_desk("dump", "1", "-o", str(first), "--db", db).returncode == 0
    loaded = kkr_desk("load", str(first), "--db", db)
    assert loaded.returncode == 0, loaded.stderr
    new_id = loaded.stdout.splitlines()[-1]
    assert new_id == "2"
    assert kkr_desk("dump", new_id, "-o", str(second), "--db", db).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    # The second meeting shares the roster instead of duplicating it.
    people = json.loads(first.read_text(encoding="utf-8"))["meeting"]["people"]
    from kkr_desk.store import Store

    with Store(Path(db)) as store:
        assert len(store.roster.people()) == len(people) == 40
    listing = kkr_desk("list", "--db", db).stdout.splitlines()
    assert [line.split("\t")[0] for line in listing] == ["2", "1"]


def test_load_into_another_database(tmp_path):
    dump = tmp_path / "m.json"
    kkr_desk("dump", "1", "-o", str(dump), "--db", str(tmp_path / "a.db"))
    result = kkr_desk("load", str(dump), "--db", str(tmp_path / "b.db"))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "2"  # after b.db's own sample meeting


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dump", "42", "-o", "{tmp}/x.json"], "intet møde med id 42"),
        (["dump", "1", "-o", "{tmp}"], "er en mappe"),
        (["dump", "1", "-o", "{tmp}/no/such/dir/x.json"], "findes ikke"),
        (["dump", "abc", "-o", "{tmp}/x.json"], "invalid int value"),
        (["load", "{tmp}"], "er en mappe"),
        (["load", "{tmp}/missing.json"], "findes ikke"),
        (["load", "{tmp}/damaged.json"], "ikke gyldig JSON"),
        (["list", "--db", "{tmp}"], "er en mappe"),
        (["list", "--db", "{tmp}/damaged.json"], "ikke en brugbar KKR Desk-database"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_user_errors_print_one_line_and_exit_2(tmp_path, args, message):
    (tmp_path / "damaged.json").write_text('{"format": "kkr-desk-meeting", "ver', encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--db" not in args:
        args += ["--db", str(tmp_path / "a.db")]
    result = kkr_desk(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_main_py_and_the_module_are_the_same_program(tmp_path):
    result = subprocess.run(
        [sys.executable, "main.py", "list", "--db", str(tmp_path / "n.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0
    assert "KKR Midtjylland" in result.stdout


FIXTURE_REFERAT = ROOT / "tests" / "importer" / "fixtures" / "referat-kkr-test.txt"


def test_import_prints_the_new_meetings_id_last_and_the_roster_grows_without_duplicates(tmp_path):
    db = str(tmp_path / "import.db")
    first = kkr_desk("import", str(FIXTURE_REFERAT), "--db", db)
    assert first.returncode == 0, first.stderr
    first_id = int(first.stdout.splitlines()[-1])
    assert "4 grupper, 3 punkter, 11 personer" in first.stdout
    second = kkr_desk("import", str(FIXTURE_REFERAT), "--db", db)
    second_id = int(second.stdout.splitlines()[-1])
    assert second_id == first_id + 1
    listing = kkr_desk("list", "--db", db).stdout.splitlines()
    assert f"{second_id}\tKKR Midtjylland\t05-09-2024\tafholdt\t3 punkter" in listing

    from kkr_desk.store import Store

    with Store(Path(db)) as store:
        names = [person.name for person in store.roster.people()]
        first_people = [a.person.id for a in store.meetings.load(first_id).attendance]
        second_people = [a.person.id for a in store.meetings.load(second_id).attendance]
    # The new database holds the sample meeting's 40 people; the fixture shares ten of its
    # eleven with it, so one person is new, and the second import adds nobody.
    assert len(names) == 41
    assert first_people == second_people


def test_import_of_a_file_that_is_no_agenda_fails_in_one_line_and_saves_nothing(tmp_path):
    db = str(tmp_path / "import.db")
    letter = tmp_path / "brev.txt"
    letter.write_text("Kære alle\n\nTak for sidst.\n", encoding="utf-8")
    before = kkr_desk("list", "--db", db).stdout
    result = kkr_desk("import", str(letter), "--db", db)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "ligner ikke en dagsorden eller et referat" in result.stderr
    assert kkr_desk("list", "--db", db).stdout == before


def test_import_of_a_missing_file(tmp_path):
    result = kkr_desk("import", str(tmp_path / "intet.pdf"), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    assert "findes ikke" in result.stderr


def test_export_writes_a_referat_and_warns_on_stderr(tmp_path):
    out = tmp_path / "referat.docx"
    result = kkr_desk("export", "1", "-o", str(out), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 0, result.stderr
    assert "advarsel: Punkt 4.1: afsnittet Sagsfremstilling er tomt." in result.stderr
    import docx

    assert docx.Document(str(out)).paragraphs[0].text == "R E F E R A T  2 0 2 4"


def test_export_dagsorden_with_a_table_of_contents(tmp_path):
    out = tmp_path / "dagsorden.docx"
    db = str(tmp_path / "a.db")
    result = kkr_desk("export", "1", "-o", str(out), "--kind", "dagsorden", "--toc", "--db", db)
    assert result.returncode == 0, result.stderr
    import docx

    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "D A G S O R D E N  2 0 2 4" and "Indholdsfortegnelse" in texts
    assert "Beslutning" not in texts


def test_export_to_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    target = tmp_path / "nej" / "r.docx"
    result = kkr_desk("export", "1", "-o", str(target), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    expected = f"kkr-desk: fejl: Mappen {tmp_path / 'nej'} findes ikke."
    assert result.stderr.strip().splitlines() == [expected]


def test_export_with_a_missing_template(tmp_path):
    result = kkr_desk(
        "export", "1", "-o", str(tmp_path / "r.docx"), "--template", str(tmp_path / "t.docx"),
        "--db", str(tmp_path / "a.db"),
    )
    assert result.returncode == 2
    assert "skabelonen" in result.stderr and not (tmp_path / "r.docx").exists()


SAMPLE_TEXT = (ROOT / "resources" / "sample-meeting.json").read_text(encoding="utf-8")
HOSTILE_MEETING_FILES = {
    "5,000-digit number": (
        SAMPLE_TEXT.replace('"version": 1,', '"version": 1, "x": ' + "1" * 5000 + ","),
        "et tal på 5000 cifre",
    ),
    "nested 5,000 deep": (
        SAMPLE_TEXT.replace('"version": 1,', '"version": 1, "x": ' + "[" * 5000 + "]" * 5000 + ","),
        "indlejret i for mange lag",
    ),
    "lone surrogate": (
        SAMPLE_TEXT.replace('"Regionshuset', '"\\ud800Regionshuset', 1),
        "ugyldigt tegn (U+D800)",
    ),
    "too big": (None, "en mødefil fylder højst 20 MB"),
}


@pytest.mark.parametrize("case", HOSTILE_MEETING_FILES, ids=list(HOSTILE_MEETING_FILES))
def test_load_of_a_hostile_meeting_file_is_one_line_and_writes_nothing(tmp_path, case):
    content, message = HOSTILE_MEETING_FILES[case]
    source = tmp_path / "m.json"
    if content is None:
        with source.open("wb") as stream:
            stream.truncate(21 * 1024 * 1024)
    else:
        source.write_text(content, encoding="utf-8")
    db = tmp_path / "a.db"
    from kkr_desk.store import Store

    with Store(db) as store:
        before = store.meetings.summaries()
    result = kkr_desk("load", str(source), "--db", str(db))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("kkr-desk: fejl: ") and message in result.stderr
    with Store(db) as store:
        assert store.meetings.summaries() == before


def test_load_of_a_meeting_file_saved_by_notepad_with_a_byte_order_mark(tmp_path):
    source = tmp_path / "notepad.json"
    source.write_bytes(b"\xef\xbb\xbf" + SAMPLE_TEXT.encode("utf-8"))
    result = kkr_desk("load", str(source), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "2"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs a device that never ends")
def test_export_with_a_device_as_template_is_one_line_not_a_memory_grab(tmp_path):
    import resource

    def at_most_2_gb():  # before the fix this read grew without end
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    result = subprocess.run(
        [sys.executable, "-m", "kkr_desk", "export", "1", "-o", str(tmp_path / "r.docx"),
         "--template", "/dev/zero", "--db", str(tmp_path / "a.db")],
        capture_output=True, text=True, cwd=ROOT, timeout=60, preexec_fn=at_most_2_gb,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "kkr-desk: fejl: Skabelonen /dev/zero er ikke en almindelig fil. Vælg en Word-fil "
        "(.docx eller .dotx)."
    ]
    assert not (tmp_path / "r.docx").exists()


def test_export_of_a_loaded_meeting_names_each_refused_link_on_stderr(tmp_path):
    data = json.loads(SAMPLE_TEXT)
    section = data["meeting"]["groups"][0]["items"][0]["sections"][0]
    section["body"] = "Se [bilagsmappen](smb://10.0.0.7/bilag) og [KL](https://www.kl.dk/kkr)."
    source = tmp_path / "m.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    db = str(tmp_path / "a.db")
    meeting_id = kkr_desk("load", str(source), "--db", db).stdout.splitlines()[-1]
    out = tmp_path / "referat.docx"
    result = kkr_desk("export", meeting_id, "-o", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    refused = [line for line in result.stderr.splitlines() if "smb://" in line]
    assert len(refused) == 1 and refused[0].startswith("kkr-desk: advarsel: Punkt 1.1, ")
    assert "»bilagsmappen«" in refused[0] and "uden link" in refused[0]
    import docx

    document = docx.Document(str(out))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert "https://www.kl.dk/kkr" in targets
    assert not any(target.startswith("smb:") for target in targets)
    assert any(p.text == "Se bilagsmappen og KL." for p in document.paragraphs)


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_import_of_a_huge_file_is_refused_early_naming_its_size(tmp_path, kind):
    # Issue 16: a 200 MB text file or a 2,000-page PDF ends in one Danish line, at once.
    from tests.importer.hostile_documents import pdf_with_pages

    if kind == "text":
        path = tmp_path / "kæmpe.txt"
        with path.open("wb") as file:  # sparse: 200 MB without writing them
            file.truncate(200 * 1024 * 1024)
        size = "filen fylder 200 MB"
    else:
        path = pdf_with_pages(tmp_path / "sider.pdf", 2000)
        size = "2.000 sider (højst 500 sider)"
    result = kkr_desk("import", str(path), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"kkr-desk: fejl: {path.name} er for stor til at være en dagsorden")
    assert size in line


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], None),
        (["--db", "møde.db"], Path("møde.db")),
        (["--db=møde.db"], Path("møde.db")),
    ],
)
def test_the_window_command_line_opens_the_window_on_its_database(monkeypatch, arguments, expected):
    import kkr_desk.ui.app as window_app

    opened = []
    monkeypatch.setattr(window_app, "run_window", lambda db_path: opened.append(db_path) or 0)
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("the window needs no parser"))
    assert cli.main(arguments) == 0
    assert opened == [expected]


@pytest.mark.parametrize("arguments", [["--db"], ["--db", "-x"], ["--db", "a.db", "list", "--x"]])
def test_anything_else_than_the_window_goes_through_the_full_parser(capsys, arguments):
    with pytest.raises(SystemExit) as exit_:
        cli.main(arguments)
    assert exit_.value.code == cli.USER_ERROR
    assert "kkr-desk:" in capsys.readouterr().err
