"""Node identity: the keys under which two documents naming the same act, programme, agency or
province meet at one node of the graph. Both the extractors (to merge mentions within one
document) and graph/build.py (to name the nodes) compute ids here, and nowhere else.

    named_act_key(name), named_act_year(name)   an act cited by name: folded name, law's year
    programme_key(name)                          the Programme node id
    legal_act_id(number, year, scope)            a numbered act: "<number>|<year>|<scope>"
    named_act_id(name)                           an act cited by name: "name:<key>|<year>"
    agency_id(province, mention)                 "<province>|<type>" or "<province>|?<written>"
    province_node_id(name, date)                 the province unit on a date (2025 successions)
    ref_key(text)                                how acts are matched within one document
    squeeze(text)                                NFC, single spaces: a name as stored
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from typing import Protocol

from plangraph.ingest.text.vntext import loose_key
from plangraph.ontology.succession import province_node_id

__all__ = ["agency_id", "law_base", "legal_act_id", "named_act_id", "named_act_key",
           "named_act_year", "programme_key", "province_node_id", "ref_key", "squeeze"]


class _Named(Protocol):
    type: str | None
    written: str


def squeeze(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def ref_key(text: str) -> str:
    """How acts are matched within one document: case, spaces, tone marks, leading zeros."""
    return re.sub(r"^0+(?=\d)", "", loose_key(text).replace(" ", ""))


_LAW = re.compile(r"^(?:luat|bo luat|phap lenh|hien phap)\s")
_LAW_YEAR = re.compile(r"\s+(?:nam\s+)?(?P<y>(?:19|20)\d{2})$")


def named_act_key(name: str) -> str:
    """Identity of an act cited by name, a law's year left out: 'Luật Phòng, chống ma túy năm
    2021', '… ma tuý 2021' and 'Luật Phòng, chống ma túy' -> 'luat phong chong ma tuy'.

    Other named acts keep their years, which tell them apart ('Chiến lược … đến năm 2020' and
    '… đến năm 2030', 'Kế hoạch … năm 2024'). Laws are re-enacted under one name (Luật Phòng,
    chống ma túy 2000 and 2021): `named_act_year` gives the year a name carries.
    """
    key = re.sub(r"\s+", " ", loose_key(name).replace(",", " ")).strip(" .;")
    return _LAW_YEAR.sub("", key) if _LAW.match(key) else key


def named_act_year(name: str) -> int | None:
    """The year closing a law's name ('Luật Phòng, chống ma túy năm 2021' -> 2021), else None."""
    key = re.sub(r"\s+", " ", loose_key(name).replace(",", " ")).strip(" .;")
    m = _LAW_YEAR.search(key) if _LAW.match(key) else None
    return int(m.group("y")) if m else None


# Words a programme's name is written with or without ("Chương trình mục tiêu quốc gia [về]
# phòng, chống, nâng cao hiệu quả [công tác] cai nghiện ma túy"); dropped before diacritics go,
# so that "bảo vệ" keeps its "vệ".
_FILLER = re.compile(r"(?<![\wĐđ])(?:về|công tác)(?![\wĐđ])", re.IGNORECASE)


def programme_key(name: str) -> str:
    """'Chương trình Phòng, chống ma túy giai đoạn 2021-2025' and '“Chương trình phòng, chống
    ma tuý giai đoạn 2021 - 2025”' -> 'chuong trinh phong chong ma tuy giai doan 2021-2025';
    filler words ('về', 'công tác') left out."""
    s = loose_key(_FILLER.sub(" ", unicodedata.normalize("NFC", name)))
    s = re.sub(r"[\"'“”‘’«»*]", " ", s)
    s = re.sub(r"(\d{4})\s*-\s*(\d{4})", r"\1-\2", s)
    s = re.sub(r"^(chuong trinh muc tieu quoc gia|chuong trinh muc tieu|chuong trinh|tieu du an|"
               r"de an|du an)\s+\d{1,2}\b", r"\1", s.strip())
    s = re.sub(r"[,;:.()]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def plan_node_id(province: str | None, kind: str | None, number: str | None,
                 issued: str | None, year: int | None, title: str | None,
                 text_hash: Callable[[], str]) -> str:
    """A plan's identity: its number where it has one, else its header, else its text.

    Never its file name: two provinces' "KH.pdf" are two plans. A plan without a number (a
    draft, a cover note's attachment) is the plan its header names (province, kind, year,
    title), so the same plan re-saved, corrected or in another format replaces itself.
    """
    if number:
        return "|".join(part or "" for part in (province, kind, number, issued))
    if province and kind and title:
        header = "|".join((province, kind, str(year or ""), loose_key(title)))
        return "#" + hashlib.sha256(header.encode("utf-8")).hexdigest()[:16]
    return "#" + text_hash()[:16]


def legal_act_id(number: str, year: int | None, scope: str) -> str:
    return f"{squeeze(number).replace(' ', '')}|{'' if year is None else year}|{scope}"


def named_act_id(name: str) -> str:
    """'name:<folded name without a law's year>|<year>': spelling, case and tone-mark variants of
    one law meet; a law re-enacted under the same name (2000, 2021) stays two acts."""
    year = named_act_year(name)
    return f"name:{named_act_key(name)}" + (f"|{year}" if year else "")


def law_base(act_id: str) -> str | None:
    """The year-less id of a law's node ('name:luat phong chong ma tuy|2021' and 'name:luat
    phong chong ma tuy' -> 'name:luat phong chong ma tuy'); None for other acts."""
    if not act_id.startswith("name:"):
        return None
    base = act_id.split("|", 1)[0]
    return base if _LAW.match(base[len("name:"):]) else None


def agency_id(province: str | None, mention: _Named) -> str:
    if mention.type:
        return f"{province or ''}|{mention.type}"
    return f"{province or ''}|?{squeeze(mention.written)}"
