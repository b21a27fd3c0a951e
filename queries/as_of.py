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
_AGENCY_TASKS = ("MATCH (a:Agency)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)"
                 "<-[:CO_NHIEM_VU]-(p:Plan) WHERE a.type = $type AND a.province = $province "
                 "AND ($year = 0 OR p.year = $year) AND (size($plans) = 0 OR p.id IN $plans) "
                 "RETURN DISTINCT t.id, t.themes")


def apply_as_of(out: QueryOutput, date: str, store: GraphStore,
                asked: dict[str, list[str]] | None = None,
                narrowed: tuple[int, list[str]] = (0, [])) -> None:
    """Map the `province` and `agency_type` columns of `out` in place (see the module doc).
    `asked`: the agency-type parameters as bound (the typed type and its predecessors);
    `narrowed`: the year and plan ids the query was narrowed to (0, []: none)."""
    kinds = [(i, out.query.kind(c)) for i, c in enumerate(out.columns)]
    kinds = [(i, k) for i, k in kinds if k in ("province", "agency_type")]
    task_col = out.columns.index("task_id") if "task_id" in out.columns else None
    themes: dict[str, list[str]] = {}
    if task_col is not None:
        ids = sorted({r[task_col] for r in out.rows if r[task_col]})
        themes = {i: list(t or []) for i, t in store.run(_THEMES, {"ids": ids}).rows}
    wanted = {t for a in (asked or {}).values() if (t := getattr(a, "typed", None))}
    explained: dict[str, str] = {}
    kept = []
    province_col = next((i for i, k in kinds if k == "province"), None)
    year_col = out.columns.index("year") if "year" in out.columns else None
    for row in out.rows:
        task = row[task_col] if task_col is not None else None
        province = row[province_col] if province_col is not None else None
        year = row[year_col] if year_col is not None and isinstance(row[year_col], int) \
            else narrowed[0]
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
                if wanted and value not in wanted and \
                        not wanted & set((successor or "").split(" / ")):
                    keep = False
                shown = successor or "giải thể / abolished"
                row[i] = f"{shown} (trước: {value}; {why})"
                continue
            successors = agency_type_as_of(value, date)
            if [s.type for s in successors] == [value]:
                continue
            if len(successors) > 1 and isinstance(province, str):
                split = _split_by_task(store, value, province, date, year, narrowed[1])
                if split:
                    row[i] = (" / ".join(s.type or "giải thể / abolished" for s in successors)
                              + f" (trước: {value}; {split})")
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


def _split_by_task(store: GraphStore, agency_type: str, province: str, date: str, year: int,
                   plans: list[str]) -> str:
    """How the tasks of a split body in a province (and year, plans) are shared out, each task
    to the successor its themes send it to: for a row that sums tasks."""
    counts: dict[str, int] = {}
    found = store.run(_AGENCY_TASKS, {"type": agency_type, "province": province,
                                      "year": year or 0, "plans": list(plans)}).rows
    for _, task_themes in found:
        successor, _ = agency_type_for_task(agency_type, date, list(task_themes or []))
        key = successor or "giải thể / abolished"
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return ""
    shares = ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return (f"theo chủ đề, {len(found)} nhiệm vụ của cơ quan này ở tỉnh chia cho / by theme, "
            f"its {len(found)} tasks in the province go to: {shares}")
