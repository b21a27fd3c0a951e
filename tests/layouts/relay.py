"""Re-lay the sample plans' task content in the layouts real plans use, with the gold they imply.

content.json (see build_content.py) holds every gold task of the five sample plans: its text, its
agencies by type and its time. Each form below writes those tasks the way another province's
plan would (a table with merged lead cells, a task list assigned by reference, a table as
`pdftotext -layout` prints it, inline labels, label lines, "Giao X chủ trì", extra columns, an
appendix table), in several variations, and returns the text together with the gold tasks that
text states. Agencies are written by a name of their type (`written`); what the gold holds is
the type, so the scores measure reading the layout, not the agency lexicon.

Variations marked `tuned=False` are held out: they are scored and reported but were not looked
at while the rules were written.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTENT = json.loads((HERE / "content.json").read_text(encoding="utf-8"))

# ------------------------------------------------------------------ agencies as written

_WRITTEN = {
    "Công an cấp tỉnh": "Công an {p}",
    "Các cơ quan liên quan": "Các sở, ban, ngành liên quan",
    "Ủy ban nhân dân cấp huyện": "UBND các huyện, thành phố",
    "Tòa án nhân dân cấp tỉnh": "Tòa án nhân dân {p}",
    "Viện Kiểm sát nhân dân cấp tỉnh": "Viện Kiểm sát nhân dân {p}",
    "Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh": "Ủy ban MTTQ Việt Nam {p}",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh": "Đoàn TNCS Hồ Chí Minh {p}",
    "Bộ Chỉ huy Quân sự cấp tỉnh": "Bộ Chỉ huy Quân sự {p}",
    "Bộ Chỉ huy Bộ đội Biên phòng cấp tỉnh": "Bộ Chỉ huy Bộ đội Biên phòng {p}",
    "Cục Hải quan": "Cục Hải quan {p}",
    "Liên đoàn Lao động cấp tỉnh": "Liên đoàn Lao động {p}",
    "Hội Liên hiệp Phụ nữ cấp tỉnh": "Hội Liên hiệp Phụ nữ {p}",
    "Ban Chỉ đạo phòng, chống tội phạm cấp tỉnh": "Ban Chỉ đạo 138 {p}",
    "Ban Dân tộc": "Ban Dân tộc {p}",
    "Ban Tuyên giáo cấp ủy tỉnh": "Ban Tuyên giáo {u}",
    "Hội Nông dân cấp tỉnh": "Hội Nông dân {p}",
    "Hội Cựu chiến binh cấp tỉnh": "Hội Cựu chiến binh {p}",
    "Đài Phát thanh và Truyền hình cấp tỉnh": "Đài Phát thanh và Truyền hình {p}",
    "Văn phòng Ủy ban nhân dân cấp tỉnh": "Văn phòng UBND {p}",
    "Báo cấp tỉnh": "Báo {name}",
    "Cục Quản lý thị trường": "Cục Quản lý thị trường {p}",
}
# Abbreviations plans use (a held-out variation writes agencies this way).
_ABBREVIATED = {
    "Sở Lao động - Thương binh và Xã hội": "Sở LĐTBXH",
    "Sở Thông tin và Truyền thông": "Sở TTTT",
    "Sở Giáo dục và Đào tạo": "Sở GD&ĐT",
    "Sở Văn hóa, Thể thao và Du lịch": "Sở VHTTDL",
    "Sở Nông nghiệp và Phát triển nông thôn": "Sở NN&PTNT",
    "Ủy ban nhân dân cấp huyện": "UBND huyện, thành phố",
    "Các cơ quan liên quan": "các sở, ngành liên quan",
}


def written(agency: str, province: str, abbreviated: bool = False) -> str:
    capital = province == "Hà Nội"
    if capital and agency == "Ủy ban nhân dân cấp huyện":
        return "UBND các quận, huyện, thị xã"
    form = (_ABBREVIATED.get(agency) if abbreviated else None) or _WRITTEN.get(agency, agency)
    return form.format(p="Thành phố" if capital else "tỉnh", u="Thành ủy" if capital else "Tỉnh ủy",
                       name=province)


# ------------------------------------------------------------------ plans and tasks


@dataclass
class Task:
    key: str
    text: str
    lead: list[str]
    support: list[str]
    implementers: list[str]
    when: str | None


@dataclass
class Plan:
    file: str
    province: str
    preamble: str
    tasks: list[Task]


@dataclass
class Relaid:
    form: str
    variation: str
    plan: str
    tuned: bool
    text: str
    gold: list[dict] = field(default_factory=list)


def plans() -> list[Plan]:
    out = []
    for p in CONTENT:
        preamble = next((h for h in p["header"] if h.startswith(("Thực hiện", "Căn cứ"))), "")
        tasks = [Task(t["key"], t["text"], t["lead"], t["support"], t["implementers"], t["when"])
                 for t in p["tasks"]]
        out.append(Plan(p["file"], p["province"], preamble, tasks))
    return out


def gold_task(key: str, text: str, lead=(), support=(), implementers=(), when=None) -> dict:
    return {"key": key, "text_start": " ".join(text.split()[:8]), "lead": list(lead),
            "support": list(support), "implementers": list(implementers), "when": when}


def header(plan: Plan, kind: str = "KẾ HOẠCH") -> list[str]:
    capital = plan.province == "Hà Nội"
    place = "THÀNH PHỐ HÀ NỘI" if capital else "TỈNH " + plan.province.upper()
    lines = ["ỦY BAN NHÂN DÂN", place, "", "Số: 27/KH-UBND", "",
             f"{plan.province}, ngày 15 tháng 3 năm 2024", "", kind,
             "Phòng, chống AIDS, ma túy, mại dâm năm 2024", ""]
    if plan.preamble:
        lines += [plan.preamble, ""]
    lines += ["I. MỤC ĐÍCH, YÊU CẦU", "",
              "1. Nâng cao hiệu quả công tác phòng, chống AIDS, ma túy, mại dâm trên địa bàn.", "",
              "2. Phân công cụ thể, xác định rõ trách nhiệm của các cơ quan, đơn vị.", ""]
    return lines


def signature(plan: Plan) -> list[str]:
    return ["", "Nơi nhận:", "- Như trên;", "- Lưu: VT, NC.", "",
            "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An", ""]


def names(agencies: list[str], plan: Plan, sep: str = ", ", abbreviated: bool = False) -> str:
    return sep.join(written(a, plan.province, abbreviated) for a in agencies)


def with_lead(plan: Plan) -> list[Task]:
    """Tasks a table with chủ trì / phối hợp columns can hold (the lead is named)."""
    return [t for t in plan.tasks if t.lead and not t.implementers]


SECTION_TITLES = [
    "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "CÔNG TÁC TUYÊN TRUYỀN, PHÒNG NGỪA",
    "CÔNG TÁC ĐẤU TRANH, TRẤN ÁP TỘI PHẠM", "CÔNG TÁC CAI NGHIỆN VÀ QUẢN LÝ SAU CAI",
    "CÔNG TÁC PHÒNG, CHỐNG HIV/AIDS", "CÔNG TÁC PHÒNG, CHỐNG MẠI DÂM",
    "CÔNG TÁC KIỂM TRA, GIÁM SÁT", "CÔNG TÁC PHỐI HỢP",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def sections(tasks: list[Task], size: int) -> list[list[Task]]:
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def grouped_by_lead(tasks: list[Task]) -> list[Task]:
    """Tasks with the same lead next to each other, in order of first appearance."""
    order: dict[tuple, int] = {}
    for t in tasks:
        order.setdefault(tuple(t.lead), len(order))
    return sorted(tasks, key=lambda t: order[tuple(t.lead)])


# ------------------------------------------------------------------ table renderings


def render_rows(rows: list[list[str]], style: str) -> list[str]:
    """rows[0] is the header; 'pipe' markdown, 'web' pipes without a rule, 'tab' cells."""
    out = []
    for i, row in enumerate(rows):
        if style == "tab":
            out.append("\t".join(row))
        else:
            out.append("| " + " | ".join(row) + " |")
            if i == 0 and style == "pipe":
                out.append("|" + "---|" * len(row))
    return out


# ------------------------------------------------------------------ issue 17: merged lead cells


def merged_lead(plan: Plan, style: str, mark: str, merge_support: bool, orphans: bool,
                section_size: int) -> tuple[list[str], list[dict]]:
    rows = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]]
    gold = []
    for s, chunk in enumerate(sections(grouped_by_lead(with_lead(plan)), section_size)):
        rows.append([ROMAN[s], SECTION_TITLES[s % len(SECTION_TITLES)], "", "", ""])
        prev = None
        for n, t in enumerate(chunk, 1):
            lead, support = names(t.lead, plan), names(t.support, plan)
            key = f"{ROMAN[s]}.{n}"
            orphan = orphans and n == 1 and len(chunk) > 1 and chunk[1].lead != t.lead \
                and t.support  # a row that names nobody is no task
            if orphan:  # the lead cell is empty with no group above: no lead
                rows.append([str(n), t.text, "", support, t.when or ""])
                gold.append(gold_task(key, t.text, (), t.support, (), t.when))
                prev = None
                continue
            same = prev is not None and prev.lead == t.lead
            lead_cell = mark if same else lead
            support_cell = support
            if same and merge_support and prev.support == t.support and t.support:
                support_cell = mark
            rows.append([str(n), t.text, lead_cell, support_cell, t.when or ""])
            gold.append(gold_task(key, t.text, t.lead, t.support, (), t.when))
            prev = t
    return ["II. NHIỆM VỤ CỤ THỂ", ""] + render_rows(rows, style), gold


# ------------------------------------------------------------------ issue 17: by reference


def _points(numbers: list[int], ranges: str) -> str:
    """[1, 3, 5] -> 'điểm 1, 3 và 5'; runs of three or more as ranges: 'short' -> 'các điểm
    từ 1 đến 4, 6 - 9 và 12', 'long' -> 'điểm 2, từ điểm 6 đến điểm 9 và điểm 12'."""
    parts, i = [], 0
    while i < len(numbers):
        j = i
        while ranges and j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if ranges and j - i >= 2:
            a, b = numbers[i], numbers[j]
            parts.append(f"từ điểm {a} đến điểm {b}" if ranges == "long" else
                         f"từ {a} đến {b}" if not parts else f"{a} - {b}")
            i = j + 1
        else:
            parts.append(f"điểm {numbers[i]}" if ranges == "long" else str(numbers[i]))
            i += 1
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]
    if ranges == "long":
        return listed
    return ("các điểm " if len(numbers) > 1 else "điểm ") + listed


def by_reference(plan: Plan, ranges: str, numbered_agencies: bool, times: bool,
                 section_word: str, verb: str) -> tuple[list[str], list[dict]]:
    tasks = with_lead(plan)
    lines = ["II. NHIỆM VỤ, GIẢI PHÁP", ""]
    gold = []
    for n, t in enumerate(tasks, 1):
        lines += [f"{n}. {t.text}", ""]
        if times and t.when:
            lines += [f"Thời gian thực hiện: {t.when}.", ""]
        gold.append(gold_task(f"II.{n}", t.text, t.lead, t.support, (), t.when if times else None))
    leads: dict[str, list[int]] = {}
    supports: dict[str, list[int]] = {}
    for n, t in enumerate(tasks, 1):
        for a in t.lead:
            leads.setdefault(a, []).append(n)
            supports.setdefault(a, [])
        for a in t.support:
            leads.setdefault(a, [])
            supports.setdefault(a, []).append(n)
    lines += [f"III. {verb}", ""]
    where = "Mục II" if section_word == "Mục" else "Phần II"
    for i, agency in enumerate(leads, 1):
        said = []
        if leads[agency]:
            said.append(f"chủ trì thực hiện các nhiệm vụ tại {_points(leads[agency], ranges)}"
                        f" {where}")
        if supports[agency]:
            partner = ""
            if leads[agency] and supports[agency]:
                first = tasks[supports[agency][0] - 1].lead[0]
                partner = f" với {written(first, plan.province)}"
            said.append(f"phối hợp{partner} thực hiện nhiệm vụ tại "
                        f"{_points(supports[agency], ranges)} {where}")
        number = f"{i}. " if numbered_agencies else ""
        lines += [f"{number}{written(agency, plan.province)}: " + "; ".join(said) + ".", ""]
    return lines, gold


# ------------------------------------------------------------------ issue 17: pdftotext -layout


@dataclass
class PdfLook:
    widths: tuple[int, int, int, int, int]  # TT, content, lead, support, time
    gutter: int = 3
    margin: int = 6
    blank_between_rows: bool = True
    page_lines: int = 48
    footer: str = "Trang {n}/{total}"  # or "{n}" or "" (form feed only)
    form_feed: bool = True
    repeat_header: bool = True
    centered: bool = False  # cells vertically centred in the row instead of top-aligned
    number_style: str = "{n}"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _layout_rows(cells_rows: list[list[str]], look: PdfLook, centered: bool) -> list[list[str]]:
    """Each table row as the list of printed lines it spans."""
    out = []
    for cells in cells_rows:
        wrapped = [_wrap(c, w) if c else [] for c, w in zip(cells, look.widths, strict=True)]
        height = max(1, *(len(w) for w in wrapped))
        printed = []
        for k in range(height):
            parts = []
            for col, w in zip(wrapped, look.widths, strict=True):
                offset = (height - len(col)) // 2 if centered else 0
                j = k - offset
                parts.append((col[j] if 0 <= j < len(col) else "").ljust(w))
            line = " " * look.margin + (" " * look.gutter).join(parts)
            printed.append(line.rstrip())
        out.append(printed)
    return out


def pdf_layout(plan: Plan, look: PdfLook, section_size: int) -> tuple[list[str], list[dict]]:
    head = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian thực hiện"]
    body, gold = [], []
    for s, chunk in enumerate(sections(with_lead(plan), section_size)):
        body.append([ROMAN[s], SECTION_TITLES[s % len(SECTION_TITLES)], "", "", ""])
        for n, t in enumerate(chunk, 1):
            number = look.number_style.format(n=n)
            body.append([number, t.text, names(t.lead, plan), names(t.support, plan),
                         t.when or ""])
            gold.append(gold_task(f"{ROMAN[s]}.{n}", t.text, t.lead, t.support, (), t.when))
    head_lines = _layout_rows([head], look, False)[0]
    rows = _layout_rows(body, look, look.centered)
    flat: list[str] = []
    for printed in rows:
        flat += printed
        if look.blank_between_rows:
            flat.append("")
    # pages: the body is cut every page_lines lines, wherever that falls (even inside a row)
    pages = [flat[i:i + look.page_lines] for i in range(0, len(flat), look.page_lines)]
    out = ["II. NHIỆM VỤ CỤ THỂ", ""]
    for n, page in enumerate(pages, 1):
        if n == 1 or look.repeat_header:
            out += head_lines + [""]
        out += page
        if n < len(pages):
            if look.footer:
                out += ["", " " * 40 + look.footer.format(n=n, total=len(pages)), ""]
            if look.form_feed:
                out.append("\f")
    return out, gold


# ------------------------------------------------------------------ issue 12: assignment forms


def inline_labels(plan: Plan, words: dict, under_heading: bool) -> tuple[list[str], list[dict]]:
    """'… Chủ trì: X; Phối hợp: Y. Thời gian: Z.' at the end of each paragraph or bullet."""
    lines, gold = ["II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", ""], []
    tasks = plan.tasks
    if under_heading:  # bullets under the lead's heading, the label names only the partners
        groups: dict[tuple, list[Task]] = {}
        for t in tasks:
            if t.lead:
                groups.setdefault(tuple(t.lead), []).append(t)
        for g, (lead, items) in enumerate(groups.items(), 1):
            lines += [f"{g}. {names(list(lead), plan)}", ""]
            for b, t in enumerate(items, 1):
                label = f" {words['support']}: {names(t.support, plan)}." if t.support else ""
                time = f" {words['time']}: {t.when}." if t.when else ""
                lines += [f"- {t.text.rstrip('.;')}.{label}{time}", ""]
                gold.append(gold_task(f"II.{g}.-{b}", t.text, lead, t.support, (), t.when))
        return lines, gold
    for n, t in enumerate(tasks, 1):
        parts = []
        if t.lead:
            parts.append(f"{words['lead']}: {names(t.lead, plan)}")
        if t.support:
            parts.append(f"{words['support']}: {names(t.support, plan)}")
        if t.implementers:
            parts.append(f"{words['implementers']}: {names(t.implementers, plan)}")
        if t.when:
            parts.append(f"{words['time']}: {t.when}")
        lines += [f"{n}. {t.text.rstrip('.;')}. " + words["sep"].join(parts) + ".", ""]
        gold.append(gold_task(f"II.{n}", t.text, t.lead, t.support, t.implementers, t.when))
    return lines, gold


def _short(text: str, words: int) -> str:
    first = re.split(r"[,;:(]", text, maxsplit=1)[0].split()
    return " ".join(first[:words])


def label_lines(plan: Plan, short: int | None, bullet: str,
                words: dict) -> tuple[list[str], list[dict]]:
    """'2. Triển khai …' then '- Cơ quan chủ trì: …', '- Cơ quan phối hợp: …', '- Thời gian …'."""
    lines, gold = ["II. NHIỆM VỤ CỤ THỂ", ""], []
    for n, t in enumerate(plan.tasks, 1):
        text = _short(t.text, short) if short else t.text
        lines += [f"{n}. {text}", ""]
        if t.lead:
            lines.append(f"{bullet}{words['lead']}: {names(t.lead, plan)}.")
        if t.support:
            lines.append(f"{bullet}{words['support']}: {names(t.support, plan)}.")
        if t.implementers:
            lines.append(f"{bullet}{words['implementers']}: {names(t.implementers, plan)}.")
        if t.when:
            lines.append(f"{bullet}{words['time']}: {t.when}.")
        lines.append("")
        gold.append(gold_task(f"II.{n}", text, t.lead, t.support, t.implementers, t.when))
    return lines, gold


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def giao(plan: Plan, at_start: bool) -> tuple[list[str], list[dict]]:
    """'Giao X chủ trì, phối hợp với Y …' before or after the task text."""
    lines, gold = ["III. TỔ CHỨC THỰC HIỆN", ""], []
    for n, t in enumerate(with_lead(plan), 1):
        with_partners = f", phối hợp với {names(t.support, plan)}" if t.support else ""
        giao_ = f"Giao {names(t.lead, plan)} chủ trì{with_partners}"
        when = f" Thời gian thực hiện: {t.when}." if t.when else ""
        if at_start:
            text = f"{giao_} {_lower_first(t.text.rstrip('.;'))}.{when}"
        else:
            text = f"{t.text.rstrip('.;')}. {giao_} thực hiện.{when}"
        lines += [f"{n}. {text}", ""]
        gold.append(gold_task(f"III.{n}", text, t.lead, t.support, (), t.when))
    return lines, gold


_PRODUCTS = ["Kế hoạch triển khai", "Báo cáo kết quả", "Văn bản chỉ đạo",
             "Các hoạt động được tổ chức"]
_FUNDS = ["Ngân sách tỉnh", "Lồng ghép chương trình", "Nguồn kinh phí thường xuyên", ""]


def extra_columns(plan: Plan, style: str, order: str,
                  section_size: int) -> tuple[list[str], list[dict]]:
    """Task tables with Sản phẩm / Kết quả đầu ra / Kinh phí columns and group rows."""
    columns = {"product": "Sản phẩm", "output": "Kết quả đầu ra", "fund": "Kinh phí",
               "task": "Nội dung nhiệm vụ", "lead": "Cơ quan chủ trì",
               "support": "Cơ quan phối hợp", "time": "Thời gian hoàn thành"}
    keys = order.split()
    rows = [["STT"] + [columns[k] for k in keys]]
    gold = []
    for s, chunk in enumerate(sections(with_lead(plan), section_size)):
        rows.append([ROMAN[s], *(SECTION_TITLES[s % len(SECTION_TITLES)] if k == "task" else ""
                                 for k in keys)])
        for n, t in enumerate(chunk, 1):
            i = n + s
            cell = {"product": _PRODUCTS[i % 4], "output": _PRODUCTS[(i + 1) % 4],
                    "fund": _FUNDS[i % 4], "task": t.text, "lead": names(t.lead, plan),
                    "support": names(t.support, plan), "time": t.when or ""}
            rows.append([str(n)] + [cell[k] for k in keys])
            gold.append(gold_task(f"{ROMAN[s]}.{n}", t.text, t.lead, t.support, (), t.when))
    return ["II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", ""] + render_rows(rows, style), gold


def appendix(plan: Plan, style: str) -> tuple[list[str], list[dict]]:
    """The body refers to an appendix after the signature that holds the task table."""
    body = ["II. NHIỆM VỤ CỤ THỂ", "",
            "(Có Phụ lục nhiệm vụ cụ thể kèm theo)", "",
            "III. TỔ CHỨC THỰC HIỆN", "",
            "Các cơ quan, đơn vị căn cứ nhiệm vụ được phân công tại Phụ lục kèm theo Kế hoạch này "
            "tổ chức triển khai thực hiện.", ""]
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]]
    # the paragraph of section III gives the collective its own task (gold README)
    gold = [gold_task("III", body[6], ["Các cơ quan liên quan"])]
    for n, t in enumerate(with_lead(plan), 1):
        rows.append([str(n), t.text, names(t.lead, plan), names(t.support, plan), t.when or ""])
        gold.append(gold_task(f"PL.{n}", t.text, t.lead, t.support, (), t.when))
    tail = signature(plan) + ["PHỤ LỤC",
                              "NHIỆM VỤ CỤ THỂ PHÒNG, CHỐNG AIDS, MA TÚY, MẠI DÂM NĂM 2024",
                              "(Kèm theo Kế hoạch số 27/KH-UBND ngày 15/3/2024 của UBND tỉnh)", ""]
    return body + tail + render_rows(rows, style), gold


# ------------------------------------------------------------------ the catalogue

LABEL_WORDS = {
    "plain": {"lead": "Chủ trì", "support": "Phối hợp", "implementers": "Đơn vị thực hiện",
              "time": "Thời gian", "sep": "; "},
    "cơ quan": {"lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp",
                "implementers": "Đơn vị thực hiện", "time": "Thời gian thực hiện", "sep": ". "},
    "đơn vị": {"lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp",
               "implementers": "Đơn vị thực hiện", "time": "Thời hạn hoàn thành", "sep": "; "},
}

# form -> [(variation, tuned, builder(plan) -> (lines, gold), plans it applies to)]
ISSUE_17 = ("merged_lead", "by_reference", "pdf_layout")


def catalogue() -> dict[str, list[tuple[str, bool, callable]]]:
    return {
        "merged_lead": [
            ("pipe, empty cells", True, lambda p: merged_lead(p, "pipe", "", False, False, 8)),
            ("tab, ditto marks, partners merged", True,
             lambda p: merged_lead(p, "tab", '"', True, False, 6)),
            ("web pipes, 'nt', orphan rows", True,
             lambda p: merged_lead(p, "web", "nt", True, True, 10)),
            ("pipe, dashes, partners merged, orphans", False,
             lambda p: merged_lead(p, "pipe", "-", True, True, 7)),
            ("tab, empty, one big section", False,
             lambda p: merged_lead(p, "tab", "", True, False, 100)),
        ],
        "by_reference": [
            ("lists, Mục II", True, lambda p: by_reference(p, "", False, False, "Mục",
                                                           "TỔ CHỨC THỰC HIỆN")),
            ("ranges, numbered agencies, times", True,
             lambda p: by_reference(p, "short", True, True, "Mục", "PHÂN CÔNG NHIỆM VỤ")),
            ("ranges, Phần II", False, lambda p: by_reference(p, "long", False, False, "Phần",
                                                              "PHÂN CÔNG THỰC HIỆN")),
        ],
        "pdf_layout": [
            ("wide, blank rows, Trang n/N, form feed, header repeated", True,
             lambda p: pdf_layout(p, PdfLook((4, 46, 18, 24, 14)), 9)),
            ("narrow, no blank rows, bare page numbers", True,
             lambda p: pdf_layout(p, PdfLook((3, 34, 14, 18, 12), gutter=2,
                                             blank_between_rows=False, page_lines=40,
                                             footer="{n}", form_feed=False), 12)),
            ("no header repeat, form feed only, numbered '1.'", True,
             lambda p: pdf_layout(p, PdfLook((5, 40, 20, 20, 16), gutter=4, footer="",
                                             repeat_header=False, number_style="{n}."), 8)),
            ("vertically centred cells", False,
             lambda p: pdf_layout(p, PdfLook((4, 42, 16, 22, 14), centered=True,
                                             page_lines=55), 10)),
            ("very narrow columns, Trang n", False,
             lambda p: pdf_layout(p, PdfLook((3, 28, 12, 16, 10), gutter=2, page_lines=60,
                                             footer="Trang {n}", blank_between_rows=False), 9)),
        ],
        "inline_labels": [
            ("end of paragraph, Chủ trì; Phối hợp; Thời gian", True,
             lambda p: inline_labels(p, LABEL_WORDS["plain"], False)),
            ("bullet under agency heading, Phối hợp. Thời gian", True,
             lambda p: inline_labels(p, LABEL_WORDS["cơ quan"], True)),
            ("end of paragraph, Đơn vị …; Thời hạn hoàn thành", False,
             lambda p: inline_labels(p, LABEL_WORDS["đơn vị"], False)),
        ],
        "label_lines": [
            ("short items, '- ' labels", True, lambda p: label_lines(p, 5, "- ",
                                                                     LABEL_WORDS["cơ quan"])),
            ("full items, '+ ' labels", True, lambda p: label_lines(p, None, "+ ",
                                                                    LABEL_WORDS["đơn vị"])),
            ("very short items, bare labels", False, lambda p: label_lines(p, 3, "",
                                                                           LABEL_WORDS["plain"])),
        ],
        "giao": [
            ("Giao … at the end", True, lambda p: giao(p, False)),
            ("Giao … first", False, lambda p: giao(p, True)),
        ],
        "extra_columns": [
            ("pipe, Sản phẩm and Kinh phí", True,
             lambda p: extra_columns(p, "pipe", "task product lead support time fund", 8)),
            ("tab, Kết quả đầu ra before agencies", True,
             lambda p: extra_columns(p, "tab", "task output time lead support", 10)),
            ("web pipes, every extra column", False,
             lambda p: extra_columns(p, "web", "task product output lead support fund time", 6)),
        ],
        "appendix": [
            ("tab table after the signature", True, lambda p: appendix(p, "tab")),
            ("pipe table after the signature", False, lambda p: appendix(p, "pipe")),
        ],
    }


def relaid(forms: tuple[str, ...] | None = None) -> list[Relaid]:
    out = []
    for form, variations in catalogue().items():
        if forms and form not in forms:
            continue
        for variation, tuned, build in variations:
            for plan in plans():
                lines, gold = build(plan)
                if not gold:
                    continue
                text = "\n".join(header(plan) + lines + ([] if form == "appendix"
                                                         else signature(plan)))
                out.append(Relaid(form, variation, plan.file, tuned, text, gold))
    return out


if __name__ == "__main__":  # print one re-laid plan: relay.py FORM [VARIATION_INDEX [PLAN_INDEX]]
    import sys

    form = sys.argv[1]
    v = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    p = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    variation = catalogue()[form][v]
    lines, _ = variation[2](plans()[p])
    print("\n".join(header(plans()[p]) + lines))
