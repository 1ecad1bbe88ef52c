"""Opening the store does not drag numpy into start-up, and numpy still works afterwards."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

CHECK = """
import sys
import kkr_desk.store
import sqlite_utils.db
print("numpy" in sys.modules, sqlite_utils.db.np is None)
import numpy
print(numpy.zeros(2).sum())
"""


@pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="numpy is not installed")
def test_store_import_leaves_numpy_out_but_importable():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.split() == ["False", "True", "0.0"]
