"""No installed sqlite-utils plugin hooks into the connections KKR Desk opens."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.plugins import pm

from kkr_desk.store import Store


class RecordingPlugin:
    """A plugin as one installed beside KKR Desk would be: it sees every prepared connection."""

    def __init__(self):
        self.connections = []

    @sqlite_utils.hookimpl
    def prepare_connection(self, conn):
        self.connections.append(conn)


def test_opening_the_store_runs_no_plugin(db_path):
    plugin = RecordingPlugin()
    pm.register(plugin, name="recording-test-plugin")
    try:
        with Store(db_path) as store:
            store.meetings.summaries()
        with Store(db_path) as store:  # the second open checks an existing file first
            store.meetings.summaries()
            store.settings.set_setting("probe", "1")  # a write loads sqlite-utils' Database
    finally:
        pm.unregister(plugin)

    assert plugin.connections == []
