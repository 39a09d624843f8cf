import pytest

from actionplan.normalise.refs import report_refs, split_number


@pytest.mark.parametrize("text,ref,rest", [
    ("1.1. Review all CiN plans", "1.1", "Review all CiN plans"),
    ("4. Improve the response", "4", "Improve the response"),
    ("10 Improve partnership", "10", "Improve partnership"),
    ("6.2 Report to Corporate Parenting", "6.2", "Report to Corporate Parenting"),
    ("2012 was a year", None, "2012 was a year"),
    ("Review all", None, "Review all"),
])
def test_split_number(text, ref, rest):
    assert split_number(text) == (ref, rest)


@pytest.mark.parametrize("raw,refs", [
    ("Para 17, 27, 44, 119", ["Para 17", "Para 27", "Para 44", "Para 119"]),
    ("Para19, 48", ["Para 19", "Para 48"]),
    ("Para 27, 31,", ["Para 27", "Para 31"]),
    ("CQC", ["CQC"]),
    ("", []),
])
def test_report_refs(raw, refs):
    assert report_refs(raw) == refs
