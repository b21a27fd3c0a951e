"""Answers kept for the length of one document.

Extractors ask the same question about the same paragraph several times (the task reader looks
for a label in a paragraph when it splits sections, when it reads the task and when it attaches
the label; header, legal and task readers read the acts of the same sentences). A function
decorated `per_document` remembers its answers until the next `Document` is built, which calls
`new_document()`: memory stays that of one document, and a benchmark over many similar
documents measures no answer remembered from another one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["document_number", "new_document", "per_document"]

F = TypeVar("F", bound=Callable[..., Any])
_CACHES: list[Any] = []
_document = 0


def per_document(fn: F) -> F:
    """`fn` (arguments hashable, result never mutated by callers) remembered per document."""
    cached = lru_cache(maxsize=4096)(fn)  # bounded for callers outside a Document, too
    _CACHES.append(cached)
    return cached  # type: ignore[return-value]


def new_document() -> None:
    """Forget every answer kept for the previous document."""
    global _document
    _document += 1
    for cached in _CACHES:
        cached.cache_clear()


def document_number() -> int:
    """Changes with every new document: a cache kept on an object (not by `per_document`)
    compares it to forget the previous document's answers."""
    return _document
