"""Canned queries on the sample corpus: the catalog, typed parameters, the answers, the CLI.

The corpus is ingested once per session (conftest.py's `corpus_db`). Answers are checked
against facts of the documents themselves, and every source a
row gives must point at lines that say what the row claims.
"""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.open import open_store
from plangraph.ingest.tasks.deadlines import period_matches
from plangraph.queries.catalog import QueryError, catalog, get, parse
from plangraph.queries.names import NameMatchError, pick
from plangraph.queries.runner import bind, contains_words, run

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "examples" / "plans"


@pytest.fixture(scope="module")
def store(corpus_db):
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


def count_tasks(store):
    return store.run("MATCH (t:Task) RETURN count(t)").rows[0][0]


@pytest.fixture(scope="module")
def with_tasks(store):
    assert count_tasks(store) > 200  # the sample corpus has 218 tasks


def source_text(source: str) -> str:
    """The lines a "file:12-14" source points at."""
    m = re.fullmatch(r"(.+?):(\d+)(?:-(\d+))?", source)
    assert m, source
    lines = (PLANS / m[1]).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[int(m[2]) - 1: int(m[3] or m[2])])


def says(source: str, words: str) -> bool:
    return words.casefold() in source_text(source).casefold()


# --- the catalog -------------------------------------------------------------------------

def test_the_catalog_answers_the_twelve_questions_and_the_readme_lists_every_query():
    queries = catalog()
    assert len(queries) >= 12
    for q in queries.values():
        assert q.question and q.question_en and q.columns and q.nodes
    readme = (REPO / "queries" / "README.md").read_text(encoding="utf-8")
    readme = readme.split("## The queries")[1]
    listed = set(re.findall(r"^\| `(\w+)` \|", readme, flags=re.M))
    assert listed == set(queries)


def test_names_are_found_without_diacritics():
    assert get("chu tri nhieu nhat").name == "chu_tri_nhieu_nhat"
    assert get("chuỗi căn cứ").name == "chuoi_can_cu"
    with pytest.raises(QueryError, match="plangraph queries"):
        get("khong co truy van nay")


HEADER = """// name: x
// question: Câu hỏi?
// question_en: Question?
// param: tinh | province | "" | Tỉnh
// order: province
// column: province | Tỉnh
"""


@pytest.mark.parametrize("extra, body, error", [
    ("// node: plan | Plan\n", "MATCH (p:Plan) WHERE $tinh = '' RETURN p.province AS province",
     "undeclared columns: plan"),
    ("", "MATCH (p:Plan) WHERE p.province = $tinh OR p.id = $other RETURN p.province",
     "other"),
    ("// param: n | number | 1 | số\n", "MATCH (p:Plan) WHERE $tinh = '' RETURN 1", "number"),
    ("// edge: province -> province | NOT_A_REL\n", "RETURN $tinh", "NOT_A_REL"),
    ("// dialect: ladybug\n", "RETURN $tinh", "one per dialect"),
])
def test_a_bad_header_is_refused_with_the_reason(extra, body, error):
    with pytest.raises(QueryError, match=error):
        parse(HEADER + extra + body, Path("x.cypher"))


def test_dialect_sections_give_each_store_its_own_cypher():
    q = parse(HEADER + "// dialect: ladybug\nRETURN label($tinh) AS province\n"
              "// dialect: neo4j\nRETURN type($tinh) AS province\n", Path("x.cypher"))
    assert q.cypher("ladybug").startswith("RETURN label(")
    assert q.cypher("neo4j").startswith("RETURN type(")


# --- names ---------------------------------------------------------------------------------

AGENCY_TYPES = ["Sở Y tế", "Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội",
                "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Văn hóa và Thể thao", "Ủy ban nhân dân cấp tỉnh",
                "Ủy ban nhân dân cấp huyện", "Văn phòng Ủy ban nhân dân cấp tỉnh",
                "Công an cấp tỉnh"]


@pytest.mark.parametrize("typed, found", [
    ("so y te", "Sở Y tế"),
    ("SỞ Y TẾ", "Sở Y tế"),
    ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
    ("so gd-dt", "Sở Giáo dục và Đào tạo"),
    ("Sở GD – ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("ubnd tinh", "Ủy ban nhân dân cấp tỉnh"),
    ("UBND cấp huyện", "Ủy ban nhân dân cấp huyện"),
    ("cong an", "Công an cấp tỉnh"),
    ("Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp tỉnh"),
])
def test_agency_types_are_found_as_analysts_type_them(typed, found):
    assert pick(typed, AGENCY_TYPES, what="loại cơ quan") == found


def test_an_ambiguous_name_lists_the_candidates():
    with pytest.raises(NameMatchError) as e:
        pick("uy ban nhan dan", AGENCY_TYPES, what="loại cơ quan")
    assert set(e.value.candidates) == {"Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp huyện"}
    assert "Ủy ban nhân dân cấp huyện" in str(e.value)


def test_an_unknown_name_suggests_close_ones():
    provinces = ["Hà Nội", "Tiền Giang", "Trà Vinh", "Tuyên Quang"]
    assert pick("TP. Hà Nội", provinces, what="tỉnh", ignore=["tp"]) == "Hà Nội"
    with pytest.raises(NameMatchError, match="Tiền Giang"):
        pick("tien giag", provinces, what="tỉnh")


def test_text_search_reads_several_words_as_a_phrase_case_ignored():
    text = "Tổ chức cai nghiện ma túy tự nguyện tại gia đình và cộng đồng"
    assert contains_words(text, "CAI NGHIEN ma tuy")
    assert contains_words(text, '"tự nguyện" "cộng đồng"')
    assert not contains_words(text, "cộng đồng cai nghiện")
    assert not contains_words(text, "cai nghiện tự nguyện")


# --- answers on the corpus -----------------------------------------------------------------

def rows(store, name, **params):
    return run(store, name, params).records()


def test_acts_based_on_in_several_provinces(store):
    for r in rows(store, "can_cu_truc_tiep"):
        assert r["provinces"] >= 2
    basis = {(r["act"], r["province"]): r for r in rows(store, "can_cu_truc_tiep", so_tinh="1")}
    # "Triển khai thực hiện Quyết định số 424/QĐ-TTg" (title); "Thực hiện … Quyết định số
    # 1452/QĐ-TTg" (preamble)
    for act, province in (("424/QĐ-TTg", "Tiền Giang"), ("1452/QĐ-TTg", "Hà Nội")):
        assert says(basis[act, province]["source"], act)


def test_question_3_includes_1452_for_tuyen_quang_ha_noi_and_tra_vinh(store):
    found = rows(store, "can_cu_chung")
    by_act = {}
    for r in found:
        by_act.setdefault(r["act"], set()).add(r["province"])
        assert r["relation"] in ("căn cứ", "trích dẫn")
        assert says(r["source"], r["act"].split("/")[0].split()[0])
    assert {"Tuyên Quang", "Hà Nội", "Trà Vinh"} <= by_act["1452/QĐ-TTg"]
    assert {"Hà Nội", "Trà Vinh"} <= by_act["291/QĐ-TTg"]
    assert {"Hà Nội", "Trà Vinh"} <= by_act["36-CT/TW"]
    assert all(len(provinces) >= 2 for provinces in by_act.values())
    three = {r["act"] for r in rows(store, "can_cu_chung", so_tinh="3")}
    assert "1452/QĐ-TTg" in three and "291/QĐ-TTg" not in three


def test_the_chain_from_291_reaches_the_politburo_directive_36(store):
    found = rows(store, "chuoi_can_cu", van_ban="291/qd-ttg")
    link = [r for r in found if r["from_name"] == "291/QĐ-TTg" and r["to_name"] == "36-CT/TW"]
    assert link and all(r["is_root"] and r["level"] == 1 for r in link)
    assert all(says(r["source"], "36-CT/TW") for r in link)


def test_the_chain_from_a_province_starts_at_its_plans(store):
    found = rows(store, "chuoi_can_cu", tinh="tien giang")
    first = [r for r in found if r["level"] == 1]
    assert {r["from_kind"] for r in first} == {"Plan"}
    assert "424/QĐ-TTg" in {r["to_name"] for r in first}
    assert [r["level"] for r in found] == sorted(r["level"] for r in found)
    # "Kết luận số 95-KL/TW … về tiếp tục thực hiện Chỉ thị số 21-CT/TW"
    link = rows(store, "chuoi_can_cu", van_ban="95-KL/TW")
    assert [(r["to_name"], r["relation"], r["is_root"]) for r in link] == [
        ("21-CT/TW", "tiếp tục", "gốc")]


def test_the_2021_2025_drug_programme_is_implemented_in_three_provinces(store):
    found = rows(store, "trien_khai_chuong_trinh",
                 chuong_trinh="phong chong ma tuy giai doan 2021 2025")
    assert {"Tuyên Quang", "Hà Nội", "Trà Vinh"} <= {r["province"] for r in found}
    assert all("2021" in r["programme"] for r in found)
    assert "1452/QĐ-TTg" in {r["via"] for r in found}


def test_two_provinces_side_by_side(store):
    found = rows(store, "so_sanh_hai_tinh", a="ha noi", b="tra vinh")
    cited = {r["item"]: r["presence"] for r in found if r["aspect"] == "trích dẫn"}
    assert cited["1452/QĐ-TTg"] == "cả hai"
    assert cited["13/2023/NQ-HĐND"] == "chỉ A"
    assert cited["2891/VPCP-KGVX"] == "chỉ B"


def test_agencies_lead_tasks_police_first_in_tuyen_quang(store, with_tasks):
    found = rows(store, "chu_tri_nhieu_nhat", tinh="tuyen quang")
    assert {r["province"] for r in found} == {"Tuyên Quang"}
    assert any(r["agency_type"] == "Công an cấp tỉnh" and r["rank"] == 1 for r in found)
    everywhere = rows(store, "chu_tri_nhieu_nhat", top="1")
    assert {r["province"] for r in everywhere} >= {"Tuyên Quang", "Hà Nội", "Trà Vinh"}
    assert all(r["rank"] == 1 for r in everywhere)


def test_police_obligations_and_profile_cover_every_province(store, with_tasks):
    found = rows(store, "nghia_vu_co_quan", co_quan="cong an")
    assert {r["agency_type"] for r in found} == {"Công an cấp tỉnh"}
    assert {"Tuyên Quang", "Hà Nội", "Trà Vinh", "Tiền Giang"} <= {r["province"] for r in found}
    assert {r["role"] for r in found} <= {"chủ trì", "phối hợp", "thực hiện"}
    profile = rows(store, "ho_so_co_quan", co_quan="Công an tỉnh")
    assert any(r["province"] == "Tuyên Quang" and r["leads"] > 0 for r in profile)


def test_the_coordination_network_of_tuyen_quang(store, with_tasks):
    found = rows(store, "mang_luoi_phoi_hop", tinh="tuyên quang")
    assert found and {r["province"] for r in found} == {"Tuyên Quang"}
    assert any(r["lead"] == "Công an cấp tỉnh" for r in found)
    strong = rows(store, "mang_luoi_phoi_hop", tinh="tuyên quang", toi_thieu="2")
    assert strong and all(r["shared_tasks"] >= 2 for r in strong) and len(strong) < len(found)


def test_capital_only_agencies_are_in_one_province(store, with_tasks):
    found = rows(store, "co_quan_mot_tinh")
    assert {r["province"] for r in found if r["agency_type"] == "Bộ Tư lệnh Thủ đô"} == {"Hà Nội"}
    assert len({r["agency_type"] for r in found}) == len(found)


def test_task_search_without_diacritics(store, with_tasks):
    found = rows(store, "tim_nhiem_vu", tu_khoa="CAI NGHIEN")
    assert found
    assert all(contains_words(r["task_text"], "cai nghiện") for r in found)
    assert found == rows(store, "tim_nhiem_vu", tu_khoa="cai nghiện")
    # a hostile value is data, not Cypher
    assert rows(store, "tim_nhiem_vu", tu_khoa="' OR 1=1 RETURN 1 //") == []


def test_themes_missing_in_a_province_are_covered_elsewhere(store, with_tasks):
    covered = {(r["province"], r["theme_id"]) for r in rows(store, "chu_de_theo_tinh")}
    # "Mở rộng điều trị ARV cho bệnh nhân HIV/AIDS" (000:53); "Triển khai tổng thể … đấu tranh"
    assert {("Tuyên Quang", "hiv_aids"), ("Hà Nội", "enforcement")} <= covered
    provinces = {p for p, _ in covered}
    for r in rows(store, "chu_de_con_thieu"):
        assert (r["province"], r["theme_id"]) not in covered
        assert {p for p in provinces if (p, r["theme_id"]) in covered} == set(r["covered_by"])


def test_tasks_due_in_a_period(store, with_tasks):
    # the "Tháng hành động phòng, chống ma túy" falls in June: Hà Nội writes "tháng 6/2024",
    # Tuyên Quang 2024 "Quý II"
    june = rows(store, "nhiem_vu_theo_ky", ky="6/2024")
    assert "Hà Nội" in {r["province"] for r in june}
    q2 = rows(store, "nhiem_vu_theo_ky", ky="Quý II")
    assert "Tuyên Quang" in {r["province"] for r in q2}
    for typed, found in (("6/2024", june), ("Quý II", q2)):
        assert all(period_matches(r["period"], typed) for r in found)
        assert "ongoing" not in {r["period"] for r in found}
    with pytest.raises(QueryError, match="not a period"):
        run(store, "nhiem_vu_theo_ky", {"ky": "hôm qua"})


def test_every_query_runs_and_returns_only_declared_columns(store):
    samples = {"province": "ha noi", "agency_type": "cong an", "act": "291/QĐ-TTg",
               "programme": "ma tuy", "text": "ma tuy", "period": "2024", "int": "1",
               "string": "x", "date": "2024-01-01"}
    for q in catalog().values():
        params = {p.name: samples[p.type] for p in q.params if p.required}
        if q.name == "so_sanh_hai_tinh":
            params = {"a": "ha noi", "b": "tra vinh"}
        out = run(store, q, params)
        assert set(out.columns) <= {c.key for c in q.columns}, q.name
        out.to_graph()


def test_agency_types_are_also_found_as_plans_write_them(store):
    bound = bind(get("nghia_vu_co_quan"), {"co_quan": "tinh doan"}, store)
    assert bound["co_quan"] == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh"]
    with pytest.raises(QueryError, match="Sở Văn hóa và Thể thao"):
        bind(get("nghia_vu_co_quan"), {"co_quan": "Sở Văn hóa"}, store)


@pytest.mark.parametrize("params, error", [
    ({"tinh": "hanoi"}, "Hà Nội"),
    ({"tinh": "ha noi", "top": "ba"}, "integer"),
    ({"province": "ha noi"}, "accepts: tinh, nam, ke_hoach, top"),
])
def test_bad_parameters_are_one_clear_error(store, params, error):
    with pytest.raises(QueryError, match=error):
        run(store, "chu_tri_nhieu_nhat", params)


def test_a_required_parameter_is_asked_for(store):
    with pytest.raises(QueryError, match="co_quan"):
        run(store, "nghia_vu_co_quan", {})


# --- the CLI -------------------------------------------------------------------------------

def cli(corpus_db, *args):
    return CliRunner().invoke(main, ["--db", corpus_db, *args])


def test_queries_lists_names_questions_and_params(corpus_db):
    result = cli(corpus_db, "queries", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert {q["name"] for q in listed} == set(catalog())
    nghia_vu = next(q for q in listed if q["name"] == "nghia_vu_co_quan")
    assert nghia_vu["params"][0] == {"name": "co_quan", "type": "agency_type", "required": True,
                                     "default": None, "description": nghia_vu["params"][0]
                                     ["description"]}
    table = cli(corpus_db, "queries").output
    assert "can_cu_truc_tiep" in table and "Văn bản pháp lý nào" in table


def test_query_prints_a_table_with_vietnamese_headers(corpus_db):
    result = cli(corpus_db, "query", "can-cu-chung", "--wide")  # labels unwrapped
    assert result.exit_code == 0, result.output
    assert "Văn bản" in result.output and "Tỉnh / Thành phố" in result.output
    assert "1452/QĐ-TTg" in cli(corpus_db, "query", "can cu chung").output


def test_query_as_json_csv_and_html(corpus_db, tmp_path):
    as_json = json.loads(cli(corpus_db, "query", "can_cu_chung", "--format", "json").output)
    assert as_json["query"] == "can_cu_chung"
    assert {c["key"] for c in as_json["columns"]} == set(as_json["rows"][0])
    as_csv = cli(corpus_db, "query", "can_cu_chung", "--format", "csv").output
    assert as_csv.splitlines()[0].startswith("Văn bản,Loại văn bản,")  # ids only in JSON
    page = tmp_path / "new" / "dir" / "g.html"  # folders are created, as in the README
    result = cli(corpus_db, "query", "chuoi_can_cu", "-p", "van_ban=291/QĐ-TTg",
                 "--html", str(page))
    assert result.exit_code == 0, result.output
    assert "36-CT/TW" in page.read_text(encoding="utf-8")


def test_query_errors_are_one_line(corpus_db):
    for args, text in ((["query", "nosuch"], "Không tìm thấy"),
                       (["query", "chu_tri_nhieu_nhat", "-p", "tinh"], "KEY=VALUE"),
                       (["query", "chu_tri_nhieu_nhat", "-p", "tinh=Atlantis"], "Atlantis")):
        result = cli(corpus_db, *args)
        assert result.exit_code != 0
        assert text in result.output
        assert "Traceback" not in result.output


def test_as_of_is_accepted_and_validated(corpus_db):
    assert cli(corpus_db, "query", "can_cu_truc_tiep", "--as-of", "2025-07-01").exit_code == 0
    result = cli(corpus_db, "query", "can_cu_truc_tiep", "--as-of", "mai")
    assert result.exit_code != 0 and "not a date" in result.output


def test_as_of_shows_the_2025_successors_and_keeps_the_former_names(store):
    def leads(**kw):
        out = run(store, "chu_tri_nhieu_nhat", {}, **kw)
        return {(r["province"], r["agency_type"]) for r in out.records()}

    written = leads()
    assert ("Tiền Giang", "Công an cấp tỉnh") in written
    assert not any("trước" in p or "trước" in a for p, a in written)
    # Tiền Giang merged into Đồng Tháp and Trà Vinh into Vĩnh Long on 1/7/2025 (NQ 202/2025/QH15)
    today = leads(as_of="2026-01-01")
    assert ("Đồng Tháp (trước: Tiền Giang)", "Công an cấp tỉnh") in today
    assert any(p == "Vĩnh Long (trước: Trà Vinh)" for p, _ in today)
    assert any(p == "Tuyên Quang" for p, _ in today)  # merged with Hà Giang, kept its name
    # Sở LĐTBXH's work went to Sở Nội vụ, Công an (drug rehab) and Sở Y tế from 1/3/2025
    # (a row summing its tasks says which successor took how many, by the tasks' themes)
    assert any(a.startswith("Sở Nội vụ / Công an cấp tỉnh") and
               "(trước: Sở Lao động - Thương binh và Xã hội; theo chủ đề" in a for _, a in today)
    # before the reorganisation, nothing changes
    assert leads(as_of="2025-02-01") == written


def test_an_html_file_that_cannot_be_written_is_one_line(corpus_db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli(corpus_db, "query", "can_cu_chung", "--html", str(blocker / "g.html"))
    assert result.exit_code != 0
    assert "cannot write" in result.output and "Traceback" not in result.output
