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
// each match anchored on the agency and filtered by the task's plan (list membership tests
// per row, `t.id IN tasks`, cost seconds at 1,000 plans)
MATCH (a:Agency)
WHERE a.type IN $co_quan AND (size($tinh) = 0 OR a.province IN $tinh)
MATCH (a)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t0:Task)<-[:CO_NHIEM_VU]-(p0:Plan)
WHERE ($nam = 0 OR p0.year = $nam) AND (size($ke_hoach) = 0 OR p0.id IN $ke_hoach)
WITH a, collect(DISTINCT p0.year) AS years
OPTIONAL MATCH (a)-[:CHU_TRI]->(t1:Task)<-[:CO_NHIEM_VU]-(p1:Plan)
WHERE ($nam = 0 OR p1.year = $nam) AND (size($ke_hoach) = 0 OR p1.id IN $ke_hoach)
WITH a, years, count(DISTINCT t1) AS leads
OPTIONAL MATCH (a)-[:PHOI_HOP]->(t2:Task)<-[:CO_NHIEM_VU]-(p2:Plan)
WHERE ($nam = 0 OR p2.year = $nam) AND (size($ke_hoach) = 0 OR p2.id IN $ke_hoach)
WITH a, years, leads, count(DISTINCT t2) AS supports
OPTIONAL MATCH (a)-[:THUC_HIEN]->(t3:Task)<-[:CO_NHIEM_VU]-(p3:Plan)
WHERE ($nam = 0 OR p3.year = $nam) AND (size($ke_hoach) = 0 OR p3.id IN $ke_hoach)
WITH a, years, leads, supports, count(DISTINCT t3) AS implements
OPTIONAL MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)<-[:CHU_TRI|PHOI_HOP|THUC_HIEN]-(a),
               (t)<-[:CHU_TRI|PHOI_HOP|THUC_HIEN]-(b:Agency)
WHERE b.id <> a.id AND NOT coalesce(b.type, '') IN $tap_the
  AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH a, years, leads, supports, implements, b, t,
     CASE WHEN t IS NULL THEN ''
          WHEN EXISTS { MATCH (a)-[:CHU_TRI]->(t)<-[:PHOI_HOP]-(b) } THEN 'chủ trì, cơ quan kia phối hợp'
          WHEN EXISTS { MATCH (a)-[:PHOI_HOP]->(t)<-[:CHU_TRI]-(b) } THEN 'phối hợp, cơ quan kia chủ trì'
          WHEN EXISTS { MATCH (a)-[:THUC_HIEN]->(t)<-[:THUC_HIEN]-(b) } THEN 'cùng thực hiện'
          WHEN EXISTS { MATCH (a)-[:PHOI_HOP]->(t)<-[:PHOI_HOP]-(b) } THEN 'cùng phối hợp'
          ELSE 'cùng nhiệm vụ' END AS relation
RETURN a.type AS agency_type, a.province AS province, years, leads, supports, implements,
       relation, b.type AS partner, count(DISTINCT t) AS shared_tasks
