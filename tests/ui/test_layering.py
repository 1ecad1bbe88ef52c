"""The window's layer rule (docs/architecture.md): kkr_desk.ui imports the app layer, the
domain and Qt, never the store, SQLite, python-docx, pypdf, the importer or the writer."""

from __future__ import annotations

import ast
from pathlib import Path

import kkr_desk.ui

UI = Path(kkr_desk.ui.__file__).parent
FORBIDDEN = (
    "kkr_desk.store",
    "kkr_desk.writer",
    "kkr_desk.importer",
    "sqlite3",
    "sqlite_utils",
    "docx",
    "pypdf",
)
NOT_YET: set[str] = set()
"""No exemptions: start-up and recovery reach the database through kkr_desk.app.database."""


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: kkr_desk.ui.<...> resolved from the package
                base = ["kkr_desk", "ui"][: 2 - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
                names.add(module)
                names.update(f"{module}.{alias.name}" for alias in node.names)
            else:
                names.add(node.module or "")
    return names


def breaks_the_rule(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def test_the_ui_imports_neither_the_store_nor_sql_nor_document_libraries():
    offenders = {
        path.name: sorted(n for n in imported_modules(path) if breaks_the_rule(n))
        for path in sorted(UI.glob("*.py"))
        if path.name not in NOT_YET
    }
    assert {name: bad for name, bad in offenders.items() if bad} == {}


def test_the_check_sees_a_relative_store_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from ..store import Store\nfrom ..app import Desk\nimport docx\n")
    found = {n for n in imported_modules(module) if breaks_the_rule(n)}
    assert found == {"kkr_desk.store", "kkr_desk.store.Store", "docx"}
