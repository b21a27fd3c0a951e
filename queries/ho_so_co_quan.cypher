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
// anchored on the agency; one row per (agency, plan) and per (agency, partner, plan, relation)
// read, not every role edge: DUOC_GIAO holds the agency's task counts in a plan, CUNG_LAM the
// tasks it shares with another agency and the relation between them on those tasks (the first
// that holds: it leads and the other supports, it supports and the other leads, both implement,
// both support, else the same task), written at load (graph/derived.py); a partner type has one
// agency per plan (`type_tasks` counts a task once for names of no type)
MATCH (a:Agency)-[d:DUOC_GIAO]->(:Plan)
WHERE a.type IN $co_quan AND (size($tinh) = 0 OR a.province IN $tinh)
  AND ($nam = 0 OR d.year = $nam) AND (size($ke_hoach) = 0 OR d.plan_id IN $ke_hoach)
WITH a, collect(DISTINCT d.year) AS years, sum(d.leads) AS leads, sum(d.supports) AS supports,
     sum(d.implements) AS implements
OPTIONAL MATCH (a)-[c:CUNG_LAM]->(b:Agency)
WHERE NOT coalesce(b.type, '') IN $tap_the
  AND ($nam = 0 OR c.year = $nam) AND (size($ke_hoach) = 0 OR c.plan_id IN $ke_hoach)
WITH a.id AS agency, a.type AS agency_type, a.province AS province, years, leads, supports,
     implements, coalesce(c.relation, '') AS relation, b.type AS partner,
     coalesce(sum(c.type_tasks), 0) AS shared_tasks
RETURN agency_type, province, years, leads, supports, implements, relation, partner,
       shared_tasks
