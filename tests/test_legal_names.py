"""Named acts and programmes in real sentences; the programme key shared across documents."""

import pytest

from plangraph.ingest.legal.named import find_named_acts
from plangraph.ingest.legal.programmes import find_programmes
from plangraph.ingest.text.identity import named_act_key, named_act_year, programme_key


def named(text, own_title=None):
    return [n.name for n in find_named_acts(text, own_title)]


def programmes(text):
    return [p.name for p in find_programmes(text)]


@pytest.mark.parametrize(
    "text, names",
    [
        ("quy định chi tiết một số điều của Luật Phòng, chống ma túy, Luật Xử lý vi phạm hành "
         "chính về cai nghiện ma túy",
         ["Luật Phòng, chống ma túy", "Luật Xử lý vi phạm hành chính"]),
        ("theo Luật Phòng, chống ma túy 2021 và các văn bản hướng dẫn thi hành",
         ["Luật Phòng, chống ma túy 2021"]),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
         "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
         ["Luật Tổ chức chính quyền địa phương", "Luật sửa đổi, bổ sung một số điều của Luật Tổ "
          "chức Chính phủ và Luật Tổ chức chính quyền địa phương"]),
        ("Căn cứ Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở "
         "người (HIV/AIDS) năm 2006 và Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống "
         "nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS) năm 2020;",
         ["Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người "
          "(HIV/AIDS) năm 2006", "Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống nhiễm vi "
          "rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS) năm 2020"]),
        ("Căn cứ Luật Phòng, chống ma túy năm 2021 và Luật Xử lý vi phạm hành chính năm 2012;",
         ["Luật Phòng, chống ma túy năm 2021", "Luật Xử lý vi phạm hành chính năm 2012"]),
        ("lãnh đạo thực hiện …; Chiến lược quốc gia phòng, chống và kiểm soát ma túy đến năm 2020 "
         "và định hướng đến năm 2030.",
         ["Chiến lược quốc gia phòng, chống và kiểm soát ma túy đến năm 2020 và định hướng đến "
          "năm 2030"]),
        ("Triển khai thực hiện có hiệu quả Công ước quốc tế về kiểm soát ma túy, các Hiệp định",
         ["Công ước quốc tế về kiểm soát ma túy"]),
        ("thực hiện có trách nhiệm các Công ước quốc tế, Hiệp định và Thỏa thuận song phương", []),
        ("xử lý theo Bộ luật Hình sự năm 2015 và Luật số 73/2021/QH14",
         ["Bộ luật Hình sự năm 2015"]),
        ("mời luật sư tham gia; Luật pháp nghiêm minh", []),
    ],
)
def test_named_acts(text, names):
    assert named(text) == names


def test_named_plans_but_not_the_document_itself():
    title = "Phòng, chống ma túy trên địa bàn thành phố Hà Nội năm 2024"
    text = ("Ủy ban nhân dân Thành phố ban hành Kế hoạch phòng, chống ma túy năm 2024 trên địa bàn "
            "Thành phố. Lồng ghép với việc thực hiện Kế hoạch phòng, chống tội phạm năm 2024 và "
            "công tác chuyên môn; Kế hoạch này; Kế hoạch triển khai thực hiện năm 2024.")
    assert named(text, title) == ["Kế hoạch phòng, chống tội phạm năm 2024"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Thực hiện có hiệu quả các nhiệm vụ thuộc “Chương trình phòng, chống ma túy giai đoạn "
         "2021 - 2025” (ban hành kèm theo Quyết định số 1452/QĐ-TTg)",
         ["Chương trình phòng, chống ma túy giai đoạn 2021 - 2025"]),
        ("Thực hiện hiệu quả Chương trình nâng cao vai trò trách nhiệm của chính quyền cơ sở trong "
         "công tác quản lý nhà nước về an ninh, trật tự trên địa bàn tỉnh đến năm 2025 (ban hành "
         "kèm theo Quyết định số 250/QĐ-UBND)",
         ["Chương trình nâng cao vai trò trách nhiệm của chính quyền cơ sở trong công tác quản lý "
          "nhà nước về an ninh, trật tự trên địa bàn tỉnh đến năm 2025"]),
        ("trình Quốc hội phê duyệt Chương trình mục tiêu Quốc gia phòng, chống, nâng cao hiệu quả "
         "công tác cai nghiện ma túy (phần nội dung",
         ["Chương trình mục tiêu Quốc gia phòng, chống, nâng cao hiệu quả công tác cai nghiện ma "
          "túy"]),
        ("về thực hiện Đề án đổi mới công tác cai nghiện ma túy đến năm 2020 trên địa bàn tỉnh.",
         ["Đề án đổi mới công tác cai nghiện ma túy đến năm 2020"]),
        ("về Chương trình công tác năm 2023 của Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm "
         "(sau đây tắt là Chương trình)",
         ["Chương trình công tác năm 2023 của Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm"]),
        ("Tiếp tục thực hiện hiệu quả Đề án “Tăng cường công tác phòng ngừa” và “Tăng cường tuyên "
         "truyền phòng, chống ma túy” trên địa bàn.",
         ["Đề án “Tăng cường công tác phòng ngừa”",
          "Đề án “Tăng cường tuyên truyền phòng, chống ma túy”"]),
        ("về triển khai, thực hiện Dự án 2 “Đấu tranh phòng, chống tội phạm về ma túy”",
         ["Dự án 2 “Đấu tranh phòng, chống tội phạm về ma túy”"]),
        ("tổng kết việc thực hiện Chương trình phòng, chống ma túy vào năm 2020.",
         ["Chương trình phòng, chống ma túy"]),
        ("Kinh phí thực hiện Chương trình phòng, chống ma túy từ ngân sách nhà nước",
         ["Chương trình phòng, chống ma túy"]),
        ("các Đề án, Dự án liên quan của Chương trình này; các Chương trình, Kế hoạch khác; "
         "triển khai chương trình điều trị Methadone; việc thực hiện Chương trình được đồng bộ; "
         "Chương trình mục tiêu của từng ngành", []),
        ("1. Cụ thể hóa các nhiệm vụ của Chương trình phù hợp với mô hình chính quyền địa "
         "phương hai cấp; giám sát việc thực hiện Chương trình ở cơ sở.", []),
        ("lồng ghép với Chương trình giảm nghèo bền vững và Chương trình hành động của Tỉnh ủy",
         ["Chương trình giảm nghèo bền vững", "Chương trình hành động của Tỉnh ủy"]),
    ],
)
def test_programmes(text, names):
    assert programmes(text) == names


def test_programme_key_unifies_wording_across_documents():
    assert programme_key("“Chương trình phòng, chống ma tuý giai đoạn 2021 - 2025”") == \
        programme_key("Chương trình Phòng, chống ma túy giai đoạn 2021-2025") == \
        "chuong trinh phong chong ma tuy giai doan 2021-2025"
    assert programme_key("Dự án 3 “Giải quyết điểm, tụ điểm”") == \
        programme_key("Dự án “Giải quyết điểm, tụ điểm”")
    assert programme_key("Chương trình phòng, chống ma túy đến năm 2020") != \
        programme_key("Chương trình phòng, chống ma túy giai đoạn 2021 - 2025")


def test_programme_key_drops_filler_words_only():
    drug = programme_key("Chương trình mục tiêu Quốc gia phòng, chống, nâng cao hiệu quả công "
                         "tác cai nghiện ma túy")
    assert drug == programme_key("Chương trình mục tiêu quốc gia về phòng, chống, nâng cao hiệu "
                                 "quả cai nghiện ma tuý")
    assert programme_key("Chương trình phòng, chống ma túy giai đoạn 2021 - 2025") != \
        programme_key("Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025")
    assert programme_key("Đề án bảo vệ trẻ em") != programme_key("Đề án trẻ em")
    assert programme_key("Chương trình công tác năm 2023 của Ủy ban Quốc gia") != \
        programme_key("Chương trình công tác năm 2024 của Ủy ban Quốc gia")


def test_named_act_key_leaves_out_a_laws_year_only():
    key = named_act_key("Luật Phòng, chống ma túy năm 2021")
    assert key == named_act_key("Luật Phòng, chống ma tuý 2021") == \
        named_act_key("Luật Phòng, chống ma túy") == "luat phong chong ma tuy"
    assert [named_act_year(n) for n in ("Luật Phòng, chống ma túy năm 2021",
                                        "Luật Phòng, chống ma túy 2000",
                                        "Luật Phòng, chống ma túy")] == [2021, 2000, None]
    strategy = "Chiến lược quốc gia phòng, chống và kiểm soát ma túy đến năm "
    assert named_act_key(strategy + "2020") != named_act_key(strategy + "2030")
    assert named_act_year(strategy + "2030") is None
