"""Deadlines as written in plans, their period codes, and matching a typed period."""

from __future__ import annotations

import pytest

from plangraph.ingest.tasks.deadlines import find_when, normalise_period, period_matches, time_label


@pytest.mark.parametrize(("written", "code"), [
    ("Quý II", "Q2"),
    ("Quý I – II", "Q1-Q2"),
    ("Quý II - IV", "Q2-Q4"),
    ("Tháng 6, 12", "M6,M12"),
    ("Tháng 11-12", "M11-M12"),
    ("cả năm 2024", "2024"),
    ("trong năm 2024", "2024"),
    ("Quý III/2024", "2024-Q3"),
    ("xong trong Quý III/2024", "2024-Q3"),
    ("hoàn thành trong Quý I/2024", "2024-Q1"),
    ("thực hiện trong quý IV năm 2023", "2023-Q4"),
    ("Thực hiện thường xuyên", "ongoing"),
    ("hằng năm", "ongoing"),
    ("trước ngày 05/6/2023", "by 2023-06-05"),
    ("tháng 6/2024", "2024-M6"),
    ("tháng 01/2024", "2024-M1"),
    ("Quý I và Tháng 6/2024", "Q1,2024-M6"),
    ("6 tháng đầu năm 2024", "2024-H1"),
    ("giai đoạn 2021 - 2025", "2021-2025"),
    ("báo cáo 6 tháng trước ngày 14 tháng 6; báo cáo năm trước ngày 14 tháng 12",
     "by --06-14,by --12-14"),
    ("đột xuất hoặc định kỳ trong năm 2024", "2024"),
])
def test_normalise_period(written, code):
    assert normalise_period(written) == code


def test_no_period_in_words_without_time():
    assert normalise_period("theo quy định") is None
    assert normalise_period(None) is None


@pytest.mark.parametrize(("code", "query"), [
    ("Q2", "Quý II"), ("Q1-Q2", "Quý II"), ("M5", "Quý II"), ("2024-Q2", "Quý II"),
    ("2024-M6", "quy 2/2024"), ("Q2", "quy 2/2024"), ("by 2023-06-05", "6/2023"),
    ("2024", "2024"), ("2021-2025", "2023"), ("2024-Q3", "2024"), ("M6,M12", "tháng 12"),
    ("ongoing", "thường xuyên"), ("by --06-14,by --12-14", "Q2"),
])
def test_period_matches(code, query):
    assert period_matches(code, query)


@pytest.mark.parametrize(("code", "query"), [
    ("Q3", "Quý II"), ("2023-Q2", "quy 2/2024"), ("2024", "Quý II"), ("ongoing", "Quý II"),
    ("Q2", "thường xuyên"), (None, "Quý II"), ("2024-M7", "6/2024"),
])
def test_period_does_not_match(code, query):
    assert not period_matches(code, query)


def test_a_query_that_names_no_period_is_an_error():
    with pytest.raises(ValueError, match="not a period"):
        period_matches("Q2", "sớm")


def test_time_label_and_deadline_phrases_from_task_text():
    assert time_label("(Đơn vị thực hiện: Công an Thành phố; Thời gian thực hiện: cả năm "
                      "2024).") == "cả năm 2024"
    assert find_when("Chủ trì tổ chức Tháng hành động phòng, chống HIV/AIDS (*thực hiện trong "
                     "quý IV năm 2023*). Tăng cường …") == "thực hiện trong quý IV năm 2023"
    assert find_when("Kế hoạch của các đơn vị gửi về Công an tỉnh (qua Phòng Tham mưu) trước "
                     "ngày 05/6/2023 để tổng hợp") == "trước ngày 05/6/2023"
    # a parenthesis citing an act is not a deadline, though it holds a date
    assert find_when("Đề án (ban hành kèm theo Quyết định số 374/QĐ-UBND ngày 05/12/2018 của "
                     "UBND tỉnh)") is None


@pytest.mark.parametrize("text, when, period", [
    ("UBND các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch của địa phương, hoàn thành "
     "trong tháng 11/2025.", "hoàn thành trong tháng 11/2025", "2025-M11"),
    ("Sở Y tế xây dựng đề án thí điểm, xong trước Quý III năm 2024.",
     "xong trước Quý III năm 2024", "by 2024-Q3"),
    ("Các huyện gửi báo cáo về Sở Lao động - Thương binh và Xã hội trước tháng 6/2024.",
     "trước tháng 6/2024", "by 2024-M6"),
    ("Rà soát, hoàn thành trước ngày 30/6/2024 việc lập danh sách.",
     "hoàn thành trước ngày 30/6/2024", "by 2024-06-30"),
    # a result reached, not a deadline
    ("Tỉnh đã hoàn thành năm 2023 các chỉ tiêu được giao.", None, None),
])
def test_deadline_phrases_inside_a_sentence(text, when, period):
    assert (find_when(text), normalise_period(find_when(text))) == (when, period)
