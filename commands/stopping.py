"""Ctrl+C during a long command: the first stops it after the current document (the store
stays whole and the summary is printed), a second one stops at once (the document being
written is rolled back)."""

from __future__ import annotations

import signal
import threading

import click


class StopAfterCurrent:
    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def start(self) -> StopAfterCurrent:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def stop(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        click.echo("\nDừng sau văn bản đang nạp (Ctrl+C lần nữa để dừng ngay) / stopping after "
                   "the current document (Ctrl+C again to stop now)", err=True)
