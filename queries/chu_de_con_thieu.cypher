// name: chu_de_con_thieu
// question: Chủ đề nào tỉnh khác có nhiệm vụ mà tỉnh này không có?
// question_en: Themes a province does not cover that other provinces do.
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, tasks_elsewhere desc, theme, theme_id
// column: province | Tỉnh thiếu chủ đề | province
// column: theme_id | Mã chủ đề | id
// column: theme | Chủ đề
// column: covered_by | Tỉnh có chủ đề này
// column: tasks_elsewhere | Số nhiệm vụ ở tỉnh khác
// node: province | Province
// node: theme_id | Theme | text=theme title=covered_by,tasks_elsewhere
// edge: province -> theme_id | "thiếu chủ đề" | title=covered_by
// themes and who covers them first, then crossed with the provinces: counted from the derived
// edge per (plan, theme) with its tasks counted (TONG_HOP_CHU_DE, written at load; ~42,600
// rows at 3,000 plans instead of 246,600 (task, theme) pairs: 3.6×), per (theme, province)
// first, then per theme; the theme's label looked up at the end
MATCH (q:Plan)-[c:TONG_HOP_CHU_DE]->(th:Theme)
WHERE $nam = 0 OR q.year = $nam
WITH th.id AS theme_id, q.province AS province, sum(c.tasks) AS n
WITH theme_id, collect(province) AS covered_by, sum(n) AS tasks
MATCH (p:Plan)
WHERE p.province IS NOT NULL AND (size($tinh) = 0 OR p.province IN $tinh)
  AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH DISTINCT p.province AS province, theme_id, covered_by, tasks
WHERE NOT province IN covered_by
MATCH (th:Theme {id: theme_id})
RETURN province, theme_id, coalesce(th.label_vi, th.id) AS theme, covered_by,
       tasks AS tasks_elsewhere
