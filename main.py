"""Start KKR Desk from a source checkout: ``python main.py [--db PATH] [KOMMANDO …]``."""

import sys

from kkr_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
