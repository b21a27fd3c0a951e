"""Agency names -> shared agency types (stub)."""

from __future__ import annotations


class AgencyResolver:
    pass


def get_resolver() -> AgencyResolver:
    return AgencyResolver()
