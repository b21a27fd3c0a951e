"""Tasks: blocks of the skeleton read as tasks, their agencies by role, deadlines and themes."""
