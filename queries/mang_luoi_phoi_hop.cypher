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
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)<-[:CHU_TRI]-(a:Agency), (t)<-[:PHOI_HOP]-(b:Agency)
WHERE a.id <> b.id AND (size($tinh) = 0 OR t.province IN $tinh) AND ($nam = 0 OR p.year = $nam)
  AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
  AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH t.province AS province, a, b, count(DISTINCT t) AS shared_tasks,
     collect(DISTINCT coalesce(p.number, p.title)) AS plans, collect(DISTINCT p.year) AS years,
     collect(DISTINCT t.key) AS task_keys
WHERE shared_tasks >= $toi_thieu
RETURN province, 'chủ trì – phối hợp' AS relation, a.id AS lead_id,
       a.type AS lead, b.id AS support_id, b.type AS support, shared_tasks, plans, years,
       task_keys
UNION ALL
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)<-[:THUC_HIEN]-(a:Agency), (t)<-[:THUC_HIEN]-(b:Agency)
WHERE a.id < b.id AND (size($tinh) = 0 OR t.province IN $tinh) AND ($nam = 0 OR p.year = $nam)
  AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
  AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH t.province AS province, a, b, count(DISTINCT t) AS shared_tasks,
     collect(DISTINCT coalesce(p.number, p.title)) AS plans, collect(DISTINCT p.year) AS years,
     collect(DISTINCT t.key) AS task_keys
WHERE shared_tasks >= $toi_thieu
RETURN province, 'cùng thực hiện' AS relation, a.id AS lead_id,
       a.type AS lead, b.id AS support_id, b.type AS support, shared_tasks, plans, years,
       task_keys
