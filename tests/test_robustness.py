"""Bad and odd inputs: each gets one clear line or converts correctly, no traceback
reaches the user, and the rest of the batch converts."""

import json
import os
import random
import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import actionplan
from actionplan.cli import EXIT_UNREADABLE, app
from actionplan.errors import DocumentLoadError

BAD = Path("tests/fixtures/bad")
runner = CliRunner()


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx"])
def test_empty_files_are_one_clear_error(name):
    """Zero bytes, whatever the suffix. (Damaged, encrypted and mislabelled files of each
    format are tested beside their extractor: tests/extract/test_docx.py, test_pdf.py.)"""
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(BAD / name)
    assert str(raised.value) == f"{BAD / name}: empty file (0 bytes): nothing to read; export or download it again"


def test_windows_1252_text_converts_with_pound_sign_and_smart_quotes():
    plan = actionplan.extract(BAD / "windows-1252.txt")
    assert plan.items[0].action == "Publish the \u201cPledge\u201d leaflet (budget \u00a3500)"
    assert plan.items[0].timescale.raw == "June 2013"


def test_path_with_spaces_and_non_ascii(tmp_path):
    folder = Path("tests/fixtures/odd paths")
    result = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "out put"), "-q"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "out put" / "Plán ñame" / "stockton copy é.json"
    assert written.exists()
    assert len(actionplan.ActionPlan.model_validate_json(written.read_text(encoding="utf-8")).items) == 58


def test_large_random_file_is_refused_quickly(tmp_path):
    """50 MB of random bytes named .pdf: one line, no traceback, memory not exhausted."""
    big = tmp_path / "random.pdf"
    with big.open("wb") as stream:
        for _ in range(50):
            stream.write(os.urandom(1 << 20))
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(big)
    assert str(raised.value).startswith(f"{big}: ")


def test_unreadable_file(tmp_path):
    """A file this process may not open (as root, simulated with a directory named like a plan)."""
    locked = tmp_path / "locked.txt"
    locked.write_text("Action\tLead\nx\ty\n")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: use a path that cannot be read as a file
        locked.chmod(0o644)
        locked = tmp_path / "folder.txt"
        locked.mkdir()
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(locked)
    assert str(raised.value).startswith(f"{locked}: ")


def test_a_batch_of_bad_files_still_converts_the_good_one(tmp_path):
    result = runner.invoke(app, ["extract", str(BAD), "samples/southend-2012.txt", "-o", str(tmp_path), "-q"])
    assert result.exit_code == EXIT_UNREADABLE
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 9  # every bad fixture but the cp1252 text, which converts
    assert (tmp_path / "southend-2012.json").exists()
    assert (tmp_path / "windows-1252.json").exists()


# Random bytes under every suffix, and a real file of each format holding only prose, are
# failed files with one line saying why: never "converted" with a flood of warnings.
_NOISE = random.Random(17).randbytes(4000)
_PROSE = "Minutes of the board\n\nThe board met on 12 March 2013 and agreed the annual report.\n"
NOT_A_PLAN = {
    "noise.pdf": (_NOISE, "damaged or truncated PDF"),
    "noise.docx": (_NOISE, "not a Word .docx file (it is not a zip package)"),
    "noise.xlsx": (_NOISE, "not an Excel .xlsx file (it is not a zip package)"),
    "noise.txt": (_NOISE, "not a text file (binary content)"),
    "noise.md": (_NOISE, "not a text file (binary content)"),
    "noise.csv": (_NOISE, "not a CSV file (binary content)"),
    "noise.html": (_NOISE, "not a web page (binary content)"),
    "prose.txt": (_PROSE.encode(), "no table found"),
    "prose.csv": (_PROSE.encode(), "no table found"),
    "prose.html": (f"<html><body><p>{_PROSE}</p></body></html>".encode(), "no table found"),
    "prose.docx": (Path("tests/fixtures/bad/no-table.docx").read_bytes(), "no table found"),
    "prose.pdf": (Path("tests/fixtures/pdf/prose-only.pdf").read_bytes(), "no table found"),
}


@pytest.mark.parametrize("name", NOT_A_PLAN)
def test_binary_or_tableless_file_is_a_failed_file(tmp_path, name):
    data, cause = NOT_A_PLAN[name]
    (tmp_path / name).write_bytes(data)
    with pytest.raises(DocumentLoadError, match=re.escape(f"{tmp_path / name}: {cause}")):
        actionplan.extract(tmp_path / name)
    result = runner.invoke(app, ["extract", str(tmp_path / name), "-o", str(tmp_path / "out"), "--json"])
    assert result.exit_code == EXIT_UNREADABLE
    assert json.loads(result.stdout)["files"][0]["status"] == "failed"


def test_prose_workbook_is_a_failed_file(tmp_path):
    workbook = openpyxl.Workbook()
    for number, line in enumerate(_PROSE.splitlines(), start=1):
        workbook.active.cell(number, 1, line)
    workbook.save(tmp_path / "prose.xlsx")
    with pytest.raises(DocumentLoadError, match="no table found"):
        actionplan.extract(tmp_path / "prose.xlsx")


def test_utf16_text_with_its_mark_is_text_not_binary(tmp_path):
    """Notepad's "Unicode" saves UTF-16 with a byte-order mark: NUL bytes that are text."""
    (tmp_path / "plan.txt").write_bytes(Path("samples/southend-2012.txt").read_text(encoding="utf-8").encode("utf-16"))
    assert len(actionplan.extract(tmp_path / "plan.txt").items) == 45
