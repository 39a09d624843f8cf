"""Format-specific extractors behind one interface: ``load(path) -> Document``.

The suffix decides the extractor, once the content has been checked not to be some
other format (``sniff``); nothing outside this package branches on format. Extractor
modules are imported on first use, so converting text does not pay for loading
pdfplumber, python-docx or openpyxl.
"""

from __future__ import annotations

import os
import stat
from importlib import import_module
from pathlib import Path

from ..errors import DocumentLoadError, UnsupportedFormat
from .base import Cell, Document, Paragraph, Row, Table
from .sniff import check_suffix, sniff
from .ocr import OcrOptions

# suffix -> module in this package with an ``extract(path) -> Document``.
_EXTRACTORS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".tsv": "text",
    ".docx": "docx", ".docm": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".odt": "office",
    ".doc": "office",
    ".rtf": "office",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    # Recognised so the user is told how to convert it rather than "unsupported".
    ".xls": "xlsx",
    ".csv": "csv",
}

# suffix -> what its content may sniff as (sniff.KINDS; None: recognised as no format, e.g.
# plain text). Content sniffed as anything else is refused with the fix. A suffix not
# listed is not checked.
_CONTENT: dict[str, frozenset[str | None]] = {
    ".txt": frozenset({None}), ".text": frozenset({None}), ".md": frozenset({None}), ".tsv": frozenset({None}),
    ".docx": frozenset({"docx", "zip", None}), ".docm": frozenset({"docx", "zip", None}),  # zip: docx.py says what is wrong
    ".pdf": frozenset({"pdf", None}),
    ".html": frozenset({"html", None}),  # a fragment (<table>...) without <html> is still a page
    ".htm": frozenset({"html", None}),
    ".odt": frozenset({"odt", None}),
    ".doc": frozenset({"doc", "ole2", "rtf", None}),  # Word saves RTF as .doc too; LibreOffice reads both
    ".rtf": frozenset({"rtf", None}),
    # ole2: a password-protected workbook is stored encrypted in an OLE2 container (xlsx.py says so).
    ".xlsx": frozenset({"xlsx", "zip", "ole2", None}), ".xlsm": frozenset({"xlsx", "zip", "ole2", None}),
    ".xls": frozenset({"xls", "ole2", None}),
    ".csv": frozenset({None}),
}

SUPPORTED_SUFFIXES = tuple(sorted(_EXTRACTORS))
_PAGED = {"pdf"}  # formats whose pages can be pictures, read by OCR


_SPECIAL = [(stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
            (stat.S_ISSOCK, "a socket")]


def require_regular_file(path: Path) -> None:
    """Refuse what is not a plain file before anything opens it: opening a FIFO blocks
    until someone writes to it, and a device may never end."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as error:
        raise DocumentLoadError(path, "no such file or folder") from error
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    if stat.S_ISDIR(mode):
        raise DocumentLoadError(path, "is a folder: give the folder itself to search it, not a plan name")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL if test(mode)), "a special file")
        raise DocumentLoadError(path, f"not a regular file ({kind}): give the plan file itself")


def load(path: Path, ocr: OcrOptions | None = None) -> Document:
    """Read a plan file into the format-neutral ``Document``. ``ocr``: which pages of a
    PDF to read as pictures (default: those with no text layer, where OCR is installed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    module = _EXTRACTORS.get(suffix)
    if module is None and not path.exists():
        raise DocumentLoadError(path, "no such file or folder")
    if module is None:
        raise UnsupportedFormat(
            path, f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    require_regular_file(path)
    kind = sniff(path)
    if suffix in _CONTENT:
        check_suffix(path, kind, _CONTENT[suffix])
    extractor = import_module(f".{module}", __name__).extract
    return extractor(path, ocr) if module in _PAGED else extractor(path)


__all__ = ["SUPPORTED_SUFFIXES", "Cell", "Document", "OcrOptions", "Paragraph", "Row", "Table", "load",
           "require_regular_file"]
