"""Format-specific extractors behind one interface, ``Backend.load(path) -> Document``,
each registered below with the suffixes it reads.

The suffix decides the backend, once the content has been checked not to be some
other format (``sniff``); nothing outside this package branches on format. Backend
modules are imported on first use, so converting text does not pay for loading
pdfplumber, python-docx or openpyxl.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import DocumentLoadError, UnsupportedFormat
from .base import Backend, Cell, Document, Format, Paragraph, Row, Table
from .sniff import check_suffix, sniff
from .ocr import OcrOptions


@dataclass(frozen=True)
class Registration:
    """Where one input format's Backend is: ``module`` in this package, its ``backend``
    class, and the suffixes it reads (its own ``suffixes``, repeated so a file's reader is
    found without importing every backend; tests/extract/test_backends.py checks they agree)."""

    module: str
    backend: str
    suffixes: tuple[str, ...]


# One line per input format: adding a format is its module (ending in a Backend) and a line here.
REGISTRY = (
    Registration("text", "TextBackend", (".txt", ".text", ".md", ".tsv")),
    Registration("docx", "DocxBackend", (".docx", ".docm")),
    Registration("pdf", "PdfBackend", (".pdf",)),
    Registration("html", "HtmlBackend", (".html", ".htm")),
    Registration("office", "OfficeBackend", (".odt", ".doc", ".rtf", ".ods")),
    Registration("xlsx", "XlsxBackend", (".xlsx", ".xlsm", ".xls")),  # .xls recognised to say how to convert it
    Registration("csv", "CsvBackend", (".csv",)),
)
_BY_SUFFIX = {suffix: registration for registration in REGISTRY for suffix in registration.suffixes}

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
    ".ods": frozenset({"ods", None}),
    ".doc": frozenset({"doc", "ole2", "rtf", None}),  # Word saves RTF as .doc too; LibreOffice reads both
    ".rtf": frozenset({"rtf", None}),
    # ole2: a password-protected workbook is stored encrypted in an OLE2 container (xlsx.py says so).
    ".xlsx": frozenset({"xlsx", "zip", "ole2", None}), ".xlsm": frozenset({"xlsx", "zip", "ole2", None}),
    ".xls": frozenset({"xls", "ole2", None}),
    ".csv": frozenset({None}),
}

SUPPORTED_SUFFIXES = tuple(sorted(_BY_SUFFIX))


def backend(registration: Registration) -> Backend:
    """The registered Backend, its module imported now (first use)."""
    return getattr(import_module(f".{registration.module}", __name__), registration.backend)()


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
    registration = _BY_SUFFIX.get(suffix)
    if registration is None and not path.exists():
        raise DocumentLoadError(path, "no such file or folder")
    if registration is None:
        raise UnsupportedFormat(
            path, f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}: "
            "open it in the program that made it and save it as Word (.docx), PDF or Excel (.xlsx)"
        )
    require_regular_file(path)
    kind = sniff(path)
    if suffix in _CONTENT:
        check_suffix(path, kind, _CONTENT[suffix])
    return backend(registration).load(path, ocr)


__all__ = ["REGISTRY", "SUPPORTED_SUFFIXES", "Backend", "Cell", "Document", "Format", "OcrOptions", "Paragraph",
           "Registration", "Row", "Table", "backend", "load", "require_regular_file"]
