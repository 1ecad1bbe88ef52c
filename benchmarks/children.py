"""Running measurement children: spawn, time from outside, read their one report line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPORT_PREFIX = "BENCH "


_bytecode_cache: Path | None = None


def use_bytecode_cache(folder: Path) -> None:
    """Let children cache compiled modules in ``folder``, as an installed program has them.

    Without it (PYTHONDONTWRITEBYTECODE, a read-only checkout) every start would compile
    every module of the app again, which a user never pays after the first start.
    """
    global _bytecode_cache
    _bytecode_cache = folder


class ChildFailed(RuntimeError):
    """A child process ended without its report; the message carries its last error line."""


@dataclass
class ChildResult:
    spawned_at: float  # time.time() just before the spawn
    ended_at: float
    report: dict[str, Any]


def offscreen_environment() -> dict[str, str]:
    """Children draw offscreen: the same on a headless CI box and a desktop."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if _bytecode_cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(_bytecode_cache)
    return env


def run_child(module: str, *arguments: str, timeout: float = 120) -> ChildResult:
    """Run ``python -m benchmarks.<module> ARGS…`` from the checkout root and parse its report."""
    command = [sys.executable, "-m", f"benchmarks.{module}", *arguments]
    spawned_at = time.time()
    try:
        finished = subprocess.run(
            command,
            cwd=ROOT,
            env=offscreen_environment(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise ChildFailed(f"took longer than {timeout:.0f} s") from error
    ended_at = time.time()
    for line in finished.stdout.splitlines():
        if line.startswith(REPORT_PREFIX):
            return ChildResult(spawned_at, ended_at, json.loads(line[len(REPORT_PREFIX) :]))
    errors = [line for line in finished.stderr.splitlines() if line.strip()]
    last = errors[-1] if errors else f"exit code {finished.returncode}, no report"
    raise ChildFailed(last)


def report(values: dict[str, Any]) -> None:
    """Print the one report line a child owes its parent."""
    print(REPORT_PREFIX + json.dumps(values), flush=True)
