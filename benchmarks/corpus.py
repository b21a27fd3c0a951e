"""A synthetic national corpus: the sample plans re-issued for other provinces and years.

    .venv/bin/python benchmarks/corpus.py OUT_DIR [--docs 1000] [--seed 1]

Each document is one of the five sample plans (examples/plans) re-issued by another province
(the 63 units of ontology/provinces.json, a "thành phố" plan by a "thành phố", a "tỉnh" plan by
a "tỉnh") for another year, with its own number and issue date. What changes, consistently in
the whole text: the province's name (as written and in capitals), so the issuer and every
"trên địa bàn tỉnh …" follow; the plan's year wherever the text says it, except in the dates of
acts of central bodies (those stay shared between provinces, as in reality); the header's
number ("Số: 57/KH-UBND") and place-and-date line, added where the sample has none. So every
copy is a distinct plan with a distinct identity (province, number, date), and the corpus is the
same for the same `--docs` and `--seed`.

Sizes: the five samples hold ~218 tasks; 1,000 documents hold ~44,000 tasks.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from plangraph.ontology.loader import former_provinces

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
FIRST_YEAR, LAST_YEAR = 2016, 2024  # the former 63 units all exist through 2024


@dataclass(frozen=True)
class Sample:
    file: str
    province: str  # as written in the sample
    kind: str  # "tỉnh" | "thành phố"
    year: int
    symbol: str  # the number's symbol: "KH-UBND"


SAMPLES = (
    Sample("000_7ff5c3280978a41d.txt", "Tuyên Quang", "tỉnh", 2024, "UBND-NC"),
    Sample("001_cadd610ea85bac60.txt", "Tuyên Quang", "tỉnh", 2023, "KH-UBND"),
    Sample("002_03bdb9b91671cb36.txt", "Tiền Giang", "tỉnh", 2017, "KH-UBND"),
    Sample("003_01d19c3d4aca6329.txt", "Hà Nội", "thành phố", 2024, "KH-UBND"),
    Sample("004_d2e76ff14f87a60d.txt", "Trà Vinh", "tỉnh", 2023, "KH-UBND"),
)

# An act's number and date: "số 1452/QĐ-TTg ngày 31/8/2021", "Nghị định số 116/2021/NĐ-CP
# ngày 21 tháng 12 năm 2021". Dates of acts whose symbol names a provincial body (UBND, HĐND,
# a provincial party committee "TU") move with the plan; the others are national and stay.
_CITATION = re.compile(
    r"số\s+\d+[^\s,;()]*/(?P<symbol>[^\s,;()]+)\s+ngày\s+"
    r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", re.IGNORECASE)
_LOCAL_SYMBOL = re.compile(r"UBND|HĐND|/TU\b|-TU\b|TU$|KH/TU", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^(\s*Số:\s*)(\d*)(/[^\s]+)", re.MULTILINE)
_DATE_LINE = re.compile(r"^(\s*)([^\n,]{2,40}), ngày \d{1,2} tháng \d{1,2} năm \d{4}", re.MULTILINE)
_BLANK_NUMBER = re.compile(r"(Văn bản số )/(UBND-NC) ngày tháng (\d{2}) năm")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def provinces(kind: str) -> list[str]:
    return sorted(p.name for p in former_provinces() if p.kind == kind)


def reissue(text: str, sample: Sample, province: str, year: int, number: int,
            day: int, month: int) -> str:
    """The sample's text as issued by `province` in `year`, number `number`, on day/month."""
    text = nfc(text)
    text = _shift_year(text, sample.year, year)
    for old, new in ((sample.province, province),
                     (sample.province.upper(), province.upper())):
        text = text.replace(old, new)
    date_line = f"{province}, ngày {day} tháng {month} năm {year}"
    if _NUMBER_LINE.search(text):
        text = _NUMBER_LINE.sub(lambda m: f"{m[1]}{number}{m[3]}", text, count=1)
        text = _DATE_LINE.sub(lambda m: m[1] + date_line, text, count=1)
    elif _BLANK_NUMBER.search(text):  # "(Ban hành kèm theo Văn bản số /UBND-NC ngày tháng 04 …"
        text = _BLANK_NUMBER.sub(lambda m: f"{m[1]}{number}/{m[2]} ngày {day} tháng {month:02d} "
                                 "năm", text, count=1)
    else:
        unit = "THÀNH PHỐ" if sample.kind == "thành phố" else "TỈNH"
        header = (f"ỦY BAN NHÂN DÂN\n{unit} {province.upper()}\n\nSố: {number}/{sample.symbol}"
                  f"\n\n{date_line}\n\n")
        text = header + text.lstrip("\n ")
    return text


def _shift_year(text: str, old: int, new: int) -> str:
    if old == new:
        return text
    keep = [m.span() for m in _CITATION.finditer(text) if not _LOCAL_SYMBOL.search(m["symbol"])]
    out, pos = [], 0
    for m in re.finditer(rf"(?<!\d){old}(?!\d)", text):
        if any(a <= m.start() < b for a, b in keep):
            continue
        out += [text[pos:m.start()], str(new)]
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Copy:
    """One document of the corpus: which sample, re-issued by whom, when, with what number."""
    file: str
    sample: Sample
    province: str
    year: int
    number: int
    day: int
    month: int

    @property
    def issued(self) -> str:
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


def copies(docs: int, seed: int = 1) -> list[Copy]:
    """What `corpus` writes, without the texts."""
    rng = random.Random(seed)
    numbers: dict[tuple[str, int], int] = {}
    out = []
    for i in range(docs):
        sample = SAMPLES[i % len(SAMPLES)]
        province = rng.choice(provinces(sample.kind))
        year = rng.randint(max(FIRST_YEAR, sample.year - 4), min(LAST_YEAR, sample.year + 3))
        number = numbers[(province, year)] = numbers.get((province, year), rng.randint(5, 40)) \
            + rng.randint(1, 9)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        name = f"{i:05d}_{_slug(province)}_{year}_{number}_{sample.file[:3]}.txt"
        out.append(Copy(name, sample, province, year, number, day, month))
    return out


def corpus(docs: int, seed: int = 1) -> list[tuple[str, str]]:
    """`docs` (file name, text) pairs, the same for the same `docs` and `seed`."""
    texts = {s.file: (PLANS / s.file).read_text(encoding="utf-8") for s in SAMPLES}
    return [(c.file, reissue(texts[c.sample.file], c.sample, c.province, c.year, c.number,
                             c.day, c.month)) for c in copies(docs, seed)]


def write_corpus(folder: Path, docs: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in corpus(docs, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the documents into")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.docs, args.seed)
    print(f"{len(paths)} documents in {args.out}")


if __name__ == "__main__":
    main()
