"""Validation reports: the JSON and the terminal table (the HTML page: tests/outputs/test_html.py)."""

import json
import re

import pytest
from typer.testing import CliRunner

import actionplan
from actionplan.cli import EXIT_UNREADABLE, app
from actionplan.schema.codes import CODES

runner = CliRunner()
INPUTS = ["samples/southend-2012.txt", "samples/stockton-2013.txt", "tests/fixtures/bad/encrypted.pdf"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    result = runner.invoke(app, ["extract", *INPUTS, "-o", str(folder), "-q", "--report", str(folder / "report.json")])
    assert result.exit_code == EXIT_UNREADABLE
    return folder


def test_json_report_lists_every_issue_with_place_and_value(reports):
    report = json.loads((reports / "report.json").read_text(encoding="utf-8"))
    assert report["stats"] == {
        "plans": 2, "failed": 1, "items": 103, "errors": 5, "warnings": 71,
        "by_code": {"inferred_column": 1, "invalid_date": 1, "lead_initials_only": 53, "missing_lead": 2,
                    "missing_timescale": 2, "no_anchor_date": 1, "overdue": 12, "unparsed_timescale": 4},
    }
    assert report["valid"] is False
    assert report["failures"] == [{"path": "tests/fixtures/bad/encrypted.pdf",
                                   "error": "tests/fixtures/bad/encrypted.pdf: encrypted PDF: it needs a password to open"}]
    invalid = [i for i in report["plans"][0]["issues"] if i["code"] == "invalid_date"][0]
    assert (invalid["item_id"], invalid["table"], invalid["row"], invalid["value"]) == ("t2-r6", 2, 6, "31/02/2013")
    assert invalid["action"] == "Roll out the service user feedback in the appraisal process for all front line staff " \
                                "appraisals for year end 2012/12."
    assert set(report["plans"][0]) >= {"path", "title", "items", "status", "valid", "errors", "warnings", "counts",
                                       "issues", "as_of", "rag", "actions"}
    assert report["plans"][0]["as_of"] == "2012-10-22"
    action = report["plans"][0]["actions"][0]
    assert (action["action_ref"], action["leads"], action["due"], action["overdue"]) == (
        "1.1", ["Heather Flinders"], "2012-10-31", False)
    assert report["dashboard"]["overdue"] == report["stats"]["by_code"]["overdue"]
    assert report["dashboard"]["leads"][0] == {"lead": "MG", "actions": 15, "overdue": 4}


def test_an_issue_carries_the_whole_action_text(reports):
    report = json.loads((reports / "report.json").read_text(encoding="utf-8"))
    items = {item.id: item.action for item in actionplan.extract("samples/stockton-2013.txt").items}
    stockton = report["plans"][1]
    assert any(len(found["action"]) > 160 for found in stockton["issues"])
    assert all(found["action"] == items[found["item_id"]] for found in stockton["issues"] if found["item_id"])
    assert set(report["codes"]) == set(CODES)


def test_validate_reads_converted_json_and_plans_alike(reports):
    from_json = runner.invoke(app, ["validate", str(reports / "southend-2012.json"), "--json"])
    from_plan = runner.invoke(app, ["validate", "samples/southend-2012.txt", "--json"])
    assert json.loads(from_json.output)["stats"] == json.loads(from_plan.output)["stats"]
    table = runner.invoke(app, ["validate", "samples/southend-2012.txt"])
    assert "invalid date" in table.output and "31/02/2013" in table.output
    assert "1 plan, 45 items: 5 errors, 4 warnings, 0 unreadable files; 6 need attention" in " ".join(table.output.split())


def test_validate_strict_and_bad_json(tmp_path):
    assert runner.invoke(app, ["validate", "samples/stockton-2013.txt", "--strict"]).exit_code == 0
    assert runner.invoke(app, ["validate", "samples/southend-2012.txt", "--strict"]).exit_code == 1
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"not": "a plan"}')
    result = runner.invoke(app, ["validate", str(bogus)])
    assert result.exit_code == EXIT_UNREADABLE
    assert f"error: {bogus}: not an actionplan JSON file" in result.output


def test_validate_json_is_the_library_report():
    """The CLI's --json is report_json of build_report over the same outcomes, byte for byte."""
    from pathlib import Path

    from actionplan.batch import convert_one
    from actionplan.normalise.settings import Settings
    from actionplan.report import build_report, report_json

    paths = ["samples/southend-2012.txt", "samples/docx/rag-by-shading.docx"]
    result = runner.invoke(app, ["validate", *paths, "--json"])
    assert result.exit_code == 0
    library = report_json(build_report([convert_one(Path(path), None, Settings()) for path in paths]))
    assert result.stdout == library


def test_validate_lists_the_actions_needing_attention_not_only_counts():
    result = runner.invoke(app, ["validate", "samples/docx/rag-by-shading.docx"])
    assert "7 actions, 4 need attention; 1 error, 3 warnings\noverdue as at the plan's progress date, 30 Nov 2013\n" \
        in result.stdout
    lines = result.stdout.split(" 2013\n", 1)[1].splitlines()  # after the plan's heading lines
    assert [line.split()[0] for line in lines[1:5]] == ["t1-r2", "t1-r5", "t1-r7", "t1-r8"]  # one line per action
    # the reasons, the lead, the due date (as written where it is no date) at the line's end (80 columns at least)
    assert re.search(r"^t1-r8 Add a notification flag[\w ]*…? +invalid date +Systems Manager +31/02/2014$", lines[4])
    assert re.search(r"^t1-r2 Daily performance clinic[\w ]*…? +overdue +Joan Smith +31 Oct 2013$", lines[1])


def test_validate_streams_the_report_the_in_memory_report_would_be(reports, tmp_path):
    """validate reads plans and JSON files one at a time through the spool (an archive is
    never all in memory); its --json and --report are the bytes build_report gives."""
    from pathlib import Path

    from actionplan.batch import Outcome
    from actionplan.report import build_report, report_json
    from actionplan.schema import ActionPlan

    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"not": "a plan"}')
    converted = reports / "southend-2012.json"
    result = runner.invoke(app, ["validate", "samples/stockton-2013.txt", str(converted), str(bogus), "--json",
                                 "--report", str(tmp_path / "report.json")])
    assert result.exit_code == EXIT_UNREADABLE
    expected = build_report([
        Outcome(Path("samples/stockton-2013.txt"), "", "converted", actionplan.extract("samples/stockton-2013.txt")),
        Outcome(converted, "", "skipped", ActionPlan.model_validate_json(converted.read_text(encoding="utf-8"))),
        Outcome(bogus, "", "failed", error=json.loads(result.stdout)["failures"][0]["error"]),
    ])
    assert result.stdout == report_json(expected)
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == report_json(expected)
