"""Format-specific extractors behind one interface: ``load(path) -> Document``.

The suffix decides the extractor; nothing outside this package branches on format.
Extractor modules are imported on first use, so converting text does not pay for
loading pdfplumber or python-docx.
"""

from __future__ import annotations

import os
import stat
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
}

SUPPORTED_SUFFIXES = tuple(sorted(_EXTRACTORS))


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


def load(path: Path) -> Document:
    """Read a plan file into the format-neutral ``Document``."""
    path = Path(path)
    module = _EXTRACTORS.get(path.suffix.lower())
    if module is None and not path.exists():
        raise DocumentLoadError(path, "no such file or folder")
    if module is None:
        raise UnsupportedFormat(
            path, f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    require_regular_file(path)
    return import_module(f".{module}", __name__).extract(path)


__all__ = ["SUPPORTED_SUFFIXES", "Cell", "Document", "Paragraph", "Row", "Table", "load", "require_regular_file"]
