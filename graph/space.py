"""Free disk space before each write to the embedded store.

LadybugDB aborts the whole process when its write-ahead log cannot be written (disk full) and
leaves a log it then refuses to open: the store is lost until the log is moved aside. So an
ingest checks the space before each document and stops, with the store intact, while there is
still room to finish: MIN_FREE_BYTES plus the log's size (a checkpoint copies the log into the
database file), MIN_FREE_BYTES for each document when several are written in one transaction.
`PLANGRAPH_MIN_FREE_MB` changes the margin (the tests use a small disk).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from plangraph.graph.store import StoreError

MIN_FREE_BYTES = 64 << 20


class DiskFullError(StoreError):
    """Too little free space to write safely: stop the ingest, the store is as it was."""


def min_free_bytes() -> int:
    override = os.environ.get("PLANGRAPH_MIN_FREE_MB")
    return int(float(override) * (1 << 20)) if override else MIN_FREE_BYTES


def ensure_free_space(store: str | Path, documents: int = 1) -> int:
    """How many of `documents` can be written in one transaction now: as many as leave the
    margin for each (one at least); DiskFullError if not even one."""
    path = Path(store)
    wal = path.with_name(path.name + ".wal")
    log = wal.stat().st_size if wal.exists() else 0
    needed = min_free_bytes() + log
    free = shutil.disk_usage(path.parent).free
    if free >= needed:
        return max(1, min(documents, (free - log) // max(min_free_bytes(), 1)))
    raise DiskFullError(
        f"Đĩa sắp đầy / disk almost full: còn / {free >> 20} MB free ở / at {path.parent}, "
        f"cần ít nhất / at least {needed >> 20} MB needed; đã dừng nạp, kho vẫn nguyên vẹn / "
        "ingest stopped, the store is intact")
