"""Format-specific extractors behind one interface: ``load(path) -> Document``.

The suffix decides the extractor; nothing outside this package branches on format.
Extractor modules are imported on first use, so converting text does not pay for
loading pdfplumber, python-docx or openpyxl.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..errors import DocumentLoadError, UnsupportedFormat
from .base import Cell, Document, Paragraph, Row, Table

# suffix -> module in this package with an ``extract(path) -> Document``.
_EXTRACTORS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".tsv": "text",
    ".docx": "docx", ".docm": "docx",
    # Recognised so the user is told how to convert it rather than "unsupported".
    ".doc": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    # Recognised so the user is told how to convert it rather than "unsupported".
    ".xls": "xlsx",
    ".csv": "csv",
}

SUPPORTED_SUFFIXES = tuple(sorted(_EXTRACTORS))


def load(path: Path) -> Document:
    """Read a plan file into the format-neutral ``Document``."""
    path = Path(path)
    module = _EXTRACTORS.get(path.suffix.lower())
    if module is None:
        raise UnsupportedFormat(
            path, f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not path.exists():
        raise DocumentLoadError(path, "no such file")
    if path.is_dir():
        raise DocumentLoadError(path, "is a directory")
    return import_module(f".{module}", __name__).extract(path)


__all__ = ["SUPPORTED_SUFFIXES", "Cell", "Document", "Paragraph", "Row", "Table", "load"]
