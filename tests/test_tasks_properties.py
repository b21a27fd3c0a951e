"""The skeleton parser and the task extractor never crash, and sources stay in the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ingest.document.structure import parse_structure
from plangraph.ingest.models import DocumentInfo
from plangraph.ingest.read.reader import RawDocument
from plangraph.ingest.tasks.deadlines import normalise_period
from plangraph.ingest.tasks.extract import extract_tasks

# Pieces of plan text, so that random documents look like plans often enough to matter.
PIECES = [
    "I. NHIỆM VỤ", "II. TỔ CHỨC THỰC HIỆN", "MỤC TIÊU", "1. Công an tỉnh", "2.", "a)", "d)",
    "- ", "+ ", "(1) ", "⁽²⁾ ", "**", "#### ", "1.1. ", "Sở Y tế:", "Đề nghị Tỉnh đoàn",
    "Giao Sở Tư pháp", "chủ trì", "phối hợp với", "Ủy ban nhân dân các huyện, thành phố",
    "các sở, ban, ngành liên quan", "(Đơn vị thực hiện: ", "; Thời gian thực hiện: ",
    "Quý II", "trước ngày 05/6/2023", ")", "(", ":", ",", ".", ";", "\t", "|", "\n", "\n\n",
    "¹", "<sup>1</sup>", "---", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "PHỤ LỤC", "3",
    "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n",
    "tăng cường tuyên truyền", "Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Bộ Công an",
    "“Dự án của Bộ Công an”", "hại, hậu quả",
]
plan_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)),
                     max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plan_text)
def test_structure_never_crashes_and_blocks_lie_in_the_document(text):
    lines = text.split("\n")
    sk = parse_structure(lines)
    for block in [*sk.header, *sk.walk()]:
        assert 1 <= block.line_start <= block.line_end <= len(lines)
        for child in block.children:
            assert child.parent is block and child.line_start >= block.line_start


@SETTINGS
@given(plan_text)
def test_tasks_never_crash_and_sources_lie_in_the_document(text):
    lines = text.split("\n")
    doc = RawDocument(file="x.txt", path="x.txt", text=text, lines=lines)
    tasks = extract_tasks(doc, DocumentInfo(), get_resolver())
    keys = [t.key for t in tasks]
    assert len(keys) == len(set(keys))
    for t in tasks:
        assert t.lead or t.implementers
        assert t.text.strip()
        assert 1 <= t.source.line_start <= t.source.line_end <= len(lines)


@SETTINGS
@given(st.text(max_size=80))
def test_period_normalisation_never_crashes(text):
    code = normalise_period(text)
    assert code is None or code.strip() == code
