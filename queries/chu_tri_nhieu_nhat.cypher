// name: chu_tri_nhieu_nhat
// question: Ở mỗi tỉnh, cơ quan nào chủ trì nhiều nhiệm vụ nhất?
// question_en: Which agencies lead the most tasks in each province?
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// param: top | int | 3 | Số hạng đầu mỗi tỉnh / ranks kept per province
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
// order: province, rank, agency_type
// column: province | Tỉnh / Thành phố | province
// column: rank | Hạng
// column: agency_type | Cơ quan (loại) | agency_type
// column: tasks | Số nhiệm vụ chủ trì
// column: plans | Số kế hoạch
// column: years | Năm của kế hoạch
// node: province | Province
// node: agency_type | AgencyType
// edge: agency_type -> province | CHU_TRI | weight=tasks title=tasks,plans,rank
// the task's year and plan are its own (derived at load): no hop to the plan
MATCH (a:Agency)-[:CHU_TRI]->(t:Task)
WHERE (size($tinh) = 0 OR a.province IN $tinh) AND ($nam = 0 OR t.year = $nam)
  AND NOT coalesce(a.type, '') IN $tap_the
  AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a.province AS province, a.type AS agency_type, count(DISTINCT t) AS tasks,
     count(DISTINCT t.plan_id) AS plans, collect(DISTINCT t.year) AS years
// ranked among the province's groups counted above (matching every lead edge again for each
// group cost seconds); a group without a province has no rank
WITH province, collect({agency_type: agency_type, tasks: tasks, plans: plans, years: years})
     AS groups
WHERE province IS NOT NULL
UNWIND groups AS g
UNWIND groups AS other
WITH province, g, sum(CASE WHEN other.tasks > g.tasks THEN 1 ELSE 0 END) + 1 AS rank
WHERE rank <= $top
RETURN province, rank, g.agency_type AS agency_type, g.tasks AS tasks, g.plans AS plans,
       g.years AS years
