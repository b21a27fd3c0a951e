// name: nghia_vu_tong_hop
// question: Ma trận nghĩa vụ: ở mỗi tỉnh và mỗi năm, mỗi loại cơ quan chủ trì, phối hợp, cùng thực hiện bao nhiêu nhiệm vụ, và những thời hạn gần nhất?
// question_en: The obligations matrix: per province and year, how many tasks each agency type leads, supports and co-implements, and its nearest deadlines.
// param: co_quan | agency_type | "" | Loại cơ quan; bỏ trống: mọi loại / agency type; empty: all
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, year, total desc, agency_type
// column: agency_type | Cơ quan (loại) | agency_type
// column: province | Tỉnh / Thành phố | province
// column: year | Năm
// column: plans | Số kế hoạch
// column: leads | Chủ trì
// column: supports | Phối hợp
// column: implements | Cùng thực hiện (không nêu chủ trì)
// column: total | Tổng số nhiệm vụ
// column: deadlines | Thời hạn gần nhất | deadlines
// node: agency_type | AgencyType
// node: province | Province
// edge: agency_type -> province | "có nhiệm vụ ở" | weight=total title=year,leads,supports,implements,deadlines
// one scan of the role edges: the task's year and plan are its own (derived at load), each
// relation read from the edges' types (EXISTS subqueries per agency and task cost seconds);
// each task counted once per agency first, so that the totals need no DISTINCT (each DISTINCT
// aggregate over every role edge cost ~0.5 s at 1,000 plans)
// dialect: ladybug
MATCH (a:Agency)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE a.type IS NOT NULL AND (size($co_quan) = 0 OR a.type IN $co_quan)
  AND (size($tinh) = 0 OR a.province IN $tinh) AND ($nam = 0 OR t.year = $nam)
  AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a.type AS agency_type, a.province AS province, t.year AS year, t.plan_id AS plan_id,
     t.id AS task_id, collect(label(r)) AS roles
RETURN agency_type, province, year, count(DISTINCT plan_id) AS plans,
       count(CASE WHEN 'CHU_TRI' IN roles THEN 1 END) AS leads,
       count(CASE WHEN 'PHOI_HOP' IN roles THEN 1 END) AS supports,
       count(CASE WHEN 'THUC_HIEN' IN roles THEN 1 END) AS implements,
       count(*) AS total, collect(task_id) AS deadlines
// dialect: neo4j
MATCH (a:Agency)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE a.type IS NOT NULL AND (size($co_quan) = 0 OR a.type IN $co_quan)
  AND (size($tinh) = 0 OR a.province IN $tinh) AND ($nam = 0 OR t.year = $nam)
  AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a.type AS agency_type, a.province AS province, t.year AS year, t.plan_id AS plan_id,
     t.id AS task_id, collect(type(r)) AS roles
RETURN agency_type, province, year, count(DISTINCT plan_id) AS plans,
       count(CASE WHEN 'CHU_TRI' IN roles THEN 1 END) AS leads,
       count(CASE WHEN 'PHOI_HOP' IN roles THEN 1 END) AS supports,
       count(CASE WHEN 'THUC_HIEN' IN roles THEN 1 END) AS implements,
       count(*) AS total, collect(task_id) AS deadlines
