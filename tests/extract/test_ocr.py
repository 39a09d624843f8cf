"""Scanned PDFs read by OCR (extract/ocr.py): the shipped scan, a page turned sideways,
the --ocr modes, and what a user is told where OCR is not installed."""

import json
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

import actionplan
from actionplan.cli import app
from actionplan.errors import DocumentLoadError
from actionplan.extract import ocr
from actionplan.extract.ocr import HOW_TO_ENABLE, garbage_text

PDF = Path("samples/pdf")
needs_ocr = pytest.mark.skipif(ocr.unavailable() is not None,
                               reason=f"OCR not installed here ({HOW_TO_ENABLE}); CI installs it")


@needs_ocr
def test_shipped_scan_is_read_like_its_text_layer():
    """samples/pdf/scanned-plan.pdf is pages 1-2 of southend-2012.pdf as pictures (86 dpi)."""
    scanned = actionplan.extract(PDF / "scanned-plan.pdf")
    printed = [i for i in actionplan.extract(PDF / "southend-2012.pdf").items if i.source.page in (1, 2)]
    assert scanned.source.ocr_pages == [1, 2] and scanned.source.page_strategies == ["lines", "lines"]
    assert "no_text_layer" not in {i.code for i in scanned.issues}
    assert scanned.title == "Safeguarding & LAC Inspection Action Plan"
    assert [i.timescale.raw for i in scanned.items[:10]] == [i.timescale.raw for i in printed]
    assert [scanned.items[k].lead_raw for k in (0, 1, 2, 5, 6)] == [printed[k].lead_raw for k in (0, 1, 2, 5, 6)]
    # Every item says it was read by OCR, with its words' mean confidence.
    assert all(item.ocr_confidence is not None and 0 < item.ocr_confidence <= 100 for item in scanned.items)


@needs_ocr
def test_low_confidence_cells_are_flagged_with_their_text():
    plan = actionplan.extract(PDF / "scanned-plan.pdf")
    low = [i for i in plan.issues if i.code == "low_ocr_confidence"]
    assert low and all(i.severity == "warning" and i.item_id and i.value for i in low)
    items = {item.id: item for item in plan.items}
    for found in low:
        assert "read by OCR with mean word confidence" in found.message
        assert found.value in {items[found.item_id].timescale.raw, items[found.item_id].lead_raw,
                               items[found.item_id].monitoring, items[found.item_id].action,
                               items[found.item_id].recommendation, items[found.item_id].outcome,
                               items[found.item_id].progress}


@needs_ocr
def test_text_layer_plans_are_not_read_by_ocr():
    plan = actionplan.extract(PDF / "unruled-plan.pdf")
    assert plan.source.ocr_pages is None and all(item.ocr_confidence is None for item in plan.items)


@needs_ocr
def test_sideways_scanned_page_is_turned_upright(tmp_path):
    """A page scanned a quarter turn off (Tesseract's orientation detection) and slightly skewed."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(PDF / "unruled-plan.pdf"))[0]
    picture = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    picture = picture.rotate(0.7, fillcolor=255).rotate(90, expand=True, fillcolor=255)
    scan = tmp_path / "sideways.pdf"
    picture.save(scan, resolution=200)
    plan = actionplan.extract(scan)
    printed = actionplan.extract(PDF / "unruled-plan.pdf")
    assert plan.source.ocr_pages == [1]
    assert [(i.recommendation_ref, i.lead_raw, i.timescale.kind) for i in plan.items] == [
        (i.recommendation_ref, i.lead_raw, i.timescale.kind) for i in printed.items]


@needs_ocr
def test_scanned_file_is_converted_with_warnings_in_a_batch(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(PDF / "scanned-plan.pdf"), "-o", str(tmp_path), "--json",
                                      "--workers", "1"])
    assert result.exit_code == 0
    assert json.loads(result.output)["files"][0]["status"] == "converted with warnings"


def test_ocr_never_keeps_the_scan_unread_and_says_how_to_read_it():
    plan = actionplan.extract(PDF / "scanned-plan.pdf", {"ocr": "never"})
    assert plan.items == [] and plan.source.ocr_pages is None
    assert [(i.code, i.severity) for i in plan.issues] == [("no_text_layer", "error")]
    assert plan.issues[0].message == ("pages 1, 2 have no text layer (scanned images?): not converted; "
                                      "OCR is off (--ocr never); run with --ocr auto to read them")


def test_without_ocr_installed_a_scan_says_how_to_enable_it(monkeypatch):
    monkeypatch.setattr(ocr, "unavailable", lambda: "the OCR extra is not installed")
    plan = actionplan.extract(PDF / "scanned-plan.pdf")
    assert plan.items == []
    assert plan.issues[0].message.endswith(
        "not converted; the OCR extra is not installed; to read them with OCR: "
        "pip install 'actionplan[ocr]' and apt-get install tesseract-ocr tesseract-ocr-eng")
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(PDF / "scanned-plan.pdf", {"ocr": "always"})
    assert str(raised.value) == (
        f"{PDF / 'scanned-plan.pdf'}: OCR was asked for (--ocr always) but the OCR extra is not installed: "
        "pip install 'actionplan[ocr]' and apt-get install tesseract-ocr tesseract-ocr-eng")


class _Page:
    def __init__(self, texts):
        self.chars = [{"text": text} for text in texts]


@pytest.mark.parametrize("texts, garbage", [
    ([], True),  # no text layer at all
    (list("Review all plans"), False),
    (["(cid:12)", "(cid:7)", "(cid:40)", "a"], True),  # glyphs with no Unicode mapping
    (["\ue001", "\ue002", "\ufffd", "x", "y"], True),  # private-use and replacement characters
    (list("Action plan") + ["\uf0b7"], False),  # a symbol-font bullet among words is not garbage
])
def test_garbage_text_layer(texts, garbage):
    assert garbage_text(_Page(texts)) is garbage


def test_ocr_mode_is_validated():
    with pytest.raises(ValueError):
        actionplan.Settings.resolve({"ocr": "sometimes"})


def test_image_only_pdf_fixture_is_really_without_text(tmp_path):
    """The sideways test's premise: Pillow's PDF holds only the picture."""
    import pdfplumber

    scan = tmp_path / "blank.pdf"
    Image.new("L", (200, 100), 255).save(scan, resolution=72)
    with pdfplumber.open(scan) as pdf:
        assert pdf.pages[0].chars == []


@pytest.mark.parametrize("text, width, line_height, expected", [
    ("—", 20, 36, "–"),  # half an em wide: an en dash Tesseract read as an em dash
    ("—", 34, 36, "—"),  # a whole em: an em dash
    ("–", 36, 36, "—"),
    ("-", 12, 36, "-"),  # a hyphen stays a hyphen
    ("Ongoing", 100, 36, "Ongoing"),
])
def test_dashes_are_told_apart_by_width(text, width, line_height, expected):
    assert ocr._dash(text, width, line_height) == expected


@pytest.mark.parametrize("text, conf, width, height, kept", [
    ("—", "59.7", 20, 4, True),  # a dash read with little confidence is still a dash ("SA – Stuart Ashdown")
    ("—", "59.7", 6, 5, False),  # a speck read as a dash
    ("|", "95", 3, 30, False),  # a bit of a rule
    ("G", "30", 22, 26, True),  # a letter, however unsure
    (".", "40", 4, 4, False),
])
def test_specks_are_dropped_and_words_kept(text, conf, width, height, kept):
    row = {"level": "5", "text": text, "conf": conf, "width": str(width), "height": str(height)}
    assert ocr._kept(row) is kept


# Words as Tesseract read them in the lead column of a scan of a generated ruled plan
# (150 dpi, JPEG quality 40): a speck or the rule's remains read as a quote glued to a
# cell's first word kept two named leads from being told apart ("‘Yvonne Adeyemi
# Marcus Whitlock" is no name followed by a name).
@pytest.mark.parametrize("line, expected", [
    ([("‘Yvonne", 38.5, 3649, 3954), ("Adeyemi", 91.3, 3675, 3988)], ["Yvonne", "Adeyemi"]),
    ([("“Sarah", 55.9, 3649, 3892)], ["Sarah"]),
    ([("_and", 70.1, 3649, 3810), ("Inclusion", 95.7, 3831, 4149)], ["and", "Inclusion"]),
    ([("‘Good", 96.0, 3649, 3892), ("practice", 96.0, 3910, 4149)], ["‘Good", "practice"]),  # read with confidence
    ([("‘Good", 50.0, 3649, 3892), ("enough’.", 90.0, 3910, 4149)], ["‘Good", "enough’."]),  # a quotation, closed
    ([("“", 30.0, 3649, 3660)], ["“"]),  # a mark alone is _kept's to judge, not a word's stray mark
])
def test_stray_marks_before_doubtful_words_are_dropped(line, expected):
    words = [{"text": text, "confidence": conf, "box": (x0, 1000, x1, 1080)} for text, conf, x0, x1 in line]
    ocr._strip_stray_marks(words)
    assert [word["text"] for word in words] == expected
    stripped = words[0]["box"][0] > line[0][2]
    assert stripped == (words[0]["text"] != line[0][0])  # the box loses the mark's share with its text


@needs_ocr
def test_letters_alone_in_cells_and_the_key_below_a_table_are_read(tmp_path):
    """Tesseract's layout analysis drops a RAG letter alone in its cell as noise; the
    second look at unread ink reads it. The key of initials below the table (its dashes
    read with little confidence, its size a point above the table's) resolves the leads.
    Page 3 of a generated unruled plan, scanned at 150 dpi."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(Path("tests/accuracy/corpus/draw-1/pdf-unruled.pdf")))
    printed = pdfium.PdfDocument.new()
    printed.import_pages(source, [2])
    printed.save(tmp_path / "printed.pdf")
    picture = printed[0].render(scale=150 / 72, grayscale=True).to_pil().convert("L").rotate(0.6, fillcolor=255)
    picture.save(tmp_path / "scan.pdf", resolution=150)
    read, expected = actionplan.extract(tmp_path / "scan.pdf"), actionplan.extract(tmp_path / "printed.pdf")
    assert read.source.ocr_pages == [1] and len(read.items) == len(expected.items) == 8
    assert [(i.status.rag, i.leads) for i in read.items] == [(i.status.rag, i.leads) for i in expected.items]
    assert {"G", "A"} <= {i.status.raw for i in read.items}
    assert "Stuart Varley" in {lead.name for i in read.items for lead in i.leads}


@needs_ocr
@pytest.mark.parametrize("picture, read, confidence, width, expected", [
    # Recommendation numbers cut from a 150 dpi scan of a generated plan (JPEG quality 55),
    # with Tesseract's first reading of each: the page's layout analysis lost the point.
    ("rec-number-91.png", "91", "76.9", 37, "9.1"),
    ("rec-number-83.png", "83", "57.7", 43, "8.3"),
    ("rec-number-83.png", "83", "96.0", 43, "83"),  # a number read with confidence is left as it is
    ("rec-number-91.png", "17", "50.0", 37, "17"),  # a second reading with other digits is not taken
])
def test_doubtful_numbers_are_read_again_alone(picture, read, confidence, width, expected):
    image = Image.open(Path(__file__).with_name("scans") / picture)
    row = {"level": "5", "text": read, "conf": confidence, "left": "32", "top": "32", "width": str(width),
           "height": "25", "block_num": "1", "par_num": "1", "line_num": "1"}
    page = type("Page", (), {"grey": image, "dpi": 300})()
    ocr._reread_numbers(page, [row], Path("scan.pdf"), 1)
    assert row["text"] == expected
