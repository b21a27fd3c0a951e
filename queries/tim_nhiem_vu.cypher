// name: tim_nhiem_vu
// question: Tìm nhiệm vụ theo nội dung (gõ không dấu cũng được).
// question_en: Full-text search over task texts, insensitive to diacritics and case.
// param: tu_khoa | text(task_text) | | Từ cần tìm, vd. "cai nghien" / words to find
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, plan, source, task_id
// column: province | Tỉnh / Thành phố | province
// column: plan | Kế hoạch
// column: year | Năm
// column: task_key | Mục
// column: task_id | Mã nhiệm vụ | id
// column: task_text | Nhiệm vụ
// column: when_text | Thời hạn (văn bản)
// column: leads | Chủ trì
// column: source | Nguồn
// node: task_id | Task | text=task_key title=task_text,when_text,leads,source
// node: province | Province
// edge: task_id -> province | THUOC_TINH
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)
WHERE (size($tinh) = 0 OR t.province IN $tinh) AND ($nam = 0 OR p.year = $nam)
  AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
OPTIONAL MATCH (a:Agency)-[:CHU_TRI]->(t)
RETURN t.province AS province, coalesce(p.number, p.title) AS plan, p.year AS year, t.key AS task_key,
       t.id AS task_id, t.text AS task_text, t.when_text AS when_text,
       collect(DISTINCT a.type) AS leads, t.file AS file, t.line_start AS line_start,
       t.line_end AS line_end
