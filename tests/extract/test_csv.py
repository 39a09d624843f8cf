"""The CSV extractor: a few rows of the Southend seed plan as Excel saves them as CSV, in
the encodings and delimiters Excel uses (written here byte for byte)."""

from datetime import date
from pathlib import Path

import pytest

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.base import Paragraph
from actionplan.extract.csv import sniff_delimiter

TITLE = "Safeguarding & LAC Inspection Action Plan – progress as at 22nd October 2012"
ROWS = [
    ["Area for Improvement", "Action", "Lead", "Timescale", "RAG", "Progress note / Evidence"],
    ["Safeguarding", "", "", "", "", ""],
    ["1. Strengthen the management oversight and monitoring of children in need plans, to ensure outcomes are "
     "achieved.", "1.1. Review all CiN plans held in the PLO or Care Management team over 6 months duration.",
     "Heather Flinders", "31/10/2012", "Green", "Underway"],
    ["", "1.2. Develop a process whereby CiN plans are robustly reviewed; report to LSCB Exec.", "Heather Flinders",
     "31/10/2012", "Amber", "Underway\nreport due November"],
    ["2. Ensure that chronologies are effectively used to inform assessments.",
     "2.1. ICS board action re chronology - DM to confirm.", "Sue Williams", "Oct-12", "Red",
     "Evidence not yet reported (£0 spent)"],
    ["", "2.2. IROs to monitor all new cases coming to CP conferences.", "Maria Gilbert; Sue Williams",
     "31/02/2013", "", "Not yet due"],
]
EXPECTED = [  # action_ref, leads, due, rag, section
    ("1.1", ["Heather Flinders"], date(2012, 10, 31), "green", "Safeguarding"),
    ("1.2", ["Heather Flinders"], date(2012, 10, 31), "amber", "Safeguarding"),
    ("2.1", ["Sue Williams"], date(2012, 10, 31), "red", "Safeguarding"),
    ("2.2", ["Maria Gilbert", "Sue Williams"], None, None, "Safeguarding"),
]


def _quoted(cell: str, delimiter: str) -> str:
    if any(ch in cell for ch in (delimiter, '"', "\n", ",", ";")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _csv(delimiter: str, line_end: str = "\r\n", title: bool = True) -> str:
    lines = [_quoted(TITLE, delimiter) + delimiter * 5, delimiter * 5] if title else []
    lines += [delimiter.join(_quoted(cell, delimiter) for cell in row) for row in ROWS]
    return line_end.join(lines) + line_end


# How Excel (and others) save a sheet as CSV.
VARIANTS = {
    "excel-csv-utf8 (BOM, comma)": _csv(",").encode("utf-8-sig"),
    "excel-csv-windows (cp1252, comma)": _csv(",").encode("cp1252"),
    "semicolon locale (cp1252)": _csv(";").encode("cp1252"),
    "sep= line first": ("sep=;\r\n" + _csv(";")).encode("utf-8"),
    "unicode text (UTF-16, tab)": _csv("\t").encode("utf-16"),
    "utf-8 no BOM, LF, tab": _csv("\t", "\n").encode("utf-8"),
    "pipe-delimited": _csv("|", "\n").encode("utf-8"),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_every_variant_gives_the_same_plan(tmp_path, name):
    path = tmp_path / "plan.csv"
    path.write_bytes(VARIANTS[name])
    plan = actionplan.extract(path)
    found = [(i.action_ref, [lead.name for lead in i.leads], i.timescale.due, i.status.rag, i.section)
             for i in plan.items]
    assert found == EXPECTED
    assert plan.title == TITLE  # the "–" and "£" survive every encoding
    assert plan.as_of == date(2012, 10, 22)
    assert plan.items[2].progress == "Evidence not yet reported (£0 spent)"
    assert plan.items[1].progress == "Underway\nreport due November"  # a quoted cell over two lines
    assert plan.source.format == "csv"
    assert [(i.code, i.item_id) for i in plan.issues if i.code == "invalid_date"] == [("invalid_date", "t1-r8")]


def test_rows_are_numbered_as_the_file_counts_records(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(VARIANTS["excel-csv-utf8 (BOM, comma)"])
    document = load(path)
    assert isinstance(document.blocks[0], Paragraph) and document.blocks[0].text == TITLE
    assert [row.index for row in document.tables[0].rows] == [3, 4, 5, 6, 7, 8]


@pytest.mark.parametrize("text,delimiter", [
    ('a,b,c\n"1; 2",x,y\n', ","),
    ('a;b;c\n"1, 2";x;y\n"3, 4";z;w\n', ";"),
    ("Action\tLead\tWhen\nReview, audit and report\tJo\tMay 2014\n", "\t"),
    ("Action|Lead\nReview; audit, report|Jo\n", "|"),
])
def test_delimiter_is_the_one_giving_even_rows(text, delimiter):
    assert sniff_delimiter(text) == delimiter


@pytest.mark.parametrize("data,message", [
    # The type sniffer (extract/sniff.py) answers before the CSV reader sees the bytes.
    (b"PK\x03\x04\x14\x00\x00\x00", "is a zip archive, not comma-separated text; actionplan does not read that format"),
    (b"\x00\x01\x02binary", "not a CSV file (binary content): save the sheet from Excel as CSV UTF-8"),
    # Found by tests/fuzz.py: every row was padded to the widest, rows x 500,000 cells (timed out).
    (b"Action,Lead\nAudit," + b"a," * 500_000 + b"\nTrain,Al\n" * 50,
     "row 2 has 500,002 cells, more than a spreadsheet's 16,384 columns (a damaged file?): open it in Excel to "
     "check it and save it as CSV again"),
])
def test_a_file_that_is_not_csv_gives_one_line(tmp_path, data, message):
    path = tmp_path / "plan.csv"
    path.write_bytes(data)
    with pytest.raises(DocumentLoadError) as caught:
        actionplan.extract(path)
    assert str(caught.value) == f"{path}: {message}"


def test_a_csv_with_no_table_is_no_plan(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("Just a note\nAnother line\n", encoding="utf-8")
    with pytest.raises(DocumentLoadError, match="no table found"):
        actionplan.extract(path)



def test_theme_row_in_the_recommendation_column_after_a_recommendation():
    """Regression: a theme in sentence case written in the first cell of an otherwise empty
    row, after the last action of a recommendation, was appended to that recommendation's
    text. Spreadsheet rows are whole: it is a theme. The fixture is the layout corpus's
    csv-export layout drawn with seed 3 (tests/accuracy/corpus/generate.py --seed 3
    --layouts csv-export), its answers from that draw's key."""
    plan = actionplan.extract(Path(__file__).parent.parent / "fixtures" / "csv" / "generated-seed3-themes.csv")
    by_action = {item.action.split(".")[0]: item for item in plan.items}
    assert by_action["Refresh the joint protocol between children's and adult services"].recommendation == (
        "Ensure that learning from case reviews is disseminated and embedded across the partnership.")
    assert by_action["Introduce a young people's panel to review the quality of child protection conferences"
                     ].section == "Leadership, management and governance"


def test_headings_with_qualifying_phrases_and_alternatives_map_by_heading():
    """A hand-made tracker whose headings no synonym matches whole ("Recommendation from
    the inspection", "Lead officer / team", "Status / Progress"): each column is mapped by
    its heading, not guessed by position or content, and no column is left unread."""
    plan = actionplan.extract(Path("tests/fixtures/csv/qualified-headings.csv"))
    assert [(c.field, c.mapped_by) for c in plan.columns] == [
        ("recommendation_ref", "heading"), ("recommendation", "heading"), ("action", "heading"),
        ("lead", "heading"), ("timescale", "heading"), ("progress", "heading")]
    assert [lead.role for item in plan.items for lead in item.leads] == [
        "Head of Looked After Children", "Quality Assurance Team", "Principal Social Worker"]
    assert [item.status.rag for item in plan.items] == ["amber", None, "green"]
    assert not [issue for issue in plan.issues if issue.code == "inferred_column"]


def test_an_action_number_column_gives_each_item_its_action_ref():
    """Regression: a column headed "Action no" was mapped (action_ref) and then dropped:
    items kept only a number written at the start of the action text."""
    plan = actionplan.extract(Path("tests/fixtures/csv/action-numbers.csv"))
    assert [(item.recommendation_ref, item.action_ref, item.action) for item in plan.items] == [
        ("1", "1.1", "Review the front door"), ("1", "1.2", "Recruit managers")]
