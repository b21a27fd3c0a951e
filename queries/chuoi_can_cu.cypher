// name: chuoi_can_cu
// question: Chuỗi căn cứ pháp lý của các kế hoạch (hoặc của một văn bản) đi ngược lên tới gốc: chỉ thị của Bộ Chính trị, luật, quyết định của Thủ tướng.
// question_en: The chain of legal bases from a province's plans (or from one act) up to its roots: Politburo directive, law, PM decision.
// param: tinh | province | "" | Kế hoạch của tỉnh này; bỏ trống: mọi tỉnh / plans of this province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// param: van_ban | act | "" | Bắt đầu từ văn bản này thay cho kế hoạch, vd. 291/QĐ-TTg / start from this act instead of plans
// order: level, from_name, to_name, from_id, to_id, relation, source
// column: level | Bậc
// column: from_id | Mã nguồn | id
// column: from_kind | Loại nút nguồn | id
// column: from_name | Kế hoạch / văn bản
// column: relation | Quan hệ
// column: to_id | Mã văn bản căn cứ | id
// column: to_name | Căn cứ vào
// column: to_type | Loại văn bản
// column: to_issuer | Cơ quan ban hành
// column: to_year | Năm
// column: is_root | Gốc | root
// column: source | Nguồn
// node: from_id | $from_kind | text=from_name
// node: to_id | LegalAct | text=to_name title=to_type,to_issuer,to_year
// edge: from_id -> to_id | $relation | title=source
MATCH (p:Plan)-[c:CAN_CU]->(b:LegalAct)
WHERE size($van_ban) = 0 AND (size($tinh) = 0 OR p.province IN $tinh)
  AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
RETURN 1 AS level, p.id AS from_id, 'Plan' AS from_kind,
       coalesce(p.number, p.title) AS from_name, 'căn cứ' AS relation, b.id AS to_id,
       coalesce(b.number, b.name) AS to_name, b.type AS to_type, b.issuer AS to_issuer,
       b.year AS to_year, NOT EXISTS { MATCH (b)-[:CAN_CU]->(:LegalAct) } AS is_root,
       c.file AS file, c.line_start AS line_start, c.line_end AS line_end
UNION ALL
// the chains walked once from each act the plans are based on, not once per plan (thousands
// of plans share a handful of national acts); level counts the plan's edge
MATCH (p:Plan)-[:CAN_CU]->(s:LegalAct)
WHERE size($van_ban) = 0 AND (size($tinh) = 0 OR p.province IN $tinh)
  AND ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
WITH DISTINCT s
MATCH path = (s)-[:CAN_CU*0..11]->(a:LegalAct)-[c:CAN_CU]->(b:LegalAct)
WITH a, b, c.relation AS link, c.file AS file, c.line_start AS line_start,
     c.line_end AS line_end, min(length(path)) + 1 AS level
RETURN level, a.id AS from_id, 'LegalAct' AS from_kind, coalesce(a.number, a.name) AS from_name,
       CASE link WHEN 'details' THEN 'quy định chi tiết' WHEN 'continues' THEN 'tiếp tục'
                 ELSE 'triển khai' END AS relation,
       b.id AS to_id, coalesce(b.number, b.name) AS to_name, b.type AS to_type,
       b.issuer AS to_issuer, b.year AS to_year,
       NOT EXISTS { MATCH (b)-[:CAN_CU]->(:LegalAct) } AS is_root,
       file, line_start, line_end
UNION ALL
MATCH path = (s:LegalAct)-[:CAN_CU*0..12]->(a:LegalAct)-[c:CAN_CU]->(b:LegalAct)
WHERE s.id IN $van_ban
WITH a, b, c.relation AS link, c.file AS file, c.line_start AS line_start,
     c.line_end AS line_end, min(length(path)) AS level
RETURN level, a.id AS from_id, 'LegalAct' AS from_kind, coalesce(a.number, a.name) AS from_name,
       CASE link WHEN 'details' THEN 'quy định chi tiết' WHEN 'continues' THEN 'tiếp tục'
                 ELSE 'triển khai' END AS relation,
       b.id AS to_id, coalesce(b.number, b.name) AS to_name, b.type AS to_type,
       b.issuer AS to_issuer, b.year AS to_year,
       NOT EXISTS { MATCH (b)-[:CAN_CU]->(:LegalAct) } AS is_root,
       file, line_start, line_end
