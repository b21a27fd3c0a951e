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
// one derived edge per (plan, theme) with its tasks counted (TONG_HOP_CHU_DE, written at load):
// ~42,600 rows at 3,000 plans instead of every (task, theme) pair (246,600); the plans' keyword
// lists collected once each (plans of a province repeat the same few lists: 1.5× over
// collecting every plan's) and flattened after grouping (`+ [['']]`: a group whose edges have
// no keywords is kept)
MATCH (p:Plan)-[c:TONG_HOP_CHU_DE]->(th:Theme)
WHERE (size($tinh) = 0 OR p.province IN $tinh) AND ($nam = 0 OR p.year = $nam)
  AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH p.province AS province, th.id AS theme_id, sum(c.tasks) AS tasks, count(*) AS plans,
     collect(DISTINCT p.year) AS years, collect(DISTINCT c.keywords) AS lists
UNWIND lists + [['']] AS words
UNWIND words AS word
WITH province, theme_id, tasks, plans, years,
     collect(DISTINCT CASE WHEN word <> '' THEN word END) AS keywords
MATCH (th:Theme {id: theme_id})
RETURN province, theme_id, coalesce(th.label_vi, th.id) AS theme, tasks, keywords, plans, years
