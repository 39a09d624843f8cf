"""The tuned constants of the PDF and fixed-width table readers: one frozen settings model
per module, and pdfplumber's own table settings built from ours."""

import pytest
from pdfplumber.table import TableSettings
from pydantic import ValidationError

from actionplan.extract import fixed_width, pdf_ruled, pdf_unruled


def test_pdfplumber_reads_our_table_settings():
    resolved = TableSettings.resolve(pdf_ruled.SETTINGS.table_finding.for_pdfplumber())
    assert (resolved.vertical_strategy, resolved.horizontal_strategy) == ("lines", "lines")


def test_a_strategy_pdfplumber_does_not_know_is_refused():
    with pytest.raises(ValidationError):
        pdf_ruled.TableFinding(vertical_strategy="gutters")


@pytest.mark.parametrize("settings,name", [
    (pdf_ruled.SETTINGS, "sliver"), (pdf_unruled.SETTINGS, "block_gap"), (fixed_width.SETTINGS, "max_blanks"),
])
def test_settings_are_frozen(settings, name):
    with pytest.raises(ValidationError):
        setattr(settings, name, 1)


@pytest.mark.parametrize("model", [pdf_ruled.RuledSettings, pdf_unruled.UnruledSettings,
                                   fixed_width.FixedWidthSettings])
def test_an_unknown_setting_is_refused(model):
    with pytest.raises(ValidationError):
        model(no_such_constant=1)
