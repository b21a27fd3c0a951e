"""`ingest` refuses a file in which it finds no plan header, no legal reference and no task
(a letter, minutes, the wrong file), unless --force: the store is left as it was."""

from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.store import open_store

MINUTES = """BIÊN BẢN
cuộc họp chi bộ tháng 3

Hôm nay, các đồng chí đảng viên có mặt đông đủ. Chủ tọa báo cáo tình hình sinh hoạt
của chi bộ; các đồng chí phát biểu ý kiến. Cuộc họp kết thúc lúc 11 giờ cùng ngày.
"""


def plans(db):
    store = open_store(str(db), read_only=True)
    try:
        return store.stats()["nodes"]["Plan"]
    finally:
        store.close()


def test_a_file_with_nothing_of_a_plan_is_refused_unless_forced(tmp_path, seeds):
    db, minutes = tmp_path / "s.lbdb", tmp_path / "bien-ban.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(minutes),
                                       str(seeds["tq2024_table"])])
    assert result.exit_code == 1
    assert "bien-ban.txt" in result.output and "--force" in result.output
    assert "no plan header, legal reference or task" in result.output
    assert plans(db) == 1  # the real plan went in, the minutes did not
    forced = CliRunner().invoke(main, ["--db", str(db), "ingest", "--force", str(minutes)])
    assert forced.exit_code == 0, forced.output
    assert plans(db) == 2
