"""The long suite's results: each long test appends one JSON line to the file named by
PLANGRAPH_LONG_RESULTS (when set), for SECURITY.md."""

from __future__ import annotations

import json
import os
import time


def record(test: str, **numbers: int) -> None:
    path = os.environ.get("PLANGRAPH_LONG_RESULTS")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"test": test, "at": time.strftime("%Y-%m-%d %H:%M"),
                                **numbers}) + "\n")
