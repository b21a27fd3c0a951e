// name: can_cu_truc_tiep
// question: Văn bản pháp lý nào được chính kế hoạch của nhiều hơn một tỉnh nêu làm căn cứ (phần căn cứ, "Thực hiện…", tiêu đề), ở những tỉnh nào?
// question_en: Which legal acts do plans of more than one province state as their own basis (preamble, title), and which provinces?
// param: so_tinh | int | 2 | Số tỉnh tối thiểu / at least this many provinces
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: provinces desc, act, act_id, province, plan, plan_id, source
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
// column: source | Nguồn
// node: act_id | LegalAct | text=act title=act_type,issuer,year,provinces
// node: plan_id | Plan | text=plan title=province,source
// node: province | Province
// edge: plan_id -> act_id | CAN_CU | title=source
// edge: plan_id -> province | THUOC_TINH
MATCH (p:Plan)-[:CAN_CU]->(l:LegalAct)
WHERE ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH l, count(DISTINCT p.province) AS provinces
WHERE provinces >= $so_tinh
MATCH (p:Plan)-[c:CAN_CU]->(l)
WHERE ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
RETURN l.id AS act_id, coalesce(l.number, l.name) AS act, l.type AS act_type,
       l.issuer AS issuer, l.year AS year, provinces, p.province AS province, p.id AS plan_id,
       coalesce(p.number, p.title) AS plan, p.year AS plan_year, c.file AS file, c.line_start AS line_start,
       c.line_end AS line_end
