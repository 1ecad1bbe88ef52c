"""Reading a named pipe in a test without the test hanging when the code under test waits."""

from __future__ import annotations

import os
import threading

import pytest


def read_without_hanging(read, pipe):
    """Run ``read(pipe)`` in a thread; if it still waits after 5 s, release it and fail."""
    outcome = {}

    def target():
        try:
            outcome["value"] = read(pipe)
        except Exception as error:  # noqa: BLE001 - handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # a writer that leaves at once
        thread.join(5)
        pytest.fail("reading a named pipe waited for a writer")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
