"""The embedded store's full-text index of task texts: an SQLite FTS5 file beside the store.

`plangraph.lbdb` has its index in `plangraph.lbdb.fts`, one row per task: its id, its plan and
its text without diacritics (graph/search.py's `folded`), and one row per plan with its content
hash. The store changes it in step with each load, replace and remove: the index's transaction
is opened inside the store's and committed right after it (rolled back if the store's fails).
Should the two ever disagree (a crash between the two commits, a store copied without its
index), opening the store finds the plans and hashes differ and rebuilds the index from the
store's tasks. LadybugDB's own FTS extension would be downloaded at first use; SQLite's FTS5
ships with Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from plangraph.graph.search import Query, folded

SUFFIX = ".fts"

_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS task_text USING fts5("
    "task_id UNINDEXED, plan_id UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TABLE IF NOT EXISTS plan (id TEXT PRIMARY KEY, content_hash TEXT)",
)


class TaskIndex:
    def __init__(self, store_path: Path | str | None) -> None:
        """The index of the store at `store_path`; None: an index in memory only."""
        where = ":memory:" if store_path is None else f"{store_path}{SUFFIX}"
        self.conn = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
        for statement in _SCHEMA:
            self.conn.execute(statement)

    def close(self) -> None:
        self.conn.close()

    # -- keeping in step with the store --------------------------------------------------------

    def plans(self) -> dict[str, str | None]:
        return dict(self.conn.execute("SELECT id, content_hash FROM plan"))

    def begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def remove(self, plan_ids: Iterable[str]) -> None:
        for plan_id in plan_ids:
            self.conn.execute("DELETE FROM task_text WHERE plan_id = ?", (plan_id,))
            self.conn.execute("DELETE FROM plan WHERE id = ?", (plan_id,))

    def add(self, plan_id: str, content_hash: str | None,
            tasks: Iterable[tuple[str, str | None]]) -> None:
        """A plan's tasks as (task id, text)."""
        self.conn.execute("INSERT OR REPLACE INTO plan VALUES (?, ?)", (plan_id, content_hash))
        self.conn.executemany("INSERT INTO task_text VALUES (?, ?, ?)",
                              ((tid, plan_id, folded(text or "")) for tid, text in tasks))

    def rebuild(self, plans: dict[str, str | None],
                tasks: Iterable[tuple[str, str, str | None]]) -> None:
        """Everything again from the store: plans {id: content hash}, tasks (id, plan, text)."""
        self.begin()
        try:
            self.conn.execute("DELETE FROM task_text")
            self.conn.execute("DELETE FROM plan")
            self.conn.executemany("INSERT INTO plan VALUES (?, ?)", plans.items())
            self.conn.executemany("INSERT INTO task_text VALUES (?, ?, ?)",
                                  ((tid, pid, folded(text or "")) for tid, pid, text in tasks))
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # -- searching ------------------------------------------------------------------------------

    def search(self, query: Query) -> list[str]:
        """Ids of the tasks whose text holds every phrase of `query`, diacritics ignored."""
        if not query:
            return []
        return [row[0] for row in self.conn.execute(
            "SELECT task_id FROM task_text WHERE task_text MATCH ?", (query.index_query(),))]
