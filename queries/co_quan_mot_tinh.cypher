// name: co_quan_mot_tinh
// question: Loại cơ quan nào chỉ được giao nhiệm vụ ở đúng một tỉnh?
// question_en: Agency types that carry obligations in only one province.
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
MATCH (a:Agency)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(:Task)
WHERE NOT coalesce(a.type, '') IN $tap_the
WITH a.type AS agency_type, collect(DISTINCT a.province) AS provinces
WHERE size(provinces) = 1
MATCH (a:Agency)
WHERE a.type = agency_type AND a.province IN provinces
OPTIONAL MATCH (a)-[:CHU_TRI]->(t1:Task)
WITH a, count(DISTINCT t1) AS leads
OPTIONAL MATCH (a)-[:PHOI_HOP]->(t2:Task)
WITH a, leads, count(DISTINCT t2) AS supports
OPTIONAL MATCH (a)-[:THUC_HIEN]->(t3:Task)
RETURN a.type AS agency_type, a.province AS province, leads, supports,
       count(DISTINCT t3) AS implements, a.names AS names
