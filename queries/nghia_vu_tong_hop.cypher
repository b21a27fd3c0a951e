// name: nghia_vu_tong_hop
// question: Ma trận nghĩa vụ: ở mỗi tỉnh và mỗi năm, mỗi loại cơ quan chủ trì, phối hợp, cùng thực hiện bao nhiêu nhiệm vụ, và những thời hạn gần nhất?
// question_en: The obligations matrix: per province and year, how many tasks each agency type leads, supports and co-implements, and its nearest deadlines.
// param: co_quan | agency_type | "" | Loại cơ quan; bỏ trống: mọi loại / agency type; empty: all
// param: tinh | province | "" | Tỉnh / Thành phố; bỏ trống: mọi tỉnh / province; empty: all
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp); bỏ trống: mọi kế hoạch / one plan; empty: all
// order: province, year, total desc, agency_type
// column: agency_type | Cơ quan (loại) | agency_type
// column: province | Tỉnh / Thành phố | province
// column: year | Năm
// column: plans | Số kế hoạch
// column: leads | Chủ trì
// column: supports | Phối hợp
// column: implements | Cùng thực hiện (không nêu chủ trì)
// column: total | Tổng số nhiệm vụ
// column: deadlines | Thời hạn gần nhất | deadlines
// node: agency_type | AgencyType
// node: province | Province
// edge: agency_type -> province | "có nhiệm vụ ở" | weight=total title=year,leads,supports,implements,deadlines
// one row per (agency, plan) read, not every role edge: DUOC_GIAO holds how many of the plan's
// tasks the agency leads, supports, implements and takes any part in, and the ids of those that
// set a period, the deadlines read (graph/derived.py, written at load); an agency type has one
// agency per plan and province, so the sums count each task once and each edge is one plan
// (`count(*)`); the deadlines column holds each plan's list of ids as it is (the runner reads
// lists of lists: joining them here cost ~20% of the query at 3,000 plans)
MATCH (a:Agency)-[d:DUOC_GIAO]->(:Plan)
WHERE a.type IS NOT NULL AND (size($co_quan) = 0 OR a.type IN $co_quan)
  AND (size($tinh) = 0 OR a.province IN $tinh) AND ($nam = 0 OR d.year = $nam)
  AND (size($ke_hoach) = 0 OR d.plan_id IN $ke_hoach)
WITH a.type AS agency_type, a.province AS province, d.year AS year,
     count(*) AS plans, sum(d.leads) AS leads, sum(d.supports) AS supports,
     sum(d.implements) AS implements, sum(d.tasks) AS total, collect(d.dated_tasks) AS ids
RETURN agency_type, province, year, plans, leads, supports, implements, total,
       ids AS deadlines
