// name: so_sanh_hai_tinh
// question: So sánh hai tỉnh: cơ quan, căn cứ pháp lý, văn bản viện dẫn và chủ đề chung và riêng.
// question_en: Two provinces side by side: shared and exclusive agencies, legal bases, cited acts and themes.
// param: a | province | | Tỉnh thứ nhất / first province
// param: b | province | | Tỉnh thứ hai / second province
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
MATCH (x:Agency)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(:Task)
WHERE x.province IN [$a, $b]
WITH x.type AS item_id, collect(DISTINCT x.province) AS ps
// `+ ''`: LadybugDB 0.22 mixes up the columns of a UNION when a branch returns one
// expression twice
RETURN 'cơ quan' AS aspect, item_id, 'AgencyType' AS item_kind, item_id + '' AS item,
       $a AS province_a, $b AS province_b, $a IN ps AS in_a, $b IN ps AS in_b,
       CASE WHEN size(ps) = 2 THEN 'cả hai' WHEN $a IN ps THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
MATCH (p:Plan)-[:CAN_CU]->(l:LegalAct)
WHERE p.province IN [$a, $b]
WITH l, collect(DISTINCT p.province) AS ps
RETURN 'căn cứ' AS aspect, l.id AS item_id, 'LegalAct' AS item_kind,
       coalesce(l.number, l.name) AS item, $a AS province_a, $b AS province_b,
       $a IN ps AS in_a, $b IN ps AS in_b,
       CASE WHEN size(ps) = 2 THEN 'cả hai' WHEN $a IN ps THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
MATCH (p:Plan)-[:CAN_CU|TRICH_DAN]->(l:LegalAct)
WHERE p.province IN [$a, $b]
WITH l, collect(DISTINCT p.province) AS ps
RETURN 'trích dẫn' AS aspect, l.id AS item_id, 'LegalAct' AS item_kind,
       coalesce(l.number, l.name) AS item, $a AS province_a, $b AS province_b,
       $a IN ps AS in_a, $b IN ps AS in_b,
       CASE WHEN size(ps) = 2 THEN 'cả hai' WHEN $a IN ps THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
UNION ALL
MATCH (t:Task)-[:CO_CHU_DE]->(th:Theme)
WHERE t.province IN [$a, $b]
WITH th, collect(DISTINCT t.province) AS ps
RETURN 'có chủ đề' AS aspect, th.id AS item_id, 'Theme' AS item_kind,
       coalesce(th.label_vi, th.id) AS item, $a AS province_a, $b AS province_b,
       $a IN ps AS in_a, $b IN ps AS in_b,
       CASE WHEN size(ps) = 2 THEN 'cả hai' WHEN $a IN ps THEN 'chỉ A' ELSE 'chỉ B' END
       AS presence
