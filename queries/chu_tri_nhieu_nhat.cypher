// name: chu_tri_nhieu_nhat
// question: Ở mỗi tỉnh, cơ quan nào chủ trì nhiều nhiệm vụ nhất?
// question_en: Which agencies lead the most tasks in each province?
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: top | int | 3 | Số hạng đầu mỗi tỉnh / ranks kept per province
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
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
WHERE ($tinh = '' OR a.province = $tinh) AND NOT coalesce(a.type, '') IN $tap_the
WITH a.province AS province, a.type AS agency_type, count(DISTINCT t) AS tasks,
     count(DISTINCT t.plan_id) AS plans
MATCH (b:Agency)-[:CHU_TRI]->(u:Task)
WHERE b.province = province AND NOT coalesce(b.type, '') IN $tap_the
WITH province, agency_type, tasks, plans, b.type AS other, count(DISTINCT u) AS other_tasks
WITH province, agency_type, tasks, plans,
     sum(CASE WHEN other_tasks > tasks THEN 1 ELSE 0 END) + 1 AS rank
WHERE rank <= $top
RETURN province, rank, agency_type, tasks, plans
