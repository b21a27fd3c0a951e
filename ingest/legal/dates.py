"""Dates as plans write them: '31/8/2021', '31-8-2021', '31.8.2021', '31 tháng 8 năm 2021'.

`DATE` is a regex fragment (named groups d, m, y; d2, m2, y2 for the spelled-out form);
`iso_date(match)` turns a match into 'YYYY-MM-DD', or None for an impossible date.
"""

from __future__ import annotations

import datetime as dt
import re

DATE = (
    r"(?:(?P<d>\d{1,2})\s*([/.\-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?(?:năm|/)\s*(?P<y2>(?:19|20)\d{2}))"
)
DATE_RE = re.compile(r"(?<![\d/.\-])" + DATE + r"(?![\d/])", re.IGNORECASE)


def iso_date(m: re.Match) -> str | None:
    d, mo, y = (m.group("d") or m.group("d2"), m.group("m") or m.group("m2"),
                m.group("y") or m.group("y2"))
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO, else None ('ngày 07 tháng 4 năm 2017' -> '2017-04-07')."""
    m = DATE_RE.search(text)
    return iso_date(m) if m else None
