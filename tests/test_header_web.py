"""Headers as analysts get them from portals: copied web text, flattened layout tables.

Each sample plan is given a full header (issuer, motto, number, place and date, kind, title)
and then rendered the ways copied web text carries it: "|" debris of the two-column layout
table, the two columns flattened onto two lines, lines broken anywhere (inside the date, the
number, the title), the kind label or the province line missing. Whatever the rendering, the
header read must be the one written, and the plan's own number is never one of its citations.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from plangraph.ingest.extract import extract_file

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"


@dataclass(frozen=True)
class Header:
    kind: str
    number: str
    issued: str  # ISO
    unit: str  # "TỈNH TUYÊN QUANG"
    province: str
    issuer: str
    title: str

    @property
    def place_date(self) -> str:
        y, m, d = self.issued.split("-")
        return f"{self.province}, ngày {d} tháng {int(m)} năm {y}"


# The sample plans' own headers as their gold files give them; numbers and dates as a plan of
# that kind and year would carry (the sample files leave them blank).
HEADERS = {
    "000": Header("Chương trình công tác", "27/CTr-UBND", "2024-04-12", "TỈNH TUYÊN QUANG",
                  "Tuyên Quang", "Ủy ban nhân dân tỉnh Tuyên Quang",
                  "Phòng, chống AIDS, ma tuý, mại dâm năm 2024"),
    "001": Header("Kế hoạch", "74/KH-UBND", "2023-05-31", "TỈNH TUYÊN QUANG", "Tuyên Quang",
                  "Ủy ban nhân dân tỉnh Tuyên Quang",
                  "Triển khai hưởng ứng Tháng hành động phòng, chống ma túy; Ngày quốc tế phòng, "
                  "chống ma túy và Ngày toàn dân phòng, chống ma túy trên địa bàn tỉnh Tuyên "
                  "Quang năm 2023"),
    "002": Header("Kế hoạch", "2578/KH-UBND", "2017-06-20", "TỈNH TIỀN GIANG", "Tiền Giang",
                  "Ủy ban nhân dân tỉnh Tiền Giang",
                  "Triển khai thực hiện Quyết định số 424/QĐ-TTg ngày 07 tháng 4 năm 2017 của "
                  "Thủ tướng Chính phủ về phê duyệt Chương trình phòng, chống ma túy đến năm "
                  "2020 trên địa bàn Tiền Giang"),
    "003": Header("Kế hoạch", "35/KH-UBND", "2024-01-29", "THÀNH PHỐ HÀ NỘI", "Hà Nội",
                  "Ủy ban nhân dân thành phố Hà Nội",
                  "Phòng, chống ma túy trên địa bàn thành phố Hà Nội năm 2024"),
    "004": Header("Kế hoạch", "5971/KH-UBND", "2023-05-22", "TỈNH TRÀ VINH", "Trà Vinh",
                  "Ủy ban nhân dân tỉnh Trà Vinh",
                  "Thực hiện Chương trình công tác năm 2023 của Ủy ban Quốc gia phòng, chống "
                  "AIDS, ma túy, mại dâm trên địa bàn tỉnh Trà Vinh"),
}
MOTTO, MOTTO2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"


def _body(seed: str) -> list[str]:
    """The sample plan after its own header."""
    path = next(PLANS.glob(f"{seed}_*.txt"))
    end = extract_file(path).document.source.line_end
    return path.read_text(encoding="utf-8").split("\n")[end:]


def clean(h: Header) -> list[str]:
    return ["ỦY BAN NHÂN DÂN", h.unit, f"Số: {h.number}", MOTTO, MOTTO2, h.place_date, "",
            h.kind.upper(), h.title, ""]


def pipes(h: Header) -> list[str]:
    """The two-column layout table copied from a page: cells end in '|'."""
    return [f"ỦY BAN NHÂN DÂN | {MOTTO} |", f"{h.unit} | {MOTTO2} |",
            f"Số: {h.number} | {h.place_date} |", "", h.kind.upper(), h.title, ""]


def flattened(h: Header) -> list[str]:
    """Both columns flattened onto two lines."""
    return [f"ỦY BAN NHÂN DÂN {h.unit} | {MOTTO} {MOTTO2} |",
            f"Số: {h.number} | {h.place_date} |", h.kind.upper(), h.title, ""]


def wrapped(width: int):
    def render(h: Header) -> list[str]:
        """Every line broken at `width` characters, wherever that falls."""
        out: list[str] = []
        for line in clean(h):
            out += textwrap.wrap(line, width) or [""]
        return out

    render.__name__ = f"wrapped{width}"
    return render


def number_split(h: Header) -> list[str]:
    lines = clean(h)
    i = lines.index(f"Số: {h.number}")
    return lines[:i] + ["Số:", h.number] + lines[i + 1:]


def no_kind_label(h: Header) -> list[str]:
    return [line for line in pipes(h) if line != h.kind.upper()]


def no_province_line(h: Header) -> list[str]:
    return [line for line in pipes(h) if line != f"{h.unit} | {MOTTO2} |"]


RENDERINGS = [clean, pipes, flattened, wrapped(28), wrapped(41), number_split, no_kind_label,
              no_province_line]


@pytest.mark.parametrize("render", RENDERINGS, ids=lambda r: r.__name__)
@pytest.mark.parametrize("seed", sorted(HEADERS))
def test_header_read_from_web_text(seed, render, tmp_path):
    h = HEADERS[seed]
    path = tmp_path / f"{seed}-{render.__name__}.txt"
    path.write_text("\n".join(render(h) + _body(seed)), encoding="utf-8")
    extraction = extract_file(path)
    doc = extraction.document
    got = (doc.kind, doc.number, doc.issued, doc.province, doc.issuer, doc.title)
    kind = h.kind
    if render is no_kind_label and kind == "Chương trình công tác":
        kind = "Chương trình"  # all a "CTr" symbol says without the label
    assert got == (kind, h.number, h.issued, h.province, h.issuer, h.title)
    assert h.number not in {r.id for r in extraction.legal_refs}


def _decision(h: Header, attached: bool) -> list[str]:
    """A Quyết định issuing the plan, copied from a web page: no blank lines anywhere."""
    lines = [f"ỦY BAN NHÂN DÂN | {MOTTO} |", f"{h.unit} | {MOTTO2} |",
             f"Số: {h.number.replace('KH-', 'QĐ-')} | {h.place_date} |", "QUYẾT ĐỊNH",
             f"Ban hành Kế hoạch {h.title[:1].lower() + h.title[1:]}",
             f"CHỦ TỊCH ỦY BAN NHÂN DÂN {h.unit}",
             "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
             "Theo đề nghị của Giám đốc Công an tỉnh.",
             "QUYẾT ĐỊNH:",
             f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {h.title[:1].lower()}"
             f"{h.title[1:]}.",
             "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
             "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ngành và Chủ tịch "
             "Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.",
             "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
             "Nguyễn Văn A"]
    if attached:
        lines += [f"{h.kind.upper()}", h.title,
                  f"(Ban hành kèm theo Quyết định số {h.number.replace('KH-', 'QĐ-')} ngày "
                  f"{h.place_date.split('ngày ')[1]} của Ủy ban nhân dân tỉnh)"]
    return lines


@pytest.mark.parametrize("attached", [True, False], ids=["with-plan", "decision-only"])
@pytest.mark.parametrize("seed", ["002", "004"])
def test_decision_issuing_a_plan_gives_the_plans_title(seed, attached, tmp_path):
    h = HEADERS[seed]
    path = tmp_path / f"qd-{seed}.txt"
    path.write_text("\n".join(_decision(h, attached) + _body(seed)), encoding="utf-8")
    extraction = extract_file(path)
    doc = extraction.document
    number = h.number.replace("KH-", "QĐ-")
    assert (doc.kind, doc.number, doc.issued, doc.title) == ("Kế hoạch", number, h.issued, h.title)
    assert doc.province == h.province
    assert number not in {r.id for r in extraction.legal_refs}


def test_decision_title_stops_before_the_signer_and_articles(tmp_path):
    h = HEADERS["004"]
    title = "Về việc kiện toàn Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội tỉnh Trà Vinh"
    lines = _decision(h, attached=False)
    lines[4] = title
    lines[9] = "Điều 1. Kiện toàn Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội tỉnh."
    path = tmp_path / "qd.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = extract_file(path).document
    assert (doc.kind, doc.title) == ("Quyết định", title)


# A preamble of the kind portals publish, its clauses each opening with "Căn cứ".
PREAMBLE = [
    "Căn cứ Chỉ thị số 07-CT/TW ngày 10/6/2021 của Ban Bí thư về tăng cường công tác phòng, "
    "chống ma túy;",
    "Căn cứ Kế hoạch số 05-KH/BCSĐ ngày 12/3/2021 của Ban cán sự đảng Ủy ban nhân dân tỉnh "
    "thực hiện Chỉ thị số 07-CT/TW ngày 10/6/2021 của Ban Bí thư;",
    "Căn cứ Công văn số 332/LĐTBXH-PCTNXH ngày 02/02/2022 của Bộ Lao động - Thương binh và Xã "
    "hội về triển khai Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;",
    "Căn cứ Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ phê duyệt Chương "
    "trình phòng, chống ma túy giai đoạn 2021-2025 và định hướng đến năm 2030;",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
]


@pytest.mark.parametrize("width", [0, 70, 47], ids=["lines", "wrapped70", "wrapped47"])
@pytest.mark.parametrize("render", [pipes, flattened, no_kind_label], ids=lambda r: r.__name__)
def test_preamble_links_and_programmes_in_web_text(render, width, tmp_path):
    h = HEADERS["003"]
    preamble = [part for line in PREAMBLE for part in (textwrap.wrap(line, width) if width
                                                         else [line])]
    path = tmp_path / "kh.txt"
    header = [line for line in render(h) if line]  # pages copied with no blank lines
    path.write_text("\n".join(header + preamble + _body("003")), encoding="utf-8")
    got = extract_file(path).to_gold()
    links = {(link["from"], link["to"]) for link in got["legal_links"]}
    assert {("05-KH/BCSĐ", "07-CT/TW"), ("332/LĐTBXH-PCTNXH", "116/2021/NĐ-CP")} <= links
    programmes = {p["name"]: p["established_by"] for p in got["programmes"]}
    name = "Chương trình phòng, chống ma túy giai đoạn 2021-2025 và định hướng đến năm 2030"
    assert programmes.get(name) == "1452/QĐ-TTg"
    basis = {b["id"] for b in got["basis"]}
    assert {"07-CT/TW", "05-KH/BCSĐ", "332/LĐTBXH-PCTNXH", "1452/QĐ-TTg"} <= basis
    assert h.number not in {r["id"] for r in got["legal_refs"]}
