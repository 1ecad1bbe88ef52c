"""LibreOffice is found on PATH or where its installer puts it on each platform, and its
absence is told in Danish, naming what to install (real files in a temporary folder)."""

from __future__ import annotations

import sys

import pytest

from kkr_desk.writer.pdf import find_soffice, known_places, no_libreoffice_message

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="an executable bit is needed")


def program(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def empty_path(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    return str(folder)


@posix_only
def test_soffice_on_path_comes_first(tmp_path, empty_path):
    on_path = program(tmp_path / "bin" / "soffice")
    program(tmp_path / "pf" / "LibreOffice" / "program" / "soffice.exe")
    environ = {"PATH": empty_path, "PROGRAMFILES": str(tmp_path / "pf")}
    assert find_soffice("win32", environ) == on_path


@posix_only
def test_the_libreoffice_command_on_path_counts_too(tmp_path, empty_path):
    launcher = program(tmp_path / "bin" / "libreoffice")
    assert find_soffice("linux", {"PATH": empty_path}) == launcher


def test_windows_program_files(tmp_path, empty_path):
    installed = program(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    environ = {"PATH": empty_path, "PROGRAMFILES": str(tmp_path / "Program Files")}
    assert known_places("win32", environ)[0] == installed
    assert find_soffice("win32", environ) == installed


def test_windows_32_bit_program_files(tmp_path, empty_path):
    installed = program(tmp_path / "x86" / "LibreOffice" / "program" / "soffice.exe")
    environ = {"PATH": empty_path, "PROGRAMFILES": str(tmp_path / "none"),
               "PROGRAMFILES(X86)": str(tmp_path / "x86")}
    assert find_soffice("win32", environ) == installed


def test_windows_default_is_the_usual_folder():
    assert str(known_places("win32", {})[0]).replace("/", "\\") == (
        r"C:\Program Files\LibreOffice\program\soffice.exe"
    )


def test_macos_applications_folders(tmp_path, empty_path, monkeypatch):
    assert str(known_places("darwin", {})[0]) == (
        "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    )
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert find_soffice("darwin", {"PATH": empty_path}) is None
    mine = program(tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert find_soffice("darwin", {"PATH": empty_path}) == mine


@posix_only
def test_a_file_that_cannot_run_is_not_libreoffice(tmp_path, empty_path):
    installed = program(tmp_path / "pf" / "LibreOffice" / "program" / "soffice.exe")
    installed.chmod(0o644)
    assert find_soffice("win32", {"PATH": empty_path, "PROGRAMFILES": str(tmp_path / "pf"),
                                  "PROGRAMFILES(X86)": str(tmp_path / "pf")}) is None


@pytest.mark.parametrize(
    ("platform", "install"),
    [
        ("win32", r"libreoffice.org (den lægger sig i C:\Program Files\LibreOffice)"),
        ("darwin", "libreoffice.org i Programmer (/Applications)"),
        ("linux", "pakken libreoffice-writer"),
    ],
)
def test_the_message_names_what_to_install(platform, install):
    message = no_libreoffice_message(platform)
    assert message.startswith("PDF kræver LibreOffice, som ikke er installeret")
    assert install in message and "gem som .docx" in message
