// name: so_sanh_hai_tinh
// question: So sánh hai tỉnh: cơ quan (chủ trì, phối hợp, cùng thực hiện — mỗi quan hệ tính riêng), căn cứ pháp lý, văn bản viện dẫn và chủ đề chung và riêng.
// question_en: Two provinces side by side: shared and exclusive agencies (leading, supporting, co-implementing — each relation on its own), legal bases, cited acts and themes.
// param: a | province | | Tỉnh thứ nhất / first province
// param: b | province | | Tỉnh thứ hai / second province
// param: nam | year | "" | Năm của kế hoạch; bỏ trống: mọi năm / the plans' year; empty: all
// param: ke_hoach | plan | "" | Một kế hoạch (số, vài từ của tên, tên tệp): tỉnh của nó chỉ tính kế hoạch này, tỉnh kia giữ mọi kế hoạch; bỏ trống: mọi kế hoạch / one plan: its province counts this plan only, the other keeps all; empty: all
// order: aspect, presence, item, item_id
// column: aspect | Khía cạnh
// column: item_id | Mã | id
// column: item_kind | Loại nút | id
// column: item | Mục
// column: province_a | Tỉnh A | province
// column: province_b | Tỉnh B | province
// column: in_a | Có ở A
// column: in_b | Có ở B
// column: presence | Chung / riêng
// node: province_a | Province
// node: province_b | Province
// node: item_id | $item_kind | text=item title=aspect,presence
// edge: province_a -> item_id | $aspect | when=in_a
// edge: province_b -> item_id | $aspect | when=in_b
// dialect: ladybug
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
// the task's year, plan and province are its own (derived at load): no hop to the plan
MATCH (x:Agency)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE (x.province IN $a OR x.province IN $b) AND ($nam = 0 OR t.year = $nam)
  AND (t.plan_id IN $ke_hoach OR NOT t.province IN kp)
// each relation counted on its own: lead, support, co-implementation (no lead named)
WITH x, t, collect(label(r)) AS roles
WITH x, t, CASE WHEN 'CHU_TRI' IN roles THEN 'cơ quan chủ trì'
                WHEN 'PHOI_HOP' IN roles THEN 'cơ quan phối hợp'
                ELSE 'cơ quan cùng thực hiện' END AS aspect
WITH aspect, x.type AS item_id, collect(DISTINCT x.province) AS ps, $a AS pa, $b AS pb
// `+ ''`: LadybugDB 0.22 mixes up the columns of a UNION when a branch returns one
// expression twice
RETURN aspect, item_id, 'AgencyType' AS item_kind, item_id + '' AS item,
       $a AS province_a, $b AS province_b, any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
MATCH (p:Plan)-[:CAN_CU]->(l:LegalAct)
WHERE (p.province IN $a OR p.province IN $b) AND ($nam = 0 OR p.year = $nam)
  AND (p.id IN $ke_hoach OR NOT p.province IN kp)
WITH l, collect(DISTINCT p.province) AS ps, $a AS pa, $b AS pb
RETURN 'căn cứ' AS aspect, l.id AS item_id, 'LegalAct' AS item_kind,
       coalesce(l.number, l.name) AS item, $a AS province_a, $b AS province_b,
       any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
MATCH (p:Plan)-[:CAN_CU|TRICH_DAN]->(l:LegalAct)
WHERE (p.province IN $a OR p.province IN $b) AND ($nam = 0 OR p.year = $nam)
  AND (p.id IN $ke_hoach OR NOT p.province IN kp)
WITH l, collect(DISTINCT p.province) AS ps, $a AS pa, $b AS pb
RETURN 'trích dẫn' AS aspect, l.id AS item_id, 'LegalAct' AS item_kind,
       coalesce(l.number, l.name) AS item, $a AS province_a, $b AS province_b,
       any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
// a plan has a theme where one of its tasks has it: the plan's theme summary (TONG_HOP_CHU_DE,
// written at load), not every (task, theme) pair of the two provinces
MATCH (p:Plan)-[:TONG_HOP_CHU_DE]->(th:Theme)
WHERE (p.province IN $a OR p.province IN $b) AND ($nam = 0 OR p.year = $nam)
  AND (p.id IN $ke_hoach OR NOT p.province IN kp)
WITH th, collect(DISTINCT p.province) AS ps, $a AS pa, $b AS pb
RETURN 'có chủ đề' AS aspect, th.id AS item_id, 'Theme' AS item_kind,
       coalesce(th.label_vi, th.id) AS item, $a AS province_a, $b AS province_b,
       any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
// dialect: neo4j
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
// the task's year, plan and province are its own (derived at load): no hop to the plan
MATCH (x:Agency)-[r:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)
WHERE (x.province IN $a OR x.province IN $b) AND ($nam = 0 OR t.year = $nam)
  AND (t.plan_id IN $ke_hoach OR NOT t.province IN kp)
// each relation counted on its own: lead, support, co-implementation (no lead named)
WITH x, t, collect(type(r)) AS roles
WITH x, t, CASE WHEN 'CHU_TRI' IN roles THEN 'cơ quan chủ trì'
                WHEN 'PHOI_HOP' IN roles THEN 'cơ quan phối hợp'
                ELSE 'cơ quan cùng thực hiện' END AS aspect
WITH aspect, x.type AS item_id, collect(DISTINCT x.province) AS ps, $a AS pa, $b AS pb
// `+ ''`: LadybugDB 0.22 mixes up the columns of a UNION when a branch returns one
// expression twice
RETURN aspect, item_id, 'AgencyType' AS item_kind, item_id + '' AS item,
       $a AS province_a, $b AS province_b, any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
MATCH (p:Plan)-[:CAN_CU]->(l:LegalAct)
WHERE (p.province IN $a OR p.province IN $b) AND ($nam = 0 OR p.year = $nam)
  AND (p.id IN $ke_hoach OR NOT p.province IN kp)
WITH l, collect(DISTINCT p.province) AS ps, $a AS pa, $b AS pb
RETURN 'căn cứ' AS aspect, l.id AS item_id, 'LegalAct' AS item_kind,
       coalesce(l.number, l.name) AS item, $a AS province_a, $b AS province_b,
       any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
MATCH (p:Plan)-[:CAN_CU|TRICH_DAN]->(l:LegalAct)
WHERE (p.province IN $a OR p.province IN $b) AND ($nam = 0 OR p.year = $nam)
  AND (p.id IN $ke_hoach OR NOT p.province IN kp)
WITH l, collect(DISTINCT p.province) AS ps, $a AS pa, $b AS pb
RETURN 'trích dẫn' AS aspect, l.id AS item_id, 'LegalAct' AS item_kind,
       coalesce(l.number, l.name) AS item, $a AS province_a, $b AS province_b,
       any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
// the provinces of the plan chosen (none: every plan counts)
OPTIONAL MATCH (k:Plan) WHERE k.id IN $ke_hoach
WITH collect(DISTINCT k.province) AS kp
// a plan has a theme where one of its tasks has it: the plan's theme summary (TONG_HOP_CHU_DE,
// written at load), not every (task, theme) pair of the two provinces
MATCH (p:Plan)-[:TONG_HOP_CHU_DE]->(th:Theme)
WHERE (p.province IN $a OR p.province IN $b) AND ($nam = 0 OR p.year = $nam)
  AND (p.id IN $ke_hoach OR NOT p.province IN kp)
WITH th, collect(DISTINCT p.province) AS ps, $a AS pa, $b AS pb
RETURN 'có chủ đề' AS aspect, th.id AS item_id, 'Theme' AS item_kind,
       coalesce(th.label_vi, th.id) AS item, $a AS province_a, $b AS province_b,
       any(x IN ps WHERE x IN pa) AS in_a,
       any(x IN ps WHERE x IN pb) AS in_b,
       CASE WHEN any(x IN ps WHERE x IN pa) AND any(x IN ps WHERE x IN pb) THEN 'cả hai'
            WHEN any(x IN ps WHERE x IN pa) THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
