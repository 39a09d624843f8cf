"""The HTML extractor on hand-written pages (written to tmp_path) and samples/html."""

from datetime import date

import pytest

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.base import Paragraph

HEADER = "<tr><th>Recommendation</th><th>Action</th><th>Lead</th><th>Timescale</th><th>RAG</th></tr>"


def _page(tmp_path, body, name="plan.html", head='<meta charset="utf-8">', encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode(encoding))
    return path


def _shape(table):
    return [[(cell.text, cell.merged_from_above, cell.fill) for cell in row.cells] for row in table.rows]


MERGED_PLAN = f"""<table>{HEADER}
<tr><td colspan="5" bgcolor="#F2F2F2">Front Door</td></tr>
<tr><td rowspan="2">1. Screen referrals in 24 hours</td><td>1.1 Review the screening tool</td>
    <td>Team Manager MASH</td><td>31/03/2014</td><td>Green</td></tr>
<tr><td>1.2 Audit decisions</td><td>Principal Social Worker</td><td>April 2014</td><td>Amber</td></tr>
</table>"""


def test_rowspan_and_colspan_give_the_shape_the_word_reader_gives(tmp_path):
    """The same table in Word (gridSpan theme row, vMerge recommendation) and in HTML
    (colspan, rowspan) comes out as the same rows."""
    from docx import Document as WordDocument
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = WordDocument()
    table = word.add_table(rows=4, cols=5)
    rows = [["Recommendation", "Action", "Lead", "Timescale", "RAG"], ["Front Door"] + [""] * 4,
            ["1. Screen referrals in 24 hours", "1.1 Review the screening tool", "Team Manager MASH",
             "31/03/2014", "Green"],
            ["", "1.2 Audit decisions", "Principal Social Worker", "April 2014", "Amber"]]
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    table.cell(0, 0)._tc.get_or_add_tcPr()
    theme = table.cell(1, 0).merge(table.cell(1, 4))
    theme.text = "Front Door"
    shading = OxmlElement("w:shd")
    shading.set(qn("w:fill"), "F2F2F2")
    theme._tc.get_or_add_tcPr().append(shading)
    table.cell(2, 0).merge(table.cell(3, 0)).text = "1. Screen referrals in 24 hours"
    word.save(tmp_path / "plan.docx")

    from_word = load(tmp_path / "plan.docx").tables[0]
    from_html = load(_page(tmp_path, MERGED_PLAN)).tables[0]
    assert _shape(from_html) == _shape(from_word)
    assert _shape(from_html)[1] == [("Front Door", False, "F2F2F2")]
    assert _shape(from_html)[3][0] == ("", True, None)


def test_merged_plan_reads_like_word(tmp_path):
    plan = actionplan.extract(_page(tmp_path, MERGED_PLAN))
    assert [(i.section, i.recommendation, i.action_ref, i.lead_raw, i.timescale.due, i.status.rag)
            for i in plan.items] == [
        ("Front Door", "Screen referrals in 24 hours", "1.1", "Team Manager MASH", date(2014, 3, 31), "green"),
        ("Front Door", "Screen referrals in 24 hours", "1.2", "Principal Social Worker", date(2014, 4, 30), "amber"),
    ]
    assert plan.source.format == "html"
    assert plan.rows.total == plan.rows.items + plan.rows.headers + plan.rows.sections


def test_span_across_and_down_covers_every_position(tmp_path):
    body = """<table><tr><th>A</th><th>B</th><th>C</th></tr>
    <tr><td colspan="2" rowspan="2">wide</td><td>x</td></tr><tr><td>y</td></tr>
    <tr><td>1</td><td>2</td><td>3</td></tr></table>"""
    assert _shape(load(_page(tmp_path, body)).tables[0])[1:] == [
        [("wide", False, None), ("", False, None), ("x", False, None)],
        [("", True, None), ("", True, None), ("y", False, None)],
        [("1", False, None), ("2", False, None), ("3", False, None)],
    ]


def test_lines_and_bullets_inside_cells(tmp_path):
    body = """<table><tr><td>Plan<br>the work<br/>now</td>
    <td><p>First para</p>   <p>Second
       para</p></td>
    <td>Do this:<ul><li>one</li><li>two</li></ul></td>
    <td><ol start="3"><li>third</li><li>fourth</li></ol></td>
    <td>A&nbsp;&amp;&nbsp;B <b>bold</b> <span>span</span></td></tr></table>"""
    assert load(_page(tmp_path, body)).tables[0].rows[0].texts == [
        "Plan\nthe work\nnow", "First para\nSecond para", "Do this:\n• one\n• two", "3. third\n4. fourth",
        "A & B bold span",
    ]


@pytest.mark.parametrize("rows,marked", [
    (HEADER, True),                                                      # all <th>
    ("<thead><tr><td>Action</td><td>Lead</td></tr></thead>", True),      # <td> in <thead>
    ("<tr><th colspan='2'>Safeguarding</th></tr>", False),               # a lone <th>: a theme
    ("<tr><th>1</th><td>Audit plans</td></tr>", False),                  # a row heading beside data
    ("<tr><td>Action</td><td>Lead</td></tr>", False),
])
def test_header_rows_are_marked(tmp_path, rows, marked):
    assert load(_page(tmp_path, f"<table>{rows}</table>")).tables[0].rows[0].marked_header is marked


@pytest.mark.parametrize("cell,fill", [
    ('<td style="background-color: #FFC000">x</td>', "FFC000"),
    ('<td style="background-color:#f00">x</td>', "FF0000"),
    ('<td style="color: black; background: rgb(146, 208, 80)">x</td>', "92D050"),
    ('<td style="background-color: orange">x</td>', "FFA500"),
    ('<td bgcolor="green">x</td>', "008000"),
    ('<td bgcolor="#00B050">x</td>', "00B050"),
    ('<td style="background-color: white">x</td>', None),               # white is no shading (as Word)
    ('<td style="background-color: transparent">x</td>', None),
    ('<td style="background-color: rgba(255, 0, 0, 0)">x</td>', None),  # fully transparent
    ('<td style="color: red">x</td>', None),                            # text colour is not a fill
    ("<td>x</td>", None),
])
def test_cell_fills_as_rrggbb(tmp_path, cell, fill):
    table = load(_page(tmp_path, f"<table><tr>{cell}<td>y</td></tr></table>")).tables[0]
    assert table.rows[0].cells[0].fill == fill


def test_row_fill_reaches_its_cells(tmp_path):
    table = load(_page(tmp_path, '<table><tr style="background:#FF0000"><td>a</td><td>b</td></tr></table>')).tables[0]
    assert [cell.fill for cell in table.rows[0].cells] == ["FF0000", "FF0000"]


STYLESHEET = """<style>
/* RAG colours */ td.rag-red { background-color: #C00000; }
.rag-amber, .late { background: #FFBF00 url(dot.png) no-repeat }
tr.done { background-color: rgb(146, 208, 80) }
table .nested-red, #ident, td:hover { background-color: red }
.plain { color: red }
</style>"""


@pytest.mark.parametrize("cell, fill", [
    ('<td class="rag-red">x</td>', "C00000"),                          # element.class selector
    ('<td class="rag-amber">x</td>', "FFBF00"),                        # one of a selector list
    ('<td class="wide late">x</td>', "FFBF00"),                        # one of several classes
    ('<td class="rag-red" style="background-color: #00B050">x</td>', "00B050"),  # inline wins
    ('<td class="nested-red">x</td>', None),                           # descendant selector: not read
    ('<td class="plain">x</td>', None),                                # text colour is not a fill
    ('<td class="unknown">x</td>', None),
])
def test_cell_fills_from_stylesheet_classes(tmp_path, cell, fill):
    table = load(_page(tmp_path, f"<table><tr>{cell}<td>y</td></tr></table>", head=STYLESHEET)).tables[0]
    assert table.rows[0].cells[0].fill == fill


def test_row_class_fill_reaches_its_cells(tmp_path):
    table = load(_page(tmp_path, '<table><tr class="done"><td>a</td><td>b</td></tr></table>', head=STYLESHEET)).tables[0]
    assert [cell.fill for cell in table.rows[0].cells] == ["92D050", "92D050"]


def test_headings_paragraphs_and_no_script_or_hidden_text(tmp_path):
    body = f"""<script>document.write("<table><tr><td>x</td></tr></table>")</script><style>td {{ color: red }}</style>
    <nav><a href="/">Home</a> &gt; Cabinet papers</nav>
    <div class="banner"><h1>Children's Services <em>Improvement</em> Plan</h1>
    Updated by the service<p><strong>Progress as at 14 March 2024</strong></p></div>
    <p hidden>secret</p><div style="display: none"><table><tr><td>hidden</td></tr></table></div>
    <table>{HEADER}<tr><td>1. Plans</td><td>Audit plans</td><td>Jane Bell</td><td>March 2024</td><td>Red</td></tr></table>
    <p>Key:<br>RAG = red, amber, green</p>"""
    document = load(_page(tmp_path, body))
    assert [(b.text, b.kind, b.level) for b in document.blocks if isinstance(b, Paragraph)] == [
        ("Children's Services Improvement Plan", "heading", 1), ("Updated by the service", "body", 0),
        ("Progress as at 14 March 2024", "bold", 0), ("Key:", "body", 0), ("RAG = red, amber, green", "body", 0),
    ]
    assert len(document.tables) == 1
    plan = actionplan.extract(document.path)
    assert (plan.title, plan.as_of) == ("Children's Services Improvement Plan", date(2024, 3, 14))


def test_page_title_used_only_where_the_page_has_no_heading(tmp_path):
    table = f"<table>{HEADER}<tr><td>1</td><td>Audit</td><td>Jo</td><td>May 2024</td><td>Red</td></tr></table>"
    assert load(_page(tmp_path, table, head="<title>Ofsted action plan</title>")).title == "Ofsted action plan"
    assert load(_page(tmp_path, "<h1>Plan</h1>" + table, head="<title>Site</title>")).title is None


def test_plan_inside_a_layout_table_is_read(tmp_path):
    body = f"""<table width="100%"><tr><td><img src="logo.png"> Anytown Council</td></tr>
    <tr><td><h2>Improvement plan</h2>
      <table>{HEADER}
        <tr><td>1. Plans</td><td>Audit plans</td><td>Jane Bell</td><td>March 2024</td><td>Red</td></tr>
        <tr><td>2. Supervision</td><td>Revise policy</td><td>Amir Shah</td><td>May 2024</td><td>Green</td></tr>
      </table></td></tr></table>"""
    document = load(_page(tmp_path, body))
    assert len(document.tables) == 1 and document.tables[0].rows[0].texts[1] == "Action"
    plan = actionplan.extract(document.path)
    assert [(i.action, i.lead_raw) for i in plan.items] == [("Audit plans", "Jane Bell"), ("Revise policy", "Amir Shah")]
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == ["Anytown Council", "Improvement plan"]


def _nested(holder_text=""):
    def inner(actions):
        rows = "".join(f"<tr><td>{a}</td><td>{lead}</td><td>{when}</td></tr>" for a, lead, when in actions)
        return f"<table><tr><th>What we will do</th><th>Lead</th><th>Timescale</th></tr>{rows}</table>"
    return f"""<table><tr><th>Issue raised</th><th>Response</th></tr>
    <tr><td colspan="2">SAFEGUARDING</td></tr>
    <tr><td>Improve plans</td><td>{holder_text}{inner([("Audit plans", "Jane Bell", "March 2024"),
                                                       ("Train staff", "Amir Shah", "April 2024")])}</td></tr>
    <tr><td>Improve supervision</td><td><div>{inner([("Revise policy", "Head of Service", "May 2024")])}</div></td></tr>
    </table>"""


def test_nested_action_tables_are_lifted_as_the_word_reader_does(tmp_path):
    plan = actionplan.extract(_page(tmp_path, _nested()))
    assert [(i.section, i.recommendation, i.action, i.lead_raw, i.timescale.raw) for i in plan.items] == [
        ("SAFEGUARDING", "Improve plans", "Audit plans", "Jane Bell", "March 2024"),
        ("SAFEGUARDING", "Improve plans", "Train staff", "Amir Shah", "April 2024"),
        ("SAFEGUARDING", "Improve supervision", "Revise policy", "Head of Service", "May 2024"),
    ]


def test_nested_table_beside_text_stays_in_its_cell(tmp_path):
    table = load(_page(tmp_path, _nested("See the actions below"))).tables[0]
    assert table.rows[2].texts[1] == ("See the actions below\nWhat we will do | Lead | Timescale\n"
                                      "Audit plans | Jane Bell | March 2024\nTrain staff | Amir Shah | April 2024")


HISTORY = """<h2>Document history</h2><table><tr><th>Version</th><th>Date</th><th>Author</th></tr>
<tr><td>1</td><td>01/02/2024</td><td>J Smith</td></tr><tr><td>2</td><td>14/03/2024</td><td>A Shah</td></tr></table>"""
CONTACTS = """<h2>Contacts</h2><table><tr><th>Name</th><th>Role</th><th>Email</th></tr>
<tr><td>Jane Bell</td><td>Head of Safeguarding</td><td>jane.bell@anytown.gov.uk</td></tr></table>"""


def test_page_with_several_tables_yields_only_the_plans_items(tmp_path):
    plan = actionplan.extract(_page(tmp_path, HISTORY + MERGED_PLAN + CONTACTS))
    assert [i.action for i in plan.items] == ["Review the screening tool", "Audit decisions"]
    skipped = [i for i in plan.issues if i.code == "skipped_table"]
    assert [(i.table, i.value.split("\n")[0]) for i in skipped] == [(1, "Version | Date | Author"),
                                                                    (3, "Name | Role | Email")]
    assert plan.rows.dropped == 5  # every row of the two other tables, reported


def test_page_with_no_plan_table_gets_the_plan_level_issue(tmp_path):
    plan = actionplan.extract(_page(tmp_path, HISTORY + CONTACTS))
    assert plan.items == [] and "no_items" in [i.code for i in plan.issues]


@pytest.mark.parametrize("head,data", [
    ('<meta charset="windows-1252">', "Progress – £5 café".encode("cp1252")),
    ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "café".encode("latin-1")),
    ("", "Progress – £5 café".encode("utf-8")),                 # no declaration: UTF-8
    ("", "Progress – £5 café".encode("cp1252")),                # no declaration, not UTF-8: Windows-1252
    ('<meta charset="iso-8859-1">', "Progress – café".encode("utf-8")),  # declared wrongly: still read
])
def test_encoding_from_meta_charset(tmp_path, head, data):
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><head>{head}</head><body><p>".encode("ascii") + data + b"</p><table><tr><td>x</td></tr></table></body></html>")
    assert load(path).blocks[0].text == data.decode("utf-8" if b"\xc3" in data else "cp1252")


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_encoding_from_byte_order_mark(tmp_path, encoding, bom):
    path = tmp_path / "page.htm"
    path.write_bytes(bom + "<html><body><p>Progress – café</p><table><tr><td>x</td></tr></table></body></html>".encode(encoding))
    assert load(path).blocks[0].text == "Progress – café"


def test_xhtml_with_an_xml_declaration(tmp_path):
    path = tmp_path / "page.html"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                    f"<table>{HEADER}<tr><td>1</td><td>Audit</td><td>Jo Bell</td><td>May 2024</td><td>Red</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    assert load(path).tables[0].rows[1].texts[1] == "Audit"


@pytest.mark.parametrize("content,message", [
    ("   \n  ", "empty web page: no text to read"),
    ("<html><body><p>No plan here</p></body></html>", "no table found: an action plan is a table of actions"),
])
def test_pages_that_cannot_give_a_plan_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "page.html"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(path)
    assert str(raised.value) == f"{path}: {message}"


def test_sample_committee_page_gives_only_the_plans_items():
    """samples/html: a document history above the plan and contacts below it."""
    plan = actionplan.extract("samples/html/southend-2012.html")
    assert (plan.title, plan.as_of) == ("Safeguarding & LAC Inspection Action Plan", date(2012, 10, 22))
    assert [(i.section, i.action_ref) for i in plan.items] == [
        ("Safeguarding", ref) for ref in ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2")
    ] + [("Looked After Children", ref) for ref in ("1.1", "1.2", "1.3")]
    assert [i.table for i in plan.issues if i.code == "skipped_table"] == [1, 3]
    assert [i.status.rag for i in plan.items[:4]] == ["amber", "amber", None, None]  # #FFC000 fills
    assert plan.items[0].outcome == "All plans reviewed.\nFeedback on required actions to individual social workers."


def test_a_plan_written_as_definition_lists_reads_as_labelled_records(tmp_path):
    """Each <dt> with its <dd> is one labelled line ("Lead: Head of Early Help"), so a
    page writing each action as a definition list gives its actions (normalise/records)."""
    path = _page(tmp_path, """<h1>Improvement plan</h1>
        <h2>Recommendation 1: Improve assessments.</h2>
        <dl><dt>Action</dt><dd>Review the front door pathway.</dd><dt>Lead</dt><dd>Head of Early Help</dd>
            <dt>Timescale</dt><dd>April 2024</dd><dt>RAG</dt><dd>Green</dd></dl>
        <dl><dt>Action</dt><dd>Recruit two managers.</dd><dt>Lead</dt><dd>Director of Children's Services</dd>
            <dt>Timescale</dt><dd>June 2024</dd><dt>RAG</dt><dd>Amber</dd></dl>""")
    assert [block.text for block in load(path).blocks][2:6] == [
        "Action: Review the front door pathway.", "Lead: Head of Early Help", "Timescale: April 2024", "RAG: Green"]
    plan = actionplan.extract(path)
    assert [(i.recommendation_ref, i.action, i.timescale.raw, i.status.rag) for i in plan.items] == [
        ("1", "Review the front door pathway.", "April 2024", "green"),
        ("1", "Recruit two managers.", "June 2024", "amber")]
