// name: chu_de_theo_tinh
// question: Mỗi tỉnh có bao nhiêu nhiệm vụ theo từng chủ đề?
// question_en: Themes by province: how many tasks per theme in each province?
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// order: province, tasks desc, theme, theme_id
// column: province | Tỉnh / Thành phố | province
// column: theme_id | Mã chủ đề | id
// column: theme | Chủ đề
// column: tasks | Số nhiệm vụ
// column: plans | Số kế hoạch
// node: province | Province
// node: theme_id | Theme | text=theme
// edge: province -> theme_id | CO_CHU_DE | weight=tasks title=tasks,plans
MATCH (t:Task)-[:CO_CHU_DE]->(th:Theme)
WHERE $tinh = '' OR t.province = $tinh
RETURN t.province AS province, th.id AS theme_id, coalesce(th.label_vi, th.id) AS theme,
       count(DISTINCT t) AS tasks, count(DISTINCT t.plan_id) AS plans
