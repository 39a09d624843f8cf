"""Batch conversion: workers, re-runs, output formats."""

import csv
import json
import os
import time
from pathlib import Path

import pytest

from actionplan import ActionPlan, Settings, batch
from actionplan.batch import convert_many, convert_one
from actionplan.files import find_plans
from typer.testing import CliRunner

from actionplan.cli import EXIT_OK, EXIT_STRICT, app

runner = CliRunner()
SEED_TEXTS = sorted(Path("samples").glob("*.txt"))


def test_two_workers_give_the_same_plans_as_one(tmp_path):
    names = find_plans([Path("samples/docx"), *SEED_TEXTS])
    one = {o.path: o.plan for o in convert_many(names, tmp_path / "a", Settings(), workers=1)}
    two = {o.path: o.plan for o in convert_many(names, tmp_path / "b", Settings(), workers=2)}
    assert one == two and len(one) == len(names)
    assert sorted(p.name for p in (tmp_path / "a").rglob("*.json")) == sorted(p.name for p in (tmp_path / "b").rglob("*.json"))


def test_rerun_skips_up_to_date_outputs_and_force_redoes_them(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(Path("samples/southend-2012.txt").read_bytes())
    first = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "out"), "--json"])
    assert json.loads(first.output)["files"][0]["status"] == "converted"
    again = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "out"), "--json"])
    assert json.loads(again.output)["files"][0]["status"] == "skipped"
    assert json.loads(again.output)["files"][0]["items"] == 45
    forced = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "out"), "--json", "--force"])
    assert json.loads(forced.output)["files"][0]["status"] == "converted"
    # changed bytes (and a newer file) mean converting again
    time.sleep(0.01)
    plan.write_bytes(Path("samples/stockton-2013.txt").read_bytes())
    os.utime(plan)
    changed = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "out"), "--json"])
    assert json.loads(changed.output)["files"][0] | {"issues": None} == {
        "path": str(plan), "output": "plan.json", "status": "converted", "error": None, "items": 58, "issues": None}


def test_jsonl_one_item_per_line_with_its_plan(tmp_path):
    result = runner.invoke(app, ["extract", *map(str, SEED_TEXTS), "-o", str(tmp_path), "-f", "jsonl", "-q"])
    assert result.exit_code == EXIT_OK, result.output
    lines = (tmp_path / "items.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 31 + 18 + 45 + 58 + 138
    assert records[0]["plan_path"] == "samples/darlington-2012.txt" and records[0]["id"] == "t4-r4"
    assert not list(tmp_path.glob("*-20*.json"))  # no per-plan files in this format


def test_csv_flat_columns_for_spreadsheets(tmp_path):
    result = runner.invoke(app, ["extract", "samples/north-tyneside-2012.txt", "-o", str(tmp_path), "-f", "csv", "-q"])
    assert result.exit_code == EXIT_OK
    with (tmp_path / "items.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 18
    assert rows[3]["leads"] == "Sue Burns (LSCB Manager); Angela Glenn (Fieldwork Manager); " \
                               "Mark Longstaff (Head of Commissioning resources and Support)"
    assert rows[0]["issues"] == "missing_timescale"
    assert rows[0]["timescale_kind"] == "missing"


def test_strict_exit_code_and_json_summary(tmp_path):
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "-o", str(tmp_path), "--strict", "--json"])
    assert result.exit_code == EXIT_STRICT
    summary = json.loads(result.output)
    assert summary["exit_code"] == EXIT_STRICT
    assert summary["files"][0]["issues"] == {"invalid_date": 1, "missing_lead": 2, "missing_timescale": 2, "no_anchor_date": 1,
                                                  "overdue": 3}
    assert summary["stats"]["errors"] == 5


def test_progress_lines_when_not_a_terminal(tmp_path):
    result = runner.invoke(app, ["extract", "samples/stockton-2013.txt", "-o", str(tmp_path)])
    assert "converted samples/stockton-2013.txt (58 items)" in result.output


def test_an_outcome_status_is_one_of_four_words_in_every_output():
    """The same words in --json, the report and the terminal; a word that is no status is a defect."""
    import pytest

    from actionplan.batch import Outcome, OutcomeStatus
    from actionplan.report import build_report

    assert [status.value for status in OutcomeStatus] == ["converted", "converted with warnings", "skipped", "failed"]
    plan = next(convert_many({Path("samples/southend-2012.txt"): "s.json"}, None, Settings())).plan
    outcome = Outcome(Path("p.txt"), "", "converted with warnings", plan)
    assert outcome.status is OutcomeStatus.CONVERTED_WITH_WARNINGS and f"{outcome.status}" == "converted with warnings"
    assert json.loads(build_report([outcome]).model_dump_json())["plans"][0]["status"] == "converted with warnings"
    with pytest.raises(ValueError):
        Outcome(Path("p.txt"), "", "half done")


# A re-run converts again when anything that shapes the JSON changed: each setting, the
# contents of a settings file (same path, edited), the tool's version; otherwise it skips.
RERUN_CHANGES = {
    "nothing": (lambda tmp: Settings(), "skipped"),
    "anchor date": (lambda tmp: Settings(anchor_date="2013-01-31"), "converted"),
    "glossary": (lambda tmp: Settings(glossary={"JH": "Jo Hughes"}), "converted"),
    "headings file": (lambda tmp: Settings(headings_file=_edited(tmp / "h.toml")), "converted"),
    "leads file": (lambda tmp: Settings(leads_file=_edited(tmp / "l.toml")), "converted"),
    "ocr mode": (lambda tmp: Settings(ocr="never"), "converted"),
    "ocr dpi": (lambda tmp: Settings(ocr_dpi=200), "converted"),
}


def _edited(path: Path) -> Path:
    """A settings file whose path the first run also used, edited since."""
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("change", RERUN_CHANGES)
def test_rerun_converts_again_when_a_setting_changes(tmp_path, change):
    plan, output = tmp_path / "plan.txt", tmp_path / "out" / "plan.json"
    plan.write_bytes(Path("samples/southend-2012.txt").read_bytes())
    (tmp_path / "h.toml").write_text(Path("tests/fixtures/settings/extra-headings.toml").read_text(encoding="utf-8"))
    (tmp_path / "l.toml").write_text('roles = ["navigator"]\n', encoding="utf-8")
    first = Settings(headings_file=tmp_path / "h.toml", leads_file=tmp_path / "l.toml") \
        if change in ("headings file", "leads file") else Settings()
    assert convert_one(plan, output, first).status == "converted"
    again = RERUN_CHANGES[change][0](tmp_path)
    outcome = convert_one(plan, output, again)
    assert outcome.status == RERUN_CHANGES[change][1]
    stored = ActionPlan.model_validate_json(output.read_text(encoding="utf-8")).conversion
    assert stored.settings == again.digest() and stored.input_size == plan.stat().st_size


def test_rerun_converts_again_under_another_version_or_without_a_record(tmp_path, monkeypatch):
    plan, output = tmp_path / "plan.txt", tmp_path / "plan.json"
    plan.write_bytes(Path("samples/north-tyneside-2012.txt").read_bytes())
    assert convert_one(plan, output, Settings()).status == "converted"
    assert convert_one(plan, output, Settings()).status == "skipped"
    monkeypatch.setattr(batch, "__version__", "99.0")
    assert convert_one(plan, output, Settings()).status == "converted"
    assert ActionPlan.model_validate_json(output.read_text(encoding="utf-8")).conversion.tool_version == "99.0"
    # a JSON written before the conversion record existed says nothing about its settings: redone
    stored = json.loads(output.read_text(encoding="utf-8"))
    output.write_text(json.dumps({k: v for k, v in stored.items() if k != "conversion"}), encoding="utf-8")
    assert convert_one(plan, output, Settings()).status == "converted"
    # the same bytes touched later are not a change: the content decides
    os.utime(plan, (time.time() + 60, time.time() + 60))
    assert convert_one(plan, output, Settings()).status == "skipped"
