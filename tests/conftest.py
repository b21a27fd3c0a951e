from pathlib import Path

import pytest
from click.testing import CliRunner

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
