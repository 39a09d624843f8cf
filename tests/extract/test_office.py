"""OpenDocument, legacy Word and RTF through LibreOffice (extract/office.py).

The conversions need LibreOffice (`soffice`, the ``soffice`` fixture): those tests are
skipped where it is not installed, and fail instead in CI (the CI variable set), which
installs it. The files are made in the test by LibreOffice itself from a Word sample, and
must give the same items as that sample read directly. What happens without LibreOffice,
on a timeout and on a failed conversion runs everywhere, with the lookup replaced.
"""

import subprocess
from pathlib import Path

import pytest

import actionplan
from actionplan.errors import DocumentLoadError
from actionplan.extract import office

LEGACY_DOC = Path("tests/fixtures/bad/legacy-word-97.doc")
# tests/fixtures/xlsx/tracker.xlsx (fills, theme tints, merged cells, date cells under several
# number formats including Excel's regional short date, hidden rows, columns and sheets, a
# legend sheet) saved as .ods by LibreOffice Calc 7.4 in a UK locale:
#   LC_ALL=en_GB.UTF-8 soffice --headless --convert-to ods tests/fixtures/xlsx/tracker.xlsx
ODS_TRACKER = Path("tests/fixtures/ods/tracker.ods")


def _saved_as(soffice: str, docx: Path, fmt: str, folder: Path) -> Path:
    """The Word file saved by LibreOffice as .odt / .doc / .rtf (a private profile)."""
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", fmt, "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=300)
    return folder / f"{docx.stem}.{fmt}"


def _items(plan):
    return [(i.section, i.recommendation_ref, i.recommendation, i.action_ref, i.action, i.lead_raw,
             i.timescale.raw, i.timescale.due, i.status.rag, i.progress) for i in plan.items]


@pytest.mark.parametrize("sample,fmt", [
    ("merged-recommendations", "odt"),  # merged cells, list numbers, nested table, content control
    ("merged-recommendations", "doc"),
    ("merged-recommendations", "rtf"),
    ("rag-by-shading", "odt"),          # RAG only as cell shading
])
def test_converted_files_give_the_word_files_items(tmp_path, soffice, sample, fmt):
    word = Path("samples/docx") / f"{sample}.docx"
    converted = _saved_as(soffice, word, fmt, tmp_path)
    plan = actionplan.extract(converted)
    assert _items(plan) == _items(actionplan.extract(word))
    assert (plan.source.path, plan.source.format) == (str(converted), fmt)


def test_a_calc_spreadsheet_gives_the_excel_workbooks_items_and_issues(soffice):
    plan = actionplan.extract(ODS_TRACKER)
    excel = actionplan.extract(Path("tests/fixtures/xlsx/tracker.xlsx"))
    assert _items(plan) == _items(excel)
    assert [(i.code, i.message) for i in plan.issues] == [(i.code, i.message) for i in excel.issues]
    assert (plan.source.path, plan.source.format) == (str(ODS_TRACKER), "ods")


def test_a_converted_file_without_a_table_names_the_source(tmp_path, soffice):
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(LEGACY_DOC)
    assert str(raised.value) == f"{LEGACY_DOC}: no table found: an action plan is a table of actions"


def test_without_libreoffice_the_error_names_the_package(monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(LEGACY_DOC)
    assert str(raised.value) == (
        f"{LEGACY_DOC}: reading .doc files needs LibreOffice, which is not installed (Debian/Ubuntu: "
        "apt-get install libreoffice-writer-nogui); .docx, .xlsx, .pdf, .html and text plans are read without it")


def test_without_libreoffice_a_spreadsheet_names_the_calc_package(monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(ODS_TRACKER)
    assert str(raised.value) == (
        f"{ODS_TRACKER}: reading .ods files needs LibreOffice, which is not installed (Debian/Ubuntu: "
        "apt-get install libreoffice-calc-nogui); .docx, .xlsx, .pdf, .html and text plans are read without it")


def _fake_soffice(tmp_path, script: str) -> str:
    path = tmp_path / "soffice"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)
    return str(path)


def test_a_conversion_that_hangs_is_ended_at_the_timeout(tmp_path, monkeypatch):
    fake = _fake_soffice(tmp_path, "sleep 60")
    monkeypatch.setattr(office, "find_soffice", lambda: fake)
    monkeypatch.setenv(office.TIMEOUT_ENV, "0.5")
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(LEGACY_DOC)
    assert str(raised.value) == (f"{LEGACY_DOC}: LibreOffice did not finish converting it in 0.5 s; "
                                 "set ACTIONPLAN_SOFFICE_TIMEOUT to allow longer")


def test_a_failed_conversion_says_what_libreoffice_said(tmp_path, monkeypatch):
    fake = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    monkeypatch.setattr(office, "find_soffice", lambda: fake)
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(LEGACY_DOC)
    assert str(raised.value) == (f"{LEGACY_DOC}: LibreOffice could not convert it (Error: source file could "
                                 "not be loaded): the file may be damaged or password-protected")


def test_libreoffice_converts_in_a_uk_locale(tmp_path, monkeypatch):
    """A short-date cell converted under an en-US LibreOffice read 10/31/2012 (month first),
    an invalid date to a UK reader: the conversion runs as en-GB whatever the machine's locale."""
    fake = _fake_soffice(tmp_path, 'echo "locale $LC_ALL $LANG" >&2; exit 1')
    monkeypatch.setattr(office, "find_soffice", lambda: fake)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with pytest.raises(DocumentLoadError) as raised:
        actionplan.extract(ODS_TRACKER)
    assert str(raised.value) == (f"{ODS_TRACKER}: LibreOffice could not convert it (locale en_GB.UTF-8 "
                                 "en_GB.UTF-8): the file may be damaged or password-protected or "
                                 "libreoffice-calc-nogui is not installed")


@pytest.mark.parametrize("value,seconds", [(None, 120.0), ("300", 300.0), ("0", 120.0), ("soon", 120.0)])
def test_timeout_setting(monkeypatch, value, seconds):
    if value is None:
        monkeypatch.delenv(office.TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(office.TIMEOUT_ENV, value)
    assert office.conversion_timeout() == seconds
