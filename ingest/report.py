"""`extract --format text`: what was found and where, for a person to read.

Every item shows its line numbers in the file, so that an analyst can check it against the
text; agencies the resolver could not name are listed at the end for review.
"""

from __future__ import annotations

from plangraph.ingest.models import AgencyMention, Extraction, Source, Task
from plangraph.ingest.tasks.themes import assign_themes

_ROLES = (("lead", "chủ trì / lead"), ("support", "phối hợp / support"),
          ("implementers", "thực hiện / implementers"))


def render_text(ex: Extraction) -> str:
    d = ex.document
    out = [f"{ex.file}: {d.kind or '?'} {d.number or '(không số / no number)'}"
           f" — {d.province or '?'} {d.year or ''}".rstrip()]
    if d.title:
        out.append(f"  {d.title}")
    if d.issuer or d.issued:
        out.append(f"  {d.issuer or '?'}, {d.issued or '?'}{_at(d.source)}")
    if ex.basis:
        out.append("Căn cứ / basis: " + ", ".join(f"{i} ({y or '?'}, {s})" for i, y, s in ex.basis))
    if ex.legal_refs:
        out.append(f"Văn bản trích dẫn / legal acts cited: {len(ex.legal_refs)}")
        for r in ex.legal_refs:
            lines = ", ".join(str(s.line_start) for s in r.sources)
            out.append(f"  {r.id} {r.type or ''} {r.issued or r.year or ''} [{r.scope}]"
                       f" — dòng / lines {lines}")
    if ex.programmes:
        out.append(f"Chương trình, đề án / programmes: {len(ex.programmes)}")
        out += [f"  {p.name}{_at(p.sources[0] if p.sources else None)}" for p in ex.programmes]
    out.append(f"Nhiệm vụ / tasks: {len(ex.tasks)}")
    for t in ex.tasks:
        out += _task(t)
    unresolved = [(t, m) for t in ex.tasks for role, _ in _ROLES for m in getattr(t, role)
                  if m.type is None or m.how in ("unknown", "fuzzy")]
    if unresolved:
        out.append("Cơ quan cần kiểm tra / agencies to review (chưa nhận diện hoặc gần đúng / "
                   "unresolved or fuzzy):")
        for t, m in unresolved:
            out.append(f"  [{t.key}]{_at(m.source or t.source)}: \"{m.written}\" -> "
                       f"{m.type or '?'} ({m.how})")
    if ex.warnings:
        out.append("Cảnh báo / warnings:")
        out += [f"  {w}" for w in ex.warnings]
    return "\n".join(out)


def _task(t: Task) -> list[str]:
    lines = [f"  [{t.key}]{_at(t.source)} {_short(t.text)}"]
    for role, label in _ROLES:
        mentions: list[AgencyMention] = getattr(t, role)
        if mentions:
            lines.append(f"      {label}: " + "; ".join(_agency(m) for m in mentions))
    if t.when:
        lines.append(f"      thời gian / when: {t.when}" + (f" -> {t.period}" if t.period else ""))
    reasons = {m.theme: m.keyword for m in assign_themes(t.text)}
    if t.themes:
        lines.append("      chủ đề / themes: " + ", ".join(
            f"{th} (\"{reasons[th]}\")" if th in reasons else th for th in t.themes))
    return lines


def _agency(m: AgencyMention) -> str:
    if m.type is None:
        return f"{m.written} (?)"
    return m.type if m.written == m.type else f"{m.type} (\"{m.written}\")"


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _at(source: Source | None) -> str:
    if source is None:
        return ""
    if source.line_start == source.line_end:
        return f" dòng {source.line_start}"
    return f" dòng {source.line_start}-{source.line_end}"
