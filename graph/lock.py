"""One writer per embedded store, across processes and within one: an exclusive `flock` on a
sidecar file `<store>.lock`, held from the moment a store is opened for writing until it is
closed. LadybugDB refuses a second writing process by itself (its own file lock) but not a
second writer inside one process, and its message names neither the store nor what to do;
readers take no lock (LadybugDB gives a read-only connection the last committed state).

The lock file holds the writer's PID and command for the message a second writer gets. The
kernel releases the lock when the process dies (kill -9 included): a stale file locks nothing.
"""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

from plangraph.graph.store import StoreError


def lock_path(store: str | Path) -> Path:
    store = Path(store)
    return store.with_name(store.name + ".lock")


class WriterLock:
    """`WriterLock(path).acquire()` or StoreError saying who holds the store."""

    def __init__(self, store: str | Path) -> None:
        self.store = Path(store)
        self.path = lock_path(store)
        self._fd: int | None = None

    def acquire(self) -> WriterLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise StoreError(f"Không tạo được tệp khóa / cannot create the lock file "
                             f"{self.path}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 512).decode("utf-8", "replace").strip() or "?"
            os.close(fd)
            raise StoreError(
                f"Kho {self.store} đang được một tiến trình khác ghi ({holder}); hãy đợi nó xong / "
                f"the store is being written by another process ({holder}): wait for it to "
                "finish") from None
        os.ftruncate(fd, 0)
        command = " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv[:3]))
        os.write(fd, f"PID {os.getpid()}: {command}".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.ftruncate(fd, 0)
            os.close(fd)  # closing the descriptor releases the flock

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
