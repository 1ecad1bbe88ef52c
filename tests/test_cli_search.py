"""kkr-desk search as a real process: the documented lines, silence, and exit 2."""

from __future__ import annotations

from tests.test_cli import kkr_desk


def test_search_prints_one_documented_line_per_hit(tmp_path):
    db = str(tmp_path / "a.db")
    result = kkr_desk("search", "SOSU", "--section", "Titel", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "1\t3.2\tKKR Midtjylland\t05-09-2024\tTitel: Fordeling af lærepladser på SOSU "
        "uddannelserne for 2025 SAG-2024-02547"
    ]


def test_filters_and_no_hit_print_nothing_and_exit_0(tmp_path):
    db = str(tmp_path / "a.db")
    for args in (["zzzqx"], ["lærepladser", "--year", "2023"], ["lærepladser", "--committee", "KKR Nordjylland"]):
        result = kkr_desk("search", *args, "--db", db)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert kkr_desk("search", "lærepladser", "--year", "2024", "--db", db).stdout


def test_malformed_query_is_one_line_and_exit_2(tmp_path):
    result = kkr_desk("search", "NOT", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == ["kkr-desk: fejl: søgningen er tom; skriv et eller flere ord"]
