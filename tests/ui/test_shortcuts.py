"""One table of shortcuts: no key bound twice, and the README lists them all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from kkr_desk.ui.shortcuts import ACTION_KEYS, HELP_ROWS, help_rows

README = Path(__file__).resolve().parents[2] / "README.md"


def test_no_key_is_bound_to_two_actions(qapp):
    seen: dict[str, str] = {}
    for name, keys in ACTION_KEYS.items():
        for key in keys:
            normalised = QKeySequence(key).toString()
            assert normalised, key
            assert normalised not in seen, f"{key} is used by {seen.get(normalised)} and {name}"
            seen[normalised] = name


def test_readme_lists_every_shortcut():
    text = README.read_text(encoding="utf-8")
    for keys, action in HELP_ROWS:
        assert f"| {keys} | {action} |" in text


def test_help_rows_are_translated_strings(qapp):
    assert [keys for keys, _ in help_rows()] == [keys for keys, _ in HELP_ROWS]
