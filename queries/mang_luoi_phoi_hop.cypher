// name: mang_luoi_phoi_hop
// question: Trong một tỉnh, những cơ quan nào cùng làm nhiệm vụ với nhau, bao nhiêu nhiệm vụ chung? Tính hai quan hệ: chủ trì – phối hợp, và cùng thực hiện (nhiệm vụ giao cho nhiều đơn vị thực hiện, không nêu chủ trì).
// question_en: Coordination network in a province: which agencies work together on tasks, weighted by shared tasks. Two relations are counted: lead – support, and co-implementation (a task given to several implementers with no lead).
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: toi_thieu | int | 1 | Số nhiệm vụ chung tối thiểu / at least this many shared tasks
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
// order: province, relation, shared_tasks desc, lead, support, lead_id, support_id
// column: province | Tỉnh / Thành phố | province
// column: relation | Quan hệ
// column: lead_id | Mã cơ quan thứ nhất | id
// column: lead | Cơ quan chủ trì (hoặc cùng thực hiện) | agency_type
// column: support_id | Mã cơ quan thứ hai | id
// column: support | Cơ quan phối hợp (hoặc cùng thực hiện) | agency_type
// column: shared_tasks | Số nhiệm vụ chung
// column: plans | Kế hoạch
// column: years | Năm
// column: task_keys | Các mục
// node: lead_id | Agency | text=lead title=province
// node: support_id | Agency | text=support title=province
// edge: lead_id -> support_id | $relation | weight=shared_tasks title=relation,shared_tasks,task_keys
// one row per (agency pair, plan) read, not every role edge: CUNG_LAM holds, per plan, the tasks
// two agencies share and the relation between them there (graph/derived.py, written at load):
// "chủ trì, cơ quan kia phối hợp": a leads and b supports; "cùng thực hiện": both implement
// (and neither leads where the other supports); a pair's tasks in two plans are two tasks;
// the keys: each distinct list once, joined keeping each key once as it goes (joining every
// plan's list, then dropping repeats, cost ~0.9 s of 1.1 s for "cùng thực hiện" at 3,000 plans)
// dialect: ladybug
MATCH (a:Agency)-[c:CUNG_LAM]->(b:Agency)
WHERE c.relation = 'chủ trì, cơ quan kia phối hợp' AND (size($tinh) = 0 OR c.province IN $tinh)
  AND ($nam = 0 OR c.year = $nam) AND (size($ke_hoach) = 0 OR c.plan_id IN $ke_hoach)
  AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH c.province AS province, a.id AS lead_id, a.type AS lead, b.id AS support_id,
     b.type AS support, sum(c.tasks) AS shared_tasks, collect(DISTINCT c.plan) AS plans,
     collect(DISTINCT c.year) AS years, collect(DISTINCT c.task_keys) AS keys
WHERE shared_tasks >= $toi_thieu
RETURN province, 'chủ trì – phối hợp' AS relation, lead_id, lead, support_id, support,
       shared_tasks, plans, years, list_reduce(keys, (x, y) -> list_distinct(list_concat(x, y))) AS task_keys
UNION ALL
MATCH (a:Agency)-[c:CUNG_LAM]->(b:Agency)
WHERE c.relation = 'cùng thực hiện' AND a.id < b.id AND (size($tinh) = 0 OR c.province IN $tinh)
  AND ($nam = 0 OR c.year = $nam) AND (size($ke_hoach) = 0 OR c.plan_id IN $ke_hoach)
  AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH c.province AS province, a.id AS lead_id, a.type AS lead, b.id AS support_id,
     b.type AS support, sum(c.tasks) AS shared_tasks, collect(DISTINCT c.plan) AS plans,
     collect(DISTINCT c.year) AS years, collect(DISTINCT c.task_keys) AS keys
WHERE shared_tasks >= $toi_thieu
RETURN province, 'cùng thực hiện' AS relation, lead_id, lead, support_id, support,
       shared_tasks, plans, years, list_reduce(keys, (x, y) -> list_distinct(list_concat(x, y))) AS task_keys
// dialect: neo4j
MATCH (a:Agency)-[c:CUNG_LAM]->(b:Agency)
WHERE c.relation = 'chủ trì, cơ quan kia phối hợp' AND (size($tinh) = 0 OR c.province IN $tinh)
  AND ($nam = 0 OR c.year = $nam) AND (size($ke_hoach) = 0 OR c.plan_id IN $ke_hoach)
  AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH c.province AS province, a.id AS lead_id, a.type AS lead, b.id AS support_id,
     b.type AS support, sum(c.tasks) AS shared_tasks, collect(DISTINCT c.plan) AS plans,
     collect(DISTINCT c.year) AS years, collect(DISTINCT c.task_keys) AS keys
WHERE shared_tasks >= $toi_thieu
RETURN province, 'chủ trì – phối hợp' AS relation, lead_id, lead, support_id, support,
       shared_tasks, plans, years, reduce(acc = [], k IN reduce(flat = [], x IN keys | flat + x) |
         CASE WHEN k IN acc THEN acc ELSE acc + k END) AS task_keys
UNION ALL
MATCH (a:Agency)-[c:CUNG_LAM]->(b:Agency)
WHERE c.relation = 'cùng thực hiện' AND a.id < b.id AND (size($tinh) = 0 OR c.province IN $tinh)
  AND ($nam = 0 OR c.year = $nam) AND (size($ke_hoach) = 0 OR c.plan_id IN $ke_hoach)
  AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH c.province AS province, a.id AS lead_id, a.type AS lead, b.id AS support_id,
     b.type AS support, sum(c.tasks) AS shared_tasks, collect(DISTINCT c.plan) AS plans,
     collect(DISTINCT c.year) AS years, collect(DISTINCT c.task_keys) AS keys
WHERE shared_tasks >= $toi_thieu
RETURN province, 'cùng thực hiện' AS relation, lead_id, lead, support_id, support,
       shared_tasks, plans, years, reduce(acc = [], k IN reduce(flat = [], x IN keys | flat + x) |
         CASE WHEN k IN acc THEN acc ELSE acc + k END) AS task_keys
