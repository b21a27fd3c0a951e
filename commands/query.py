"""`plangraph query` (not implemented yet)."""

COMMANDS: list = []
