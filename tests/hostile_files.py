"""The hostile files of issue 17, built by hand (never by the code they test): each one once
hung, exhausted memory or escaped as an internal error. tests/test_hostile.py checks each
one's specific bound; tests/fuzz.py (``--hostile``) and tests/test_fuzz.py convert them all
in one batch beside a good plan and report each file's outcome.

``HOSTILE`` maps a file name to the function that writes it into a folder; the format's
builders (``word_file``, ``busy_pdf`` ...) are shared with the tests.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
WORD_TEMPLATE = REPO / "samples" / "docx" / "merged-recommendations.docx"
EXCEL_TEMPLATE = REPO / "samples" / "xlsx" / "southend-2012-lac.xlsx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HUGE = 10_000_000


def repacked(template: Path, path: Path, members: dict[str, bytes]) -> Path:
    """``template``'s package with ``members`` replaced (or added)."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, members.pop(info.filename, None) or source.read(info))
        for name, data in members.items():
            out.writestr(name, data)
    return path


def word_file(path: Path, body: str, extra: dict[str, bytes] | None = None, doctype: str = "") -> Path:
    """A .docx that is the sample's package with ``body`` as its document body."""
    document = (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}"><w:body>{body}'
                f'</w:body></w:document>').encode()
    return repacked(WORD_TEMPLATE, path, {"word/document.xml": document, **(extra or {})})


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def plan_table(extra_rows: str = "") -> str:
    return ("<w:tbl><w:tr>" + cell("Action") + cell("Lead") + cell("Timescale") + "</w:tr>"
            "<w:tr>" + cell("Audit case files") + cell("Jo Hughes") + cell("June 2013") + "</w:tr>"
            + extra_rows + "</w:tbl>")


def nested(depth: int, leaf: str) -> str:
    """A cell holding a table whose first cell holds a table ... ``depth`` tables deep; each
    table has a second cell "L<level>" and a second row "R<level>"."""
    inner = f"<w:p><w:r><w:t>{leaf}</w:t></w:r></w:p>"
    for level in range(depth):
        inner = (f"<w:tbl><w:tr><w:tc>{inner}</w:tc><w:tc><w:p><w:r><w:t>L{level}</w:t></w:r></w:p></w:tc></w:tr>"
                 f"<w:tr><w:tc><w:p><w:r><w:t>R{level}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>")
    return f"<w:tc>{inner}</w:tc>"


def busy_pdf(shapes: int) -> bytes:
    """A one-page PDF: a two-row plan in text, and ``shapes`` small filled boxes."""
    text = (b"BT /F1 12 Tf 72 760 Td (Action) Tj 150 0 Td (Lead) Tj 150 0 Td (Timescale) Tj ET\n"
            b"BT /F1 12 Tf 72 740 Td (Audit case files) Tj 150 0 Td (Jo Hughes) Tj 150 0 Td (June 2013) Tj ET\n")
    content = text + b"".join(b"%d %d 3 3 re f\n" % (10 + (i % 190) * 3, 10 + (i // 190) * 3) for i in range(shapes))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the first the catalogue), with its
    cross-reference table worked out."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# Billion laughs: ten entities each ten times the one before, 10^9 "lol"s if expanded.
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{n} "{("&lol%d;" % (n - 1)) * 10}">' for n in range(1, 10)) + "]>")


def _bomb(path: Path, template: Path, member: str) -> None:
    """``template`` with a member that inflates a thousandfold (64 MiB from 64 KiB)."""
    repacked(template, path, {})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package, package.open(member, "w") as out:
        for _ in range(64):
            out.write(bytes(1 << 20))


def _sheet(rows: str, after: str = "", doctype: str = "") -> bytes:
    header = "".join(f'<c r="{col}1" t="inlineStr"><is><t>{text}</t></is></c>'
                     for col, text in zip("ABC", ("Action", "Lead", "Timescale")))
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="{SHEET}"><sheetData>'
            f'<row r="1">{header}</row>{rows}</sheetData>{after}</worksheet>').encode()


def _excel_row(number: int | str, action: str, ref_column: str = "A") -> str:
    return (f'<row r="{number}"><c r="{ref_column}{number}" t="inlineStr"><is><t>{action}</t></is></c>'
            f'<c r="B{number}" t="inlineStr"><is><t>Jo Hughes</t></is></c></row>')


_NUMBERING = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
              '<w:abstractNum w:abstractNumId="x"><w:lvl w:ilvl="zz"><w:start w:val="-99999999999"/>'
              '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%9.%x"/></w:lvl>'
              '<w:lvl w:ilvl="99999999999"><w:start w:val="1e308"/></w:lvl></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="x"/></w:num>'
              '<w:num w:numId="abc"><w:abstractNumId w:val=""/></w:num></w:numbering>').encode()
_NUMBERED = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
             '<w:r><w:t>Numbered {num}</w:t></w:r></w:p>')


def _text(path: Path, rows: list[str]) -> None:
    path.write_text("Action\tLead\tTimescale\n" + "".join(row + "\n" for row in rows), encoding="utf-8")


# A mutant of samples/pdf/rotated-plan.pdf (numbers made huge; found by the 300-mutant run)
# that pdfplumber opens and PDFium cannot render.
PDFIUM_CANNOT_RENDER = REPO / "tests" / "fixtures" / "pdf" / "pdfium-cannot-render-0101.pdf"


def _html(path: Path, body: str) -> None:
    path.write_text(f"<html><body><table><tr><th>Action</th><th>Lead</th><th>Timescale</th></tr>{body}"
                    "</table></body></html>", encoding="utf-8")


HOSTILE: dict[str, Callable[[Path], object]] = {
    "word-tables-nested-20-deep.docx": lambda p: word_file(
        p, plan_table("<w:tr>" + cell("Deep") + nested(20, "leaf") + cell("x") + "</w:tr>")),
    "word-gridspan-10e7.docx": lambda p: word_file(p, plan_table(
        "<w:tr>" + cell("Wide", f'<w:tcPr><w:gridSpan w:val="{HUGE}"/></w:tcPr>') + cell("Jo") + "</w:tr>")),
    "word-gridbefore-10e7.docx": lambda p: word_file(p, plan_table(
        f'<w:tr><w:trPr><w:gridBefore w:val="{HUGE}"/></w:trPr>' + cell("Late") + cell("Jo") + "</w:tr>")),
    "x.txt": os.mkfifo,  # a FIFO: opening it blocks until someone writes
    "text-cell-of-unclosed-a-tags.txt": lambda p: _text(p, ["<a " * 200_000 + "\tJo Hughes\tMay 2013"]),
    "text-100k-open-brackets.txt": lambda p: p.write_text(
        "(" * 100_000 + "\tLead\tTimescale\nAudit files\t" + "(" * 100_000 + "\tMay 2013\n", encoding="utf-8"),
    "text-within-2000000-working-days.txt": lambda p: _text(p, [
        "Audit files\tJo Hughes\tWithin 2000000 working days", "Train staff\tAl Smith\tWithin 9999 years",
        "Review\tJo Hughes\tWithin " + "9" * 5000 + " months"]),
    "pdf-page-of-50k-rectangles.pdf": lambda p: p.write_bytes(busy_pdf(50_000)),
    "word-zip-bomb.docx": lambda p: _bomb(p, WORD_TEMPLATE, "word/media/bomb.bin"),
    "excel-zip-bomb.xlsx": lambda p: _bomb(p, EXCEL_TEMPLATE, "xl/media/bomb.bin"),
    "word-entity-amplification.docx": lambda p: word_file(p, plan_table(
        "<w:tr>" + cell("&lol9;") + cell("Jo") + "</w:tr>"), doctype=LAUGHS),
    "excel-entity-amplification.xlsx": lambda p: repacked(EXCEL_TEMPLATE, p, {
        "xl/worksheets/sheet1.xml": _sheet(_excel_row(2, "&lol9;"), doctype=LAUGHS)}),
    "word-malformed-numbering.docx": lambda p: word_file(p, plan_table(
        "<w:tr><w:tc>" + _NUMBERED.format(ilvl="abc", num="1") + _NUMBERED.format(ilvl="-3", num="abc")
        + _NUMBERED.format(ilvl="99999999999", num="1") + "</w:tc>" + cell("Jo") + "</w:tr>"),
        {"word/numbering.xml": _NUMBERING}),
    "pdf-pdfplumber-opens-pdfium-cannot.pdf": lambda p: p.write_bytes(PDFIUM_CANNOT_RENDER.read_bytes()),
    "excel-merge-of-the-whole-sheet.xlsx": lambda p: repacked(EXCEL_TEMPLATE, p, {
        "xl/worksheets/sheet1.xml": _sheet(_excel_row(2, "Audit"), '<mergeCells count="1">'
                                           '<mergeCell ref="A2:XFD1048576"/></mergeCells>')}),
    "excel-cell-at-the-last-column-and-row.xlsx": lambda p: repacked(EXCEL_TEMPLATE, p, {
        "xl/worksheets/sheet1.xml": _sheet(_excel_row(2, "Audit") + _excel_row(1048576, "Far", "XFD"))}),
    "html-rowspan-and-colspan-10e7.html": lambda p: _html(
        p, f'<tr><td rowspan="{HUGE}">Audit</td><td colspan="{HUGE}">Jo</td></tr><tr><td>x</td></tr>'),
    "html-cells-nested-10k-deep.html": lambda p: _html(
        p, "<tr><td>Audit</td><td>" + "<table><tr><td>" * 10_000 + "Jo" + "</td></tr></table>" * 10_000
        + "</td></tr>"),
    "html-entities.html": lambda p: _html(
        p, "<tr><td>&#99999999;&#x110000;&#0;&bogus;" + "&nbsp;&amp;" * 100_000 + "</td><td>Jo</td></tr>"),
    "csv-field-of-5-million-characters.csv": lambda p: p.write_text(
        'Action,Lead,Timescale\n"' + "a," * 2_500_000 + '",Jo,May 2013\nTrain,Al,June 2013\n', encoding="utf-8"),
    "csv-unbalanced-quote.csv": lambda p: p.write_text(
        'Action,Lead,Timescale\n"Audit files,Jo,May 2013\n' + "Train,Al,June 2013\n" * 10_000, encoding="utf-8"),
}


def write_hostile(folder: Path) -> dict[Path, str]:
    """Every hostile file written into ``folder``: path -> name."""
    written = {}
    for name, build in HOSTILE.items():
        build(folder / name)
        written[folder / name] = name
    return written
