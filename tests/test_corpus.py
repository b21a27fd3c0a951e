"""The synthetic national corpus (benchmarks/corpus.py) that the speed benchmarks load."""

import importlib.util
import re
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
_spec = importlib.util.spec_from_file_location("corpus", BENCHMARKS / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("corpus", corpus)
_spec.loader.exec_module(corpus)


def header(text: str) -> tuple[str, str]:
    number = re.search(r"(?:Số:|Văn bản số)\s*(\d+/[^\s]+)", text)[1]
    date = re.search(r"ngày \d+ tháng \d+ năm \d{4}", text)[0]
    return number, date


def test_same_seed_same_corpus_and_every_copy_a_distinct_plan():
    docs = corpus.corpus(60, seed=7)
    assert docs == corpus.corpus(60, seed=7)
    assert docs != corpus.corpus(60, seed=8)
    names = [name for name, _ in docs]
    assert len(set(names)) == 60
    provinces = {name.split("_")[1] for name in names}
    assert len(provinces) > 20
    identities = {(name.split("_")[1], *header(text)) for name, text in docs}
    assert len(identities) == 60


def test_a_copy_is_reissued_by_its_province_for_its_year():
    sample = corpus.SAMPLES[3]  # Hà Nội 2024, a "thành phố" plan
    text = (corpus.PLANS / sample.file).read_text(encoding="utf-8")
    copy = corpus.reissue(text, sample, "Đà Nẵng", 2021, 57, 9, 3)
    assert "Hà Nội" not in copy
    assert "trên địa bàn thành phố Đà Nẵng năm 2021" in copy
    assert "Số: 57/KH-UBND" in copy and "Đà Nẵng, ngày 9 tháng 3 năm 2021" in copy
    # National acts keep their dates; the plan's own year moves.
    assert "Quyết định số 1452/QĐ-TTg ngày 31/8/2021" in copy
    assert "cả năm 2024" not in copy and "cả năm 2021" in copy


def test_national_acts_keep_their_year_when_the_plan_moves():
    sample = corpus.SAMPLES[2]  # Tiền Giang 2017, implementing QĐ 424/QĐ-TTg of 2017
    text = (corpus.PLANS / sample.file).read_text(encoding="utf-8")
    copy = corpus.reissue(text, sample, "Bạc Liêu", 2019, 13, 14, 10)
    assert "Quyết định số 424/QĐ-TTg ngày 07 tháng 4 năm 2017" in copy
    assert "trước ngày 25/8/2019" in copy
    assert "TRÊN ĐỊA BÀN BẠC LIÊU" in copy and "Tiền Giang" not in copy
