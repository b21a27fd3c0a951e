import gc
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# Property tests check behaviour, not speed: on a loaded 2-core machine one example may take
# longer than hypothesis's default 200 ms deadline, which would fail a correct test.
settings.register_profile("plangraph", deadline=None)
settings.load_profile("plangraph")


@pytest.fixture(autouse=True)
def _collect_garbage_while_stores_are_open():
    """LadybugDB objects kept alive by reference cycles (a test's caught exception holds its
    frames) and freed only after their database was closed crash the process (segfault seen in
    CI). Collecting after each test frees them while the module's stores are still open."""
    yield
    gc.collect()

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "examples" / "plans"

# The five sample plans, by what they are (see examples/plans/README.md).
SEEDS = {
    "tq2024_table": PLANS / "000_7ff5c3280978a41d.txt",
    "tq2023_agency_headed": PLANS / "001_cadd610ea85bac60.txt",
    "tg2017_numbered": PLANS / "002_03bdb9b91671cb36.txt",
    "hn2024_parentheses": PLANS / "003_01d19c3d4aca6329.txt",
    "tv2023_agency_headed": PLANS / "004_d2e76ff14f87a60d.txt",
}


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    return SEEDS


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    """The sample store: examples/plans ingested through the CLI, once per session (its path).
    Tests only read it; a test that writes makes its own store."""
    from plangraph.cli import main

    db = tmp_path_factory.getbasetemp() / "corpus.lbdb"
    if not db.exists():
        result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(PLANS)])
        assert result.exit_code == 0, result.output
    return str(db)


def _neo4j_test_server():
    """tools/neo4j-test-server/server.py (a folder with a dash: loaded by path)."""
    import importlib.util

    path = REPO / "tools" / "neo4j-test-server" / "server.py"
    spec = importlib.util.spec_from_file_location("plangraph_neo4j_test_server", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    """A Neo4j server for live tests, its URI with credentials in it: NEO4J_URI when set
    (credentials in it or in PLANGRAPH_NEO4J_USER / PLANGRAPH_NEO4J_PASSWORD; a throwaway
    server, the tests delete plangraph's nodes there), else one real Neo4j 5 started from
    tools/neo4j-test-server for the whole session. Skips, saying why, when neither can be had;
    fails when PLANGRAPH_REQUIRE_NEO4J=1 (CI) or when a server that should start does not."""
    import os

    given = os.environ.get("NEO4J_URI")
    if given:
        yield given
        return
    server_tool = _neo4j_test_server()
    why = server_tool.missing()
    if why:
        message = f"no Neo4j server: NEO4J_URI is not set and one cannot be started ({why})"
        if os.environ.get("PLANGRAPH_REQUIRE_NEO4J") == "1":
            pytest.fail(message)
        pytest.skip(message)
    server = server_tool.Neo4jTestServer()
    try:
        server.start()
    except server_tool.ServerError as exc:
        server.stop()
        pytest.fail(f"the Neo4j test server did not start: {exc}")
    try:
        yield server.uri_with_credentials
    finally:
        server.stop()
