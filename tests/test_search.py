"""Searching task texts (graph/search.py, the stores' full-text indexes, tim_nhiem_vu): typed
without diacritics matches any, typed with diacritics matches those, several words or a quoted
part match as a phrase, and the matched words are marked in the excerpt shown."""

import json
import re

from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.search import find, highlight, parse

MARKED = re.compile(r"«([^»]*)»")


def search(corpus_db, typed, *more):
    result = CliRunner().invoke(main, ["--db", corpus_db, "query", "tim_nhiem_vu", "-p",
                                       f"tu_khoa={typed}", *more, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    return out["rows"] if isinstance(out, dict) else out


def test_words_typed_with_diacritics_match_only_those_diacritics():
    q = parse("tiền chất")
    assert find("Quản lý chặt chẽ khí N2O và tiền chất công nghiệp", q)
    for other in ("mô hình tiên tiến", "phương tiện thông tin", "đảm bảo tiến độ",
                  "tiến chất"):
        assert not find(other, q), other
    assert find("TIỀN CHẤT", q)  # case is not a diacritic
    assert find("Khánh Hoà", parse("khánh hòa"))  # nor is where the tone mark sits


def test_words_typed_without_diacritics_match_any_and_words_match_whole():
    q = parse("tien chat")
    assert find("tiền chất", q) and find("tiên chát", q)
    assert not find("tiếng chát", q) and not find("tiền chấtx", q)
    assert find("cai nghiện ma túy tự nguyện", parse("cai nghien"))


def test_several_words_and_quoted_parts_are_phrases():
    text = "Tổ chức cai nghiện ma túy tự nguyện tại gia đình và cộng đồng"
    assert find(text, parse('"ma tuy tu nguyen"'))
    assert not find(text, parse("tự nguyện ma túy"))
    assert find(text, parse('"gia đình" cai nghien'))
    assert not find(text, parse('"gia đình" cai nghien bat buoc'))


def test_the_matched_words_are_marked_in_the_excerpt():
    text = ("Tăng cường kiểm soát các hoạt động hợp pháp liên quan đến ma túy; tổng rà soát, "
            "quản lý chặt chẽ khí N₂O (“bóng cười”) và tiền chất công nghiệp từ hoạt động nhập "
            "khẩu đến lưu hành, sử dụng. Thường xuyên rà soát, thống kê số lượng, lập danh sách "
            "kiểm tra, giám sát các cơ quan, tổ chức có hoạt động hợp pháp liên quan đến ma túy.")
    shown = highlight(text, parse("tien chat"), width=80)
    assert "«tiền chất»" in shown and len(shown) < 100
    assert shown.startswith("…") and shown.endswith("…")
    assert highlight(text, parse("ma tuy")).count("«ma túy»") == 2


def test_tien_chat_finds_precursors_not_look_alikes(corpus_db):
    rows = search(corpus_db, "tiền chất")
    assert len(rows) >= 5
    for row in rows:
        assert [m.lower() for m in MARKED.findall(row["excerpt"])] == \
            ["tiền chất"] * len(MARKED.findall(row["excerpt"])) != []
        assert "tiền chất" in row["task_text"].lower()
    # "tiên tiến", "phương tiện", "tiến độ" are in the corpus but are not precursors
    for look_alike in ("tiên tiến", "phương tiện", "tiến độ"):
        assert search(corpus_db, look_alike)
        assert not any(look_alike in r["task_text"].lower() and "tiền chất" not in
                       r["task_text"].lower() for r in rows)


def test_unaccented_query_matches_every_spelling(corpus_db):
    accented = {r["task_id"] for r in search(corpus_db, "tiền chất")}
    unaccented = search(corpus_db, "tien chat")
    assert {r["task_id"] for r in unaccented} >= accented
    assert all(MARKED.search(r["excerpt"]) for r in unaccented)
    hanoi = search(corpus_db, "tien chat", "-p", "tinh=ha noi")
    assert hanoi and {r["province"] for r in hanoi} == {"Hà Nội"}


def test_a_phrase_matches_its_words_in_order(corpus_db):
    phrase = search(corpus_db, '"cai nghiện tự nguyện"')
    assert phrase
    assert all("«cai nghiện tự nguyện»" in r["excerpt"].lower() for r in phrase)
    assert {r["task_id"] for r in search(corpus_db, "cai nghien tu nguyen")} == \
        {r["task_id"] for r in phrase}
    assert search(corpus_db, "tự nguyện cai nghiện") == []
