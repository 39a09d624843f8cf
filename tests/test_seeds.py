"""Counts and spot checks on the five seed plans, each established by hand from
the source text (samples/*.txt) and asserted here against real values."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from lxml import etree

import actionplan
from conftest import REPO, SEEDS

# Items per seed, counted by hand from the source: every logical action row once.
EXPECTED_ITEMS = {
    "darlington-2012": 31,
    "north-tyneside-2012": 18,
    "southend-2012": 45,
    "stockton-2013": 58,
    "sunderland-2013": 138,
}


@pytest.fixture(scope="module")
def plans():
    return {seed: actionplan.extract(f"samples/{seed}.txt") for seed in SEEDS}


def items_by_ref(plan):
    """Items by (recommendation_ref, action_ref); the first wins where sections reuse numbers."""
    found = {}
    for item in plan.items:
        found.setdefault((item.recommendation_ref, item.action_ref), item)
    return found


def codes(plan, item_id=None):
    return [issue.code for issue in plan.issues if item_id is None or issue.item_id == item_id]


@pytest.mark.parametrize("seed", SEEDS)
def test_item_count(plans, seed):
    assert len(plans[seed].items) == EXPECTED_ITEMS[seed]


ALL_SAMPLES = sorted(
    str(p.relative_to(REPO)) for pattern in ("samples/*.txt", "samples/docx/*.docx", "samples/pdf/*.pdf")
    for p in REPO.glob(pattern)
)


def source_table_rows(path: Path) -> int | None:
    """Table rows in the source, counted without actionplan: TAB lines and pipe-table
    rows of a text file; top-level w:tr elements of a Word file (a table nested in a
    cell is that cell's text). None for PDF, whose rows only exist once read."""
    if path.suffix == ".txt":
        lines = path.read_text(encoding="utf-8").splitlines()
        return sum(
            1 for line in lines
            if "\t" in line or (line.strip().startswith("|") and not re.fullmatch(r"[\s|:\-]+", line))
        )
    if path.suffix == ".docx":
        body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        return sum(1 for tr in body.iter(f"{w}tr") if not any(a.tag == f"{w}tc" for a in tr.iterancestors()))
    return None


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_every_row_is_accounted_for(sample):
    """Nothing is lost: every source row is an item, header, section, continuation,
    blank, or a drop reported in the plan's issues; the total is the source's own count."""
    plan = actionplan.extract(sample)
    rows = plan.rows
    counted_in_source = source_table_rows(REPO / sample)
    if counted_in_source is not None:
        assert rows.total == counted_in_source
    assert rows.total == rows.items + rows.headers + rows.sections + rows.continuations + rows.dropped + rows.blank
    assert rows.items == len(plan.items)
    if rows.dropped:
        assert {"skipped_table", "dropped_row"} & {issue.code for issue in plan.issues}


@pytest.mark.parametrize("seed", SEEDS)
def test_ids_unique_and_no_header_rows_as_items(plans, seed):
    items = plans[seed].items
    assert len({item.id for item in items}) == len(items)
    header_words = {"action", "actions required", "what we will do", "action to be taken", "lead"}
    assert not [item for item in items if item.action.strip().lower() in header_words]


class TestNorthTyneside:
    def test_row_split_by_page_break_is_one_item(self, plans):
        plan = plans["north-tyneside-2012"]
        views = [i for i in plan.items if i.recommendation and i.recommendation.startswith("Ensure the views")]
        assert len(views) == 1
        assert views[0].recommendation == (
            "Ensure the views of children and young people are consistently gathered and recorded "
            "in all assessments and plans"
        )
        assert views[0].action.endswith("An audit of effectiveness will be provided to the Quality Assurance Panel")
        assert views[0].outcome.endswith("ownership of plans will be clear")
        assert views[0].monitoring.endswith("will monitor the progress made to respond to this recommendation")

    def test_split_cells_rejoin_lead_and_action(self, plans):
        life_story = [i for i in plans["north-tyneside-2012"].items if i.section.startswith("Looked") and i.recommendation_ref == "5"][0]
        assert life_story.section == "Looked After Children Services"
        assert life_story.recommendation.startswith("Review the delivery of life story work")
        assert life_story.action.startswith("Service Improvement Plans in the fieldwork sector")
        assert life_story.lead_raw == "Cath McEvoy (Safeguarding Operations Manager)"

    def test_row_tail_above_a_repeated_header_is_not_lost(self, plans):
        """The page break fell inside recommendation 8; its tail sits above the next
        page's header rows and must still join the item (regression: it was taken
        for a caption and dropped)."""
        eight = [i for i in plans["north-tyneside-2012"].items if i.recommendation_ref == "8"][0]
        assert eight.recommendation.endswith(
            "are appropriately understood across all agencies and that where they are undertaken their focus is clear."
        )
        assert eight.action.endswith("being put in place for families in need.")

    def test_sections_and_numbers_from_a_split_number_column(self, plans):
        plan = plans["north-tyneside-2012"]
        assert [i.section for i in plan.items].count("Safeguarding") == 8
        assert [i.section for i in plan.items].count("Looked After Children Services") == 10
        refs = [i.recommendation_ref for i in plan.items if i.section == "Looked After Children Services"]
        assert refs == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]

    def test_no_timescale_column_flags_every_item(self, plans):
        plan = plans["north-tyneside-2012"]
        missing = [i for i in plan.issues if i.code == "missing_timescale"]
        assert len(missing) == 18
        assert all("no timescale column" in i.message for i in missing)

    def test_leads_with_roles_and_organisations(self, plans):
        lead_4 = items_by_ref(plans["north-tyneside-2012"])[("4", None)]
        assert lead_4.section == "Safeguarding"
        assert [(l.name, l.role) for l in lead_4.leads][:2] == [("Sue Burns", "LSCB Manager"), ("Angela Glenn", "Fieldwork Manager")]
        police = plans["north-tyneside-2012"].items[0].leads[0]
        assert (police.title, police.name, police.organisation) == ("DCI", "Max Black", "Northumbria Police")


class TestSouthend:
    def test_title_and_progress_date(self, plans):
        plan = plans["southend-2012"]
        assert plan.title == "Safeguarding & LAC Inspection Action Plan"
        assert plan.as_of == date(2012, 10, 22)

    def test_actions_under_a_merged_recommendation(self, plans):
        by_ref = items_by_ref(plans["southend-2012"])
        assert by_ref[("3", "3.2")].recommendation.startswith("Develop a coordinated approach")
        assert by_ref[("3", "3.2")].leads[0].name == "Darren McAughtrie"
        assert by_ref[("3", "3.2")].timescale.due == date(2012, 10, 31)
        assert by_ref[("3", "3.2")].status.state == "complete"

    def test_impossible_date_is_invalid(self, plans):
        plan = plans["southend-2012"]
        item = items_by_ref(plan)[("3", "3.4")]
        assert (item.timescale.raw, item.timescale.kind, item.timescale.due) == ("31/02/2013", "invalid", None)
        assert codes(plan, item.id) == ["invalid_date"]

    def test_new_action_after_page_break_is_not_stitched(self, plans):
        plan = plans["southend-2012"]
        item = items_by_ref(plan)[("2", "2.3")]
        assert item.action == "CiN cases monitored through 1.2 above."
        assert codes(plan, item.id) == ["missing_lead", "missing_timescale"]

    def test_recommendation_tail_after_page_break(self, plans):
        by_ref = {(i.recommendation_ref, i.action_ref): i for i in plans["southend-2012"].items if i.section == "Looked After Children"}
        assert by_ref[("12", "12.2")].recommendation.endswith("appropriate consent is secured for all its looked after children")
        assert by_ref[("12", "12.1")].recommendation == by_ref[("12", "12.2")].recommendation
        assert by_ref[("10", "10.1")].recommendation.endswith("looked after children health assessment process.")
        assert by_ref[("7", "7.4")].outcome == "Increased seniority of group members with decision making authorisation."

    def test_team_as_lead_and_relative_timescale(self, plans):
        by_ref = {(i.recommendation_ref, i.action_ref): i for i in plans["southend-2012"].items if i.section == "Looked After Children"}
        assert by_ref[("4", "4.2")].leads[0].model_dump() == {"name": None, "role": "Relevant HoS", "organisation": None, "title": None}
        assert items_by_ref(plans["southend-2012"])[("6", None)].timescale.kind == "relative"


class TestDarlington:
    def test_covering_report_is_not_items(self, plans):
        plan = plans["darlington-2012"]
        assert codes(plan).count("skipped_table") == 3
        assert plan.rows.dropped == 15
        assert plan.title == "OFSTED AND CARE QUALITY COMMISSION INSPECTION ACTION PLAN"
        assert plan.as_of == date(2012, 7, 31)

    def test_sections_and_first_item(self, plans):
        first = plans["darlington-2012"].items[0]
        assert first.section == "SAFEGUARDING"
        assert first.recommendation == "IMMEDIATE DBC"
        assert first.lead_raw == "DBC – NF (Service Manager)"
        assert first.timescale.due == date(2012, 6, 14)
        assert first.status.state == "complete"
        assert plans["darlington-2012"].items[-1].section == "LOOKED AFTER CHILDREN SERVICES"

    def test_trailing_notes_row_continues_the_item(self, plans):
        consent = next(i for i in plans["darlington-2012"].items if i.action.startswith("Consent procedure"))
        assert consent.progress.endswith("On average taking 22 days for initial health assessment to be completed following request being sent to CDDFT.")

    def test_lead_with_organisation_prefix(self, plans):
        foster = next(i for i in plans["darlington-2012"].items if "foster carers to support" in i.action)
        assert foster.leads[0].model_dump() == {"name": "Mary Sweeney", "role": "Service manager", "organisation": "DBC", "title": None}
        assert foster.timescale.due == date(2012, 9, 30)


class TestStockton:
    def test_recommendations_from_the_text_above_each_table(self, plans):
        plan = plans["stockton-2013"]
        refs = list(dict.fromkeys(i.recommendation_ref for i in plan.items))
        assert refs == ["1", "2", "3", "4", "5a", "5b", "6", "7", "8a", "8b", "9", "10", "11", "12", "13", "14"]
        first = plan.items[0]
        assert first.recommendation.startswith("Strengthen management oversight, in the referral and assessment team")
        assert first.outcome.startswith("• Children's needs will be identified")
        assert plan.as_of == date(2013, 9, 18)

    def test_fuzzy_timescales(self, plans):
        by_ref = items_by_ref(plans["stockton-2013"])
        assert by_ref[("4", "1")].timescale.model_dump() == {"raw": "End of April 2013.", "kind": "month", "due": date(2013, 4, 30), "parts": [], "starts": None}
        # "Completed – first weekly report wef 11/03/13.": a start, not a deadline (issue 11)
        assert (by_ref[("2", "2")].timescale.starts, by_ref[("2", "2")].timescale.due) == (date(2013, 3, 11), None)
        assert by_ref[("1", "4")].timescale.kind == "unknown"
        assert "unparsed_timescale" in codes(plans["stockton-2013"], by_ref[("1", "4")].id)

    def test_initials_as_leads(self, plans):
        by_ref = items_by_ref(plans["stockton-2013"])
        assert [l.name for l in by_ref[("1", "6")].leads] == ["JH", "SMcL"]
        assert [l.name for l in by_ref[("10", "3")].leads] == ["RB", "KS", "MG"]


class TestSunderland:
    def test_merged_timescale_and_lead_cells_are_inherited_not_flagged(self, plans):
        plan = plans["sunderland-2013"]
        a1 = [i for i in plan.items if i.recommendation_ref == "A1"]
        assert len(a1) == 6
        assert {i.lead_raw for i in a1} == {"Denise Moore"}
        assert {i.timescale.kind for i in a1} == {"immediate"}
        assert not [c for i in a1 for c in codes(plan, i.id)]

    def test_theme_column_report_refs_and_hyphenated_heading(self, plans):
        a1 = plans["sunderland-2013"].items[0]
        assert a1.section == "A - Quality Of Assessment And Planning"
        assert a1.report_refs == ["Para 17", "Para 27", "Para 44", "Para 119"]
        assert a1.recommendation == "Ensure that all assessments clearly identify risk and protective factors"

    def test_progress_only_rows_continue_the_item(self, plans):
        a13 = next(i for i in plans["sunderland-2013"].items if i.recommendation_ref == "A13")
        assert "New \"cloud\" technology is being installed across the council" in a13.progress
        assert a13.status.rag is None  # the hand key: A13's progress gives no rating

    def test_rag_from_progress_words(self, plans):
        by_action = {i.action: i for i in plans["sunderland-2013"].items}
        post16 = by_action["Develop a Post-16 PEP to reflect the Post-16 Pathway Plan"]
        assert post16.status.rag == "green"

    def test_recommendation_without_action(self, plans):
        plan = plans["sunderland-2013"]
        b3 = next(i for i in plan.items if i.recommendation_ref == "B3")
        assert b3.action == "Actively engage the Change Council in the work of the scrutiny committee"
        assert "missing_action" in codes(plan, b3.id)
