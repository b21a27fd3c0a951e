"""Python API for notebooks: the canned queries as DataFrames and networkx graphs.

    >>> from plangraph import api
    >>> store = api.open("plangraph.lbdb")                     # doctest: +SKIP
    >>> api.run("chu_tri_nhieu_nhat", store, tinh="tuyen quang")  # doctest: +SKIP
    >>> g = api.graph("mang_luoi_phoi_hop", store, tinh="ha noi")  # doctest: +SKIP

Without a store, each call opens the default one (PLANGRAPH_DB or ./plangraph.lbdb) read-only
and closes it afterwards. Column labels in Vietnamese are in `df.attrs["labels"]`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
import pandas as pd

from plangraph.graph.open import open_store
from plangraph.graph.store import GraphStore
from plangraph.queries import runner
from plangraph.queries.catalog import catalog

__all__ = ["graph", "list_queries", "open", "run"]


def open(location: str | None = None) -> GraphStore:
    """A read-only store: a LadybugDB directory or a neo4j:// / bolt:// URI."""
    return open_store(location, read_only=True)


def run(name: str, store: GraphStore | None = None, *, as_of: str | dt.date | None = None,
        **params: Any) -> pd.DataFrame:
    """The rows of a canned query as a DataFrame (columns are the query's keys)."""
    return _output(name, store, as_of, params).to_dataframe()


def graph(name: str, store: GraphStore | None = None, *, as_of: str | dt.date | None = None,
          **params: Any) -> nx.MultiDiGraph:
    """The nodes and edges of a canned query's result (see QueryOutput.to_graph)."""
    return _output(name, store, as_of, params).to_graph()


def list_queries() -> pd.DataFrame:
    """name, question (Vietnamese), question_en, params of every canned query."""
    return pd.DataFrame(
        [{"name": q.name, "question": q.question, "question_en": q.question_en,
          "params": ", ".join(p.name + ("" if p.required else "?") for p in q.params)}
         for q in catalog().values()])


def _output(name: str, store: GraphStore | None, as_of: Any,
            params: dict[str, Any]) -> runner.QueryOutput:
    if store is not None:
        return runner.run(store, name, params, as_of=as_of)
    own = open()
    try:
        return runner.run(own, name, params, as_of=as_of)
    finally:
        own.close()

