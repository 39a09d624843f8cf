
import pytest

from actionplan.errors import DocumentLoadError
from actionplan.extract import load
from actionplan.extract.base import Paragraph, Table
from actionplan.extract.text import parse


def test_tab_rows_and_page_breaks():
    blocks = parse("# Title\n\nA\tB\n1\t2\n\nA\tB\n3\t4\n")
    assert isinstance(blocks[0], Paragraph) and (blocks[0].kind, blocks[0].level) == ("heading", 1)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [[row.texts for row in t.rows] for t in tables] == [[["A", "B"], ["1", "2"]], [["A", "B"], ["3", "4"]]]
    assert [t.after_page_break for t in tables] == [False, True]
    assert [row.index for row in tables[1].rows] == [1, 2]


def test_cells_lose_markup_but_keep_breaks():
    table = parse("<p>a</p><p>b</p>\t<b>Lead</b>\n")[0]
    assert table.rows[0].texts == ["a\nb", "Lead"]


def test_markdown_pipe_table():
    table = parse("| Action | Lead |\n|---|---|\n| Do it | Sue |\n")[0]
    assert [row.texts for row in table.rows] == [["Action", "Lead"], ["Do it", "Sue"]]


@pytest.mark.parametrize("line, cells", [
    ("| Do it | Sue Bell \\| Amir Shah |", ["Do it", "Sue Bell | Amir Shah"]),  # an escaped pipe is text
    ("| Do it | Sue |", ["Do it", "Sue"]),
    ("| Do it | Sue", ["Do it", "Sue"]),  # no closing pipe
    ("| Do it \\| and more | Sue |", ["Do it | and more", "Sue"]),
])
def test_pipe_rows_keep_escaped_pipes_in_their_cell(line, cells):
    table = parse(f"| Action | Lead |\n|---|---|\n{line}\n")[0]
    assert [text.strip() for text in table.rows[1].texts] == cells


def test_bold_lines_joined_by_hard_breaks():
    blocks = parse("**OFSTED INSPECTION  \nACTION PLAN**\n\nbody text\n- a bullet\n")
    assert [(b.text, b.kind) for b in blocks] == [
        ("OFSTED INSPECTION ACTION PLAN", "bold"), ("body text", "body"), ("• a bullet", "body")
    ]


def test_windows_1252_text(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes("Action\tLead\r\nPay the \x93fee\x94 of \xa3100\tSue\r\n".encode("latin-1"))
    table = load(plan).tables[0]
    assert table.rows[1].texts == ["Pay the \u201cfee\u201d of \u00a3100", "Sue"]


def test_binary_file_is_a_clear_error(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(b"\x00\x01\x02PK")
    with pytest.raises(DocumentLoadError, match="plan.txt: not a text file"):
        load(plan)


def test_missing_file(tmp_path):
    with pytest.raises(DocumentLoadError, match="no such file"):
        load(tmp_path / "nope.txt")


@pytest.mark.parametrize("cell, emphasis", [
    ("**Partnership working**", True), ("__Partnership working__", True),
    ("<b>Partnership working</b>", True), ("Partnership **working**", False), ("Partnership working", False),
])
def test_wholly_bold_pipe_cell_is_marked(cell, emphasis):
    table = next(block for block in parse(f"| A | B |\n| --- | --- |\n| {cell} | |\n") if isinstance(block, Table))
    assert table.rows[1].cells[0].emphasis is emphasis


def test_bold_sentence_case_theme_row_in_a_pipe_table(tmp_path):
    """Regression (draw-3 text-md-bold-sections): "**Leadership, management and governance**"
    alone in a row was read as an item (not title case), its actions put under the theme above."""
    import actionplan

    path = tmp_path / "plan.md"
    path.write_text(
        "| Area of weakness | Key actions | Lead |\n| --- | --- | --- |\n"
        "| **Care Leavers** | | |\n| 1. Improve plans. | 1.1. Audit plans. | Sue Bell |\n"
        "| **Leadership, management and governance** | | |\n| 2. Improve oversight. | 2.1. Train managers. | Ann Lee |\n",
        encoding="utf-8")
    plan = actionplan.extract(path)
    assert [(item.section, item.action) for item in plan.items] == [
        ("Care Leavers", "Audit plans."), ("Leadership, management and governance", "Train managers.")]


def test_sentence_case_theme_row_after_a_finished_recommendation():
    """Regression: in TAB rows, a theme in sentence case alone in the first column after a
    recommendation's last action ("Education, Health and Care plans") was appended to that
    recommendation, and its actions kept the theme above. The fixture is the layout
    corpus's text-tsv-html layout drawn with seed 8 (tests/accuracy/corpus/generate.py --seed 8
    --layouts text-tsv-html); the counts are that draw's key's."""
    from collections import Counter
    from pathlib import Path

    import actionplan

    plan = actionplan.extract(Path(__file__).parent.parent / "fixtures" / "text" / "generated-seed8-tsv-html-themes.txt")
    assert Counter(item.section for item in plan.items) == {
        "Education, Health and Care plans": 19, "Leadership, management and governance": 16}


def test_sentence_case_theme_line_between_tables():
    """Regression: a theme written as a line of its own between TAB rows ("Education, Health
    and Care plans", sentence case with a comma) was not read as a theme, so its actions had
    none. The fixture is the layout corpus's text-tsv layout drawn with seed 8
    (tests/accuracy/corpus/generate.py --seed 8 --layouts text-tsv); the counts are that draw's key's."""
    from collections import Counter
    from pathlib import Path

    import actionplan

    plan = actionplan.extract(Path(__file__).parent.parent / "fixtures" / "text" / "generated-seed8-tsv-themes.txt")
    assert Counter(item.section for item in plan.items) == {
        "Quality Assurance and Performance": 7, "Education, Health and Care plans": 5, "Permanence": 4}
