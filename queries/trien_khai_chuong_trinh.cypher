// name: trien_khai_chuong_trinh
// question: Tỉnh nào triển khai một chương trình, đề án, dự án quốc gia, qua kế hoạch nào?
// question_en: Which provinces implement a national programme or its projects, through which plans?
// param: chuong_trinh | programme | "" | Tên chương trình / đề án / dự án (vài từ là đủ); bỏ trống: mọi chương trình / programme name (a few words); empty: all
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: programme, programme_id, province, plan, plan_id, via_relation, via, via_id, source
// column: programme_id | Mã chương trình | id
// column: programme | Chương trình / Đề án / Dự án
// column: kind | Loại
// column: province | Tỉnh / Thành phố | province
// column: plan_id | Mã kế hoạch | id
// column: plan | Kế hoạch
// column: plan_year | Năm kế hoạch
// column: via_relation | Kế hoạch → văn bản
// column: via_id | Mã văn bản | id
// column: via | Qua văn bản (phê duyệt / triển khai chương trình)
// column: source | Nguồn
// node: programme_id | Programme | text=programme title=kind
// node: plan_id | Plan | text=plan title=province
// node: via_id | LegalAct | text=via
// node: province | Province
// edge: plan_id -> programme_id | TRIEN_KHAI | title=source
// edge: plan_id -> via_id | $via_relation
// edge: via_id -> programme_id | TRIEN_KHAI
// edge: plan_id -> province | THUOC_TINH
// act -> programme pairs once first: each document that states the pair adds an edge, so the
// path through every edge crossed every citation with every copy
MATCH (l:LegalAct)-[:PHE_DUYET|TRIEN_KHAI]->(g:Programme)
WHERE size($chuong_trinh) = 0 OR g.id IN $chuong_trinh
WITH DISTINCT l, g
MATCH (p:Plan)-[r:CAN_CU|TRICH_DAN]->(l)
WHERE (size($tinh) = 0 OR p.province IN $tinh) AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
// the first citation's line; `+ 0`: a UNION branch must not return one expression twice
// a plan's CAN_CU edges to an act carry relation 'basis', its TRICH_DAN edges none: counted
// in the same pass (an EXISTS subquery per row cost more than the rest of the branch)
WITH g, p, l, min(r.file) AS file, min(r.line_start) AS line_start,
     count(r.relation) AS based
WITH g, p, l, file, line_start,
     CASE WHEN based > 0 THEN 'căn cứ' ELSE 'trích dẫn' END AS via_relation
RETURN g.id AS programme_id, g.name AS programme, g.kind AS kind, p.province AS province,
       p.id AS plan_id, coalesce(p.number, p.title) AS plan, p.year AS plan_year, via_relation, l.id AS via_id,
       coalesce(l.number, l.name) AS via, file, line_start, line_start + 0 AS line_end
// the branches' via_relation differ and each gives a (plan, programme, act) once: no
// rows to merge, so UNION ALL (UNION compared every row of ~26,000 at 3,000 plans)
UNION ALL
MATCH (p:Plan)-[r:TRIEN_KHAI]->(g:Programme)
WHERE (size($chuong_trinh) = 0 OR g.id IN $chuong_trinh)
  AND (size($tinh) = 0 OR p.province IN $tinh) AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
RETURN g.id AS programme_id, g.name AS programme, g.kind AS kind, p.province AS province,
       p.id AS plan_id, coalesce(p.number, p.title) AS plan, p.year AS plan_year, 'triển khai' AS via_relation,
       '' AS via_id, '' AS via, r.file AS file, r.line_start AS line_start,
       r.line_end AS line_end
UNION ALL
MATCH (p:Plan)-[r:TRICH_DAN]->(g:Programme)
WHERE (size($chuong_trinh) = 0 OR g.id IN $chuong_trinh)
  AND (size($tinh) = 0 OR p.province IN $tinh) AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
RETURN g.id AS programme_id, g.name AS programme, g.kind AS kind, p.province AS province,
       p.id AS plan_id, coalesce(p.number, p.title) AS plan, p.year AS plan_year, 'nêu trong kế hoạch' AS via_relation,
       '' AS via_id, '' AS via, r.file AS file, r.line_start AS line_start,
       r.line_end AS line_end
