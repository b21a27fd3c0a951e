"""graph/derived.py: the counts written at load (DUOC_GIAO, CUNG_LAM) are exactly the
document's own assignments, on a real-looking excerpt and on the sample plans."""

import pytest

from plangraph.graph.build import plan_rows
from plangraph.graph.open import open_store
from plangraph.ingest.models import AgencyMention, DocumentInfo, Extraction, Source, Task

FILE = "000_7ff5c3280978a41d.txt"
LEAD_SUPPORT = "chủ trì, cơ quan kia phối hợp"
SUPPORT_LEAD = "phối hợp, cơ quan kia chủ trì"


def mention(written, type_, line):
    return AgencyMention(written, type_, source=Source(FILE, line, line))


def tq_rows():
    """Rows 1, 14 and 15 of the Tuyên Quang 2024 table (chủ trì / phối hợp columns) and a
    row 16; rows 15 and 16 name two bodies that resolve to no agency type."""
    police, health = "Công an cấp tỉnh", "Sở Y tế"
    return plan_rows(Extraction(
        file=FILE,
        document=DocumentInfo(kind="Chương trình công tác", province="Tuyên Quang", year=2024,
                              title="Phòng, chống AIDS, ma tuý, mại dâm năm 2024",
                              source=Source(FILE, 3, 5)),
        tasks=[
            Task("1", "Thực hiện có hiệu quả các nhiệm vụ, dự án thuộc Chương trình phòng, "
                 "chống ma túy giai đoạn 2021 - 2025", lead=[mention("Công an tỉnh", police, 8)],
                 support=[mention("Sở Y tế", health, 8)], source=Source(FILE, 8, 9)),
            Task("14", "Tổ chức tập huấn nâng cao năng lực cho cán bộ các cơ sở y tế thực hiện "
                 "việc xác định tình trạng nghiện.", lead=[mention("Sở Y tế", health, 25)],
                 support=[mention("Công an tỉnh", police, 25)], when="Quý II/2024",
                 period="Q2", source=Source(FILE, 25, 26)),
            Task("15", "Kiểm tra các cơ sở điều trị nghiện ma túy trên địa bàn tỉnh.",
                 lead=[mention("Công an tỉnh", police, 27)],
                 support=[mention("Công an tỉnh", police, 27),
                          mention("Tổ chuyên viên liên ngành PCMT", None, 27),
                          mention("Đội kiểm tra liên ngành 178", None, 27)],
                 source=Source(FILE, 27, 28)),
            Task("16", "Rà soát, thống kê người sử dụng trái phép chất ma túy.",
                 lead=[mention("Tổ chuyên viên liên ngành PCMT", None, 29),
                       mention("Đội kiểm tra liên ngành 178", None, 29)],
                 source=Source(FILE, 29, 29)),
        ]))


def edges(rows, rel):
    return [r for e in rows.edges if e.rel == rel for r in e.rows]


def test_each_agency_counts_the_tasks_it_leads_supports_and_takes_part_in():
    rows = tq_rows()
    plan = rows.nodes["Plan"][0]
    given = {r["from"].split("|")[1]: r for r in edges(rows, "DUOC_GIAO")}
    police, health = given["Công an cấp tỉnh"], given["Sở Y tế"]
    assert (police["leads"], police["supports"], police["implements"], police["tasks"]) \
        == (2, 2, 0, 3)  # task 15 names it twice: led and supported, one task
    assert (health["leads"], health["supports"], health["tasks"]) == (1, 1, 2)
    # the ids a deadlines column reads: the tasks that set a period
    assert [t.rsplit("/", 1)[1] for t in health["dated_tasks"]] == ["14"]
    assert all(r["to"] == r["plan_id"] == plan["id"] and r["year"] == 2024
               and r["file"] == FILE for r in given.values())
    assert (police["line_start"], police["line_end"]) == (8, 28)  # its tasks' lines
    assert (health["line_start"], health["line_end"]) == (8, 26)
    # task 16 has two leads of no type: one task each, one for the group of names of no type
    untyped = [r for r in given.values() if r["from"].split("|")[1].startswith("?")]
    assert [r["leads"] for r in untyped] == [1, 1]
    assert sum(r["type_leads"] for r in untyped) == 1
    assert police["type_leads"] == police["leads"]


def test_pairs_of_agencies_keep_their_relation_on_each_shared_task():
    pairs = {(r["from"].split("|")[1], r["to"].split("|")[1], r["relation"]): r
             for r in edges(tq_rows(), "CUNG_LAM")}
    # police leads task 1 and supports task 14 with health; on task 15 it holds both roles
    assert pairs[("Công an cấp tỉnh", "Sở Y tế", LEAD_SUPPORT)]["task_keys"] == ["1"]
    assert pairs[("Công an cấp tỉnh", "Sở Y tế", SUPPORT_LEAD)]["task_keys"] == ["14"]
    assert pairs[("Sở Y tế", "Công an cấp tỉnh", LEAD_SUPPORT)]["task_keys"] == ["14"]
    assert pairs[("Sở Y tế", "Công an cấp tỉnh", SUPPORT_LEAD)]["task_keys"] == ["1"]
    assert {k for k in pairs if k[1].startswith("?")} == {
        ("Công an cấp tỉnh", "?Tổ chuyên viên liên ngành PCMT", LEAD_SUPPORT),
        ("Công an cấp tỉnh", "?Đội kiểm tra liên ngành 178", LEAD_SUPPORT),
        ("?Tổ chuyên viên liên ngành PCMT", "?Đội kiểm tra liên ngành 178", "cùng phối hợp"),
        ("?Đội kiểm tra liên ngành 178", "?Tổ chuyên viên liên ngành PCMT", "cùng phối hợp"),
        ("?Tổ chuyên viên liên ngành PCMT", "?Đội kiểm tra liên ngành 178", "cùng nhiệm vụ"),
        ("?Đội kiểm tra liên ngành 178", "?Tổ chuyên viên liên ngành PCMT", "cùng nhiệm vụ")}
    # each unnamed body shares task 15 with the police; for the group of names of no type it
    # is one task
    untyped = [r for k, r in pairs.items() if k[0] == "Công an cấp tỉnh" and k[1][0] == "?"]
    assert [r["tasks"] for r in untyped] == [1, 1]
    assert sum(r["type_tasks"] for r in untyped) == 1
    assert all(r["province"] == "Tuyên Quang" and r["year"] == 2024 for r in pairs.values())


@pytest.fixture(scope="module")
def store(corpus_db):
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


def one(store, cypher):
    return store.run(cypher).rows[0][0]


def test_the_sample_stores_counts_are_its_role_edges(store):
    for rel, prop in (("CHU_TRI", "leads"), ("PHOI_HOP", "supports"),
                      ("THUC_HIEN", "implements")):
        walked = one(store, f"MATCH (a:Agency)-[:{rel}]->(t:Task) WITH DISTINCT a.id AS a, "
                            "t.id AS t RETURN count(*)")
        assert walked > 100
        assert one(store, f"MATCH ()-[d:DUOC_GIAO]->() RETURN sum(d.{prop})") == walked
    assert one(store, "MATCH ()-[d:DUOC_GIAO]->() RETURN sum(d.tasks)") == one(
        store, "MATCH (a:Agency)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task) "
               "WITH DISTINCT a.id AS a, t.id AS t RETURN count(*)")
    walked = one(store, "MATCH (a:Agency)-[:CHU_TRI]->(t:Task)<-[:PHOI_HOP]-(b:Agency) "
                        "WHERE a.id <> b.id WITH DISTINCT a.id AS a, b.id AS b, t.id AS t "
                        "RETURN count(*)")
    assert walked > 100
    assert one(store, f"MATCH ()-[c:CUNG_LAM {{relation: '{LEAD_SUPPORT}'}}]->() "
                      "RETURN sum(c.tasks)") == walked
