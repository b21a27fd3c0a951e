"""`plangraph stats` (not implemented yet)."""

COMMANDS: list = []
