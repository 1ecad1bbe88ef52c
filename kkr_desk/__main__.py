"""``python -m kkr_desk``: the same program as ``kkr-desk`` and ``python main.py``."""

import sys

from .cli import main

sys.exit(main())
