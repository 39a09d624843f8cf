"""The Excel extractor on the workbooks tests/fixtures/xlsx/make_xlsx.py builds by hand
(rows of the Southend seed plan laid out as a tracker), and on small workbooks made here."""

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Color, PatternFill

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.base import Paragraph
from actionplan.extract.cell_format import fill_colour, shown_text, theme_colours
from actionplan.normalise.colours import rag_from_fill

XLSX = Path("tests/fixtures/xlsx")


@pytest.fixture(scope="module")
def tracker():
    return actionplan.extract(XLSX / "tracker.xlsx")


# id, action starts, lead (a VLOOKUP formula's cached value where the fixture has one),
# timescale as the cell shows it, due, RAG from the fill only, section
TRACKER_ITEMS = [
    ("t1-r6", "Review all CiN plans", "Heather Flinders", "31/10/2012", date(2012, 10, 31), "green", "Safeguarding"),
    # built-in date format 14 is shown in the regional (UK) short date
    ("t1-r7", "Informed by the outcome", "Heather Flinders", "31/10/2012", date(2012, 10, 31), "amber", "Safeguarding"),
    ("t1-r8", "ICS board action", "Sue Williams", "Oct-12", date(2012, 10, 31), "red", "Safeguarding"),
    ("t1-r9", "IROs to monitor", "Maria Gilbert", "31 October 2012", date(2012, 10, 31), "amber", "Safeguarding"),
    # row 10 is hidden: not an item
    ("t1-r11", "Review the current LAC", "Darren McAughtrie", "31/10/2012", date(2012, 10, 31), "green",
     "Safeguarding"),
    ("t1-r12", "Roll out the service user", "Darren McAughtrie", "31/02/2013", None, "red", "Safeguarding"),
    # sheet "Key" (table 2) is a legend; sheet "Looked After Children" is table 3
    ("t3-r3", "Review all section 20 cases", "Heather Flinders", "31-Jul-2012", date(2012, 7, 31), "green",
     "Looked After Children"),
    ("t3-r4", "Section 20 cases to be monitored", "Maria Gilbert", "31/08/2012", date(2012, 8, 31), "red",
     "Looked After Children"),
    ("t3-r5", "All fieldwork SW reminded", "Ruth Baker", "On-going", None, None, "Looked After Children"),
]


@pytest.mark.parametrize("item_id,action,lead,raw,due,rag,section", TRACKER_ITEMS)
def test_tracker_items(tracker, item_id, action, lead, raw, due, rag, section):
    item = next(item for item in tracker.items if item.id == item_id)
    assert item.action.startswith(action)
    assert [person.name for person in item.leads] == [lead]
    assert (item.timescale.raw, item.timescale.due) == (raw, due)
    assert item.status.rag == rag
    assert item.section == section


def test_tracker_has_exactly_those_items(tracker):
    assert [item.id for item in tracker.items] == [row[0] for row in TRACKER_ITEMS]
    assert tracker.source.format == "xlsx"


def test_title_rows_above_the_header_give_title_and_progress_date(tracker):
    blocks = load(XLSX / "tracker.xlsx").blocks
    assert [b.text for b in blocks[:2] if isinstance(b, Paragraph)] == [
        "Safeguarding & LAC Inspection Action Plan", "Progress as at 22nd October 2012"]
    assert tracker.title == "Safeguarding & LAC Inspection Action Plan"
    assert tracker.as_of == date(2012, 10, 22)


def test_recommendation_merged_down_reaches_each_action(tracker):
    first, second = tracker.items[:2]
    assert first.recommendation == second.recommendation
    assert first.recommendation.startswith("Strengthen the management oversight")
    rows = load(XLSX / "tracker.xlsx").tables[0].rows
    second_action = next(row for row in rows if row.index == 7)
    assert second_action.cells[1].merged_from_above and second_action.cells[1].text == ""


def test_theme_row_merged_across_is_one_cell_and_print_titles_mark_the_header():
    rows = load(XLSX / "tracker.xlsx").tables[0].rows
    assert rows[0].marked_header and rows[0].texts[0] == "Ref"
    assert rows[1].texts == ["Safeguarding"]


def test_hidden_rows_columns_and_sheets_are_left_out_and_reported(tracker):
    hidden = [issue for issue in tracker.issues if issue.code == "hidden_content"]
    assert [issue.message for issue in hidden] == [
        "sheet 'Safeguarding': hidden row 10 and column H not read (unhide them in Excel to have it converted)",
        "sheet 'Looked After Children': hidden column H not read (unhide it in Excel to have it converted)",
        "sheet 'Lists' is hidden: not read (unhide it in Excel to have it converted)",
    ]
    assert "CiN cases monitored through 1.2 above." in hidden[0].value and "chase HF" in hidden[0].value
    assert hidden[0].severity == "warning" and hidden[0].row == 10
    assert not any("CiN cases monitored" in item.action for item in tracker.items)
    assert not any("chase HF" in str(item.extra) for item in tracker.items)


def test_legend_sheet_is_reported_once_not_read_as_items(tracker):
    skipped = [issue for issue in tracker.issues if issue.code == "skipped_table"]
    assert len(skipped) == 1 and skipped[0].table == 2 and "sheet 'Key'" in skipped[0].message
    assert not any(item.source.table == 2 for item in tracker.items)
    assert tracker.rows.total == tracker.rows.items + tracker.rows.headers + tracker.rows.sections \
        + tracker.rows.continuations + tracker.rows.dropped + tracker.rows.blank


def test_impossible_date_typed_as_text_is_flagged(tracker):
    assert [(i.item_id, i.value) for i in tracker.issues if i.code == "invalid_date"] == [("t1-r12", "31/02/2013")]


def test_macro_enabled_workbook_reads_the_same(tracker):
    xlsm = actionplan.extract(XLSX / "tracker.xlsm")
    assert [i.model_dump(exclude={"source"}) for i in xlsm.items] == \
        [i.model_dump(exclude={"source"}) for i in tracker.items]


@pytest.mark.parametrize("name,message", [
    ("encrypted.xlsx", "a password-protected workbook: open it in Excel, remove the password "
                       "(File > Info > Protect Workbook) and save it"),
    ("legacy.xls", "a legacy Excel 97-2003 workbook: open it in Excel or LibreOffice and save it as .xlsx"),
    ("truncated.xlsx", "not an Excel .xlsx file (it is not a zip package): if it is damaged, open it in Excel "
                       "and save it again"),
    # Told apart by the type sniffer (extract/sniff.py) before openpyxl opens it.
    ("word-renamed.xlsx", "is a Word document (.docx), not an Excel .xlsx workbook; rename it to .docx to read it"),
])
def test_unreadable_workbooks_give_one_line_naming_the_fix(name, message):
    with pytest.raises(DocumentLoadError) as caught:
        actionplan.extract(XLSX / name)
    assert str(caught.value) == f"{XLSX / name}: {message}"
    assert "\n" not in str(caught.value)


# -- what a cell shows ---------------------------------------------------------------

@pytest.mark.parametrize("value,number_format,shown", [
    (datetime(2014, 3, 31), "dd/mm/yyyy", "31/03/2014"),
    (datetime(2014, 3, 31), "mm-dd-yy", "31/03/2014"),  # built-in 14: the regional short date
    (datetime(2014, 3, 31), "mmm-yy", "Mar-14"),
    (datetime(2014, 3, 31), "mmmm yyyy", "March 2014"),
    (datetime(2014, 3, 31), "d mmmm yyyy", "31 March 2014"),
    (datetime(2014, 3, 31), "dddd d mmm yyyy", "Monday 31 Mar 2014"),
    (datetime(2014, 3, 31), "[$-809]dd mmmm yyyy;@", "31 March 2014"),
    (datetime(2014, 3, 31), '"w/c "dd/mm/yy', "w/c 31/03/14"),
    (datetime(2014, 3, 31, 9, 5), "dd/mm/yyyy hh:mm", "31/03/2014 09:05"),
    (datetime(2014, 3, 31), "General", "31/03/2014"),  # a date under a non-date format is still a date
    (date(2014, 3, 31), "yyyy-mm-dd", "2014-03-31"),
    (1.1, "General", "1.1"),
    (3.0, "General", "3"),
    (0.75, "0%", "75%"),
    (1234.5, "#,##0.00", "1,234.50"),
    (True, "General", "TRUE"),
    (None, "General", ""),
    ("Within 3 months", "@", "Within 3 months"),
])
def test_cell_shows_its_value_under_its_number_format(value, number_format, shown):
    assert shown_text(value, number_format) == shown


# The default Office theme openpyxl writes (accent2 C0504D, accent3 9BBB59, accent6 F79646).
OFFICE_THEME = theme_colours(Workbook().loaded_theme or __import__("openpyxl").writer.theme.theme_xml.encode())


@pytest.mark.parametrize("colour,hex_colour,rag", [
    (Color("FFFFC7CE"), "FFC7CE", "red"),                    # Excel's "Bad" style
    (Color("FFC6EFCE"), "C6EFCE", "green"),                  # "Good"
    (Color("FFFFEB9C"), "FFEB9C", "amber"),                  # "Neutral"
    (Color(indexed=10), "FF0000", "red"),                    # palette red
    (Color(indexed=52), "FF9900", "amber"),                  # palette orange
    (Color(indexed=50), "99CC00", "green"),                  # palette lime
    (Color(theme=6), "9BBB59", "green"),                     # accent 3
    (Color(theme=6, tint=0.3999755851924192), "C3D69B", "green"),   # accent 3, lighter 40%
    (Color(theme=5, tint=0.5999938962981048), "E6B9B8", "red"),     # accent 2, lighter 60%
    (Color(theme=9, tint=-0.249977111117893), "E46C0A", "amber"),   # accent 6, darker 25%
    (Color(theme=0), None, None),                            # background 1: white, no fill
    (Color(theme=0, tint=-0.1499984740745262), "D9D9D9", None),     # the grey of a header
    (Color("FFFFFFFF"), None, None),
])
def test_fills_resolve_to_the_colour_shown_and_its_rag(colour, hex_colour, rag):
    found = fill_colour(PatternFill("solid", fgColor=colour), OFFICE_THEME)
    assert found == hex_colour
    assert rag_from_fill(found) == rag


def test_a_cell_with_no_fill_has_none():
    assert fill_colour(PatternFill(), OFFICE_THEME) is None


# -- small workbooks made here -----------------------------------------------------

def _workbook(tmp_path, sheets: dict[str, list[list]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    return path


HEADER = ["Recommendation", "Action", "Lead", "By when", "RAG"]


def test_second_sheet_does_not_take_the_first_sheets_theme(tmp_path):
    path = _workbook(tmp_path, {
        "Front door": [HEADER, ["Front Door"], ["1. Screen referrals", "Audit the MASH", "Jo Hughes", "May 2014", "G"]],
        "Placements": [HEADER, ["2. Stable placements", "Review sufficiency", "Amir Khan", "June 2014", "A"]],
    })
    plan = actionplan.extract(path)
    assert [(i.section, i.recommendation_ref, i.lead_raw, i.status.rag) for i in plan.items] == [
        ("Front Door", "1", "Jo Hughes", "green"), (None, "2", "Amir Khan", "amber")]


@pytest.mark.parametrize("legend", [
    [["Red", "Off track"], ["Amber", "At risk"], ["Green", "On track"]],
    [["RAG", "Meaning"], ["Red", "Off track"], ["Amber", "At risk"], ["Green", "On track"]],
    [["Key to initials"], ["JH", "Jo Hughes"], ["AK", "Amir Khan"]],
])
def test_a_legend_sheet_before_the_plan_is_skipped_and_reported(tmp_path, legend):
    path = _workbook(tmp_path, {
        "Key": legend,
        "Plan": [HEADER, ["1. Screen referrals", "Audit the MASH", "Jo Hughes", "May 2014", "G"]],
    })
    plan = actionplan.extract(path)
    assert [(i.action, i.source.table) for i in plan.items] == [("Audit the MASH", 2)]
    assert [i.table for i in plan.issues if i.code == "skipped_table"] == [1]


def test_a_workbook_with_no_text_is_no_plan(tmp_path):
    path = _workbook(tmp_path, {"Sheet1": []})
    with pytest.raises(DocumentLoadError, match="no table found"):
        actionplan.extract(path)


def _damaged(tmp_path: Path, member: str, damage) -> Path:
    """The tracker with one XML part changed by ``damage`` (a zip that is still sound)."""
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(XLSX / "tracker.xlsx") as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info, damage(data) if info.filename == member else data)
    return path


@pytest.mark.parametrize("member,damage", [
    ("xl/workbook.xml", lambda data: data[:len(data) // 2]),  # lxml's XMLSyntaxError
    ("xl/styles.xml", lambda data: re.sub(rb'borderId="\d+"', b'borderId="99999999999"', data)),  # OverflowError
], ids=["truncated-workbook-part", "style-index-past-a-c-int"])
def test_damaged_parts_found_by_the_fuzzer_are_one_line_errors(tmp_path, member, damage):
    """tests/fuzz.py: these escaped as internal errors (XMLSyntaxError, OverflowError)."""
    path = _damaged(tmp_path, member, damage)
    with pytest.raises(DocumentLoadError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}: a zip file but not a readable Excel workbook (")
    assert "\n" not in str(raised.value)


def _damaged_member_bytes(tmp_path: Path, damage: str) -> Path:
    """The tracker with the deflated bytes of its sheet overwritten, or its compression
    method (local header and central directory) set to one zipfile does not know."""
    data = bytearray((XLSX / "tracker.xlsx").read_bytes())
    with zipfile.ZipFile(XLSX / "tracker.xlsx") as package:
        info = package.getinfo("xl/worksheets/sheet1.xml")
    name_length, extra_length = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    if damage == "deflate":
        middle = start + info.compress_size // 2
        data[middle:middle + 16] = b"\xff" * 16
    else:
        data[info.header_offset + 8:info.header_offset + 10] = (99).to_bytes(2, "little")
        for at in range(len(data) - 46):
            if data[at:at + 4] == b"PK\x01\x02" and data[at + 46:at + 46 + name_length] == info.filename.encode():
                data[at + 10:at + 12] = (99).to_bytes(2, "little")
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("damage", ["deflate", "method"])
def test_a_damaged_zip_member_is_a_one_line_error(tmp_path, damage):
    """tests/fuzz.py: byte flips in a workbook's deflated data raised zlib.error, an unknown
    compression method NotImplementedError: internal errors (12 of 300 xlsx mutants)."""
    path = _damaged_member_bytes(tmp_path, damage)
    with pytest.raises(DocumentLoadError) as raised:
        load(path)
    assert str(raised.value).startswith(f"{path}: a zip file but not a readable Excel workbook (")
    assert "\n" not in str(raised.value)
