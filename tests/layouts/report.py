"""Print the extractor's scores on every re-laid form and variation (tuned and held out).

    python tests/layouts/report.py                 # table of F1 per form / variation
    python tests/layouts/report.py --form pdf_layout -v   # with the mismatches
    python tests/layouts/report.py --json          # per form: tuned and held-out totals
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relay import relaid  # noqa: E402
from score import Tally, score  # noqa: E402

from plangraph.ingest.extract import extract_file  # noqa: E402


def extract(text: str, name: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return extract_file(path).to_gold()["tasks"]


def run(forms=None, verbose=False, only_plan=None, held_out=True):
    by_form = {}
    for doc in relaid(tuple(forms) if forms else None):
        if only_plan and not doc.plan.startswith(only_plan):
            continue
        if not held_out and not doc.tuned:
            continue
        notes: list[str] = []
        t = score(doc.gold, extract(doc.text, doc.plan), notes=notes)
        part = by_form.setdefault(doc.form, {}).setdefault(
            "tuned" if doc.tuned else "held_out", {n: Tally() for n in ("tasks", "edges", "when")})
        per = by_form[doc.form].setdefault(doc.variation, {n: Tally() for n in part})
        for n in part:
            for tally in (part[n], per[n]):
                tally.tp += t[n].tp
                tally.fp += t[n].fp
                tally.fn += t[n].fn
        per["tuned"] = doc.tuned
        if verbose and notes:
            print(f"-- {doc.form} / {doc.variation} / {doc.plan}")
            for n in notes:
                print("   ", n)
    return by_form


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--form", action="append")
    ap.add_argument("--plan")
    ap.add_argument("--tuned-only", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    by_form = run(args.form, args.verbose, args.plan, not args.tuned_only)
    if args.json:
        print(json.dumps({f: {part: {n: round(t.f1, 3) for n, t in v.items() if n != "tuned"}
                              for part, v in parts.items() if part in ("tuned", "held_out")}
                          for f, parts in by_form.items()}, indent=1))
        return
    for form, parts in by_form.items():
        print(form)
        for name, v in parts.items():
            if name in ("tuned", "held_out"):
                continue
            flag = "tuned" if v["tuned"] else "HELD "
            print(f"   {flag} {name[:48]:48s} tasks {v['tasks'].f1:.3f} edges "
                  f"{v['edges'].f1:.3f} when {v['when'].f1:.3f}")
        for part in ("tuned", "held_out"):
            if part in parts:
                v = parts[part]
                print(f"   == {part:8s} tasks {v['tasks']}  edges {v['edges']}  when {v['when']}")


if __name__ == "__main__":
    main()
