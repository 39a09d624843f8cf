"""Bad and odd inputs: each gets one clear line or converts correctly, no traceback
reaches the user, and the rest of the batch converts."""

import os
from pathlib import Path

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
