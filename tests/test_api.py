"""plangraph.api: the canned queries from a notebook, as DataFrames and networkx graphs."""

import networkx as nx
import pandas as pd
import pytest

from plangraph import api
from plangraph.queries.catalog import QueryError, catalog


@pytest.fixture(scope="module")
def store(corpus_db):
    s = api.open(corpus_db)
    yield s
    s.close()


def test_list_queries_names_every_query_with_its_question():
    listed = api.list_queries()
    assert list(listed.columns) == ["name", "question", "question_en", "params"]
    assert set(listed["name"]) == set(catalog())
    row = listed.set_index("name").loc["so_sanh_hai_tinh"]
    assert row["params"].startswith("a, b") and row["question"].startswith("So sánh hai tỉnh")


def test_run_gives_a_dataframe_with_vietnamese_labels(store):
    df = api.run("can_cu_chung", store, so_tinh=3)
    assert isinstance(df, pd.DataFrame)
    assert {"Tuyên Quang", "Hà Nội", "Trà Vinh"} <= set(df.loc[df["act"] == "1452/QĐ-TTg",
                                                               "province"])
    assert df.attrs["labels"]["province"] == "Tỉnh / Thành phố"
    assert df.attrs["question"].startswith("Văn bản pháp lý nào")


def test_graph_gives_nodes_and_edges_with_their_sources(store):
    g = api.graph("chuoi_can_cu", store, van_ban="291/QĐ-TTg")
    assert isinstance(g, nx.MultiDiGraph)
    act = next(n for n, a in g.nodes(data=True) if a["label"] == "36-CT/TW")
    assert g.nodes[act]["type"] == "LegalAct"
    (u, _, edge), *_ = g.in_edges(act, data=True)
    assert g.nodes[u]["label"] == "291/QĐ-TTg" and edge["label"] == "triển khai"
    assert any(label == "Nguồn" and ".txt:" in value for label, value in edge["title"])


def test_the_default_store_comes_from_plangraph_db(corpus_db, monkeypatch):
    monkeypatch.setenv("PLANGRAPH_DB", corpus_db)
    assert len(api.run("can_cu_truc_tiep", so_tinh=1)) > 0


def test_bad_parameters_raise_query_error(store):
    with pytest.raises(QueryError, match="so_tinh"):
        api.run("can_cu_truc_tiep", store, so_tinh="nhiều")
