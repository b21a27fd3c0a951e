"""Grammar words as data (ontology/grammar.json, ingest/text/grammar.py): the data loads, every
kind is used by the extractors, role words written other ways are read wherever the rule
applies, and no extractor spells a role word in a regex of its own again."""

from __future__ import annotations

import ast
import io
import re
import tokenize
import unicodedata
from pathlib import Path

import pytest

from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ingest.models import DocumentInfo
from plangraph.ingest.read.reader import RawDocument
from plangraph.ingest.tasks.deadlines import normalise_period
from plangraph.ingest.tasks.extract import extract_tasks
from plangraph.ingest.text import grammar
from plangraph.ingest.text.vntext import strip_diacritics

INGEST = Path(grammar.__file__).resolve().parents[1]


def tasks_of(text: str):
    doc = RawDocument(file="excerpt.txt", path="excerpt.txt", text=text, lines=text.split("\n"))
    return extract_tasks(doc, DocumentInfo(), get_resolver())


def roles(task):
    return ({m.type for m in task.lead}, {m.type for m in task.support},
            {m.type for m in task.implementers})


# ------------------------------------------------------------------------------- the data


def test_every_kind_has_a_source_and_words_in_nfc() -> None:
    assert set(grammar.kinds()) == {"role", "assign", "section", "column", "time", "unit",
                                     "end", "deadline", "part", "clause", "body", "basis"}
    for kind, data in grammar.kinds().items():
        assert data["source"].strip(), kind
        for entry in grammar.names(kind):
            assert grammar.words(entry), entry
        for group, entries in data.get("groups", {}).items():
            assert set(entries) <= set(data["words"]), (kind, group)


def test_unknown_names_are_errors() -> None:
    with pytest.raises(KeyError, match="role.chu_tri_typo"):
        grammar.pattern("role.chu_tri_typo")
    with pytest.raises(KeyError, match="roles"):
        grammar.words("roles.chu_tri")


def _names_used_in_ingest() -> set[str]:
    used = set()
    call = re.compile(r"grammar\.(?:alt|pattern|words|names)\(([^)]*)\)")
    for path in INGEST.rglob("*.py"):
        if path.name == "grammar.py":
            continue
        for args in call.findall(path.read_text(encoding="utf-8")):
            args = re.sub(r"\bcase=\"\w*\"", "", args)  # a keyword's value names no words
            used |= set(re.findall(r"\"([a-z_]+(?:\.[a-z_]+)?)\"", args))
    return used


def test_every_kind_is_used_by_an_extractor() -> None:
    used = _names_used_in_ingest()
    assert {name.split(".")[0] for name in used} == set(grammar.kinds())
    for name in used:
        assert grammar.words(name), name  # every name the code asks for exists


def test_words_match_across_case_spacing_tone_placement_and_diacritics() -> None:
    assert grammar.pattern("role.chu_tri").search("Sở Y tế CHỦ\n  TRÌ, phối hợp …")
    assert grammar.pattern("role.chu_tri").search("Sở Y tế chủ trì") is not None
    assert not grammar.pattern("role.chu_tri").search("chủ trìnhx")
    assert grammar.pattern("role.support").search("phối,kết hợp với Công an tỉnh")
    assert grammar.pattern("time.ongoing", folded=True).search("thuc hien hang nam")
    assert not grammar.pattern("time.ongoing").search("thuc hien hang nam")


# ---------------------------------------------------------------- behaviour on real excerpts


@pytest.mark.parametrize("label", [
    " (Đơn vị chủ trì: Sở Giáo dục và Đào tạo; Đơn vị phối hợp: Công an tỉnh; Thời gian thực "
    "hiện: Quý II/2024).",
    " (Cơ quan chủ trì: Sở Giáo dục và Đào tạo; Cơ quan phối hợp: Công an tỉnh; Thời gian: Quý "
    "II/2024).",
    ". Chủ trì: Sở Giáo dục và Đào tạo; Phối hợp: Công an tỉnh. Thời gian: Quý II/2024.",
    " (Đơn vị thực hiện: Sở Giáo dục và Đào tạo chủ trì, phối hợp Công an tỉnh; Thời gian thực "
    "hiện: Quý II/2024).",
])
def test_role_labels_written_several_ways(label: str) -> None:
    tasks = tasks_of("II. NHIỆM VỤ\n1. Tăng cường tuyên truyền phòng, chống ma túy trong trường "
                     f"học{label}\n")
    assert [(t.key, roles(t), normalise_period(t.when)) for t in tasks] == [
        ("II.1", ({"Sở Giáo dục và Đào tạo"}, {"Công an cấp tỉnh"}, set()), "2024-Q2")]


def test_label_lines_with_chu_tri_thuc_hien() -> None:
    tasks = tasks_of("""II. NHIỆM VỤ
1. Tổ chức điều trị nghiện bằng thuốc thay thế tại các cơ sở y tế.
- Cơ quan chủ trì thực hiện: Sở Y tế.
- Cơ quan phối hợp thực hiện: Công an tỉnh, Sở Tài chính.
- Thời gian: Thường xuyên.
""")
    assert [(t.key, roles(t), t.when) for t in tasks] == [
        ("II.1", ({"Sở Y tế"}, {"Công an cấp tỉnh", "Sở Tài chính"}, set()), "Thường xuyên")]


def test_units_label_with_chu_tri_thuc_hien_then_support() -> None:
    tasks = tasks_of("II. NHIỆM VỤ\n1. Kiểm tra các cơ sở kinh doanh dịch vụ nhạy cảm (Đơn vị "
                     "thực hiện: Công an tỉnh chủ trì thực hiện, phối hợp Sở Văn hóa, Thể thao "
                     "và Du lịch; Thời gian thực hiện: hằng năm).\n")
    assert [roles(t) for t in tasks] == [
        ({"Công an cấp tỉnh"}, {"Sở Văn hóa, Thể thao và Du lịch"}, set())]


def test_table_columns_named_another_way() -> None:
    tasks = tasks_of("""II. NHIỆM VỤ
| STT | Nhiệm vụ | Đơn vị chủ trì thực hiện | Đơn vị phối hợp thực hiện | Tiến độ |
|---|---|---|---|---|
| 1 | Kiểm tra, xử lý vi phạm tại cơ sở kinh doanh có điều kiện | Công an tỉnh | Sở Y tế | Quý III |
""")
    assert [(roles(t), t.when) for t in tasks] == [
        (({"Công an cấp tỉnh"}, {"Sở Y tế"}, set()), "Quý III")]


def test_assignment_verbs_make_a_lead() -> None:
    tasks = tasks_of("II. NHIỆM VỤ\n1. Đề nghị Sở Y tế chủ trì, phối hợp với Công an tỉnh triển "
                     "khai điều trị Methadone.\n")
    assert [roles(t) for t in tasks] == [({"Sở Y tế"}, {"Công an cấp tỉnh"}, set())]


@pytest.mark.parametrize("recipients", ["Nơi nhận:", "NƠI NHẬN:", "Noi nhan:", "Nơi nhân:"])
def test_the_recipients_block_ends_the_tasks_however_written(recipients: str) -> None:
    tasks = tasks_of(f"""II. NHIỆM VỤ
1. Công an tỉnh chủ trì rà soát người nghiện ma túy trên địa bàn.
2. Sở Y tế chủ trì điều trị Methadone.
{recipients}
- Ủy ban nhân dân các huyện thực hiện;
- Lưu: VT.
""")
    assert [t.key for t in tasks] == ["II.1", "II.2"]


# ------------------------------------------------------------------------------- the guard

_SPACE = re.compile(r"\\s[+*]?|\\ |\[\\s[^\]]*\][+*]?")
_REGEX_LOOK = re.compile(r"\\s|\(\?|\|")


def _regex_literals(source: str) -> list[tuple[int, str]]:
    """String literals that read as regexes (raw, or with regex syntax), docstrings aside."""
    docstrings = {node.body[0].lineno for node in ast.walk(ast.parse(source))
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.STRING or tok.start[0] in docstrings:
            continue
        raw = "r" in re.match(r"[A-Za-z]*", tok.string).group(0).lower()
        if raw or _REGEX_LOOK.search(tok.string):
            out.append((tok.start[0], tok.string))
    return out


def _role_words_spelled(source: str) -> list[tuple[int, str]]:
    role = grammar.pattern("role.chu_tri", "role.phoi_hop", "role.phu_trach", "role.holder")
    return [(line, s) for line, s in _regex_literals(source) if role.search(_SPACE.sub(" ", s))]


def test_the_guard_finds_a_role_word_spelled_in_a_regex() -> None:
    assert _role_words_spelled('X = re.compile(r"(?:đơn\\s+vị)\\s+chủ\\s+trì\\s*:")\n')
    assert _role_words_spelled('X = re.compile("phối hợp|cùng")\n')
    assert not _role_words_spelled('def f():\n    """Giao X chủ trì, phối hợp Y."""\n'
                                   '    return "chủ trì / lead"\n')


def test_no_extractor_spells_a_role_word_in_a_regex() -> None:
    found = [f"{path.relative_to(INGEST)}:{line}: {s[:60]}"
             for path in sorted(INGEST.rglob("*.py"))
             for line, s in _role_words_spelled(path.read_text(encoding="utf-8"))]
    assert not found, "role words belong in ontology/grammar.json:\n" + "\n".join(found)


# Deadline words, parts of a document, province-unit words, signing authorities, time labels and
# adverbs, the words of a plan's basis and the head words of bodies' names moved to the data
# too. A literal spelling one of these words (or, for units, signatures and body heads, a list
# of two, for a basis three: one unit word in a body's name, "Tỉnh ủy", is a name) is flagged.
_MOVED = [
    (("deadline.by_latest", "deadline.until", "deadline.done"), 1),
    (("part.khoan", "part.diem", "part.tieu_muc"), 1),
    (("unit.province", "unit.district"), 2),
    (("end.signature",), 2),
    # time labels and adverbs ("thời gian", "hàng năm"), a document's parts ("Phần"), and the
    # names of the bodies that issue plans ("UBND", "Tỉnh ủy", "Ban Chỉ đạo")
    (("time.label", "time.ongoing", "time.periodic", "deadline.yearly", "part.phan"), 1),
    (("body.committee", "body.council", "body.party_standing", "body.steering",
      "body.head_title", "unit.party_committee"), 1),
    (("body.heads",), 2),
    (("basis.implementing",), 3),  # "Thực hiện|Căn cứ|Triển khai": the words of a plan's basis
]


def _words_spelled(source: str, names: tuple[str, ...], least: int) -> list[tuple[int, str]]:
    found = []
    words = {w.rstrip(".").casefold() for w in grammar.words(*names)}  # "TM." and "TM" alike
    spelled = {w: re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, w.split())) + r"(?!\w)",
                             re.IGNORECASE) for w in words}
    for line, s in _regex_literals(source):
        text = _SPACE.sub(" ", s)
        if len({w for w, p in spelled.items() if p.search(text)}) >= least:
            found.append((line, s))
    return found


def test_the_guard_finds_moved_words_spelled_in_a_regex() -> None:
    assert _words_spelled('X = re.compile(r"(?:trước|hạn\\s+chót)\\s+ngày")\n', *_MOVED[0])
    assert _words_spelled('X = re.compile(r"(?:điểm|khoản|mục)\\s+")\n', *_MOVED[1])
    assert _words_spelled('X = re.compile(r"\\s*(?:tỉnh|thành phố|tp\\.?)\\s+")\n', *_MOVED[2])
    assert not _words_spelled('X = re.compile(r"(?:Ủy ban|Tỉnh ủy)\\b")\n', *_MOVED[2])
    assert _words_spelled('X = re.compile(r"^(?:TM|T/M|KT|TL)\\.?\\s+")\n', *_MOVED[3])
    assert _words_spelled('X = re.compile(r"^(?:căn\\s+cứ|theo|thời\\s+gian)\\b")\n', *_MOVED[4])
    assert _words_spelled('X = re.compile(r"\\s(?:và|hàng năm|tại)\\s")\n', *_MOVED[4])
    assert _words_spelled('X = re.compile(r"^(?:PHẦN|Phần)\\s+")\n', *_MOVED[4])
    assert _words_spelled('X = re.compile(r",\\s(?=(?:Ủy ban|UBND|Tỉnh ủy|Sở)\\b)")\n', *_MOVED[5])
    assert _words_spelled('X = re.compile(r"của\\s+(?:(?:Giám đốc|Chánh)\\s+)?")\n', *_MOVED[5])
    assert _words_spelled('X = re.compile(r"(?!(?:Sở|Ủy ban|Công an)\\b)")\n', *_MOVED[6])
    assert not _words_spelled('X = re.compile(r"(?:trong|từ)\\s+năm")\n', *_MOVED[4])
    assert _words_spelled('X = re.compile(r"^(?:Thực hiện|Căn cứ|Triển khai|Theo)\\s")\n',
                          *_MOVED[7])
    assert not _words_spelled('X = re.compile(r"\\s(?:triển khai|thực hiện|tại)\\s")\n', *_MOVED[7])


@pytest.mark.parametrize(("names", "least"), _MOVED)
def test_no_extractor_spells_a_moved_word_in_a_regex(names: tuple[str, ...], least: int) -> None:
    found = [f"{path.relative_to(INGEST)}:{line}: {s[:60]}"
             for path in sorted(INGEST.rglob("*.py"))
             for line, s in _words_spelled(path.read_text(encoding="utf-8"), names, least)]
    assert not found, f"{', '.join(names)} belong in ontology/grammar.json:\n" + "\n".join(found)


# ------------------------------------------------------------- the pre-check before a search

EXAMPLES = INGEST.parent / "examples" / "plans"
_ALL_NAMES = [name for kind in grammar.kinds() for name in grammar.names(kind)]
# "òa" -> "oà", "ủy" -> "uỷ" …: the tone mark of oa/oe/uy moved to the second vowel
_OTHER_PLACE = {unicodedata.normalize("NFC", first + mark + second):
                unicodedata.normalize("NFC", first + second + mark)
                for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
                for mark in "\u0300\u0301\u0309\u0303\u0323"}


def _sample_texts() -> list[str]:
    """Lines and paragraphs of the sample plans, also in capitals, the tone marks of oa/oe/uy
    on the other vowel and without diacritics (as the folded patterns read)."""
    lines = [ln for p in sorted(EXAMPLES.glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    pairs = re.compile("|".join(_OTHER_PLACE))
    moved = [pairs.sub(lambda m: _OTHER_PLACE[m.group()], ln) for ln in lines]
    return lines + [ln.upper() for ln in lines] + moved + [strip_diacritics(ln) for ln in lines]


def test_may_match_is_true_wherever_the_words_are() -> None:
    """The pre-check never hides a match: wherever a kind's pattern finds its words (case, tone
    placement, diacritics as the pattern allows), `may_match` on the lower-cased text says so."""
    texts = _sample_texts()
    found = 0
    for name in _ALL_NAMES:
        for folded in (False, True):
            compiled = grammar.pattern(name, folded=folded)
            for text in texts:
                if compiled.search(text):
                    found += 1
                    assert grammar.may_match(text.lower(), name, folded=folded), (name, text)
    assert found > 5000  # the texts hold the words: the check above checked something


def test_may_match_is_false_where_no_word_starts() -> None:
    low = "Tăng cường công tác tuyên truyền phòng, chống ma túy trong học đường.".lower()
    assert not grammar.may_match(low, "role.chu_tri", "time.label", "part.outermost_first")
    assert grammar.may_match("đến hết quý iv".lower(), "deadline.until")
    assert grammar.may_match("HOÀN THÀNH".lower(), "deadline.done")
    assert grammar.may_match("uỷ ban nhân dân", "body.committee")  # tone on the other vowel


def test_case_odd_lists_every_letter_str_lower_does_not_give() -> None:
    """A case-blind regex matches a grammar word's letter with some characters whose
    `str.lower()` is not that letter ("ı" for "i", "ſ" for "s", "İ" → "i̇"): `may_match` must
    not trust a text holding one, so `grammar.CASE_ODD` must list what they leave behind."""
    letters = {c for name in _ALL_NAMES for folded in (False, True)
               for cue in grammar.cues(name, folded=folded) for c in cue}
    any_letter = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.IGNORECASE)
    for code in range(0x110000):
        x = chr(code)
        if any_letter.fullmatch(x) and x.lower() not in letters:
            assert any(odd in x.lower() for odd in grammar.CASE_ODD), hex(code)
