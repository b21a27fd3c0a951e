"""The repository itself: no file carries an unresolved merge, and CI's script parses."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# "=======" alone is left out: it may underline a title
_MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)", re.MULTILINE)


def _tracked() -> list[Path]:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True,
                         check=True).stdout.decode()
    return [REPO / name for name in out.split("\0") if name]


def test_no_file_holds_merge_conflict_markers():
    marked = []
    for path in _tracked():
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if _MARKER.search(text):
            marked.append(str(path.relative_to(REPO)))
    assert marked == []


def test_ci_script_parses():
    subprocess.run(["bash", "-n", str(REPO / ".ci" / "run")], check=True)
