// name: mang_luoi_phoi_hop
// question: Trong một tỉnh, những cơ quan nào cùng làm nhiệm vụ với nhau (chủ trì – phối hợp), bao nhiêu nhiệm vụ chung?
// question_en: Coordination network in a province: which agencies work together on tasks (lead – support), weighted by shared tasks.
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: toi_thieu | int | 1 | Số nhiệm vụ chung tối thiểu / at least this many shared tasks
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
// order: province, shared_tasks desc, lead, support, lead_id, support_id
// column: province | Tỉnh / Thành phố | province
// column: lead_id | Mã cơ quan chủ trì | id
// column: lead | Cơ quan chủ trì | agency_type
// column: support_id | Mã cơ quan phối hợp | id
// column: support | Cơ quan phối hợp | agency_type
// column: shared_tasks | Số nhiệm vụ chung
// column: task_keys | Các mục
// node: lead_id | Agency | text=lead title=province
// node: support_id | Agency | text=support title=province
// edge: lead_id -> support_id | PHOI_HOP | weight=shared_tasks title=shared_tasks,task_keys
MATCH (a:Agency)-[:CHU_TRI]->(t:Task)<-[:PHOI_HOP]-(b:Agency)
WHERE a.id <> b.id AND ($tinh = '' OR t.province = $tinh)
      AND NOT coalesce(a.type, '') IN $tap_the AND NOT coalesce(b.type, '') IN $tap_the
WITH t.province AS province, a, b, count(DISTINCT t) AS shared_tasks,
     collect(DISTINCT t.key) AS task_keys
WHERE shared_tasks >= $toi_thieu
RETURN province, a.id AS lead_id, a.type AS lead, b.id AS support_id, b.type AS support,
       shared_tasks, task_keys
