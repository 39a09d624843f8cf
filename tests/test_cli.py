import json
import re
import shutil

import pytest

from typer.testing import CliRunner

import actionplan
from actionplan.cli import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, app
from actionplan.schema import json_schema_text

runner = CliRunner()


def test_extract_folder_writes_one_json_per_plan(tmp_path):
    result = runner.invoke(app, ["extract", "samples", "-o", str(tmp_path)])
    assert result.exit_code == EXIT_OK, result.output
    written = sorted(p.name for p in tmp_path.glob("*.json"))
    assert "southend-2012.json" in written and "sunderland-2013.json" in written
    southend = json.loads((tmp_path / "southend-2012.json").read_text())
    # the library's plan, plus what a re-run compares (the library leaves it null)
    assert southend.pop("conversion")["tool_version"] == actionplan.__version__
    assert southend | {"conversion": None} == json.loads(actionplan.extract("samples/southend-2012.txt").model_dump_json())
    assert "southend-2012.txt" in result.output and "45" in result.output
    assert (tmp_path / "docx" / "southend-2012.json").exists()  # folder layout kept below OUTDIR


def test_bad_file_is_one_line_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x00binary")
    good = tmp_path / "plan.txt"
    shutil.copy("samples/stockton-2013.txt", good)
    result = runner.invoke(app, ["extract", str(bad), str(good), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_UNREADABLE
    assert f"error: {bad}: not a text file (binary content)" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "out" / "plan.json").exists()


def test_bad_word_files_do_not_stop_the_batch(tmp_path):
    result = runner.invoke(app, ["extract", "tests/fixtures/bad", "samples/docx/rag-by-shading.docx",
                                 "-o", str(tmp_path)])
    assert result.exit_code == EXIT_UNREADABLE
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 9  # every bad fixture but the Windows-1252 text, which converts
    # a Word 97 file with no table: read through LibreOffice, or refused where it is missing
    assert any(line.startswith("error: tests/fixtures/bad/legacy-word-97.doc: ") for line in errors)
    assert "error: tests/fixtures/bad/empty.docx: empty file (0 bytes)" in result.output
    assert (tmp_path / "rag-by-shading.json").exists()


def test_unsupported_suffix_names_the_fix(tmp_path):
    odd = tmp_path / "plan.xyz"
    odd.write_text("x")
    result = runner.invoke(app, ["extract", str(odd), "-o", str(tmp_path)])
    assert result.exit_code == EXIT_UNREADABLE
    assert "unsupported file type '.xyz'; supported:" in result.output
    assert "save it as Word (.docx), PDF or Excel (.xlsx)" in result.output


def test_empty_folder_is_bad_usage(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE
    assert "no plan files found" in result.output


def test_same_stem_in_two_formats_does_not_overwrite(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy("samples/stockton-2013.txt", tmp_path / "in" / "plan.txt")
    shutil.copy("samples/stockton-2013.txt", tmp_path / "in" / "plan.md")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_OK
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["plan.md.json", "plan.txt.json"]


def test_schema_command_prints_the_published_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.output == json_schema_text()


def test_every_command_has_help():
    for command in ("extract", "schema"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and len(result.output) > 50


def test_usage_errors_exit_3_from_the_console_script(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "actionplan.cli", "extract", "--no-such-option", "samples"],
                            capture_output=True, text=True)
    assert result.returncode == EXIT_USAGE
    assert "No such option" in result.stderr


def test_glossary_and_anchor_date_options(tmp_path):
    result = runner.invoke(app, ["extract", "samples/stockton-2013.txt", "-o", str(tmp_path), "--anchor-date",
                                 "2013-02-15", "--glossary", "tests/fixtures/settings/stockton-glossary.toml"])
    assert result.exit_code == EXIT_OK, result.output
    plan = json.loads((tmp_path / "stockton-2013.json").read_text())
    assert plan["anchor_date"] == "2013-02-15"
    assert plan["items"][0]["leads"] == [{"name": "Shaun McLean", "role": "Head of Children's Social Care", "organisation": None, "title": None}]
    codes = [issue["code"] for issue in plan["issues"]]
    assert "lead_initials_only" in codes  # SW, LK, KS ... are not in this glossary
    assert not [i for i in plan["issues"] if i["code"] == "lead_initials_only" and "SMcL" in i["message"]]


def test_bad_glossary_file_is_a_usage_error(tmp_path):
    broken = tmp_path / "glossary.toml"
    broken.write_text("SMcL = unquoted name")
    result = runner.invoke(app, ["extract", "samples/stockton-2013.txt", "--glossary", str(broken)])
    assert result.exit_code == EXIT_USAGE
    assert str(broken) in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == EXIT_OK and result.output == f"actionplan {actionplan.__version__}\n"


def test_anchor_date_in_the_uk_form_a_user_types(tmp_path):
    for typed in ("31/01/2013", "2013-01-31"):
        result = runner.invoke(app, ["extract", "samples/stockton-2013.txt", "-o", str(tmp_path / typed.replace("/", "-")),
                                     "-q", "--anchor-date", typed])
        assert result.exit_code == EXIT_OK, result.output
        written = next((tmp_path / typed.replace("/", "-")).glob("*.json")).read_text(encoding="utf-8")
        assert '"anchor_date": "2013-01-31"' in written


def test_summary_ends_with_totals_and_where_the_outputs_went(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", "samples/docx/rag-by-shading.docx", "tests/fixtures/bad/encrypted.pdf",
                                 "-o", str(out), "-f", "csv", "--report", str(out / "report.html")])
    assert result.exit_code == EXIT_UNREADABLE
    tail = " ".join(result.stdout.split("└", 1)[1].split("\n", 1)[1].split())  # below the table, wrapping undone
    assert tail == (f"2 files: 1 converted, 0 with warnings, 1 failed 7 items, 4 need attention (no lead, no timescale, "
                    f"invalid date or overdue: actionplan validate lists them) items (CSV): {out / 'items.csv'} "
                    f"report: {out / 'report.html'}")
    assert (out / "items.csv").exists() and (out / "report.html").exists()
    assert "\x1b[" not in result.stdout  # no colour off a terminal


def test_an_output_not_written_is_not_named_as_written(tmp_path):
    (tmp_path / "report.html").mkdir()  # a folder where the report file must go
    result = runner.invoke(app, ["extract", "samples/docx/rag-by-shading.docx", "-o", str(tmp_path / "out"),
                                 "--report", str(tmp_path / "report.html")])
    assert result.exit_code == EXIT_UNREADABLE
    assert " ".join(result.stdout.split()).endswith(f"JSON, a file per plan: {tmp_path / 'out'}/")
    assert "report:" not in result.stdout and f"error: cannot write {tmp_path / 'report.html'}" in result.stderr


@pytest.mark.parametrize("option", ["--headings", "--leads", "--status", "--timescales"])
def test_a_malformed_vocabulary_file_is_one_line_naming_it(tmp_path, option):
    broken = tmp_path / "mine.toml"
    broken.write_text('words = ["unclosed"\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", "samples/stockton-2013.txt", "-o", str(tmp_path / "out"), option, str(broken)])
    assert result.exit_code == EXIT_USAGE
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {broken}: not valid TOML")


def test_a_users_timescale_words_reach_the_items(tmp_path):
    """--timescales FILE: a number phrase the shipped words lack gives the item a due date."""
    plan = tmp_path / "plan.csv"
    plan.write_text("Recommendation,Action,Lead,Timescale\n1. Audit cases,Audit twenty cases,Jane Bell,"
                    "Within a few weeks\n", encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text('[numbers]\n"a few" = 3\n', encoding="utf-8")
    dues = []
    for extra in ([], ["--timescales", str(mine)]):
        out = tmp_path / f"out{len(extra)}"
        result = runner.invoke(app, ["extract", str(plan), "-o", str(out), "--anchor-date", "2013-01-01", *extra])
        assert result.exit_code == EXIT_OK, result.output
        dues.append(json.loads((out / "plan.json").read_text())["items"][0]["timescale"]["due"])
    assert dues == [None, "2013-01-22"]


@pytest.mark.parametrize("command", [[], ["extract"], ["validate"], ["schema"]])
def test_help_shows_no_python_types(command):
    """Typer 0.2x prints <bool>, <list[Path]>, <path> beside options: words a user cannot act on."""
    result = runner.invoke(app, [*command, "--help"], terminal_width=120)
    assert result.exit_code == 0
    assert not re.search(r"<(bool|int|str|path|list\[\w+\]|float|[a-z]+ range)>", result.output), result.output


def test_summary_past_its_row_limit_lists_failures_and_a_total(tmp_path, monkeypatch):
    """A national archive's summary is not ten thousand terminal rows: past SUMMARY_ROWS
    files, the failed ones and a total line (--json still lists every file)."""
    from actionplan import cli

    monkeypatch.setattr(cli, "SUMMARY_ROWS", 2)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x00binary")
    inputs = [str(bad), "samples/southend-2012.txt", "samples/stockton-2013.txt"]
    result = runner.invoke(app, ["extract", *inputs, "-o", str(tmp_path / "out"), "--workers", "1"],
                           env={"COLUMNS": "400"})  # the temporary folder's path on one line
    assert result.exit_code == EXIT_UNREADABLE
    table = result.stdout  # the per-file progress lines go to stderr
    assert "3 files, 1 failed; --json lists every file" in table
    assert "broken.txt" in table and "southend-2012.txt" not in table
    assert "total: 2 plans" in table and "103" in table  # 45 + 58 items
    listed = runner.invoke(app, ["extract", *inputs, "-o", str(tmp_path / "out"), "--workers", "1", "--json"])
    summary = json.loads(listed.stdout)
    assert [entry["path"] for entry in summary["files"]] == inputs
    assert listed.stdout == json.dumps(summary, indent=2) + "\n"  # written a file at a time, as json.dumps writes
