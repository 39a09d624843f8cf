"""Format-specific extractors behind one interface: ``load(path) -> Document``.

The suffix decides the extractor; nothing outside this package branches on format.
Extractor modules are imported on first use, so converting text does not pay for
loading pdfplumber or python-docx.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..errors import DocumentLoadError, UnsupportedFormat
from .base import Cell, Document, Paragraph, Row, Table
from .ocr import OcrOptions

# suffix -> module in this package with an ``extract(path) -> Document``.
_EXTRACTORS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".tsv": "text",
    ".docx": "docx", ".docm": "docx",
    # Recognised so the user is told how to convert it rather than "unsupported".
    ".doc": "docx",
    ".pdf": "pdf",
}

SUPPORTED_SUFFIXES = tuple(sorted(_EXTRACTORS))
_PAGED = {"pdf"}  # formats whose pages can be pictures, read by OCR


def load(path: Path, ocr: OcrOptions | None = None) -> Document:
    """Read a plan file into the format-neutral ``Document``. ``ocr``: which pages of a
    PDF to read as pictures (default: those with no text layer, where OCR is installed)."""
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
    extractor = import_module(f".{module}", __name__).extract
    return extractor(path, ocr) if module in _PAGED else extractor(path)


__all__ = ["SUPPORTED_SUFFIXES", "Cell", "Document", "OcrOptions", "Paragraph", "Row", "Table", "load"]
