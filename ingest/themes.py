"""Themes of a task from keyword data in ontology/ (stub)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeMatch:
    theme: str  # theme id
    keyword: str  # the keyword that assigned it (shown by `extract` as the reason)


def assign_themes(text: str) -> list[ThemeMatch]:
    return []
