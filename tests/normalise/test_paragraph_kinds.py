"""paragraph_kinds: which paragraphs between a document's tables are themes."""

import pytest

from actionplan.extract.base import Cell, Paragraph, Row, Table
from actionplan.normalise.paragraph_kinds import paragraph_kinds


def table() -> Table:
    return Table(rows=[Row([Cell("Action"), Cell("Lead")], index=1)], index=1)


@pytest.mark.parametrize("blocks, report, expected", [
    # a Title Case line alone between two tables: a theme
    ([table(), Paragraph("Looked After Children"), table()], False, "heading"),
    # sentence case too, when it is one short line with no digits or colon
    ([table(), Paragraph("Education, health and care plans"), table()], False, "heading"),
    # a sentence between tables stays text
    ([table(), Paragraph("The board will review progress in March 2014."), table()], False, "body"),
    # above the first table: a theme only when set as the themes between the tables are
    ([Paragraph("Early help", kind="bold"), table(), Paragraph("Permanence", kind="bold"), table()], False, "heading"),
    ([Paragraph("Early help"), table(), Paragraph("Permanence", kind="bold"), table()], False, "body"),
    # a report's recommendations heading over its table
    ([Paragraph("Areas for priority action"), table()], True, "heading"),
    ([Paragraph("Areas for priority action"), table()], False, "body"),
])
def test_which_paragraphs_are_themes(blocks, report, expected):
    assert paragraph_kinds(blocks, report=report)[0 if isinstance(blocks[0], Paragraph) else 1] == expected
