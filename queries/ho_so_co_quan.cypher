// name: ho_so_co_quan
// question: Hồ sơ một loại cơ quan: số nhiệm vụ chủ trì / phối hợp / thực hiện ở mỗi tỉnh và những cơ quan hay cùng làm nhất.
// question_en: An agency type's profile: lead / support / implement counts per province and its most frequent partners.
// param: co_quan | agency_type | | Loại cơ quan, vd. "so ldtbxh" / agency type
// param: tap_the | collectives | khong | Tính cả chủ thể tập thể ("các cơ quan liên quan", UBND các huyện): co / khong / also count collective assignees: yes / no
// order: province, shared_tasks desc, partner
// column: agency_type | Cơ quan (loại) | agency_type
// column: province | Tỉnh / Thành phố | province
// column: leads | Chủ trì
// column: supports | Phối hợp
// column: implements | Thực hiện
// column: partner | Cơ quan cùng làm | agency_type
// column: shared_tasks | Số nhiệm vụ chung
// node: agency_type | AgencyType
// node: province | Province
// node: partner | AgencyType
// edge: agency_type -> province | "có nhiệm vụ ở" | title=leads,supports,implements
// edge: agency_type -> partner | "cùng làm" | weight=shared_tasks title=province,shared_tasks
MATCH (a:Agency)
WHERE a.type = $co_quan
OPTIONAL MATCH (a)-[:CHU_TRI]->(t1:Task)
WITH a, count(DISTINCT t1) AS leads
OPTIONAL MATCH (a)-[:PHOI_HOP]->(t2:Task)
WITH a, leads, count(DISTINCT t2) AS supports
OPTIONAL MATCH (a)-[:THUC_HIEN]->(t3:Task)
WITH a, leads, supports, count(DISTINCT t3) AS implements
OPTIONAL MATCH (a)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)<-[:CHU_TRI|PHOI_HOP|THUC_HIEN]-(b:Agency)
WHERE b.id <> a.id AND NOT coalesce(b.type, '') IN $tap_the
RETURN a.type AS agency_type, a.province AS province, leads, supports, implements,
       b.type AS partner, count(DISTINCT t) AS shared_tasks
