"""Sniffing a file's real type before its suffix is trusted (extract/sniff.py), on
hand-made bytes: a misnamed file is one line naming what it is and the fix."""

import io
import zipfile

import pytest

from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.sniff import sniff

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
PAGE = b"<!DOCTYPE html><html><body><table><tr><td>x</td></tr></table></body></html>"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})
ODS = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})

KINDS = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    "pdf after junk": b"\r\n\r\n%PDF-1.4\n",
    "docx": DOCX,
    "xlsx": XLSX,
    "odt": ODT,
    "ods": ODS,
    "zip": _zip({"notes.txt": b"hello"}),
    "doc": OLE + "WordDocument".encode("utf-16-le"),
    "xls": OLE + "Workbook".encode("utf-16-le"),
    "ole2": OLE,
    "rtf": b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}",
    "html": PAGE,
    "html lower-case tag after a BOM and blank lines": b"\xef\xbb\xbf\n\n  <html lang='en'><body></body></html>",
    "html utf-16": b"\xff\xfe" + "<!doctype html><html></html>".encode("utf-16-le"),
    "html after a comment and xml declaration": b'<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="x">',
    "text": b"Action\tLead\tTimescale\nAudit\tJo\tMay 2024\n",
    "markdown with inline html": b"| Action | Lead |\n| --- | --- |\n| <b>Audit</b> | Jo |\n",
}
EXPECTED = {"pdf after junk": "pdf", "html lower-case tag after a BOM and blank lines": "html", "html utf-16": "html",
            "html after a comment and xml declaration": "html", "text": None, "markdown with inline html": None}


@pytest.mark.parametrize("name", KINDS)
def test_sniffed_kind(tmp_path, name):
    path = tmp_path / "file.bin"
    path.write_bytes(KINDS[name])
    assert sniff(path) == EXPECTED.get(name, name)


@pytest.mark.parametrize("name,content,message", [
    ("x.pdf", PAGE, "is a web page (HTML), not a PDF; rename it to .html to read it"),
    ("x.docx", KINDS["doc"], "is a legacy Word 97-2003 document (.doc), not a Word .docx file; "
                             "rename it to .doc to read it (through LibreOffice)"),
    ("x.docx", ODT, "is an OpenDocument text document (.odt), not a Word .docx file; "
                    "rename it to .odt to read it (through LibreOffice)"),
    ("x.pdf", DOCX, "is a Word document (.docx), not a PDF; rename it to .docx to read it"),
    ("x.html", KINDS["pdf"], "is a PDF, not a web page; rename it to .pdf to read it"),
    ("x.txt", KINDS["rtf"], "is a Rich Text Format document (.rtf), not plain text; "
                            "rename it to .rtf to read it (through LibreOffice)"),
    ("x.md", PAGE, "is a web page (HTML), not markdown text; rename it to .html to read it"),
    ("x.doc", DOCX, "is a Word document (.docx), not a Word 97-2003 document; rename it to .docx to read it"),
    ("x.docx", XLSX, "is an Excel workbook (.xlsx), not a Word .docx file; rename it to .xlsx to read it"),
    ("x.odt", ODS, "is an OpenDocument spreadsheet (.ods), not an OpenDocument text document; "
                   "rename it to .ods to read it (through LibreOffice)"),
    ("x.rtf", KINDS["xls"], "is a legacy Excel 97-2003 workbook (.xls), not an RTF document; "
                            "actionplan does not read that format"),
])
def test_content_that_contradicts_the_suffix_is_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentLoadError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: {message}"


@pytest.mark.parametrize("name", ["plan.pdf", "plan.docx", "plan.txt", "plan.html", "plan.odt", "plan.doc", "plan.rtf"])
def test_empty_file_is_one_clear_error_whatever_the_suffix(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(DocumentLoadError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: empty file (0 bytes): nothing to read; export or download it again"


def test_html_fragment_and_rtf_saved_as_doc_are_not_refused(tmp_path):
    """A page that is only a <table> fragment is still read as a page; Word saves RTF under
    .doc, and LibreOffice reads it, so neither is a contradiction."""
    fragment = tmp_path / "plan.html"
    fragment.write_text("<table><tr><th>Action</th><th>Lead</th></tr><tr><td>Audit</td><td>Jo</td></tr></table>")
    assert load(fragment).tables[0].rows[1].texts == ["Audit", "Jo"]
    from actionplan.extract import _CONTENT
    assert "rtf" in _CONTENT[".doc"]
