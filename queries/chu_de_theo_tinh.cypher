// name: chu_de_theo_tinh
// question: Mỗi tỉnh có bao nhiêu nhiệm vụ theo từng chủ đề?
// question_en: Themes by province: how many tasks per theme in each province?
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, tasks desc, theme, theme_id
// column: province | Tỉnh / Thành phố | province
// column: theme_id | Mã chủ đề | id
// column: theme | Chủ đề
// column: tasks | Số nhiệm vụ
// column: keywords | Từ khóa (bằng chứng)
// column: plans | Số kế hoạch
// column: years | Năm của kế hoạch
// node: province | Province
// node: theme_id | Theme | text=theme
// edge: province -> theme_id | CO_CHU_DE | weight=tasks title=tasks,keywords,plans
// a task carries its plan's id, year and province (derived at load): no hop to the plan (1.4×);
// grouped on values, the theme's label looked up after; a task has one CO_CHU_DE edge per
// theme, so count(*) counts tasks (DISTINCT nodes cost 2×)
MATCH (t:Task)-[r:CO_CHU_DE]->(th:Theme)
WHERE (size($tinh) = 0 OR t.province IN $tinh) AND ($nam = 0 OR t.year = $nam)
  AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH t.province AS province, th.id AS theme_id, count(*) AS tasks,
     collect(DISTINCT r.keyword) AS keywords, count(DISTINCT t.plan_id) AS plans,
     collect(DISTINCT t.year) AS years
MATCH (th:Theme {id: theme_id})
RETURN province, theme_id, coalesce(th.label_vi, th.id) AS theme, tasks, keywords, plans, years
