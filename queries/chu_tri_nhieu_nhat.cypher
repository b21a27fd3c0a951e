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
// one row per (agency, plan) read, not every lead edge: DUOC_GIAO holds the tasks the agency
// leads in the plan (graph/derived.py, written at load); a type has one agency per plan and
// province, and `type_leads` counts a task once for names of no type
MATCH (a:Agency)-[d:DUOC_GIAO]->(:Plan)
WHERE d.leads > 0 AND (size($tinh) = 0 OR a.province IN $tinh) AND ($nam = 0 OR d.year = $nam)
  AND NOT coalesce(a.type, '') IN $tap_the
  AND (size($ke_hoach) = 0 OR d.plan_id IN $ke_hoach)
WITH a.province AS province, a.type AS agency_type, sum(d.type_leads) AS tasks,
     count(DISTINCT d.plan_id) AS plans, collect(DISTINCT d.year) AS years
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
