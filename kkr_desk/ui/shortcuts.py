"""Every keyboard shortcut in one table: the window's actions, the Help menu and the README.

Keys use Qt's portable notation (Ctrl becomes ⌘ on macOS).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Shortcuts"

ACTION_KEYS: dict[str, tuple[str, ...]] = {
    "meetings": ("Ctrl+O",),
    "import_document": ("Ctrl+I",),
    "new_meeting": ("Ctrl+N",),
    "next_meeting": ("Ctrl+Shift+M",),
    "export_referat": ("Ctrl+E",),
    "export_dagsorden": ("Ctrl+Shift+E",),
    "export_pdf": ("Ctrl+Alt+E",),
    "quit": ("Ctrl+Q",),
    "undo": ("Ctrl+Z",),
    "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "start_meeting": ("F5",),
    "end_meeting": ("Shift+F5",),
    "all_present": ("Ctrl+Shift+A",),
    "add_person": ("Ctrl+Shift+P",),
    "arrived_now": ("Ctrl+Shift+K",),
    "left_now": ("Ctrl+Shift+G",),
    "substitute": ("Ctrl+Shift+S",),
    "inhabil": ("Ctrl+Shift+I",),
    "vote": ("Ctrl+Shift+V",),
    "remark": ("Ctrl+Shift+B",),
    "next_item": ("Ctrl+Down",),
    "previous_item": ("Ctrl+Up",),
    "decide": ("Ctrl+Return", "Ctrl+Enter"),
    "in_progress": ("Ctrl+Shift+Return",),
    "new_item": ("Ctrl+Shift+N",),
    "new_group": ("Ctrl+Alt+N",),
    "move_up": ("Alt+Shift+Up", "Ctrl+Shift+Up"),
    "move_down": ("Alt+Shift+Down", "Ctrl+Shift+Down"),
    "focus_attendance": ("Alt+1",),
    "focus_agenda": ("Alt+2",),
    "focus_decision": ("Alt+3",),
    "search_person": ("Ctrl+F",),
    "search_all": ("Ctrl+Shift+F",),
    "shortcuts": ("F1",),
}

HELP_ROWS: tuple[tuple[str, str], ...] = (
    (
        "Ctrl+Down / Ctrl+Up",
        QT_TRANSLATE_NOOP("Shortcuts", "Næste / forrige punkt, markøren i Beslutning"),
    ),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Markér punktet afgjort og gå videre")),
    ("Ctrl+Shift+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Markér punktet under behandling")),
    ("Ctrl+1 … Ctrl+9", QT_TRANSLATE_NOOP("Shortcuts", "Indsæt standardfrase i Beslutning")),
    ("Ctrl+0", QT_TRANSLATE_NOOP("Shortcuts", "Indsæt punktets egen indstilling i datid")),
    ("Alt+Shift+Up / Down", QT_TRANSLATE_NOOP("Shortcuts", "Flyt punkt eller gruppe op / ned")),
    ("Ctrl+Shift+N", QT_TRANSLATE_NOOP("Shortcuts", "Nyt punkt efter det valgte")),
    ("Ctrl+Alt+N", QT_TRANSLATE_NOOP("Shortcuts", "Ny gruppe (overskrift)")),
    ("F2 / Delete", QT_TRANSLATE_NOOP("Shortcuts", "Omdøb / slet i dagsordenen")),
    (
        "1 / 2 / 3 / 0",
        QT_TRANSLATE_NOOP("Shortcuts", "Deltager: til stede / afbud / fraværende / nulstil"),
    ),
    ("Mellemrum", QT_TRANSLATE_NOOP("Shortcuts", "Deltager: til stede til og fra")),
    (
        "Shift+End / Shift+Home",
        QT_TRANSLATE_NOOP("Shortcuts", "Deltager: vælg til gruppens sidste / første"),
    ),
    ("Ctrl+Shift+A", QT_TRANSLATE_NOOP("Shortcuts", "Alle, der ikke er registreret, til stede")),
    ("Ctrl+Shift+K / G", QT_TRANSLATE_NOOP("Shortcuts", "Deltager kom / gik nu")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("Shortcuts", "Stedfortræder for deltager med afbud")),
    ("Ctrl+Shift+I", QT_TRANSLATE_NOOP("Shortcuts", "Deltager inhabil i punktet (til og fra)")),
    ("Ctrl+Shift+V", QT_TRANSLATE_NOOP("Shortcuts", "Afstemning om punktet")),
    ("Ctrl+Shift+B", QT_TRANSLATE_NOOP("Shortcuts", "Protokolbemærkning til punktet")),
    ("Ctrl+Shift+P", QT_TRANSLATE_NOOP("Shortcuts", "Tilføj deltager")),
    (
        "Delete / Alt+Shift+Up / Down",
        QT_TRANSLATE_NOOP("Shortcuts", "Deltager: fjern (Ctrl+Z fortryder) / flyt op / ned"),
    ),
    ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Søg deltager ved navn")),
    ("Ctrl+Shift+F", QT_TRANSLATE_NOOP("Shortcuts", "Søg i alle møder (Esc: tilbage)")),
    (
        "Alt+1 / Alt+2 / Alt+3",
        QT_TRANSLATE_NOOP("Shortcuts", "Gå til deltagere / dagsorden / beslutning"),
    ),
    ("F5 / Shift+F5", QT_TRANSLATE_NOOP("Shortcuts", "Start / afslut mødet (tidspunkt nu)")),
    ("Ctrl+B / Ctrl+I", QT_TRANSLATE_NOOP("Shortcuts", "Fed / kursiv (i en tekst)")),
    ("Ctrl+Shift+8 / 7", QT_TRANSLATE_NOOP("Shortcuts", "Punktopstilling / nummereret liste")),
    ("Ctrl+Alt+T", QT_TRANSLATE_NOOP("Shortcuts", "Indsæt tabel (Tab flytter mellem celler)")),
    ("Ctrl+Z / Ctrl+Shift+Z", QT_TRANSLATE_NOOP("Shortcuts", "Fortryd / gentag")),
    ("Ctrl+O / Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "Møder / nyt møde")),
    ("Ctrl+Shift+M", QT_TRANSLATE_NOOP("Shortcuts", "Næste møde ud fra dette")),
    (
        "Ctrl+I",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Importér dagsorden eller referat (også: slip filen på vinduet)"
        ),
    ),
    (
        "Ctrl+E / Ctrl+Shift+E / Ctrl+Alt+E",
        QT_TRANSLATE_NOOP("Shortcuts", "Eksportér referat / dagsorden / PDF"),
    ),
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "Denne oversigt")),
)


def help_rows() -> list[tuple[str, str]]:
    return [(keys, QCoreApplication.translate(CONTEXT, text)) for keys, text in HELP_ROWS]
