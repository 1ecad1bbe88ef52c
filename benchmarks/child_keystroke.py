"""Child process: type into the real window's Beslutning editor and time each save.

Placeholder until the full window (issue 4) is merged: reports what is missing.
"""

from __future__ import annotations

from .children import report


def main() -> None:
    report({"missing": "the autosaving Beslutning editor (kkr_desk/ui, issue 4)"})


if __name__ == "__main__":
    main()
