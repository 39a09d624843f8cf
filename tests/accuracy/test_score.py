"""The yardstick itself: pairing, field rules and sums, on hand-made keys and outputs."""

from __future__ import annotations

from datetime import date

import pytest

from accuracy.run import slice_of
from accuracy.score import (
    leads_match, normalise_text, pair_items, rag_matches, score_document, text_matches, timescale_matches,
)


def out_item(action, item_id="i1", **fields):
    item = {"id": item_id, "action": action, "leads": [], "timescale": {"raw": None, "kind": "missing", "due": None},
            "status": {"raw": None, "rag": None, "state": None}, "recommendation": None, "section": None}
    item.update(fields)
    return item


@pytest.mark.parametrize("raw, expected", [
    ("1.1. Review all plans.", "review all plans"),
    ("a) Review   all\nplans", "review all plans"),
    ("• Review all plans;", "review all plans"),
    ("A3 Review all plans", "review all plans"),
    ("“Quoted” – dash", '"quoted" - dash'),
    ("12 schools to be audited", "schools to be audited"),  # numbering and a count look alike; both sides lose it
    (None, ""),
])
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize("expected, found, right", [
    ("Within 3 months", "within 3  months.", True),
    ("31/10/2012", "31/10/2012", True),
    ("31/10/2012", "31/10/12", False),
    (None, None, True),
    (None, "Ongoing", False),
    ("August 2011", "August 2011 Monthly audits", False),
])
def test_timescale_as_written(expected, found, right):
    assert timescale_matches(expected, found) is right


@pytest.mark.parametrize("expected, found, right", [
    (["Jane Bell"], [{"name": "Jane Bell", "role": "Head of Service"}], True),
    (["Head of Service"], [{"name": None, "role": "Head of Service"}], True),
    (["Head of Service"], [{"name": "Jane Bell", "role": "Head of Service"}], False),  # a named person is matched by name
    (["NHS Dorset ICB"], [{"name": None, "role": None, "organisation": "NHS Dorset ICB"}], True),
    (["Jane Bell", "Amir Shah"], [{"name": "Amir Shah"}, {"name": "Jane Bell"}], True),
    (["Jane Bell"], [{"name": "Jane Bell"}, {"name": "Amir Shah"}], False),  # one too many
    (["Jane Bell", "Amir Shah"], [{"name": "Jane Bell"}], False),
    ([], [], True),
    (["DCI Max Black"], [{"name": "Max Black", "title": "DCI"}], True),
    (["Paula Gibbons"], [{"name": "Paula Gibbons (Manager :Fostering and Adoption Service"}], False),
])
def test_leads(expected, found, right):
    assert leads_match(expected, found) is right


@pytest.mark.parametrize("expected, status, right", [
    ("green", {"rag": "green", "state": "complete"}, True),
    (None, {"rag": None, "state": "unknown"}, True),
    (None, {"rag": "green", "state": "unknown"}, False),
    ("blue", {"rag": None, "state": "complete"}, True),  # BRAG blue is "complete" in schema v1
    ("blue", {"rag": "green", "state": "complete"}, False),
])
def test_rag(expected, status, right):
    assert rag_matches(expected, {"status": status}) is right


def test_text_cutoff():
    assert text_matches("Safeguarding", "SAFEGUARDING")
    assert not text_matches("Safeguarding", "Looked after children")
    assert not text_matches("Safeguarding", None)
    assert text_matches(None, "")


def test_pairing_is_one_to_one_and_takes_the_closest():
    expected = [{"action": "Review all plans held in the team"}, {"action": "Review all plans held in the teams"}]
    found = [out_item("Review all plans held in the teams", "a"), out_item("Something else entirely", "b")]
    assert pair_items(expected, found) == [(1, 0)]


def test_a_document_scored_field_by_field():
    key = {
        "document": {"checked_codes": ["missing_lead", "missing_timescale"]},
        "item": [
            {"action": "Review all plans", "leads": ["Jane Bell"], "timescale": "End of April 2013.",
             "due": date(2013, 4, 30), "rag": "amber", "section": "Safeguarding", "issues": []},
            {"action": "Audit supervision records", "leads": [], "timescale": "Within 3 months", "due": "relative",
             "issues": ["missing_lead"]},
            {"action": "An action the tool never found", "leads": [], "issues": ["missing_lead", "missing_timescale"]},
        ],
    }
    plan = {
        "items": [
            out_item("Review all plans.", "a", leads=[{"name": "Jane Bell"}], section="SAFEGUARDING",
                     timescale={"raw": "End of April 2013.", "due": "2013-04-30"},
                     status={"rag": "red", "state": "unknown"}),
            out_item("Audit supervision records", "b", timescale={"raw": "Within 3 months", "due": "2013-07-31"}),
            out_item("Header text read as an item", "c"),
        ],
        "issues": [
            {"item_id": "b", "code": "missing_lead"},
            {"item_id": "a", "code": "missing_timescale"},  # false alarm on a keyed code
            {"item_id": "a", "code": "unparsed_timescale"},  # a code the key does not speak for
        ],
    }
    score = score_document(key, plan).summary()
    assert (score["expected"], score["found"], score["paired"]) == (3, 3, 2)
    assert score["precision"] == pytest.approx(2 / 3, abs=1e-4) and score["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert score["fields"] == {"leads": 1.0, "timescale": 1.0, "due": 1.0, "rag": 0.5, "recommendation": 1.0,
                               "section": 1.0}
    assert score["due_unscored"] == 1
    assert score["issues"] == {"expected": 3, "found": 1, "recall": 0.3333, "extra": 1}


def test_a_failed_document_counts_every_keyed_item_as_missed():
    key = {"document": {}, "item": [{"action": "x"}, {"action": "y"}]}
    score = score_document(key, None).summary()
    assert (score["failed"], score["recall"], score["f1"]) == (1, 0.0, 0.0)


@pytest.mark.parametrize("source, slice_name", [
    ("samples/southend-2012.txt", "seed-text"),
    ("samples/docx/southend-2012.docx", "seed-docx"),
    ("samples/pdf/southend-2012.pdf", "seed-pdf"),
    ("tests/accuracy/reports/send_dorset_2024.pdf", "reports"),
    ("tests/accuracy/corpus/draw-2/merged-areas.docx", "draw-2/docx"),
])
def test_slices(source, slice_name):
    assert slice_of(source) == slice_name


def test_check_names_every_figure_below_its_floor(tmp_path):
    from accuracy.run import check
    from accuracy.score import Score

    floors = tmp_path / "thresholds.toml"
    floors.write_text('["seed-text"]\nf1 = 0.9\nleads = 0.5\nfl = 0.5\n\n["reports"]\nf1 = 0.1\n', encoding="utf-8")
    score = score_document(
        {"document": {}, "item": [{"action": "Review all plans", "leads": ["Jane Bell"]}, {"action": "Missed"}]},
        {"items": [out_item("Review all plans")], "issues": []},
    )
    slices = {"seed-text": Score()}
    slices["seed-text"].add(score)
    assert check(slices, floors) == [
        "seed-text: f1 0.6667 is below its floor 0.9000",
        "seed-text: leads 0.0000 is below its floor 0.5000",
        "seed-text: fl is no figure the scorer gives (f1, precision, recall, leads, timescale, due, rag, "
        "recommendation, section, issue_recall)",
        "reports: no documents scored (thresholds name a slice that has none)",
    ]


def test_what_is_held_out():
    from accuracy.run import held_out

    assert held_out("tests/accuracy/corpus/draw-2/text-md.md", {"document": {}})
    assert held_out("tests/accuracy/reports/send_plymouth_2023.pdf", {"document": {"held_out": True}})
    assert not held_out("tests/accuracy/corpus/draw-1/text-md.md", {"document": {}})
    assert not held_out("samples/southend-2012.txt", {"document": {}})
