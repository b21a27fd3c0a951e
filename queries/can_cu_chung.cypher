// name: can_cu_chung
// question: Văn bản pháp lý nào là căn cứ của kế hoạch ở nhiều hơn một tỉnh (nêu làm căn cứ, hoặc viện dẫn trong nội dung kế hoạch), ở những tỉnh nào?
// question_en: Which legal acts are the basis of plans in more than one province (stated as the basis, or cited in the plan's text), and which provinces?
// param: so_tinh | int | 2 | Số tỉnh tối thiểu / at least this many provinces
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: provinces desc, act, act_id, province, plan, plan_id
// column: act_id | Mã văn bản | id
// column: act | Văn bản
// column: act_type | Loại văn bản
// column: issuer | Cơ quan ban hành
// column: year | Năm
// column: provinces | Số tỉnh
// column: province | Tỉnh / Thành phố | province
// column: plan_id | Mã kế hoạch | id
// column: plan | Kế hoạch
// column: plan_year | Năm kế hoạch
// column: relation | Quan hệ
// column: source | Nguồn
// node: act_id | LegalAct | text=act title=act_type,issuer,year,provinces
// node: plan_id | Plan | text=plan title=province
// node: province | Province
// edge: plan_id -> act_id | $relation | title=source
// edge: plan_id -> province | THUOC_TINH
MATCH (p:Plan)-[:CAN_CU|TRICH_DAN]->(l:LegalAct)
WHERE ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH l, count(DISTINCT p.province) AS provinces
WHERE provinces >= $so_tinh
MATCH (p:Plan)-[c:CAN_CU|TRICH_DAN]->(l)
WHERE ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
// a plan's CAN_CU edges to an act carry relation 'basis', its TRICH_DAN edges none: counted
// in the same pass (was an EXISTS subquery per row)
WITH l, provinces, p, min(c.file) AS file, min(c.line_start) AS line_start,
     count(c.relation) AS based
WITH l, provinces, p, file, line_start,
     CASE WHEN based > 0 THEN 'căn cứ' ELSE 'trích dẫn' END AS relation
RETURN l.id AS act_id, coalesce(l.number, l.name) AS act, l.type AS act_type,
       l.issuer AS issuer, l.year AS year, provinces, p.province AS province, p.id AS plan_id,
       coalesce(p.number, p.title) AS plan, p.year AS plan_year, relation, file, line_start,
       line_start AS line_end
