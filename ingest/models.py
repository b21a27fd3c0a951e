"""Data model of one document's extraction.

Every item keeps its source (file and 1-based line range) so that the graph can always point an
analyst back to the sentence it came from. The `to_gold()` method renders the shape of the
hand-written gold files (see README, "Extraction JSON"), which `plangraph extract --format json`
prints and the scoring tool reads.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """Where an item was read: file name and 1-based inclusive line range."""

    file: str
    line_start: int
    line_end: int

    def __str__(self) -> str:
        if self.line_start == self.line_end:
            return f"{self.file}:{self.line_start}"
        return f"{self.file}:{self.line_start}-{self.line_end}"


@dataclass
class DocumentInfo:
    kind: str | None = None  # "Kế hoạch" | "Chương trình công tác" | …
    number: str | None = None  # "44/KH-UBND"; None when the "Số:" line is blank or absent
    issued: str | None = None  # ISO date
    issuer: str | None = None  # "Ủy ban nhân dân tỉnh Tuyên Quang"
    province: str | None = None  # "Tuyên Quang"; "Hà Nội" for the capital
    year: int | None = None  # the (first) year the plan covers
    title: str | None = None  # trích yếu on one line, without the kind word
    source: Source | None = None


@dataclass
class LegalRef:
    """A numbered legal act cited by the document.

    Identity is (number and symbol, year, scope): `44/KH-UBND` of Tuyên Quang 2023 is not
    `44/KH-UBND` of another province or year. `scope` is "national" or a province name.
    """

    id: str  # number and symbol as printed, canonical case: "1452/QĐ-TTg", "36-CT/TW"
    type: str | None = None  # "Quyết định", "Chỉ thị", "Kế hoạch", …
    issuer: str | None = None
    issued: str | None = None  # ISO date
    year: int | None = None
    scope: str = "national"
    name: str | None = None  # trích yếu where the text gives one ("về …")
    sources: list[Source] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int | None, str]:
        return (self.id, self.year, self.scope)


@dataclass
class NamedAct:
    """An act cited by name only: a law, strategy, convention."""

    name: str
    type: str | None = None  # "Luật", "Chiến lược", "Công ước", …
    sources: list[Source] = field(default_factory=list)


@dataclass
class LegalLink:
    """An act-to-act relation the text states: `from_` implements / details / continues `to`.

    Ends are numbered act ids (as in LegalRef.id) or names of named acts.
    """

    from_: str
    to: str
    relation: str = "implements"  # implements | details | continues
    source: Source | None = None


@dataclass
class Programme:
    """A national or provincial programme, project (Dự án) or scheme (Đề án)."""

    name: str  # as quoted, e.g. 'Chương trình phòng, chống ma túy giai đoạn 2021 - 2025'
    kind: str | None = None  # "Chương trình" | "Đề án" | "Dự án" | "Chương trình mục tiêu" …
    established_by: str | None = None  # legal act id that approves/establishes it
    implemented_by: list[str] = field(default_factory=list)  # legal act ids implementing it
    sources: list[Source] = field(default_factory=list)


@dataclass
class AgencyMention:
    """An agency as written in the document and the shared agency type it resolves to."""

    written: str  # "Sở LĐTBXH", "Công an Thành phố"
    type: str | None  # "Sở Lao động - Thương binh và Xã hội"; None only if unresolved
    how: str = "exact"  # exact | alias | fuzzy | unknown  (unknown = flagged for review)
    source: Source | None = None


@dataclass
class Task:
    key: str  # "1", "III.2.a", "IV.4.-3"
    text: str
    lead: list[AgencyMention] = field(default_factory=list)  # chủ trì
    support: list[AgencyMention] = field(default_factory=list)  # phối hợp
    implementers: list[AgencyMention] = field(default_factory=list)  # đơn vị thực hiện, no lead
    when: str | None = None  # deadline text as written
    period: str | None = None  # normalised period, e.g. "Q2", "2024-06", "ongoing"
    themes: list[str] = field(default_factory=list)
    # theme id -> the keyword of ontology/themes.json that assigned it: the evidence shown
    theme_keywords: dict[str, str] = field(default_factory=dict)
    source: Source | None = None

    @property
    def text_start(self) -> str:
        # long enough for the scorer to align a task whose hand-written start is ~25 words
        words = self.text.split()
        return " ".join(words[:30])


@dataclass
class Extraction:
    """Everything read out of one document."""

    file: str
    document: DocumentInfo
    basis: list[tuple[str, int | None, str]] = field(default_factory=list)  # LegalRef keys
    legal_refs: list[LegalRef] = field(default_factory=list)
    named_acts: list[NamedAct] = field(default_factory=list)
    legal_links: list[LegalLink] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # sha256 of the document's text with whitespace runs collapsed: identifies a document whose
    # "Số:" is blank (set by extract_file; None for hand-built extractions)
    content_hash: str | None = None

    def to_gold(self) -> dict[str, Any]:
        """The gold-file shape (see the README) with sources added alongside."""

        def names(ms: list[AgencyMention]) -> list[str]:
            out: list[str] = []
            for m in ms:
                label = m.type or m.written
                if label not in out:
                    out.append(label)
            return out

        def src(s: Source | None) -> dict | None:
            return asdict(s) if s else None

        doc = asdict(self.document)
        doc["source"] = src(self.document.source)
        return {
            "file": self.file,
            "document": doc,
            "basis": [{"id": i, "year": y, "scope": s} for i, y, s in self.basis],
            "legal_refs": [
                {
                    "id": r.id,
                    "year": r.year,
                    "type": r.type,
                    "issuer": r.issuer,
                    "issued": r.issued,
                    "scope": r.scope,
                    "name": r.name,
                    "sources": [asdict(s) for s in r.sources],
                }
                for r in self.legal_refs
            ],
            "named_acts": [a.name for a in self.named_acts],
            "legal_links": [
                {"from": link.from_, "to": link.to, "relation": link.relation,
                 "source": src(link.source)}
                for link in self.legal_links
            ],
            "programmes": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "established_by": p.established_by,
                    "implemented_by": p.implemented_by,
                    "sources": [asdict(s) for s in p.sources],
                }
                for p in self.programmes
            ],
            "tasks": [
                {
                    "key": t.key,
                    "text_start": t.text_start,
                    "text": t.text,
                    "lead": names(t.lead),
                    "support": names(t.support),
                    "implementers": names(t.implementers),
                    "when": t.when,
                    "period": t.period,
                    "themes": t.themes,
                    "agencies_as_written": {
                        role: [m.written for m in getattr(t, role)]
                        for role in ("lead", "support", "implementers")
                    },
                    "source": src(t.source),
                }
                for t in self.tasks
            ],
            "warnings": self.warnings,
        }
