"""`plangraph export` (not implemented yet)."""

COMMANDS: list = []
