// name: nhiem_vu_theo_ky
// question: Những nhiệm vụ nào đến hạn trong một kỳ (vd. Quý II/2024, tháng 6/2024, năm 2023), ở các tỉnh?
// question_en: Tasks due in a period (e.g. Quý II/2024, 6/2024, 2023) across provinces.
// param: ky | period | | Kỳ, vd. "Quý II/2024", "6/2024", "2023", "thường xuyên"; thời hạn không ghi năm tính theo năm của kế hoạch / period; a deadline without a year is read in its plan's year
// param: pham_vi | period_scope | den_han | "den_han": chỉ nhiệm vụ đến hạn trong kỳ; "tat_ca": cả nhiệm vụ đang thực hiện trong kỳ và thường xuyên / "den_han": due in the period only; "tat_ca": also under way and ongoing
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, plan, source, task_id
// column: province | Tỉnh / Thành phố | province
// column: plan_id | Mã kế hoạch | id
// column: plan | Kế hoạch
// column: year | Năm
// column: task_key | Mục
// column: task_id | Mã nhiệm vụ | id
// column: task_text | Nhiệm vụ
// column: when_text | Thời hạn (văn bản)
// column: period | Kỳ | period
// column: due | Trong kỳ này | due
// column: leads | Chủ trì
// column: others | Phối hợp / thực hiện
// column: source | Nguồn
// node: task_id | Task | text=task_key title=task_text,when_text,due,leads,source
// node: province | Province
// edge: task_id -> province | THUOC_TINH
// $ky: the period codes that fall in the period, per plan year (0: none), read by the runner
// (queries/runner.py) from the distinct (code, year) pairs; the tasks scanned once and kept
// when theirs is one (was: every task's id read, then 25,000 tasks looked up by key)
MATCH (t:Task)
WHERE t.period IS NOT NULL AND (size($tinh) = 0 OR t.province IN $tinh)
  AND ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH t
UNWIND $ky AS due
WITH t, due
WHERE coalesce(t.year, 0) = due.year AND t.period IN due.codes
// agencies collected per task alone, grouped by its id (grouping on the node costs more), the
// task and its plan looked up by key after
WITH t
OPTIONAL MATCH (a:Agency)-[:CHU_TRI]->(t)
WITH t.id AS id, collect(DISTINCT a.type) AS leads
OPTIONAL MATCH (b:Agency)-[:PHOI_HOP|THUC_HIEN]->(:Task {id: id})
WITH id, leads, collect(DISTINCT b.type) AS others
MATCH (t:Task {id: id})
MATCH (p:Plan {id: t.plan_id})
RETURN t.province AS province, p.id AS plan_id, coalesce(p.number, p.title) AS plan,
       p.year AS year, t.key AS task_key, t.id AS task_id, t.text AS task_text,
       t.when_text AS when_text, t.period AS period, '' AS due, leads,
       others, t.file AS file, t.line_start AS line_start,
       t.line_end AS line_end
