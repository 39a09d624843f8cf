"""The issue-code records (schema/codes.py): one record per code, the one issue() and count."""

import pytest

from actionplan.normalise.validate import finding_issue, issue
from actionplan.schema.codes import CODES, Finding, IssueCode, count_codes


def test_one_record_per_code_of_the_enum():
    assert list(CODES) == [code.value for code in IssueCode]
    assert all(found.code.value == code and found.title and found.meaning for code, found in CODES.items())


@pytest.mark.parametrize("code, severity", [("missing_lead", "error"), ("no_items", "error"), ("overdue", "warning")])
def test_an_issue_takes_its_codes_severity(code, severity):
    assert issue(code, "m").severity == severity
    assert issue(IssueCode(code), "m").model_dump(mode="json")["code"] == code


def test_an_unknown_code_is_a_defect_not_an_issue():
    with pytest.raises(ValueError):
        issue("no_such_code", "m")


def test_a_finding_keeps_where_it_was_found():
    found = finding_issue(Finding("dropped_row", "row 3 dropped", "text", page=2, table=1, row=3))
    assert (found.code, found.severity, found.page, found.table, found.row, found.value) == (
        "dropped_row", "warning", 2, 1, 3, "text")


def test_codes_are_counted_by_code_in_order():
    issues = [issue("overdue", "a"), issue("missing_lead", "b"), issue("overdue", "c")]
    assert count_codes(issues) == {"missing_lead": 1, "overdue": 2}
