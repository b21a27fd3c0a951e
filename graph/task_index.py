"""The embedded store's full-text index of task texts: an SQLite FTS5 file beside the store.

`plangraph.lbdb` has its index in `plangraph.lbdb.fts`, one row per task: its id, its plan and
its text without diacritics (graph/search.py's `folded`), and one row per plan with its content
hash and the range of row numbers its tasks were given (a plan's tasks are written together, so
their rows follow one another): replacing or removing a plan deletes its tasks by row number,
not by a search for its id (FTS5 keeps `plan_id` unindexed: a scan of every task, ~70 ms per
plan at 3,000 plans). The store changes the index in step with each load, replace and remove:
the index's transaction is opened inside the store's and committed right after it (rolled back
if the store's fails). Should the two ever disagree (a crash between the two commits, a store
copied without its index), opening the store finds the plans and hashes differ and rebuilds the
index from the store's tasks. LadybugDB's own FTS extension would be downloaded at first use;
SQLite's FTS5 ships with Python.
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
    "CREATE TABLE IF NOT EXISTS plan (id TEXT PRIMARY KEY, content_hash TEXT, "
    "first_row INTEGER, last_row INTEGER)",
)
# PRAGMA user_version of an index in this shape; an index written before the row ranges (0) is
# rebuilt by the first writer that opens it (a reader only searches it, as it is).
VERSION = 1


class TaskIndex:
    def __init__(self, store_path: Path | str | None) -> None:
        """The index of the store at `store_path`; None: an index in memory only."""
        where = ":memory:" if store_path is None else f"{store_path}{SUFFIX}"
        self.conn = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
        if not self._tables():  # a new index; an existing one is left as it is until rebuilt
            self._create()

    def _tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}

    def _create(self) -> None:
        for statement in _SCHEMA:
            self.conn.execute(statement)
        self.conn.execute(f"PRAGMA user_version = {VERSION}")

    def current(self) -> bool:
        """Whether the index is in this code's shape (a writer rebuilds it when not)."""
        return self.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION

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
            for first, last in self.conn.execute(
                    "SELECT first_row, last_row FROM plan WHERE id = ?", (plan_id,)).fetchall():
                if first is not None:
                    self.conn.execute("DELETE FROM task_text WHERE rowid BETWEEN ? AND ?",
                                      (first, last))
            self.conn.execute("DELETE FROM plan WHERE id = ?", (plan_id,))

    def add(self, plan_id: str, content_hash: str | None,
            tasks: Iterable[tuple[str, str | None]]) -> None:
        """A plan's tasks as (task id, text)."""
        first, last = self._add_tasks(plan_id, tasks)
        self.conn.execute("INSERT OR REPLACE INTO plan VALUES (?, ?, ?, ?)",
                          (plan_id, content_hash, first, last))

    def _add_tasks(self, plan_id: str, tasks: Iterable[tuple[str, str | None]]
                   ) -> tuple[int | None, int | None]:
        """Write the tasks in the rows after the last one written; their first and last row."""
        last = self.conn.execute(
            "SELECT rowid FROM task_text ORDER BY rowid DESC LIMIT 1").fetchone()
        first = (last[0] if last else 0) + 1
        rows = [(first + n, tid, plan_id, folded(text or ""))
                for n, (tid, text) in enumerate(tasks)]
        if not rows:
            return None, None
        self.conn.executemany("INSERT INTO task_text (rowid, task_id, plan_id, words) "
                              "VALUES (?, ?, ?, ?)", rows)
        return first, first + len(rows) - 1

    def rebuild(self, plans: dict[str, str | None],
                tasks: Iterable[tuple[str, str, str | None]]) -> None:
        """Everything again from the store, in this code's shape: plans {id: content hash},
        tasks (id, plan, text)."""
        per_plan: dict[str, list[tuple[str, str | None]]] = {pid: [] for pid in plans}
        for tid, pid, text in tasks:
            per_plan.setdefault(pid, []).append((tid, text))
        self.begin()
        try:
            self.conn.execute("DROP TABLE IF EXISTS task_text")
            self.conn.execute("DROP TABLE IF EXISTS plan")
            self._create()
            for pid, plan_tasks in per_plan.items():
                if pid in plans:
                    self.add(pid, plans[pid], plan_tasks)
                else:  # a task whose plan the store lacks stays searchable, as it was
                    self._add_tasks(pid, plan_tasks)
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
