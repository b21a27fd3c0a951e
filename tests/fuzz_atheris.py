"""Coverage-guided fuzzing of the reader and every extractor with atheris (libFuzzer), for the
long suite (issue 14). Each input is written as a .txt, .md, .docx, .pdf or .html file (its
first byte picks the format) and extracted: a one-line DocumentError naming the file is an
answer, anything else a crash; every source range must lie inside the document.

    python tests/fuzz_atheris.py -runs=20000 -max_len=4096

With PLANGRAPH_ATHERIS_COUNTS=FILE, keeps {"inputs", "extracted", "refused"} in FILE as JSON
(libFuzzer ends the process without Python's exit handlers; its own report goes to stderr, a
crash stops it with a traceback). atheris is optional: `pip install atheris` (wheels for
CPython on Linux)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.test_fuzz

with atheris.instrument_imports(include=["plangraph.ingest"]):
    import plangraph.ingest.extract  # noqa: F401 - instrumented before check imports it

from tests.test_fuzz import check  # noqa: E402

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html")
COUNTS = {"inputs": 0, "extracted": 0, "refused": 0}
COUNTS_FILE = os.environ.get("PLANGRAPH_ATHERIS_COUNTS")
FOLDER = Path(tempfile.mkdtemp(prefix="plangraph-atheris-"))


def one_input(data: bytes) -> None:
    if not data:
        return
    COUNTS["inputs"] += 1
    path = FOLDER / f"f{SUFFIXES[data[0] % len(SUFFIXES)]}"
    extracted = check(path, data[1:])
    COUNTS["extracted" if extracted else "refused"] += 1
    if COUNTS_FILE:
        Path(COUNTS_FILE).write_text(json.dumps(COUNTS))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
