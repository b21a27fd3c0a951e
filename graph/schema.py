"""The graph schema, shared by every store (LadybugDB embedded, Neo4j).

One definition of node labels, relationship types and their properties; the stores derive their
DDL (LadybugDB `CREATE NODE/REL TABLE`, Neo4j constraints) from it, and the README's schema
table is generated from the same data.

Every relationship carries its provenance: the plan it was read from (`plan_id`) and the source
`file` and line range. Relationship names are the domain's words: CHU_TRI (leads), PHOI_HOP
(supports), THUC_HIEN (implements, no lead named), CAN_CU (is based on); DUOC_GIAO and
CUNG_LAM are counts of those assignments, derived at load (graph/derived.py).
"""

from __future__ import annotations

from dataclasses import dataclass

# property name -> type ("STRING", "INT64", "BOOLEAN", "STRING[]")
Props = dict[str, str]

PROVENANCE: Props = {"plan_id": "STRING", "file": "STRING", "line_start": "INT64",
                     "line_end": "INT64"}


@dataclass(frozen=True)
class NodeType:
    label: str
    props: Props  # the first property is the primary key `id`
    vi: str  # Vietnamese label shown to users
    en: str


@dataclass(frozen=True)
class RelType:
    name: str
    pairs: tuple[tuple[str, str], ...]  # (from label, to label)
    props: Props
    vi: str
    en: str


NODES: tuple[NodeType, ...] = (
    NodeType("Plan", {"id": "STRING", "kind": "STRING", "number": "STRING", "issued": "STRING",
                      "issuer": "STRING", "province": "STRING", "year": "INT64",
                      "title": "STRING", "file": "STRING", "line_start": "INT64",
                      "line_end": "INT64", "content_hash": "STRING"},
             "Kế hoạch", "Plan"),
    # `year`: the plan's year, copied at load (derived) so that questions filter and count tasks
    # by year without a hop to the plan.
    NodeType("Task", {"id": "STRING", "plan_id": "STRING", "year": "INT64", "key": "STRING",
                      "text": "STRING",
                      "when_text": "STRING", "period": "STRING", "themes": "STRING[]",
                      "province": "STRING", "file": "STRING", "line_start": "INT64",
                      "line_end": "INT64"},
             "Nhiệm vụ", "Task"),
    # One agency per (province, agency type); `names` are the names as written in documents.
    NodeType("Agency", {"id": "STRING", "type": "STRING", "province": "STRING",
                        "names": "STRING[]", "resolved": "BOOLEAN"},
             "Cơ quan", "Agency"),
    NodeType("AgencyType", {"id": "STRING", "name_en": "STRING"}, "Loại cơ quan", "Agency type"),
    # Numbered acts: id = "<number and symbol>|<year>|<scope>"; acts cited by name only:
    # id = "name:<folded name, no law year>|<year>" (build.named_act_id), number = null.
    NodeType("LegalAct", {"id": "STRING", "number": "STRING", "type": "STRING",
                          "issuer": "STRING", "issued": "STRING", "year": "INT64",
                          "scope": "STRING", "name": "STRING"},
             "Văn bản pháp lý", "Legal act"),
    NodeType("Programme", {"id": "STRING", "name": "STRING", "kind": "STRING"},
             "Chương trình / Đề án / Dự án", "Programme / project"),
    NodeType("Province", {"id": "STRING", "name": "STRING", "valid_from": "STRING",
                          "valid_to": "STRING"},
             "Tỉnh / Thành phố", "Province"),
    NodeType("Theme", {"id": "STRING", "label_vi": "STRING", "label_en": "STRING"},
             "Chủ đề", "Theme"),
)

_MENTION: Props = {**PROVENANCE, "as_written": "STRING", "how": "STRING"}

RELS: tuple[RelType, ...] = (
    RelType("CO_NHIEM_VU", (("Plan", "Task"),), PROVENANCE, "có nhiệm vụ", "has task"),
    RelType("CHU_TRI", (("Agency", "Task"),), _MENTION, "chủ trì", "leads"),
    RelType("PHOI_HOP", (("Agency", "Task"),), _MENTION, "phối hợp", "supports"),
    RelType("THUC_HIEN", (("Agency", "Task"),), _MENTION, "thực hiện", "implements"),
    # Plan -> act: the plan is based on the act (căn cứ / thực hiện).
    # Act -> act: the first act implements, details or continues the second.
    # `as_written`: the act as the document wrote it (a law cited without its year keeps its
    # spelling when graph/law_join.py points the edge at the dated law).
    RelType("CAN_CU", (("Plan", "LegalAct"), ("LegalAct", "LegalAct")),
            {**PROVENANCE, "relation": "STRING", "as_written": "STRING"}, "căn cứ",
            "is based on"),
    RelType("TRICH_DAN", (("Plan", "LegalAct"), ("Plan", "Programme")),
            {**PROVENANCE, "as_written": "STRING"}, "trích dẫn", "cites"),
    RelType("THUOC_TINH", (("Plan", "Province"), ("Agency", "Province"), ("Task", "Province")),
            PROVENANCE, "thuộc tỉnh", "in province"),
    RelType("LA_LOAI", (("Agency", "AgencyType"),), {}, "là loại", "is of type"),
    RelType("PHE_DUYET", (("LegalAct", "Programme"),), PROVENANCE, "phê duyệt", "establishes"),
    RelType("TRIEN_KHAI", (("LegalAct", "Programme"), ("Plan", "Programme")), PROVENANCE,
            "triển khai", "implements programme"),
    RelType("CO_CHU_DE", (("Task", "Theme"),), {"keyword": "STRING"}, "có chủ đề", "has theme"),
    # Derived at load from the plan's own assignments (graph/derived.py), for questions across
    # thousands of plans: per agency, how many of the plan's tasks it leads / supports /
    # implements / takes part in, and the ids of those that set a period (what a deadlines
    # column reads); per ordered pair of agencies and relation between them, their shared
    # tasks. Lines: the span of the tasks counted. `type_leads`, `type_tasks`: the tasks counted
    # for the agency's (b's) type: the same as `leads`, `tasks`, except that for names that
    # resolved to no type a task several of them share counts once, on the first of them.
    RelType("DUOC_GIAO", (("Agency", "Plan"),),
            {**PROVENANCE, "year": "INT64", "leads": "INT64", "supports": "INT64",
             "implements": "INT64", "tasks": "INT64", "type_leads": "INT64",
             "dated_tasks": "STRING[]"},
            "được giao việc trong", "has tasks in, derived"),
    # `plan`: the plan as questions show it (its number, else its title).
    RelType("CUNG_LAM", (("Agency", "Agency"),),
            {**PROVENANCE, "year": "INT64", "province": "STRING", "plan": "STRING",
             "relation": "STRING",
             "tasks": "INT64", "type_tasks": "INT64", "task_keys": "STRING[]"},
            "cùng làm với", "works with, derived"),
    # Derived at load (graph/build.py): a plan's tasks of each theme counted, with the keywords
    # that gave it; source lines: its first and last such task. Theme questions read ~15 of
    # these per plan instead of every (task, theme) pair (~80 per plan).
    RelType("TONG_HOP_CHU_DE", (("Plan", "Theme"),),
            {**PROVENANCE, "tasks": "INT64", "keywords": "STRING[]"},
            "tổng hợp chủ đề", "theme summary"),
    # Reference data (2025 reorganisation): old province / agency type -> successor.
    RelType("KE_NHIEM", (("Province", "Province"), ("AgencyType", "AgencyType")),
            {"valid_from": "STRING", "scope_note": "STRING", "source": "STRING"},
            "kế nhiệm bởi", "succeeded by"),
)

# Written by one document only; every other label is shared between documents.
OWN_LABELS = ("Plan", "Task")
# Agency -> Task assignments, as a Cypher relationship-type alternation.
MENTIONS = "CHU_TRI|PHOI_HOP|THUC_HIEN"

NODE_BY_LABEL = {n.label: n for n in NODES}
REL_BY_NAME = {r.name: r for r in RELS}


def label_vi(name: str) -> str:
    """Vietnamese label of a node label or relationship type (for legends and tables)."""
    if name in NODE_BY_LABEL:
        return NODE_BY_LABEL[name].vi
    if name in REL_BY_NAME:
        return REL_BY_NAME[name].vi
    return name


def schema_markdown() -> str:
    """The README's schema tables (tests/test_readme.py keeps the README in step with this)."""
    out = ["| node / nút | tiếng Việt | properties |", "|---|---|---|"]
    for n in NODES:
        out.append(f"| `{n.label}` | {n.vi} | {', '.join(n.props)} |")
    out += ["", "| relationship / quan hệ | tiếng Việt | from → to | properties |",
            "|---|---|---|---|"]
    for r in RELS:
        pairs = "; ".join(f"{a} → {b}" for a, b in r.pairs)
        props = ", ".join(r.props) or "—"
        out.append(f"| `{r.name}` | {r.vi} ({r.en}) | {pairs} | {props} |")
    return "\n".join(out)
