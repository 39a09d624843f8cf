"""Build samples/xlsx/southend-2012-lac.xlsx: the Looked After Children part of the Southend
seed plan (samples/southend-2012.txt) kept as a council keeps a live tracker in Excel.

Run from the repo root (``.venv/bin/python samples/make_xlsx.py``) and commit the output. It
needs openpyxl only and does not import actionplan. The rows below are transcribed from the
seed's text (each row whole, where the text conversion cut one at a page break); the
layout is a tracker's: the title and "progress as at" lines above the header, the theme
in a row merged across, each area for improvement merged down over its actions, the
timescales as real date cells shown as dd/mm/yyyy (31/12/12 as dd/mm/yy), the header
frozen and printed on every page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

OUT = Path(__file__).resolve().parent / "xlsx" / "southend-2012-lac.xlsx"
HEADINGS = ["Area for Improvement", "Action", "Lead", "Timescale", "Outcome/ Measure", "Progress note / Evidence",
            "Reported to"]
WIDTHS = [45, 50, 20, 12, 40, 24, 24]
# Area for improvement (empty: merged from the row above), action, lead, timescale, outcome,
# progress, reported to
ROWS = [
    ('1. Ensure that all cases of children who are looked after under section 20 of the Children Act 1989 have up to date records including chronologies, core assessments and care plans which clearly identify the outcomes to be achieved, actions to be taken and timescales.', '1.1. Review all section 20 cases.', 'Heather Flinders', '31/07/2012', 'All cases reviewed with an individual action plan for each SW.', 'Completed', 'Success for All Children Group'),
    ('', '1.2. Section 20 cases to be monitored through the permanency panel following the second LAC review.', 'Maria Gilbert', '31/08/2012', 'All S20 cases reviewed at permanency panel have chronologies, assessments and SMART plans.', 'Evidence not yet reported', 'Success for All Children Group'),
    ('', '1.3. All fieldwork SW reminded in team meetings of the need to ensure all children plans are SMART and clearly identify the outcomes.', 'Ruth Baker', '31/08/2012', 'All plans signed off by team managers clearly identify the outcomes to be achieved.', 'Completed', 'Success for All Children Group'),
    ("2. Ensure that all the statutory requirements contained within the IRO's handbook are implemented so that, in particular, looked after children and young people's plans continue to progress between their reviews, and the service undertakes its quality assurance role", '2.1. Development session with IROs to ensure guidance is clear on accountability for monitoring of plans between reviews.', 'Maria Gilbert', '31/12/2012', 'All LAC plans are monitored by IROs between reviews.', 'Evidence not yet reported', 'Success for All Children Group'),
    ('', '2.2. Responsibility for the Specialist Services audit programme to be allocated to Group Manager Specialist resources & Quality Assurance', 'Heather Flinders', '31/07/2012', 'IRO service undertaking the quality assurance role', 'Completed', 'Success for All Children Group'),
    ('3. Ensure the needs and views of care leavers are fully taken into account in terms of the services provided for them and that service planning also takes account of these issues.', '3.1. Care leavers to be included in the revised annual participation survey.', 'Darren McAughtrie', '31/10/2012', 'Revised survey in place with timeline for next distribution.', 'Completed', 'Success for All Children Group'),
    ('', '3.2. Care leavers are offered the opportunity to complete the satisfaction questionnaire at the point of case closure.', 'Darren McAughtrie', '31/10/2012', 'Survey developed and in place for roll out.', 'Underway', 'Success for All Children Group'),
    ('', '3.3. Feedback from previous 2 actions is available for service planning.', 'Darren McAughtrie', 'On-going', 'Service planning takes into account the views of service users.', 'Not yet due', 'Success for All Children Group'),
    ('4. Ensure that looked after children and care leavers are able to contribute to the training and recruitment of staff.', '4.1. Present the guide to involving children and young people in recruitment to extended SSMG', 'Darren McAughtrie', '31/10/2012', 'All manager aware of the guidance.', 'Completed', 'Success for All Children Group'),
    ('', '4.2. All recruitment requests questioned whether young people will be involved in the recruitment process.', 'Relevant HoS', '31/07/2012', 'Increase in young people involvement in recruitment', 'Underway', 'Success for All Children Group'),
    ('6. The Council ensure that the Pledge is embedded in its work and is understood and valued by all making a daily difference to the lives of looked after children and those who work with them.', '6.1. Voice for All to review the Pledge and identify ways in which it should be monitored & publicised to all children', 'Lucy Bissell', '31/10/2012', 'Increased awareness of the Pledge amongst all LAC.', 'Underway', 'Success for All Children Group'),
    ('', '6.2 Report to Corporate Parenting on the monitoring of the Pledge', 'Sue Williams', '31/10/2012', 'Corporate Parenting Group fully informed of the impact of the Pledge on children and young people.', 'Evidence not yet reported', 'Success for All Children Group'),
    ('7. Implement the revised terms of reference for the corporate parenting meeting and ensure that the meeting is attended by senior officers from all agencies and that they are held to account as corporate parents for the services to looked after children and care leavers and the implementation of the looked after children and care leavers strategy.', '7.1. Head of Specialist Services to assume Chair of Corporate Parenting Group.', 'Heather Flinders', '31/07/2012', 'Chairing arrangements revised.', 'Completed', 'Success for All Children Group'),
    ('', '7.2. Revised terms of reference to be approved by the Group .', 'Heather Flinders', '31/07/2012', 'Terms of reference agreed and understood.', 'Completed', 'Success for All Children Group'),
    ('', '7.3. Establish a Members sub group.', 'Heather Flinders', '31/07/2012', 'Increased awareness, understanding and ownership of corporate parenting across a wider number of Members.', 'Completed', 'Success for All Children Group'),
    ('', '7.4. Review the group membership.', 'Heather Flinders', '31/10/2012', 'Increased seniority of group members with decision making authorisation.', 'Completed', 'Success for All Children Group'),
    ('', '7.5. Forward plan for the group to be driven by the LAC strategy & priorities', 'Heather Flinders', '31/10/2012', 'LAC Strategy is monitored by the Corporate Parenting Group.', 'Completed', 'Success for All Children Group'),
]


def timescale_cell(cell, text: str) -> None:
    """A dd/mm/yyyy (or dd/mm/yy) timescale as Excel holds a typed date; other text as it is."""
    for pattern, number_format in (("%d/%m/%Y", "dd/mm/yyyy"), ("%d/%m/%y", "dd/mm/yy")):
        try:
            cell.value = datetime.strptime(text, pattern)
        except ValueError:
            continue
        cell.number_format = number_format
        return
    cell.value = text


def build() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "LAC action plan"
    sheet["A1"] = "Safeguarding & LAC Inspection Action Plan"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "(progress as at 22nd October 2012)"
    for column, heading in enumerate(HEADINGS, start=1):
        cell = sheet.cell(4, column, heading)
        cell.font = Font(bold=True, color="FFFFFFFF")
        cell.fill = PatternFill("solid", fgColor="FF1F4E78")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A5"
    sheet.print_title_rows = "4:4"
    sheet["A5"] = "Looked After Children"
    sheet["A5"].font = Font(bold=True)
    sheet["A5"].fill = PatternFill("solid", fgColor="FFD9E1F2")
    sheet.merge_cells("A5:G5")
    first = 6
    start = None
    for offset, row in enumerate(ROWS):
        r = first + offset
        if row[0]:
            if start is not None and r - 1 > start:
                sheet.merge_cells(start_row=start, start_column=1, end_row=r - 1, end_column=1)
            start = r
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(r, column)
            if column == 4:
                timescale_cell(cell, text)
            elif text:
                cell.value = text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = first + len(ROWS) - 1
    if start is not None and last > start:
        sheet.merge_cells(start_row=start, start_column=1, end_row=last, end_column=1)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(4, column).column_letter].width = width
    OUT.parent.mkdir(exist_ok=True)
    book.save(OUT)


if __name__ == "__main__":
    build()
