"""Which document a file is: its header or its text, never its base name.

Analysts download plans from many portals; two provinces' plans often arrive with the same
name ("KH.pdf", "ke-hoach.doc"). Loading one must not replace the other; loading the same plan
again, or a corrected copy of it, replaces it.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from plangraph.cli import main

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
TUYEN_QUANG = PLANS / "001_cadd610ea85bac60.txt"
TRA_VINH = PLANS / "004_d2e76ff14f87a60d.txt"


def plangraph(db: Path, *args):
    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def plans(db: Path) -> int:
    return json.loads(plangraph(db, "stats", "--format", "json").stdout)["nodes"]["Plan"]


def _copy(src: Path, dest: Path, edit=lambda text: text) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(edit(src.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def test_same_file_name_from_two_provinces_are_two_plans(tmp_path):
    db = tmp_path / "g.lbdb"
    plangraph(db, "ingest", _copy(TUYEN_QUANG, tmp_path / "tuyen-quang" / "KH.txt"))
    plangraph(db, "ingest", _copy(TRA_VINH, tmp_path / "tra-vinh" / "KH.txt"))
    assert plans(db) == 2
    # the same content again, from another folder and name: replaces, adds nothing
    plangraph(db, "ingest", _copy(TRA_VINH, tmp_path / "lan-2" / "ke-hoach.txt"))
    assert plans(db) == 2


def test_a_corrected_copy_replaces_the_plan(tmp_path):
    db = tmp_path / "g.lbdb"
    plangraph(db, "ingest", _copy(TRA_VINH, tmp_path / "KH.txt"))
    tasks = json.loads(plangraph(db, "stats", "--format", "json").stdout)["nodes"]["Task"]
    corrected = _copy(TRA_VINH, tmp_path / "moi" / "KH.txt",
                      lambda t: t.replace("Công an tỉnh", "Công an tỉnh Trà Vinh", 1))
    plangraph(db, "ingest", corrected)
    after = json.loads(plangraph(db, "stats", "--format", "json").stdout)["nodes"]
    assert (after["Plan"], after["Task"]) == (1, tasks)
