"""Recommendations listed in an inspection report's text, read into items."""

from pathlib import Path

import pytest

from actionplan.extract.base import Paragraph, Table
from actionplan.normalise.report import is_recommendations_heading, read_recommendations, timescale_heading

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "accuracy" / "reports"


def paras(*lines):
    """("bold"|"body"|"heading", text, page) tuples, or plain text as body on page 1."""
    out = []
    for line in lines:
        kind, text, page = line if isinstance(line, tuple) else ("body", line, 1)
        out.append(Paragraph(text, kind, page=page))
    return out


CASES = [
    # numbered SIF list ended by a heading
    (paras(("bold", "Recommendations", 1), "1. Ensure managers oversee practice.", "2. Improve plans.",
           ("bold", "Summary", 1)),
     [("1. Ensure managers oversee practice.", "Recommendations", None), ("2. Improve plans.", "Recommendations", None)]),
    # 2012-2014: numbered lead-in, bullets under timescale sub-headings, a running head gone
    (paras(("bold", "Areas for improvement", 1), "22. In order to improve, the local authority should take the following action",
           ("bold", "Immediately:", 1), "• improve supervision", ("bold", "Within three months:", 2),
           "• review the 16+ service.", ("heading", "Outcomes", 2)),
     [("improve supervision", "Areas for improvement", "Immediately"),
      ("review the 16+ service.", "Areas for improvement", "Within three months")]),
    # a point cut by a page break, and a numbered point's bullet sub-list kept
    (paras(("bold", "What needs to improve?", 1), "1. The quality of", ("body", "plans for children.", 2),
           "2. Leaders should improve:", "• plans", "• reviews"),
     [("1. The quality of plans for children.", "What needs to improve", None),
      ("2. Leaders should improve:\n• plans\n• reviews", "What needs to improve", None)]),
    # no heading: nothing, never invented items
    (paras("1. Introduction.", "2. The council met."), []),
    # prose under a heading that goes on as prose: not a list
    (paras(("bold", "Recommendations", 1), "The board made several.", "It met.", "Again.", "And again.", "More."), []),
    # unmarked points worded as recommendations, more than a lead-in's worth, an end mark, then a heading
    (paras(("bold", "Areas for improvement", 1), "Leaders should cut waits.", "Leaders should track plans.",
           "Leaders should improve transitions.", "Leaders should share data.", "Leaders must talk to parents.",
           "• ", ("bold", "Local area partnership details", 1)),
     [(f"Leaders {words}", "Areas for improvement", None) for words in (
         "should cut waits.", "should track plans.", "should improve transitions.", "should share data.",
         "must talk to parents.")]),
    # SIF 2015: a timescale sub-heading, then theme sub-headings over numbered points (the
    # theme is the section); a second recommendations heading starts afresh, with no timescale
    (paras(("bold", "What does the local authority need to improve?", 4), ("bold", "Priority and immediate action", 4),
           "Management oversight", "1. Managers should improve oversight.", ("bold", "Areas for improvement", 4),
           "Workforce development", "2. Ensure that managers are trained.", "Consistency of practice",
           "3. Social workers should update plans.", ("bold", "The local authority’s strengths", 5),
           "4. There is strong support."),
     [("1. Managers should improve oversight.", "Management oversight", "Priority and immediate action"),
      ("2. Ensure that managers are trained.", "Workforce development", None),
      ("3. Social workers should update plans.", "Consistency of practice", None)]),
    # SIF 2016: numbered theme titles over bullets: each bullet is a recommendation
    (paras(("bold", "Recommendations", 9), "1. Quality of practice", "• Develop a multi-agency response.",
           "• Improve support.", "2. Oversight by leaders", "• Build a stable workforce.",
           ("bold", "Summary for children and young people", 11)),
     [("Develop a multi-agency response.", "Quality of practice", None), ("Improve support.", "Quality of practice", None),
      ("Build a stable workforce.", "Oversight by leaders", None)]),
    # a short bullet with no full stop is a point, not a theme; a bold line after the list is a heading
    (paras(("bold", "What needs to improve:", 1), "• life-story work for children in care", "• support for care leavers.",
           ("bold", "The experiences of children: inadequate", 2), "1. Services have declined."),
     [("life-story work for children in care", "What needs to improve", None),
      ("support for care leavers.", "What needs to improve", None)]),
    # a numbered point without a full stop over numbered points is a point, not a theme
    (paras(("bold", "Recommendations", 1), "1. Improve supervision", "2. Improve plans.", ("bold", "Summary", 1)),
     [("1. Improve supervision", "Recommendations", None), ("2. Improve plans.", "Recommendations", None)]),
    # the same number of unmarked paragraphs that recommend nothing: not a list
    (paras(("bold", "Areas for improvement", 1), "The area is large.", "It has two trusts.", "Schools are many.",
           "Waits are long.", ("bold", "Local area partnership details", 1)), []),
]


@pytest.mark.parametrize("blocks, expected", CASES)
def test_listed_recommendations(blocks, expected):
    # numbered points keep their number (the item's action_ref comes from it); bullets lose theirs
    assert [(r.text, r.section, r.timescale) for r in read_recommendations(blocks)] == expected


def test_a_table_ends_the_list():
    blocks = paras(("bold", "Recommendations", 1), "1. Do this.") + [Table([], 1)] + paras("2. Not this.")
    assert [r.text for r in read_recommendations(blocks)] == ["1. Do this."]


@pytest.mark.parametrize("text, heading", [
    ("Areas for improvement", True), ("What needs to improve?", True), ("Recommendations:", True),
    ("What does the local authority need to improve?", True), ("Recommendations about next steps are well matched.", False),
    ("Summary for children", False), ("What does the LSCB need to improve?", True),
    ("(Recommendation)", False),  # a finding's cross-reference to the list, not a heading
])
def test_heading_vocabulary(text, heading):
    assert is_recommendations_heading(text) is heading


@pytest.mark.parametrize("text, when", [
    ("Immediately:", "Immediately"), ("Within three months:", "Within three months"), ("Within 6 months", "Within 6 months"),
    ("Priority and immediate action", "Priority and immediate action"),
    ("improve the timeliness of care proceedings.", None),
])
def test_timescale_subheadings(text, when):
    assert timescale_heading(text) == when


@pytest.mark.parametrize("name, count, section, first_timescale", [
    ("ilacs_kent_2013.pdf", 12, "Areas for improvement", "Immediately"),       # 2012-2014 bullets by timescale
    ("ilacs_croydon_2017.pdf", 26, "Recommendations", None),                  # SIF numbered
    ("send_bolton_2024.pdf", 2, "Areas for improvement", None),               # one-column table across a page
    ("ilacs_wakefield_2018.pdf", 12, "What needs to improve", None),          # ILACS 2018, symbol-font bullets
])
def test_real_reports(name, count, section, first_timescale):
    import actionplan

    plan = actionplan.extract(REPORTS / name)
    assert len(plan.items) == count
    assert plan.document_kind == "inspection_report"
    assert {item.section for item in plan.items} == {section}
    assert plan.items[0].timescale.raw == first_timescale
    codes = [i.code for i in plan.issues]
    assert "inspection_report" in codes and "missing_lead" not in codes and "missing_timescale" not in codes
    assert not any("inspection report:" in item.action.lower() for item in plan.items)  # running feet gone
