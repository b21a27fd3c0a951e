"""`--as-of DATE`: each province and agency type shown by what bears its name or does its work
on that date (the 2025 reorganisation), the former name kept visible: "Đồng Tháp (trước: Tiền
Giang)".

Where an agency type's work was split (Sở LĐTBXH → Công an / Sở Y tế / Sở Nội vụ), a row about
one task names the one successor that took that task's work, by the task's themes
(ontology/successions.json `task_themes`), with the reason; a row that sums many tasks lists
the successors, and a note says which part each took. When the query asked for an agency type
by its current name (`-p co_quan="Sở Nội vụ"`), rows of a former type whose task went to another
successor are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plangraph.ontology.succession import agency_type_as_of, agency_type_for_task, province_as_of

if TYPE_CHECKING:
    from plangraph.graph.store import GraphStore
    from plangraph.queries.runner import QueryOutput

_THEMES = "MATCH (t:Task) WHERE t.id IN $ids RETURN t.id, t.themes"


def apply_as_of(out: QueryOutput, date: str, store: GraphStore,
                asked: dict[str, list[str]] | None = None) -> None:
    """Map the `province` and `agency_type` columns of `out` in place (see the module doc).
    `asked`: the agency-type parameters as bound (the typed type and its predecessors)."""
    kinds = [(i, out.query.kind(c)) for i, c in enumerate(out.columns)]
    kinds = [(i, k) for i, k in kinds if k in ("province", "agency_type")]
    task_col = out.columns.index("task_id") if "task_id" in out.columns else None
    themes: dict[str, list[str]] = {}
    if task_col is not None:
        ids = sorted({r[task_col] for r in out.rows if r[task_col]})
        themes = {i: list(t or []) for i, t in store.run(_THEMES, {"ids": ids}).rows}
    wanted = {a.typed for a in (asked or {}).values() if getattr(a, "typed", None)}
    explained: dict[str, str] = {}
    kept = []
    for row in out.rows:
        task = row[task_col] if task_col is not None else None
        keep = True
        for i, kind in kinds:
            value = row[i]
            if not isinstance(value, str) or not value:
                continue
            if kind == "province":
                name, changed = province_as_of(value, date)
                row[i] = f"{name} (trước: {value})" if changed else value
                continue
            if task is not None and task in themes:
                successor, why = agency_type_for_task(value, date, themes[task])
                if successor == value:
                    continue
                if wanted and successor not in wanted and value not in wanted:
                    keep = False
                shown = successor or "giải thể / abolished"
                row[i] = f"{shown} (trước: {value}; {why})"
                continue
            successors = agency_type_as_of(value, date)
            if [s.type for s in successors] == [value]:
                continue
            names = " / ".join(s.type or "giải thể / abolished" for s in successors)
            explained[value] = "; ".join(f"{s.type or '—'}: {s.scope_note}" for s in successors)
            row[i] = f"{names} (trước: {value})"
        if keep:
            kept.append(row)
    out.rows[:] = kept
    out.notes.append(f"--as-of {date}: tỉnh và cơ quan được ghi theo đơn vị kế nhiệm tại ngày "
                     "này (tên cũ trong ngoặc); cơ quan bị chia tách được gán theo từng nhiệm vụ, "
                     "theo chủ đề của nhiệm vụ / provinces and agencies shown as their successors "
                     "on that date (former name in brackets); a split body is assigned per task "
                     "by the task's themes")
    out.notes += [f"{old} → {why}" for old, why in explained.items()]
