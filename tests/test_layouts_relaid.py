"""The sample plans' own tasks re-laid in the layouts other provinces use, scored against gold.

tests/layouts/relay.py writes every gold task of the five sample plans as another plan would
(a table with merged lead cells, tasks assigned by reference from section III, a table printed
by `pdftotext -layout` with page breaks inside rows, inline labels, label lines under short
items, "Giao X chủ trì", extra table columns, an appendix table), several variations each, some
held out from tuning; the gold follows from what the generator wrote. Each form's tasks and
role edges (lead / support / implementers by agency type) must stay above its minimum;
`python tests/layouts/report.py` prints the scores per variation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "layouts"))

from relay import relaid  # noqa: E402
from score import Tally, score  # noqa: E402

from plangraph.ingest.extract import extract_file  # noqa: E402

# form -> minimum F1 on tasks and on role edges (tuned and held-out variations together)
MINIMUMS = {
    "merged_lead": 0.97,
    "by_reference": 0.97,
    "pdf_layout": 0.97,
    "inline_labels": 0.97,
    "label_lines": 0.97,
    "giao": 0.97,
    "extra_columns": 0.97,
    "appendix": 0.97,
}
NOT_YET: set[str] = set()


@pytest.fixture(scope="module")
def totals(tmp_path_factory) -> dict[str, dict[str, Tally]]:
    out: dict[str, dict[str, Tally]] = {}
    tmp = tmp_path_factory.mktemp("relaid")
    for i, doc in enumerate(relaid(tuple(MINIMUMS))):
        path = tmp / f"{i:03d}_{doc.plan}"
        path.write_text(doc.text, encoding="utf-8")
        t = out.setdefault(doc.form, {n: Tally() for n in ("tasks", "edges", "when")})
        score(doc.gold, extract_file(path).to_gold()["tasks"], t)
    return out


def test_every_form_has_held_out_variations():
    docs = relaid(tuple(MINIMUMS))
    for form in MINIMUMS:
        assert {d.tuned for d in docs if d.form == form} == {True, False}, form


@pytest.mark.parametrize("form", [
    pytest.param(f, marks=pytest.mark.xfail(reason="issue 17: not read yet", strict=True))
    if f in NOT_YET else f for f in MINIMUMS])
def test_relaid_form_scores(totals, form):
    t = totals[form]
    assert t["tasks"].f1 >= MINIMUMS[form] and t["edges"].f1 >= MINIMUMS[form], \
        f"{form}: tasks {t['tasks']}, edges {t['edges']}"
