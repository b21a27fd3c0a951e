"""One law, one node (issue 10), on the sample corpus through the CLI: "Luật Phòng, chống ma
túy" cited without its year (Trà Vinh) and "… năm 2021" (Tuyên Quang, Hà Nội) are one law."""

from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.store import open_store

LAW = "Luật Phòng, chống ma túy"


def plangraph(db, *args):
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def law_rows(db) -> list[tuple[str, str]]:
    """(act shown, province) of can_cu_chung's rows for the law, from its JSON output."""
    import json

    rows = json.loads(plangraph(db, "query", "can_cu_chung", "-p", "so_tinh=1",
                                "--format", "json"))
    rows = rows["rows"] if isinstance(rows, dict) else rows
    return sorted((r["act"], r["province"]) for r in rows if r["act"].startswith(LAW))


def test_the_law_is_cited_in_three_provinces(corpus_db):
    rows = law_rows(corpus_db)
    assert rows == [(f"{LAW} năm 2021", p) for p in ("Hà Nội", "Trà Vinh", "Tuyên Quang")]
    store = open_store(corpus_db, read_only=True)
    try:
        written = store.run("MATCH (p:Plan)-[r:TRICH_DAN]->(l:LegalAct) WHERE l.name = $n "
                            "RETURN DISTINCT r.as_written", {"n": f"{LAW} năm 2021"}).rows
    finally:
        store.close()
    assert sorted(w for (w,) in written) == [LAW, f"{LAW} năm 2021"]  # both spellings kept


def test_removing_the_dated_documents_leaves_the_year_less_law_alone(tmp_path, seeds):
    db = tmp_path / "s.lbdb"
    plangraph(db, "ingest", str(seeds["tv2023_agency_headed"]), str(seeds["tq2023_agency_headed"]),
              str(seeds["hn2024_parentheses"]))
    assert [p for _, p in law_rows(db)] == ["Hà Nội", "Trà Vinh", "Tuyên Quang"]
    plangraph(db, "remove", seeds["tq2023_agency_headed"].name, seeds["hn2024_parentheses"].name)
    assert law_rows(db) == [(LAW, "Trà Vinh")]
