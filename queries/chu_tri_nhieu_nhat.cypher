// name: chu_tri_nhieu_nhat
// question: Ở mỗi tỉnh, cơ quan nào chủ trì nhiều nhiệm vụ nhất?
// question_en: Which agencies lead the most tasks in each province?
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: top | int | 3 | Số hạng đầu mỗi tỉnh / ranks kept per province
// order: province, rank, agency_type
// column: province | Tỉnh / Thành phố | province
// column: rank | Hạng
// column: agency_type | Cơ quan (loại) | agency_type
// column: tasks | Số nhiệm vụ chủ trì
// column: plans | Số kế hoạch
// node: province | Province
// node: agency_type | AgencyType
// edge: agency_type -> province | CHU_TRI | weight=tasks title=tasks,plans,rank
MATCH (a:Agency)-[:CHU_TRI]->(t:Task)
WHERE $tinh = '' OR a.province = $tinh
WITH a.province AS province, a.type AS agency_type, count(DISTINCT t) AS tasks,
     count(DISTINCT t.plan_id) AS plans
MATCH (b:Agency)-[:CHU_TRI]->(u:Task)
WHERE b.province = province
WITH province, agency_type, tasks, plans, b.type AS other, count(DISTINCT u) AS other_tasks
WITH province, agency_type, tasks, plans,
     sum(CASE WHEN other_tasks > tasks THEN 1 ELSE 0 END) + 1 AS rank
WHERE rank <= $top
RETURN province, rank, agency_type, tasks, plans
