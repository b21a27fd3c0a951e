// name: nhiem_vu_theo_ky
// question: Những nhiệm vụ nào đến hạn trong một kỳ (vd. Quý II, tháng 6/2024), ở các tỉnh?
// question_en: Tasks due in a period (e.g. Quý II, 6/2024) across provinces.
// param: ky | period | | Kỳ, vd. "Quý II", "quy 2/2024", "6/2024", "2024" / period
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// order: province, plan, source, task_id
// column: province | Tỉnh / Thành phố | province
// column: plan | Kế hoạch
// column: task_key | Mục
// column: task_id | Mã nhiệm vụ | id
// column: task_text | Nhiệm vụ
// column: when_text | Thời hạn (văn bản)
// column: period | Kỳ
// column: leads | Chủ trì
// column: others | Phối hợp / thực hiện
// column: source | Nguồn
// node: task_id | Task | text=task_key title=task_text,when_text,leads,source
// node: province | Province
// edge: task_id -> province | THUOC_TINH
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)
WHERE t.period IN $ky AND ($tinh = '' OR t.province = $tinh)
OPTIONAL MATCH (a:Agency)-[:CHU_TRI]->(t)
WITH p, t, collect(DISTINCT a.type) AS leads
OPTIONAL MATCH (b:Agency)-[:PHOI_HOP|THUC_HIEN]->(t)
RETURN t.province AS province, coalesce(p.number, p.title) AS plan, t.key AS task_key,
       t.id AS task_id, t.text AS task_text, t.when_text AS when_text, t.period AS period,
       leads, collect(DISTINCT b.type) AS others, t.file AS file,
       t.line_start AS line_start, t.line_end AS line_end
