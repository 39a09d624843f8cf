"""The PDF extractor on real PDFs in samples/pdf and tests/fixtures."""

from datetime import date
from pathlib import Path

import pytest

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.pdf_words import Word, cell_text
from hostile_files import pdf_of

PDF = Path("samples/pdf")


def test_ruled_tables_and_recorded_strategy():
    plan = actionplan.extract(PDF / "southend-2012.pdf")
    assert plan.source.pages == len(plan.source.page_strategies) > 1
    assert set(plan.source.page_strategies) == {"lines"}


def test_unruled_table_found_from_text_alignment():
    plan = actionplan.extract(PDF / "unruled-plan.pdf")
    assert plan.source.page_strategies == ["text"]
    assert [(i.recommendation_ref, i.lead_raw, i.timescale.kind) for i in plan.items] == [
        ("1", "Joan Smith", "date"), ("2", "Group Manager", "month"),
        ("3", "Principal Social Worker", "quarter"), ("4", "Head of HR", "relative"),
    ]
    # Wrapped lines of a cell come back as one text, not extra rows or items.
    assert plan.items[1].action == (
        "Review all child in need plans open for more than six months and record the decision on file"
    )
    assert plan.as_of == date(2013, 10, 31)
    assert plan.title == "Children's Services Improvement Plan"


def test_table_over_many_pages_with_repeated_header_and_split_rows():
    document = load(PDF / "north-tyneside-2012.pdf")
    joined = [t for t in document.tables if any(row.page_break_before for row in t.rows)]
    assert joined, "the Safeguarding table runs over pages and is read as one table"
    plan = actionplan.extract(PDF / "north-tyneside-2012.pdf")
    eight = [i for i in plan.items if i.recommendation_ref == "8" and i.section == "Safeguarding"][0]
    assert " ".join(eight.recommendation.split()).endswith("understood across all agencies and that where they are undertaken their focus is clear.")


def test_landscape_pages_and_page_provenance():
    plan = actionplan.extract(PDF / "sunderland-2013.pdf")  # items scored against the hand key: make accuracy
    pages = [item.source.page for item in plan.items]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] > 30
    first = plan.items[0]
    assert (first.source.table, first.source.row) == (1, 2)


def test_rotated_page_reads_upright():
    plan = actionplan.extract(PDF / "rotated-plan.pdf")
    assert [(i.recommendation_ref, i.lead_raw, i.timescale.raw) for i in plan.items] == [
        ("R1", "Head of Service", "March 2014"), ("R2", "Team Manager", "Ongoing"),
    ]


def test_rag_from_cell_fill():
    plan = actionplan.extract(PDF / "rag-by-shading.pdf")
    assert [item.status.rag for item in plan.items] == ["red", "red", "amber", "amber", "green", "green", None]


def test_merged_cells_reach_every_row_they_cover():
    plan = actionplan.extract(PDF / "merged-recommendations.pdf")
    front_door = [i for i in plan.items if i.section == "Front Door"]
    assert [i.action_ref for i in front_door] == ["1.1", "1.2", "1.3"]
    assert {i.recommendation for i in front_door} == {"Ensure that referrals are screened within 24 hours"}
    assert front_door[1].lead_raw == "Team Manager MASH"  # merged lead cell, carried down once


def test_scanned_pages_are_reported_not_silently_empty():
    """With OCR off, a scan is reported (test_ocr.py has the scan read by OCR)."""
    plan = actionplan.extract(PDF / "scanned-plan.pdf", {"ocr": "never"})
    assert plan.items == []
    assert [(i.code, i.severity) for i in plan.issues] == [("no_text_layer", "error")]
    assert plan.issues[0].message.startswith("pages 1, 2 have no text layer")


def test_empty_password_pdf_opens():
    plan = actionplan.extract("tests/fixtures/pdf/empty-password.pdf")
    assert [i.recommendation_ref for i in plan.items] == ["R1", "R2"]


@pytest.mark.parametrize("name,message", [
    ("encrypted.pdf", "encrypted PDF: it needs a password to open"),
    ("truncated.pdf", "damaged or truncated PDF (Unexpected EOF)"),
])
def test_unreadable_pdfs_are_one_clear_error(name, message):
    path = Path("tests/fixtures/bad") / name
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(path)
    assert str(raised.value) == f"{path}: {message}"


def test_running_heads_and_page_numbers_are_not_content():
    document = load(PDF / "stockton-2013.pdf")
    texts = [block.text for block in document.blocks if not hasattr(block, "rows")]
    assert not [t for t in texts if t.startswith("Page ") or "Borough Council – CP Inspection" in t]
    plan = actionplan.extract(PDF / "stockton-2013.pdf")
    assert plan.title.startswith("Action Plan in response to the recommendations of the January 2013 Ofsted")
    assert len(plan.items) == 58


# Unruled tables (issue 12, parts 1 and 2): generated PDFs whose keys are exact.
DRAW1 = Path("tests/accuracy/corpus/draw-1")


def _texts(table, row):
    return [" ".join(cell.text.split()) for cell in table.rows[row].cells]


def test_unruled_header_over_three_lines_is_one_row_and_wrapped_cells_stay_whole():
    document = load(DRAW1 / "pdf-unruled-3line.pdf")
    first = document.tables[0]
    assert first.strategy == "text"
    assert _texts(first, 0) == ["Area for Improvement", "Actions to be taken", "Accountable lead",
                                "Timescale for completion", "Progress to date", "RAG rating"]
    assert _texts(first, 1)[1] == "a) Agree a joint funding protocol between the council and the Integrated Care Board."
    assert _texts(first, 1)[3] == "End of May 2024"


def test_unruled_rows_start_where_the_row_starting_column_starts_a_block():
    """The first column is empty on an area's second action: the action column starts rows;
    bullet lines and wrapped lines stay in their cell; a bold theme line is one cell."""
    document = load(DRAW1 / "pdf-unruled.pdf")
    table = document.tables[0]
    assert [len(row.cells) for row in table.rows[:3]] == [7, 1, 7]
    assert table.rows[1].cells[0].text == "Education, Health and Care plans"
    assert _texts(table, 3)[:2] == ["", "Undertake a themed audit of chronologies and share findings at the practice week."]
    assert table.rows[4].cells[1].text.splitlines()[1:] == [
        "• information sharing between agencies", "• the quality of plans", "• Timeliness of visits"]


def test_unruled_table_continued_on_a_page_without_its_header_is_one_table():
    document = load(DRAW1 / "pdf-unruled-landscape.pdf")
    assert document.page_strategies == ["text", "text", "text"]
    assert len(document.tables) == 1
    pages = [row.page for row in document.tables[0].rows if row.page_break_before]
    assert pages == [2, 3]


def test_table_ruled_between_rows_only_is_read_by_its_rules():
    document = load(DRAW1 / "pdf-hlines.pdf")
    table = document.tables[0]
    assert _texts(table, 0) == ["Ref.", "Issue raised", "What we will do", "Impact measure", "Who", "Deadline",
                                "Progress note", "BRAG"]
    assert [row.cells[0].text for row in table.rows[1:5]] == ["Early Help", "1.1", "1.2", "1.3"]
    assert len(table.rows[1].cells) == 1  # the theme row, across the table


@pytest.mark.parametrize("report", ["send_plymouth_2023.pdf", "ilacs_kent_2013.pdf"])
def test_prose_pages_do_not_become_tables(report):
    document = load(Path("tests/accuracy/reports") / report)
    assert "text" not in document.page_strategies
    assert all(table.strategy == "lines" for table in document.tables)


# Cell-rectangle tables and running feet (issue 12, parts 3 and 4): fixtures drawn by
# tests/fixtures/pdf/make_pdfs.py.
FIXTURES = Path("tests/fixtures/pdf")


def test_cell_rectangle_table_has_no_phantom_columns_and_unclipped_text():
    """Padding strips beside the shaded headings are merged into the columns; the heading
    that starts inside a strip comes back whole ("Areas", not "reas")."""
    table = load(FIXTURES / "cell-boxes.pdf").tables[0]
    assert [_texts(table, i) for i in range(3)] == [
        ["Responsible body", "Areas for priority action"],
        ["Hertshire County Council and NHS Hertshire Integrated Care Board",
         "Leaders should act with urgency to accelerate their data dashboard work so that needs are identified early."],
        ["Hertshire County Council", "Leaders should work more collaboratively across education, health and care."],
    ]


def test_real_report_priority_actions_table_has_two_columns():
    table = next(t for t in load(Path("tests/accuracy/reports/send_hertfordshire_2023.pdf")).tables
                 if t.rows[0].cells[0].text == "Responsible body")
    assert {len(row.cells) for row in table.rows} == {2}
    assert _texts(table, 0) == ["Responsible body", "Areas for priority action"]


def test_table_continued_over_pages_past_a_running_foot_is_one_table_of_whole_rows():
    """The foot (at 90% of the page: above the margin) and "Page N of 3" are dropped; the
    pages without a header continue the table; a row cut by the page break is one item."""
    document = load(FIXTURES / "footer-in-row.pdf")
    assert len(document.tables) == 1
    assert [row.page for row in document.tables[0].rows if row.page_break_before] == [2, 3]
    texts = [cell.text for row in document.tables[0].rows for cell in row.cells]
    texts += [block.text for block in document.blocks if not hasattr(block, "rows")]
    assert not [t for t in texts if "Redstow" in t or "Page" in t]
    plan = actionplan.extract(FIXTURES / "footer-in-row.pdf")
    assert [item.action_ref or item.action.split(".")[0] for item in plan.items] == [str(n) for n in range(1, 37)]
    assert all(item.action.endswith("record the decision on file") for item in plan.items)


def test_tables_drawn_inside_a_cell_are_lifted_into_the_outer_table():
    """An outer "Issue raised | Response" table whose responses are small tables of
    actions: one wide table, the issue merged down over its actions (as Word's reader
    gives it), across a page whose last issue's actions start on the next page."""
    document = load(DRAW1 / "word-nested-lo.pdf")
    first = document.tables[0]
    assert _texts(first, 0) == ["Issue raised", "What we will do", "Responsible officer(s)", "Timescale"]
    assert _texts(first, 2)[0].startswith("Ensure that the local offer is accessible")
    assert _texts(first, 2)[1].startswith("Ensure all EHC plan annual reviews are held")
    assert [cell.merged_from_above for cell in first.rows[3].cells] == [True, False, False, False]
    plan = actionplan.extract(DRAW1 / "word-nested-lo.pdf")
    assert len(plan.items) == 38
    assert sum(1 for item in plan.items if item.recommendation) == 38


def _word(text, x0, top):
    return Word(text, x0, x0 + 6.0 * len(text), top, top + 10, 10.0, False)


@pytest.mark.parametrize("lines, room, expected", [
    ([["AMBE"], ["R"]], 24, "AMBER"),  # a word wider than the cell, broken by the word processor
    ([["managemen"], ["t", "oversight."]], 54, "management oversight."),
    ([["Children's"], ["as", "well"]], 60, "Children's as well"),  # a short word starts the line
    ([["Safeguarding"], ["Children"]], 72, "Safeguarding Children"),  # a whole word ending a full line
    ([["AMBE"], ["R"]], 40, "AMBE\nR"),  # the line had room left: a new paragraph, not a broken word
    ([["AMBE"], ["R"]], 31, "AMBE R"),  # a wrapped line ending more than a character short
])
def test_a_word_broken_across_lines_of_a_narrow_cell_is_joined(lines, room, expected):
    words = [_word(text, 100 + sum(6.0 * (len(t) + 1) for t in line[:i]), 100 + 12 * row)
             for row, line in enumerate(lines) for i, text in enumerate(line)]
    assert cell_text(words, (100, 95, 100 + room, 140)) == expected


def test_tables_after_a_joined_continuation_keep_their_own_numbers():
    """Page 2 holds the end of table 1 and then table 2; page 3 table 3. Joining the
    continuation must not leave table 2 numbered 3 beside page 3's table 3 (their
    items' ids would repeat: t3-r2 twice)."""
    document = load(Path("tests/fixtures/pdf/continued-then-another.pdf"))
    assert [(t.index, t.page, len(t.rows)) for t in document.tables] == [(1, 1, 22), (2, 2, 4), (3, 3, 4)]
    plan = actionplan.extract("tests/fixtures/pdf/continued-then-another.pdf")
    assert len(plan.items) == 27 and len({item.id for item in plan.items}) == 27


def _pdf_with_one_content_stream_on_every_page(pages: int) -> bytes:
    """A hand-made PDF whose pages all draw the same content stream object (as a
    generator repeating a page may write it)."""
    content = b"BT /F1 12 Tf 72 720 Td (Shared words on every page) Tj ET"
    kids = " ".join(f"{5 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
         b"/Contents 4 0 R >>"] * pages
    return pdf_of(objects)


def test_pages_sharing_one_content_stream_are_all_read(tmp_path: Path):
    """Regression: a page's decoded content is let go once read (flat memory on long
    plans); a stream that later pages draw too must be kept until the last of them."""
    path = tmp_path / "shared.pdf"
    path.write_bytes(_pdf_with_one_content_stream_on_every_page(3))
    document = load(path)
    texts = [block.text for block in document.blocks if hasattr(block, "text")]
    assert document.pages == 3 and document.pages_without_text == []
    assert sum("Shared words on every page" in text for text in texts) == 3
def test_a_heading_row_wrapped_onto_a_second_line_is_one_row_though_the_joined_headings_map_fewer():
    """"Responsible / officer(s)", "BRAG / status", "Evidence / / Monitoring": the
    vocabulary knows "Evidence /" (progress) but not "Evidence / Monitoring", so the
    fuller two-line reading mapped fewer headings and lost to the first line alone; the
    second line then stood as a heading row of its own, the table under it had no
    action column and the plan came out with 0 items (seed 5 pdf-unruled-initials,
    text layer and scan alike)."""
    from actionplan.extract.pdf_unruled import _header_at

    def line(top, *words):
        return [Word(text, x0, x0 + 5.0 * len(text), top, top + 7.7, 7.7, True) for text, x0 in words]

    first = line(101.8, ("No.", 43), ("Area", 70), ("of", 90), ("weakness", 99), ("Action(s)", 188),
                 ("required", 225), ("When", 325), ("Responsible", 384), ("BRAG", 456), ("Evidence", 492), ("/", 536))
    second = line(111.6, ("officer(s)", 384), ("status", 456), ("Monitoring", 492))
    body = [Word("1.1", 43, 55, 126.2, 133.9, 7.7, False), Word("Appoint", 188, 218, 126.2, 133.9, 7.7, False)]
    header = _header_at([first, second, body], 0)
    assert [group.text for group in header.groups] == [
        "No.", "Area of weakness", "Action(s) required", "When", "Responsible officer(s)", "BRAG status",
        "Evidence / Monitoring"]
    assert len(header.lines) == 2
