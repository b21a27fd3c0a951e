"""Score extracted tasks against the gold a re-laid plan states (the shared scorer's rules).

Tasks pair when the extracted text starts like the gold text (normalised, or ≥ 0.8 similar);
role edges are (task, role, agency type); `when` counts where the gold has one. The rules are
those of ../shared/tools/score_extraction.py, repeated here so that the tests run without it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

ROLES = ("lead", "support", "implementers")


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "").casefold()
    s = re.sub(r"[\u2010-\u2015\-]+", "-", s)
    s = re.sub(r"[*_“”\"'‘’]", "", s)
    s = re.sub(r"\s*-\s*", " - ", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:")


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: set, got: set) -> None:
        self.tp += len(gold & got)
        self.fp += len(got - gold)
        self.fn += len(gold - got)

    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0

    def __str__(self) -> str:
        return f"{self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def _align(gold: list[dict], got: list[dict]) -> tuple[list[tuple[dict, dict | None]], list]:
    used, pairs = set(), []
    for g in gold:
        gs = norm(g["text_start"])
        best, best_score = None, 0.0
        for i, p in enumerate(got):
            if i in used:
                continue
            head = norm(p.get("text_start") or p.get("text"))[: len(gs)]
            score = 1.0 if head == gs else difflib.SequenceMatcher(None, gs, head).ratio()
            if score > best_score:
                best, best_score = i, score
        if best is not None and best_score >= 0.8:
            used.add(best)
            pairs.append((g, got[best]))
        else:
            pairs.append((g, None))
    return pairs, [p for i, p in enumerate(got) if i not in used]


def _edges(task: dict | None, key: str) -> set:
    return {(key, role, norm(a)) for role in ROLES for a in (task or {}).get(role) or []}


def score(gold: list[dict], got: list[dict], totals: dict[str, Tally] | None = None,
          notes: list[str] | None = None) -> dict[str, Tally]:
    totals = totals if totals is not None else {n: Tally() for n in ("tasks", "edges", "when")}
    pairs, extra = _align(gold, got)
    for g, p in pairs:
        key = g["key"]
        totals["tasks"].add({key}, {key} if p else set())
        ge, pe = _edges(g, key), _edges(p, key)
        totals["edges"].add(ge, pe)
        if notes is not None:
            if p is None:
                notes.append(f"task {key} not found: {g['text_start']!r}")
            notes += [f"task {key}: missing {e[1]} {e[2]!r}" for e in sorted(ge - pe)]
            notes += [f"task {key}: extra {e[1]} {e[2]!r}" for e in sorted(pe - ge)]
        if p is not None and g.get("when"):
            ok = norm(g["when"]) == norm(p.get("when"))
            totals["when"].add({key}, {key} if ok else set())
            if notes is not None and not ok:
                notes.append(f"task {key}: when {g['when']!r} got {p.get('when')!r}")
    for p in extra:
        key = "extra:" + (p.get("text") or "")[:40]
        totals["tasks"].fp += 1
        totals["edges"].add(set(), _edges(p, key))
        if notes is not None:
            notes.append(f"extra task {p.get('key')}: {(p.get('text') or '')[:70]!r}")
    return totals
