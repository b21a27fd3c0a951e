// name: nghia_vu_co_quan
// question: Một loại cơ quan được giao những nhiệm vụ gì ở các tỉnh (chủ trì, phối hợp, thực hiện), thời hạn ra sao?
// question_en: One agency type's obligations across provinces: tasks it leads, supports or implements, with deadlines.
// param: co_quan | agency_type | | Loại cơ quan, vd. "so y te" / agency type, e.g. "so y te"
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, plan, source, task_id, role, agency_id
// column: province | Tỉnh / Thành phố | province
// column: agency_id | Mã cơ quan | id
// column: agency_type | Cơ quan (loại) | agency_type
// column: role | Vai trò
// column: plan | Kế hoạch
// column: year | Năm
// column: task_key | Mục
// column: task_id | Mã nhiệm vụ | id
// column: task_text | Nhiệm vụ
// column: when_text | Thời hạn (văn bản)
// column: period | Kỳ | period
// column: names | Tên như văn bản ghi
// column: source | Nguồn
// node: agency_id | Agency | text=agency_type title=province,names
// node: task_id | Task | text=task_key title=plan,task_text,when_text,source
// node: province | Province
// edge: agency_id -> task_id | $role
// edge: agency_id -> province | THUOC_TINH
// the task's year and plan are its own (derived at load); the role read from the edges'
// types (EXISTS subqueries per agency and task cost seconds), grouped by the task's id rather
// than the task's node (faster); the task's text and plan read for the rows kept
// dialect: ladybug
MATCH (a:Agency)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE a.type IN $co_quan AND (size($tinh) = 0 OR a.province IN $tinh)
  AND ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a, t.id AS task_id, collect(label(r)) AS roles
WITH a, task_id, CASE WHEN 'CHU_TRI' IN roles THEN 'chủ trì'
                      WHEN 'PHOI_HOP' IN roles THEN 'phối hợp'
                      ELSE 'thực hiện' END AS role
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task {id: task_id})
RETURN a.province AS province, a.id AS agency_id, a.type AS agency_type, role,
       coalesce(p.number, p.title) AS plan, p.year AS year, t.key AS task_key, task_id,
       t.text AS task_text, t.when_text AS when_text, t.period AS period, a.names AS names,
       t.file AS file, t.line_start AS line_start, t.line_end AS line_end
// dialect: neo4j
MATCH (a:Agency)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE a.type IN $co_quan AND (size($tinh) = 0 OR a.province IN $tinh)
  AND ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a, t.id AS task_id, collect(type(r)) AS roles
WITH a, task_id, CASE WHEN 'CHU_TRI' IN roles THEN 'chủ trì'
                      WHEN 'PHOI_HOP' IN roles THEN 'phối hợp'
                      ELSE 'thực hiện' END AS role
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task {id: task_id})
RETURN a.province AS province, a.id AS agency_id, a.type AS agency_type, role,
       coalesce(p.number, p.title) AS plan, p.year AS year, t.key AS task_key, task_id,
       t.text AS task_text, t.when_text AS when_text, t.period AS period, a.names AS names,
       t.file AS file, t.line_start AS line_start, t.line_end AS line_end
