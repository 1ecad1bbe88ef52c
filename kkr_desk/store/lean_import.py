"""Import sqlite-utils without what KKR Desk never uses: numpy, pandas and plugins.

sqlite-utils imports numpy and pandas whenever they are installed, so it can store their
values. KKR Desk never hands it either, yet on a machine that has them the import cost more
start-up time than all of Qt's widgets (see docs/performance.md). They are hidden only while
sqlite-utils is imported; anything that imports them later gets them as usual.

sqlite-utils also scans every installed distribution for its plugins when the first
Database is made (about 20 ms); a plugin would hook into every connection the app opens,
which KKR Desk does not want either, so the scan is marked as done.
"""

from __future__ import annotations

import sys

NOT_NEEDED = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Import sqlite-utils (once) while numpy and pandas look absent."""
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in NOT_NEEDED if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import name" raises ImportError
    try:
        import sqlite_utils.db  # noqa: F401
        import sqlite_utils.plugins
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    if hasattr(sqlite_utils.plugins, "_plugins_loaded"):
        sqlite_utils.plugins._plugins_loaded = True
