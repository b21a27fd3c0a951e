"""One order, both stores: every canned query sorts its rows by its header's `order:` columns,
which make rows unique, and the lists inside rows by their items; so the embedded store and
Neo4j print the same answer byte for byte (live comparison when a Neo4j server is there)."""

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.open import open_store
from plangraph.queries.catalog import QueryError, catalog, parse
from plangraph.queries.runner import run, sort_key, sort_rows

from .test_queries import PLANS

SAMPLES = {"province": "ha noi", "agency_type": "cong an", "act": "291/QĐ-TTg",
           "programme": "ma tuy", "text": "ma tuy", "period": "2024", "int": "1",
           "string": "x", "date": "2024-01-01"}


def variants(name):
    """Parameters to try a query with: the required ones, then one province narrowed."""
    q = catalog()[name]
    params = {p.name: SAMPLES[p.type] for p in q.params if p.required}
    if name == "so_sanh_hai_tinh":
        params = {"a": "tuyen quang", "b": "ha noi"}
    out = [params]
    if q.param("tinh") and not q.param("tinh").required:
        out.append({**params, "tinh": "tuyen quang"})
    if q.param("co_quan"):
        out.append({**params, "co_quan": "so y te"})
    return out


@pytest.fixture(scope="module")
def store(corpus_db):
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


@pytest.mark.parametrize("name", sorted(catalog()))
def test_rows_are_unique_under_the_declared_order_and_come_sorted(name, store):
    q = catalog()[name]
    for params in variants(name):
        out = run(store, q, params)
        cols = [out.columns.index(c) for c, _ in q.order]
        keys = [tuple(sort_key(row[i]) for i in cols) for row in out.rows]
        assert len(set(keys)) == len(keys), f"{name} {params}: rows tie under order: {q.order}"
        again = [list(r) for r in reversed(out.rows)]
        sort_rows(q, out.columns, again)
        assert again == out.rows, f"{name} {params}: rows not in the declared order"
        for row in out.rows:
            for v in row:
                if isinstance(v, list):
                    assert v == sorted(v, key=sort_key), f"{name}: list not sorted: {v}"


def test_the_collation_reads_vietnamese_and_numbers_as_people_do():
    words = ["Đồng Tháp", "Điện Biên", "Cà Mau", "An Giang", "Hà Nội", "Dak Lak"]
    assert sorted(words, key=sort_key) == ["An Giang", "Cà Mau", "Dak Lak", "Điện Biên",
                                           "Đồng Tháp", "Hà Nội"]
    keys = ["IV.10", "IV.2", "IV.1", "III.9"]
    assert sorted(keys, key=sort_key) == ["III.9", "IV.1", "IV.2", "IV.10"]
    sources = ["a.txt:12-14", "a.txt:9", "a.txt:100"]
    assert sorted(sources, key=sort_key) == ["a.txt:9", "a.txt:12-14", "a.txt:100"]
    # one spelling of a tone mark before the other, never a tie
    assert sort_key("hòa") != sort_key("hoà")


@pytest.mark.parametrize(("name", "params"), [("nghia_vu_co_quan", {"co_quan": "cong an"}),
                                             ("can_cu_chung", {"so_tinh": "1"}),
                                             ("tim_nhiem_vu", {"tu_khoa": "ma tuy"})])
def test_rows_sort_as_their_order_columns_compared_one_by_one(name, params, store):
    """A column of nearly distinct values (a source, a task id) only breaks the ties of the
    columns before it: the rows, shuffled, come back as comparing the order columns' sort keys
    one after the other puts them (descending numbers negated)."""
    import random

    q = catalog()[name]
    out = run(store, q, params)
    assert len(out.rows) > 20
    cols = [(out.columns.index(c), desc) for c, desc in q.order]
    assert all(isinstance(out.rows[0][i], int) for i, desc in cols if desc)

    def reference(row):
        return tuple((0, -row[i]) if desc and row[i] is not None else
                     (1,) if desc else sort_key(row[i]) for i, desc in cols)

    shuffled = [list(r) for r in out.rows]
    random.Random(9).shuffle(shuffled)
    sort_rows(q, out.columns, shuffled)
    assert shuffled == sorted(out.rows, key=reference) == out.rows


def test_descending_columns_keep_empty_values_last_and_read_text_backwards():
    q = catalog()["can_cu_chung"]  # order: provinces desc, act, act_id, province, plan, …
    columns = [c.key for c in q.columns]
    at = {c: columns.index(c) for c in ("provinces", "act", "act_id", "province", "plan")}

    def row(provinces, act, province="Hà Nội", plan="KH 1"):
        r = [None] * len(columns)
        for c, v in (("provinces", provinces), ("act", act), ("act_id", act),
                     ("province", province), ("plan", plan)):
            r[at[c]] = v
        return r

    rows = [row(None, "Luật 2"), row(2, "Luật 10"), row(12, "Luật 2"), row(2, "Luật 2"),
            row(2, "Luật 2", "Cà Mau"), row(3, None), row(2, "Luật 2", plan="KH 10"),
            row(2, "Luật 2", plan="KH 9")]
    sort_rows(q, columns, rows)
    assert [(r[at["provinces"]], r[at["act"]], r[at["province"]], r[at["plan"]])
            for r in rows] == [
        (12, "Luật 2", "Hà Nội", "KH 1"), (3, None, "Hà Nội", "KH 1"),
        (2, "Luật 2", "Cà Mau", "KH 1"), (2, "Luật 2", "Hà Nội", "KH 1"),
        (2, "Luật 2", "Hà Nội", "KH 9"), (2, "Luật 2", "Hà Nội", "KH 10"),
        (2, "Luật 10", "Hà Nội", "KH 1"), (None, "Luật 2", "Hà Nội", "KH 1")]


def test_trien_khai_chuong_trinh_has_no_ties(store):
    out = run(store, "trien_khai_chuong_trinh", {})
    shown = [tuple(map(str, r)) for r in out.rows]
    assert len(shown) > 20 and len(set(shown)) == len(shown)
    programmes = [r[out.columns.index("programme")] for r in out.rows]
    assert programmes == sorted(programmes, key=sort_key)


def test_a_query_without_an_order_is_refused(tmp_path):
    text = ("// name: x\n// question: q?\n// question_en: q?\n// column: a | A\n"
            "MATCH (p:Plan) RETURN p.id AS a\n")
    with pytest.raises(QueryError, match="order"):
        parse(text, tmp_path / "x.cypher")


# --- both stores, byte for byte -----------------------------------------------------------

@pytest.fixture(scope="module")
def neo4j_corpus(neo4j_uri):
    """The sample corpus in the session's Neo4j server (tests/conftest.py: skips without one)."""
    from .test_neo4j_live import wipe

    wipe(neo4j_uri)
    result = CliRunner().invoke(main, ["--db", neo4j_uri, "ingest", str(PLANS)])
    assert result.exit_code == 0, result.output
    return neo4j_uri


def json_answer(db, name, params):
    args = ["--db", db, "query", name, "--format", "json"]
    for k, v in params.items():
        args += ["-p", f"{k}={v}"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", sorted(catalog()))
def test_both_stores_print_the_same_json(name, corpus_db, neo4j_corpus):
    for params in variants(name):
        assert json_answer(neo4j_corpus, name, params) == json_answer(corpus_db, name, params)
