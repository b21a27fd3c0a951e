"""`plangraph ingest` and `plangraph stats` on the sample corpus, through the command line."""

import json
import shutil

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.open import open_store
from plangraph.graph.schema import NODES, RELS
from plangraph.ingest.extract import extract_file

from .conftest import PLANS, SEEDS


def plangraph(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *map(str, args)])


def stats(db):
    result = plangraph(db, "stats", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "graph.lbdb"
    result = plangraph(db, "ingest", "--jobs", "1", PLANS)
    assert result.exit_code == 0, result.output
    return db, result


def test_the_sample_corpus_gives_five_plans_and_every_extracted_task(ingested):
    db, result = ingested
    assert "Đã nạp 5 văn bản: 5 kế hoạch" in result.stdout
    assert "Loaded 5 documents: 5 plans" in result.stdout
    counts = stats(db)
    assert counts["nodes"]["Plan"] == 5
    assert counts["nodes"]["Task"] == sum(len(extract_file(p).tasks) for p in SEEDS.values())
    assert counts["edges"]["CO_NHIEM_VU"] == counts["nodes"]["Task"]


def test_each_plan_is_in_its_province(ingested):
    with open_store(str(ingested[0]), read_only=True) as store:
        rows = store.run("MATCH (:Plan)-[:THUOC_TINH]->(p:Province) RETURN DISTINCT p.name").rows
    assert sorted(r[0] for r in rows) == ["Hà Nội", "Tiền Giang", "Trà Vinh", "Tuyên Quang"]


def test_the_table_plan_is_led_by_the_police_and_the_health_department(ingested):
    with open_store(str(ingested[0]), read_only=True) as store:
        rows = store.run("MATCH (p:Plan {file: $file})-[:CO_NHIEM_VU]->(:Task)<-[:CHU_TRI]-"
                         "(a:Agency) RETURN DISTINCT a.id",
                         {"file": SEEDS["tq2024_table"].name}).rows
    assert {"Tuyên Quang|Công an cấp tỉnh", "Tuyên Quang|Sở Y tế"} <= {r[0] for r in rows}


def test_stats_json_has_every_label_and_type(ingested):
    counts = stats(ingested[0])
    assert list(counts) == ["nodes", "edges"]
    assert list(counts["nodes"]) == [n.label for n in NODES]
    assert list(counts["edges"]) == [r.name for r in RELS]
    assert all(isinstance(n, int) for part in counts.values() for n in part.values())


def test_stats_table_shows_vietnamese_and_english_labels(ingested):
    result = plangraph(ingested[0], "stats")
    assert result.exit_code == 0
    plan_line = next(line for line in result.stdout.splitlines() if "Plan" in line)
    assert plan_line.split() == ["Kế", "hoạch", "Plan", "5"]
    assert any(line.split()[-2:] == ["CHU_TRI", str(stats(ingested[0])["edges"]["CHU_TRI"])]
               for line in result.stdout.splitlines() if "chủ trì" in line)


def test_ingesting_the_corpus_twice_changes_nothing(tmp_path):
    db = tmp_path / "g.lbdb"
    plangraph(db, "ingest", PLANS)
    first = stats(db)
    again = plangraph(db, "ingest", PLANS)
    assert again.exit_code == 0
    assert "5 văn bản thay bản đã nạp trước" in again.stdout
    assert stats(db) == first


def test_a_bad_document_is_named_and_the_others_are_loaded(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEEDS["tq2023_agency_headed"], folder)
    (folder / "scan.docx").write_bytes(bytes(range(256)) * 8)  # not a Word file
    db = tmp_path / "g.lbdb"
    result = plangraph(db, "ingest", folder)
    assert result.exit_code == 1
    assert f"{folder / 'scan.docx'}: " in result.stderr
    assert stats(db)["nodes"]["Plan"] == 1
    before = stats(db)
    result = plangraph(db, "ingest", folder / "scan.docx")
    assert result.exit_code == 1 and "scan.docx: " in result.stderr
    assert stats(db) == before


def test_extraction_on_several_processes_gives_the_same_store_and_names_failures(
        tmp_path, ingested):
    folder = tmp_path / "docs"
    shutil.copytree(PLANS, folder)
    (folder / "scan.docx").write_bytes(bytes(range(256)) * 8)  # not a Word file
    db = tmp_path / "g.lbdb"
    result = plangraph(db, "ingest", "--jobs", "2", folder)
    assert result.exit_code == 1
    assert f"{folder / 'scan.docx'}: " in result.stderr
    assert "Lỗi / failed: 1 văn bản" in result.stderr
    assert stats(db) == stats(ingested[0])  # one process, in the fixture


def test_an_edited_document_replaces_its_tasks(tmp_path):
    doc = tmp_path / SEEDS["tq2024_table"].name
    text = SEEDS["tq2024_table"].read_text(encoding="utf-8")
    doc.write_text(text, encoding="utf-8")
    db = tmp_path / "g.lbdb"
    plangraph(db, "ingest", doc)
    # the province drops the second half of its table
    lines = text.split("\n")
    doc.write_text("\n".join(lines[: len(lines) // 2]), encoding="utf-8")
    result = plangraph(db, "ingest", doc)
    assert result.exit_code == 0 and "1 văn bản thay bản đã nạp trước" in result.stdout
    counts = stats(db)
    assert counts["nodes"]["Plan"] == 1
    assert counts["nodes"]["Task"] == len(extract_file(doc).tasks)


def test_folders_are_searched_for_documents_but_not_their_readme(tmp_path):
    (tmp_path / "docs" / "2024").mkdir(parents=True)
    shutil.copy(SEEDS["hn2024_parentheses"], tmp_path / "docs" / "2024")
    (tmp_path / "docs" / "README.md").write_text("# Kế hoạch của các tỉnh\n", encoding="utf-8")
    (tmp_path / "docs" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = plangraph(tmp_path / "g.lbdb", "ingest", tmp_path / "docs")
    assert result.exit_code == 0
    assert "Đã nạp 1 văn bản" in result.stdout


def test_stats_on_a_missing_store_says_to_ingest_first(tmp_path):
    result = plangraph(tmp_path / "none.lbdb", "stats")
    assert result.exit_code == 1
    assert "plangraph ingest" in result.output
    assert not (tmp_path / "none.lbdb").exists()


def test_a_document_the_store_refuses_leaves_the_others_of_its_batch_loaded(tmp_path):
    from plangraph.commands.ingest import write
    from plangraph.graph.build import plan_rows

    a, b, c = (plan_rows(extract_file(SEEDS[k]))
               for k in ("tq2024_table", "tv2023_agency_headed", "hn2024_parentheses"))
    b.edge_rows("CHU_TRI", "Agency", "Task").append(  # an edge to an agency never written
        {"from": "Nowhere|Nobody", "to": b.nodes["Task"][0]["id"], "plan_id": "x"})
    with open_store(str(tmp_path / "g.lbdb")) as store:
        written, failed = write(store, [(tmp_path / "a.txt", a), (tmp_path / "b.txt", b),
                                        (tmp_path / "c.txt", c)])
        plans = {r[0] for r in store.run("MATCH (p:Plan) RETURN p.id").rows}
    assert [s.plan_id for s in written] == [a.nodes["Plan"][0]["id"], c.nodes["Plan"][0]["id"]]
    assert plans == {s.plan_id for s in written}
    assert failed == [f"{tmp_path / 'b.txt'}: 1 quan hệ thiếu đầu mút / edges whose end node "
                      "is missing"]


def test_documents_extracted_on_two_processes_are_written_several_a_transaction(tmp_path):
    from plangraph.commands.ingest import MIN_BATCH, extracted

    files = []
    for n in range(MIN_BATCH + 2):  # distinct copies of the sample plans
        seed = sorted(PLANS.glob("*.txt"))[n % 5]
        files.append(tmp_path / f"{n:02d}_{seed.name}")
        files[-1].write_text(seed.read_text(encoding="utf-8") + f"\nBản sao {n}\n",
                             encoding="utf-8")
    sizes = [len(batch) for batch in extracted(files, 2)]
    assert sum(sizes) == len(files)
    assert all(size >= MIN_BATCH for size in sizes[:-1]), sizes
    assert sizes[0] >= MIN_BATCH, sizes
