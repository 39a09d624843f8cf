"""Format-specific extractors behind one interface: ``load(path) -> Document``.

The suffix decides the extractor; nothing outside this package branches on format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import DocumentLoadError, UnsupportedFormat
from . import docx, pdf, text
from .base import Cell, Document, Paragraph, Row, Table

_EXTRACTORS: dict[str, Callable[[Path], Document]] = {
    **{suffix: text.extract for suffix in text.SUFFIXES},
    **{suffix: docx.extract for suffix in docx.SUFFIXES},
    **{suffix: pdf.extract for suffix in pdf.SUFFIXES},
    # Recognised so the user is told how to fix it rather than "unsupported".
    ".doc": docx.extract,
}

SUPPORTED_SUFFIXES = tuple(sorted(_EXTRACTORS))


def load(path: Path) -> Document:
    """Read a plan file into the format-neutral ``Document``."""
    path = Path(path)
    extractor = _EXTRACTORS.get(path.suffix.lower())
    if extractor is None:
        raise UnsupportedFormat(
            path, f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not path.exists():
        raise DocumentLoadError(path, "no such file")
    if path.is_dir():
        raise DocumentLoadError(path, "is a directory")
    return extractor(path)


__all__ = ["SUPPORTED_SUFFIXES", "Cell", "Document", "Paragraph", "Row", "Table", "load"]
