"""Issue 10 "answers an analyst can trust", pinned on the sample corpus: periods read in their
plan's year, narrowing to a year and a plan, --as-of on parameters and per task, co-implementers,
empty answers that explain themselves, the obligations matrix."""

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.store import open_store
from plangraph.queries.catalog import QueryError, catalog
from plangraph.queries.periods import PeriodError, classify, parse_period
from plangraph.queries.runner import run


@pytest.fixture(scope="module")
def store(corpus_db):
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


def rows(store, name, as_of=None, **params):
    return run(store, name, params, as_of=as_of).records()


def keys(found):
    return {(r["province"], r["year"], r["task_key"]) for r in found}


# --- periods ----------------------------------------------------------------------------------

def test_quarter_ii_2023_does_not_list_the_2024_tuyen_quang_plan(store):
    found = rows(store, "nhiem_vu_theo_ky", ky="Quý II/2023")
    # "trước ngày 05/6/2023" (Tuyên Quang 2023) and "báo cáo 6 tháng trước ngày 14 tháng 6"
    # (Trà Vinh 2023: the year is the plan's)
    assert keys(found) == {("Tuyên Quang", 2023, "IV.1"), ("Trà Vinh", 2023, "IV.2")}
    assert all(r["due"].startswith("đến hạn trong kỳ") for r in found)
    tra_vinh = next(r for r in found if r["province"] == "Trà Vinh")
    assert "14/6/2023" in tra_vinh["due"] and "năm của kế hoạch" in tra_vinh["due"]


def test_the_year_2023_gives_the_five_tasks_due_in_it(store):
    found = rows(store, "nhiem_vu_theo_ky", ky="2023")
    assert keys(found) == {("Trà Vinh", 2023, "II.2.d.-2"), ("Trà Vinh", 2023, "II.2.d.-4"),
                           ("Trà Vinh", 2023, "IV.2"), ("Tuyên Quang", 2023, "IV.1"),
                           ("Tuyên Quang", 2023, "IV.2")}


def test_no_task_is_due_in_quarter_iv_2025(store):
    out = run(store, "nhiem_vu_theo_ky", {"ky": "Quý IV/2025"})
    assert out.rows == []


@pytest.mark.parametrize("typed, error", [
    ("13/2024", "no month 13"), ("Quý V/2024", "no quarter"), ("hôm qua", "not a period"),
    ("tháng 0", "no month 0"),
])
def test_impossible_periods_are_refused(store, typed, error):
    with pytest.raises(QueryError, match=error):
        run(store, "nhiem_vu_theo_ky", {"ky": typed})
    result = CliRunner().invoke(main, ["--db", store.location, "query", "nhiem_vu_theo_ky",
                                       "-p", f"ky={typed}"])
    assert result.exit_code != 0 and error in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_ranges_whole_years_and_ongoing_tasks_are_under_way_not_due(store):
    # Tuyên Quang 2024 "Quý II - IV" (item 30) is due at the end of Quý IV, under way in Quý II
    due = keys(rows(store, "nhiem_vu_theo_ky", ky="Quý II/2024"))
    assert ("Tuyên Quang", 2024, "3") in due  # "Quý II"
    assert ("Tuyên Quang", 2024, "30") not in due
    assert ("Hà Nội", 2024, "III.1.b") not in due  # "cả năm 2024"
    out = run(store, "nhiem_vu_theo_ky", {"ky": "Quý II/2024"})
    assert any("pham_vi=tat_ca" in n for n in out.notes)
    everything = {(r["province"], r["task_key"]): r["due"]
                  for r in rows(store, "nhiem_vu_theo_ky", ky="Quý II/2024", pham_vi="tat_ca")}
    assert everything[("Tuyên Quang", "30")].startswith("đang thực hiện")
    assert everything[("Hà Nội", "III.1.b")].startswith("đang thực hiện")
    assert everything[("Tuyên Quang", "1")].startswith("thường xuyên")  # "Thực hiện thường xuyên"
    assert everything[("Tuyên Quang", "3")].startswith("đến hạn")
    assert ("Tuyên Quang", 2024, "30") in keys(rows(store, "nhiem_vu_theo_ky", ky="Quý IV/2024"))
    assert keys(rows(store, "nhiem_vu_theo_ky", ky="2024")) >= {("Hà Nội", 2024, "III.1.b")}
    ongoing = rows(store, "nhiem_vu_theo_ky", ky="thường xuyên")
    assert ongoing and {r["year"] for r in ongoing} <= {2024, 2017}


def test_a_period_without_a_year_is_the_quarter_of_any_year(store):
    found = keys(rows(store, "nhiem_vu_theo_ky", ky="Quý II"))
    assert ("Tuyên Quang", 2024, "3") in found and ("Tuyên Quang", 2023, "IV.1") in found


def test_due_in_is_defined_by_the_deadline_the_text_sets():
    q2 = parse_period("quy 2/2024")
    assert classify("Q1-Q2", 2024, q2).kind == "due"
    assert classify("Q2-Q4", 2024, q2).kind == "under_way"
    assert classify("M6,M12", 2024, parse_period("Quý IV/2024")).deadline == "tháng 12/2024"
    assert classify("Q2", 2024, parse_period("Quý II/2023")) is None
    assert classify("ongoing", 2024, parse_period("2023")) is None
    with pytest.raises(PeriodError):
        parse_period("Quý II/2024 - 2025x")


# --- narrowing to a year and a plan -------------------------------------------------------------

def test_every_question_takes_a_year_and_most_a_plan():
    for q in catalog().values():
        names = {p.name for p in q.params}
        if q.name != "tim_nhiem_vu" or "nam" in names:  # tim_nhiem_vu: the store's own work
            assert "nam" in names, q.name
        if q.name not in ("so_sanh_hai_tinh", "tim_nhiem_vu"):
            assert "ke_hoach" in names, q.name


def test_two_plans_of_one_province_are_not_summed_silently(store):
    both = {r["agency_type"]: r for r in rows(store, "chu_tri_nhieu_nhat", tinh="tuyen quang")}
    police = both["Công an cấp tỉnh"]
    assert police["plans"] == 2 and sorted(police["years"]) == [2023, 2024]
    only_2024 = rows(store, "chu_tri_nhieu_nhat", tinh="tuyen quang", nam="2024")
    police_2024 = next(r for r in only_2024 if r["agency_type"] == "Công an cấp tỉnh")
    assert police_2024["years"] == [2024] and police_2024["tasks"] < police["tasks"]
    one_plan = rows(store, "nghia_vu_co_quan", co_quan="cong an", ke_hoach="Tháng hành động")
    assert one_plan and {(r["province"], r["year"]) for r in one_plan} == {("Tuyên Quang", 2023)}


def test_a_bad_year_or_plan_is_one_clear_error(store):
    with pytest.raises(QueryError, match="expects a year"):
        run(store, "chu_de_theo_tinh", {"nam": "hai nghìn"})
    with pytest.raises(QueryError, match="kế hoạch / plan"):
        run(store, "chu_de_theo_tinh", {"ke_hoach": "xyzzy"})


# --- --as-of maps parameters ------------------------------------------------------------------

def test_as_of_finds_tien_giang_under_dong_thap(store):
    found = rows(store, "chu_tri_nhieu_nhat", as_of="2026-01-01", tinh="Đồng Tháp")
    assert found and all(r["province"] == "Đồng Tháp (trước: Tiền Giang)" for r in found)
    empty = run(store, "chu_tri_nhieu_nhat", {"tinh": "Đồng Tháp"})
    assert empty.rows == [] and any(n.startswith("Đồng Tháp: chưa có kế hoạch nào trong kho")
                                    for n in empty.notes)


def test_as_of_gives_the_home_affairs_department_the_former_labour_tasks_per_task(store):
    found = rows(store, "nghia_vu_co_quan", as_of="2026-01-01", co_quan="Sở Nội vụ")
    former = [r for r in found if "trước: Sở Lao động" in r["agency_type"]]
    assert former and all(r["agency_type"].startswith("Sở Nội vụ") for r in former)
    texts = " ".join(r["task_text"].lower() for r in former)
    assert "mại dâm" not in texts
    labour = rows(store, "nghia_vu_co_quan", as_of="2026-01-01", co_quan="so ldtbxh")
    to = {r["agency_type"].split(" (")[0] for r in labour}
    assert to == {"Sở Nội vụ", "Công an cấp tỉnh", "Sở Y tế"}
    rehab = next(r for r in labour if r["agency_type"].startswith("Công an"))
    assert "Cai nghiện" in rehab["agency_type"] or "sau cai" in rehab["agency_type"]
    assert "cai nghiện" in rehab["task_text"].lower() or "sau cai" in rehab["task_text"].lower()


# --- co-implementers --------------------------------------------------------------------------

def test_the_network_counts_co_implementation_as_its_own_relation(store):
    ha_noi = rows(store, "mang_luoi_phoi_hop", tinh="ha noi", tap_the="co")
    by_relation = {}
    for r in ha_noi:
        by_relation[r["relation"]] = by_relation.get(r["relation"], 0) + 1
    assert by_relation == {"chủ trì – phối hợp": 7, "cùng thực hiện": 107}
    assert "cùng thực hiện" in catalog()["mang_luoi_phoi_hop"].question


def test_the_profile_and_the_comparison_count_co_implementation(store):
    profile = rows(store, "ho_so_co_quan", co_quan="cong an", tinh="ha noi")
    assert profile[0]["implements"] > 0
    assert "cùng thực hiện" in {r["relation"] for r in profile}
    aspects = {r["aspect"] for r in rows(store, "so_sanh_hai_tinh", a="ha noi", b="tra vinh")}
    assert {"cơ quan chủ trì", "cơ quan phối hợp", "cơ quan cùng thực hiện"} <= aspects


# --- empty answers, refusals ------------------------------------------------------------------

def test_an_empty_answer_explains_itself(store):
    out = run(store, "chu_de_theo_tinh", {"tinh": "Hà Giang"})
    assert out.rows == [] and out.notes[0].startswith("Hà Giang: chưa có kế hoạch nào trong kho")
    out = run(store, "chu_de_theo_tinh", {"nam": "2020"})
    assert out.rows == [] and "năm 2020: chưa có kế hoạch nào" in out.notes[0]


def test_comparing_a_province_with_itself_is_refused(store):
    with pytest.raises(QueryError, match="cùng một tỉnh"):
        run(store, "so_sanh_hai_tinh", {"a": "ha noi", "b": "Hà Nội"})


# --- the obligations matrix -------------------------------------------------------------------

def test_the_obligations_matrix(store):
    matrix = {(r["agency_type"], r["province"], r["year"]): r
              for r in rows(store, "nghia_vu_tong_hop")}
    police_tq = matrix[("Công an cấp tỉnh", "Tuyên Quang", 2024)]
    assert police_tq["leads"] > 0 and police_tq["total"] >= police_tq["leads"]
    assert ("Công an cấp tỉnh", "Tuyên Quang", 2023) in matrix  # years apart
    police_hn = matrix[("Công an cấp tỉnh", "Hà Nội", 2024)]
    assert police_hn["implements"] == 23
    assert police_hn["deadlines"].startswith("Quý I/2024;")  # "hoàn thành trong Quý I/2024"
    for r in matrix.values():
        assert r["total"] <= r["leads"] + r["supports"] + r["implements"]
        assert r["deadlines"].count(";") <= 2


# --- counts agree, evidence stored --------------------------------------------------------------

def test_the_ingest_summary_and_stats_give_the_same_edge_counts(tmp_path):
    from .test_queries import PLANS

    db = str(tmp_path / "s.lbdb")
    loaded = CliRunner().invoke(main, ["--db", db, "ingest", str(PLANS)])
    assert loaded.exit_code == 0, loaded.output
    stats = CliRunner().invoke(main, ["--db", db, "stats", "--format", "json"])
    import json

    edges = json.loads(stats.output)["edges"]
    line = next(x for x in loaded.stdout.splitlines() if x.startswith("Quan hệ trong kho"))
    for rel, n in edges.items():
        assert f"({rel}) {n}" in line, (rel, n, line)
    assert "LA_LOAI" in line and "KE_NHIEM" in line


def test_every_theme_edge_carries_its_evidence_keyword(store):
    rows_ = store.run("MATCH (t:Task)-[r:CO_CHU_DE]->(th:Theme) "
                      "RETURN t.text, th.id, r.keyword").rows
    assert rows_ and all(keyword for _, _, keyword in rows_)
    from plangraph.ingest.text.vntext import loose_key

    assert all(loose_key(keyword).split()[0] in loose_key(text) for text, _, keyword in rows_)
    shown = rows(store, "chu_de_theo_tinh", tinh="tra vinh")
    assert all(r["keywords"] for r in shown)


# --- RDF validates with RDFS inference ----------------------------------------------------------

@pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")
def test_rdf_export_validates_with_rdfs_inference_and_a_missing_source_still_fails(corpus_db,  # noqa: F811
                                                                                    tmp_path):
    import pyshacl
    from rdflib import RDF, Graph
    from rdflib.namespace import PROV

    from plangraph.graph.export import PG

    ontology = __import__("pathlib").Path(__file__).resolve().parent.parent / "ontology"
    path = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["--db", corpus_db, "export", "--format", "ttl",
                                       "-o", str(path)])
    assert result.exit_code == 0, result.output
    data = Graph().parse(path, format="turtle")

    def conforms(g):
        return pyshacl.validate(g, shacl_graph=str(ontology / "shapes.ttl"),
                                ont_graph=str(ontology / "plangraph.ttl"), inference="rdfs")[0]

    assert conforms(data)
    task = next(iter(data.subjects(RDF.type, PG.Task)))
    for excerpt in list(data.objects(task, PROV.wasDerivedFrom)):
        data.remove((task, PROV.wasDerivedFrom, excerpt))
    assert not conforms(data)


def test_a_cong_van_is_never_the_root_of_a_chain(store):
    chain = rows(store, "chuoi_can_cu", tinh="tra vinh")
    letter = next(r for r in chain if r["to_name"] == "2891/VPCP-KGVX")
    assert letter["to_type"] == "Công văn"
    assert letter["is_root"].startswith("không rõ căn cứ")
    roots = [r for r in rows(store, "chuoi_can_cu") if r["is_root"] == "gốc"]
    assert roots and not {r["to_type"] for r in roots} & {"Công văn", "Văn bản", "Thông báo"}
    assert {r["to_name"] for r in roots} >= {"36-CT/TW", "424/QĐ-TTg"}


def test_a_row_that_sums_tasks_shares_a_split_body_out_task_by_task(store):
    found = rows(store, "nghia_vu_tong_hop", as_of="2026-01-01", co_quan="so ldtbxh")
    assert found
    for r in found:
        assert "trước: Sở Lao động - Thương binh và Xã hội" in r["agency_type"]
        shares = r["agency_type"].split("go to: ")[1].rstrip(")")
        assert sum(int(x.rsplit(" ", 1)[1]) for x in shares.split(", ")) == r["total"]


def test_a_type_that_goes_on_keeps_its_tasks_and_a_split_without_rule_is_not_abolished(store):
    home = rows(store, "nghia_vu_co_quan", as_of="2026-01-01", co_quan="Sở Nội vụ")
    assert {r["agency_type"] for r in home if "trước" not in r["agency_type"]} == {"Sở Nội vụ"}
    assert not any("giải thể" in r["agency_type"] for r in home)
    district = rows(store, "nghia_vu_co_quan", as_of="2026-01-01", co_quan="ubnd cap huyen")
    assert district and all(r["agency_type"].startswith("Ủy ban nhân dân cấp xã / ")
                            for r in district)
