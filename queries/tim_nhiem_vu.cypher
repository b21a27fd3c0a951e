// name: tim_nhiem_vu
// question: Tìm nhiệm vụ theo nội dung (gõ không dấu: khớp mọi dấu; gõ có dấu: khớp đúng dấu; nhiều từ: cả cụm).
// question_en: Full-text search over task texts: typed without diacritics matches any; typed with diacritics matches those; several words match as a phrase.
// param: tu_khoa | text(task_text) | | Từ hoặc cụm từ cần tìm, vd. "cai nghien", "tiền chất" / words or phrase to find
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, plan, source, task_id
// column: province | Tỉnh / Thành phố | province
// column: plan | Kế hoạch
// column: year | Năm
// column: task_key | Mục
// column: task_id | Mã nhiệm vụ | id
// column: excerpt | Đoạn khớp («từ tìm thấy»)
// column: task_text | Nhiệm vụ
// column: when_text | Thời hạn (văn bản)
// column: leads | Chủ trì
// column: source | Nguồn
// node: task_id | Task | text=task_key title=task_text,when_text,leads,source
// node: province | Province
// edge: task_id -> province | THUOC_TINH
UNWIND $tu_khoa AS found
MATCH (t:Task)
WHERE t.id = found AND (size($tinh) = 0 OR t.province IN $tinh)
WITH t
// leads collected per task, the plan matched after (a collect in RETURN grouped on every
// column, the task's text twice among them); `WHERE t.id = found`, then `WITH t`: LadybugDB
// 0.22 cannot evaluate the collect below after `{id: found}`
OPTIONAL MATCH (a:Agency)-[:CHU_TRI]->(t)
WITH t, collect(DISTINCT a.type) AS leads
MATCH (p:Plan)-[:CO_NHIEM_VU]->(t)
WHERE ($nam = 0 OR p.year = $nam) AND (size($ke_hoach) = 0 OR p.id IN $ke_hoach)
RETURN t.province AS province, coalesce(p.number, p.title) AS plan, p.year AS year,
       t.key AS task_key, t.id AS task_id, t.text AS excerpt, t.text AS task_text,
       t.when_text AS when_text, leads, t.file AS file, t.line_start AS line_start,
       t.line_end AS line_end
