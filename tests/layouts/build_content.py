"""Snapshot the sample plans' task content for the layout generator (run once, by hand).

Reads each sample plan (examples/plans/) and its hand-written gold file (../shared/gold/, outside
the repository) and writes content.json: for every gold task its full text (as the extractor
reads it from the seed, where it scores 1.000 against gold), its agencies by type (from gold) and
its time (from gold), plus the plan's header lines (everything before its first section). The
generator re-lays this content in other layouts; the snapshot keeps the tests independent of
../shared and of later extractor changes.

    python tests/layouts/build_content.py [--gold ../shared/gold]
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

from plangraph.ingest.extract import extract_file

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PLANS = REPO / "examples" / "plans"
_SECTION = re.compile(r"^[#*\s]*(I\.|TT\t)")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s or "").casefold()
    return re.sub(r"\s+", " ", re.sub(r"[*_“”\"'‘’]", "", s)).strip(" .,;:")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold")
    args = ap.parse_args()
    plans = []
    for gold_file in sorted(args.gold.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        path = PLANS / gold["file"]
        lines = path.read_text(encoding="utf-8").split("\n")
        cut = next(i for i, line in enumerate(lines) if _SECTION.match(line))
        got = extract_file(path).to_gold()["tasks"]
        tasks = []
        for g in gold["tasks"]:
            start = _norm(g["text_start"])
            hit = next(p for p in got if _norm(p["text"]).startswith(start))
            got.remove(hit)
            tasks.append({"key": g["key"], "text": hit["text"], "lead": g["lead"],
                          "support": g["support"], "implementers": g["implementers"],
                          "when": g["when"]})
        plans.append({"file": gold["file"], "province": gold["document"]["province"],
                      "header": [line for line in lines[:cut] if line.strip()],
                      "tasks": tasks})
    out = HERE / "content.json"
    out.write_text(json.dumps(plans, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(plans)} plans, {sum(len(p['tasks']) for p in plans)} tasks")


if __name__ == "__main__":
    main()
