"""Build the PDF samples and the bad-PDF fixtures.

- samples/pdf/<seed>.pdf and the two Word layouts: the DOCX samples printed by
  LibreOffice (Debian's libreoffice-writer), run once here and committed; CI never
  runs LibreOffice:  soffice --headless --convert-to pdf --outdir samples/pdf samples/docx/*.docx
- samples/pdf/unruled-plan.pdf: a plan laid out without ruling lines (reportlab), so
  tables must be found from text alignment;
- samples/pdf/scanned-plan.pdf: pages that are only pictures of text (no text layer);
- samples/pdf/rotated-plan.pdf: a landscape table on a page stored rotated 90°;
- tests/fixtures/bad/encrypted.pdf (needs a password), tests/fixtures/pdf/
  empty-password.pdf (encrypted, opens without one), tests/fixtures/bad/truncated.pdf.

Run from the repo root: ``python samples/make_pdf.py`` (after ``make_docx.py``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parent.parent
PDF = REPO / "samples" / "pdf"
BAD = REPO / "tests" / "fixtures" / "bad"
GOOD = REPO / "tests" / "fixtures" / "pdf"

UNRULED_ROWS = [
    ("1", "Improve the timeliness of initial assessments", "Introduce a daily duty clinic chaired by the service manager",
     "Joan Smith", "30/09/2013", "Completed"),
    ("2", "Strengthen management oversight of child in need plans",
     "Review all child in need plans open for more than six months and record the decision on file",
     "Group Manager", "December 2013", "Underway"),
    ("3", "Ensure the voice of the child is recorded", "Add a 'views of the child' section to the assessment form",
     "Principal Social Worker", "Q3 2013/14", "Not started"),
    ("4", "Reduce reliance on agency social workers", "Launch a recruitment campaign with a market supplement",
     "Head of HR", "Within 6 months", "Underway"),
]


def soffice_pdfs() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice is needed once to print the DOCX samples: apt-get install libreoffice-writer")
    docx_files = sorted(str(p) for p in (REPO / "samples" / "docx").glob("*.docx"))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(PDF), *docx_files], check=True)


def unruled_plan(target: Path) -> None:
    """Columns kept apart by position only: no lines, no boxes."""
    page = canvas.Canvas(str(target), pagesize=landscape(A4))
    page.setTitle("Improvement plan (unruled)")
    width, height = landscape(A4)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(40, height - 50, "Children's Services Improvement Plan")
    page.setFont("Helvetica", 10)
    page.drawString(40, height - 70, "Progress as at 31 October 2013")
    columns = [40, 70, 250, 500, 610, 700]
    headings = ["No.", "Area for Improvement", "Action", "Lead", "By when", "Progress"]
    wraps = [4, 34, 46, 20, 14, 14]
    y = height - 110
    page.setFont("Helvetica-Bold", 10)
    for x, heading in zip(columns, headings):
        page.drawString(x, y, heading)
    page.setFont("Helvetica", 10)
    y -= 22
    for row in UNRULED_ROWS:
        cell_lines = [_wrap(text, limit) for text, limit in zip(row, wraps)]
        for line_number in range(max(len(lines) for lines in cell_lines)):
            for x, lines in zip(columns, cell_lines):
                if line_number < len(lines):
                    page.drawString(x, y - line_number * 12, lines[line_number])
        y -= 12 * max(len(lines) for lines in cell_lines) + 14
    page.showPage()
    page.save()


def _wrap(text: str, limit: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def scanned_plan(source: Path, target: Path) -> None:
    """Each page of ``source`` rendered to a picture and stored as an image-only page."""
    pdf = pdfium.PdfDocument(str(source))
    images = []
    for index in range(min(len(pdf), 2)):
        bitmap = pdf[index].render(scale=1.2)
        images.append(bitmap.to_pil().convert("RGB"))
    images[0].save(target, save_all=True, append_images=images[1:], resolution=86)


def ruled_table(page, rows: list[tuple[str, ...]], widths: list[float], x: float, y: float) -> None:
    """A plain ruled table drawn with lines, top-left corner at (x, y)."""
    height = 26
    total = sum(widths)
    page.setLineWidth(0.7)
    for number, row in enumerate(rows):
        top = y - number * height
        page.line(x, top, x + total, top)
        left = x
        for width, text in zip(widths, row):
            page.setFont("Helvetica-Bold" if number == 0 else "Helvetica", 9)
            page.drawString(left + 4, top - 16, text)
            left += width
    bottom = y - len(rows) * height
    page.line(x, bottom, x + total, bottom)
    left = x
    for width in [0, *widths]:
        left += width
        page.line(left, y, left, bottom)


ROTATED_ROWS = [
    ("Ref", "Recommendation", "Action", "Lead", "Timescale"),
    ("R1", "Improve return home interviews", "Commission an independent service", "Head of Service", "March 2014"),
    ("R2", "Strengthen case supervision", "Monthly audit of supervision files", "Team Manager", "Ongoing"),
]


def rotated_plan(target: Path) -> None:
    """A landscape table stored the way some printers write it: portrait page, the
    content drawn turned a quarter, and /Rotate 90 so viewers show it upright."""
    width, height = A4
    page = canvas.Canvas(str(target), pagesize=(width, height))
    page.setPageRotation(90)
    page.translate(width, 0)
    page.rotate(90)  # from here on, draw on a landscape page of height x width
    page.setFont("Helvetica-Bold", 13)
    page.drawString(40, width - 50, "Action plan (page stored rotated)")
    ruled_table(page, ROTATED_ROWS, [50, 220, 240, 120, 90], 40, width - 80)
    page.showPage()
    page.save()


def encrypted(target: Path, user_password: str) -> None:
    page = canvas.Canvas(str(target), pagesize=landscape(A4), encrypt=_encryption(user_password))
    page.setFont("Helvetica-Bold", 13)
    page.drawString(40, 550, "Action plan (encrypted)")
    ruled_table(page, ROTATED_ROWS, [50, 220, 240, 120, 90], 40, 520)
    page.showPage()
    page.save()


def _encryption(user_password: str):
    from reportlab.lib import pdfencrypt

    return pdfencrypt.StandardEncryption(user_password, ownerPassword="owner-secret", strength=128)


def truncated(source: Path, target: Path) -> None:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 3])


def main() -> None:
    PDF.mkdir(parents=True, exist_ok=True)
    GOOD.mkdir(parents=True, exist_ok=True)
    soffice_pdfs()
    unruled_plan(PDF / "unruled-plan.pdf")
    scanned_plan(PDF / "southend-2012.pdf", PDF / "scanned-plan.pdf")
    rotated_plan(PDF / "rotated-plan.pdf")
    encrypted(BAD / "encrypted.pdf", user_password="let-me-in")
    encrypted(GOOD / "empty-password.pdf", user_password="")
    truncated(PDF / "southend-2012.pdf", BAD / "truncated.pdf")


if __name__ == "__main__":
    main()
