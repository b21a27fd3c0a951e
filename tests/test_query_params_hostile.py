"""Parameters never change a query's structure, and queries only read (issue 14): Cypher
injection through -p, unknown keys, wrong types, huge values and look-alike letters give a
one-line answer or error, and the store holds exactly what it held."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.store import StoreError, open_store
from plangraph.queries import names
from plangraph.queries.catalog import catalog

from .conftest import SEEDS
from .test_concurrency import HOLD

INJECTIONS = [
    "' OR 1=1 //",
    "\" OR true RETURN 1 //",
    "x'}) MATCH (n) DETACH DELETE n //",
    "Sở Y tế\"}) CREATE (:Theme {id: 'pwned'}) //",
    "$tinh",
    "`Plan`",
    "{{7*7}}",
    "x\\' OR 1=1 --",
    "; DROP TABLE Plan;",
    "CALL show_tables() RETURN *",
]
LOOK_ALIKES = ["Ѕở Y tế", "Tuуên Quang", "Sở Y tế\u200b", "ＴＵＹＥＮ ＱＵＡＮＧ", "Sở Y tế\u202e"]


def plangraph(*args):
    return CliRunner().invoke(main, [*map(str, args)])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("q") / "g.lbdb"
    assert plangraph("--db", db, "ingest", *SEEDS.values()).exit_code == 0
    return db


def snapshot(db):
    return plangraph("--db", db, "stats", "--format", "json").stdout


def string_params():
    for q in catalog().values():
        for p in q.params:
            if p.type not in ("int", "year", "collectives"):
                yield q.name, p.name


@pytest.mark.parametrize(("query", "param"), sorted(set(string_params())))
def test_injection_through_a_parameter_is_a_value_not_cypher(db, query, param):
    before = snapshot(db)
    for attack in INJECTIONS + LOOK_ALIKES:
        result = plangraph("--db", db, "query", query, "-p", f"{param}={attack}",
                           "--format", "json")
        assert result.exception is None or isinstance(result.exception, SystemExit), attack
        if result.exit_code == 0:  # matched as a value: only rows the value selects
            rows = json.loads(result.stdout)["rows"]
            assert not any("pwned" in json.dumps(r) for r in rows)
        else:
            assert result.exit_code == 1
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            assert "Traceback" not in result.output
    assert snapshot(db) == before


def test_full_text_search_reads_an_injection_as_the_words_it_contains(db):
    def rows(words):
        result = plangraph("--db", db, "query", "tim_nhiem_vu", "-p", f"tu_khoa={words}",
                           "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["rows"]

    for attack in INJECTIONS:
        assert rows(attack) == rows(" ".join(names.words(attack)) or "zzzz"), attack


FTS_SYNTAX = ['"', '"""', 'ma túy"', 'NEAR(ma tuy, 2)', 'ma* OR tuy', '^ma -tuy', 'text: ma',
              '(ma', 'AND OR NOT', 'ma \x00 tuy', "ma\ttuy\n", "*", "ma_tuy", "x" * 10_000]


def test_full_text_search_syntax_typed_by_a_user_is_never_an_error(db):
    """The task search (an index of the store) reads operators, quotes and stars of the
    index's own syntax as text: an answer, never an index syntax error."""
    for typed in FTS_SYNTAX:
        result = plangraph("--db", db, "query", "tim_nhiem_vu", "-p", f"tu_khoa={typed}",
                           "--format", "json")
        assert result.exit_code == 0, (typed, result.output)
        assert isinstance(json.loads(result.stdout)["rows"], list)


@pytest.mark.parametrize("given", [
    ["-p", "khong_co=1"], ["-p", "top=abc"], ["-p", "top=1e400"], ["-p", "top=" + "9" * 400],
    ["-p", "top=-1"], ["-p", "nam=MMXXIV"], ["-p", "nam=" + "2" * 100], ["-p", "tap_the=maybe"],
    ["-p", "tinh=" + "a" * 1_000_000], ["-p", "=x"], ["-p", "top"],
])
def test_unknown_keys_wrong_types_and_huge_values_get_one_line(db, given):
    result = plangraph("--db", db, "query", "chu_tri_nhieu_nhat", *given)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code:
        assert result.exit_code in (1, 2)
        assert len([ln for ln in result.stderr.splitlines() if ln.startswith("Error")]) == 1


def test_a_query_store_refuses_to_write(db):
    with open_store(str(db), read_only=True) as store:
        with pytest.raises(StoreError):
            store.run("CREATE (:Theme {id: 'pwned', label_vi: 'x', label_en: 'x'})")
        with pytest.raises(StoreError):
            store.run("MATCH (n:Plan) DETACH DELETE n")
        assert store.run("MATCH (p:Plan) RETURN count(p)").rows == [[5]]


def test_queries_run_while_a_writer_holds_the_store(db):
    # another process holds the writer lock (one process opening a file twice is unsafe)
    hold = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE,
                            text=True)
    try:
        assert hold.stdout.readline().strip() == "ready"
        result = plangraph("--db", db, "query", "chu_tri_nhieu_nhat", "--format", "json")
    finally:
        hold.kill()
        hold.wait()
    assert result.exit_code == 0, result.output
