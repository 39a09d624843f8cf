"""items.csv and items.jsonl: what spreadsheet users and scripts read."""

import csv
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from actionplan.cli import EXIT_OK, app
from actionplan.outputs.tables import CSV_COLUMNS, EXTRA_PREFIX

runner = CliRunner()
README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _csv(tmp_path, *inputs):
    result = runner.invoke(app, ["extract", *inputs, "-o", str(tmp_path), "-f", "csv", "-q"])
    assert result.exit_code == EXIT_OK, result.output
    return (tmp_path / "items.csv").read_bytes()


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(tmp_path):
    written = _csv(tmp_path, "samples/stockton-2013.txt")
    assert written.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(written.decode("utf-8-sig").splitlines()))
    text = " ".join(value for row in rows for value in row.values())
    assert "–" in text  # en dashes arrive as themselves, not as "â€“"
    assert rows[0]["plan_title"].startswith("Action Plan in response to the recommendations of the January 2013")


def test_csv_has_one_column_per_extra_heading(tmp_path):
    """stockton's unnamed fourth column is kept in `extra` as "column 4": the CSV carries it."""
    rows = list(csv.DictReader(_csv(tmp_path, "samples/stockton-2013.txt").decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == CSV_COLUMNS + [EXTRA_PREFIX + "column 4"]
    kept = [row[EXTRA_PREFIX + "column 4"] for row in rows if row[EXTRA_PREFIX + "column 4"]]
    assert len(kept) == 2 and kept[1] == "Timescale needs to be reviewed, once revised procedures (as above) are implemented."


def test_readme_documents_exactly_the_csv_columns(tmp_path):
    section = README.split("### CSV columns", 1)[1].split("\n#", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    written = _csv(tmp_path, "samples/southend-2012.txt").decode("utf-8-sig").splitlines()[0].split(",")
    assert documented == CSV_COLUMNS == written  # southend has no extra columns
    assert f"`{EXTRA_PREFIX}<heading>`" in section


def test_jsonl_has_every_item_once_with_its_plan(tmp_path):
    result = runner.invoke(app, ["extract", "samples/southend-2012.txt", "samples/stockton-2013.txt",
                                 "-o", str(tmp_path), "-f", "jsonl", "-q"])
    assert result.exit_code == EXIT_OK
    records = [json.loads(line) for line in (tmp_path / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["plan_path"] for r in records].count("samples/stockton-2013.txt") == 58
    assert len({(r["plan_path"], r["id"]) for r in records}) == 45 + 58
