"""Load a script from packaging/ by its path: the folder is not a package (its name would
hide the PyPI library ``packaging`` that pytest and PyInstaller import)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"kkr_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
