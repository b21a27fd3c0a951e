"""`plangraph push` (not implemented yet)."""

COMMANDS: list = []
