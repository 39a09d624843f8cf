"""What a file really is, from its first bytes, before its suffix is trusted.

Plans arrive misnamed: a portal's error page saved as ``plan.pdf``, a Word 97 file
renamed ``.docx``, an RTF saved as ``.doc``. Reading such a file with the suffix's
extractor gives a baffling error or, worse, an empty plan. A file whose content is
recognisably another format is refused with one line naming what it is and the fix,
rather than read as what it really is: the output's ``source.format`` and name would
disagree with the file, and a misnamed file is often a download that went wrong (the
"PDF" that is a login page), which the user should look at. Content that is recognised
as nothing in particular is left to the extractor, whose own errors are specific.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import DocumentLoadError

_HEAD_BYTES = 8192
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(r"^(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}

# What each kind is called in a message, and the suffix that reads it (None: not read).
KINDS: dict[str, tuple[str, str | None]] = {
    "pdf": ("a PDF", ".pdf"),
    "docx": ("a Word document (.docx)", ".docx"),
    "xlsx": ("an Excel workbook (.xlsx)", ".xlsx"),
    "pptx": ("a PowerPoint presentation (.pptx)", None),
    "odt": ("an OpenDocument text document (.odt)", ".odt"),
    "ods": ("an OpenDocument spreadsheet (.ods)", ".ods"),
    "odp": ("an OpenDocument presentation (.odp)", None),
    "zip": ("a zip archive", None),
    "doc": ("a legacy Word 97-2003 document (.doc)", ".doc"),
    "xls": ("a legacy Excel 97-2003 workbook (.xls)", None),
    "ole2": ("a legacy Microsoft Office file (Word/Excel 97-2003)", None),
    "rtf": ("a Rich Text Format document (.rtf)", ".rtf"),
    "html": ("a web page (HTML)", ".html"),
}


def sniff(path: Path) -> str | None:
    """The kind of file the content says (a key of ``KINDS``), or None where it is none of
    them (plain text, or bytes no format claims). Raises DocumentLoadError for an empty file."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError as error:
        raise DocumentLoadError(path, error.strerror or str(error)) from error
    if not head:
        raise DocumentLoadError(path, "empty file (0 bytes): nothing to read; export or download it again")
    if b"%PDF-" in head[:1024]:  # readers accept junk before the header, and so do we
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    text = _head_text(head)
    if text.startswith("{\\rtf"):
        return "rtf"
    if _HTML_START.match(text):
        return "html"
    return None


def _head_text(head: bytes) -> str:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="ignore").lstrip()
    return head.decode("latin-1").lstrip()


def _zip_kind(path: Path) -> str:
    """Office Open XML by its parts (word/, xl/, ppt/), OpenDocument by its mimetype member."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return _ODF_TYPES.get(mimetype, "zip")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "zip"  # a damaged package: the extractor says what is wrong with it
    if "[Content_Types].xml" in names:
        for folder, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if any(name.startswith(folder) for name in names):
                return kind
    return "zip"


def _ole_kind(path: Path) -> str:
    """Word or Excel 97-2003 by the name of the main stream in the compound file's
    directory (names are stored as UTF-16)."""
    try:
        data = path.read_bytes()[:4 << 20]  # the directory sits early in files of plan size
    except OSError:
        return "ole2"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book\x00".encode("utf-16-le") in data:
        return "xls"
    return "ole2"


def check_suffix(path: Path, kind: str | None, accepted: frozenset[str | None]) -> None:
    """Refuse a file whose content is recognisably a kind the suffix's extractor does not
    accept, naming what it is and how to read it (or that it cannot be read)."""
    if kind is None or kind in accepted:
        return
    what, suffix = KINDS[kind]
    expected = _SUFFIX_NAMES.get(path.suffix.lower(), f"a {path.suffix} file")
    if suffix is None:
        fix = "actionplan does not read that format"
    else:
        fix = f"rename it to {suffix} to read it"
        if suffix in (".doc", ".odt", ".rtf", ".ods"):
            fix += " (through LibreOffice)"
    raise DocumentLoadError(path, f"is {what}, not {expected}; {fix}")


_SUFFIX_NAMES = {
    ".pdf": "a PDF", ".docx": "a Word .docx file", ".docm": "a Word .docm file",
    ".html": "a web page", ".htm": "a web page", ".txt": "plain text", ".text": "plain text",
    ".md": "markdown text", ".tsv": "tab-separated text", ".odt": "an OpenDocument text document",
    ".ods": "an OpenDocument spreadsheet",
    ".doc": "a Word 97-2003 document", ".rtf": "an RTF document",
    ".xlsx": "an Excel .xlsx workbook", ".xlsm": "an Excel .xlsm workbook", ".xls": "an Excel 97-2003 workbook",
    ".csv": "comma-separated text",
}
