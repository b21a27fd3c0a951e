"""Themes of real tasks (texts quoted from examples/plans), and why each was assigned."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.ingest.extract import extract_file
from plangraph.ingest.tasks.themes import assign_themes
from plangraph.ingest.text.vntext import strip_diacritics
from plangraph.ontology.loader import themes

# (where, task text, {theme: keyword that assigned it})
PINNED = [
    ("000:20", "Chủ động nắm tình hình, kịp thời phát hiện, triệt phá diện tích trồng cây có "
     "chứa chất ma túy tại các khu vực, địa bàn có nguy cơ cao",
     {"enforcement": "triệt phá", "crop_substitution": "trồng cây có chứa chất ma túy"}),
    ("000:24", "Triển khai chương trình điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay "
     "thế; triển khai việc cấp phát thuốc Methadone cho người bệnh mang về nhà theo quy định.",
     {"treatment_rehab": "điều trị nghiện"}),
    ("000:53", "Mở rộng điều trị ARV cho bệnh nhân HIV/AIDS; tiếp tục duy trì chất lượng điều "
     "trị, tỷ lệ bệnh nhân điều trị ARV có tải lượng virus dưới ngưỡng ức chế.",
     {"hiv_aids": "ARV"}),
    ("000:42", "Tăng cường công tác phối hợp liên ngành phòng, chống mại dâm; tổ chức các đoàn "
     "kiểm tra liên ngành về công tác phòng, chống mại dâm",
     {"prostitution": "mại dâm", "inspection_coordination": "liên ngành"}),
    ("000:29", "Sơ kết, tổng kết công tác phòng, chống ma túy năm 2024", {"reporting": "sơ kết"}),
    ("000:17", "Tăng cường kiểm soát các hoạt động hợp pháp liên quan đến ma túy; tổng rà soát, "
     "quản lý chặt chẽ khí N ₂ O (“bóng cười”) và tiền chất công nghiệp từ hoạt động nhập khẩu "
     "đến lưu hành, sử dụng. Thường xuyên rà soát, thống kê số lượng, lập danh sách kiểm tra, "
     "giám sát các cơ quan, tổ chức có hoạt động hợp pháp liên quan đến ma túy để quản lý chặt "
     "chẽ.",
     {"precursor_control": "hoạt động hợp pháp liên quan đến ma túy",
      "inspection_coordination": "kiểm tra"}),
    # "cơ quan thông tin và truyền thông" and "phóng sự điều tra" are not enforcement work,
    ("001:83", "Chỉ đạo các cơ quan thông tin và truyền thông trên địa bàn tỉnh tăng thời lượng, "
     "tần suất phát sóng tuyên truyền về phòng, chống ma túy với nhiều thể loại khác nhau (phim, "
     "phóng sự điều tra, tin, bài...), tập trung đưa tin, bài để phản ánh, truyền tải về các quy "
     "định mới của Luật Phòng, chống ma túy năm 2021 và các văn bản hướng dẫn thi hành; tác hại, "
     "hệ lụy của ma túy đối với cuộc sống, gia đình và xã hội; các tấm gương điển hình trong công "
     "tác phòng, chống ma túy; các dịch vụ, chính sách hỗ trợ cai nghiện ma túy tại gia đình, "
     "cộng đồng",
     # "các tấm gương điển hình" are role models in the news, not a local model
     {"propaganda_education": "tuyên truyền", "treatment_rehab": "cai nghiện"}),
    # "sau cai nghiện" is post-rehab management, though it contains "cai nghiện"
    ("001:123", "Chỉ đạo đẩy mạnh tuyên truyền trên hệ thống thông tin của Mặt trận Tổ quốc tỉnh "
     "về công tác phòng, chống ma túy; tổ chức tập huấn nâng cao nhận thức, kỹ năng phòng, chống "
     "ma túy; hướng dẫn và hỗ trợ xây dựng các mô hình về phòng, chống ma túy và cảm hóa, giúp đỡ "
     "người sau cai nghiện ma túy tái hòa nhập cộng đồng",
     {"propaganda_education": "tuyên truyền", "user_management": "sau cai nghiện",
      "training_capacity": "tập huấn", "community_models": "mô hình"}),
    ("003:262", "Tăng cường phối hợp, mở rộng hợp tác quốc tế trong phòng chống ma túy, tiếp tục "
     "thực hiện có trách nhiệm và hiệu quả các Công ước quốc tế, Hiệp định và Thỏa thuận song "
     "phương, đa phương về phòng, chống ma túy mà Việt Nam đã ký kết hoặc tham gia",
     {"international_cooperation": "hợp tác quốc tế"}),
    ("002:168", "Hàng năm, phối hợp với các sở, ngành có liên quan và địa phương tổng hợp dự toán "
     "kinh phí thực hiện Kế hoạch này, báo cáo Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh "
     "quyết định giao dự toán chi cho đơn vị để thực hiện",
     {"funding": "dự toán", "reporting": "báo cáo"}),
    ("003:250", "Thực hiện đánh giá phân loại tình trạng tội phạm, tệ nạn ma túy trên địa bàn "
     "từng xã, phường, thị trấn; … triển khai các nội dung xây dựng xã, phường không tệ nạn ma "
     "túy; giữ vững số xã, phường, thị trấn không có tội phạm và tệ nạn ma túy",
     {"drug_free_communes": "đánh giá phân loại"}),
    # vocational training of users is support for users, not staff training
    ("004:71", "Quan tâm đào tạo nghề cho người nghiện đang cai nghiện tại Cơ sở cai nghiện và hỗ "
     "trợ tìm việc làm sau cai nghiện tái hòa nhập cộng đồng.",
     {"treatment_rehab": "cai nghiện", "user_management": "đào tạo nghề"}),
    # the steering committee's name holds "phong trào toàn dân": it assigns nothing
    ("002:80", "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân "
     "bảo vệ an ninh Tổ quốc tỉnh giúp Ủy ban nhân dân tỉnh chỉ đạo thực hiện có hiệu quả Chương "
     "trình phòng, chống ma túy đến năm 2020", {}),
    ("004:83", "Chủ trì tổ chức Tháng hành động phòng, chống HIV/AIDS (thực hiện trong quý IV năm "
     "2023). Tăng cường các hoạt động tư vấn, xét nghiệm tự nguyện HIV, điều trị ARV, điều trị "
     "thay thế nghiện các chất dạng thuốc phiện bằng thuốc Methadone.",
     {"propaganda_education": "Tháng hành động", "treatment_rehab": "điều trị thay thế",
      "hiv_aids": "HIV"}),
]


@pytest.mark.parametrize("where, text, expected", PINNED, ids=[p[0] for p in PINNED])
def test_pinned_tasks(where, text, expected):
    assert {m.theme: m.keyword for m in assign_themes(text)} == expected


def test_themes_come_in_scheme_order_once_each():
    text = PINNED[5][1]  # two keywords of inspection_coordination, one of precursor_control
    order = [t.id for t in themes()]
    got = [m.theme for m in assign_themes(text)]
    assert got == sorted(got, key=order.index) and len(got) == len(set(got))


def test_tone_placement_case_and_punctuation_do_not_matter():
    assert [m.theme for m in assign_themes("Tổ chức TUYÊN TRUYỀN phòng chống mại dâm")] == \
        ["propaganda_education", "prostitution"]
    # 'hoà' / 'hòa' written either way
    assert assign_themes("cây trồng thay thế, xã hội hoá") == assign_themes(
        "cây trồng thay thế, xã hội hóa")
    assert {m.theme for m in assign_themes("xã hội hoá nguồn lực")} == {"funding"}


def test_text_typed_without_diacritics():
    text = PINNED[3][1]
    plain = strip_diacritics(text)
    assert [m.theme for m in assign_themes(plain)] == [m.theme for m in assign_themes(text)]


def test_words_inside_other_words_do_not_match():
    # "ARV" inside "ARVI", "HIV" inside "HIVE": not whole words
    assert assign_themes("ARVI HIVE") == []


@pytest.fixture(scope="module")
def corpus(seeds):
    return {name: extract_file(path) for name, path in seeds.items()}


def test_every_task_of_the_corpus_has_its_themes(corpus):
    n_tasks = n_themed = 0
    for extraction in corpus.values():
        for task in extraction.tasks:
            n_tasks += 1
            assert task.themes == [m.theme for m in assign_themes(task.text)]
            n_themed += bool(task.themes)
    assert n_themed >= 0.85 * n_tasks
    used = {t for x in corpus.values() for task in x.tasks for t in task.themes}
    assert used == {t.id for t in themes()}  # every theme occurs somewhere in the corpus


def test_extract_text_shows_the_keyword(seeds):
    result = CliRunner().invoke(main, ["extract", str(seeds["tq2024_table"])])
    assert result.exit_code == 0, result.output
    assert 'crop_substitution ("trồng cây có chứa chất ma túy")' in result.output
