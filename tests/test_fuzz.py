"""Fuzzing the reader and every extractor (issue 14): generated documents — real plan lines cut,
shuffled and spliced with structure tokens, random Unicode, random bytes — never crash
extraction (a DocumentError is an answer), and every source range lies inside the document.
The fast part runs a few hundred inputs; `python -m pytest -m long` runs over 100,000."""

import dataclasses
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangraph.ingest.extract import DocumentError, extract_file
from plangraph.ingest.models import Source

from .conftest import SEEDS
from .long_results import record

SEED_LINES = sorted({ln.strip() for p in SEEDS.values()
                     for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()})
TOKENS = ["I.", "II.", "1.", "2.1.", "a)", "b)", "-", "+", "*", "\t", "Số: 12/KH-UBND",
          "KẾ HOẠCH", "Căn cứ", "Quyết định số 1452/QĐ-TTg ngày 31/8/2021",
          "Nghị định số 116/2021/NĐ-CP", "Luật Phòng, chống ma túy năm 2021", "Sở Y tế",
          "Công an tỉnh", "chủ trì", "phối hợp", "UBND các huyện", "Quý II", "năm 2024",
          "Tuyên Quang, ngày 5 tháng 4 năm 2024", "Thời gian thực hiện:", "(", ")", "“", "”",
          "…", ";", ":", "\u0301", "\u200b", "\ufeff", "Ð", "đ", "<script>", "{{x}}", "=1+1"]

_piece = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(TOKENS),
    st.sampled_from(SEED_LINES).flatmap(
        lambda ln: st.tuples(st.integers(0, len(ln)), st.integers(0, len(ln))).map(
            lambda ij: ln[min(ij):max(ij)])),
    st.text(max_size=30),
)
_line = st.lists(_piece, min_size=0, max_size=6).map(" ".join)
documents = st.lists(_line, min_size=1, max_size=60).map("\n".join)
raw_text = st.text(max_size=2000)
raw_bytes = st.binary(max_size=3000)


def sources(obj, seen=None):
    """Every Source inside an extraction (dataclasses, lists, dicts)."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, Source):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from sources(getattr(obj, f.name), seen)
    elif isinstance(obj, list | tuple | set):
        for x in obj:
            yield from sources(x, seen)
    elif isinstance(obj, dict):
        for x in itertools.chain(obj.keys(), obj.values()):
            yield from sources(x, seen)


def check(path, data: bytes) -> bool:
    """Extract `data` written to `path`: an extraction whose sources lie in the document, or a
    DocumentError. True when extracted."""
    path.write_bytes(data)
    try:
        extraction = extract_file(path)
    except DocumentError as exc:
        assert str(exc).startswith(path.name), exc
        assert "\n" not in str(exc)
        return False
    lines = len(extract_lines(path))
    for s in sources(extraction):
        assert s.file == path.name
        assert 1 <= s.line_start <= s.line_end <= lines, (s, lines)
    extraction.to_gold()  # the JSON shape builds too
    return True


def extract_lines(path):
    from plangraph.ingest.read.reader import read_document

    return read_document(path).lines


FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FAST
@given(text=documents)
def test_generated_plans_extract_within_their_lines(tmp_path, text):
    check(tmp_path / "ke hoach.txt", text.encode())


@settings(FAST, max_examples=100)
@given(text=raw_text)
def test_random_unicode_extracts_or_is_refused(tmp_path, text):
    check(tmp_path / "x.txt", text.encode("utf-8", errors="surrogatepass").replace(b"\xed", b""))


@settings(FAST, max_examples=100)
@given(data=raw_bytes, suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ".html"]))
def test_random_bytes_in_any_format_extract_or_are_refused(tmp_path, data, suffix):
    check(tmp_path / f"x{suffix}", data)


# ---------------------------------------------------------------- the long suite

LONG = {"documents": 40_000, "unicode": 25_000, "bytes": 40_000}  # 105,000 inputs
# a shorter run of one kind: PLANGRAPH_FUZZ_DOCUMENTS=20000 (likewise _UNICODE, _BYTES)
LONG = {k: int(os.environ.get(f"PLANGRAPH_FUZZ_{k.upper()}", n)) for k, n in LONG.items()}


def _long(strategy, examples, to_bytes, name, suffixes=(".txt",)):
    counts = {"inputs": 0, "extracted": 0, "refused": 0}

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(value=strategy, suffix=st.sampled_from(suffixes))
    def run(tmp_dir, value, suffix):
        counts["inputs"] += 1
        extracted = check(tmp_dir / f"f{suffix}", to_bytes(value))
        counts["extracted" if extracted else "refused"] += 1

    return run, counts


@pytest.mark.long
@pytest.mark.parametrize("kind", sorted(LONG))
def test_long_fuzz(kind, tmp_path):
    strategy, to_bytes, suffixes = {
        "documents": (documents, str.encode, (".txt",)),
        "unicode": (raw_text, lambda t: t.encode("utf-8", "surrogatepass"), (".txt", ".md")),
        "bytes": (raw_bytes, bytes, (".txt", ".md", ".docx", ".pdf", ".html")),
    }[kind]
    run, counts = _long(strategy, LONG[kind], to_bytes, kind, suffixes)
    run(tmp_path)
    record(f"fuzz_{kind}", crashes=0, **counts)
    assert counts["inputs"] >= LONG[kind]


@pytest.mark.long
def test_long_fuzz_atheris(tmp_path):
    """Coverage-guided (tests/fuzz_atheris.py), from the sample plans as a starting corpus;
    PLANGRAPH_FUZZ_ATHERIS inputs (20,000)."""
    pytest.importorskip("atheris", reason="atheris not installed (pip install atheris: wheels "
                        "for CPython on Linux)")
    runs = int(os.environ.get("PLANGRAPH_FUZZ_ATHERIS", 20_000))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, seed in enumerate(SEEDS.values()):
        (corpus / f"seed{i}").write_bytes(b"\x00" + seed.read_bytes()[:4000])  # as .txt
    counts = tmp_path / "counts.json"
    run = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("fuzz_atheris.py")), f"-runs={runs}",
         "-max_len=4096", f"-artifact_prefix={tmp_path}/", str(corpus)],
        env={**os.environ, "PLANGRAPH_ATHERIS_COUNTS": str(counts)},
        capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-4000:]  # a crash: its traceback and input file
    numbers = json.loads(counts.read_text())
    record("fuzz_atheris", crashes=0, **numbers)
    assert numbers["inputs"] >= runs - len(SEEDS)
