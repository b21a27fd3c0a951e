"""Time read_document on the seeds and on a large TCVN3 file (python benchmarks/bench_reader.py)."""

import tempfile
import time
from pathlib import Path

from plangraph.ingest.read.reader import read_document
from plangraph.ingest.text.legacy_encodings import encode_tcvn3

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"


def _time(label: str, path: Path, repeat: int) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        doc = read_document(path)
    per_call = (time.perf_counter() - start) / repeat
    print(f"{label:40s} {len(doc.text):>9,d} chars  {per_call * 1000:8.1f} ms  {doc.encoding}")


def main() -> None:
    seeds = sorted(PLANS.glob("*.txt"))
    for path in seeds:
        _time(path.name, path, 20)
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in seeds) * 20
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big_tcvn3.txt"
        big.write_bytes(encode_tcvn3(corpus).encode("cp1252", errors="replace"))
        _time("all seeds x20 as TCVN3 bytes", big, 1)
        big_utf8 = Path(tmp) / "big_utf8.txt"
        big_utf8.write_text(corpus, encoding="utf-8")
        _time("all seeds x20 as UTF-8", big_utf8, 1)


if __name__ == "__main__":
    main()
