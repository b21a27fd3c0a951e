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
// one row per (agency, plan) read, not every role edge: DUOC_GIAO holds the agency's task
// counts in a plan (graph/derived.py, written at load); an agency is kept as soon as one of
// its plans fits
MATCH (a:Agency)
WHERE NOT coalesce(a.type, '') IN $tap_the
  AND EXISTS { MATCH (a)-[d:DUOC_GIAO]->(:Plan)
               WHERE ($nam = 0 OR d.year = $nam) AND (size($ke_hoach) = 0 OR d.plan_id IN $ke_hoach) }
WITH a.type AS agency_type, collect(DISTINCT a.province) AS provinces
WHERE size(provinces) = 1
MATCH (a:Agency)
WHERE a.type = agency_type AND a.province IN provinces
OPTIONAL MATCH (a)-[d:DUOC_GIAO]->(:Plan)
WHERE ($nam = 0 OR d.year = $nam) AND (size($ke_hoach) = 0 OR d.plan_id IN $ke_hoach)
RETURN a.type AS agency_type, a.province AS province, coalesce(sum(d.leads), 0) AS leads,
       coalesce(sum(d.supports), 0) AS supports, coalesce(sum(d.implements), 0) AS implements,
       a.names AS names
