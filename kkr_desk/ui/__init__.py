"""The secretary's window (PySide6); it talks to the store, never to SQL or Word directly."""
