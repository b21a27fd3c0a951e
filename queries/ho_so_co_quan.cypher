// name: ho_so_co_quan
// question: Hồ sơ một loại cơ quan: số nhiệm vụ chủ trì / phối hợp / cùng thực hiện ở mỗi tỉnh và những cơ quan hay cùng làm nhất, theo từng quan hệ.
// question_en: An agency type's profile: lead / support / co-implement counts per province and its most frequent partners, by relation.
// param: co_quan | agency_type | | Loại cơ quan, vd. "so ldtbxh" / agency type
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
// order: province, agency_type, relation, shared_tasks desc, partner
// column: agency_type | Cơ quan (loại) | agency_type
// column: province | Tỉnh / Thành phố | province
// column: years | Năm
// column: leads | Chủ trì
// column: supports | Phối hợp
// column: implements | Cùng thực hiện (không nêu chủ trì)
// column: relation | Quan hệ với cơ quan cùng làm
// column: partner | Cơ quan cùng làm | agency_type
// column: shared_tasks | Số nhiệm vụ chung
// node: agency_type | AgencyType
// node: province | Province
// node: partner | AgencyType
// edge: agency_type -> province | "có nhiệm vụ ở" | title=leads,supports,implements
// edge: agency_type -> partner | $relation | weight=shared_tasks title=province,relation,shared_tasks
// anchored on the agency; the task's year and plan are its own (derived at load); each
// relation read from the edges' types (EXISTS subqueries per agency pair and task cost
// seconds); pairs grouped by the partner's and the task's ids, not their nodes (~1.5× faster)
// dialect: ladybug
MATCH (a:Agency)
WHERE a.type IN $co_quan AND (size($tinh) = 0 OR a.province IN $tinh)
MATCH (a)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t0:Task)
WHERE ($nam = 0 OR t0.year = $nam) AND (size($ke_hoach) = 0 OR t0.plan_id IN $ke_hoach)
WITH a, collect(DISTINCT t0.year) AS years,
     count(DISTINCT CASE WHEN label(r) = 'CHU_TRI' THEN t0.id END) AS leads,
     count(DISTINCT CASE WHEN label(r) = 'PHOI_HOP' THEN t0.id END) AS supports,
     count(DISTINCT CASE WHEN label(r) = 'THUC_HIEN' THEN t0.id END) AS implements
OPTIONAL MATCH (a)-[ra:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
               <-[rb:CHU_TRI|PHOI_HOP|THUC_HIEN]-(b:Agency)
WHERE b.id <> a.id AND NOT coalesce(b.type, '') IN $tap_the
  AND ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a, years, leads, supports, implements, b.type AS partner, b.id AS partner_id,
     t.id AS task,
     collect(DISTINCT label(ra)) AS as_a, collect(DISTINCT label(rb)) AS as_b
WITH a, years, leads, supports, implements, partner, task,
     CASE WHEN task IS NULL THEN ''
          WHEN 'CHU_TRI' IN as_a AND 'PHOI_HOP' IN as_b THEN 'chủ trì, cơ quan kia phối hợp'
          WHEN 'PHOI_HOP' IN as_a AND 'CHU_TRI' IN as_b THEN 'phối hợp, cơ quan kia chủ trì'
          WHEN 'THUC_HIEN' IN as_a AND 'THUC_HIEN' IN as_b THEN 'cùng thực hiện'
          WHEN 'PHOI_HOP' IN as_a AND 'PHOI_HOP' IN as_b THEN 'cùng phối hợp'
          ELSE 'cùng nhiệm vụ' END AS relation
RETURN a.type AS agency_type, a.province AS province, years, leads, supports, implements,
       relation, partner, count(DISTINCT task) AS shared_tasks
// dialect: neo4j
MATCH (a:Agency)
WHERE a.type IN $co_quan AND (size($tinh) = 0 OR a.province IN $tinh)
MATCH (a)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t0:Task)
WHERE ($nam = 0 OR t0.year = $nam) AND (size($ke_hoach) = 0 OR t0.plan_id IN $ke_hoach)
WITH a, collect(DISTINCT t0.year) AS years,
     count(DISTINCT CASE WHEN type(r) = 'CHU_TRI' THEN t0.id END) AS leads,
     count(DISTINCT CASE WHEN type(r) = 'PHOI_HOP' THEN t0.id END) AS supports,
     count(DISTINCT CASE WHEN type(r) = 'THUC_HIEN' THEN t0.id END) AS implements
OPTIONAL MATCH (a)-[ra:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
               <-[rb:CHU_TRI|PHOI_HOP|THUC_HIEN]-(b:Agency)
WHERE b.id <> a.id AND NOT coalesce(b.type, '') IN $tap_the
  AND ($nam = 0 OR t.year = $nam) AND (size($ke_hoach) = 0 OR t.plan_id IN $ke_hoach)
WITH a, years, leads, supports, implements, b.type AS partner, b.id AS partner_id,
     t.id AS task,
     collect(DISTINCT type(ra)) AS as_a, collect(DISTINCT type(rb)) AS as_b
WITH a, years, leads, supports, implements, partner, task,
     CASE WHEN task IS NULL THEN ''
          WHEN 'CHU_TRI' IN as_a AND 'PHOI_HOP' IN as_b THEN 'chủ trì, cơ quan kia phối hợp'
          WHEN 'PHOI_HOP' IN as_a AND 'CHU_TRI' IN as_b THEN 'phối hợp, cơ quan kia chủ trì'
          WHEN 'THUC_HIEN' IN as_a AND 'THUC_HIEN' IN as_b THEN 'cùng thực hiện'
          WHEN 'PHOI_HOP' IN as_a AND 'PHOI_HOP' IN as_b THEN 'cùng phối hợp'
          ELSE 'cùng nhiệm vụ' END AS relation
RETURN a.type AS agency_type, a.province AS province, years, leads, supports, implements,
       relation, partner, count(DISTINCT task) AS shared_tasks
