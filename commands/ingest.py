"""`plangraph ingest` (not implemented yet)."""

COMMANDS: list = []
