"""Validation reports: the JSON, the terminal table, and the HTML page as a browser
shows it (headless Chromium, Debian's `chromium`, installed by .ci/run)."""

import json
import os
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from actionplan.cli import EXIT_UNREADABLE, app
from actionplan.normalise.validate import CODES

runner = CliRunner()
INPUTS = ["samples/southend-2012.txt", "samples/stockton-2013.txt", "tests/fixtures/bad/encrypted.pdf"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    result = runner.invoke(app, ["extract", *INPUTS, "-o", str(folder), "-q", "--report", str(folder / "report.json")])
    assert result.exit_code == EXIT_UNREADABLE
    runner.invoke(app, ["extract", *INPUTS, "-o", str(folder), "-q", "--report", str(folder / "report.html")])
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
    assert invalid["action"].startswith("Roll out the service user feedback")
    assert set(report["codes"]) == set(CODES)


def test_validate_reads_converted_json_and_plans_alike(reports):
    from_json = runner.invoke(app, ["validate", str(reports / "southend-2012.json"), "--json"])
    from_plan = runner.invoke(app, ["validate", "samples/southend-2012.txt", "--json"])
    assert json.loads(from_json.output)["stats"] == json.loads(from_plan.output)["stats"]
    table = runner.invoke(app, ["validate", "samples/southend-2012.txt"])
    assert "invalid_date" in table.output and "31/02/2013" in table.output
    assert "1 plans, 45 items: 5 errors, 4 warnings, 0 unreadable files" in table.output


def test_validate_strict_and_bad_json(tmp_path):
    assert runner.invoke(app, ["validate", "samples/stockton-2013.txt", "--strict"]).exit_code == 0
    assert runner.invoke(app, ["validate", "samples/southend-2012.txt", "--strict"]).exit_code == 1
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"not": "a plan"}')
    result = runner.invoke(app, ["validate", str(bogus)])
    assert result.exit_code == EXIT_UNREADABLE
    assert f"error: {bogus}: not an actionplan JSON file" in result.output


def _chromium() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (.ci/run installs it)")
        pytest.skip("headless Chromium not installed here (apt-get install chromium); CI installs it")
    return browser


def _rendered(page, query: str, tmp_path) -> str:
    """The page's DOM after its script ran, as headless Chromium saw it."""
    result = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"{page.resolve().as_uri()}{query}"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout


def test_html_report_shows_the_counts_in_a_browser(reports, tmp_path):
    dom = _rendered(reports / "report.html", "", tmp_path)
    totals = dict(re.findall(r'<b id="(plans|items|errors|warnings|failed)">(\d+)</b>', dom))
    assert totals == {"plans": "2", "items": "103", "errors": "5", "warnings": "71", "failed": "1"}
    assert re.search(r'id="shown">76<', dom)  # every flagged item shown at first
    bars = dict(re.findall(r'class="count" data-code="(\w+)">(\d+)<', dom))
    assert bars["lead_initials_only"] == "53" and bars["invalid_date"] == "1"
    assert "https://" not in dom and "http://" not in dom  # self-contained: nothing fetched


def test_html_report_filters_by_code(reports, tmp_path):
    dom = _rendered(reports / "report.html", "?code=missing_lead", tmp_path)
    assert re.search(r'id="shown">2<', dom)
    hidden = re.findall(r'<tr data-code="(\w+)"[^>]*style="display: none;"', dom)
    assert len(hidden) == 74 and "missing_lead" not in hidden
