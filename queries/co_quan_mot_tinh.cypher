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
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)<-[:CHU_TRI|PHOI_HOP|THUC_HIEN]-(a:Agency)
WHERE NOT coalesce(a.type, '') IN $tap_the AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH a.type AS agency_type, collect(DISTINCT a.province) AS provinces
WHERE size(provinces) = 1
// the agency's tasks filtered by their plan (a list of every task of each type, tested with
// `IN` on every row, cost seconds)
MATCH (a:Agency)
WHERE a.type = agency_type AND a.province IN provinces
OPTIONAL MATCH (a)-[:CHU_TRI]->(t1:Task)<-[:CO_NHIEM_VU]-(p1:Plan)
WHERE ($nam = 0 OR p1.year = $nam) AND (size($ke_hoach) = 0 OR p1.id IN $ke_hoach)
WITH a, count(DISTINCT t1) AS leads
OPTIONAL MATCH (a)-[:PHOI_HOP]->(t2:Task)<-[:CO_NHIEM_VU]-(p2:Plan)
WHERE ($nam = 0 OR p2.year = $nam) AND (size($ke_hoach) = 0 OR p2.id IN $ke_hoach)
WITH a, leads, count(DISTINCT t2) AS supports
OPTIONAL MATCH (a)-[:THUC_HIEN]->(t3:Task)<-[:CO_NHIEM_VU]-(p3:Plan)
WHERE ($nam = 0 OR p3.year = $nam) AND (size($ke_hoach) = 0 OR p3.id IN $ke_hoach)
RETURN a.type AS agency_type, a.province AS province, leads, supports,
       count(DISTINCT t3) AS implements, a.names AS names
