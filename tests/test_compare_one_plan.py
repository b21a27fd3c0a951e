"""so_sanh_hai_tinh narrowed to one plan (issue 10): Tuyên Quang has two plans in the sample
corpus; choosing its 2023 one compares that plan with all of Hà Nội's, instead of summing
Tuyên Quang's two plans against Hà Nội's one."""

import json

from click.testing import CliRunner

from plangraph.cli import main


def compare(db, *params) -> list[dict]:
    args = ["--db", db, "query", "so_sanh_hai_tinh", "-p", "a=Tuyên Quang", "-p", "b=Hà Nội",
            *params, "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    return out["rows"] if isinstance(out, dict) else out


def test_narrowing_to_one_plan_changes_the_comparison(corpus_db):
    every = compare(corpus_db)
    one = compare(corpus_db, "-p", "ke_hoach=Tháng hành động")
    in_a = lambda rows: {(r["aspect"], r["item_id"]) for r in rows if r["in_a"]}  # noqa: E731
    in_b = lambda rows: {(r["aspect"], r["item_id"]) for r in rows if r["in_b"]}  # noqa: E731
    assert in_a(one) < in_a(every)  # fewer of Tuyên Quang's items: one plan of two
    assert in_b(one) == in_b(every)  # Hà Nội keeps all of its plans
