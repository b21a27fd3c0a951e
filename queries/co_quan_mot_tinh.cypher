// name: co_quan_mot_tinh
// question: Loại cơ quan nào chỉ được giao nhiệm vụ ở đúng một tỉnh?
// question_en: Agency types that carry obligations in only one province.
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
// order: province, agency_type
// column: agency_type | Cơ quan (loại) | agency_type
// column: province | Tỉnh / Thành phố | province
// column: leads | Chủ trì
// column: supports | Phối hợp
// column: implements | Thực hiện
// column: names | Tên như văn bản ghi
// node: agency_type | AgencyType
// node: province | Province
// edge: agency_type -> province | "chỉ có ở" | title=leads,supports,implements,names
// the task's year and plan are its own (derived at load): no hop to the plan; an agency is
// kept as soon as one of its tasks fits (EXISTS stops at the first, where scanning every role
// edge cost ~5×); each relation counted by the edges' types
// dialect: ladybug
MATCH (a:Agency)
WHERE NOT coalesce(a.type, '') IN $tap_the
  AND EXISTS { MATCH (a)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
               WHERE ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach) }
WITH a.type AS agency_type, collect(DISTINCT a.province) AS provinces
WHERE size(provinces) = 1
MATCH (a:Agency)
WHERE a.type = agency_type AND a.province IN provinces
OPTIONAL MATCH (a)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
RETURN a.type AS agency_type, a.province AS province,
       count(DISTINCT CASE WHEN label(r) = 'CHU_TRI' THEN t.id END) AS leads,
       count(DISTINCT CASE WHEN label(r) = 'PHOI_HOP' THEN t.id END) AS supports,
       count(DISTINCT CASE WHEN label(r) = 'THUC_HIEN' THEN t.id END) AS implements,
       a.names AS names
// dialect: neo4j
MATCH (a:Agency)
WHERE NOT coalesce(a.type, '') IN $tap_the
  AND EXISTS { MATCH (a)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
               WHERE ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach) }
WITH a.type AS agency_type, collect(DISTINCT a.province) AS provinces
WHERE size(provinces) = 1
MATCH (a:Agency)
WHERE a.type = agency_type AND a.province IN provinces
OPTIONAL MATCH (a)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
RETURN a.type AS agency_type, a.province AS province,
       count(DISTINCT CASE WHEN type(r) = 'CHU_TRI' THEN t.id END) AS leads,
       count(DISTINCT CASE WHEN type(r) = 'PHOI_HOP' THEN t.id END) AS supports,
       count(DISTINCT CASE WHEN type(r) = 'THUC_HIEN' THEN t.id END) AS implements,
       a.names AS names
