"""One document's `Extraction` as graph rows (graph/schema.py), shared by every store.

Node ids are computed in ingest/text/identity.py, so that two documents naming the same agency,
act, programme or province meet at the same node:

- Plan: "<province>|<kind>|<number>|<issued>" when the number is known, else "#<text hash>".
- Task: "<plan id>/<key>" ("~2", "~3" … appended where a document repeats a key).
- Agency: "<province>|<agency type>"; a name that resolved to no type: "<province>|?<as written>"
  (province: the Province node id).
- LegalAct: "<number>|<year>|<scope>" (year empty when unknown); cited by name: "name:<name>".
- Programme: programme_key(name); Province: the reference data's node for the province on the
  plan's date (ontology/succession.py: the name until 30/6/2025, "<name>@2025-07-01" after);
  AgencyType, Theme: their ids.

Every edge read from the document carries its provenance (plan id, file, line range of the item
it came from). Nothing is invented: a link or programme whose act the document does not cite is
left out rather than pointed at a guessed act.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from plangraph.graph.derived import add_derived
from plangraph.graph.rows import GraphRows
from plangraph.graph.schema import NODE_BY_LABEL, REL_BY_NAME
from plangraph.ingest.models import AgencyMention, Extraction, LegalRef, Source
from plangraph.ingest.text.identity import (
    agency_id,
    legal_act_id,
    named_act_id,
    named_act_key,
    named_act_year,
    plan_node_id,
    programme_key,
    province_node_id,
    ref_key,
    squeeze,
)

ROLES = (("lead", "CHU_TRI"), ("support", "PHOI_HOP"), ("implementers", "THUC_HIEN"))


def plan_id(extraction: Extraction) -> str:
    doc = extraction.document
    return plan_node_id(doc.province, doc.kind, doc.number, doc.issued, doc.year, doc.title,
                        lambda: content_hash(extraction))


def content_hash(extraction: Extraction) -> str:
    """The document text's hash; for an extraction built by hand, a hash of its content."""
    if extraction.content_hash:
        return extraction.content_hash
    canonical = json.dumps(extraction.to_gold(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def plan_rows(extraction: Extraction) -> GraphRows:
    rows = _Builder(extraction).build()
    add_derived(rows)
    return rows


class _Builder:
    def __init__(self, extraction: Extraction) -> None:
        self.x = extraction
        self.doc = extraction.document
        self.plan_id = plan_id(extraction)
        self.province = self.doc.province
        # The Province node of the reference data: the unit the province was on the plan's date
        # (issued, else 1 January of its year), in the reference's spelling.
        on = self.doc.issued or (f"{self.doc.year}-01-01" if self.doc.year else None)
        self.province_id = province_node_id(self.province, on) if self.province else None
        self.rows = GraphRows()
        self._nodes: dict[tuple[str, str], dict[str, Any]] = {}
        self._edges: set[tuple] = set()

    def build(self) -> GraphRows:
        self.plan()
        acts = self.legal_acts()
        self.legal_links(acts)
        self.programmes(acts)
        self.tasks()
        return self.rows

    # -- rows ---------------------------------------------------------------------------------

    def node(self, label: str, **props: Any) -> str:
        """Add a node once; a later row only fills properties the first left empty."""
        row = _schema_row(NODE_BY_LABEL[label].props, props)
        seen = self._nodes.get((label, row["id"]))
        if seen is None:
            self._nodes[(label, row["id"])] = row
            self.rows.add_node(label, row)
        else:
            for key, value in row.items():
                if seen[key] is None:
                    seen[key] = value
        return row["id"]

    def edge(self, rel: str, from_label: str, from_id: str, to_label: str, to_id: str,
             source: Source | None = None, **props: Any) -> None:
        """Add an edge once per (type, ends, as written); provenance from `source`."""
        key = (rel, from_id, to_id, props.get("as_written"), props.get("relation"))
        if key in self._edges:
            return
        self._edges.add(key)
        schema_props = REL_BY_NAME[rel].props
        if "plan_id" in schema_props:
            props = {**props, **self.provenance(source)}
        row = {"from": from_id, "to": to_id, **_schema_row(schema_props, props)}
        self.rows.edge_rows(rel, from_label, to_label).append(row)

    def provenance(self, source: Source | None) -> dict[str, Any]:
        return {"plan_id": self.plan_id, "file": source.file if source else self.x.file,
                "line_start": source.line_start if source else None,
                "line_end": source.line_end if source else None}

    def in_province(self, label: str, node_id: str, source: Source | None) -> None:
        if self.province_id:
            self.node("Province", id=self.province_id, name=self.province)
            self.edge("THUOC_TINH", label, node_id, "Province", self.province_id, source)

    # -- document parts -----------------------------------------------------------------------

    def plan(self) -> None:
        doc, src = self.doc, self.doc.source
        self.node("Plan", id=self.plan_id, kind=doc.kind, number=doc.number, issued=doc.issued,
                  issuer=doc.issuer, province=doc.province, year=doc.year, title=doc.title,
                  file=self.x.file, line_start=src.line_start if src else None,
                  line_end=src.line_end if src else None, content_hash=content_hash(self.x))
        self.in_province("Plan", self.plan_id, src)

    def legal_acts(self) -> dict[str, str]:
        """Add every cited act; return the lookup from how the text refers to an act to its id."""
        lookup: dict[str, str] = {}
        sources: dict[str, Source | None] = {}
        written: dict[str, str] = {}  # act id -> its number as the document wrote it
        for ref in self.x.legal_refs:
            act = self.numbered_act(ref)
            written.setdefault(act, squeeze(ref.id))
            lookup.setdefault(ref_key(ref.id), act)
            sources[act] = ref.sources[0] if ref.sources else None
        for number, year, scope in self.x.basis:
            act = legal_act_id(number, year, scope)
            if act not in sources:  # a basis the extractor did not also list as cited
                self.numbered_act(LegalRef(id=number, year=year, scope=scope))
                lookup.setdefault(ref_key(number), act)
                sources[act] = self.doc.source
            written.setdefault(act, squeeze(number))
            self.edge("CAN_CU", "Plan", self.plan_id, "LegalAct", act, sources[act],
                      relation="basis", as_written=written[act])
        cited = []  # (act, as written, source): a law may be written both with and without year
        dated = dated_laws(n.name for n in self.x.named_acts)
        for named in self.x.named_acts:
            act = named_act_id(named.name)
            act = dated.get(act, act)  # the year this document gives the law elsewhere
            self.node("LegalAct", id=act, type=named.type,
                      name=squeeze(named.name) if act == named_act_id(named.name) else None)
            lookup.setdefault(ref_key(named.name), act)
            cited.append((act, squeeze(named.name), named.sources[0] if named.sources else None))
        for act, source in sources.items():
            self.edge("TRICH_DAN", "Plan", self.plan_id, "LegalAct", act, source,
                      as_written=written.get(act))
        for act, as_written, source in cited:
            self.edge("TRICH_DAN", "Plan", self.plan_id, "LegalAct", act, source,
                      as_written=as_written)
        return lookup

    def numbered_act(self, ref: LegalRef) -> str:
        return self.node("LegalAct", id=legal_act_id(ref.id, ref.year, ref.scope),
                         number=squeeze(ref.id), type=ref.type, issuer=ref.issuer,
                         issued=ref.issued, year=ref.year, scope=ref.scope, name=ref.name)

    def legal_links(self, acts: dict[str, str]) -> None:
        for link in self.x.legal_links:
            from_act, to_act = acts.get(ref_key(link.from_)), acts.get(ref_key(link.to))
            if from_act and to_act:
                self.edge("CAN_CU", "LegalAct", from_act, "LegalAct", to_act, link.source,
                          relation=link.relation)

    def programmes(self, acts: dict[str, str]) -> None:
        title = programme_key(self.doc.title or "")
        own_number = ref_key(self.doc.number) if self.doc.number else None
        for prog in self.x.programmes:
            key = programme_key(prog.name)
            source = prog.sources[0] if prog.sources else None
            implemented_by = {ref_key(i) for i in prog.implemented_by}
            links = [("PHE_DUYET", "LegalAct", acts.get(ref_key(prog.established_by or "")),
                      source)]
            links += [("TRIEN_KHAI", "LegalAct", acts.get(k), source) for k in implemented_by]
            # The plan itself implements a programme it is titled after or lists as implementer.
            if own_number in implemented_by or f" {key} " in f" {title} ":
                links.append(("TRIEN_KHAI", "Plan", self.plan_id, self.doc.source))
            else:  # a programme the plan names in its text (often: tasks that carry it out)
                links.append(("TRICH_DAN", "Plan", self.plan_id, source))
            if not key:
                continue
            self.node("Programme", id=key, name=squeeze(prog.name), kind=prog.kind)
            for rel, from_label, from_id, src in links:
                if from_id:  # an act the document does not state has no node
                    self.edge(rel, from_label, from_id, "Programme", key, src)

    def tasks(self) -> None:
        seen_keys: dict[str, int] = {}
        for task in self.x.tasks:
            n = seen_keys[task.key] = seen_keys.get(task.key, 0) + 1
            task_id = f"{self.plan_id}/{task.key}" + (f"~{n}" if n > 1 else "")
            src = task.source
            self.node("Task", id=task_id, plan_id=self.plan_id, year=self.doc.year, key=task.key,
                      text=task.text, when_text=task.when, period=task.period,
                      themes=list(task.themes), province=self.province,
                      file=src.file if src else self.x.file,
                      line_start=src.line_start if src else None,
                      line_end=src.line_end if src else None)
            self.edge("CO_NHIEM_VU", "Plan", self.plan_id, "Task", task_id, src)
            self.in_province("Task", task_id, src)
            for role, rel in ROLES:
                for mention in getattr(task, role):
                    agency = self.agency(mention, mention.source or src)
                    self.edge(rel, "Agency", agency, "Task", task_id, mention.source or src,
                              as_written=squeeze(mention.written), how=mention.how)
            for theme in task.themes:
                self.node("Theme", id=theme)
                self.edge("CO_CHU_DE", "Task", task_id, "Theme", theme,
                          keyword=task.theme_keywords.get(theme))
        self.theme_summaries()

    def theme_summaries(self) -> None:
        """Derived: each theme's tasks in this plan counted (TONG_HOP_CHU_DE), with the
        keywords that gave it, sourced from its first to its last such task."""
        tasks: Counter[str] = Counter()
        keywords: dict[str, set[str]] = {}
        lines: dict[str, list[int]] = {}
        for task in self.x.tasks:
            for theme in set(task.themes):  # one CO_CHU_DE edge per (task, theme)
                tasks[theme] += 1
                if task.theme_keywords.get(theme):
                    keywords.setdefault(theme, set()).add(task.theme_keywords[theme])
                if task.source:
                    lines.setdefault(theme, []).extend((task.source.line_start,
                                                        task.source.line_end))
        for theme, n in tasks.items():
            seen = lines.get(theme)
            source = Source(self.x.file, min(seen), max(seen)) if seen else None
            self.edge("TONG_HOP_CHU_DE", "Plan", self.plan_id, "Theme", theme, source, tasks=n,
                      keywords=sorted(keywords.get(theme, ())))

    def agency(self, mention: AgencyMention, source: Source | None) -> str:
        agency = agency_id(self.province_id, mention)
        row_id = self.node("Agency", id=agency, type=mention.type, province=self.province,
                           names=[], resolved=mention.type is not None)
        names = self._nodes[("Agency", row_id)]["names"]
        if squeeze(mention.written) not in names:
            names.append(squeeze(mention.written))
        self.in_province("Agency", agency, source)
        if mention.type:
            self.node("AgencyType", id=mention.type)
            self.edge("LA_LOAI", "Agency", agency, "AgencyType", mention.type)
        return agency


def dated_laws(names: Iterable[str]) -> dict[str, str]:
    """Year-less law id -> the dated law id, for the laws the names give with exactly one
    year ('Luật Phòng, chống ma túy' and '… năm 2021' in one document are one law)."""
    years: dict[str, set[str]] = {}
    for name in names:
        if named_act_year(name):
            years.setdefault(f"name:{named_act_key(name)}", set()).add(named_act_id(name))
    return {base: ids.pop() for base, ids in years.items() if len(ids) == 1}


def _schema_row(schema_props: dict[str, str], props: dict[str, Any]) -> dict[str, Any]:
    unknown = set(props) - set(schema_props)
    if unknown:
        raise ValueError(f"not in graph/schema.py: {sorted(unknown)}")
    return {name: props.get(name) for name in schema_props}
